"""Spaced-repetition review queue: FSRS cards for practised items and the plan for one day."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from fsrs import Card, Rating, Scheduler
from fsrs.card import CardDict

# Fuzzing off: the same reviews always give the same due dates, so plans and tests are reproducible.
_SCHEDULER = Scheduler(desired_retention=0.9, enable_fuzzing=False)


@dataclass(frozen=True)
class ReviewItem:
    """One thing to review: a question, a STAR story or a framework card, with its FSRS card."""

    kind: str  # "question", "story" or "card"
    key: str  # e.g. a question id
    type: str  # question type such as "metrics"; used for mixing
    round_ids: tuple[str, ...]
    card: dict  # fsrs Card.to_dict() output
    due: datetime  # timezone-aware, equals the card's due


@dataclass(frozen=True)
class TodayPlan:
    """What to review today, in order, and how the rest of the queue stands."""

    items: tuple[ReviewItem, ...]  # today's reviews, in order
    overdue: int  # due before the start of today (counted before the cap)
    due_today: int  # due during today (counted before the cap)
    squeezed: int  # today's items pulled forward because of the interview
    later: int  # due after today and not pulled in
    by_round: dict[str, int]  # today's items per round id, sorted by round id
    capped: int  # overdue or due items left out by the daily cap

    @property
    def due(self) -> int:
        """Due now: overdue or due during today, before the cap. The one count of what is due that
        every page shows (the Today page, and readiness through ``planning.Evidence.review_due``)."""
        return self.overdue + self.due_today


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError(f"now must be timezone-aware, got naive {moment.isoformat()}")
    return moment.astimezone(UTC)


def new_card(now: datetime) -> CardDict:
    """A fresh FSRS card, due at ``now``."""
    now = _utc(now)
    # An id from ``now`` rather than the wall clock keeps this function pure.
    return Card(card_id=int(now.timestamp() * 1000), due=now).to_dict()


def rating_for(level: int, self_rating: int | None = None) -> Rating:
    """Feedback level 1..4 as Again/Hard/Good/Easy; with a self-rating, the lower of the two counts."""
    problems = []
    if level not in (1, 2, 3, 4):
        problems.append(f"level must be 1..4, got {level!r}")
    if self_rating is not None and self_rating not in (1, 2, 3, 4):
        problems.append(f"self_rating must be 1..4 or None, got {self_rating!r}")
    if problems:
        raise ValueError("; ".join(problems))
    return Rating(level if self_rating is None else min(level, self_rating))


def review(card: CardDict, rating: Rating, now: datetime) -> CardDict:
    """The card after a review with ``rating`` at ``now`` (the input dict is not changed)."""
    reviewed, _log = _SCHEDULER.review_card(Card.from_dict(card), rating, _utc(now))
    return reviewed.to_dict()


def due_of(card: dict) -> datetime:
    """When the card is next due (timezone-aware)."""
    return datetime.fromisoformat(card["due"])


def _start_of(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz)


def _mix(items: list[ReviewItem]) -> list[ReviewItem]:
    """Round-robin over types in order of first appearance, never repeating a type when avoidable."""
    queues: dict[str, list[ReviewItem]] = defaultdict(list)
    for item in items:
        queues[item.type].append(item)
    types = list(queues)
    mixed: list[ReviewItem] = []
    last, turn = None, 0
    while len(mixed) < len(items):
        remaining = len(items) - len(mixed)
        ready = [types[(turn + i) % len(types)] for i in range(len(types))]
        ready = [t for t in ready if queues[t] and t != last] or [t for t in ready if queues[t]]  # or only last
        # A type holding more than half of what is left must go now, or it will end up back to back.
        pick = next((t for t in ready if 2 * len(queues[t]) > remaining), ready[0])
        mixed.append(queues[pick].pop(0))
        last, turn = pick, types.index(pick) + 1
    return mixed


def plan_today(
    items: Sequence[ReviewItem], today: date, tz: tzinfo, interview_date: date | None, daily_cap: int = 12
) -> TodayPlan:
    """Choose today's reviews.

    1. Due means the card's due is before the end of ``today`` in ``tz``; overdue means due before
       the start of today.
    2. Squeeze: when ``interview_date`` is after today, every item due on or after the interview date
       is at risk (it would not come back before the interview). The at-risk items are spread evenly
       over the days left, ``days_left = (interview_date - today).days`` (at least 1): today takes
       ``ceil(at_risk / days_left)`` of them, earliest due first. No squeeze without an interview date
       or when the interview is today or past.
    3. Priority is overdue (most overdue first), then due today (earliest first), then squeezed; ties
       go by ``key``. The first ``daily_cap`` of that list are kept, then mixed: a stable round-robin
       over types in order of first appearance, each type keeping its priority order, so that no two
       consecutive items share a type where possible (a type holding more than half of the items
       still to place goes next, else it would end up back to back).
    """
    if daily_cap < 0:
        raise ValueError(f"daily_cap must be 0 or more, got {daily_cap!r}")
    start, end = _start_of(today, tz), _start_of(today + timedelta(days=1), tz)
    by_due = sorted(items, key=lambda i: (i.due, i.key))
    overdue = [i for i in by_due if i.due < start]
    due_today = [i for i in by_due if start <= i.due < end]
    squeezed: list[ReviewItem] = []
    if interview_date is not None and interview_date > today:
        interview = _start_of(interview_date, tz)
        at_risk = [i for i in by_due if i.due >= interview]
        days_left = max(1, (interview_date - today).days)
        squeezed = at_risk[: math.ceil(len(at_risk) / days_left)]
    kept = (overdue + due_today + squeezed)[:daily_cap]
    n_due = len(overdue) + len(due_today)
    n_squeezed = max(0, len(kept) - n_due)
    rounds = Counter(r for item in kept for r in item.round_ids)
    return TodayPlan(
        items=tuple(_mix(kept)),
        overdue=len(overdue),
        due_today=len(due_today),
        squeezed=n_squeezed,
        later=len(items) - n_due - n_squeezed,
        by_round=dict(sorted(rounds.items())),
        capped=max(0, n_due - daily_cap),
    )
