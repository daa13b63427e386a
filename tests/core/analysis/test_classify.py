"""Question classification: stored tags for bank questions, rules and neighbours for any other text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pmprep.analysis import classify
from pmprep.bank import shipped_catalog

UNSEEN = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "questions.yaml").read_text())["questions"]


def test_bank_questions_keep_their_stored_tags():
    for q in list(shipped_catalog().questions.values())[::7]:
        c = classify(q.text)
        assert (c.question_type, c.competencies, c.source, c.question_id, c.confidence) == (
            q.type,
            list(q.competencies),
            "bank",
            q.id,
            1.0,
        )


def test_a_bank_id_is_accepted_too():
    q = next(iter(shipped_catalog().questions.values()))
    assert classify(q.id).question_id == q.id


def test_questions_outside_the_bank_are_classified_accurately():
    right = [classify(q["text"]).question_type == q["type"] for q in UNSEEN]
    assert len(UNSEEN) >= 50
    assert sum(right) / len(right) >= 0.9


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tell me about a time you failed.", "behavioral"),
        ("Why do you want to join Netflix?", "culture"),
        ("How many streams does Netflix serve at peak in Japan?", "estimation"),
        ("Watch time fell 8% last week in Germany. What happened?", "metrics"),
        ("Should Netflix launch a sports channel?", "strategy"),
        ("How would you design the backend for continue watching?", "technical"),
        ("How would you improve the kids experience on Netflix?", "product_design"),
    ],
)
def test_typical_wordings(text, expected):
    c = classify(text)
    assert (c.question_type, c.source) == (expected, "rules")
    assert 0 < c.confidence <= 1 and c.competencies


def test_empty_text_has_no_confidence():
    c = classify("")
    assert c.confidence == 0.0
