from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from pmprep.stories import Story as StoryValue
from pmprep.stories import StoryError


class Story(models.Model):
    """A STAR story in the user's bank (see pmprep.stories for the rules it is checked against)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stories")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=200)
    situation = models.TextField(max_length=5000, blank=True, default="")
    task = models.TextField(max_length=5000, blank=True, default="")
    action = models.TextField(max_length=5000, blank=True, default="")
    result = models.TextField(max_length=5000, blank=True, default="")
    reflection = models.TextField(max_length=5000, blank=True, default="")
    notes = models.TextField(max_length=5000, blank=True, default="")
    tags = models.JSONField(default=list, blank=True)
    kinds = models.JSONField(default=list, blank=True)  # kinds the user chose (others are inferred)
    competencies = models.JSONField(default=list, blank=True)  # competencies the user chose
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "id"]
        verbose_name_plural = "stories"

    def clean(self) -> None:
        # The core's rules hold for stored stories too, imported ones included.
        try:
            self.as_story()
        except (StoryError, TypeError) as exc:
            raise ValidationError("; ".join(getattr(exc, "problems", ()) or [str(exc)])) from None

    def as_story(self) -> StoryValue:
        return StoryValue(id=str(self.uid), title=self.title, situation=self.situation, task=self.task,
                          action=self.action, result=self.result, reflection=self.reflection, notes=self.notes,
                          tags=self.tags, kinds=self.kinds, competencies=self.competencies)
