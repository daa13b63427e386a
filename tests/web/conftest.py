from __future__ import annotations

import pytest
from django.utils import timezone

from pmprep.analysis import analyze
from pmprep.web.accounts.models import User
from pmprep.web.practice.models import Attempt, Draft

PASSWORD = "correct horse battery"


@pytest.fixture
def alice(db):
    return User.objects.create_user("alice", password=PASSWORD, track="early_in")


@pytest.fixture
def bob(db):
    return User.objects.create_user("bob", password=PASSWORD, track="experienced")


def practised(
    user: User, answer: str, question_id: str = "", question: str = "Tell me about a launch you led."
) -> Attempt:
    """An attempt stored as the practice view stores one: the real analyzer's feedback."""
    fb = analyze(question_id or question, answer, seconds=300)
    return Attempt.objects.create(
        user=user,
        question_id=question_id,
        question_text=question,
        question_type=fb.question_type,
        answer=answer,
        seconds_budget=300,
        seconds_taken=120,
        score=fb.score,
        level=fb.level,
        feedback=fb.to_dict(),
    )


def drafted(user: User, answer: str, question_id: str = "") -> Draft:
    return Draft.objects.create(
        user=user,
        question_id=question_id,
        question_text="" if question_id else "My own question",
        answer=answer,
        seconds_taken=42,
        revision=3,
        updated=timezone.now(),
    )


def looped(user: User, track: str = "early_in", now=None):
    """A mock loop planned as the "Run my loop" button plans one."""
    from pmprep.config import active_catalog
    from pmprep.web.loops.rounds import start_loop

    return start_loop(user, active_catalog(), track, now or timezone.now())
