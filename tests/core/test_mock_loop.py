"""A mock loop: the track's rounds in order with fitting questions, and pmprep's scorecard per round."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from functools import lru_cache

import pytest
import yaml

from pmprep.analysis import Feedback, analyze
from pmprep.analysis.feedback import CriterionResult, Evidence
from pmprep.bank import SHIPPED, load_catalog
from pmprep.cases.panel import panel
from pmprep.committee import Recommendation, Scorecard, Source, rules_for
from pmprep.loops import (
    LoopLength,
    answer_seconds,
    auto_scorecard,
    loop_length,
    plan_loop,
    question_count,
)
from pmprep.plans.tasks import TaskWriter

# ---------------------------------------------------------------- planning the loop


def test_early_in_loop_is_screen_then_manager_then_deep_dive_then_case(catalog):
    loop = plan_loop(catalog, "early_in", seed="ana:2025-10-01")

    assert [(r.order, r.round_id, r.name, r.minutes) for r in loop] == [
        (1, "ei_recruiter_screen", "Recruiter screen", 30),
        (2, "ei_hiring_manager", "Hiring-manager behavioural interview", 45),
        (3, "ei_technical_deep_dive", "Technical deep dive", 60),
        (4, "ei_case_presentation", "Case-study presentation", 90),
    ]
    assert [len(r.question_ids) for r in loop] == [2, 3, 4, 1]
    assert [r.is_case for r in loop] == [False, False, False, True]


def test_each_round_draws_questions_that_fit_it_and_none_twice(catalog):
    for track in ("early_in", "experienced"):
        loop = plan_loop(catalog, track, seed="ana", include_optional=True)
        drawn = [q for r in loop for q in r.question_ids]
        assert len(drawn) == len(set(drawn))
        for r in loop:
            assert all(r.round_id in catalog.questions[q].rounds for q in r.question_ids)


def test_questions_are_ordered_by_the_seeded_hash(catalog):
    loop = plan_loop(catalog, "early_in", seed="ana")
    screen = loop[0]
    fitting = [q.id for q in catalog.questions.values() if "ei_recruiter_screen" in q.rounds]
    by_hash = sorted(fitting, key=lambda q: hashlib.sha256(f"ana:ei_recruiter_screen:{q}".encode()).hexdigest())

    assert screen.question_ids == tuple(by_hash[:2])


def test_the_same_seed_gives_the_same_loop_and_another_seed_another(catalog):
    assert plan_loop(catalog, "experienced", seed="ana") == plan_loop(catalog, "experienced", seed="ana")
    assert plan_loop(catalog, "experienced", seed="ana") != plan_loop(catalog, "experienced", seed="ben")


def test_recent_questions_are_left_out_while_fresh_ones_remain(catalog):
    first = plan_loop(catalog, "early_in", seed="ana")
    recent = {q for r in first for q in r.question_ids}

    again = plan_loop(catalog, "early_in", recent=recent, seed="ana")

    assert not recent & {q for r in again for q in r.question_ids}
    assert [len(r.question_ids) for r in again] == [2, 3, 4, 1]


def test_when_everything_is_recent_the_loop_falls_back_to_recent_questions(catalog):
    everything = list(catalog.questions)

    assert plan_loop(catalog, "early_in", recent=everything, seed="ana") == plan_loop(catalog, "early_in", seed="ana")


def test_a_case_round_gets_one_product_or_strategy_prompt_a_talk_slot_and_panel_probes(catalog):
    for seed in ("ana", "ben", "cai", "dee"):
        case = plan_loop(catalog, "early_in", seed=seed)[-1]
        (prompt,) = case.question_ids
        assert catalog.questions[prompt].type in ("product_design", "strategy")
        assert case.talk_minutes == 25
        design, data, engineering = panel().roles
        assert case.qa_probes == design.general + data.general + engineering.general


def test_the_panel_has_two_probes_from_each_discipline():
    assert {role.id: len(role.general) for role in panel().roles} == {
        "design": 2,
        "data_science": 2,
        "engineering": 2,
    }


def test_only_case_rounds_have_a_talk_slot_and_probes(catalog):
    for r in plan_loop(catalog, "experienced", seed="ana")[:-1]:
        assert (r.talk_minutes, r.qa_probes, r.prompt_in_advance) == (None, (), False)


def test_every_case_prompt_arrives_in_advance(catalog):
    # A presentation is prepared ahead: the experienced source says the problem comes the day before.
    assert plan_loop(catalog, "experienced")[-1].prompt_in_advance is True
    assert plan_loop(catalog, "early_in")[-1].prompt_in_advance is True


def test_the_optional_technical_deep_dive_joins_only_when_asked(catalog):
    without = [r.round_id for r in plan_loop(catalog, "experienced")]
    with_it = [r.round_id for r in plan_loop(catalog, "experienced", include_optional=True)]

    assert without == [
        "ex_recruiter_screen",
        "ex_hiring_manager",
        "ex_product_team",
        "ex_cross_functional",
        "ex_case_presentation",
    ]
    assert with_it == without + ["ex_technical_deep_dive"]


def test_a_tracks_loop_length_counts_the_required_rounds_and_names_the_optional_one_apart(catalog):
    early_in = loop_length(catalog.rounds_for("early_in"))
    experienced = loop_length(catalog.rounds_for("experienced"))

    assert early_in == LoopLength(required_rounds=4, required_minutes=225, optional=())
    assert (early_in.rounds, early_in.minutes) == (4, 225)
    assert experienced == LoopLength(
        required_rounds=5, required_minutes=225, optional=(("Onsite — technical deep dive", 45),)
    )
    assert (experienced.rounds, experienced.minutes) == (6, 270)


def test_a_planned_loop_is_as_long_as_the_rounds_it_holds(catalog):
    assert loop_length(plan_loop(catalog, "early_in")) == LoopLength(4, 225, ())
    assert loop_length(plan_loop(catalog, "early_in", include_optional=True)) == LoopLength(4, 225, ())
    assert loop_length(plan_loop(catalog, "experienced")) == LoopLength(5, 225, ())
    with_dive = loop_length(plan_loop(catalog, "experienced", include_optional=True))
    assert with_dive == LoopLength(5, 225, (("Onsite — technical deep dive", 45),))
    assert (with_dive.rounds, with_dive.minutes) == (6, 270)


def test_a_range_of_minutes_plans_for_its_lower_end(catalog):
    manager = plan_loop(catalog, "experienced")[1]

    assert (manager.round_id, manager.minutes, len(manager.question_ids)) == ("ex_hiring_manager", 45, 3)


def test_an_unknown_track_is_named_in_the_error(catalog):
    with pytest.raises(ValueError, match="unknown track 'senior'"):
        plan_loop(catalog, "senior")


def test_answer_seconds_share_the_round_after_five_minutes_of_intro_and_close(catalog):
    loop = plan_loop(catalog, "early_in", seed="ana")

    # 30 min, 2 questions: 25*60/2; 45 min, 3: 40*60/3; 60 min, 4: 55*60/4; case: the 25-minute talk.
    assert [answer_seconds(r) for r in loop] == [750, 800, 825, 1500]


def test_a_round_short_of_questions_gives_each_one_more_time(catalog):
    deep_dive = plan_loop(catalog, "early_in")[2]

    assert answer_seconds(replace(deep_dive, question_ids=("only-one",))) == 3300


# ---------------------------------------------------------------- the automatic scorecard

NAMES = {
    "metrics_first": "Success metrics first",
    "north_star": "A precise north star",
    "scoped_v1": "Time-boxed first version",
    "tradeoffs": "Quantified trade-offs",
    "requirements": "Requirements and scale",
    "market_facts": "Market and competitors",
    "culture_themes": "Specific culture themes",
    "contribution": "What they would contribute",
    "options_tradeoffs": "Options with trade-offs",
    "assumptions": "Stated assumptions",
}


def crit(criterion_id: str, level: int, *quotes: str) -> CriterionResult:
    """A criterion at a level, quoting ``quotes`` (the fields the scorecard reads; the rest plain)."""
    return CriterionResult(
        criterion_id,
        NAMES[criterion_id],
        level,
        level / 4,
        [Evidence(0, len(q), q, "test") for q in quotes],
        [],
        "",
        1.0,
    )


@lru_cache(maxsize=1)
def _some_feedback() -> Feedback:
    return analyze("Why Netflix?", "Because I like films.")


def feedback(*criteria: CriterionResult) -> Feedback:
    return replace(_some_feedback(), criteria=list(criteria))


def rubric_criterion_ids() -> set[str]:
    raw = yaml.safe_load((SHIPPED / "rubrics.yaml").read_text(encoding="utf-8"))
    ids = {c["id"] for c in raw["common"]}
    return ids | {c["id"] for criteria in raw["types"].values() for c in criteria}


def test_every_rubric_criterion_is_mapped_onto_known_competencies(catalog):
    # The loader refuses a map that misses a criterion or names an unknown one (test_catalog_errors).
    known = set(catalog.dimensions) | set(catalog.components)

    assert set(catalog.criterion_competencies) == rubric_criterion_ids()
    assert {t for targets in catalog.criterion_competencies.values() for t in targets} <= known


def test_every_competency_can_be_rated_from_some_criterion(catalog):
    reached = {t for targets in catalog.criterion_competencies.values() for t in targets}

    assert reached == set(catalog.dimensions) | set(catalog.components)


def test_a_rating_is_the_mean_level_across_answers_rounded_half_up(catalog):
    card = auto_scorecard(
        catalog,
        "ei_technical_deep_dive",
        ["data_literacy", "quantitative_metrics"],
        [feedback(crit("metrics_first", 2)), feedback(crit("north_star", 3))],
        is_case=False,
    )

    # Both criteria bear on both competencies: (2 + 3) / 2 = 2.5 rounds up to 3.
    assert card.ratings == {"data_literacy": 3, "quantitative_metrics": 3}


def test_a_mean_below_the_half_rounds_down(catalog):
    card = auto_scorecard(
        catalog,
        "ei_technical_deep_dive",
        ["data_literacy"],
        [feedback(crit("metrics_first", 2), crit("north_star", 2)), feedback(crit("metrics_first", 3))],
        is_case=False,
    )

    assert card.ratings == {"data_literacy": 2}  # 7 / 3 = 2.33


def test_a_competency_no_criterion_bears_on_is_left_unrated_with_no_evidence(catalog):
    card = auto_scorecard(
        catalog,
        "ei_case_presentation",
        ["data_literacy", "customer_obsession"],
        [feedback(crit("metrics_first", 3, "north star: hours watched"))],
        is_case=True,
    )

    assert card.ratings == {"data_literacy": 3}
    assert card.evidence["customer_obsession"] == "no evidence in the answers"


def test_evidence_quotes_up_to_two_spans_of_the_best_criterion(catalog):
    card = auto_scorecard(
        catalog,
        "ei_case_presentation",
        ["scope_control"],
        [
            feedback(crit("tradeoffs", 4, "costs four weeks")),  # bears on other competencies only
            feedback(crit("scoped_v1", 2, "later")),
            feedback(crit("scoped_v1", 4, "in six weeks", "then add the hub", "roll back")),
        ],
        is_case=True,
    )

    assert card.evidence == {
        "scope_control": "“in six weeks” (Time-boxed first version); “then add the hub” (Time-boxed first version)"
    }


def test_a_criterion_with_no_quotes_gives_way_to_one_with_quotes(catalog):
    card = auto_scorecard(
        catalog,
        "ei_technical_deep_dive",
        ["data_literacy"],
        [feedback(crit("metrics_first", 4), crit("north_star", 2, "hours per member"))],
        is_case=False,
    )

    assert card.evidence == {"data_literacy": "“hours per member” (A precise north star)"}


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ((4, 4, 3, 3), Recommendation.STRONG_YES),  # mean 3.5
        ((4, 3, 3, 3), Recommendation.YES),  # 3.25
        ((3, 3, 3, 2), Recommendation.YES),  # 2.75
        ((3, 3, 2, 2), Recommendation.NO),  # 2.5
        ((2, 2, 2, 2), Recommendation.NO),  # 2.0
        ((2, 2, 2, 1), Recommendation.STRONG_NO),  # 1.75
    ],
)
def test_the_recommendation_follows_the_mean_rating(levels, expected, catalog):
    # Each of these criteria bears on exactly one of the four competencies, in this order.
    criteria = ("requirements", "market_facts", "culture_themes", "contribution")
    competencies = ["technical_judgment", "company_awareness", "culture_leadership", "job_awareness"]
    answers = [feedback(crit(c, level)) for c, level in zip(criteria, levels, strict=True)]

    card = auto_scorecard(catalog, "ex_recruiter_screen", competencies, answers, is_case=False)

    assert list(card.ratings.values()) == list(levels)
    assert card.recommendation is expected


def test_the_summary_gives_the_mean_and_the_weakest_competency(catalog):
    answers = [feedback(crit("metrics_first", 4), crit("scoped_v1", 2), crit("tradeoffs", 3))]
    competencies = ["data_literacy", "scope_control", "case_solving", "customer_obsession"]

    card = auto_scorecard(
        catalog, "ei_case_presentation", competencies, answers, is_case=True, names={"scope_control": "Scope control"}
    )

    assert card.ratings == {"data_literacy": 4, "scope_control": 2, "case_solving": 3}
    assert card.recommendation is Recommendation.YES
    assert card.summary == "Mean rating 3.00 across 3 rated competencies; the weakest is Scope control at 2."


def test_equal_ratings_name_the_lower_mean_as_weakest(catalog):
    # Both round to 3: data literacy from (3 + 3) / 2, scope control from (3 + 2) / 2.
    answers = [
        feedback(crit("metrics_first", 3), crit("north_star", 3), crit("scoped_v1", 3)),
        feedback(crit("scoped_v1", 2)),
    ]

    card = auto_scorecard(catalog, "ei_case_presentation", ["data_literacy", "scope_control"], answers, is_case=True)

    assert card.summary == "Mean rating 3.00 across 2 rated competencies; the weakest is scope control at 3."


@pytest.mark.parametrize(
    ("criterion", "level", "is_case", "expected"),
    [
        ("tradeoffs", 3, True, True),
        ("options_tradeoffs", 4, True, True),
        ("tradeoffs", 2, True, False),
        ("assumptions", 4, True, None),  # an estimation case never judged its trade-offs
        ("tradeoffs", 4, False, None),  # only a case round records it
    ],
)
def test_trade_offs_are_quantified_in_a_case_from_level_three(criterion, level, is_case, expected, catalog):
    answers = [feedback(crit(criterion, level))]

    card = auto_scorecard(
        catalog, "ex_case_presentation", ["case_solving", "quantitative_metrics"], answers, is_case=is_case
    )

    assert card.trade_offs_quantified is expected


def test_the_map_and_the_trade_off_criteria_are_the_company_folders(company_folder):
    competencies, committee = company_folder / "competencies.yaml", company_folder / "committee.yaml"
    competencies.write_text(
        competencies.read_text().replace(
            "{id: metrics_first, competencies: [data_literacy, quantitative_metrics]}",
            "{id: metrics_first, competencies: [customer_obsession]}",
        )
    )
    committee.write_text(
        committee.read_text().replace(
            "trade_off_criteria: [tradeoffs, options_tradeoffs, metric_tradeoffs]",
            "trade_off_criteria: [metrics_first]",
        )
    )
    other = load_catalog(company_folder)

    card = auto_scorecard(
        other,
        "ei_case_presentation",
        ["data_literacy", "customer_obsession"],
        [feedback(crit("metrics_first", 3, "hours"))],
        is_case=True,
    )

    assert card.ratings == {"customer_obsession": 3}
    assert card.trade_offs_quantified is True


def test_one_quantified_trade_off_is_enough_across_the_round(catalog):
    answers = [feedback(crit("tradeoffs", 1)), feedback(crit("options_tradeoffs", 3))]

    card = auto_scorecard(catalog, "ex_case_presentation", ["case_solving"], answers, is_case=True)

    assert card.trade_offs_quantified is True


def test_the_scorecard_is_automatic_by_pmprep_and_round_trips(catalog):
    card = auto_scorecard(
        catalog,
        "ei_technical_deep_dive",
        ["data_literacy"],
        [feedback(crit("metrics_first", 3, "hours"))],
        is_case=False,
    )

    assert (card.source, card.rater) == (Source.AUTOMATIC, "pmprep")
    assert Scorecard.from_dict(card.to_dict()) == card


def test_a_round_with_nothing_to_rate_is_an_error_naming_it(catalog):
    with pytest.raises(ValueError, match="ei_recruiter_screen: no analysed criterion"):
        auto_scorecard(
            catalog, "ei_recruiter_screen", ["job_awareness"], [feedback(crit("requirements", 4))], is_case=False
        )


CASE_ANSWER = (
    "First, the problem: fans of small genres such as Nordic noir believe they have run out of titles, "
    "yet the catalogue holds more, so this is a discovery problem for a specific segment, not a content gap. "
    "I would focus on members who watched three or more titles of one niche genre in the last 90 days. "
    "Success metric: the share of those members who start a second title in the genre within 7 days, "
    "with churn and overall viewing hours as guardrails. "
    "Options: a genre hub row, a 'more like this' shelf after the credits, or search suggestions. "
    "The trade-off: the hub costs about four weeks of engineering and could lift starts by 5%, "
    "while the shelf costs two weeks but takes space from the continue-watching row, which could cut "
    "its clicks by 2%. "
    "I recommend the post-credits shelf: in six weeks we ship it to 10% of members in an A/B test, "
    "then add the hub if starts rise, and we roll back if churn moves."
)


def test_the_real_analyzer_feeds_a_case_scorecard(catalog):
    case_round = catalog.rounds["ei_case_presentation"]
    question = "Fans of small genres say they run out of things to watch. How would you help them find more?"
    fb = analyze(question, CASE_ANSWER, question_type="product_design", seconds=25 * 60)

    card = auto_scorecard(catalog, case_round.id, case_round.competencies, [fb], is_case=True)

    assert card.source is Source.AUTOMATIC
    assert set(card.ratings) == set(case_round.competencies)
    assert card.trade_offs_quantified is True
    assert card.recommendation >= Recommendation.YES
    assert "“in six weeks” (Time-boxed first version)" in card.evidence["scope_control"]


def test_a_case_round_is_known_by_its_kind_not_its_id(company_folder):
    for name in ("rounds.yaml", "competencies.yaml", "committee.yaml"):
        path = company_folder / name
        path.write_text(path.read_text().replace("ei_case_presentation", "ei_pitch"))
    other = load_catalog(company_folder)

    case = plan_loop(other, "early_in")[-1]

    assert (case.round_id, case.is_case, case.prompt_in_advance, case.talk_minutes) == ("ei_pitch", True, True, 25)
    assert question_count(other.rounds["ei_pitch"]) == 1
    assert rules_for(other, "early_in").case_round_ids == ("ei_pitch",)
    assert TaskWriter(other, "early_in", {}, {}, None).case_round.id == "ei_pitch"
