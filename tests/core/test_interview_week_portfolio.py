"""The story portfolio of a loop: what each round asks, the assignment rules, tie-breaks, swaps and re-checks."""

from __future__ import annotations

import pytest

from pmprep.config import active_catalog
from pmprep.interview_week import (
    INTERVIEWER_REPEAT,
    PANEL_REPEAT,
    Swap,
    loop_rounds,
    plan_portfolio,
    round_asks,
    swap_problem,
)
from pmprep.stories import Asks, StarStory

CATALOG = active_catalog()
EARLY_IN = [r.id for r in CATALOG.rounds_for("early_in")]


def story(sid: str, kinds: tuple[str, ...] = (), competencies: tuple[str, ...] = (), title: str = "") -> StarStory:
    # Titles and empty STAR fields give the cue rules nothing to find: only the chosen kinds count.
    return StarStory(id=sid, title=title or f"Story {sid.upper()}", kinds=kinds, competencies=competencies)


A = story("a", ("launch", "failure"))
B = story("b", ("pivot",), ("data_literacy",))
C = story("c", ("conflict", "leading_without_authority"))


def reasons(portfolio) -> dict[str, list[str]]:
    return {p.round.round_id: [a.reason for a in p.assignments] for p in portfolio.rounds}


def test_a_round_asks_for_its_commonest_kinds_and_themes_and_its_competencies():
    asks, asks_stories = round_asks("ei_hiring_manager", CATALOG)
    assert asks == Asks(
        kinds=("launch", "failure", "pivot"),
        themes=("hard_decision", "failure", "culture_memo"),
        competencies=("customer_obsession", "scope_control", "strategy_execution", "culture_leadership"),
    )
    assert asks_stories is True
    asks, asks_stories = round_asks("ei_technical_deep_dive", CATALOG)
    assert asks == Asks((), (), ("technical_judgment", "data_literacy", "technical_fluency"))
    assert asks_stories is False


def test_the_case_round_is_heard_by_the_panel_roles_and_others_by_one_interviewer():
    loop = loop_rounds(EARLY_IN, CATALOG, {"ei_case_presentation/design": "  Ana   Ruiz "})
    assert [[(i.key, i.label) for i in r.interviewers] for r in loop] == [
        [("ei_recruiter_screen/interviewer", "A university recruiter")],
        [("ei_hiring_manager/interviewer", "The hiring manager (a product manager)")],
        [("ei_technical_deep_dive/interviewer", "An engineering manager")],
        [
            ("name:ana ruiz", "Ana Ruiz (Design)"),
            ("ei_case_presentation/data_science", "Data science"),
            ("ei_case_presentation/engineering", "Engineering"),
        ],
    ]
    with pytest.raises(ValueError, match="unknown round 'nope'"):
        loop_rounds(["nope"], CATALOG)


def test_each_round_gets_its_best_fitting_fresh_stories_with_a_reason_each():
    portfolio = plan_portfolio(loop_rounds(EARLY_IN, CATALOG), [A, B, C], CATALOG)
    assert reasons(portfolio) == {
        "ei_recruiter_screen": [
            "A university recruiter: 'Story A' — covers a launch, a failure and 'Cultural fit and leadership'; "
            "also told in Hiring-manager behavioural interview and Case-study presentation, to other interviewers.",
            "A university recruiter: 'Story C' — covers leading without authority; "
            "not used elsewhere with this interviewer.",
        ],
        "ei_hiring_manager": [
            "The hiring manager (a product manager): 'Story B' — covers a pivot; "
            "also told in Technical deep dive, to other interviewers.",
            "The hiring manager (a product manager): 'Story A' — covers a launch, a failure, 'Scope control', "
            "'Strategy and execution' and 'Cultural fit and leadership'; also told in Recruiter screen and "
            "Case-study presentation, to other interviewers.",
        ],
        "ei_technical_deep_dive": [
            "An engineering manager: 'Story B' — covers 'Data literacy'; "
            "also told in Hiring-manager behavioural interview, to other interviewers."
        ],
        "ei_case_presentation": [
            "Design: 'Story A' — covers 'Scope control'; also told in Recruiter screen and "
            "Hiring-manager behavioural interview, to other interviewers."
        ],
    }
    assert [p.uncovered_message for p in portfolio.rounds] == [
        "Recruiter screen: none covers 'Customer obsession', 'Job awareness' and 'Company awareness'.",
        "Hiring-manager behavioural interview: none covers 'Customer obsession'.",
        "Technical deep dive: none covers 'Technical judgment' and 'Technical fluency and experimentation'.",
        "Case-study presentation: none covers 'Customer obsession', 'Data literacy', 'Case solving', "
        "'Quantitative thinking and metrics' and 'Product design and innovation'.",
    ]
    assert portfolio.broken == () and portfolio.ok


