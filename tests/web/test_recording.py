"""The one way an answer is recorded: analysed first, then the attempt, its draft and its review kept together;
what cannot be analysed changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from pmprep.analysis import AnswerTooLong, Probe
from pmprep.analysis.analyzer import MAX_ANSWER_CHARS
from pmprep.config import active_catalog
from pmprep.web.practice.models import Attempt, Draft, ReviewCard
from pmprep.web.practice.recording import Asked, record_answer, record_replies
from tests.web.conftest import drafted

pytestmark = pytest.mark.django_db
WHEN = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
ANSWER = (
    "At a grocery app I owned checkout. Card failures were 4% of orders, so I led a fix with two engineers: "
    "we retried soft declines once after 2 seconds. Failures fell to 2.5% in six weeks and I wrote up what "
    "I would do differently: involve support from day one."
)


def _question_id() -> str:
    return next(q.id for q in active_catalog().questions.values() if q.type == "behavioral")


def test_a_first_answer_is_kept_with_its_review_and_its_draft_is_gone(alice):
    qid = _question_id()
    drafted(alice, "half a thought", qid)
    attempt = record_answer(alice, Asked.of(qid), ANSWER, budget=120, seconds_taken=90, created=WHEN)
    assert (attempt.question_id, attempt.seconds_budget, attempt.seconds_taken, attempt.created) == (qid, 120, 90, WHEN)
    assert attempt.analysed.score == attempt.score and attempt.analysed.question_type == "behavioral"
    assert not Draft.objects.filter(user=alice, question_id=qid).exists()
    card = ReviewCard.objects.get(user=alice, key=qid)
    assert (card.reviews, card.last_attempt_id) == (1, attempt.pk)


def test_an_own_question_is_kept_as_typed_and_schedules_no_review(alice):
    attempt = record_answer(
        alice, Asked.of("", "Tell me about a time you fixed checkout."), ANSWER, budget=None, seconds_taken=None
    )
    assert (attempt.question_id, attempt.question_text) == ("", "Tell me about a time you fixed checkout.")
    assert not ReviewCard.objects.filter(user=alice).exists()


def test_an_answer_that_cannot_be_analysed_changes_nothing(alice):
    qid = _question_id()
    drafted(alice, "half a thought", qid)
    with pytest.raises(AnswerTooLong):
        record_answer(alice, Asked.of(qid), "x" * (MAX_ANSWER_CHARS + 1), budget=120, seconds_taken=None)
    assert not Attempt.objects.exists() and not ReviewCard.objects.exists()
    assert Draft.objects.get(user=alice, question_id=qid).answer == "half a thought"


def test_replies_are_judged_with_the_conversation_and_kept_in_order(alice):
    first = record_answer(alice, Asked.of(_question_id()), ANSWER, budget=120, seconds_taken=None)
    probes = [
        Probe("What would you do differently?", "reflection", "Reflection: level 2"),
        Probe("Who disagreed with you?", None, "a follow-up this question often gets"),
    ]
    made = record_replies(
        [first],
        [
            (probes[0], "I would bring support in from the first week.", 30),
            (probes[1], "Finance did, because retries cost fees; we capped them at one.", 40),
        ],
    )
    assert [(a.parent_id, a.probe, a.probe_criterion, a.seconds_taken) for a in made] == [
        (first.pk, "What would you do differently?", "reflection", 30),
        (made[0].pk, "Who disagreed with you?", "", 40),
    ]
    assert made[0].analysed.follow_up.criterion == "reflection"


def test_when_one_reply_cannot_be_analysed_none_of_them_is_kept(alice):
    first = record_answer(alice, Asked.of(_question_id()), ANSWER, budget=120, seconds_taken=None)
    probe = Probe("What would you do differently?", "reflection", "Reflection: level 2")
    with pytest.raises(ValueError, match="Write a reply to the follow-up question."):
        record_replies([first], [(probe, "I would bring support in from the first week.", None), (probe, "  ", None)])
    assert list(Attempt.objects.values_list("pk", flat=True)) == [first.pk]
