"""The simulated hiring committee weighs documented scorecards only and explains its one deciding rule."""

from __future__ import annotations

import json

import pytest

from pmprep.committee import (
    INFORMAL_REASON,
    InformalInput,
    Outcome,
    Recommendation,
    Rules,
    Scorecard,
    Source,
    decide,
    rule_text,
    rules_for,
)

YES, STRONG_YES, NO = Recommendation.YES, Recommendation.STRONG_YES, Recommendation.NO

# The shipped policy (committee.yaml with rounds.yaml's case rounds), written out: the first test holds
# the content to these values, the others decide with them.
EARLY_IN = Rules(
    must_pass=("customer_obsession", "data_literacy", "technical_judgment", "case_solving"),
    pass_bar=2.5,
    hire_bar=3.0,
    strong_bar=3.5,
    case_round_ids=("ei_case_presentation",),
    required_round_ids=("ei_recruiter_screen", "ei_hiring_manager", "ei_technical_deep_dive", "ei_case_presentation"),
    case_competency="case_solving",
)
EXPERIENCED = Rules(
    must_pass=("customer_obsession", "data_literacy", "case_solving", "culture_leadership", "strategy_execution"),
    pass_bar=2.5,
    hire_bar=3.0,
    strong_bar=3.5,
    case_round_ids=("ex_case_presentation",),
    # ex_technical_deep_dive only happens for technical roles, so it is not required.
    required_round_ids=(
        "ex_recruiter_screen",
        "ex_hiring_manager",
        "ex_product_team",
        "ex_cross_functional",
        "ex_case_presentation",
    ),
    case_competency="case_solving",
)

NAMES = {
    "data_literacy": "Data literacy",
    "ei_hiring_manager": "Hiring-manager behavioural interview",
    "ex_case_presentation": "Onsite — case-study presentation",
}


@pytest.fixture
def names(catalog) -> dict[str, str]:
    """Display names as the committee page passes them: every round and competency in the catalog."""
    return {
        **{r.id: r.name for r in catalog.rounds.values()},
        **{c: catalog.competency_name(c) for c in [*catalog.dimensions, *catalog.components]},
    }


def card(
    round_id: str,
    ratings: dict[str, int],
    rec: Recommendation = YES,
    *,
    source: Source = Source.PEER,
    rater: str = "Sam",
    trade_offs: bool | None = None,
) -> Scorecard:
    return Scorecard(
        round_id=round_id,
        source=source,
        rater=rater,
        ratings=ratings,
        recommendation=rec,
        evidence={c: f"{rater} on {c} in {round_id}" for c in ratings},
        summary=f"{rater}'s summary of {round_id}",
        trade_offs_quantified=trade_offs,
    )


def early_in_loop(**overrides: dict[str, int]) -> list[Scorecard]:
    """All four early-in rounds, rated 3 on the must-pass competencies unless overridden."""
    ratings = {
        "ei_recruiter_screen": {"customer_obsession": 3, "culture_leadership": 3},
        "ei_hiring_manager": {"customer_obsession": 3, "scope_control": 3},
        "ei_technical_deep_dive": {"technical_judgment": 3, "data_literacy": 3},
        "ei_case_presentation": {"case_solving": 3, "data_literacy": 4},
    } | overrides
    return [card(r, rs, trade_offs=True if r == "ei_case_presentation" else None) for r, rs in ratings.items()]


# ---------------------------------------------------------------- outcomes


def test_a_clean_loop_is_a_hire():
    decision = decide(EARLY_IN, early_in_loop())
    assert decision.outcome is Outcome.HIRE
    assert decision.outcome.label == "Hire"
    assert decision.averages == {
        "case_solving": 3.0,
        "culture_leadership": 3.0,
        "customer_obsession": 3.0,
        "data_literacy": 3.5,
        "scope_control": 3.0,
        "technical_judgment": 3.0,
    }
    assert decision.overall == 3.08
    assert decision.deciding == (
        "Hire: the overall average of 3.08 reaches the hire bar of 3.0 and every must-pass competency clears 2.5."
    )
    assert decision.what_would_change == (
        "Raising case solving alone cannot bring the overall average from "
        "3.08 to 3.5; other competencies must rise too."
    )
    assert decision.evidence == ()
    assert decision.flags == ()


