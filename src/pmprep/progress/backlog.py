"""The review backlog: how many review-queue items fall due when, by kind.

The rules, on due dates (the caller turns due times into dates in the user's time zone):

1. **Overdue**: due before ``today``.
2. **Due today**: due on ``today``.
3. **Due this week**: due in the next seven days, ``today + 1`` to ``today + 7`` (a rolling week,
   so Sunday's backlog is as useful as Monday's).
4. **Later**: due after that.

Kinds are counted separately; ``question`` and ``story`` come first, any other kind after them
in alphabetical order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

BUCKETS = {"overdue": "Overdue", "today": "Due today", "week": "Due this week", "later": "Later"}
KINDS = {"question": "Questions", "story": "Stories"}
WEEK_DAYS = 7


@dataclass(frozen=True)
class Backlog:
    kinds: tuple[tuple[str, str], ...]  # (kind, name) in display order
    counts: dict[str, dict[str, int]]  # bucket -> kind -> items

    @property
    def total(self) -> int:
        return sum(sum(by_kind.values()) for by_kind in self.counts.values())

    @property
    def empty(self) -> bool:
        return self.total == 0

    def rows(self) -> list[tuple[str, list[int], int]]:
        """Bucket by bucket: (name, count per kind, total)."""
        return [
            (name, [self.counts[b][k] for k, _ in self.kinds], sum(self.counts[b].values()))
            for b, name in BUCKETS.items()
        ]

    def to_dict(self) -> dict[str, Any]:
        return {"kinds": [k for k, _ in self.kinds], "counts": {b: dict(c) for b, c in self.counts.items()}}


def bucket_of(due: date, today: date) -> str:
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    if due <= today + timedelta(days=WEEK_DAYS):
        return "week"
    return "later"


def backlog(items: Iterable[tuple[str, date]], today: date) -> Backlog:
    """Count ``(kind, due date)`` items into the four buckets."""
    items = list(items)
    extra = sorted({kind for kind, _ in items} - set(KINDS))
    kinds = tuple(KINDS.items()) + tuple((k, k.replace("_", " ").capitalize()) for k in extra)
    counts = {b: {k: 0 for k, _ in kinds} for b in BUCKETS}
    for kind, due in items:
        counts[bucket_of(due, today)][kind] += 1
    return Backlog(kinds, counts)
