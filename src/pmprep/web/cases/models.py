from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from pmprep.cases import Deck, DeckError


class CaseDeck(models.Model):
    """A case presentation being built: the prompt and the nine sections (see pmprep.cases)."""

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

    def clean_fields(self, exclude=None) -> None:
        """Django's field checks, then the core's rules (for an import too), each on its field; a
        field Django already refused, or one ``exclude`` leaves out, is not reported twice."""
        errors: dict[str, list] = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        skipped = {*(exclude or ()), *errors}
        for name, messages in self.problems().items():
            if name not in skipped:
                errors.setdefault(name, []).extend(messages)
        if errors:
            raise ValidationError(errors)

    def problems(self) -> dict[str, list[str]]:
        """What the core refuses in this row, in plain words by model field; empty when it builds."""
        try:
            self.as_deck()
        except DeckError as exc:
            found: dict[str, list[str]] = {}
            for where, message in exc.explained():
                name = where if where in ("title", "prompt", "question_id") else "sections"
                found.setdefault(name, []).append(message)
            return found
        return {}

    def problem_text(self) -> str:
        return " ".join(m for messages in self.problems().values() for m in messages)

    def readable(self) -> Deck | None:
        """The deck, or None when the core refuses the stored row (saved under older rules, or imported)."""
        try:
            return self.as_deck()
        except DeckError:
            return None

    def as_deck(self) -> Deck:
        return Deck(
            title=self.title, prompt=self.prompt, sections=self.sections or {}, question_id=self.question_id or None
        )
