from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from pmprep.casedeck import Deck, DeckError


class CaseDeck(models.Model):
    """A case presentation being built: the prompt and the nine sections (see pmprep.casedeck)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_decks")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=120)
    prompt = models.TextField(max_length=4000)
    question_id = models.CharField(max_length=80, blank=True, default="")  # the bank case it started from
    sections = models.JSONField(default=dict, blank=True)  # section id -> text
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated", "-id"]

    def clean(self) -> None:
        # The core's rules hold for stored decks too, imported ones included.
        try:
            self.as_deck()
        except (DeckError, TypeError) as exc:
            raise ValidationError("; ".join(getattr(exc, "problems", ()) or [str(exc)])) from None

    def as_deck(self) -> Deck:
        return Deck(title=self.title, prompt=self.prompt, sections=self.sections or {},
                    question_id=self.question_id or None)