def test_high_ratings_and_yes_everywhere_are_a_strong_hire():
    loop = early_in_loop(
        ei_technical_deep_dive={"technical_judgment": 4, "data_literacy": 4},
        ei_case_presentation={"case_solving": 4, "data_literacy": 4},
    )
    loop += [
        card(
            "ei_recruiter_screen",
            {"customer_obsession": 4, "culture_leadership": 4},
            STRONG_YES,
            source=Source.SELF,
            rater="me",
        ),
        card(
            "ei_hiring_manager", {"customer_obsession": 4, "scope_control": 4}, source=Source.AUTOMATIC, rater="pmprep"
        ),
    ]
    decision = decide(EARLY_IN, loop)
    assert decision.averages == {
        "case_solving": 4.0,
        "culture_leadership": 3.5,
        "customer_obsession": 3.5,
        "data_literacy": 4.0,
        "scope_control": 3.5,
        "technical_judgment": 4.0,
    }
    assert decision.overall == 3.75
    assert decision.outcome is Outcome.STRONG_HIRE
    assert decision.deciding == (
        "Strong hire: the overall average of 3.75 reaches the strong bar of 3.5 and no round recommended below Yes."
    )
    assert decision.what_would_change == (
        "Nothing needs to change; a round recommending below Yes would make it a hire."
    )


def test_one_round_recommending_no_holds_a_strong_average_to_a_hire():
    loop = [
        card(
            c.round_id,
            {k: 4 for k in c.ratings},
            NO if c.round_id == "ei_hiring_manager" else YES,
            trade_offs=c.trade_offs_quantified,
        )
        for c in early_in_loop()
    ]
    decision = decide(EARLY_IN, loop, names=NAMES)
    assert decision.overall == 4.0
    assert decision.outcome is Outcome.HIRE
    assert decision.deciding == (
        "Hire: the overall average of 4.0 reaches the strong bar of 3.5, but "
        "Hiring-manager behavioural interview (Sam) recommended No."
    )
    assert decision.what_would_change == "Every round recommending Yes or better would make it a strong hire."


def test_a_weak_must_pass_competency_is_a_no_hire_with_the_ratings_it_would_take():
    loop = early_in_loop(
        ei_technical_deep_dive={"technical_judgment": 3, "data_literacy": 2},
        ei_case_presentation={"case_solving": 3, "data_literacy": 3},
    )
    loop += [
        card("ei_technical_deep_dive", {"data_literacy": 2}, source=Source.SELF, rater="me"),
        card("ei_case_presentation", {"data_literacy": 2}, source=Source.SELF, rater="me"),
    ]
    decision = decide(EARLY_IN, loop)
    assert decision.averages["data_literacy"] == 2.25
    assert decision.outcome is Outcome.NO_HIRE
    assert decision.deciding == "No hire: must-pass competency data literacy averages 2.25, below the bar of 2.5."
    assert decision.what_would_change == (
        "Raising data literacy from 2.25 to 2.6 (one more rating of 4) would clear the must-pass bar of 2.5."
    )
    assert decision.evidence == (
        ("ei_technical_deep_dive", "data_literacy", "Sam on data_literacy in ei_technical_deep_dive"),
        ("ei_case_presentation", "data_literacy", "Sam on data_literacy in ei_case_presentation"),
        ("ei_technical_deep_dive", "data_literacy", "me on data_literacy in ei_technical_deep_dive"),
        ("ei_case_presentation", "data_literacy", "me on data_literacy in ei_case_presentation"),
    )


