"""The progress dashboard's numbers: weekly levels by dimension and round, volume, backlog, coverage, loops."""

from __future__ import annotations

from datetime import date

import pytest

from pmprep.committee import Outcome
from pmprep.progress import (
    Answer,
    LoopResult,
    backlog,
    levels_by_dimension,
    levels_by_round,
    loop_outcomes,
    monday_of,
    story_coverage,
    volume,
    window,
)

D = date
TODAY = D(2026, 3, 12)  # a Thursday; its ISO week starts on Monday 9 March
DIMENSIONS = {"customer_obsession": "Customer obsession", "data_literacy": "Data literacy"}
DIMENSIONS_OF = {
    "case_solving": ("customer_obsession", "data_literacy"),
    "quantitative_metrics": ("data_literacy",),
    "culture_leadership": ("customer_obsession",),
}
ROUNDS = {"ei_hiring_manager": "Hiring manager", "ei_case_presentation": "Case"}


# ---------------------------------------------------------------------------------------------- weeks


def test_weeks_start_on_monday_and_the_window_ends_with_todays_week():
    assert monday_of(TODAY) == D(2026, 3, 9)
    assert monday_of(D(2026, 3, 9)) == D(2026, 3, 9)
    assert monday_of(D(2026, 3, 15)) == D(2026, 3, 9)  # Sunday belongs to the week before it
    assert window(TODAY, 3) == (D(2026, 2, 23), D(2026, 3, 2), D(2026, 3, 9))


def test_the_default_window_is_twelve_weeks_across_the_new_year():
    weeks = window(TODAY)
    assert len(weeks) == 12
    assert (weeks[0], weeks[-1]) == (D(2025, 12, 22), D(2026, 3, 9))


def test_a_window_needs_at_least_one_week():
    with pytest.raises(ValueError, match="at least 1"):
        window(TODAY, 0)


# ---------------------------------------------------------------------------------------------- levels


def test_weekly_mean_level_per_dimension_is_rounded_half_up():
    answers = [
        Answer(D(2026, 3, 9), 2, ("data_literacy",)),
        Answer(D(2026, 3, 10), 3, ("quantitative_metrics",)),
        Answer(D(2026, 3, 12), 3, ("data_literacy",)),
        Answer(D(2026, 3, 3), 4, ("culture_leadership",)),
    ]
    weekly = levels_by_dimension(answers, DIMENSIONS, DIMENSIONS_OF, TODAY, weeks=2)
    assert weekly.weeks == (D(2026, 3, 2), D(2026, 3, 9))
    by_key = {s.key: s for s in weekly.series}
    assert [s.name for s in weekly.series] == ["Customer obsession", "Data literacy"]
    # (2 + 3 + 3) / 3 = 2.666… -> 2.67
    assert (by_key["data_literacy"].values, by_key["data_literacy"].counts) == ((None, 2.67), (0, 3))
    assert (by_key["customer_obsession"].values, by_key["customer_obsession"].counts) == ((4.0, None), (1, 0))
    assert weekly.rows()[1] == (D(2026, 3, 9), [(None, 0), (2.67, 3)])


def test_an_answer_counts_once_per_dimension_however_many_competencies_lead_there():
    # case_solving and quantitative_metrics both stand for data literacy: the answer counts once there.
    answers = [
        Answer(D(2026, 3, 10), 1, ("case_solving", "quantitative_metrics")),
        Answer(D(2026, 3, 11), 4, ("data_literacy",)),
    ]
    weekly = levels_by_dimension(answers, DIMENSIONS, DIMENSIONS_OF, TODAY, weeks=1)
    assert [(s.key, s.values, s.counts) for s in weekly.series] == [
        ("customer_obsession", (1.0,), (1,)),
        ("data_literacy", (2.5,), (2,)),
    ]


