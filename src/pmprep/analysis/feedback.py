"""What the analyzer returns: plain dataclasses that serialise to JSON with ``to_dict``."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from enum import IntEnum


def score_points(score: float) -> int:
    """The 0–100 score as the whole number every page, export and summary shows: half up (30.5 is 31).

    Python's own rounding (and ``f"{score:.0f}"``) goes half to even and Django's ``floatformat``
    half up, so the same 30.5 once read 30 in one place and 31 in another.
    """
    return int(Decimal(str(score)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


class Level(IntEnum):
    POOR = 1
    BORDERLINE = 2
    SOLID = 3
    OUTSTANDING = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


@dataclass(frozen=True)
class Evidence:
    """A span of the answer (``answer[start:end] == text``) and the signal it shows."""

    start: int
    end: int
    text: str
    signal: str


@dataclass(frozen=True)
class CriterionResult:
    id: str
    name: str
    level: int
    strength: float  # 0.0–1.0, the continuous value behind the level
    evidence: list[Evidence]
    missing: list[str]
    advice: str
    weight: float


@dataclass(frozen=True)
class RedFlag:
    id: str
    name: str
    evidence: list[Evidence]
    advice: str


@dataclass(frozen=True)
class Highlight:
    """A strength or a gap for the summary card: the criterion, its level, and what shows it."""

    criterion: str
    name: str
    level: int
    quote: str  # a strength: the answer's own words; a gap: what is missing
    advice: str


@dataclass(frozen=True)
class Probe:
    text: str
    criterion: str | None  # the gap it follows up on (None: the question's own probe)
    reason: str


@dataclass(frozen=True)
class OutlineItem:
    sentence: int
    start: int
    end: int
    step: str | None  # framework step id, or None when the sentence serves no step
    step_name: str


@dataclass(frozen=True)
class Delivery:
    words: int
    sentences: int
    speaking_seconds: float
    budget_seconds: float | None
    over_budget_seconds: float | None
    fillers: int
    hedges: int
    filler_examples: list[str]
    hedge_examples: list[str]
    average_sentence_words: float
    repeated_words: list[tuple[str, int]]


@dataclass(frozen=True)
class Feedback:
    question: str
    question_type: str
    score: float
    level: int
    level_label: str
    summary: str
    criteria: list[CriterionResult]
    red_flags: list[RedFlag]
    probes: list[Probe]
    outline: list[OutlineItem]
    delivery: Delivery
    framework: str
    notes: list[str] = field(default_factory=list)
    shape: str = ""  # the answer shape within the type (pmprep.analysis.shapes), e.g. "diagnose_change"
    shape_name: str = ""  # "Diagnose a change"
    strengths: list[Highlight] = field(default_factory=list)  # at most two, best first
    gaps: list[Highlight] = field(default_factory=list)  # at most two, biggest first

    @property
    def points(self) -> int:
        return score_points(self.score)

    def criterion(self, criterion_id: str) -> CriterionResult:
        return next(c for c in self.criteria if c.id == criterion_id)

    def to_dict(self) -> dict:
        # asdict copies value by value; the outline has an item per sentence (tens of thousands in a
        # pasted wall of lines), so it is written out directly, in the same shape.
        data = asdict(replace(self, outline=[]))
        data["outline"] = [{"sentence": o.sentence, "start": o.start, "end": o.end, "step": o.step,
                            "step_name": o.step_name} for o in self.outline]
        data["delivery"]["repeated_words"] = [list(p) for p in self.delivery.repeated_words]
        return data


@dataclass(frozen=True)
class Classification:
    question_type: str
    competencies: list[str]
    confidence: float
    source: str  # "bank" (stored tags) or "rules"
    question_id: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)