def test_the_fewest_ratings_are_suggested_and_a_three_is_preferred_on_a_tie():
    loop = early_in_loop(
        ei_technical_deep_dive={"technical_judgment": 3, "data_literacy": 2},
        ei_case_presentation={"case_solving": 3, "data_literacy": 3},
    )
    loop += [card("ei_case_presentation", {"data_literacy": r}, rater=f"peer {i}") for i, r in enumerate((2, 2, 3))]
    decision = decide(EARLY_IN, loop, names=NAMES)
    assert decision.averages["data_literacy"] == 2.4
    assert decision.what_would_change == (
        "Raising Data literacy from 2.4 to 2.5 (one more rating of 3) would clear the must-pass bar of 2.5."
    )


def test_the_lowest_failing_must_pass_competency_decides_and_the_others_are_named():
    loop = early_in_loop(
        ei_recruiter_screen={"customer_obsession": 1, "culture_leadership": 3},
        ei_hiring_manager={"customer_obsession": 3, "scope_control": 3},
        ei_technical_deep_dive={"technical_judgment": 2, "data_literacy": 3},
    )
    decision = decide(EARLY_IN, loop)
    assert decision.averages["customer_obsession"] == 2.0
    assert decision.averages["technical_judgment"] == 2.0
    assert decision.deciding == (
        "No hire: must-pass competency customer obsession averages 2.0, below the bar "
        "of 2.5 (technical judgment also below)."
    )
    assert decision.what_would_change == (
        "Raising customer obsession from 2.0 to 2.67 (one more rating of 4) would clear the must-pass bar of 2.5."
    )


def test_a_low_overall_average_is_a_no_hire_decided_by_the_weakest_competency():
    loop = early_in_loop(
        ei_hiring_manager={"customer_obsession": 3, "scope_control": 3},
        ei_case_presentation={"case_solving": 3, "product_design": 2},
    )
    decision = decide(EARLY_IN, loop)
    assert decision.overall == 2.86
    assert decision.outcome is Outcome.NO_HIRE
    assert decision.deciding == (
        "No hire: the overall average of 2.86 is below the hire bar of 3.0; the "
        "weakest competency is product design at 2.0."
    )
    assert decision.what_would_change == (
        "Raising product design from 2.0 to 3.0 (one more rating of 4) would "
        "lift the overall average from 2.86 to 3.0, the hire bar."
    )
    assert decision.evidence == (
        ("ei_case_presentation", "product_design", "Sam on product_design in ei_case_presentation"),
    )


def test_a_directors_referral_does_not_rescue_a_case_without_quantified_trade_offs():
    loop = [
        card("ex_recruiter_screen", {"culture_leadership": 4, "customer_obsession": 4}, STRONG_YES),
        card("ex_hiring_manager", {"strategy_execution": 4, "customer_obsession": 4}, STRONG_YES),
        card("ex_product_team", {"case_solving": 4, "data_literacy": 4}, STRONG_YES),
        card("ex_cross_functional", {"culture_leadership": 4, "data_literacy": 4}, STRONG_YES),
        card(
            "ex_case_presentation", {"case_solving": 3, "strategy_execution": 4}, YES, rater="Priya", trade_offs=False
        ),
    ]
    referral = Scorecard(
        round_id="referral",
        source=Source.REFERRAL,
        rater="Director Dana",
        ratings={"case_solving": 4},
        recommendation=STRONG_YES,
        evidence={"case_solving": "Best PM I have worked with."},
        summary="Hire without hesitation.",
    )
    chat = InformalInput(kind="chat", who="Alex", note="Said I would be a great fit.")
    decision = decide(EXPERIENCED, [*loop, referral], [chat], names=NAMES)

    assert decision.outcome is Outcome.NO_HIRE
    assert decision.deciding == (
        "No hire: the case lacked quantified trade-offs (Onsite — case-study "
        "presentation, rated by Priya), which no rating or referral can outweigh."
    )
    assert decision.what_would_change == "A case with quantified trade-offs in Onsite — case-study presentation."
    assert decision.evidence == (
        ("ex_case_presentation", "case_solving", "Priya on case_solving in ex_case_presentation"),
    )
    # The referral is documented feedback: listed, but its ratings and its vote count for nothing.
    assert decision.considered == tuple(loop)
    assert decision.documented_referrals == (referral,)
    assert decision.averages["case_solving"] == 3.5
    assert decision.not_considered == ((chat, INFORMAL_REASON),)
    assert INFORMAL_REASON == "informal: the committee weighs only documented, structured feedback"
    assert decision.flags == ()