def test_a_fresh_story_comes_before_a_reused_one_that_fits_better():
    loop = loop_rounds(["ei_recruiter_screen", "ei_hiring_manager"], CATALOG)
    strong = story("strong", ("launch", "failure", "pivot"))
    weak = story("weak", ("pivot",))
    portfolio = plan_portfolio(loop, [strong, weak], CATALOG)
    assert [[a.story_id for a in p.assignments] for p in portfolio.rounds] == [["strong"], ["weak", "strong"]]


def test_ties_go_to_more_shared_kinds_then_title_ignoring_case_then_id():
    loop = loop_rounds(["ei_hiring_manager"], CATALOG)
    # 'Zed' (one kind, three competencies: 6) ties 'beta' and 'Alpha' (two kinds: 6) on score.
    zed = story("z", ("pivot",), ("scope_control", "strategy_execution", "culture_leadership"), title="Zed")
    beta = story("b", ("launch", "pivot"), title="beta")
    alpha = story("a2", ("launch", "pivot"), title="Alpha")
    twin = story("a1", ("launch", "pivot"), title="alpha")
    portfolio = plan_portfolio(loop, [zed, beta, alpha, twin], CATALOG)
    assert [a.story_id for a in portfolio.rounds[0].assignments] == ["a1", "z"]


def test_no_stories_leaves_every_round_uncovered():
    portfolio = plan_portfolio(loop_rounds(["ei_hiring_manager"], CATALOG), [], CATALOG)
    plan = portfolio.rounds[0]
    assert plan.assignments == ()
    assert plan.uncovered_kinds == ("launch", "failure", "pivot")
    assert plan.uncovered_message == (
        "Hiring-manager behavioural interview: no story shows a launch, a failure and a pivot; none covers "
        "'Customer obsession', 'Scope control', 'Strategy and execution' and 'Cultural fit and leadership'."
    )


def test_one_story_for_four_rounds_is_reused_only_with_other_interviewers():
    portfolio = plan_portfolio(loop_rounds(EARLY_IN, CATALOG), [A], CATALOG)
    assert [[(a.interviewer_key, a.story_id) for a in p.assignments] for p in portfolio.rounds] == [
        [("ei_recruiter_screen/interviewer", "a")],
        [("ei_hiring_manager/interviewer", "a")],
        [],
        [("ei_case_presentation/design", "a")],
    ]
    assert portfolio.broken == ()


def test_an_interviewer_named_in_two_rounds_never_hears_a_story_twice():
    names = {"ei_recruiter_screen/interviewer": "Sam Lee", "ei_hiring_manager/interviewer": "sam  lee"}
    loop = loop_rounds(EARLY_IN, CATALOG, names)
    portfolio = plan_portfolio(loop, [A], CATALOG)
    assert [[a.story_id for a in p.assignments] for p in portfolio.rounds] == [["a"], [], [], ["a"]]


