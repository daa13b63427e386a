"""The one way an answer is recorded: a drill, a mock loop's round, a follow-up reply and the case panel's Q&A.

Each is analysed outside any transaction (the analyzer runs in the text workers and may take a moment),
then kept in one transaction: the attempt, the draft it replaces, and the review it schedules. An answer
that cannot be analysed raises before anything is written, so nothing changes.

Raises :class:`pmprep.analysis.AnswerTooLong` or ``ValueError`` for what cannot be analysed, and
:class:`pmprep.web.text_workers.TextWorkError` when it could not be worked out in time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from pmprep.analysis import Feedback, Probe, analyze
from pmprep.analysis.follow_up import SEPARATOR, reply_to_probe
from pmprep.bank.schema import Question
from pmprep.config import active_catalog
from pmprep.web import text_workers
from pmprep.web.practice import queue
from pmprep.web.practice.models import Attempt, Draft


@dataclass(frozen=True)
class Asked:
    """The question an answer is to, resolved once: a bank (or overlay) question, or the user's own text."""

    question: Question | None
    text: str

    @classmethod
    def of(cls, question_id: str, text: str = "") -> Asked:
        """The bank question ``question_id`` when the content has it, else the user's own ``text``."""
        found = active_catalog().questions.get(question_id) if question_id else None
        return cls(found, found.text if found else text)

    @property
    def id(self) -> str:
        return self.question.id if self.question else ""


def record_answer(
    user,
    asked: Asked,
    answer: str,
    *,
    budget: int | None,
    seconds_taken: int | None,
    question_type: str | None = None,
    shape: str | None = None,
    loop_round=None,
    created: datetime | None = None,
) -> Attempt:
    """Analyse a first answer against its budget and keep it: the attempt, the draft it replaces and the
    review of its question, in one transaction."""
    fb = text_workers.run_when_free(
        analyze, asked.question or asked.text, answer, seconds=budget, question_type=question_type, shape=shape
    )
    with transaction.atomic():
        attempt = Attempt.objects.create(
            user=user,
            question_id=asked.id,
            question_text=asked.text,
            question_type=fb.question_type,
            answer=answer,
            seconds_budget=budget,
            seconds_taken=seconds_taken,
            score=fb.score,
            level=fb.level,
            feedback=fb.to_dict(),
            loop_round=loop_round,
            created=created or timezone.now(),
        )
        Draft.objects.filter(user=user, question_id=asked.id).delete()
        queue.record_attempt(attempt)
    return attempt


def record_replies(
    chain: Sequence[Attempt],
    replies: Sequence[tuple[Probe, str, int | None]],
    *,
    loop_round=None,
    created: datetime | None = None,
) -> list[Attempt]:
    """Judge each (probe, reply, seconds taken) with the conversation so far (``chain``: the first answer,
    then each reply already given), and keep them all in one transaction, in order."""
    root = chain[0]
    asked = Asked.of(root.question_id, root.question_text)
    when = created or timezone.now()
    made: list[Attempt] = []
    conversation = list(chain)
    for probe, reply, seconds_taken in replies:
        said = SEPARATOR.join(a.answer for a in conversation)
        result = text_workers.run_when_free(
            reply_to_probe, asked.question or asked.text, said, conversation[-1].analysed, probe, reply
        )
        child = _reply(conversation[-1], probe, reply, seconds_taken, result.feedback, loop_round, when)
        conversation.append(child)
        made.append(child)
    with transaction.atomic():
        for child in made:  # in order, so each parent is saved before the reply that points at it
            child.save()
    return made


def _reply(
    parent: Attempt,
    probe: Probe,
    reply: str,
    seconds_taken: int | None,
    feedback: Feedback,
    loop_round,
    created: datetime,
) -> Attempt:
    return Attempt(
        user=parent.user,
        question_id="",
        question_text=probe.text,
        question_type=parent.question_type,
        answer=reply,
        seconds_taken=seconds_taken,
        score=feedback.score,
        level=feedback.level,
        feedback=feedback.to_dict(),
        parent=parent,
        probe=probe.text,
        probe_criterion=probe.criterion or "",
        loop_round=loop_round,
        created=created,
    )