def test_the_case_rule_fires_before_a_must_pass_failure():
    loop = early_in_loop(ei_technical_deep_dive={"technical_judgment": 1, "data_literacy": 3})
    loop[-1] = card("ei_case_presentation", {"case_solving": 3}, trade_offs=False)
    assert decide(EARLY_IN, loop).deciding.startswith("No hire: the case lacked quantified trade-offs")


def test_a_must_pass_competency_nobody_rated_means_not_enough_evidence_yet(names):
    loop = [c for c in early_in_loop() if c.round_id != "ei_technical_deep_dive"]
    decision = decide(EARLY_IN, loop, names=names)
    assert decision.outcome is Outcome.NOT_ENOUGH_EVIDENCE
    assert decision.outcome.label == "Not enough evidence yet"
    assert decision.deciding == (
        "Not enough evidence yet: 1 of 4 required rounds is not done (Technical deep "
        "dive), and must-pass competency Technical judgment has no rating in any "
        "documented scorecard."
    )
    assert decision.what_would_change == (
        "Finish Technical deep dive, with documented scorecards that rate Technical judgment with written evidence."
    )
    assert decision.flags == (
        "Technical judgment: no evidence in any documented scorecard",
        "Technical deep dive: not done yet",
    )


def test_missing_evidence_decides_before_a_failing_must_pass_competency():
    loop = [
        c
        for c in early_in_loop(ei_recruiter_screen={"customer_obsession": 1})
        if c.round_id != "ei_technical_deep_dive"
    ]
    assert decide(EARLY_IN, loop).outcome is Outcome.NOT_ENOUGH_EVIDENCE


# ---------------------------------------------------------------- flags


def test_every_pair_of_raters_two_levels_apart_in_one_round_is_flagged(names):
    loop = early_in_loop()  # Sam rates data literacy 4 in the case round
    loop.insert(0, card("ei_case_presentation", {"data_literacy": 4}, source=Source.SELF, rater="me"))
    loop.append(card("ei_case_presentation", {"data_literacy": 2, "case_solving": 3}, rater="Kim"))
    decision = decide(EARLY_IN, loop, names=names)
    assert decision.flags == (
        "Case-study presentation · Data literacy: me rated 4, Kim rated 2",
        "Case-study presentation · Data literacy: Sam rated 4, Kim rated 2",
    )


def test_the_disagreement_flag_names_both_raters(names):
    loop = early_in_loop(ei_case_presentation={"case_solving": 3, "data_literacy": 2})
    loop.insert(0, card("ei_case_presentation", {"data_literacy": 4}, source=Source.SELF, rater="me"))
    loop.append(card("ei_technical_deep_dive", {"data_literacy": 4}, rater="Kim"))  # one level apart: fine
    assert decide(EARLY_IN, loop, names=names).flags == (
        "Case-study presentation · Data literacy: me rated 4, Sam rated 2",
    )


def test_required_rounds_missing_from_rounds_done_are_flagged(names):
    loop = [c for c in early_in_loop() if c.round_id in ("ei_recruiter_screen", "ei_hiring_manager")]
    # The deep dive was finished with nothing answered: done, though it left no scorecard.
    decision = decide(EARLY_IN, loop, rounds_done=["ei_recruiter_screen", "ei_technical_deep_dive"], names=names)
    assert decision.flags[-1:] == ("Case-study presentation: not done yet",)


