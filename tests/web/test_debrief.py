"""The debrief of a real round through the test client: paste → review → confirm, notes, outcome, calibration."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from pmprep.analysis import analyze
from pmprep.web.debrief.models import RealExchange, RealRound
from pmprep.web.practice.models import ReviewCard

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC), tick=False):
        yield


TRANSCRIPT = (
    "Interviewer: Tell me about a time you failed?\n"
    "Me: In 2021 I launched a feature that cut retention by 2%. I rolled it back in a week.\n"
    "Interviewer: How would you measure success for downloads?\n"
    "Me: Completion of downloaded titles within a week. And I learned to test first.\n"
)
ROUND = {
    "round_id": "ei_hiring_manager",
    "round_name": "",
    "held_on": "2026-11-19",
    "interviewer_role": "Product director",
    "rate_structure": "3",
    "rate_specificity": "4",
    "went_well": "The failure story.",
    "surprised": "A metrics question in this round.",
}


def _remembered(rows: list[tuple[str, str]]) -> dict[str, str]:
    data = {"q-TOTAL_FORMS": str(len(rows)), "q-INITIAL_FORMS": "0"}
    for n, (q, a) in enumerate(rows):
        data[f"q-{n}-question"], data[f"q-{n}-answer"] = q, a
    return data


def _review(rows: list[tuple[str, str, bool]]) -> dict[str, str]:
    data = {"x-TOTAL_FORMS": str(len(rows)), "x-INITIAL_FORMS": str(len(rows))}
    for n, (q, a, join) in enumerate(rows):
        data[f"x-{n}-question"], data[f"x-{n}-answer"] = q, a
        if join:
            data[f"x-{n}-join"] = "on"
    return data


def test_a_pasted_transcript_is_shown_for_review_and_stores_nothing(client, alice):
    client.force_login(alice)
    response = client.post(reverse("debrief:new"), {**ROUND, **_remembered([]), "transcript": TRANSCRIPT})
    assert response.status_code == 200
    assert RealRound.objects.count() == 0 and RealExchange.objects.count() == 0
    review = response.context["review"]
    assert [(f.initial["question"], f.initial["answer"]) for f in review.forms[:2]] == [
        (
            "Tell me about a time you failed?",
            "In 2021 I launched a feature that cut retention by 2%. I rolled it back in a week.",
        ),
        (
            "How would you measure success for downloads?",
            "Completion of downloaded titles within a week. And I learned to test first.",
        ),
    ]
    assert "taking Interviewer as the interviewer and Me as you" in response.content.decode()


def test_confirming_a_corrected_split_judges_and_stores_each_exchange(client, alice):
    client.force_login(alice)
    rows = [
        ("Tell me about a time you failed?", "In 2021 I launched a feature that cut retention by 2%.", False),
        ("", "I rolled it back in a week.", True),  # joined to the exchange before
        ("How would you measure success for downloads?", "Completion of downloaded titles within a week.", False),
        ("", "", False),  # the empty row to add one
    ]
    response = client.post(reverse("debrief:confirm"), {**ROUND, **_review(rows)})
    real_round = RealRound.objects.get()
    assert response.status_code == 302 and response.url == reverse("debrief:round", args=[real_round.uid])
    assert (real_round.user, real_round.round_id, real_round.held_on, real_round.source) == (
        alice,
        "ei_hiring_manager",
        dt.date(2026, 11, 19),
        "transcript",
    )
    assert real_round.self_ratings == {"structure": 3, "specificity": 4}
    assert real_round.interviewer_role == "Product director" and real_round.outcome == "waiting"
    stored = list(real_round.exchanges.all())
    assert [(e.order, e.question, e.answer) for e in stored] == [
        (
            1,
            "Tell me about a time you failed?",
            "In 2021 I launched a feature that cut retention by 2%. I rolled it back in a week.",
        ),
        (2, "How would you measure success for downloads?", "Completion of downloaded titles within a week."),
    ]
    for e in stored:
        assert e.feedback == analyze(e.question, e.answer).to_dict()
        assert e.level == e.feedback["level"]
    assert [e.question_type for e in stored] == ["behavioral", "metrics"]
    page = client.get(response.url).content.decode()
    assert "Tell me about a time you failed?" in page and "weak spot" in page


def test_weak_answers_feed_the_review_queue(client, alice):
    client.force_login(alice)
    client.post(
        reverse("debrief:confirm"),
        {**ROUND, **_review([("Tell me about a time you failed?", "It went badly.", False)])},
    )
    exchange = RealExchange.objects.get()
    assert exchange.level <= 2
    card = ReviewCard.objects.get(user=alice)
    assert card.kind == "question" and card.reviews == 1
    from pmprep.config import active_catalog

    assert active_catalog().questions[card.key].type == "behavioral"


def test_a_bad_transcript_says_which_line_and_stores_nothing(client, alice):
    client.force_login(alice)
    bad = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v A>Why?\n\n00:00:05 --> 00:00:06\n<v B>Because.\n"
    response = client.post(reverse("debrief:new"), {**ROUND, **_remembered([]), "transcript": bad})
    assert response.status_code == 400
    assert response.context["paste"].non_field_errors() == [
        "line 6: expected a cue timing line like 00:00:01.000 --> 00:00:04.000, got '00:00:05 --> 00:00:06'."
    ]
    assert RealRound.objects.count() == 0 and ReviewCard.objects.count() == 0


def test_a_future_date_is_refused(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("debrief:new"), {**ROUND, "held_on": "2026-11-21", **_remembered([("Why Netflix?", "The memo.")])}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["held_on"] == [
        "The interview is still to come: debrief it on the day or after."
    ]
    assert RealRound.objects.count() == 0


def test_questions_typed_from_memory_are_judged_and_stored_at_once(client, alice):
    client.force_login(alice)
    data = {
        **ROUND,
        "round_id": "other",
        "round_name": "Recruiter chat",
        **_remembered([("Why Netflix?", "The culture memo and the product."), ("", "")]),
    }
    response = client.post(reverse("debrief:new"), data)
    real_round = RealRound.objects.get()
    assert response.status_code == 302
    assert (real_round.round_id, real_round.round_name, real_round.source) == ("", "Recruiter chat", "notes")
    assert [e.question for e in real_round.exchanges.all()] == ["Why Netflix?"]


def test_the_outcome_is_recorded_and_the_round_deleted_by_its_owner_only(client, alice, bob):
    client.force_login(alice)
    client.post(reverse("debrief:confirm"), {**ROUND, **_review([("Why Netflix?", "The memo.", False)])})
    real_round = RealRound.objects.get()
    client.post(reverse("debrief:outcome", args=[real_round.uid]), {"outcome": "passed"})
    real_round.refresh_from_db()
    assert real_round.outcome == "passed"
    client.logout()
    client.force_login(bob)
    assert client.get(reverse("debrief:round", args=[real_round.uid])).status_code == 404
    assert client.post(reverse("debrief:outcome", args=[real_round.uid]), {"outcome": "offer"}).status_code == 404
    assert client.post(reverse("debrief:delete", args=[real_round.uid])).status_code == 404
    assert "Why Netflix" not in client.get(reverse("debrief:index")).content.decode()
    client.logout()
    client.force_login(alice)
    assert client.post(reverse("debrief:delete", args=[real_round.uid])).status_code == 302
    assert RealRound.objects.count() == 0 and RealExchange.objects.count() == 0


def test_the_calibration_page_shows_the_gap_sentence(client, alice):
    client.force_login(alice)
    client.post(reverse("debrief:confirm"), {**ROUND, **_review([("Why Netflix?", "The memo.", False)])})
    exchange = RealExchange.objects.get()
    levels = {c["id"]: c["level"] for c in exchange.feedback["criteria"]}
    page = client.get(reverse("plans:calibration")).content.decode()
    gap = 4 - levels["specificity"]
    assert f"You rate your specificity {gap:.1f} levels above what the text shows (1 rating)." in page
    assert "No real round yet has both an outcome" in page
