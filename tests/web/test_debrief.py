"""The debrief of a real round through the test client: paste → review → confirm, notes, outcome, calibration."""

from __future__ import annotations

import datetime as dt

import lxml.html
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
    assert '<th scope="row"><time datetime="2026-11">November 2026</time></th>' in page


def test_add_a_question_shows_the_form_again_with_one_more_row_and_no_errors(client, alice):
    client.force_login(alice)
    data = {**ROUND, "held_on": "", **_remembered([("Why Netflix?", "The memo.")]), "add_row": "1"}
    response = client.post(reverse("debrief:new"), data)
    assert response.status_code == 200
    assert RealRound.objects.count() == 0
    remembered = response.context["remembered"]
    assert [(f["question"].value(), f["answer"].value()) for f in remembered.forms] == [
        ("Why Netflix?", "The memo."),
        (None, None),
    ]
    form = response.context["form"]
    assert (form["round_id"].value(), form["interviewer_role"].value(), form["rate_structure"].value()) == (
        "ei_hiring_manager",
        "Product director",
        "3",
    )
    page = response.content.decode()
    assert "field-error" not in page  # the empty date is not an error until the form is sent
    assert "<legend>Question 2</legend>" in page
    assert 'name="q-1-question" cols="40" rows="2" maxlength' in page and "autofocus" in page
    # The new row is then sent like any other.
    data = {**ROUND, **_remembered([("Why Netflix?", "The memo."), ("Why this team?", "Its ads work.")])}
    assert client.post(reverse("debrief:new"), data).status_code == 302
    assert [e.question for e in RealExchange.objects.all()] == ["Why Netflix?", "Why this team?"]


def test_add_a_question_asks_for_an_uploaded_file_again(client, alice):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(alice)
    upload = SimpleUploadedFile("call.txt", TRANSCRIPT.encode(), content_type="text/plain")
    data = {**ROUND, **_remembered([]), "upload": upload, "add_row": "1"}
    response = client.post(reverse("debrief:new"), data)
    assert [str(m) for m in response.context["messages"]] == [
        "A browser does not send a chosen file twice: choose the transcript file again."
    ]
    assert RealRound.objects.count() == 0


def test_add_a_question_stops_at_the_limit(client, alice):
    client.force_login(alice)
    rows = [(f"Question {n}?", "An answer.") for n in range(60)]
    response = client.post(reverse("debrief:new"), {**ROUND, **_remembered(rows), "add_row": "1"})
    assert len(response.context["remembered"].forms) == 60
    page = response.content.decode()
    assert "Add a question" not in page and "That is the most rows one debrief takes" in page


NAMED = (
    "Priya Shah: Why do you want this role?\nSam Lee: I have used the product daily for years and I want to grow it.\n"
)


def test_the_review_offers_both_speakers_with_the_detected_one_chosen(client, alice):
    client.force_login(alice)
    response = client.post(reverse("debrief:new"), {**ROUND, **_remembered([]), "transcript": NAMED})
    speakers = response.context["speakers"]
    assert speakers.fields["candidate"].choices == [("Priya Shah", "Priya Shah"), ("Sam Lee", "Sam Lee")]
    assert speakers["candidate"].value() == "Sam Lee"  # the one with more words
    assert speakers["source"].value() == NAMED


def test_choosing_the_other_speaker_splits_again_and_no_name_is_stored(client, alice):
    client.force_login(alice)
    transcript = (
        "Priya Shah: Why do you want this role?\n"
        "Sam Lee: I have used the product daily for years and want to grow it. Can I ask what the team owns?\n"
        "Priya Shah: The team owns downloads.\n"
    )
    data = {
        **ROUND,
        **_review([("Why do you want this role?", "Edited away.", False)]),
        "s-source": transcript,
        "s-candidate": "Priya Shah",
        "resplit": "1",
    }
    response = client.post(reverse("debrief:confirm"), data)
    assert response.status_code == 200
    assert RealRound.objects.count() == 0
    assert [(f.initial["question"], f.initial["answer"]) for f in response.context["review"].forms[:-1]] == [
        (
            "I have used the product daily for years and want to grow it. Can I ask what the team owns?",
            "The team owns downloads.",
        )
    ]
    assert response.context["speakers"]["candidate"].value() == "Priya Shah"
    assert "taking Sam Lee as the interviewer and Priya Shah as you" in response.content.decode()
    # A name that is not one of the two speakers is refused and the split is left as it was.
    response = client.post(reverse("debrief:confirm"), {**data, "s-candidate": "Alex"})
    assert response.status_code == 400
    assert response.context["problem"] == "Choose one of the two speakers."
    assert response.context["review"].forms[0]["answer"].value() == "Edited away."
    # Confirmed, the round keeps the exchanges only: neither name is stored anywhere.
    data = {**ROUND, **_review([("Why do you want this role?", "I use it daily.", False)]), "s-source": transcript}
    data["s-candidate"] = "Sam Lee"
    assert client.post(reverse("debrief:confirm"), data).status_code == 302
    stored = repr(list(RealRound.objects.values())) + repr(list(RealExchange.objects.values()))
    assert "Priya" not in stored and "Sam" not in stored and "Shah" not in stored