def test_without_rounds_done_a_round_with_no_scorecard_is_not_done(names):
    loop = [card("ex_recruiter_screen", {"culture_leadership": 3})]
    decision = decide(EXPERIENCED, loop, names=names)
    assert decision.flags[-4:] == (
        "Hiring-manager interview: not done yet",
        "Onsite — product team: not done yet",
        "Onsite — cross-functional partners: not done yet",
        "Onsite — case-study presentation: not done yet",
    )
    assert not [f for f in decision.flags if "technical deep dive" in f]  # optional round, not planned


def test_an_optional_round_the_loop_planned_is_flagged_but_not_waited_for(names):
    loop = [
        card("ex_recruiter_screen", {"customer_obsession": 3, "culture_leadership": 3}),
        card("ex_hiring_manager", {"strategy_execution": 3}),
        card("ex_product_team", {"case_solving": 3, "data_literacy": 3}),
        card("ex_cross_functional", {"culture_leadership": 3}),
        card("ex_case_presentation", {"case_solving": 3}, trade_offs=True),
    ]
    planned = {r: [] for r in [*EXPERIENCED.required_round_ids, "ex_technical_deep_dive"]}
    decision = decide(EXPERIENCED, loop, expected=planned, names=names)
    assert decision.outcome is Outcome.HIRE
    assert decision.flags == (
        "Onsite — technical deep dive (optional): not done yet; the committee does not wait for it",
    )


def test_expected_competencies_nobody_rated_are_flagged(names):
    expected = {"ei_case_presentation": ["case_solving", "product_design", "quantitative_metrics"]}
    decision = decide(EARLY_IN, early_in_loop(), expected=expected, names=names)
    assert decision.flags == (
        "Product design and innovation: no evidence in any documented scorecard",
        "Quantitative thinking and metrics: no evidence in any documented scorecard",
    )


def test_the_shipped_policy_is_the_one_these_tests_decide_with(catalog):
    assert rules_for(catalog, "early_in") == EARLY_IN
    assert rules_for(catalog, "experienced") == EXPERIENCED


def test_the_case_rounds_are_the_rounds_of_kind_case(catalog):
    assert [r.id for r in catalog.rounds.values() if r.is_case] == ["ei_case_presentation", "ex_case_presentation"]


def test_an_unknown_track_is_rejected(catalog):
    with pytest.raises(ValueError, match="unknown track 'senior'; expected one of early_in, experienced"):
        rules_for(catalog, "senior")


def test_the_decision_follows_the_rules_it_is_given():
    # Another company's policy: a higher bar, a different case round and case competency.
    rules = Rules(
        must_pass=("data_literacy",),
        pass_bar=3.0,
        hire_bar=3.5,
        strong_bar=4.0,
        case_round_ids=("x_pitch",),
        required_round_ids=("x_screen", "x_pitch"),
        case_competency="product_design",
    )
    loop = [
        card("x_screen", {"data_literacy": 3, "product_design": 3}),
        card("x_pitch", {"data_literacy": 4, "product_design": 2}, trade_offs=True),
    ]
    decision = decide(rules, loop)
    assert decision.outcome is Outcome.NO_HIRE
    assert decision.deciding == (
        "No hire: the overall average of 3.0 is below the hire bar of 3.5; the weakest "
        "competency is product design at 2.5."
    )
    weak_case = [loop[0], card("x_pitch", {"data_literacy": 4, "product_design": 2}, trade_offs=False)]
    assert decide(rules, weak_case).evidence == (("x_pitch", "product_design", "Sam on product_design in x_pitch"),)
    assert rule_text(rules)[4] == "Then a must-pass competency averaging below 3.0 is a No hire."


# ---------------------------------------------------------------- scorecards