def test_follow_up_replies_and_own_questions_give_no_level():
    answers = [
        Answer(D(2026, 3, 10), 4, ("data_literacy",), ("ei_case_presentation",), follow_up=True),
        Answer(D(2026, 3, 10), 1),
    ]
    assert levels_by_dimension(answers, DIMENSIONS, DIMENSIONS_OF, TODAY).empty
    assert levels_by_round(answers, ROUNDS, TODAY).empty


def test_answers_outside_the_window_or_after_today_are_left_out():
    answers = [
        Answer(D(2026, 2, 22), 1, ("data_literacy",)),  # Sunday before the 3-week window
        Answer(D(2026, 2, 23), 2, ("data_literacy",)),  # its first Monday
        Answer(D(2026, 3, 13), 4, ("data_literacy",)),
    ]  # tomorrow
    weekly = levels_by_dimension(answers, DIMENSIONS, DIMENSIONS_OF, TODAY, weeks=3)
    assert weekly.series[1].values == (2.0, None, None)
    assert weekly.series[1].counts == (1, 0, 0)


def test_unknown_competencies_are_ignored():
    weekly = levels_by_dimension(
        [Answer(D(2026, 3, 10), 3, ("not_a_competency",))], DIMENSIONS, DIMENSIONS_OF, TODAY, weeks=1
    )
    assert weekly.empty


def test_weekly_mean_level_per_round_counts_only_charted_rounds():
    answers = [
        Answer(D(2026, 3, 2), 2, ("culture_leadership",), ("ei_hiring_manager", "ex_hiring_manager")),
        Answer(D(2026, 3, 4), 3, ("culture_leadership",), ("ei_hiring_manager",)),
        Answer(D(2026, 3, 11), 1, ("case_solving",), ("ei_case_presentation", "ei_case_presentation")),
    ]
    weekly = levels_by_round(answers, ROUNDS, TODAY, weeks=2)
    assert [(s.key, s.name, s.values, s.counts) for s in weekly.series] == [
        ("ei_hiring_manager", "Hiring manager", (2.5, None), (2, 0)),
        ("ei_case_presentation", "Case", (None, 1.0), (0, 1)),
    ]


def test_only_answered_drops_the_series_with_no_answer():
    weekly = levels_by_round([Answer(D(2026, 3, 11), 3, (), ("ei_case_presentation",))], ROUNDS, TODAY, weeks=2)
    assert [s.key for s in weekly.only_answered().series] == ["ei_case_presentation"]
    assert weekly.only_answered().weeks == weekly.weeks


def test_levels_must_be_one_to_four():
    with pytest.raises(ValueError, match="level must be one of 1, 2, 3, 4"):
        Answer(TODAY, 5)


def test_weekly_levels_serialise_with_iso_dates():
    weekly = levels_by_round([Answer(D(2026, 3, 11), 3, (), ("ei_hiring_manager",))], ROUNDS, TODAY, weeks=1)
    assert weekly.to_dict() == {
        "weeks": ["2026-03-09"],
        "series": [
            {"key": "ei_hiring_manager", "name": "Hiring manager", "values": [3.0], "counts": [1]},
            {"key": "ei_case_presentation", "name": "Case", "values": [None], "counts": [0]},
        ],
    }


# ---------------------------------------------------------------------------------------------- volume


def test_volume_counts_every_answer_follow_ups_apart():
    answers = [
        Answer(D(2026, 3, 2), 2),
        Answer(D(2026, 3, 8), 3, ("data_literacy",)),
        Answer(D(2026, 3, 8), 3, follow_up=True),
        Answer(D(2026, 3, 12), 1),
        Answer(D(2026, 3, 13), 1),
        Answer(D(2026, 2, 1), 1),
    ]
    v = volume(answers, TODAY, weeks=2)
    assert (v.first, v.follow_ups, v.totals) == ((2, 1), (1, 0), (3, 1))
    assert v.rows() == [(D(2026, 3, 2), 2, 1, 3), (D(2026, 3, 9), 1, 0, 1)]
    assert v.sums == (3, 1, 4)
    assert not v.empty
    assert volume([], TODAY).empty
    assert volume([], TODAY).totals == (0,) * 12