def test_a_speaker_choice_that_leaves_no_exchange_says_why_and_keeps_the_split(client, alice):
    client.force_login(alice)
    data = {
        **ROUND,
        **_review([("Why do you want this role?", "My own words.", False)]),
        "s-source": NAMED,
        "s-candidate": "Priya Shah",
        "resplit": "1",
    }
    response = client.post(reverse("debrief:confirm"), data)
    assert response.status_code == 400
    assert response.context["problem"] == (
        "Taking Priya Shah as you: line 1: no question of Sam Lee's is followed by an answer of Priya Shah's: "
        "expected the interviewer's turn, then yours. The split below is unchanged."
    )
    assert response.context["review"].forms[0]["answer"].value() == "My own words."
    assert RealRound.objects.count() == 0


def test_calibration_sets_a_peer_scorecard_beside_the_automatic_one(client, alice):
    from pmprep.web.loops.models import RoundScorecard
    from tests.web.conftest import looped

    loop = looped(alice)
    first = loop.rounds.get(order=1)
    for source, rater, ratings in [
        ("automatic", "pmprep", {"customer_obsession": 2, "job_awareness": 3, "culture_leadership": 3}),
        ("peer", "Priya", {"customer_obsession": 4, "job_awareness": 2, "culture_leadership": 3}),
    ]:
        RoundScorecard.objects.create(
            user=alice,
            loop=loop,
            loop_round=first,
            source=source,
            rater=rater,
            ratings=ratings,
            evidence={k: "heard it" for k in ratings},
            recommendation=3,
        )
    client.force_login(alice)
    doc = lxml.html.fromstring(client.get(reverse("plans:calibration")).content.decode())
    [section] = doc.xpath("//section[@aria-labelledby='peer-heading']")
    assert [" ".join(li.text_content().split()) for li in section.xpath(".//li")] == [
        "Peers rate your customer obsession 2.0 levels above pmprep's automatic scorecard (1 rating).",
        "Peers rate your job awareness 1.0 level below pmprep's automatic scorecard (1 rating).",
        "Peers rate your cultural fit and leadership level with pmprep's automatic scorecard (1 rating).",
    ]


def test_calibration_sets_a_real_rounds_readiness_beside_its_outcome(client, alice):
    from pmprep.web.practice.models import Attempt
    from tests.web.conftest import practised

    for question in ("beh-owned-end-to-end-what-to-build", "beh-class-project-end-to-end"):
        practised(alice, "It went badly.", question_id=question)
    Attempt.objects.update(created=dt.datetime(2026, 11, 10, 9, tzinfo=dt.UTC))
    client.force_login(alice)
    client.post(reverse("debrief:confirm"), {**ROUND, **_review([("Why Netflix?", "The memo.", False)])})
    real_round = RealRound.objects.get()
    client.post(reverse("debrief:outcome", args=[real_round.uid]), {"outcome": "rejected"})
    doc = lxml.html.fromstring(client.get(reverse("plans:calibration")).content.decode())
    [section] = doc.xpath("//section[@aria-labelledby='outcome-heading']")
    assert " ".join(section.xpath("p")[0].text_content().split()) == (
        "Practice readiness agreed with 1 of 1 real outcome."
    )
    rows = [[" ".join(c.text_content().split()) for c in tr.xpath("th|td")] for tr in section.xpath(".//tbody/tr")]
    assert rows == [["Hiring-manager behavioural interview, 19 Nov 2026", "Not ready", "Rejected", "Yes"]]
