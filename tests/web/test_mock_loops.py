"""Mock loops through the test client: plan, run each round on its clock, score it, invite a peer,
and read the committee's decision."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmprep.web import portability
from pmprep.web.accounts.models import User
from pmprep.web.loops.models import InformalNote, LoopRound, MockLoop, PeerLink, RoundScorecard
from pmprep.web.practice.models import Attempt, Draft
from tests.web.conftest import drafted, looped

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)
STRONG_BEHAVIOURAL = (
    "At a budgeting app with 40,000 monthly users I owned onboarding. Interviews showed people quit at bank "
    "linking, so I proposed cutting two steps; engineering disagreed on scope, and I agreed a smaller first "
    "version we could ship in three weeks. I ran it as an A/B test against the old flow. Completion rose from "
    "52% to 61% and support tickets fell 18%. I learned to test the riskiest step first and to write down the "
    "trade-off we accepted: we delayed the redesign of settings by a month."
)


def url(name: str, loop: MockLoop, order: int | None = None) -> str:
    return reverse(f"loops:{name}", args=[loop.uid] if order is None else [loop.uid, order])


@pytest.fixture
def logged_in(client, alice):
    client.force_login(alice)
    return client


def _round(loop: MockLoop, order: int) -> LoopRound:
    return loop.rounds.get(order=order)


# ---------------------------------------------------------------- planning


def test_run_my_loop_plans_the_early_in_track_in_order(logged_in, alice):
    response = logged_in.post(reverse("loops:start"), {"track": "early_in"})
    loop = MockLoop.objects.get(user=alice)
    assert response.status_code == 302 and response["Location"] == url("loop", loop)
    assert [(r.round_id, r.order, r.minutes, len(r.question_ids), r.is_case, r.status) for r in loop.rounds.all()] == [
        ("ei_recruiter_screen", 1, 30, 2, False, "planned"),
        ("ei_hiring_manager", 2, 45, 3, False, "planned"),
        ("ei_technical_deep_dive", 3, 60, 4, False, "planned"),
        ("ei_case_presentation", 4, 90, 1, True, "planned"),
    ]
    page = logged_in.get(url("loop", loop)).content.decode()
    case_prompt = logged_in.get(url("round", loop, 4)).content.decode()
    assert "The prompt comes in advance" in page
    assert "Your case prompt, in advance" in case_prompt and "Start the presentation" in case_prompt


def test_the_experienced_loop_leaves_the_optional_round_out_unless_asked(logged_in, alice):
    logged_in.post(reverse("loops:start"), {"track": "experienced"})
    logged_in.post(reverse("loops:start"), {"track": "experienced", "include_optional": "on"})
    without, with_optional = MockLoop.objects.filter(user=alice).order_by("created", "id")
    assert [r.round_id for r in without.rounds.all()] == [
        "ex_recruiter_screen",
        "ex_hiring_manager",
        "ex_product_team",
        "ex_cross_functional",
        "ex_case_presentation",
    ]
    assert "ex_technical_deep_dive" in [r.round_id for r in with_optional.rounds.all()]


def test_a_loop_avoids_questions_answered_in_the_last_two_weeks(logged_in, alice):
    first = looped(alice)
    screen = first.rounds.get(order=1).question_ids
    for qid in screen:
        Attempt.objects.create(
            user=alice,
            question_id=qid,
            question_text="q",
            question_type="behavioral",
            answer="a",
            score=50,
            level=2,
            feedback={"criteria": []},
        )
    second = looped(alice)
    assert not set(second.rounds.get(order=1).question_ids) & set(screen)


def test_an_unknown_track_is_refused_with_a_message_and_nothing_planned(logged_in, alice):
    response = logged_in.post(reverse("loops:start"), {"track": "astronaut"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not MockLoop.objects.exists()


# ---------------------------------------------------------------- the clock


def test_a_round_runs_on_its_clock_and_can_be_paused_and_resumed(logged_in, alice):
    loop = looped(alice, now=T0)
    clock = url("clock", loop, 1)
    with time_machine.travel(T0, tick=False):
        logged_in.post(clock, {"action": "start"})
    with time_machine.travel(T0 + dt.timedelta(minutes=10), tick=False):
        logged_in.post(clock, {"action": "pause"})
    r = _round(loop, 1)
    assert (r.status, r.elapsed, r.running_since, r.started) == ("paused", 600, None, T0)
    with time_machine.travel(T0 + dt.timedelta(minutes=40), tick=False):  # the pause does not count
        logged_in.post(clock, {"action": "start"})
    with time_machine.travel(T0 + dt.timedelta(minutes=45, seconds=30), tick=False):
        page = logged_in.get(url("round", loop, 1)).content.decode()
    assert "Used <strong data-used-out>15:30</strong> of 30:00" in page and "14:30 left" in page


def test_overtime_is_allowed_and_recorded(logged_in, alice):
    loop = looped(alice, now=T0)
    with time_machine.travel(T0, tick=False):
        logged_in.post(url("clock", loop, 1), {"action": "start"})
    with time_machine.travel(T0 + dt.timedelta(minutes=33), tick=False):
        logged_in.post(url("finish", loop, 1))
        page = logged_in.get(url("round", loop, 1)).content.decode()
    assert _round(loop, 1).elapsed == 33 * 60
    assert "over time by 3:00" in page


# ---------------------------------------------------------------- answering


def _start(client, loop, order):
    client.post(url("clock", loop, order), {"action": "start"})


def test_answers_go_one_question_at_a_time_and_join_the_round(logged_in, alice, catalog):
    loop = looped(alice)
    _start(logged_in, loop, 1)
    first, second = _round(loop, 1).question_ids
    drafted(alice, "half an answer", question_id=first)
    page = logged_in.get(url("round", loop, 1)).content.decode()
    assert "Question 1 of 2" in page and escape(catalog.questions[first].text) in page and "Draft restored" in page

    response = logged_in.post(
        url("answer", loop, 1), {"question_id": first, "answer": STRONG_BEHAVIOURAL, "seconds_taken": "400"}
    )
    assert response.status_code == 302
    attempt = Attempt.objects.get(user=alice)
    assert (attempt.loop_round, attempt.question_id, attempt.seconds_taken, attempt.seconds_budget) == (
        _round(loop, 1),
        first,
        400,
        750,
    )  # (30 - 5 minutes) shared by two questions
    assert not Draft.objects.filter(user=alice, question_id=first).exists()
    page = logged_in.get(url("round", loop, 1)).content.decode()
    assert "Question 2 of 2" in page and escape(catalog.questions[second].text) in page


def test_an_answer_to_a_question_outside_the_round_is_refused(logged_in, alice):
    loop = looped(alice)
    _start(logged_in, loop, 1)
    other = _round(loop, 2).question_ids[0]
    response = logged_in.post(url("answer", loop, 1), {"question_id": other, "answer": "An answer."})
    assert response.status_code == 400
    assert "That question is not part of this round." in response.content.decode()
    assert not Attempt.objects.exists()


def test_an_empty_answer_is_refused_with_a_message(logged_in, alice):
    loop = looped(alice)
    _start(logged_in, loop, 1)
    response = logged_in.post(url("answer", loop, 1), {"question_id": _round(loop, 1).question_ids[0], "answer": "  "})
    assert response.status_code == 400 and "Write an answer before moving on." in response.content.decode()
    assert not Attempt.objects.exists()


def test_finishing_a_round_writes_pmpreps_scorecard_once(logged_in, alice):
    loop = looped(alice)
    _start(logged_in, loop, 2)
    qid = _round(loop, 2).question_ids[0]
    logged_in.post(url("answer", loop, 2), {"question_id": qid, "answer": STRONG_BEHAVIOURAL})
    logged_in.post(url("finish", loop, 2))
    logged_in.post(url("finish", loop, 2))
    card = RoundScorecard.objects.get(user=alice)
    assert (card.source, card.rater, card.loop_round.order, card.trade_offs_quantified) == (
        "automatic",
        "pmprep",
        2,
        None,
    )
    assert set(card.ratings) <= {"customer_obsession", "scope_control", "culture_leadership", "strategy_execution"}
    assert card.ratings and all(1 <= v <= 4 for v in card.ratings.values())
    assert _round(loop, 2).status == "done"
    page = logged_in.get(url("round", loop, 2)).content.decode()
    assert "pmprep's scorecard (from the analyzer)" in page and "Your own scorecard" in page
    # A finished round takes no more answers.
    response = logged_in.post(
        url("answer", loop, 2), {"question_id": _round(loop, 2).question_ids[1], "answer": "Late."}, follow=True
    )
    assert "is finished; its answers can no longer change" in response.content.decode()
    assert Attempt.objects.count() == 1


def test_a_round_finished_with_no_answers_has_no_automatic_scorecard(logged_in, alice):
    loop = looped(alice)
    _start(logged_in, loop, 1)
    response = logged_in.post(url("finish", loop, 1), follow=True)
    assert "Nothing was answered, so pmprep has no scorecard for it" in response.content.decode()
    assert not RoundScorecard.objects.exists()


# ---------------------------------------------------------------- the case round


def test_the_case_round_is_a_timed_talk_then_the_panels_questions(logged_in, alice, catalog):
    loop = looped(alice)
    LoopRound.objects.filter(loop=loop, order=4).update(question_ids=["pd-offline-downloads-new-region"])
    _start(logged_in, loop, 4)
    case = _round(loop, 4)
    page = logged_in.get(url("round", loop, 4)).content.decode()
    assert "Your presentation" in page and 'data-budget="1500"' in page  # the 25-minute talk slot
    talk = (
        "Problem: members in Brazil abandon sign-up at payment. Hypothesis: adding local payment cuts "
        "drop-off by 10%. Options: Pix, boleto, or carrier billing. Trade-off: Pix costs $0.3M to build and "
        "reaches 70% of members, carrier billing costs $1M for 20% more reach. I recommend Pix first, "
        "measured by sign-up completion with churn as a guardrail, piloted in one region for four weeks."
    )
    logged_in.post(url("answer", loop, 4), {"question_id": case.question_ids[0], "answer": talk})
    page = logged_in.get(url("round", loop, 4)).content.decode()
    assert "The panel's questions" in page and "Data science:" in page and "Engineering:" in page

    empty = logged_in.post(url("qa", loop, 4), {})
    assert empty.status_code == 400 and "Answer at least one of the panel" in empty.content.decode()

    reply = "I would watch sign-up completion weekly; a 3 point rise with churn flat in two weeks would convince me."
    logged_in.post(
        url("qa", loop, 4), {"probe_data_science_1": reply, "probe_engineering_1": "Ship Pix only, behind a flag."}
    )
    talk_attempt, first, second = Attempt.objects.filter(loop_round=case).order_by("created", "id")
    assert (first.parent, second.parent) == (talk_attempt, first)
    assert first.probe.startswith("How would you know in two weeks") and first.answer == reply
    assert "The panel's questions" not in logged_in.get(url("round", loop, 4)).content.decode()

    logged_in.post(url("finish", loop, 4))
    card = RoundScorecard.objects.get(loop_round=case)
    assert card.trade_offs_quantified is True  # "Pix costs $0.3M … reaches 70%" and the Q&A kept it
    assert card.ratings == {
        "customer_obsession": 2,
        "data_literacy": 4,
        "scope_control": 3,
        "case_solving": 3,
        "product_design": 2,
        "quantitative_metrics": 4,
    }
    assert "case_solving" in card.ratings


# ---------------------------------------------------------------- the user's own scorecard


def _done(client, loop, order=1):
    _start(client, loop, order)
    client.post(url("finish", loop, order))


def test_a_rating_without_evidence_is_refused_and_nothing_is_saved(logged_in, alice):
    loop = looped(alice)
    _done(logged_in, loop)
    response = logged_in.post(url("scorecard", loop, 1), {"rating_job_awareness": "3", "recommendation": "3"})
    assert response.status_code == 400
    assert "Write the evidence for Job awareness before rating it." in response.content.decode()
    assert not RoundScorecard.objects.exists()
    nothing = logged_in.post(url("scorecard", loop, 1), {"recommendation": "3"})
    assert "Rate at least one competency, with its evidence." in nothing.content.decode()


def test_the_self_scorecard_is_kept_beside_pmpreps(logged_in, alice):
    loop = looped(alice)
    _done(logged_in, loop)
    logged_in.post(
        url("scorecard", loop, 1),
        {
            "rating_job_awareness": "2",
            "evidence_job_awareness": "I could not say what the role owns.",
            "recommendation": "2",
            "summary": "Rusty.",
        },
    )
    card = RoundScorecard.objects.get(user=alice)
    assert (card.source, card.rater, card.ratings, card.evidence, card.recommendation, card.summary) == (
        "self",
        "alice",
        {"job_awareness": 2},
        {"job_awareness": "I could not say what the role owns."},
        2,
        "Rusty.",
    )
    again = logged_in.post(
        url("scorecard", loop, 1),
        {"rating_job_awareness": "4", "evidence_job_awareness": "x", "recommendation": "4"},
        follow=True,
    )
    assert "You have already scored this round." in again.content.decode()
    assert RoundScorecard.objects.count() == 1


# ---------------------------------------------------------------- peer interviewers


def _link(client, loop, order=1, hours="24") -> PeerLink:
    client.post(url("create_link", loop, order), {"hours": hours})
    return PeerLink.objects.latest("created")


PEER_CARD = {
    "rater": "Priya",
    "rating_job_awareness": "3",
    "evidence_job_awareness": "Named the role's scope: growth of the ads tier.",
    "recommendation": "3",
}


def test_a_peer_with_the_link_sees_the_interviewer_kit_and_not_the_answers(logged_in, client, alice, catalog):
    loop = looped(alice, now=T0)
    _start(logged_in, loop, 1)
    qid = _round(loop, 1).question_ids[0]
    logged_in.post(url("answer", loop, 1), {"question_id": qid, "answer": "PRIVATE-WORDS of my answer."})
    link = _link(logged_in, loop)
    client.logout()
    page = client.get(reverse("peer", args=[link.token])).content.decode()
    question = catalog.questions[qid]
    assert escape(question.text) in page
    assert escape(question.talking_points[0]) in page and escape(question.probes[0]) in page
    assert "What each level means" in page and "data-round-clock" in page and "Your name" in page
    assert "PRIVATE-WORDS" not in page


def test_a_peer_scorecard_needs_evidence_then_spends_the_link(client, logged_in, alice):
    loop = looped(alice)
    link = _link(logged_in, loop)
    client.logout()
    peer_url = reverse("peer", args=[link.token])
    missing = client.post(peer_url, {**PEER_CARD, "evidence_job_awareness": ""})
    assert (
        missing.status_code == 400
        and "Write the evidence for Job awareness before rating it." in missing.content.decode()
    )
    assert not RoundScorecard.objects.exists()

    thanks = client.post(peer_url, PEER_CARD)
    assert thanks.status_code == 200 and "your scorecard is in" in thanks.content.decode()
    card = RoundScorecard.objects.get()
    assert (card.source, card.rater, card.ratings, card.user) == ("peer", "Priya", {"job_awareness": 3}, alice)
    link.refresh_from_db()
    assert link.state() == "used" and link.scorecard == card

    again = client.post(peer_url, PEER_CARD)
    assert again.status_code == 410 and "each link takes one" in again.content.decode()
    assert RoundScorecard.objects.count() == 1


def test_an_expired_or_revoked_link_says_so_and_takes_nothing(client, alice):
    client.force_login(alice)
    loop = looped(alice)
    with time_machine.travel(T0, tick=False):
        expiring = _link(client, loop, hours="1")
    revoked = _link(client, loop)
    client.post(reverse("loops:revoke_link", args=[revoked.uid]))
    client.logout()
    with time_machine.travel(T0 + dt.timedelta(hours=1), tick=False):
        gone = client.post(reverse("peer", args=[expiring.token]), PEER_CARD)
    assert gone.status_code == 410 and "This link has expired" in gone.content.decode()
    stopped = client.get(reverse("peer", args=[revoked.token]))
    assert stopped.status_code == 410 and "revoked this link" in stopped.content.decode()
    assert client.get(reverse("peer", args=["not-a-real-token"])).status_code == 404
    assert not RoundScorecard.objects.exists()


# ---------------------------------------------------------------- the committee


def _card(loop, order, source, rater, ratings, recommendation=3, trade_offs=None):
    r = _round(loop, order)
    return RoundScorecard.objects.create(
        user=loop.user,
        loop=loop,
        loop_round=r,
        source=source,
        rater=rater,
        ratings=ratings,
        evidence={k: f"{rater} saw it" for k in ratings},
        recommendation=recommendation,
        trade_offs_quantified=trade_offs,
    )


def test_the_committee_weighs_scorecards_and_only_notes_informal_inputs(logged_in, alice):
    loop = looped(alice)
    LoopRound.objects.filter(loop=loop).update(status="done")
    _card(loop, 1, "peer", "Priya", {"customer_obsession": 4, "data_literacy": 4})
    _card(loop, 3, "self", "alice", {"technical_judgment": 4, "data_literacy": 3})
    _card(loop, 4, "peer", "Omar", {"case_solving": 4, "customer_obsession": 4}, trade_offs=False)
    logged_in.post(url("informal", loop), {"kind": "verbal_referral", "who": "A director", "note": "She'd be great."})
    logged_in.post(url("referral", loop), {"who": "Sam", "recommendation": "4", "summary": "Worked with her 3 years."})
    assert InformalNote.objects.count() == 1 and RoundScorecard.objects.filter(source="referral").count() == 1

    page = logged_in.get(url("committee", loop)).content.decode()
    assert "Decision: No hire" in page
    assert "the case lacked quantified trade-offs (Case-study presentation, rated by Omar)" in page
    assert "A director: <q>She&#x27;d be great.</q>" in page
    assert "informal: the committee weighs only documented, structured feedback" in page
    assert "Referral by Sam" in page and "Scorecards considered (3)" in page


def test_the_committee_says_when_there_is_not_enough_evidence_and_flags_rounds_not_done(logged_in, alice):
    loop = looped(alice)
    page = logged_in.get(url("committee", loop)).content.decode()
    assert "Decision: Not enough evidence yet" in page
    assert "Case-study presentation: not done yet" in page


def test_one_weak_round_of_five_leaves_the_committee_waiting_and_saying_for_what(logged_in, alice):
    loop = looped(alice, track="experienced")
    _done(logged_in, loop)
    saved = logged_in.post(
        url("scorecard", loop, 1),
        {
            "rating_culture_leadership": "1",
            "evidence_culture_leadership": "I blamed my last team for the delay.",
            "recommendation": "1",
        },
    )
    assert saved.status_code == 302
    page = logged_in.get(url("committee", loop)).content.decode()
    assert "Decision: Not enough evidence yet" in page
    assert (
        "Not enough evidence yet: 4 of 5 required rounds are not done (Hiring-manager interview, Onsite — "
        "product team, Onsite — cross-functional partners and Onsite — case-study presentation), and "
        "must-pass competencies Customer obsession, Data literacy, Case solving and Strategy and execution "
        "have no rating in any documented scorecard. So far Cultural fit and leadership averages 1.0, below "
        "the must-pass bar of 2.5."
    ) in page
    assert "Decision: No hire" not in page


def test_a_hire_decision_names_what_would_make_it_strong(logged_in, alice):
    loop = looped(alice)
    LoopRound.objects.filter(loop=loop).update(status="done")
    _card(loop, 1, "peer", "Priya", {"customer_obsession": 3, "data_literacy": 3})
    _card(loop, 3, "self", "alice", {"technical_judgment": 3, "data_literacy": 3})
    _card(loop, 4, "peer", "Omar", {"case_solving": 3}, trade_offs=True)
    page = logged_in.get(url("committee", loop)).content.decode()
    assert "Decision: Hire" in page
    assert "reaches the hire bar of 3.0" in page


def test_bad_informal_input_is_refused_with_a_message(logged_in, alice):
    loop = looped(alice)
    response = logged_in.post(url("informal", loop), {"kind": "bribe", "who": "", "note": "x"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Select a valid choice" in body and "This field is required" in body
    assert not InformalNote.objects.exists()


# ---------------------------------------------------------------- export


def test_a_loop_with_its_scorecards_and_links_round_trips_through_export(logged_in, alice):
    loop = looped(alice, now=T0)
    _start(logged_in, loop, 2)
    logged_in.post(
        url("answer", loop, 2), {"question_id": _round(loop, 2).question_ids[0], "answer": STRONG_BEHAVIOURAL}
    )
    logged_in.post(url("finish", loop, 2))
    _link(logged_in, loop, 2)
    logged_in.post(url("informal", loop), {"kind": "chat", "who": "Lee", "note": "Friendly."})
    before = portability.export_user(alice, now=T0)
    assert [
        len(before["data"][k])
        for k in ("mock_loops", "loop_rounds", "round_scorecards", "informal_notes", "peer_links")
    ] == [1, 4, 1, 1, 1]
    assert before["data"]["attempts"][0]["loop_round"] == str(_round(loop, 2).uid)
    assert "token" not in before["data"]["peer_links"][0]

    MockLoop.objects.all().delete()
    Attempt.objects.all().delete()
    User.objects.all().delete()
    owner, _ = portability.import_document(before, "alice.json")
    assert portability.export_user(owner, now=T0) == before
    assert PeerLink.objects.get().token != ""


def test_an_export_written_before_loops_existed_still_imports(alice):
    document = portability.export_user(alice)
    document["data"] = {"attempts": [], "drafts": [], "review_cards": []}
    _, summary = portability.import_document(document, "old.json", user=alice)
    assert summary.created["mock_loops"] == 0


def test_a_reply_can_lift_a_criterion_but_never_lower_what_the_talk_showed():
    from dataclasses import replace

    from pmprep.analysis import analyze
    from pmprep.analysis.feedback import CriterionResult
    from pmprep.web.loops.rounds import best_of

    def at(**levels: int) -> list[CriterionResult]:
        return [CriterionResult(cid, cid, level, level / 4, [], [], "", 1.0) for cid, level in levels.items()]

    base = analyze("Why Netflix?", "Because I like films.")
    talk = replace(base, score=70.0, criteria=at(tradeoffs=4, risks_rollout=2, conclusion=4))
    exchange = replace(base, score=60.0, criteria=at(tradeoffs=3, risks_rollout=3, conclusion=2))
    merged = best_of(talk, exchange)
    assert [(c.id, c.level) for c in merged.criteria] == [("tradeoffs", 4), ("risks_rollout", 3), ("conclusion", 4)]
    assert merged.score == 70.0


# ---------------------------------------------------------------- hostile input

LOOP_FORMS = ["start", "answer", "qa", "finish", "scorecard", "create_link", "clock", "informal", "referral", "peer"]
JUNK_FIELDS = st.dictionaries(
    st.sampled_from(
        [
            "track",
            "question_id",
            "answer",
            "seconds_taken",
            "probe_design_1",
            "rating_job_awareness",
            "evidence_job_awareness",
            "recommendation",
            "summary",
            "rater",
            "hours",
            "action",
            "kind",
            "who",
            "note",
            "trade_offs",
            "include_optional",
        ]
    ),
    st.text(max_size=60),
    max_size=8,
)


@pytest.fixture
def running_loop(logged_in, alice):
    loop = looped(alice)
    _start(logged_in, loop, 1)
    _start(logged_in, loop, 4)
    return loop


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(LOOP_FORMS), order=st.sampled_from([1, 4]), data=JUNK_FIELDS)
def test_loop_forms_answer_junk_with_a_page_never_a_crash(logged_in, running_loop, name, order, data):
    loop = running_loop
    if name == "peer":
        link = PeerLink.objects.get_or_create(
            user=loop.user, loop_round=_round(loop, order), defaults={"expires": dt.datetime(2100, 1, 1, tzinfo=dt.UTC)}
        )[0]
        target = reverse("peer", args=[link.token])
    elif name == "start":
        target = reverse("loops:start")
    elif name in ("informal", "referral"):
        target = url(name, loop)
    else:
        target = url(name, loop, order)
    response = logged_in.post(target, data)
    assert response.status_code in (200, 302, 400, 410)
