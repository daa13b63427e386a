"""outreach_signals.yaml: the shipped file loads, and every problem in a broken one is named with file, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmprep.bank import ContentError, Problem
from pmprep.bounded_regex import unbounded_repeats
from pmprep.outreach.cues import GRADES, SIGNALS_FILE, load_signal_cues, shipped_signal_cues
from tests.core.outreach import content_copies

WHERE = "acme/outreach_signals.yaml"


def shipped() -> dict:
    return content_copies.shipped(SIGNALS_FILE)


def write(tmp_path: Path, data) -> Path:
    return content_copies.write(tmp_path, "outreach_signals.yaml", data)


def problems(tmp_path: Path, data) -> list[Problem]:
    return content_copies.problems(load_signal_cues, write(tmp_path, data))


def test_the_shipped_file_has_every_grade_the_checker_reads():
    cues = shipped_signal_cues()
    for signal, grades in GRADES.items():
        assert tuple(getattr(cues, signal).grades) == grades
    assert [g.at_least for g in cues.focus.grades.values()] == [1.0, 0.65, 0.4, 0.0, None]
    assert cues.ask.several_at == 3


def test_every_shipped_pattern_is_bounded():
    cues = shipped_signal_cues()
    patterns = [p for spec in (cues.their_work, cues.ask, cues.focus) for c in spec.cues.values() for p in c.patterns]
    assert len(patterns) > 80
    assert [p.pattern for p in patterns if unbounded_repeats(p)] == []


def test_a_copy_of_the_shipped_file_loads(tmp_path):
    cues = load_signal_cues(write(tmp_path, shipped()))
    assert cues.their_work.grades["specific"].points == shipped_signal_cues().their_work.grades["specific"].points


def test_a_missing_grade_names_the_signal_and_the_grade(tmp_path):
    data = shipped()
    del data["their_work"]["grades"]["specific"]
    assert problems(tmp_path, data) == [
        Problem(WHERE, "their_work", "grades.specific", "the checker reads this grade; it is missing")
    ]


def test_an_unknown_grade_is_refused(tmp_path):
    data = shipped()
    data["ask"]["grades"]["tiny"] = {"points": 1, "label": "tiny", "reason": "Tiny."}
    assert problems(tmp_path, data) == [
        Problem(
            WHERE, "ask", "grades.tiny", "is not a grade of ask (expected small, fair, several, large, vague, none)"
        )
    ]


def test_a_bad_pattern_names_its_list_and_position(tmp_path):
    data = shipped()
    data["ask"]["vague"][2] = "\\b(?:connect"
    [problem] = problems(tmp_path, data)
    assert (problem.file, problem.entry, problem.field) == (WHERE, "ask", "vague[2]")
    assert problem.message.startswith("is not a valid pattern: missing ), unterminated subpattern")
    assert str(problem).startswith(
        "acme/outreach_signals.yaml › entry 'ask' › field 'vague[2]': is not a valid pattern"
    )


def test_a_pattern_that_matches_empty_text_is_refused(tmp_path):
    data = shipped()
    data["focus"]["sender"][0] = "(?:i am)?"
    assert problems(tmp_path, data) == [
        Problem(WHERE, "focus", "sender[0]", "matches empty text, so it would match everywhere")
    ]


def test_a_wrong_type_and_an_unknown_field_are_named(tmp_path):
    data = shipped()
    data["their_work"]["grades"]["named"]["points"] = "five"
    data["focus"]["colour"] = "blue"
    found = {(p.entry, p.field): p.message for p in problems(tmp_path, data)}
    assert found == {
        ("their_work", "grades.named.points"): "Input should be a valid integer, unable to parse string as an integer",
        ("focus", "colour"): "Extra inputs are not permitted",
    }


def test_points_beyond_forty_are_refused(tmp_path):
    data = shipped()
    data["ask"]["grades"]["small"]["points"] = 90
    assert problems(tmp_path, data) == [
        Problem(WHERE, "ask", "grades.small.points", "Input should be less than or equal to 40")
    ]


def test_focus_grades_need_a_share_each_and_one_that_starts_at_zero(tmp_path):
    data = shipped()
    data["focus"]["grades"]["mixed"]["at_least"] = 0.65
    data["focus"]["grades"]["you"]["at_least"] = 0.1
    del data["focus"]["grades"]["them"]["at_least"]
    assert problems(tmp_path, data) == sorted(
        [
            Problem(
                WHERE,
                "focus",
                "grades.them.at_least",
                "expected the share of words about them (0 to 1) this grade starts at",
            ),
            Problem(
                WHERE, "focus", "grades.mixed.at_least", "is the same share as mostly_them's; each grade needs its own"
            ),
            Problem(WHERE, "focus", "grades", "no share grade starts at 0, so some notes would get none"),
        ]
    )


def test_the_order_of_the_grades_in_the_file_does_not_matter(tmp_path):
    data = shipped()
    data["focus"]["grades"] = dict(reversed(list(data["focus"]["grades"].items())))
    assert load_signal_cues(write(tmp_path, data)).focus_grade(0.5).id == "mixed"
    assert shipped_signal_cues().focus_grade(0.5).id == "mixed"
    assert [shipped_signal_cues().focus_grade(x).id for x in (1.0, 0.99, 0.65, 0.4, 0.39, 0.0)] == [
        "them",
        "mostly_them",
        "mostly_them",
        "mixed",
        "you",
        "you",
    ]


def test_a_share_on_a_grade_that_is_not_chosen_by_share_is_refused(tmp_path):
    data = shipped()
    data["ask"]["grades"]["fair"]["at_least"] = 0.5
    assert problems(tmp_path, data) == [
        Problem(WHERE, "ask", "grades.fair.at_least", "only the focus grades chosen by share have one")
    ]


def test_an_unknown_placeholder_in_a_reason_is_named(tmp_path):
    data = shipped()
    data["ask"]["grades"]["vague"]["reason"] = "Vague: {share} of it."
    data["focus"]["grades"]["you"]["reason"] = "Only {percent}."
    assert problems(tmp_path, data) == sorted(
        [
            Problem(WHERE, "ask", "grades.vague.reason", "names share; the placeholders it may use: none"),
            Problem(WHERE, "focus", "grades.you.reason", "names percent; the placeholders it may use: {share}"),
        ]
    )


def test_every_problem_is_reported_at_once(tmp_path):
    data = shipped()
    data["their_work"]["details"][0] = "(unclosed"
    data["ask"]["large"][1] = ""
    data["focus"]["recipient"] = []
    found = {(p.entry, p.field) for p in problems(tmp_path, data)}
    assert found == {("ask", "large[1]"), ("focus", "recipient")}  # structure first: patterns wait for a valid shape
    data["ask"]["large"][1] = "x"
    data["focus"]["recipient"] = ["you"]
    assert {(p.entry, p.field) for p in problems(tmp_path, data)} == {("their_work", "details[0]")}


def test_a_missing_section_and_a_file_that_is_not_yaml(tmp_path):
    data = shipped()
    del data["ask"]
    assert problems(tmp_path, data) == [Problem(WHERE, "ask", None, "Field required")]
    [problem] = problems(tmp_path, "their_work: [unclosed")
    assert (problem.file, problem.entry, problem.field) == (WHERE, None, None)
    assert problem.message.startswith("cannot be read:")


def test_the_error_message_lists_every_problem_on_its_own_line(tmp_path):
    data = shipped()
    del data["their_work"]["grades"]["none"]
    data["ask"]["vague"][0] = "("
    with pytest.raises(ContentError) as caught:
        load_signal_cues(write(tmp_path, data))
    lines = str(caught.value).splitlines()
    assert lines[0] == "2 problems in the content:"
    assert lines[1].startswith(
        "  - acme/outreach_signals.yaml › entry 'ask' › field 'vague[0]': is not a valid pattern"
    )
    assert lines[2] == (
        "  - acme/outreach_signals.yaml › entry 'their_work' › field 'grades.none': the checker reads "
        "this grade; it is missing"
    )
