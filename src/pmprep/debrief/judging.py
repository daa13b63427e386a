"""Each exchange of a real interview judged: the analyzer on the answer, fillers and rambling from its text.

The interviewer's words are the question as if typed in (its type found by the classifier); the candidate's
words are the answer. Fillers are the speech core's list (pmprep.speech.fillers) found in the written words;
rambling is read from the company's ``debrief.yaml``: an answer over ``answer_words`` words runs long, and
one with more than ``words_per_point`` words for each point it makes wanders (a point is a sentence that
serves a step of the type's structure, the analyzer's outline).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from pmprep.analysis import MAX_ANSWER_CHARS, AnswerTooLong, Feedback, analyze
from pmprep.analysis.text import tokenize
from pmprep.debrief.rules import DebriefRules, shipped_rules
from pmprep.debrief.transcript import Exchange, Transcript, TranscriptError, read_transcript
from pmprep.speech.fillers import find_fillers


class _Written(NamedTuple):
    """A written word where the filler finder expects a timed one: its character offsets stand for times."""

    word: str
    start: float
    end: float


@dataclass(frozen=True)
class Rambling:
    words: int
    points: int
    words_per_point: float
    too_long: bool
    wandering: bool

    @property
    def rambles(self) -> bool:
        return self.too_long or self.wandering

    def to_dict(self) -> dict[str, object]:
        return {
            "words": self.words,
            "points": self.points,
            "words_per_point": self.words_per_point,
            "too_long": self.too_long,
            "wandering": self.wandering,
        }


@dataclass(frozen=True)
class JudgedExchange:
    question: str
    answer: str
    line: int
    feedback: Feedback
    fillers: tuple[str, ...]  # each filler as found, in order
    rambling: Rambling

    def to_dict(self) -> dict[str, object]:
        """What ``pmprep debrief --json`` prints for an exchange: exactly question, answer and feedback."""
        return {"question": self.question, "answer": self.answer, "feedback": self.feedback.to_dict()}

    @property
    def weak_criteria(self) -> list[str]:
        """The criteria judged at Borderline or below (level 2 or less), by id."""
        return [c.id for c in self.feedback.criteria if c.level <= 2]


@dataclass(frozen=True)
class Debrief:
    transcript: Transcript | None  # None when the exchanges were typed or corrected by hand
    exchanges: tuple[JudgedExchange, ...]

    def to_dict(self) -> dict[str, object]:
        return {"exchanges": [e.to_dict() for e in self.exchanges]}


def fillers_in(text: str) -> tuple[str, ...]:
    words = [_Written(w.lower, w.start, w.end) for w in tokenize(text)]
    return tuple(p.text for p in find_fillers(words))


def rambling_of(feedback: Feedback, rules: DebriefRules | None = None) -> Rambling:
    rules = rules or shipped_rules()
    words = feedback.delivery.words
    points = sum(1 for item in feedback.outline if item.step)
    per_point = round(words / max(points, 1), 1)
    return Rambling(
        words, points, per_point, words > rules.rambling_answer_words, per_point > rules.rambling_words_per_point
    )


def judge(exchange: Exchange, rules: DebriefRules | None = None) -> JudgedExchange:
    """One exchange judged; an answer over the analyzer's limit is a :class:`TranscriptError` at its line."""
    try:
        feedback = analyze(exchange.question, exchange.answer)
    except AnswerTooLong:
        raise TranscriptError(
            f"the answer to the question on this line is {len(exchange.answer):,} characters; "
            f"pmprep judges answers of up to {MAX_ANSWER_CHARS:,}",
            exchange.line,
        ) from None
    return JudgedExchange(
        exchange.question,
        exchange.answer,
        exchange.line,
        feedback,
        fillers_in(exchange.answer),
        rambling_of(feedback, rules),
    )


def judge_all(exchanges: list[Exchange] | tuple[Exchange, ...], rules: DebriefRules | None = None) -> Debrief:
    """Exchanges given as they are (typed in, or corrected after the split) judged one by one."""
    rules = rules or shipped_rules()
    return Debrief(None, tuple(judge(e, rules) for e in exchanges))


def debrief(text: str, candidate: str | None = None, rules: DebriefRules | None = None) -> Debrief:
    """A transcript read (pmprep.debrief.transcript) and each of its exchanges judged."""
    rules = rules or shipped_rules()
    transcript = read_transcript(text, candidate, rules)
    return Debrief(transcript, tuple(judge(e, rules) for e in transcript.exchanges))
