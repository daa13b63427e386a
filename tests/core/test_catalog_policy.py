"""The policy a company folder gives pmprep, loaded and validated with the catalog: the committee's
bars per track (committee.yaml), each round's kind (rounds.yaml), the criterion-to-competency map
(competencies.yaml) and the plan's stories and research topics (plan.yaml). Every problem names its
file, entry and field, and nothing loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmprep.bank import ContentError, Problem, load_catalog
from pmprep.bank.schema import RoundKind


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(folder: Path, **kwargs) -> list[Problem]:
    with pytest.raises(ContentError) as info:
        load_catalog(folder, **kwargs)
    return info.value.problems


# ---------------------------------------------------------------- what the shipped folder holds


def test_the_shipped_plan_content_is_in_plan_order(catalog):
    assert [(s.id, s.competency) for s in catalog.story_tasks.values()] == [
        ("launch", "strategy_execution"),
        ("failure", "culture_leadership"),
        ("conflict", "scope_control"),
        ("pivot", "customer_obsession"),
        ("metric_win", "data_literacy"),
        ("leading_without_authority", "culture_leadership"),
        ("ethical_call", "culture_leadership"),
        ("pushing_back", "culture_leadership"),
    ]
    assert catalog.story_tasks["failure"].about == "a failure and what you changed because of it"
    assert catalog.core_stories == 6
    assert [t.id for t in catalog.research_topics] == [
        "competitors",
        "ads_tier",
        "emerging_markets",
        "engineering",
        "outreach",
        "games",
        "live",
        "sharing",
        "regional",
    ]
    assert catalog.research_topics[5].title == "Research: games"
    assert catalog.research_topics[5].detail == (
        "Why a streaming service builds games and how you would measure whether they work."
    )


def test_a_round_is_an_interview_unless_its_kind_says_case(catalog):
    assert catalog.rounds["ei_recruiter_screen"].kind is RoundKind.INTERVIEW
    assert catalog.rounds["ex_case_presentation"].kind is RoundKind.CASE


def test_the_case_rule_quotes_case_solving_and_reads_three_trade_off_criteria(catalog):
    assert catalog.case_rule.competency == "case_solving"
    assert catalog.case_rule.trade_off_criteria == ["tradeoffs", "options_tradeoffs", "metric_tradeoffs"]


def test_an_overlay_keeps_the_base_policy(company_folder, tmp_path):
    base = load_catalog(company_folder)
    (tmp_path / "coach" / "primers").mkdir(parents=True)
    (tmp_path / "coach" / "primers" / "mine.md").write_text("---\ntitle: Mine\nsummary: S.\n---\nBody.\n")
    merged = load_catalog(tmp_path / "coach", base=base)
    assert merged.committee == base.committee and merged.case_rule == base.case_rule
    assert merged.criterion_competencies == base.criterion_competencies
    assert (merged.story_tasks, merged.core_stories, merged.research_topics) == (
        base.story_tasks,
        base.core_stories,
        base.research_topics,
    )


# ---------------------------------------------------------------- committee.yaml

COMMITTEE = "acme/committee.yaml"


def test_a_policy_for_an_unknown_track(company_folder):
    edit(company_folder, "committee.yaml", "- track: early_in", "- track: early_inn")
    assert problems_of(company_folder) == [Problem(COMMITTEE, "early_inn", "track", "unknown track id 'early_inn'")]


def test_an_unknown_must_pass_competency(company_folder):
    edit(company_folder, "committee.yaml", "technical_judgment, case_solving]", "technical_judgment, charm]")
    assert problems_of(company_folder) == [Problem(COMMITTEE, "early_in", "must_pass", "unknown competency id 'charm'")]


def test_an_unknown_required_round_and_one_of_another_track(company_folder):
    edit(
        company_folder,
        "committee.yaml",
        "ei_hiring_manager, ei_technical_deep_dive,",
        "ei_lunch_chat, ex_product_team,",
    )
    assert problems_of(company_folder) == [
        Problem(
            COMMITTEE,
            "early_in",
            "required_rounds",
            "round 'ex_product_team' belongs to track 'experienced', not 'early_in'",
        ),
        Problem(COMMITTEE, "early_in", "required_rounds", "unknown round id 'ei_lunch_chat'"),
    ]


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("pass_bar: 2.5", "pass_bar: 0.5", "pass_bar", "input should be greater than or equal to 1 (got 0.5)"),
        ("strong_bar: 3.5", "strong_bar: 5", "strong_bar", "input should be less than or equal to 4 (got 5)"),
        (
            "hire_bar: 3.0",
            "hire_bar: high",
            "hire_bar",
            "input should be a valid number, unable to parse string as a number (got 'high')",
        ),
    ],
)
def test_a_bar_off_the_one_to_four_scale(company_folder, old, new, field, message):
    edit(company_folder, "committee.yaml", old, new)
    assert problems_of(company_folder) == [Problem(COMMITTEE, "early_in", field, message)]


def test_bars_that_do_not_rise(company_folder):
    edit(company_folder, "committee.yaml", "hire_bar: 3.0", "hire_bar: 2.0")
    edit(company_folder, "committee.yaml", "strong_bar: 3.5\n    # ex_", "strong_bar: 2.9\n    # ex_")
    assert problems_of(company_folder) == [
        Problem(COMMITTEE, "early_in", "hire_bar", "must not be below pass_bar (2.5)"),
        Problem(COMMITTEE, "experienced", "strong_bar", "must not be below hire_bar (3.0)"),
    ]


def test_equal_bars_are_allowed(company_folder):
    edit(company_folder, "committee.yaml", "hire_bar: 3.0", "hire_bar: 2.5")
    edit(company_folder, "committee.yaml", "strong_bar: 3.5", "strong_bar: 2.5")
    assert load_catalog(company_folder).committee["early_in"].strong_bar == 2.5


def test_a_track_without_a_policy(company_folder):
    text = (company_folder / "committee.yaml").read_text(encoding="utf-8")
    (company_folder / "committee.yaml").write_text(text[: text.index("  - track: experienced")], encoding="utf-8")
    assert problems_of(company_folder) == [
        Problem(COMMITTEE, None, "tracks", "track 'experienced' has no committee policy")
    ]


def test_two_policies_for_one_track(company_folder):
    text = (company_folder / "committee.yaml").read_text(encoding="utf-8")
    early_in = text[text.index("  - track: early_in") : text.index("  - track: experienced")]
    (company_folder / "committee.yaml").write_text(text + early_in, encoding="utf-8")
    assert problems_of(company_folder) == [
        Problem(COMMITTEE, "early_in", "track", "the track already has a committee policy")
    ]


def test_a_policy_with_an_unknown_field_names_its_track(company_folder):
    edit(
        company_folder,
        "committee.yaml",
        "pass_bar: 2.5\n    hire_bar: 3.0\n    strong_bar: 3.5\n    # ex_",
        "pass_bar: 2.5\n    hire_bar: 3.0\n    strong_bar: 3.5\n    veto: true\n    # ex_",
    )
    assert problems_of(company_folder) == [Problem(COMMITTEE, "experienced", "veto", "is not a known field")]


def test_the_case_rule_names_known_competency_and_criteria(company_folder):
    edit(company_folder, "committee.yaml", "competency: case_solving", "competency: charm")
    edit(company_folder, "committee.yaml", "[tradeoffs, options_tradeoffs,", "[tradeofs, options_tradeoffs,")
    assert problems_of(company_folder) == [
        Problem(COMMITTEE, "case_rule", "competency", "unknown competency id 'charm'"),
        Problem(COMMITTEE, "case_rule", "trade_off_criteria", "unknown rubric criterion id 'tradeofs'"),
    ]


def test_the_case_rule_is_required(company_folder):
    text = (company_folder / "committee.yaml").read_text(encoding="utf-8")
    (company_folder / "committee.yaml").write_text(text[text.index("tracks:") :], encoding="utf-8")
    assert problems_of(company_folder) == [Problem(COMMITTEE, None, "case_rule", "is required but missing")]


def test_a_company_folder_needs_its_committee_and_plan(company_folder):
    (company_folder / "committee.yaml").unlink()
    (company_folder / "plan.yaml").unlink()
    assert problems_of(company_folder) == [
        Problem(COMMITTEE, None, None, "is missing from the company folder"),
        Problem("acme/plan.yaml", None, None, "is missing from the company folder"),
    ]


# ---------------------------------------------------------------- rounds.yaml: kind


def test_an_unknown_round_kind(company_folder):
    edit(company_folder, "rounds.yaml", "    kind: case", "    kind: lunch")
    # The round does not load, so what names it is reported too (as for any invalid round).
    assert Problem(
        "acme/rounds.yaml", "ei_case_presentation", "kind", "input should be 'interview' or 'case' (got 'lunch')"
    ) in problems_of(company_folder)


# ---------------------------------------------------------------- competencies.yaml: criteria

COMPETENCIES = "acme/competencies.yaml"


def test_a_criterion_the_rubric_does_not_have(company_folder):
    edit(
        company_folder,
        "competencies.yaml",
        "  - {id: structure,",
        "  - {id: charisma, competencies: []}\n  - {id: structure,",
    )
    assert problems_of(company_folder) == [
        Problem(COMPETENCIES, "charisma", "id", "unknown rubric criterion id 'charisma'")
    ]


def test_a_criterion_mapped_onto_an_unknown_competency(company_folder):
    edit(
        company_folder,
        "competencies.yaml",
        "{id: ownership, competencies: [culture_leadership]}",
        "{id: ownership, competencies: [charm]}",
    )
    assert problems_of(company_folder) == [
        Problem(COMPETENCIES, "ownership", "competencies", "unknown competency id 'charm'")
    ]


def test_every_criterion_of_the_rubric_is_mapped(company_folder):
    edit(company_folder, "competencies.yaml", "  - {id: coverage, competencies: []}\n", "")
    assert problems_of(company_folder) == [
        Problem(
            COMPETENCIES,
            None,
            "criteria",
            "rubrics.yaml criterion 'coverage' is not mapped: give it an entry "
            "listing the competencies it is evidence for ([] for none)",
        )
    ]


def test_the_map_follows_the_folders_own_rubric(company_folder):
    edit(
        company_folder,
        "rubrics.yaml",
        "common:\n",
        "common:\n  - id: poise\n    name: Poise\n    what: Calm under questions.\n    probe: And then?\n",
    )
    [problem] = problems_of(company_folder)
    assert (problem.file, problem.entry, problem.field) == (COMPETENCIES, None, "criteria")
    assert problem.message.startswith("rubrics.yaml criterion 'poise' is not mapped")


def test_a_criterion_mapped_twice(company_folder):
    edit(
        company_folder,
        "competencies.yaml",
        "  - {id: structure, competencies: [case_solving]}\n",
        "  - {id: structure, competencies: [case_solving]}\n  - {id: structure, competencies: []}\n",
    )
    assert problems_of(company_folder) == [
        Problem(COMPETENCIES, "structure", "id", "duplicate criterion id (also in acme/competencies.yaml)")
    ]


def test_the_criteria_section_is_required(company_folder):
    text = (company_folder / "competencies.yaml").read_text(encoding="utf-8")
    (company_folder / "competencies.yaml").write_text(text.replace("criteria:", "criterias:"), encoding="utf-8")
    assert problems_of(company_folder) == [
        Problem(COMPETENCIES, None, "criteria", "the file must be a mapping with a 'criteria:' list")
    ]


# ---------------------------------------------------------------- plan.yaml

PLAN = "acme/plan.yaml"


@pytest.mark.parametrize(
    ("old", "new", "entry", "field", "message"),
    [
        ('title: "Research: games"', 'title: ""', "games", "title", "string should have at least 1 character (got '')"),
        (
            'title: "Research: games"',
            'title: "   "',
            "games",
            "title",
            "string should have at least 1 character (got '   ')",
        ),
        (
            "    detail: Why a streaming service builds games and how you would measure whether they work.\n",
            "",
            "games",
            "detail",
            "is required but missing",
        ),
        ("  - id: games", "  - id: live", "live", "id", "duplicate research topic id (also in acme/plan.yaml)"),
        ("  - id: conflict", "  - id: failure", "failure", "id", "duplicate story id (also in acme/plan.yaml)"),
        (
            "    competency: scope_control",
            "    competency: charm",
            "conflict",
            "competency",
            "unknown competency id 'charm'",
        ),
        ("    about: a hard ethical call\n", "", "ethical_call", "about", "is required but missing"),
    ],
)
def test_a_bad_story_or_research_topic(company_folder, old, new, entry, field, message):
    edit(company_folder, "plan.yaml", old, new)
    assert problems_of(company_folder) == [Problem(PLAN, entry, field, message)]


@pytest.mark.parametrize("core", ["0", "9", "six", "true"])
def test_the_core_vault_is_between_one_story_and_all_of_them(company_folder, core):
    edit(company_folder, "plan.yaml", "core_stories: 6", f"core_stories: {core}")
    shown = {"0": "0", "9": "9", "six": "'six'", "true": "True"}[core]
    assert problems_of(company_folder) == [
        Problem(PLAN, None, "core_stories", f"must be a whole number from 1 to the number of stories (8), got {shown}")
    ]


def test_the_plan_needs_research_topics(company_folder):
    text = (company_folder / "plan.yaml").read_text(encoding="utf-8")
    (company_folder / "plan.yaml").write_text(text[: text.index("research:")] + "research: []\n", encoding="utf-8")
    assert problems_of(company_folder) == [Problem(PLAN, None, "research", "needs at least one research topic")]
