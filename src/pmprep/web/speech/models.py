from __future__ import annotations

import uuid
from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils import timezone

MB = 1024 * 1024


class RecordingQuerySet(models.QuerySet):
    def of(self, user) -> RecordingQuerySet:
        return self.filter(user=user)

    def used_bytes(self, user) -> int:
        """The space ``user``'s recordings take, in bytes."""
        return self.of(user).aggregate(total=models.Sum("size_bytes"))["total"] or 0


class Recording(models.Model):
    """One spoken answer: the audio as pmprep keeps it (16 kHz mono 16-bit WAV, in the database so that it is
    saved, backed up, exported and deleted with the rest of the user's data, in one transaction), what the
    recogniser heard in it, and the attempt its corrected transcript became."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recordings")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The question asked, as an Attempt keeps it.
    question_id = models.CharField(max_length=80, blank=True, default="")
    question_text = models.TextField()
    seconds_budget = models.PositiveIntegerField(null=True, blank=True)
    # Where the answer belongs: a mock loop's round, or a reply to a follow-up probe of an earlier attempt.
    loop_round = models.ForeignKey(
        "loops.LoopRound", null=True, blank=True, on_delete=models.SET_NULL, related_name="recordings"
    )
    reply_to = models.ForeignKey(
        "practice.Attempt", null=True, blank=True, on_delete=models.CASCADE, related_name="spoken_replies"
    )
    probe = models.TextField(blank=True, default="")
    # The pressure drill: a reply part points at the first part of the same exchange (the interviewer broke in
    # with ``probe``, chosen for ``probe_criterion``); it becomes a reply to that part's attempt when judged.
    follows = models.OneToOneField("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reply_part")
    probe_criterion = models.CharField(max_length=80, blank=True, default="")
    wav = models.BinaryField()
    size_bytes = models.PositiveIntegerField()
    duration_s = models.FloatField()
    # pmprep.speech's SpokenAnswer.to_dict(), with the transcript's word offsets under "spans".
    heard = models.JSONField()
    attempt = models.OneToOneField(
        "practice.Attempt", null=True, blank=True, on_delete=models.SET_NULL, related_name="recording"
    )
    created = models.DateTimeField(default=timezone.now)

    objects = RecordingQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-id"]

    @cached_property
    def words(self) -> list[dict]:
        return list(self.heard.get("words", []))

    @property
    def transcript(self) -> str:
        return str(self.heard.get("transcript", ""))

    @property
    def delivery(self) -> dict:
        return dict(self.heard.get("delivery", {}))

    @property
    def size_mb(self) -> float:
        return self.size_bytes / MB
