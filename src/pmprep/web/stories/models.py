from __future__ import annotations

import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from pmprep.stories import StarStory, StoryError

# The core names list items "tags[3]"; a person reads "Tag 4".
_ITEM = re.compile(r"^(tags|kinds|competencies)\[(\d+)\]$")
_ITEM_NAMES = {"tags": "Tag", "kinds": "Kind", "competencies": "Competency"}
_SHOWN_CHARS = 60


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

    def clean_fields(self, exclude=None) -> None:
        """Django's field checks, then the core's rules, each problem on the field it names.

        The core's rules hold for every saved story: through the form (whose fields share these
        names), and through an import. A field Django already refused, or one ``exclude`` leaves
        out (a form field that failed its own check), is not reported twice.
        """
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
            self.as_story()
        except StoryError as exc:
            found: dict[str, list[str]] = {}
            for problem in exc.problems:
                name, message = self._explain(problem)
                found.setdefault(name, []).append(message)
            return found
        return {}

    def problem_text(self) -> str:
        return " ".join(m for messages in self.problems().values() for m in messages)

    def _explain(self, problem: str) -> tuple[str, str]:
        where, _, what = problem.partition(": ")
        what = what[:1].upper() + what[1:] + ("" if what.endswith(".") else ".")
        item = _ITEM.match(where)
        if item is None:
            return ("uid" if where == "id" else where), what
        name, index = item.group(1), int(item.group(2))
        value = getattr(self, name)[index]
        shown = value if isinstance(value, str) else repr(value)
        if len(shown) > _SHOWN_CHARS:
            shown = shown[: _SHOWN_CHARS - 1] + "…"
        return name, f"{_ITEM_NAMES[name]} {index + 1} (“{shown}”): {what[:1].lower()}{what[1:]}"

    def as_story(self) -> StarStory:
        return StarStory(
            id=str(self.uid),
            title=self.title,
            situation=self.situation,
            task=self.task,
            action=self.action,
            result=self.result,
            reflection=self.reflection,
            notes=self.notes,
            tags=self.tags,
            kinds=self.kinds,
            competencies=self.competencies,
        )