def test_a_rating_outside_one_to_four_is_rejected():
    with pytest.raises(ValueError, match=r"data_literacy: rating 5 is not a whole number from 1 to 4"):
        card("ei_case_presentation", {"data_literacy": 5})


def test_a_peer_rating_without_written_evidence_is_rejected():
    with pytest.raises(ValueError) as info:
        Scorecard(
            "ei_case_presentation",
            Source.PEER,
            "Sam",
            {"data_literacy": 3, "case_solving": 0},
            YES,
            {"data_literacy": "  "},
            "ok",
        )
    assert str(info.value) == (
        "scorecard for ei_case_presentation by Sam: data_literacy: rated 3 with no written evidence; "
        "case_solving: rating 0 is not a whole number from 1 to 4; "
        "case_solving: rated 0 with no written evidence"
    )


def test_automatic_scorecards_need_no_evidence_and_referrals_need_no_ratings():
    Scorecard("ei_case_presentation", Source.AUTOMATIC, "pmprep", {"data_literacy": 3}, YES, {}, "auto")
    Scorecard("referral", Source.REFERRAL, "Dana", {}, STRONG_YES, {}, "Hire her.")
    with pytest.raises(ValueError, match="a self scorecard needs at least one rating"):
        Scorecard("ei_case_presentation", Source.SELF, "me", {}, YES, {}, "nothing")


def test_a_scorecard_copies_its_ratings_and_round_trips_through_a_dict():
    ratings = {"data_literacy": 3}
    scorecard = card("ei_case_presentation", ratings, trade_offs=True)
    ratings["data_literacy"] = 1
    assert scorecard.ratings == {"data_literacy": 3}
    assert Scorecard.from_dict(json.loads(json.dumps(scorecard.to_dict()))) == scorecard
    assert Recommendation.STRONG_NO.label == "Strong no"


def test_a_decision_serialises_to_json():
    chat = InformalInput("email praise", "Lee", "Great work")
    data = json.loads(json.dumps(decide(EARLY_IN, early_in_loop(), [chat]).to_dict()))
    assert data["outcome"] == "hire"
    assert data["not_considered"] == [
        {"kind": "email praise", "who": "Lee", "note": "Great work", "reason": INFORMAL_REASON}
    ]


# ---------------------------------------------------------------- when the committee may decide


def test_one_weak_round_of_five_is_not_enough_evidence_yet(names):
    screen = card("ex_recruiter_screen", {"culture_leadership": 1, "job_awareness": 2}, NO)
    decision = decide(EXPERIENCED, [screen], rounds_done=["ex_recruiter_screen"], names=names)
    assert decision.outcome is Outcome.NOT_ENOUGH_EVIDENCE
    assert decision.deciding == (
        "Not enough evidence yet: 4 of 5 required rounds are not done (Hiring-manager interview, "
        "Onsite — product team, Onsite — cross-functional partners and Onsite — case-study presentation), "
        "and must-pass competencies Customer obsession, Data literacy, Case solving and Strategy and execution "
        "have no rating in any documented scorecard. So far Cultural fit and leadership averages 1.0, "
        "below the must-pass bar of 2.5."
    )
    assert decision.what_would_change == (
        "Finish Hiring-manager interview, Onsite — product team, Onsite — cross-functional partners and "
        "Onsite — case-study presentation, with documented scorecards that rate Customer obsession, "
        "Data literacy, Case solving and Strategy and execution with written evidence."
    )
    assert decision.evidence == ()
    assert decision.averages == {"culture_leadership": 1.0, "job_awareness": 2.0}
    assert decision.flags == (
        "Customer obsession: no evidence in any documented scorecard",
        "Data literacy: no evidence in any documented scorecard",
        "Case solving: no evidence in any documented scorecard",
        "Strategy and execution: no evidence in any documented scorecard",
        "Hiring-manager interview: not done yet",
        "Onsite — product team: not done yet",
        "Onsite — cross-functional partners: not done yet",
        "Onsite — case-study presentation: not done yet",
    )


