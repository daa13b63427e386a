"""Calibration: how far the user's own ratings (and peers') sit from pmprep's levels, and whether practice
readiness foretold real outcomes.

A *pair* is one rating given beside pmprep's level for the same thing: a practice attempt's self-rating of a
criterion beside the analyzer's level of it, a real round's self-rating of a criterion beside the mean level
of that criterion over the round's judged answers, or a peer's rating of a competency beside the automatic
scorecard's rating of it in the same mock-loop round. The *gap* is the mean of (rating − pmprep's level)
over the pairs, rounded half up to one decimal: +0.8 means the ratings sit 0.8 levels above what the text
shows. Per criterion, and per calendar month (all criteria together), oldest month first.

A real round's outcome agrees with the readiness of that round the day before it when the round was
*ready* and the outcome is passed or offer, or it was *not ready* and the outcome is rejected; *almost* and
*not enough evidence* foretell nothing, and a round still waiting has no outcome yet.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

OUTCOMES = {
    "waiting": "Waiting to hear",
    "passed": "Passed to the next round",
    "rejected": "Rejected",
    "offer": "Offer",
}
WENT_WELL = ("passed", "offer")


@dataclass(frozen=True)
class RatedPair:
    on: date
    criterion: str  # a criterion id (self-ratings) or a competency id (peer scorecards)
    rating: int  # the user's or the peer's, 1–4
    level: float  # pmprep's, 1–4 (a mean over a round's answers need not be whole)


@dataclass(frozen=True)
class Gap:
    criterion: str
    name: str
    gap: float
    pairs: int

    def sentence(self, who: str = "You rate your", against: str = "what the text shows") -> str:
        if self.gap == 0:
            return f"{who} {self.name.lower()} level with {against}"
        side = "above" if self.gap > 0 else "below"
        levels = "level" if abs(self.gap) == 1 else "levels"
        return f"{who} {self.name.lower()} {abs(self.gap):.1f} {levels} {side} {against}"


@dataclass(frozen=True)
class MonthGap:
    month: str  # YYYY-MM
    gap: float
    pairs: int

    @property
    def label(self) -> str:
        """The month as people write it: "December 2026"."""
        year, month = self.month.split("-")
        return f"{calendar.month_name[int(month)]} {year}"


def _round1(value: Fraction) -> float:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _mean_gap(pairs: list[RatedPair]) -> float:
    total = sum((Fraction(p.rating) - Fraction(p.level).limit_denominator(1000) for p in pairs), Fraction(0))
    return _round1(total / len(pairs))


def gaps(pairs: Iterable[RatedPair], names: Mapping[str, str]) -> list[Gap]:
    """The gap per criterion, largest first (ties: the criterion id); a criterion without a name keeps its id."""
    by: dict[str, list[RatedPair]] = {}
    for p in pairs:
        by.setdefault(p.criterion, []).append(p)
    found = [Gap(c, names.get(c, c), _mean_gap(ps), len(ps)) for c, ps in by.items()]
    return sorted(found, key=lambda g: (-abs(g.gap), g.criterion))


def by_month(pairs: Iterable[RatedPair]) -> list[MonthGap]:
    by: dict[str, list[RatedPair]] = {}
    for p in pairs:
        by.setdefault(p.on.strftime("%Y-%m"), []).append(p)
    return [MonthGap(m, _mean_gap(ps), len(ps)) for m, ps in sorted(by.items())]


def foretold(readiness_status: str | None, outcome: str) -> bool | None:
    """Whether the readiness before a real round agreed with its outcome (None: nothing to compare)."""
    if outcome not in OUTCOMES or outcome == "waiting" or readiness_status not in ("ready", "not_ready"):
        return None
    return (readiness_status == "ready") == (outcome in WENT_WELL)


def agreement(rows: Iterable[tuple[str | None, str]]) -> str:
    """One sentence over (readiness status, outcome) rows."""
    judged = [f for f in (foretold(s, o) for s, o in rows) if f is not None]
    if not judged:
        return (
            "No real round yet has both an outcome and a clear readiness reading (ready or not ready) from before it."
        )
    agreed = sum(judged)
    return f"Practice readiness agreed with {agreed} of {len(judged)} real outcome{'s' if len(judged) != 1 else ''}."
