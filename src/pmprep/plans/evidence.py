"""What the user has actually done, as plain values the web layer fills in, and the levels read from it.

``PracticeEvidence`` is the single input that both the prep plan (to weight practice towards weak spots)
and the readiness check read. It holds no opinions, only records:

- ``attempts``: answered questions, each ``(on, question_type, round_ids, competency_ids, level)``
  with the analyzer's (or the lower self-rated) level from 1 to 4;
- ``scorecards``: ratings from mock-loop rounds, each ``(round_id, {competency_id: rating})``
  (a ``committee.Scorecard`` is accepted as is);
- ``stories`` (STAR stories written) and ``story_gaps`` (what the vault does not yet cover, in the
  words the story bank uses);
- ``review_due``: review-queue items due now (before the end of today: what the Today page counts
  as due, ``pmprep.review.TodayPlan.due``), and ``review_overdue``, those of them due before today;
- ``loops_done`` and ``committee_outcomes`` (``Outcome`` values, oldest first) from mock loops.

How a level is read (``summarise``), for a competency or a round:

1. Attempts dated after ``today`` are ignored. The rest are ordered by date; attempts on the same
   day keep the order they were given in (later in the list = more recent).
2. The *recent level* is a recency-weighted mean of the last ``RECENT_ATTEMPTS`` (5) attempts: the
   oldest of them weighs 1, the next 2, and so on, so the newest weighs most. Rounded half-up to
   two decimals.
3. The *rating level* is the plain mean of every scorecard rating for it (for a round: every
   rating on that round's scorecards), rounded the same way.
4. The *level* is the mean of the two when both exist, else whichever exists, else None (taken
   from the exact means, then rounded the same way).
5. ``points`` (attempts + ratings) says how much evidence there is; readiness wants at least 2.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from pmprep.committee.decision import Outcome
from pmprep.plans.wording import round2

RECENT_ATTEMPTS = 5
LEVELS = (1, 2, 3, 4)


@dataclass(frozen=True)
class PracticedAnswer:
    """One answered question."""

    on: date
    question_type: str
    round_ids: tuple[str, ...]
    competency_ids: tuple[str, ...]
    level: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "question_type": self.question_type,
            "round_ids": list(self.round_ids),
            "competency_ids": list(self.competency_ids),
            "level": self.level,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PracticedAnswer:
        return cls(
            date.fromisoformat(data["on"]),
            data["question_type"],
            tuple(data["round_ids"]),
            tuple(data["competency_ids"]),
            data["level"],
        )


@dataclass(frozen=True)
class RoundRatings:
    """The ratings one mock-loop round's scorecard gave, by competency id."""

    round_id: str
    ratings: Mapping[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {"round_id": self.round_id, "ratings": dict(self.ratings)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RoundRatings:
        return cls(data["round_id"], dict(data["ratings"]))


def _attempt(value: Any) -> PracticedAnswer:
    if isinstance(value, PracticedAnswer):
        return value
    on, qtype, rounds, comps, lvl = value
    return PracticedAnswer(on, qtype, tuple(rounds), tuple(comps), lvl)


def _ratings(value: Any) -> RoundRatings:
    if isinstance(value, RoundRatings):
        return value
    if hasattr(value, "round_id") and hasattr(value, "ratings"):  # a committee Scorecard
        return RoundRatings(value.round_id, dict(value.ratings))
    round_id, ratings = value
    return RoundRatings(round_id, dict(ratings))


def _is_level(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in LEVELS


@dataclass(frozen=True)
class PracticeEvidence:
    attempts: tuple[PracticedAnswer, ...] = ()
    scorecards: tuple[RoundRatings, ...] = ()
    stories: int = 0
    story_gaps: tuple[str, ...] = ()
    review_due: int = 0
    review_overdue: int = 0
    loops_done: int = 0
    committee_outcomes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        problems: list[str] = []
        attempts: list[PracticedAnswer] = []
        for i, raw in enumerate(self.attempts):
            try:
                attempts.append(_attempt(raw))
            except (TypeError, ValueError):
                problems.append(f"attempts[{i}]: expected (on, question_type, round_ids, competency_ids, level)")
        cards: list[RoundRatings] = []
        for i, card in enumerate(self.scorecards):
            try:
                cards.append(_ratings(card))
            except (TypeError, ValueError):
                problems.append(f"scorecards[{i}]: expected (round_id, {{competency_id: rating}})")
        for i, a in enumerate(attempts):
            if not isinstance(a.on, date):
                problems.append(f"attempts[{i}]: on {a.on!r} is not a date")
            if not _is_level(a.level):
                problems.append(f"attempts[{i}]: level {a.level!r} is not a whole number from 1 to 4")
        for i, card in enumerate(cards):
            for comp, rating in card.ratings.items():
                if not _is_level(rating):
                    problems.append(
                        f"scorecards[{i}] ({card.round_id}): {comp} rating {rating!r} is not a whole number from 1 to 4"
                    )
        counts_ok = True
        for name in ("stories", "review_due", "review_overdue", "loops_done"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                problems.append(f"{name} must be a whole number 0 or more, got {value!r}")
                counts_ok = False
        if counts_ok and self.review_overdue > self.review_due:
            problems.append(
                f"review_overdue ({self.review_overdue}) cannot be more than review_due "
                f"({self.review_due}): overdue reviews are due"
            )
        outcomes = tuple(self.committee_outcomes)
        allowed = {o.value for o in Outcome}
        for outcome in outcomes:
            if str(getattr(outcome, "value", outcome)) not in allowed:
                problems.append(f"committee outcome {outcome!r} is not one of {', '.join(sorted(allowed))}")
        if problems:
            raise ValueError("evidence: " + "; ".join(problems))
        object.__setattr__(self, "attempts", tuple(attempts))
        object.__setattr__(self, "scorecards", tuple(cards))
        object.__setattr__(self, "story_gaps", tuple(self.story_gaps))
        object.__setattr__(self, "committee_outcomes", tuple(str(getattr(o, "value", o)) for o in outcomes))

    @property
    def is_empty(self) -> bool:
        return not (self.attempts or self.scorecards or self.stories or self.loops_done)

    def to_dict(self) -> dict[str, Any]:
        return {
            "attempts": [a.to_dict() for a in self.attempts],
            "scorecards": [c.to_dict() for c in self.scorecards],
            "stories": self.stories,
            "story_gaps": list(self.story_gaps),
            "review_due": self.review_due,
            "review_overdue": self.review_overdue,
            "loops_done": self.loops_done,
            "committee_outcomes": list(self.committee_outcomes),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PracticeEvidence:
        return cls(
            attempts=tuple(PracticedAnswer.from_dict(a) for a in data.get("attempts", [])),
            scorecards=tuple(RoundRatings.from_dict(c) for c in data.get("scorecards", [])),
            stories=data.get("stories", 0),
            story_gaps=tuple(data.get("story_gaps", [])),
            review_due=data.get("review_due", data.get("review_overdue", 0)),
            review_overdue=data.get("review_overdue", 0),
            loops_done=data.get("loops_done", 0),
            committee_outcomes=tuple(data.get("committee_outcomes", [])),
        )


@dataclass(frozen=True)
class LevelSummary:
    """What the evidence says about one competency or one round (see the module's rules)."""

    attempts: int = 0
    recent: int = 0
    recent_level: float | None = None
    ratings: int = 0
    rating_level: float | None = None
    level: float | None = None
    last_on: date | None = None
    # The lowest-level of the recent attempts (the newest on a tie): where practice should aim.
    focus: PracticedAnswer | None = field(default=None, compare=False)

    @property
    def points(self) -> int:
        return self.attempts + self.ratings

    def to_dict(self) -> dict[str, Any]:
        return {
            "attempts": self.attempts,
            "recent": self.recent,
            "recent_level": self.recent_level,
            "ratings": self.ratings,
            "rating_level": self.rating_level,
            "level": self.level,
            "last_on": self.last_on.isoformat() if self.last_on else None,
        }


def summarise(attempts: Iterable[PracticedAnswer], ratings: Iterable[int], today: date) -> LevelSummary:
    """Read one level from the attempts and ratings that concern one competency or round."""
    dated = sorted((a for a in attempts if a.on <= today), key=lambda a: a.on)  # stable: same day keeps order
    marks = list(ratings)
    recent = dated[-RECENT_ATTEMPTS:]
    means: list[Fraction] = []
    focus = None
    if recent:
        weighted = sum(weight * a.level for weight, a in enumerate(recent, start=1))
        means.append(Fraction(weighted, len(recent) * (len(recent) + 1) // 2))
        focus = min(reversed(recent), key=lambda a: a.level)  # reversed: the newest wins a tie
    if marks:
        means.append(Fraction(sum(marks), len(marks)))
    return LevelSummary(
        attempts=len(dated),
        recent=len(recent),
        recent_level=round2(means[0]) if recent else None,
        ratings=len(marks),
        rating_level=round2(means[-1]) if marks else None,
        level=round2(sum(means) / len(means)) if means else None,
        last_on=dated[-1].on if dated else None,
        focus=focus,
    )


def competency_levels(
    evidence: PracticeEvidence, competency_ids: Iterable[str], today: date
) -> dict[str, LevelSummary]:
    """One summary per competency id, in the order given."""
    return {
        c: summarise(
            (a for a in evidence.attempts if c in a.competency_ids),
            (r for card in evidence.scorecards for comp, r in card.ratings.items() if comp == c),
            today,
        )
        for c in competency_ids
    }


def round_levels(evidence: PracticeEvidence, round_ids: Iterable[str], today: date) -> dict[str, LevelSummary]:
    """One summary per round id, in the order given."""
    return {
        r: summarise(
            (a for a in evidence.attempts if r in a.round_ids),
            (v for card in evidence.scorecards if card.round_id == r for v in card.ratings.values()),
            today,
        )
        for r in round_ids
    }
