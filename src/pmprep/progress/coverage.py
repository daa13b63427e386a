"""Story coverage in brief: per group of the story bank's matrix, how many columns a story covers.

The groups are the story bank's (see ``pmprep.stories.coverage``): story kinds, competencies and
culture themes, in that order; a group with no column is left out. A column is covered when at
least one story covers it. ``share`` is the covered percentage, rounded half-up to a whole number.
``gaps`` is the number of gaps the story bank names (it folds a theme gap into the kind gap that
already says it, so it can be smaller than the uncovered columns).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

GROUPS = {"kind": "Story kinds", "competency": "Competencies", "theme": "Culture themes"}


@dataclass(frozen=True)
class GroupCoverage:
    group: str
    name: str
    covered: int
    total: int

    @property
    def missing(self) -> int:
        return self.total - self.covered

    @property
    def share(self) -> int:
        return int((Decimal(100 * self.covered) / Decimal(self.total)).quantize(Decimal(1), ROUND_HALF_UP))

    def to_dict(self) -> dict[str, Any]:
        return {"group": self.group, "covered": self.covered, "total": self.total}


@dataclass(frozen=True)
class StoryCoverage:
    groups: tuple[GroupCoverage, ...]
    stories: int
    gaps: int

    @property
    def empty(self) -> bool:
        return self.stories == 0

    def to_dict(self) -> dict[str, Any]:
        return {"groups": [g.to_dict() for g in self.groups], "stories": self.stories, "gaps": self.gaps}


def story_coverage(
    columns: Iterable[tuple[str, str]], covered: Collection[str], stories: int, gaps: int
) -> StoryCoverage:
    """``columns`` are the matrix's (group, column key); ``covered`` the keys some story covers."""
    totals: dict[str, list[int]] = {g: [0, 0] for g in GROUPS}
    for group, key in columns:
        if group not in totals:
            raise ValueError(f"unknown coverage group {group!r}; expected one of {', '.join(GROUPS)}")
        totals[group][1] += 1
        totals[group][0] += key in covered
    return StoryCoverage(tuple(GroupCoverage(g, GROUPS[g], c, t) for g, (c, t) in totals.items() if t), stories, gaps)
