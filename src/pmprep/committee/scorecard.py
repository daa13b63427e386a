"""What each round leaves behind: a scorecard, and the informal inputs the committee will not weigh.

Rules a scorecard enforces when it is built (every problem is reported in one ``ValueError``):

- every rating is a whole number from 1 to 4;
- every rated competency has written evidence, unless the scorecard is AUTOMATIC (pmprep's own
  analysis rates from the transcript it analysed, so the transcript is the evidence);
- a scorecard needs at least one rating, except a REFERRAL: a formal written referral may carry
  only a recommendation and a summary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import Any

MIN_RATING = 1
MAX_RATING = 4


class ScorecardError(ValueError):
    """Every rule a scorecard breaks. ``problems`` are (competency id or None, what is wrong), so a page
    can name the competency; the message reads as one sentence with the ids."""

    def __init__(self, round_id: str, rater: str, problems: list[tuple[str | None, str]]):
        self.round_id, self.rater, self.problems = round_id, rater, tuple(problems)
        where = f"scorecard for {round_id or '?'} by {rater or '?'}"
        super().__init__(f"{where}: " + "; ".join(f"{c}: {text}" if c else text for c, text in problems))


class Recommendation(IntEnum):
    """An interviewer's overall call on a round, ordered so that ``YES > NO``."""

    STRONG_NO = 1
    NO = 2
    YES = 3
    STRONG_YES = 4

    @property
    def label(self) -> str:
        return {1: "Strong no", 2: "No", 3: "Yes", 4: "Strong yes"}[self.value]


class Source(str, Enum):
    """Who wrote the scorecard."""

    AUTOMATIC = "automatic"  # pmprep's own analysis
    SELF = "self"
    PEER = "peer"
    REFERRAL = "referral"  # a formal written referral; documented, but never a vote


@dataclass(frozen=True)
class Scorecard:
    """The documented outcome of one round, as one rater saw it.

    ``ratings`` and ``evidence`` are keyed by competency id (a dimension or component id from
    competencies.yaml). ``trade_offs_quantified`` only means something for a case round (``kind: case``
    in rounds.yaml); None means nobody assessed it.
    """

    round_id: str
    source: Source
    rater: str
    ratings: Mapping[str, int]
    recommendation: Recommendation
    evidence: Mapping[str, str]
    summary: str
    trade_offs_quantified: bool | None = None

    def __post_init__(self) -> None:
        problems: list[tuple[str | None, str]] = []
        source: Source | None = None
        try:
            source = Source(self.source)
            object.__setattr__(self, "source", source)
        except ValueError:
            problems.append((None, f"source {self.source!r} is not one of {', '.join(s.value for s in Source)}"))
        try:
            object.__setattr__(self, "recommendation", Recommendation(self.recommendation))
        except ValueError:
            problems.append((None, f"recommendation {self.recommendation!r} is not 1 to 4"))
        # Copies, so that a caller changing its dict later cannot change a frozen scorecard.
        object.__setattr__(self, "ratings", dict(self.ratings))
        object.__setattr__(self, "evidence", dict(self.evidence))

        if not self.round_id.strip():
            problems.append((None, "round_id is empty"))
        if not self.rater.strip():
            problems.append((None, "rater is empty"))
        if not self.ratings and source not in (Source.REFERRAL, None):
            problems.append((None, f"a {source.value} scorecard needs at least one rating"))
        for competency, rating in self.ratings.items():
            whole = isinstance(rating, int) and not isinstance(rating, bool)
            if not whole or not MIN_RATING <= rating <= MAX_RATING:
                problems.append(
                    (competency, f"rating {rating!r} is not a whole number from {MIN_RATING} to {MAX_RATING}")
                )
            if source is not Source.AUTOMATIC and not self.evidence.get(competency, "").strip():
                problems.append((competency, f"rated {rating!r} with no written evidence"))
        if problems:
            raise ScorecardError(self.round_id, self.rater, problems)

    def to_dict(self) -> dict[str, Any]:
        return {
            "round_id": self.round_id,
            "source": self.source.value,
            "rater": self.rater,
            "ratings": dict(self.ratings),
            "recommendation": self.recommendation.name,
            "evidence": dict(self.evidence),
            "summary": self.summary,
            "trade_offs_quantified": self.trade_offs_quantified,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Scorecard:
        return cls(
            round_id=data["round_id"],
            source=Source(data["source"]),
            rater=data["rater"],
            ratings=data.get("ratings", {}),
            recommendation=Recommendation[data["recommendation"]],
            evidence=data.get("evidence", {}),
            summary=data.get("summary", ""),
            trade_offs_quantified=data.get("trade_offs_quantified"),
        )


@dataclass(frozen=True)
class InformalInput:
    """Something the user heard or was told ("chat", "verbal referral", "email praise").

    Recorded so it can be shown, but the committee never weighs it.
    """

    kind: str
    who: str
    note: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "who": self.who, "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, str]) -> InformalInput:
        return cls(kind=data["kind"], who=data["who"], note=data["note"])
