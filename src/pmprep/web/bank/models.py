from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class BookmarkQuerySet(models.QuerySet):
    def of(self, user) -> BookmarkQuerySet:
        return self.filter(user=user)


class Bookmark(models.Model):
    """A bank question the user marked to come back to; one per user and question."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks")
    # A stable identity that survives export and import (ids do not).
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # A bank question id; kept when the content no longer has it (the content may come back).
    question_id = models.CharField(max_length=80)
    created = models.DateTimeField(default=timezone.now)

    objects = BookmarkQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "question_id"], name="one_bookmark_per_question")]
