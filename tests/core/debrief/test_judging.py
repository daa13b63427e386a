"""Each exchange judged by the analyzer, with fillers and rambling from the transcript's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmprep.analysis import analyze
from pmprep.bank import ContentError
from pmprep.debrief import Exchange, debrief, judge
from pmprep.debrief.judging import fillers_in
from pmprep.debrief.rules import DEBRIEF_FILE, DebriefRules, load_rules

TRANSCRIPT = """Interviewer: How would you measure success for Netflix downloads?
Me: Um, basically I would look at completion of downloaded titles within a week. First, I would define the goal: \
members watch offline. Second, the metric is completion rate. I'd guard against storage churn.
Interviewer: Tell me about a time you failed.
Me: In 2021 I launched a feature that cut retention by 2%. I rolled it back in a week and learned to test first.
"""


def test_each_answer_is_judged_as_the_analyzer_judges_a_typed_in_question():
    result = debrief(TRANSCRIPT)
    assert [(e.question, e.feedback.question_type, e.line) for e in result.exchanges] == [
        ("How would you measure success for Netflix downloads?", "metrics", 1),
        ("Tell me about a time you failed.", "behavioral", 3),
    ]
    for e in result.exchanges:
        assert e.feedback.to_dict() == analyze(e.question, e.answer).to_dict()


def test_fillers_and_rambling_come_from_the_answer_text():
    first, second = debrief(TRANSCRIPT).exchanges
    assert first.fillers == ("um", "basically")
    assert first.rambling.to_dict() == {
        "words": 33,
        "points": 2,
        "words_per_point": 16.5,
        "too_long": False,
        "wandering": False,
    }
    assert second.fillers == ()
    assert (second.rambling.words, second.rambling.points, second.rambling.words_per_point) == (23, 1, 23.0)


def test_a_long_answer_of_few_points_rambles():
    rules = DebriefRules(frozenset({"me"}), frozenset({"interviewer"}), 12, 40, 20)
    answer = "We had a problem with the catalogue and the team and the partners and the plan. " * 4
    judged = judge(Exchange("Tell me about a time you failed.", answer, 1), rules)
    assert (judged.rambling.words, judged.rambling.too_long, judged.rambling.rambles) == (64, True, True)


def test_fillers_respect_the_words_before_them():
    assert fillers_in("I'd like to say, like, you know, it was sort of a mess. Do you know why?") == (
        "like",
        "you know",
        "sort of",
    )


def test_the_json_shape_is_exactly_question_answer_feedback():
    data = debrief(TRANSCRIPT).to_dict()
    assert list(data) == ["exchanges"]
    assert [list(e) for e in data["exchanges"]] == [["question", "answer", "feedback"]] * 2


def test_weak_criteria_are_those_at_level_two_or_below():
    second = debrief(TRANSCRIPT).exchanges[1]
    assert second.weak_criteria == [c.id for c in second.feedback.criteria if c.level <= 2]
    assert "reflection" in second.weak_criteria


def test_the_shipped_rules_load_and_a_bad_file_names_its_field(tmp_path: Path):
    rules = load_rules(DEBRIEF_FILE)
    assert (rules.small_talk_reply_words, rules.rambling_answer_words, rules.rambling_words_per_point) == (12, 420, 70)
    assert "me" in rules.candidate_labels and "hiring manager" in rules.interviewer_labels
    bad = tmp_path / "netflix" / "debrief.yaml"
    bad.parent.mkdir()
    bad.write_text(DEBRIEF_FILE.read_text().replace("reply_words: 12", "reply_words: many"))
    with pytest.raises(ContentError) as caught:
        load_rules(bad)
    assert [str(p) for p in caught.value.problems] == [
        "netflix/debrief.yaml › entry 'small_talk' › field 'reply_words': "
        "Input should be a valid integer, unable to parse string as an integer"
    ]