def test_every_round_done_but_one_must_pass_competency_unrated_is_not_enough_evidence_yet(names):
    loop = early_in_loop(
        ei_recruiter_screen={"customer_obsession": 1, "culture_leadership": 3},
        ei_technical_deep_dive={"technical_judgment": 3},
        ei_case_presentation={"case_solving": 3},
    )
    decision = decide(EARLY_IN, loop, rounds_done=EARLY_IN.required_round_ids, names=names)
    assert decision.outcome is Outcome.NOT_ENOUGH_EVIDENCE
    assert decision.deciding == (
        "Not enough evidence yet: must-pass competency Data literacy has no rating in any documented "
        "scorecard. So far Customer obsession averages 2.0, below the must-pass bar of 2.5."
    )
    assert decision.what_would_change == "A documented scorecard that rates Data literacy with written evidence."
    assert decision.flags == ("Data literacy: no evidence in any documented scorecard",)


def test_once_every_round_is_done_and_every_must_pass_competency_rated_the_committee_decides(names):
    loop = early_in_loop(ei_recruiter_screen={"customer_obsession": 1, "culture_leadership": 3})
    decision = decide(EARLY_IN, loop, rounds_done=EARLY_IN.required_round_ids, names=names)
    assert decision.outcome is Outcome.NO_HIRE
    assert decision.deciding == ("No hire: must-pass competency Customer obsession averages 2.0, below the bar of 2.5.")
    assert decision.flags == ()
    assert (
        decide(EARLY_IN, early_in_loop(), rounds_done=EARLY_IN.required_round_ids, names=names).outcome is Outcome.HIRE
    )


def test_a_round_with_a_documented_scorecard_counts_as_held_even_if_not_finished_in_pmprep(names):
    # A peer ran the technical deep dive live through a link; the round was never finished here.
    decision = decide(
        EARLY_IN,
        early_in_loop(),
        rounds_done=["ei_recruiter_screen", "ei_hiring_manager", "ei_case_presentation"],
        names=names,
    )
    assert decision.outcome is Outcome.HIRE
    assert decision.flags == ()


def test_a_case_without_quantified_trade_offs_is_a_no_hire_before_the_other_rounds(names):
    case = card("ex_case_presentation", {"case_solving": 3}, rater="Priya", trade_offs=False)
    decision = decide(EXPERIENCED, [case], rounds_done=["ex_case_presentation"], names=names)
    assert decision.outcome is Outcome.NO_HIRE
    assert decision.deciding == (
        "No hire: the case lacked quantified trade-offs (Onsite — case-study "
        "presentation, rated by Priya), which no rating or referral can outweigh."
    )
    assert decision.flags[-1] == "Onsite — cross-functional partners: not done yet"


def test_the_rule_as_shown_to_users_names_the_order_and_the_one_exception(names):
    assert rule_text(EARLY_IN, names=names) == (
        "Only documented scorecards count: pmprep's, yours and your peers', each equally. Informal inputs are "
        "noted, not considered; a formal referral is listed but adds no ratings and no vote.",
        "Each competency is averaged across all its ratings, to two decimals.",
        "The one exception that decides early: as soon as a case round has a scorecard saying the trade-offs "
        "were not quantified, the outcome is No hire, whatever the other rounds say.",
        "Otherwise the committee waits for the evidence: until every required round (Recruiter screen, "
        "Hiring-manager behavioural interview, Technical deep dive and Case-study presentation) is done and "
        "every must-pass competency (Customer obsession, Data literacy, Technical judgment and Case solving) "
        "has at least one rating, there is not enough evidence yet. A round counts as done once it is "
        "finished or has a documented scorecard.",
        "Then a must-pass competency averaging below 2.5 is a No hire.",
        "Otherwise the overall average (the mean of the competency averages) decides: 3.5 or more with no "
        "round recommending below Yes is a Strong hire, 3.0 or more is a Hire, below that is a No hire.",
    )
