"""Readiness from real evidence (levels, scorecards, stories, backlog, loops) and the three-question self-check."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from pmprep.bank import SHIPPED, load_catalog, shipped_catalog
from pmprep.committee import Recommendation, Scorecard, Source
from pmprep.plans import (
    AnswerStatus,
    PracticedAnswer,
    PracticeEvidence,
    ReadinessStatus,
    readiness,
    self_check,
    summarise,
)

D = date
TODAY = D(2026, 9, 12)
NEE = ReadinessStatus.NOT_ENOUGH_EVIDENCE


def at(day: date, level: int, qtype: str = "metrics") -> PracticedAnswer:
    return PracticedAnswer(day, qtype, ("ei_technical_deep_dive",), ("data_literacy",), level)


# ---------------------------------------------------------------------------------------------- levels


def test_recent_answers_weigh_more():
    # Oldest to newest 2, 1, 3 weigh 1, 2, 3: (2 + 2 + 9) / 6 = 2.1666 -> 2.17.
    s = summarise([at(D(2026, 9, 3), 3), at(D(2026, 9, 1), 2), at(D(2026, 9, 2), 1)], [], TODAY)
    assert (s.attempts, s.recent, s.recent_level, s.level) == (3, 3, 2.17, 2.17)
    assert s.focus == at(D(2026, 9, 2), 1)


def test_only_the_last_five_answers_count_and_future_ones_are_ignored():
    answers = [at(D(2026, 9, d), 1) for d in range(1, 4)] + [at(D(2026, 9, d), 4) for d in range(4, 9)]
    s = summarise(answers + [at(D(2026, 9, 20), 1)], [], TODAY)
    assert (s.attempts, s.recent, s.recent_level, s.last_on) == (8, 5, 4.0, D(2026, 9, 8))


def test_same_day_answers_keep_their_order():
    s = summarise([at(TODAY, 1), at(TODAY, 4)], [], TODAY)
    assert s.recent_level == 3.0  # (1 + 8) / 3
    assert summarise([at(TODAY, 4), at(TODAY, 1)], [], TODAY).recent_level == 2.0  # (4 + 2) / 3


def test_answers_and_ratings_are_averaged_from_exact_means():
    # Answers 2 then 3 average 8/3; ratings average 2; (8/3 + 2) / 2 = 7/3 -> 2.33, not 2.34.
    s = summarise([at(D(2026, 9, 1), 2), at(D(2026, 9, 2), 3)], [2], TODAY)
    assert (s.recent_level, s.rating_level, s.level, s.points) == (2.67, 2.0, 2.33, 3)


def test_evidence_reports_every_bad_value_at_once():
    with pytest.raises(ValueError) as err:
        PracticeEvidence(
            attempts=[(TODAY, "metrics", (), ("data_literacy",), 5)],
            scorecards=[("ei_case_presentation", {"case_solving": 0})],
            review_overdue=-1,
            committee_outcomes=("maybe",),
        )
    assert str(err.value) == (
        "evidence: attempts[0]: level 5 is not a whole number from 1 to 4; "
        "scorecards[0] (ei_case_presentation): case_solving rating 0 is not a whole number from 1 to 4; "
        "review_overdue must be a whole number 0 or more, got -1; "
        "committee outcome 'maybe' is not one of hire, no_hire, not_enough_evidence, strong_hire"
    )


def test_evidence_takes_committee_scorecards_and_round_trips_through_json():
    card = Scorecard(
        round_id="ei_case_presentation",
        source=Source.PEER,
        rater="Sam",
        ratings={"case_solving": 3},
        recommendation=Recommendation.YES,
        evidence={"case_solving": "Quantified the trade-off."},
        summary="Solid.",
    )
    ev = PracticeEvidence(
        attempts=[at(TODAY, 3)],
        scorecards=[card],
        stories=2,
        story_gaps=["a failure"],
        loops_done=1,
        committee_outcomes=["hire"],
    )
    assert ev.scorecards[0].ratings == {"case_solving": 3}
    assert PracticeEvidence.from_dict(json.loads(json.dumps(ev.to_dict()))) == ev


# ---------------------------------------------------------------------------------------------- no evidence


def test_with_no_evidence_everything_says_so_plainly(catalog):
    r = readiness("early_in", PracticeEvidence(), catalog, TODAY)
    assert r.status is NEE
    assert r.overall == (
        "Not enough evidence yet: pmprep has no answers, stories or mock loops from you, so it "
        "cannot judge your readiness. Answer at least 2 questions per round to get a first reading."
    )
    items = [*r.rounds, *r.competencies, r.stories, r.review, r.loops]
    assert {i.status for i in items} == {NEE}
    assert len(r.rounds) == 4 and len(r.competencies) == 12
    assert r.round("ei_case_presentation").statement == (
        "Not enough evidence: no answers or mock-loop ratings for the Case-study presentation yet."
    )
    assert r.competency("data_literacy").next_action == (
        "Answer 2 technical questions on Data literacy in the Technical deep dive to get a first reading."
    )
    assert r.stories.statement == "Not enough evidence: no STAR stories in your vault yet."
    assert r.loops.next_action == (
        "Run a full mock loop: all 4 rounds at real length (3 h 45 min), with a scorecard after each."
    )
    # Technical judgment is the first must-pass competency in catalog order.
    assert r.next_best_action == (
        "Answer 2 technical questions on Technical judgment in the Technical deep dive to get a first reading."
    )
    json.dumps(r.to_dict())


# ---------------------------------------------------------------------------------------------- partial


def partial() -> PracticeEvidence:
    return PracticeEvidence(
        attempts=[
            (D(2026, 8, 20), "metrics", ("ei_technical_deep_dive",), ("data_literacy", "quantitative_metrics"), 2),
            (D(2026, 8, 22), "technical", ("ei_technical_deep_dive",), ("technical_judgment", "data_literacy"), 1),
            (D(2026, 8, 25), "metrics", ("ei_case_presentation",), ("data_literacy",), 3),
            (D(2026, 8, 26), "behavioral", ("ei_recruiter_screen",), ("job_awareness", "culture_leadership"), 3),
            (D(2026, 8, 27), "behavioral", ("ei_recruiter_screen",), ("job_awareness",), 4),
        ],
        stories=2,
        story_gaps=("a failure", "a pivot on new data"),
        review_due=3,
        review_overdue=3,
    )


def test_partial_evidence_gives_exact_statuses(catalog):
    r = readiness("early_in", partial(), catalog, D(2026, 9, 1))
    assert {i.id: i.status for i in r.rounds} == {
        "ei_recruiter_screen": ReadinessStatus.READY,  # 3 then 4: (3 + 8) / 3 = 3.67
        "ei_hiring_manager": NEE,
        "ei_technical_deep_dive": ReadinessStatus.NOT_READY,  # 2 then 1: (2 + 2) / 3 = 1.33
        "ei_case_presentation": NEE,  # one answer is not enough
    }
    assert r.competency("data_literacy").status is ReadinessStatus.NOT_READY  # 2, 1, 3 -> 2.17
    assert r.competency("job_awareness").status is ReadinessStatus.READY
    assert r.competency("technical_judgment").status is NEE
    assert r.stories.status is ReadinessStatus.NOT_READY  # fewer than 3 stories
    assert r.review.status is ReadinessStatus.ALMOST  # 3 overdue, at most 5
    assert r.loops.status is NEE
    assert r.status is ReadinessStatus.NOT_READY
    assert r.overall == (
        "Not ready yet: 1 of 4 rounds ready, 0 almost, 1 not ready, 2 without enough "
        "evidence; mock loops: not enough evidence."
    )


def test_ready_and_almost_are_the_tracks_committee_bars(company_folder):
    # Raise early-in's bars: the recruiter screen's 3.67 is now only almost (pass bar 3.5, hire bar 3.75).
    path = company_folder / "committee.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "pass_bar: 2.5\n    hire_bar: 3.0\n    strong_bar: 3.5",
            "pass_bar: 3.5\n    hire_bar: 3.75\n    strong_bar: 4",
            1,
        ),
        encoding="utf-8",
    )
    r = readiness("early_in", partial(), load_catalog(company_folder), D(2026, 9, 1))
    assert r.round("ei_recruiter_screen").status is ReadinessStatus.ALMOST


def test_partial_evidence_states_the_numbers_and_what_to_do(catalog):
    r = readiness("early_in", partial(), catalog, D(2026, 9, 1))
    data = r.competency("data_literacy")
    assert data.statement == "Level 2.17: your last 3 answers average 2.17 (recent ones weigh more)."
    assert data.numbers == {
        "attempts": 3,
        "recent": 3,
        "recent_level": 2.17,
        "ratings": 0,
        "rating_level": None,
        "level": 2.17,
        "days_since_last": 7,
    }
    # Aimed at the round and type of the weakest recent answer (the level-1 technical one).
    assert data.next_action == (
        "Answer 2 more technical questions in the Technical deep dive; your last 3 "
        "answers on Data literacy averaged level 2.17."
    )
    assert r.competency("technical_judgment").statement == (
        "Not enough evidence: 1 answer for Technical judgment so far; readiness needs at least 2."
    )
    assert r.competency("technical_judgment").next_action == (
        "Answer 1 technical question on Technical judgment in the Technical deep dive to get a first reading."
    )
    assert r.round("ei_technical_deep_dive").next_action == (
        "Answer 2 more technical questions in the Technical deep dive; your last 2 answers averaged level 1.33. "
        "Start with Technical judgment."
    )
    assert r.stories.statement == "2 STAR stories in your vault, 2 coverage gaps: a failure, a pivot on new data."
    assert r.stories.next_action == "Write a story that shows a failure; 1 gap left after that."
    assert r.review.next_action == "Clear the 3 overdue reviews on the Today page."
    assert r.next_best_action == data.next_action
    # The item behind it, so a page can start it: the competency and the round its action names.
    assert (r.next_best.kind, r.next_best.id, r.next_best.round_id) == (
        "competency",
        "data_literacy",
        "ei_technical_deep_dive",
    )


# ---------------------------------------------------------------------------------------------- full


def full(catalog, outcomes=("no_hire", "hire"), case_levels=(2, 3)) -> PracticeEvidence:
    """Two answers per round tagged with all the round's competencies, then one mock loop's ratings."""
    levels = {
        "ei_recruiter_screen": (4, 4),
        "ei_hiring_manager": (3, 4),
        "ei_technical_deep_dive": (3, 3),
        "ei_case_presentation": case_levels,
    }
    attempts, day = [], D(2026, 9, 1)
    for rnd in catalog.rounds_for("early_in"):
        for lvl in levels[rnd.id]:
            attempts.append((day, rnd.question_types[0], (rnd.id,), tuple(rnd.competencies), lvl))
            day += timedelta(days=1)
    return PracticeEvidence(
        attempts=attempts,
        scorecards=[
            ("ei_case_presentation", {"case_solving": 3, "data_literacy": 3, "quantitative_metrics": 2}),
            ("ei_technical_deep_dive", {"technical_judgment": 4}),
        ],
        stories=7,
        review_overdue=0,
        loops_done=2,
        committee_outcomes=outcomes,
    )


def test_full_evidence_gives_exact_statuses_and_levels(catalog):
    r = readiness("early_in", full(catalog), catalog, TODAY)
    levels = {i.id: (i.status, i.numbers["level"]) for i in r.competencies}
    assert levels == {
        "technical_judgment": (ReadinessStatus.READY, 3.5),  # answers 3, ratings 4
        "customer_obsession": (ReadinessStatus.READY, 3.0),  # last 5: 4, 3, 4, 2, 3 -> 45 / 15
        "scope_control": (ReadinessStatus.ALMOST, 2.9),  # 3, 4, 2, 3 -> 29 / 10
        "data_literacy": (ReadinessStatus.ALMOST, 2.85),  # 3, 3, 2, 3 -> 2.7; ratings 3
        "job_awareness": (ReadinessStatus.READY, 4.0),
        "company_awareness": (ReadinessStatus.READY, 4.0),
        "case_solving": (ReadinessStatus.ALMOST, 2.83),  # 8/3 and 3 -> 17/6
        "quantitative_metrics": (ReadinessStatus.NOT_READY, 2.33),  # 8/3 and 2 -> 7/3
        "product_design": (ReadinessStatus.ALMOST, 2.67),
        "strategy_execution": (ReadinessStatus.READY, 3.67),
        "culture_leadership": (ReadinessStatus.READY, 3.7),  # 4, 4, 3, 4 -> 37 / 10
        "technical_fluency": (ReadinessStatus.READY, 3.0),
    }
    assert [(i.id, i.status) for i in r.rounds] == [
        ("ei_recruiter_screen", ReadinessStatus.READY),
        ("ei_hiring_manager", ReadinessStatus.READY),
        ("ei_technical_deep_dive", ReadinessStatus.READY),
        ("ei_case_presentation", ReadinessStatus.ALMOST),
    ]
    assert (r.stories.status, r.review.status, r.loops.status) == (
        ReadinessStatus.READY,
        ReadinessStatus.READY,
        ReadinessStatus.READY,
    )
    assert r.status is ReadinessStatus.ALMOST
    assert r.overall == (
        "Almost ready: 3 of 4 rounds ready, 1 almost, 0 not ready, 0 without enough evidence; mock loops: ready."
    )


def test_full_evidence_points_at_the_weakest_competency(catalog):
    r = readiness("early_in", full(catalog), catalog, TODAY)
    assert r.next_best_action == (
        "Answer 2 more product design questions in the Case-study presentation; your last 2 answers on "
        "Quantitative thinking and metrics averaged level 2.67 and your mock-loop ratings 2."
    )
    assert r.round("ei_case_presentation").next_action == (
        "Answer 2 more product design questions in the Case-study presentation aiming for level 3; you are at "
        "2.67. Start with Quantitative thinking and metrics."
    )
    assert r.round("ei_recruiter_screen").next_action == (
        "Keep the Recruiter screen warm: one question a week; you are at 4."
    )
    assert r.loops.statement == "2 mock loops done; the latest committee decision: Hire."
    assert r.stories.statement == "7 STAR stories in your vault, no coverage gaps."


def test_a_no_hire_from_the_latest_loop_means_not_ready(catalog):
    r = readiness("early_in", full(catalog, outcomes=("hire", "no_hire")), catalog, TODAY)
    assert r.loops.status is ReadinessStatus.NOT_READY and r.status is ReadinessStatus.NOT_READY


def test_when_everything_is_ready_the_advice_is_to_keep_it_warm(catalog):
    ev = full(catalog, case_levels=(4, 4))
    ev = PracticeEvidence(
        attempts=ev.attempts,
        scorecards=[("ei_case_presentation", {"quantitative_metrics": 4})],
        stories=8,
        loops_done=1,
        committee_outcomes=("strong_hire",),
    )
    r = readiness("early_in", ev, catalog, TODAY)
    assert r.status is ReadinessStatus.READY
    assert {i.status for i in r.competencies} == {ReadinessStatus.READY}
    assert r.next_best_action == (
        "You look ready: clear each day's reviews and run one more full mock loop a few days before the interview."
    )
    assert r.next_best is None


def test_an_optional_round_is_shown_but_does_not_hold_the_overall_back(catalog):
    attempts, day = [], D(2026, 9, 1)
    for rnd in catalog.rounds_for("experienced"):
        if rnd.optional:
            continue
        for _ in range(2):
            attempts.append((day, rnd.question_types[0], (rnd.id,), tuple(rnd.competencies), 4))
            day += timedelta(days=1)
    ev = PracticeEvidence(attempts=attempts, stories=6, loops_done=1, committee_outcomes=("hire",))
    r = readiness("experienced", ev, catalog, TODAY)
    tech = r.round("ex_technical_deep_dive")
    assert (tech.status, tech.optional) == (NEE, True)
    assert r.competency("technical_fluency").optional and r.competency("technical_fluency").status is NEE
    assert r.status is ReadinessStatus.READY
    assert r.overall.startswith("Ready: 5 of 5 rounds ready")
    assert r.next_best_action.startswith("You look ready")


def test_a_big_review_backlog_comes_before_new_material(catalog):
    ev = partial()
    ev = PracticeEvidence(attempts=ev.attempts[3:], stories=6, review_due=9, review_overdue=9)
    r = readiness("early_in", ev, catalog, TODAY)
    assert r.review.status is ReadinessStatus.NOT_READY
    assert r.next_best_action == "Clear the 9 overdue reviews on the Today page."
    assert r.next_best is r.review


@pytest.mark.parametrize(
    "due, overdue, status, statement, action",
    [
        (
            0,
            0,
            ReadinessStatus.READY,
            "Your review queue is clear.",
            "Do each day's reviews on the Today page as they fall due.",
        ),
        (
            2,
            0,
            ReadinessStatus.READY,
            "2 reviews are due today, none overdue.",
            "Do today's 2 reviews on the Today page.",
        ),
        (1, 0, ReadinessStatus.READY, "1 review is due today, none overdue.", "Do today's 1 review on the Today page."),
        (
            5,
            3,
            ReadinessStatus.ALMOST,
            "5 reviews are due now: 3 overdue and 2 due today.",
            "Clear the 3 overdue reviews on the Today page.",
        ),
        (6, 6, ReadinessStatus.NOT_READY, "6 reviews are overdue.", "Clear the 6 overdue reviews on the Today page."),
    ],
)
def test_the_review_queue_counts_what_is_due_now_and_judges_the_overdue_part(
    catalog, due, overdue, status, statement, action
):
    ev = PracticeEvidence(attempts=partial().attempts, review_due=due, review_overdue=overdue)
    item = readiness("early_in", ev, catalog, TODAY).review
    assert (item.status, item.statement, item.next_action, item.numbers) == (
        status,
        statement,
        action,
        {"due": due, "overdue": overdue},
    )


def test_reviews_due_without_any_answer_are_still_counted(catalog):
    item = readiness("early_in", PracticeEvidence(stories=1, review_due=2), catalog, TODAY).review
    assert (item.status, item.statement) == (ReadinessStatus.READY, "2 reviews are due today, none overdue.")


def test_more_overdue_than_due_is_refused():
    with pytest.raises(ValueError, match=r"^evidence: review_overdue \(3\) cannot be more than review_due \(2\)"):
        PracticeEvidence(review_due=2, review_overdue=3)


def test_an_unknown_track_is_named(catalog):
    with pytest.raises(ValueError, match="unknown track 'intern'"):
        readiness("intern", PracticeEvidence(), catalog, TODAY)


# ---------------------------------------------------------------------------------------------- self-check

NETFLIX = shipped_catalog().company


def test_the_self_check_speaks_of_the_company_prepared_for():
    bigtech = load_catalog(SHIPPED.parent / "bigtech").company
    goal = self_check("I want to be a PM at Bigtech because I love bigtech and its scale", "", True, bigtech)
    assert goal.answer("goal").reasons == ('a generic reason ("love bigtech")',)
    industry = self_check("", "Streaming", True, bigtech).answer("industry")
    assert industry.reasons == ("outside consumer apps and services at scale",)
    assert industry.advice.startswith("Clear, but Bigtech competes in consumer apps and services at scale")
    assert "Netflix" not in " ".join(a.advice for a in self_check("x", "tech", False, bigtech).answers)
    on_target = self_check("", "Mobile messaging apps", True, bigtech).answer("industry")
    assert on_target.advice == (
        "Clear. Keep following it: its main competitors in two of its product areas, and how each of them makes "
        "money; your plan's research sessions cover them."
    )


def test_vague_answers_get_plain_advice():
    check = self_check("Be a PM.", "tech", False, NETFLIX)
    goal, industry, plan = check.answers
    assert (goal.status, goal.reasons) == (AnswerStatus.VAGUE, ("only 3 words (fewer than 8)", "no reason given"))
    assert goal.advice == (
        "Say more: which role, what problem you want to work on, and why now. Add the why: "
        'finish the sentence with "because …" and tie it to something you have done.'
    )
    assert (industry.status, industry.reasons) == (AnswerStatus.VAGUE, ("too broad",))
    assert (plan.status, plan.answer) == (AnswerStatus.MISSING, "no")
    assert (check.clear, check.summary) == (0, "0 of 3 answers are clear.")
    assert check.next_step == goal.advice


def test_a_long_goal_without_a_reason_is_still_vague():
    check = self_check("I would like to become a product manager at a large streaming company soon", "", True, NETFLIX)
    assert check.answer("goal").reasons == ("no reason given",)
    assert check.answer("industry").status is AnswerStatus.MISSING


def test_a_generic_reason_is_called_out():
    goal = self_check(
        "I want to be a product manager at Netflix because I love watching its shows", "streaming", True, NETFLIX
    ).answer("goal")
    assert (goal.status, goal.reasons) == (AnswerStatus.VAGUE, ('a generic reason ("love watching")',))


def test_clear_answers_say_so_and_point_to_practice():
    check = self_check(
        "I want to become a product manager at Netflix because the recommendation feature I "
        "built at university doubled weekly use and I want to do that at scale",
        "Streaming entertainment",
        True,
        NETFLIX,
    )
    assert [a.status for a in check.answers] == [AnswerStatus.CLEAR] * 3
    assert check.summary == "3 of 3 answers are clear: you know where you are going, where, and how."
    assert check.next_step.startswith("Move on to practice")
    json.dumps(check.to_dict())


def test_an_industry_outside_streaming_is_clear_but_asks_for_the_link():
    industry = self_check("", "Fintech payments", True, NETFLIX).answer("industry")
    assert (industry.status, industry.reasons) == (AnswerStatus.CLEAR, ("outside streaming entertainment",))
    assert industry.advice.startswith("Clear, but Netflix competes in streaming entertainment")


@pytest.mark.parametrize("answer", ["", "   ", "I'm not sure", "tech industry", "anything in software"])
def test_empty_or_broad_industries_are_not_clear(answer):
    assert self_check("", answer, False, NETFLIX).answer("industry").status is not AnswerStatus.CLEAR
