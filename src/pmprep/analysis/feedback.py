"""What the analyzer returns: plain dataclasses that serialise to JSON with ``to_dict`` and back with
``Feedback.from_dict``.

Stored feedback carries ``schema_version``. Version 1 (before it was written) had no version, no
``follow_up`` field on the feedback of a reply, and told a red flag's probe only by its reason's
wording ("red flag: …"); :func:`upgrade` brings any stored version to :data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from enum import IntEnum
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter
from pydantic import ValidationError as ShapeError

SCHEMA_VERSION = 2


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
    criterion: str | None  # the gap it follows up on (None: a red flag's or the question's own probe)
    reason: str
    flag: str | None = None  # the red flag it follows up on

    @property
    def targeted(self) -> bool:
        """Whether it follows up on something the answer lacks (a gap or a red flag), not a stock probe."""
        return bool(self.criterion or self.flag)


@dataclass(frozen=True)
class FollowUpOutcome:
    """On the feedback of a reply to a follow-up probe: what the probe was about and what the reply did."""

    criterion: str | None
    criterion_name: str
    before: int | None  # the criterion's level after the first answer
    after: int | None  # …and with the reply added
    outcome: str  # in words: "Your reply closed the gap: …"


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
    follow_up: FollowUpOutcome | None = None  # set on the feedback of a reply to a follow-up probe
    schema_version: int = SCHEMA_VERSION

    @classmethod
    def from_dict(cls, data: Any) -> Feedback:
        """The feedback ``to_dict`` wrote, of this or any earlier schema version; ``ValueError`` names the
        first fields that are not feedback."""
        try:
            return _feedback_adapter().validate_python(upgrade(data))
        except ShapeError as exc:
            where = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'feedback'}: {e['msg']}" for e in exc.errors()[:3]
            )
            raise ValueError(f"not pmprep's feedback ({where})") from None

    @property
    def points(self) -> int:
        return score_points(self.score)

    def criterion(self, criterion_id: str) -> CriterionResult:
        return next(c for c in self.criteria if c.id == criterion_id)

    def to_dict(self) -> dict:
        # asdict copies value by value; the outline has an item per sentence (tens of thousands in a
        # pasted wall of lines), so it is written out directly, in the same shape.
        data = asdict(replace(self, outline=[]))
        data["outline"] = [
            {"sentence": o.sentence, "start": o.start, "end": o.end, "step": o.step, "step_name": o.step_name}
            for o in self.outline
        ]
        data["delivery"]["repeated_words"] = [list(p) for p in self.delivery.repeated_words]
        return data


@lru_cache(maxsize=1)
def _feedback_adapter() -> TypeAdapter:
    return TypeAdapter(Feedback)


RED_FLAG_REASON = "red flag: "  # how schema 1 told a red flag's probe: its reason, "red flag: <name>"


def upgrade(data: Any) -> Any:
    """Stored feedback brought to :data:`SCHEMA_VERSION` (a new dict; what is not a feedback mapping is
    returned as it is, for the caller's validation to refuse). A version newer than this pmprep's is refused."""
    if not isinstance(data, dict):
        return data
    version = data.get("schema_version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValueError(f"schema_version {version!r} is not a feedback schema version")
    if version > SCHEMA_VERSION:
        raise ValueError(
            f"this feedback was written by a newer pmprep (schema {version}; this one reads up to {SCHEMA_VERSION})"
        )
    data = dict(data)
    if version == 1:
        data["probes"] = (
            [_flagged(p, data.get("red_flags")) for p in data.get("probes", [])]
            if isinstance(data.get("probes"), list)
            else data.get("probes")
        )
        data["schema_version"] = 2
    return data


def _flagged(probe: Any, flags: Any) -> Any:
    """A schema-1 probe with the red flag it follows up on, found by the flag's name in its reason."""
    if not isinstance(probe, dict) or "flag" in probe:
        return probe
    reason = probe.get("reason")
    flag = None
    if isinstance(reason, str) and reason.startswith(RED_FLAG_REASON):
        name = reason.removeprefix(RED_FLAG_REASON)
        named = [f.get("id") for f in flags or [] if isinstance(f, dict) and f.get("name") == name]
        flag = named[0] if named and isinstance(named[0], str) else name
    return {**probe, "flag": flag}


@dataclass(frozen=True)
class Classification:
    question_type: str
    competencies: list[str]
    confidence: float
    source: str  # "bank" (stored tags) or "rules"
    question_id: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)
