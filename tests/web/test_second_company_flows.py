"""The second company folder (content/bigtech) end to end: a user who picks it gets its track, its bank, a drill
judged against its question, a mock loop of its rounds with pmprep's scorecard in its competencies, and its
committee's decision."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import escape

from pmprep.config import active_catalog, using_company
from pmprep.web.loops.models import LoopRound, MockLoop, RoundScorecard
from pmprep.web.practice.models import Attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def bigtech_user(client, alice):
    alice.company = "bigtech"
    alice.save()
    client.force_login(alice)
    return client


def _bigtech():
    with using_company("bigtech"):
        return active_catalog()


def test_the_profile_offers_bigtechs_tracks_and_the_loop_page_shows_its_rounds(bigtech_user, alice):
    page = bigtech_user.get(reverse("accounts:profile")).content.decode()
    assert "Bigtech" in page and 'value="senior"' in page and 'value="early_in"' not in page
    response = bigtech_user.post(reverse("accounts:profile"), {"track": "senior", "interview_date": ""})
    assert response.status_code == 302 and response["Location"] == reverse("bank:loop", args=["senior"])
    loop = bigtech_user.get(response["Location"]).content.decode()
    assert all(r.name in loop for r in _bigtech().rounds_for("senior"))


def test_choosing_bigtech_clears_a_netflix_track(client, alice):
    alice.track = "early_in"
    alice.save()
    client.force_login(alice)
    client.post(reverse("accounts:profile"), {"company": "bigtech"})
    alice.refresh_from_db()
    assert (alice.company, alice.track) == ("bigtech", "")


def test_the_bank_is_bigtechs_and_a_drill_is_judged_against_its_question(bigtech_user, alice):
    catalog = _bigtech()
    own = bigtech_user.get(reverse("bank:question", args=["bt-beh-fixed-date-launch-cuts"]))
    assert (
        own.status_code == 200
        and escape(catalog.questions["bt-beh-fixed-date-launch-cuts"].text) in own.content.decode()
    )
    assert bigtech_user.get(reverse("bank:question", args=["beh-owned-end-to-end-what-to-build"])).status_code == 404
    strong = catalog.strong_answers["bt-pd-marketplace-first-sale"]
    question = catalog.questions["bt-pd-marketplace-first-sale"]
    response = bigtech_user.post(
        reverse("practice:answer"),
        {"question_id": question.id, "question_text": question.text, "answer": strong.answer},
    )
    assert response.status_code == 302
    attempt = Attempt.objects.get(user=alice)
    assert (attempt.question_id, attempt.question_type) == (question.id, "product_design")
    assert attempt.level >= 3 and not any(n.startswith("This does not answer") for n in attempt.analysed.notes)
    page = bigtech_user.get(response["Location"]).content.decode()
    assert f"{attempt.analysed.points}/100" in page  # the score as the page rounds it (half up)


def test_a_mock_loop_runs_bigtechs_rounds_and_its_committee_decides(bigtech_user, alice):
    catalog = _bigtech()
    bigtech_user.post(reverse("loops:start"), {"track": "senior"})
    loop = MockLoop.objects.get(user=alice)
    rounds = list(loop.rounds.order_by("order"))
    assert [r.round_id for r in rounds] == [r.id for r in catalog.rounds_for("senior") if not r.optional]
    assert [r.round_id for r in rounds if r.is_case] == ["sr_case_presentation"]

    first = rounds[0]
    bigtech_user.post(reverse("loops:clock", args=[loop.uid, first.order]), {"action": "start"})
    qid = first.question_ids[0]
    strong = catalog.strong_answers.get(qid)
    answer = strong.answer if strong else catalog.strong_answers["bt-beh-first-thing-you-owned"].answer
    bigtech_user.post(reverse("loops:answer", args=[loop.uid, first.order]), {"question_id": qid, "answer": answer})
    bigtech_user.post(reverse("loops:finish", args=[loop.uid, first.order]))
    card = RoundScorecard.objects.get(user=alice, source="automatic")
    assert card.ratings and set(card.ratings) <= set(catalog.dimensions) | set(catalog.components)

    LoopRound.objects.filter(loop=loop).update(status="done")
    page = bigtech_user.get(reverse("loops:committee", args=[loop.uid])).content.decode()
    assert "Decision:" in page
    for competency in catalog.committee["senior"].must_pass:
        assert catalog.competency_name(competency) in page