def test_a_swap_that_repeats_a_story_to_one_interviewer_names_the_broken_rule():
    names = {"ei_recruiter_screen/interviewer": "Sam Lee", "ei_hiring_manager/interviewer": "Sam Lee"}
    loop = loop_rounds(EARLY_IN, CATALOG, names)
    swap = Swap("ei_hiring_manager", "name:sam lee", story_id="a")
    portfolio = plan_portfolio(loop, [A, B], CATALOG, [swap])
    assert [b.to_dict() for b in portfolio.broken] == [
        {
            "rule": INTERVIEWER_REPEAT,
            "story_id": "a",
            "round_ids": ["ei_recruiter_screen", "ei_hiring_manager"],
            "message": "No interviewer hears a story twice: Sam Lee (A university recruiter) hears 'Story A' in "
            "Recruiter screen and Hiring-manager behavioural interview.",
        }
    ]
    assert portfolio.plan("ei_hiring_manager").assignments[-1].reason == (
        "Sam Lee (The hiring manager (a product manager)): 'Story A' — your choice; covers a launch, a failure, "
        "'Scope control', 'Strategy and execution' and 'Cultural fit and leadership'; Sam Lee (The hiring "
        "manager (a product manager)) hears it in Recruiter screen too, which breaks a rule."
    )
    assert not portfolio.ok


def test_a_swap_that_tells_one_story_twice_to_a_panel_names_the_broken_rule():
    loop = loop_rounds(["ei_case_presentation"], CATALOG)
    first = plan_portfolio(loop, [A], CATALOG)
    assert [(a.interviewer_key, a.story_id) for a in first.rounds[0].assignments] == [
        ("ei_case_presentation/design", "a")
    ]
    portfolio = plan_portfolio(
        loop, [A], CATALOG, [Swap("ei_case_presentation", "ei_case_presentation/engineering", "a")]
    )
    assert [(b.rule, b.message) for b in portfolio.broken] == [
        (
            PANEL_REPEAT,
            "No panel hears one story twice: 'Story A' is told 2 times in Case-study presentation "
            "(to Design and Engineering), and everyone in the room hears each telling.",
        )
    ]


def test_a_swap_replaces_a_story_in_place_and_the_coverage_is_worked_out_again():
    loop = loop_rounds(["ei_hiring_manager"], CATALOG)
    auto = plan_portfolio(loop, [A, B, C], CATALOG)
    assert [a.story_id for a in auto.rounds[0].assignments] == ["a", "b"]
    swapped = plan_portfolio(
        loop, [A, B, C], CATALOG, [Swap("ei_hiring_manager", "ei_hiring_manager/interviewer", "c", "a")]
    )
    plan = swapped.rounds[0]
    assert [(a.story_id, a.swapped) for a in plan.assignments] == [("c", True), ("b", False)]
    assert plan.uncovered_kinds == ("launch", "failure")
    assert plan.assignments[0].reason == (
        "The hiring manager (a product manager): 'Story C' — your choice; covers 'Strategy and execution' and "
        "'Cultural fit and leadership'; "
        "not used elsewhere with this interviewer."
    )
    removed = plan_portfolio(
        loop, [A, B, C], CATALOG, [Swap("ei_hiring_manager", "ei_hiring_manager/interviewer", None, "b")]
    )
    assert [a.story_id for a in removed.rounds[0].assignments] == ["a"]
    assert swapped.broken == () and removed.broken == ()


def test_a_swap_that_no_longer_fits_is_skipped_and_said_so():
    loop = loop_rounds(["ei_hiring_manager"], CATALOG)
    swaps = [
        Swap("ei_case_presentation", "ei_case_presentation/design", "a"),
        Swap("ei_hiring_manager", "someone", "a"),
        Swap("ei_hiring_manager", "ei_hiring_manager/interviewer", "gone"),
        Swap("ei_hiring_manager", "ei_hiring_manager/interviewer"),
    ]
    assert [swap_problem(s, loop, [A]) for s in swaps] == [
        "the round 'ei_case_presentation' is not in this loop",
        "'someone' is not an interviewer of Hiring-manager behavioural interview",
        "the story 'gone' is not in your bank",
        "choose a story to put on the round, or one to take off it",
    ]
    portfolio = plan_portfolio(loop, [A], CATALOG, swaps[2:3])
    assert portfolio.skipped == ("A swap was skipped: the story 'gone' is not in your bank.",)
    assert [a.story_id for a in portfolio.rounds[0].assignments] == ["a"]


def test_the_plan_is_the_same_whatever_the_order_of_the_bank():
    loop = loop_rounds(EARLY_IN, CATALOG)
    assert plan_portfolio(loop, [C, B, A], CATALOG).to_dict() == plan_portfolio(loop, [A, B, C], CATALOG).to_dict()
