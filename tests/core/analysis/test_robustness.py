"""Answers that must land at the lowest level, generated from the development set."""

from __future__ import annotations

import random

import pytest

from pmprep.analysis import analyze
from pmprep.analysis.rubric import rubrics
from tests.core.analysis.devset import groups, variant

# For each type, a type whose answers look nothing like it (an answer to a different question).
UNRELATED = {
    "behavioral": "estimation",
    "culture": "technical",
    "product_design": "behavioral",
    "strategy": "behavioral",
    "metrics": "behavioral",
    "technical": "behavioral",
    "estimation": "culture",
}
NEUTRAL_PADDING = " ".join(["This is an important point that I think really matters a lot here."] * 8)


def run(group: dict, text: str):
    return analyze(group["question"], text, question_type=group["type"])


def strong_text(group: dict) -> str:
    return variant(group, "strong")["text"]


@pytest.mark.parametrize("group", groups(), ids=lambda g: g["id"])
def test_gibberish_is_poor(group):
    rnd = random.Random(group["id"])
    text = " ".join(
        "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(2, 9)))
        for _ in range(len(strong_text(group).split()))
    )
    assert run(group, text).level == 1


@pytest.mark.parametrize("group", groups(), ids=lambda g: g["id"])
def test_an_answer_to_a_different_question_is_poor(group):
    other = next(g for g in groups() if g["type"] == UNRELATED[group["type"]])
    fb = run(group, strong_text(other))
    assert fb.level == 1
    assert any("does not seem to address this question" in n for n in fb.notes)


@pytest.mark.parametrize("group", groups(), ids=lambda g: g["id"])
def test_a_bare_list_of_rubric_keywords_is_poor(group):
    keywords = ", ".join(c.name for c in rubrics().for_type(group["type"]))
    assert run(group, keywords).level == 1


@pytest.mark.parametrize("group", groups(), ids=lambda g: g["id"])
def test_the_same_answer_pasted_three_times_is_poor(group):
    fb = run(group, "\n\n".join([strong_text(group)] * 3))
    assert fb.level == 1
    assert any("repeats itself" in n for n in fb.notes)


@pytest.mark.parametrize("group", groups()[::3], ids=lambda g: g["id"])
def test_one_word_is_poor(group):
    assert run(group, "Netflix").level == 1


@pytest.mark.parametrize("group", groups(), ids=lambda g: g["id"])
def test_padding_does_not_raise_the_score(group):
    for name in ("strong", "weak"):
        base = run(group, variant(group, name)["text"]).score
        assert run(group, variant(group, name)["text"] + "\n\n" + NEUTRAL_PADDING).score <= base


@pytest.mark.parametrize("group", groups(), ids=lambda g: g["id"])
def test_repetition_does_not_raise_the_score(group):
    text = strong_text(group)
    assert run(group, text + "\n\n" + text).score <= run(group, text).score


def test_an_empty_answer_is_poor_and_explained():
    fb = analyze("Why Netflix?", "   ")
    assert (fb.score, fb.level) == (0.0, 1)
    assert fb.notes == ["There is no answer to analyse."]