# ---------------------------------------------------------------------------------------------- backlog


def test_backlog_buckets_by_due_date_and_kind():
    items = [
        ("question", D(2026, 3, 1)),
        ("story", D(2026, 3, 11)),
        ("question", TODAY),
        ("question", TODAY),
        ("question", D(2026, 3, 13)),
        ("story", D(2026, 3, 19)),
        ("question", D(2026, 3, 20)),
        ("story", D(2027, 1, 1)),
    ]
    b = backlog(items, TODAY)
    assert b.counts == {
        "overdue": {"question": 1, "story": 1},
        "today": {"question": 2, "story": 0},
        "week": {"question": 1, "story": 1},
        "later": {"question": 1, "story": 1},
    }
    assert b.rows() == [
        ("Overdue", [1, 1], 2),
        ("Due today", [2, 0], 2),
        ("Due this week", [1, 1], 2),
        ("Later", [1, 1], 2),
    ]
    assert b.total == 8


def test_backlog_lists_other_kinds_after_questions_and_stories():
    b = backlog([("case_card", TODAY)], TODAY)
    assert b.kinds == (("question", "Questions"), ("story", "Stories"), ("case_card", "Case card"))
    assert b.counts["today"] == {"question": 0, "story": 0, "case_card": 1}
    assert backlog([], TODAY).empty


# ---------------------------------------------------------------------------------------------- coverage


def test_story_coverage_per_group():
    columns = [
        ("kind", "kind:launch"),
        ("kind", "kind:failure"),
        ("kind", "kind:conflict"),
        ("competency", "competency:data_literacy"),
        ("competency", "competency:scope_control"),
        ("theme", "theme:candour"),
    ]
    c = story_coverage(
        columns, {"kind:launch", "competency:data_literacy", "competency:scope_control"}, stories=2, gaps=3
    )
    assert [(g.group, g.name, g.covered, g.total, g.missing, g.share) for g in c.groups] == [
        ("kind", "Story kinds", 1, 3, 2, 33),
        ("competency", "Competencies", 2, 2, 0, 100),
        ("theme", "Culture themes", 0, 1, 1, 0),
    ]
    assert (c.stories, c.gaps, c.empty) == (2, 3, False)


def test_story_coverage_share_rounds_half_up_and_skips_empty_groups():
    columns = [("kind", f"kind:{i}") for i in range(8)]
    c = story_coverage(columns, {"kind:0"}, stories=1, gaps=7)  # 12.5% -> 13
    assert [(g.group, g.share) for g in c.groups] == [("kind", 13)]
    assert story_coverage([], set(), stories=0, gaps=0).empty


def test_story_coverage_rejects_an_unknown_group():
    with pytest.raises(ValueError, match="unknown coverage group 'mood'"):
        story_coverage([("mood", "mood:x")], set(), stories=0, gaps=0)


# ---------------------------------------------------------------------------------------------- loops


def test_loop_outcomes_are_listed_oldest_first_and_counted_weakest_first():
    results = [
        LoopResult("b", D(2026, 3, 5), "early_in", 4, 4, Outcome.HIRE, 3.25),
        LoopResult("a", D(2026, 2, 1), "early_in", 4, 4, Outcome.NO_HIRE, 2.1),
        LoopResult("c", D(2026, 3, 10), "early_in", 1, 4, Outcome.NOT_ENOUGH_EVIDENCE),
        LoopResult("d", D(2026, 3, 11), "gone_track", 0, 3, None),
    ]
    o = loop_outcomes(results)
    assert [r.key for r in o.loops] == ["a", "b", "c", "d"]
    assert o.counts == (
        (Outcome.NOT_ENOUGH_EVIDENCE, 1),
        (Outcome.NO_HIRE, 1),
        (Outcome.HIRE, 1),
        (Outcome.STRONG_HIRE, 0),
    )
    assert o.to_dict()["counts"] == {"not_enough_evidence": 1, "no_hire": 1, "hire": 1, "strong_hire": 0}
    assert loop_outcomes([]).empty
