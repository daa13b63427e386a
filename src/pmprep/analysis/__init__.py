"""The answer analyzer: instant, explainable, offline feedback on a typed interview answer.

    from pmprep.analysis import analyze, classify
    feedback = analyze("Tell me about a time you failed.", answer_text)
    feedback.score, feedback.level, feedback.criteria[0].evidence

Deterministic (same input, same output), no network and no model: every judgement comes from
observable features of the text and points at the words that caused it.
"""

from __future__ import annotations

from pmprep.analysis.analyzer import MAX_ANSWER_CHARS, AnswerTooLong, analyze
from pmprep.analysis.classify import classify
from pmprep.analysis.feedback import (
    Classification,
    CriterionResult,
    Delivery,
    Evidence,
    Feedback,
    Level,
    Probe,
    RedFlag,
)

__all__ = [
    "MAX_ANSWER_CHARS",
    "AnswerTooLong",
    "Classification",
    "CriterionResult",
    "Delivery",
    "Evidence",
    "Feedback",
    "Level",
    "Probe",
    "RedFlag",
    "analyze",
    "classify",
]
