"""Questions to ask the interviewer: the shipped sets, their validation, and the checker's exact flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmprep.bank import ContentError
from pmprep.bounded_regex import unbounded_repeats
from pmprep.config import active_catalog
from pmprep.interview_week.checker import MAX_QUESTION_CHARS, QuestionError, check_question
from pmprep.interview_week.question_rules import load_question_rules, shipped_question_rules
from pmprep.interview_week.questions import MIN_QUESTIONS, load_questions_to_ask, questions_to_ask

CATALOG = active_catalog()


def flags(question: str, round_id: str | None = None) -> list[tuple[str, str]]:
    return [(f.kind.value, f.text) for f in check_question(question, round_id).flags]


def test_every_round_has_at_least_four_shipped_questions_per_interviewer_role():
    shipped = questions_to_ask()
    for round_id, rnd in CATALOG.rounds.items():
        sets = shipped.for_round(round_id)
        assert sets, round_id
        assert all(len(s.questions) >= MIN_QUESTIONS for s in sets)
        if rnd.is_case:
            assert [s.panel_role for s in sets] == ["design", "data_science", "engineering"]


def test_the_checker_flags_none_of_the_shipped_questions_in_their_own_rounds():
    shipped = questions_to_ask()
    flagged = [
        (r, q, check_question(q, r).summary)
        for r in CATALOG.rounds
        for q in shipped.shipped(r)
        if not check_question(q, r).ok
    ]
    assert flagged == []


def test_no_rule_pattern_has_an_unbounded_repeat():
    for rule in shipped_question_rules().rules:
        for pattern in rule.patterns:
            assert unbounded_repeats(pattern) == 0, (rule.name, pattern.pattern)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What's the culture like?", [("generic", "What's the culture like")]),
        ("What does a typical day look like for you?", [("generic", "What does a typical day look like")]),
        ("What does Netflix do?", [("careers_page", "What does Netflix do")]),
        ("Where are the offices?", [("careers_page", "Where are the offices")]),
        ("How much vacation do PMs get?", [("careers_page", "How much vacation")]),
        ("How did I do?", [("own_performance", "How did I do")]),
        (
            "Which metric matters most, and also who owns it?",
            [("several", "and also")],
        ),
        ("Who owns the metric? Who sets the target?", [("several", "Who sets the target?")]),
        ("What would surprise me in my first month??", []),
    ],
)
def test_the_checker_flags_exactly(question, expected):
    assert flags(question, "ei_hiring_manager") == expected


def test_overlapping_phrases_of_one_kind_give_one_flag_and_two_kinds_give_two():
    assert flags("What benefits do you offer, and also where are the offices?") == [
        ("careers_page", "What benefits"),
        ("several", "and also where are"),
        ("careers_page", "where are the offices"),
    ]


def test_pay_is_fine_in_the_recruiter_screen_only():
    question = "What is the salary range and the equity for this role?"
    assert flags(question, "ei_recruiter_screen") == []
    assert flags(question, "ex_recruiter_screen") == []
    assert flags(question, "ei_hiring_manager") == [("pay_early", "salary"), ("pay_early", "equity")]
    report = check_question("Is there a signing bonus?", "ex_case_presentation")
    assert [(f.kind.value, f.text, f.start, f.end) for f in report.flags] == [("pay_early", "signing bonus", 11, 24)]
    assert report.summary == "Rework it (pay, too early). pay, too early: 'signing bonus'."
    unplaced = check_question("Is there a signing bonus?")
    assert unplaced.flags[0].reason.endswith("(Fine in the recruiter screen; choose the round to check it there.)")


def test_a_long_question_is_flagged_from_the_word_past_the_limit():
    question = "Which " + "very " * 40 + "hard call?"
    report = check_question(question, "ei_hiring_manager")
    assert [(f.kind.value, f.text) for f in report.flags] == [("too_long", "very hard call?")]


def test_a_good_question_is_not_flagged():
    report = check_question("Which metric does your team look at first on a Monday morning?", "ei_hiring_manager")
    assert report.to_dict() == {
        "question": "Which metric does your team look at first on a Monday morning?",
        "round_id": "ei_hiring_manager",
        "ok": True,
        "flags": [],
        "summary": "Ask it: one question only this interviewer can answer.",
    }


def test_bad_input_gets_a_clear_message():
    with pytest.raises(QuestionError, match="the question is empty"):
        check_question("   ")
    with pytest.raises(QuestionError, match="1,001 characters; the limit is 1,000"):
        check_question("?" * (MAX_QUESTION_CHARS + 1))
    with pytest.raises(ValueError, match="unknown round 'nope'"):
        check_question("Why?", "nope")


def test_a_long_hostile_question_is_checked_in_linear_time():
    question = ("and also " * 100)[:MAX_QUESTION_CHARS]
    assert len(check_question(question, "ei_hiring_manager").flags) >= 1


def test_a_bad_questions_file_names_the_file_the_set_and_the_field(tmp_path: Path):
    bad = tmp_path / "netflix" / "questions_to_ask.yaml"
    bad.parent.mkdir()
    bad.write_text(
        "sets:\n"
        "  - {id: hm, name: HM, rounds: [ei_hiring_manager, nope], panel_role: judge,\n"
        "     questions: [One?, Two?, Three?, one?]}\n"
        "  - {id: short, name: S, rounds: [ei_hiring_manager], questions: [One?]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as err:
        load_questions_to_ask(bad, CATALOG, ("design", "data_science", "engineering"))
    assert [str(p) for p in err.value.problems] == [
        "netflix/questions_to_ask.yaml › entry 'short' › field 'questions': List should have at least 4 items "
        "after validation, not 1"
    ]
    bad.write_text(
        "sets:\n"
        "  - {id: hm, name: HM, rounds: [ei_hiring_manager, nope], panel_role: judge,\n"
        "     questions: [One?, Two?, Three?, one?]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as err:
        load_questions_to_ask(bad, CATALOG, ("design", "data_science", "engineering"))
    assert [str(p) for p in err.value.problems] == [
        "netflix/questions_to_ask.yaml › entry 'hm' › field 'panel_role': 'judge' is not a panel role "
        "(expected design, data_science, engineering)",
        "netflix/questions_to_ask.yaml › entry 'hm' › field 'questions[3]': repeats an earlier question of this set",
        "netflix/questions_to_ask.yaml › entry 'hm' › field 'rounds[1]': 'nope' is not a round in rounds.yaml",
    ]


def test_a_bad_rules_file_names_the_file_the_rule_and_the_field(tmp_path: Path):
    bad = tmp_path / "netflix" / "questions_to_ask_rules.yaml"
    bad.parent.mkdir()
    bad.write_text(
        "max_words: 40\npay_fine_up_to_order: 1\n"
        "rules:\n"
        "  odd: {kind: rude, reason: R, patterns: ['(unclosed', 'x?']}\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as err:
        load_question_rules(bad, "Netflix")
    assert [str(p) for p in err.value.problems] == [
        "netflix/questions_to_ask_rules.yaml › entry 'rules.odd' › field 'kind': is not a kind a rule flags "
        "(expected generic, careers_page, pay_early, own_performance, several)",
        "netflix/questions_to_ask_rules.yaml › entry 'rules.odd' › field 'patterns[0]': is not a valid pattern: "
        "missing ), unterminated subpattern at position 0",
        "netflix/questions_to_ask_rules.yaml › entry 'rules.odd' › field 'patterns[1]': matches empty text, so it "
        "would match everywhere",
    ]
