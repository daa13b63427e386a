"""What the user keeps for a loop's interview week: swaps of the portfolio, interviewer names, questions to ask.

Each belongs to a mock loop, or (``loop`` empty) to the real loop of ``track`` as planned for the interview
date. Only what the user typed is kept about an interviewer: the name in a slot of the loop, nothing else.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from pmprep.interview_week import MAX_QUESTION_CHARS, Swap
from pmprep.web.loops.models import MockLoop
from pmprep.web.stories.models import Story

MAX_NAME_CHARS = 80


class PortfolioSwap(models.Model):
    """One swap the user made on a loop's portfolio, applied in the order made."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portfolio_swaps")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    loop = models.ForeignKey(MockLoop, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    track = models.CharField(max_length=40)
    round_id = models.CharField(max_length=80)
    interviewer_key = models.CharField(max_length=120)
    story = models.ForeignKey(Story, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    replaces = models.ForeignKey(Story, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created", "id"]

    def as_swap(self) -> Swap:
        return Swap(
            self.round_id,
            self.interviewer_key,
            str(self.story.uid) if self.story else None,
            str(self.replaces.uid) if self.replaces else None,
        )


class InterviewerName(models.Model):
    """The name the user typed for one interviewer slot of a loop ("<round id>/<role id>")."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interviewer_names")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    loop = models.ForeignKey(MockLoop, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    track = models.CharField(max_length=40)
    slot = models.CharField(max_length=120)
    name = models.CharField(max_length=MAX_NAME_CHARS)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["slot", "id"]


class AskedQuestion(models.Model):
    """A question the user means to ask in one round: picked from the shipped ones or written."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="asked_questions")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    loop = models.ForeignKey(MockLoop, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    track = models.CharField(max_length=40)
    round_id = models.CharField(max_length=80)
    text = models.TextField(max_length=MAX_QUESTION_CHARS)
    shipped = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField(default=0)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "id"]
