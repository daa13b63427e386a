"""Deleting one answer, after a confirmation: it goes from everywhere, its follow-ups and review too."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from pmprep.analysis import analyze
from pmprep.web.practice.models import Attempt, ReviewCard
from pmprep.web.practice.queue import record_attempt, record_self_rating
from tests.web.conftest import looped, practised

pytestmark = pytest.mark.django_db
DAY1 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
WEAK = "I would probably look at some data and talk to people about it and then decide what to do next."
GOOD = (
    "Last spring I led onboarding for a budgeting app with 40,000 monthly users. Interviews showed people quit "
    "at bank linking, so I cut two steps and tested it against the old flow for three weeks. Completion rose "
    "from 52% to 61%. I decided to ship it to everyone, accepting a month's delay on reports. I learned to "
    "test the riskiest step first, and I did that on the next project."
)
MISPASTE = "PASTED BY MISTAKE " * 50


@pytest.fixture
def bank_q(catalog):
    return next(q for q in catalog.questions.values() if q.type == "behavioral")


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


def _practise(user, question, answer, when):
    with time_machine.travel(when, tick=False):
        attempt = practised(user, answer, question_id=question.id, question=question.text)
        record_attempt(attempt)
    return attempt


def _reply(parent: Attempt, text: str) -> Attempt:
    return Attempt.objects.create(
        user=parent.user,
        question_text="How would you know it worked?",
        question_type=parent.question_type,
        answer=text,
        score=10,
        level=1,
        feedback=parent.feedback,
        parent=parent,
        probe="How would you know it worked?",
    )


def _card(user):
    card = ReviewCard.objects.get(user=user)
    return card.card, card.due, card.reviews, card.last_attempt_id


def test_the_page_asks_first_and_names_what_goes_with_it(signed_in, alice, bank_q):
    attempt = _practise(alice, bank_q, MISPASTE, DAY1)
    _reply(attempt, "By retention.")
    page = signed_in.get(reverse("practice:delete_attempt", args=[attempt.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and "Delete this answer?" in text
    assert "Its 1 follow-up reply goes with it" in text and "How would you know it worked?" in text
    assert Attempt.objects.count() == 2  # nothing is deleted by looking
    assert (
        reverse("practice:delete_attempt", args=[attempt.pk])
        in signed_in.get(reverse("practice:attempt", args=[attempt.pk])).content.decode()
    )


def test_deleting_removes_the_answer_its_replies_and_reworks_the_review_from_what_is_left(signed_in, alice, bank_q):
    first = _practise(alice, bank_q, GOOD, DAY1)
    first.self_ratings = {c["id"]: 1 for c in first.feedback["criteria"]}
    first.save()
    record_self_rating(first)
    alone = _card(alice)
    mistake = _practise(alice, bank_q, MISPASTE, DAY1 + dt.timedelta(days=1))
    _reply(mistake, "A reply to the mis-paste.")
    assert _card(alice) != alone
    response = signed_in.post(reverse("practice:delete_attempt", args=[mistake.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("practice:attempts")
    assert list(Attempt.objects.all()) == [first]
    # The card is exactly what it was before the mis-paste: one review, the first answer's, self-rated.
    assert _card(alice) == alone
    followed = signed_in.get(response["Location"])
    assert "Deleted your answer and 1 follow-up reply." in followed.content.decode()
    for name in ("review:today", "practice:attempts", "progress:index", "plans:readiness", "home"):
        assert "PASTED BY MISTAKE" not in signed_in.get(reverse(name)).content.decode()
    assert "PASTED BY MISTAKE" not in signed_in.get(reverse("portability:export")).content.decode()


def test_deleting_the_only_answer_takes_the_question_out_of_the_queue(signed_in, alice, bank_q):
    attempt = _practise(alice, bank_q, MISPASTE, DAY1)
    signed_in.post(reverse("practice:delete_attempt", args=[attempt.pk]))
    assert not Attempt.objects.exists() and not ReviewCard.objects.exists()


def test_deleting_a_reply_keeps_the_answer_and_its_review(signed_in, alice, bank_q):
    attempt = _practise(alice, bank_q, GOOD, DAY1)
    before = _card(alice)
    reply = _reply(attempt, "A reply I regret.")
    signed_in.post(reverse("practice:delete_attempt", args=[reply.pk]))
    assert list(Attempt.objects.all()) == [attempt] and _card(alice) == before


def test_an_answer_inside_a_mock_loop_is_kept_and_the_page_says_why(signed_in, alice, catalog):
    loop = looped(alice)
    r = loop.rounds.order_by("order").first()
    fb = analyze(catalog.questions[r.question_ids[0]], GOOD)
    attempt = Attempt.objects.create(
        user=alice,
        question_id=r.question_ids[0],
        question_text="Q",
        question_type=fb.question_type,
        answer=GOOD,
        score=fb.score,
        level=fb.level,
        feedback=fb.to_dict(),
        loop_round=r,
    )
    response = signed_in.post(reverse("practice:delete_attempt", args=[attempt.pk]))
    assert response.status_code == 409 and "Delete the whole loop" in response.content.decode()
    assert Attempt.objects.filter(pk=attempt.pk).exists()


def test_nobody_else_can_see_or_delete_it(client, alice, bob, bank_q):
    attempt = _practise(alice, bank_q, GOOD, DAY1)
    client.force_login(bob)
    assert client.get(reverse("practice:delete_attempt", args=[attempt.pk])).status_code == 404
    assert client.post(reverse("practice:delete_attempt", args=[attempt.pk])).status_code == 404
    assert Attempt.objects.filter(pk=attempt.pk).exists()
