"""A second company is a second folder: content/bigtech loads, is complete and is judged like Netflix's."""

from __future__ import annotations

from collections import Counter

import pytest

from pmprep.analysis import analyze
from pmprep.analysis.outline import type_frameworks
from pmprep.bank import SHIPPED, load_catalog
from pmprep.config import using_company

BIGTECH = load_catalog(SHIPPED.parent / "bigtech")
NETFLIX = load_catalog(SHIPPED)
ANSWERS = sorted(BIGTECH.strong_answers.values(), key=lambda a: a.question_id)


def test_it_is_its_own_company():
    assert BIGTECH.company.id == "bigtech"
    assert BIGTECH.company.name == "Bigtech" and "fictional" in BIGTECH.company.summary


def test_it_has_every_question_type_with_its_framework():
    assert set(BIGTECH.question_types) == set(NETFLIX.question_types)
    assert set(type_frameworks(BIGTECH)) == set(BIGTECH.question_types)  # every step names analyzer signals


def test_it_has_two_tracks_each_with_its_own_loop():
    assert set(BIGTECH.tracks) == {"associate", "senior"}
    for track in BIGTECH.tracks:
        rounds = BIGTECH.rounds_for(track)
        assert len(rounds) >= 6
        assert [r.order for r in rounds] == list(range(1, len(rounds) + 1))
    assert BIGTECH.tracks["associate"].calendar in BIGTECH.calendars


def test_the_bank_is_big_enough_for_every_type():
    counts = BIGTECH.counts_by_type()
    assert sum(counts.values()) >= 42
    assert min(counts.values()) >= 6, counts


def test_every_question_resolves_its_rounds_competencies_and_themes():
    competencies = {**BIGTECH.dimensions, **BIGTECH.components}
    for q in BIGTECH.questions.values():
        assert q.rounds and all(BIGTECH.rounds[r].track in q.tracks for r in q.rounds), q.id
        assert all(c in competencies for c in q.competencies), q.id
        assert all(t in BIGTECH.themes for t in q.themes), q.id
        assert all(p in BIGTECH.primers for p in q.primers), q.id


def test_every_round_and_theme_has_questions():
    rounds = Counter(r for q in BIGTECH.questions.values() for r in q.rounds)
    themes = Counter(t for q in BIGTECH.questions.values() for t in q.themes)
    assert {r: rounds[r] for r in BIGTECH.rounds if rounds[r] < 3} == {}
    assert [t for t in BIGTECH.themes if themes[t] == 0] == []


def test_it_has_primers_and_a_strong_answer_for_every_type():
    assert len(BIGTECH.primers) >= 3
    cited = {p for q in BIGTECH.questions.values() for p in q.primers}
    assert set(BIGTECH.primers) <= cited
    assert {BIGTECH.questions[a.question_id].type for a in ANSWERS} == set(NETFLIX.question_types)


def test_question_ids_do_not_collide_with_netflix(catalog):
    assert set(BIGTECH.questions) & set(catalog.questions) == set()


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: a.question_id)
def test_strong_answer_scores_solid_or_better(answer):
    # As the practice page judges it: the bigtech question itself, with its round's answer budget.
    question = BIGTECH.questions[answer.question_id]
    with using_company("bigtech"):  # judged as a bigtech user's answer is: against bigtech's bank
        feedback = analyze(question, answer.answer, seconds=BIGTECH.answer_seconds(question.id))
    assert feedback.level >= 3, (feedback.score, feedback.notes)
    assert not feedback.red_flags
