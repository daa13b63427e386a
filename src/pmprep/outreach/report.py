"""What the outreach checker returns: enums and dataclasses that serialise to JSON with ``to_dict``."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Verdict(str, Enum):
    SEND = "send"
    REVISE = "revise"
    DO_NOT_SEND = "do not send"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Channel(str, Enum):
    LINKEDIN = "linkedin"  # a LinkedIn connection note: cut at LINKEDIN_NOTE_CHARS
    EMAIL = "email"

    @classmethod
    def parse(cls, value: Channel | str) -> Channel:
        try:
            return cls(value.lower().strip() if isinstance(value, str) else value)
        except ValueError:
            raise ValueError(f"channel {value!r} is not one of {', '.join(c.value for c in cls)}") from None


class Kind(str, Enum):
    """What a flagged span is. The first four are severe: such a message is not to be sent."""

    HIRING_ASK = "hiring_ask"
    REFERRAL_ASK = "referral_ask"
    RESUME = "resume"
    REJECTION_FEEDBACK = "rejection_feedback"
    JOB_SEEKING = "job_seeking"
    BIG_ASK = "big_ask"
    OPEN_ENDED = "open_ended"
    FLATTERY = "flattery"
    MANY_QUESTIONS = "many_questions"
    VAGUE_QUESTION = "vague_question"
    TOO_LONG = "too_long"
    # Strengths.
    NAMED_WORK = "named_work"
    PRECISE_QUESTION = "precise_question"
    SMALL_ASK = "small_ask"
    RESEARCH_FRAMING = "research_framing"

    @property
    def severe(self) -> bool:
        return self in SEVERE

    @property
    def good(self) -> bool:
        return self in STRENGTHS

    @property
    def label(self) -> str:
        return LABELS[self]


SEVERE = frozenset({Kind.HIRING_ASK, Kind.REFERRAL_ASK, Kind.RESUME, Kind.REJECTION_FEEDBACK})
STRENGTHS = frozenset({Kind.NAMED_WORK, Kind.PRECISE_QUESTION, Kind.SMALL_ASK, Kind.RESEARCH_FRAMING})
LABELS = {
    Kind.HIRING_ASK: "a hiring ask",
    Kind.REFERRAL_ASK: "a referral ask",
    Kind.RESUME: "a résumé",
    Kind.REJECTION_FEEDBACK: "feedback after a rejection",
    Kind.JOB_SEEKING: "job seeking",
    Kind.BIG_ASK: "a big ask",
    Kind.OPEN_ENDED: "an open-ended ask",
    Kind.FLATTERY: "generic flattery",
    Kind.MANY_QUESTIONS: "more than one question",
    Kind.VAGUE_QUESTION: "a vague question",
    Kind.TOO_LONG: "too long",
    Kind.NAMED_WORK: "names their work",
    Kind.PRECISE_QUESTION: "one precise question",
    Kind.SMALL_ASK: "a small ask",
    Kind.RESEARCH_FRAMING: "framed as preparation",
}


@dataclass(frozen=True)
class Flag:
    """A span of the message (``message[start:end] == text``), what it is, and what it did to the score.

    ``good`` flags are strengths. ``points`` is the flag's share of the score after the per-kind caps,
    so the base plus every flag's points is the score (before clamping and the severe cap).
    """

    start: int
    end: int
    text: str
    kind: Kind
    reason: str
    good: bool
    points: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind.value,
            "label": self.kind.label,
            "reason": self.reason,
            "good": self.good,
            "points": self.points,
        }


@dataclass(frozen=True)
class NoteEvidence:
    """Words of the message a graded signal quotes (``message[start:end] == text``)."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Signal:
    """A graded judgement of the whole note (their own work, the ask, about them or about you).

    ``grade`` is one of the signal's grades in the content file, ``points`` what it moved the score
    by, and ``evidence`` the words of the note that decided it (none when the grade is about
    something missing).
    """

    id: str  # "their_work", "ask" or "focus"
    name: str
    grade: str
    label: str
    points: int
    reason: str
    evidence: list[NoteEvidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "grade": self.grade,
            "label": self.label,
            "points": self.points,
            "reason": self.reason,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class OutreachReport:
    """The checker's judgement of one message: score 0–100, a verdict, flagged spans and a rewrite.

    ``notes`` say what is missing (no span to point at: no name, no named work, no question).
    ``signals`` grade the whole note (their own work, the ask, about them or about you); the score
    is the base plus every flag's and every signal's points (before clamping and the severe cap).
    """

    score: int
    verdict: Verdict
    channel: Channel
    channel_inferred: bool
    flags: list[Flag]
    suggestion: str
    summary: str
    notes: list[str]
    characters: int
    words: int
    signals: list[Signal] = field(default_factory=list)

    @property
    def problems(self) -> list[Flag]:
        return [f for f in self.flags if not f.good]

    @property
    def strengths(self) -> list[Flag]:
        return [f for f in self.flags if f.good]

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "verdict": self.verdict.value,
            "channel": self.channel.value,
            "channel_inferred": self.channel_inferred,
            "flags": [f.to_dict() for f in self.flags],
            "suggestion": self.suggestion,
            "summary": self.summary,
            "notes": list(self.notes),
            "characters": self.characters,
            "words": self.words,
            "signals": [s.to_dict() for s in self.signals],
        }
