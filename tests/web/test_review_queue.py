"""The review queue in the app: practised questions come back when FSRS says, squeezed before the interview."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from pmprep.web.practice.models import ReviewCard
from pmprep.web.practice.queue import record_attempt, record_self_rating
from pmprep.web.review.due import due_today
from tests.web.conftest import practised

pytestmark = pytest.mark.django_db
DAY1 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
GOOD = (
    "Last spring I led onboarding for a budgeting app with 40,000 monthly users. Interviews showed people quit "
    "at bank linking, so I cut two steps and tested it against the old flow for three weeks. Completion rose "
    "from 52% to 61%. I decided to ship it to everyone, accepting a month's delay on reports. I learned to "
    "test the riskiest step first, and I did that on the next project."
)


@pytest.fixture
def bank_q(catalog):
    return next(q for q in catalog.questions.values() if q.type == "behavioral")


def _practise(user, question, answer=GOOD, when=DAY1):
    with time_machine.travel(when, tick=False):
        attempt = practised(user, answer, question_id=question.id, question=question.text)
        record_attempt(attempt)
    return attempt


def test_answering_a_bank_question_puts_it_in_the_queue_with_an_fsrs_due_date(alice, bank_q):
    attempt = _practise(alice, bank_q)
    card = ReviewCard.objects.get(user=alice)
    assert (card.kind, card.key, card.reviews, card.last_attempt) == ("question", bank_q.id, 1, attempt)
    # FSRS-6 defaults, fuzzing off: a first Good review is due again after ten minutes, Poor after one.
    expected = {
        1: DAY1 + dt.timedelta(minutes=1),
        2: DAY1 + dt.timedelta(minutes=6),
        3: DAY1 + dt.timedelta(minutes=10),
        4: None,
    }[attempt.level]
    if expected:
        assert card.due == expected
    else:
        assert card.due > DAY1 + dt.timedelta(days=1)


def test_own_questions_and_follow_ups_do_not_join_the_queue(alice):
    attempt = practised(alice, GOOD, question="My own question?")
    assert record_attempt(attempt) is None and not ReviewCard.objects.exists()


def test_a_lower_self_rating_redoes_the_review_with_the_lower_rating(alice, bank_q):
    attempt = _practise(alice, bank_q)
    before = ReviewCard.objects.get().due
    attempt.self_ratings = {c["id"]: 1 for c in attempt.feedback["criteria"]}
    attempt.save()
    record_self_rating(attempt)
    card = ReviewCard.objects.get()
    assert card.due == DAY1 + dt.timedelta(minutes=1) and card.due <= before and card.reviews == 1


def test_today_shows_what_is_due_with_counts_by_round(client, alice, bank_q, catalog):
    _practise(alice, bank_q)
    client.force_login(alice)
    with time_machine.travel(DAY1 + dt.timedelta(days=1), tick=False):
        plan = due_today(alice)
        html = client.get(reverse("review:today")).content.decode()
    assert [i.key for i in plan.items] == [bank_q.id]
    assert plan.by_round == {r: 1 for r in sorted(bank_q.rounds)}
    assert "<strong>1</strong> to review today, 1 overdue" in html
    for r in bank_q.rounds:
        assert catalog.rounds[r].name in html
    start = client.get(reverse("review:start") + "?due=1")
    assert start["Location"] == reverse("practice:answer") + f"?question={bank_q.id}"


def test_the_interview_date_squeezes_later_reviews_forward(alice, catalog):
    questions = [q for q in catalog.questions.values() if q.type == "metrics"][:4]
    for q in questions:
        _practise(alice, q)
    far = DAY1 + dt.timedelta(days=400)
    ReviewCard.objects.update(due=far)  # as if every card were well learnt
    with time_machine.travel(DAY1 + dt.timedelta(days=1), tick=False):
        assert due_today(alice).items == ()
        alice.interview_date = dt.date(2026, 11, 5)  # two days left
        assert len(due_today(alice).items) == 2 and due_today(alice).squeezed == 2


def test_nothing_due_says_so_and_start_from_due_explains(client, alice):
    client.force_login(alice)
    html = client.get(reverse("review:today")).content.decode()
    assert "Nothing is due today. Answer a question and it joins your review queue." in html
    response = client.get(reverse("review:start") + "?due=1", follow=True)
    assert "Nothing is due for review today." in response.content.decode()


def test_start_from_a_round_or_competency_opens_a_fitting_question(client, alice, catalog):
    client.force_login(alice)
    response = client.get(reverse("review:start") + "?round=ei_technical_deep_dive")
    qid = response["Location"].split("question=")[1]
    assert "ei_technical_deep_dive" in catalog.questions[qid].rounds
    again = client.get(reverse("review:start") + "?round=ei_technical_deep_dive")
    assert again["Location"] == response["Location"]  # stable for the day
    by_comp = client.get(reverse("review:start") + "?competency=data_literacy")
    assert by_comp.status_code == 302 and "question=" in by_comp["Location"]


def test_start_with_an_unknown_round_says_what_was_expected(client, alice):
    client.force_login(alice)
    response = client.get(reverse("review:start") + "?round=nope", follow=True)
    assert "unknown round &#x27;nope&#x27;; expected one of:" in response.content.decode()


def test_submitting_through_the_page_schedules_the_question(client, alice, bank_q):
    client.force_login(alice)
    client.post(reverse("practice:answer"), {"question_id": bank_q.id, "question_text": bank_q.text, "answer": GOOD})
    assert ReviewCard.objects.get(user=alice).key == bank_q.id


def test_review_cards_survive_export_and_import_with_their_attempt(alice, bank_q):
    from pmprep.web import portability
    from pmprep.web.practice.models import Attempt

    attempt = _practise(alice, bank_q)
    document = portability.export_user(alice)
    assert document["data"]["review_cards"][0]["last_attempt"] == str(attempt.uid)
    ReviewCard.objects.all().delete()
    Attempt.objects.all().delete()
    alice.delete()
    owner, summary = portability.import_document(document, "alice.json")
    assert {k: n for k, n in summary.created.items() if n} == {"attempts": 1, "review_cards": 1}
    assert portability.export_user(owner)["data"] == document["data"]
    assert ReviewCard.objects.get().last_attempt.answer == GOOD
