from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class StudyPlan(models.Model):
    """The user's dated prep plan: its inputs and the plan as last generated (pmprep.plans)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_plans")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    track = models.CharField(max_length=40)
    hours_per_week = models.FloatField()
    interview_date = models.DateField(null=True, blank=True)
    data = models.JSONField()  # Plan.to_dict(): weeks, tasks (done and moved ones included), milestones
    # The private calendar feed: whoever has the token can read the plan's dates; None when off.
    feed_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated", "-id"]
        constraints = [models.UniqueConstraint(fields=["user"], name="one_plan_per_user")]

    def clean(self) -> None:
        from pmprep.plans import Plan

        try:
            Plan.from_dict(self.data)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValidationError(f"data: not a pmprep plan ({type(exc).__name__}: {exc})") from None

    def new_feed_token(self) -> str:
        self.feed_token = secrets.token_urlsafe(32)
        return self.feed_token


class SelfCheckAnswers(models.Model):
    """The three self-check answers (goal and why, target industry, a structured plan)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_checks")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    goal = models.TextField(max_length=2000, blank=True, default="")
    industry = models.TextField(max_length=500, blank=True, default="")
    has_plan = models.BooleanField(default=False)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user"], name="one_self_check_per_user")]
