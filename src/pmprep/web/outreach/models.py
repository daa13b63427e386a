from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class Contact(models.Model):
    """A research note from a conversation with someone at the company: who, what was learned and
    which round it prepares. Deliberately no field for referrals or "helping me get in"."""

    CHANNELS = [
        ("chat", "Coffee chat"),
        ("call", "Call"),
        ("email", "Email or message"),
        ("event", "Event or talk"),
        ("other", "Other"),
    ]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contacts")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=80)
    role = models.CharField(max_length=120, blank=True, default="")  # their team or role
    channel = models.CharField(max_length=10, choices=CHANNELS, default="chat")
    met_on = models.DateField(null=True, blank=True)
    question = models.TextField(max_length=2000, blank=True, default="")  # the one precise question asked
    learned = models.TextField(max_length=5000)
    round_id = models.CharField(max_length=80, blank=True, default="")  # the round it helps prepare
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-met_on", "-created", "-id"]
