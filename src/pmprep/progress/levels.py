"""Weekly levels and practice volume from the user's answers.

The rules, exactly:

1. Weeks are ISO weeks starting on Monday. A series covers the last ``weeks`` weeks (12 by
   default), the last being the week that holds ``today``. Answers dated after ``today`` or before
   the first Monday are left out.
2. Levels come from first answers only. A reply to a follow-up probe (``follow_up``) counts as
   practice volume but not as a level: its feedback judges the exchange, not the answer.
3. An answer counts towards the competencies and rounds of its bank question. An answer to the
   user's own question has none, so it counts as volume only.
4. By dimension: a competency stands for the dimensions ``dimensions_of`` maps it to (a dimension
   stands for itself). An answer counts once for each dimension any of its competencies stands
   for, however many of them do.
5. By round: an answer counts once for each of its rounds that is charted.
6. A week's level for a dimension or round is the mean of the levels counted there that week,
   rounded half-up to two decimals; ``None`` when nothing was counted (a gap, not a zero).
7. Volume per week: first answers and follow-up replies, counted separately.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from pmprep.progress.weeks import DEFAULT_WEEKS, week_index, window

LEVEL_NAMES = {1: "Poor", 2: "Borderline", 3: "Solid", 4: "Outstanding"}


@dataclass(frozen=True)
class Answer:
    """One answer as the dashboard sees it. ``level`` is the analyzer's 1–4."""

    on: date
    level: int
    competencies: tuple[str, ...] = ()
    rounds: tuple[str, ...] = ()
    follow_up: bool = False

    def __post_init__(self) -> None:
        if self.level not in LEVEL_NAMES or isinstance(self.level, bool):
            raise ValueError(f"level must be one of 1, 2, 3, 4, not {self.level!r}")


@dataclass(frozen=True)
class Series:
    """One line of a chart: a value per week and how many answers made it."""

    key: str
    name: str
    values: tuple[float | None, ...]
    counts: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "values": list(self.values), "counts": list(self.counts)}


@dataclass(frozen=True)
class Weekly:
    """Weekly levels: the Mondays of the window and one series per dimension or round."""

    weeks: tuple[date, ...]
    series: tuple[Series, ...]

    @property
    def empty(self) -> bool:
        return not any(any(s.counts) for s in self.series)

    def only_answered(self) -> Weekly:
        """The same weeks with only the series that counted at least one answer."""
        return Weekly(self.weeks, tuple(s for s in self.series if any(s.counts)))

    def rows(self) -> list[tuple[date, list[tuple[float | None, int]]]]:
        """Week by week, each series' (value, count): the table beside the chart."""
        return [(monday, [(s.values[i], s.counts[i]) for s in self.series]) for i, monday in enumerate(self.weeks)]

    def to_dict(self) -> dict[str, Any]:
        return {"weeks": [w.isoformat() for w in self.weeks], "series": [s.to_dict() for s in self.series]}


@dataclass(frozen=True)
class Volume:
    """Answers per week: first answers and follow-up replies."""

    weeks: tuple[date, ...]
    first: tuple[int, ...]
    follow_ups: tuple[int, ...]

    @property
    def totals(self) -> tuple[int, ...]:
        return tuple(a + b for a, b in zip(self.first, self.follow_ups, strict=True))

    @property
    def sums(self) -> tuple[int, int, int]:
        """Over the whole window: first answers, follow-up replies, all answers."""
        return sum(self.first), sum(self.follow_ups), sum(self.first) + sum(self.follow_ups)

    @property
    def empty(self) -> bool:
        return not any(self.totals)

    def rows(self) -> list[tuple[date, int, int, int]]:
        return list(zip(self.weeks, self.first, self.follow_ups, self.totals, strict=True))

    def to_dict(self) -> dict[str, Any]:
        return {
            "weeks": [w.isoformat() for w in self.weeks],
            "first": list(self.first),
            "follow_ups": list(self.follow_ups),
        }


def mean2(levels: Iterable[int]) -> float:
    """The mean, rounded half-up to two decimals, computed exactly."""
    values = list(levels)
    exact = Fraction(sum(values), len(values))
    return float((Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP))


def weekly_levels(
    points: Iterable[tuple[date, str, int]], keys: Mapping[str, str], today: date, weeks: int = DEFAULT_WEEKS
) -> Weekly:
    """Rules 1 and 6 over ``(day, key, level)`` points; ``keys`` (id -> name) fixes the series and their order."""
    mondays = window(today, weeks)
    found: dict[str, list[list[int]]] = {k: [[] for _ in mondays] for k in keys}
    for day, key, level in points:
        i = week_index(day, mondays, today)
        if i is not None and key in found:
            found[key][i].append(level)
    return Weekly(
        mondays,
        tuple(
            Series(k, name, tuple(mean2(b) if b else None for b in found[k]), tuple(len(b) for b in found[k]))
            for k, name in keys.items()
        ),
    )


def levels_by_dimension(
    answers: Iterable[Answer],
    dimensions: Mapping[str, str],
    dimensions_of: Mapping[str, Iterable[str]],
    today: date,
    weeks: int = DEFAULT_WEEKS,
) -> Weekly:
    """Rules 1–4 and 6. ``dimensions`` maps each dimension id to its name, in chart order;
    ``dimensions_of`` maps a competency id to the dimension ids it stands for."""

    def points():
        for a in answers:
            if a.follow_up:
                continue
            touched: set[str] = set()
            for c in a.competencies:
                touched.update([c] if c in dimensions else dimensions_of.get(c, ()))
            for d in sorted(touched):
                yield a.on, d, a.level

    return weekly_levels(points(), dimensions, today, weeks)


def levels_by_round(
    answers: Iterable[Answer], rounds: Mapping[str, str], today: date, weeks: int = DEFAULT_WEEKS
) -> Weekly:
    """Rules 1–3, 5 and 6. ``rounds`` maps each charted round id to its name, in chart order."""
    points = ((a.on, r, a.level) for a in answers if not a.follow_up for r in dict.fromkeys(a.rounds))
    return weekly_levels(points, rounds, today, weeks)


def volume(answers: Iterable[Answer], today: date, weeks: int = DEFAULT_WEEKS) -> Volume:
    """Rules 1 and 7: every answer counts, own questions and follow-up replies included."""
    mondays = window(today, weeks)
    first, follow_ups = [0] * len(mondays), [0] * len(mondays)
    for a in answers:
        i = week_index(a.on, mondays, today)
        if i is not None:
            (follow_ups if a.follow_up else first)[i] += 1
    return Volume(mondays, tuple(first), tuple(follow_ups))
