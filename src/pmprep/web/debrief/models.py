from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from pmprep.analysis import Feedback
from pmprep.debrief.calibration import OUTCOMES


class RealRound(models.Model):
    """A real interview round as the user recorded it. Nothing about the interviewer is kept beyond the role
    the user typed: a transcript's speaker names are never stored."""

    NOTES, TRANSCRIPT = "notes", "transcript"
    SOURCES = [(NOTES, "Typed from memory"), (TRANSCRIPT, "From a transcript")]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="real_rounds")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    round_id = models.CharField(max_length=80, blank=True, default="")  # blank: a round not in the catalog
    round_name = models.CharField(max_length=120, blank=True, default="")  # for "other"
    held_on = models.DateField()
    interviewer_role = models.CharField(max_length=120, blank=True, default="")
    self_ratings = models.JSONField(default=dict, blank=True)  # criterion id -> 1..4
    went_well = models.TextField(max_length=5000, blank=True, default="")
    surprised = models.TextField(max_length=5000, blank=True, default="")
    source = models.CharField(max_length=12, choices=SOURCES, default=NOTES)
    outcome = models.CharField(max_length=10, choices=list(OUTCOMES.items()), default="waiting")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-created", "-id"]


class RealExchange(models.Model):
    """One question of a real round and the answer given (or its summary), with the analyzer's feedback."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="real_exchanges")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    real_round = models.ForeignKey(RealRound, on_delete=models.CASCADE, related_name="exchanges")
    order = models.PositiveSmallIntegerField()
    question = models.TextField()
    answer = models.TextField()
    question_type = models.CharField(max_length=20)
    competencies = models.JSONField(default=list, blank=True)
    level = models.PositiveSmallIntegerField()
    score = models.FloatField()
    feedback = models.JSONField()  # Feedback.to_dict()
    fillers = models.JSONField(default=list, blank=True)
    rambling = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["real_round", "order"]
        constraints = [models.UniqueConstraint(fields=["real_round", "order"], name="debrief_exchange_order")]

    @property
    def analysed(self) -> Feedback:
        return Feedback.from_dict(self.feedback)
