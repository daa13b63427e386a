"""The shipped strong reference answers score Solid or better, and weakened copies score lower."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from pmprep.analysis import analyze
from pmprep.analysis.signals import FAMILIES
from pmprep.analysis.text import Doc
from pmprep.bank import shipped_catalog

CATALOG = shipped_catalog()
ANSWERS = sorted(CATALOG.strong_answers.values(), key=lambda a: a.question_id)
# The families run on case-folded text; on raw text they need IGNORECASE.
_NUMBER, _METRIC, _USER, _SEGMENT = (
    re.compile(FAMILIES[f].pattern.pattern, re.I) for f in ("number", "metric", "user", "segment")
)
_I = re.compile(r"\bI\b|\bI'(?:m|d|ve|ll)\b")


def without_numbers(text: str) -> str:
    return _NUMBER.sub("some", text)


def without_metrics(text: str) -> str:
    """Drop every sentence that names a metric."""
    doc = Doc(text)
    return " ".join(s.text for s in doc.sentences if not _METRIC.search(s.text))


def without_the_user(text: str) -> str:
    return _SEGMENT.sub("it", _USER.sub("it", text))


def without_ownership(text: str) -> str:
    return _I.sub("we", text)


# Each type is weakened where its rubric looks: numbers always; then metrics and the user for
# product, strategy and metrics answers, and the candidate's own role for stories.
WEAKENINGS = {
    "product_design": (without_numbers, without_metrics, without_the_user),
    "strategy": (without_numbers, without_metrics, without_the_user),
    "metrics": (without_numbers, without_metrics, without_the_user),
    "behavioral": (without_numbers, without_ownership),
    "culture": (without_numbers, without_ownership),
    "technical": (without_numbers,),
    "estimation": (without_numbers,),
}


def test_at_least_60_strong_answers_over_all_types():
    by_type = Counter(CATALOG.questions[a.question_id].type for a in ANSWERS)
    assert len(ANSWERS) >= 60 and len(by_type) == 7 and min(by_type.values()) >= 5


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: a.question_id)
def test_strong_answer_scores_solid_or_better(answer):
    assert analyze(answer.question_id, answer.answer).level >= 3


# Dropping sentences that name a metric, or saying "we" for "I", can leave a shorter answer whose remaining
# sentences are more often claims; what must fall is the score or the credit of the criteria that look
# for what was taken away. Taking away numbers or the user takes away substance, so the score itself must fall.
TARGETS = {
    without_metrics: {"metrics_first", "north_star", "metric_tradeoffs", "success_metrics"},
    without_ownership: {"ownership", "actions", "personal_story", "contribution"},
}


def credit(feedback, criteria: set[str]) -> float:
    return sum(c.strength for c in feedback.criteria if c.id in criteria)


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: a.question_id)
def test_weakened_copies_score_lower(answer):
    original = analyze(answer.question_id, answer.answer)
    qtype = CATALOG.questions[answer.question_id].type
    for weaken in WEAKENINGS[qtype]:
        weakened = analyze(answer.question_id, weaken(answer.answer))
        if weaken in TARGETS:
            assert (
                credit(weakened, TARGETS[weaken]) < credit(original, TARGETS[weaken]) or weakened.score < original.score
            ), weaken.__name__
        else:
            assert weakened.score < original.score, weaken.__name__
