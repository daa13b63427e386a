"""What the questions-to-ask checker returns: enums and dataclasses that serialise to JSON with ``to_dict``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


class QuestionKind(str, Enum):
    GENERIC = "generic"
    CAREERS_PAGE = "careers_page"
    PAY_EARLY = "pay_early"
    OWN_PERFORMANCE = "own_performance"
    SEVERAL = "several"
    TOO_LONG = "too_long"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS = {
    QuestionKind.GENERIC: "generic",
    QuestionKind.CAREERS_PAGE: "on the careers page",
    QuestionKind.PAY_EARLY: "pay, too early",
    QuestionKind.OWN_PERFORMANCE: "asks to be graded",
    QuestionKind.SEVERAL: "several questions in one",
    QuestionKind.TOO_LONG: "too long",
}
# The kinds the rules file may flag; the checker finds a second question mark and length itself.
RULE_KINDS = (
    QuestionKind.GENERIC,
    QuestionKind.CAREERS_PAGE,
    QuestionKind.PAY_EARLY,
    QuestionKind.OWN_PERFORMANCE,
    QuestionKind.SEVERAL,
)


@dataclass(frozen=True)
class QuestionFlag:
    """A span of the question (``question[start:end] == text``), what it is and why it is a problem."""

    start: int
    end: int
    text: str
    kind: QuestionKind
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind.value,
            "label": self.kind.label,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class QuestionReport:
    question: str
    round_id: str | None
    flags: tuple[QuestionFlag, ...]
    summary: str

    @property
    def ok(self) -> bool:
        return not self.flags

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "round_id": self.round_id,
            "ok": self.ok,
            "flags": [f.to_dict() for f in self.flags],
            "summary": self.summary,
        }
