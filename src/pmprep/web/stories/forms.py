from __future__ import annotations

from collections.abc import Sequence

from django import forms

from pmprep.stories import story_kinds
from pmprep.web.stories.models import Story
from pmprep.web.text_input import TextField

# Room for the core's 20 tags of 40 characters with their commas and spaces; the core counts them.
TAGS_TEXT_CHARS = 2_000


class StoryForm(forms.ModelForm):
    """A story as the user writes it. The core's rules run in ``Story.clean_fields`` (called by the
    form's own validation), so every problem the core finds lands on the field it names."""

    tags = forms.CharField(
        label="Tags",
        required=False,
        max_length=TAGS_TEXT_CHARS,
        help_text="Separate tags with commas, e.g. payments, 2024, team of 6.",
        error_messages={
            "max_length": "The tags are too long: at most %(limit_value)d characters (they have %(show_value)d)."
        },
    )
    kinds = forms.MultipleChoiceField(
        label="This story shows (optional; pmprep also infers kinds from what you write)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    competencies = forms.MultipleChoiceField(
        label="Competencies it shows (optional)", required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Story
        fields = [
            "title",
            "situation",
            "task",
            "action",
            "result",
            "reflection",
            "notes",
            "tags",
            "kinds",
            "competencies",
        ]
        labels = {
            "situation": "Situation",
            "task": "Task (your part)",
            "action": "Action (what you did)",
            "result": "Result (with numbers)",
            "reflection": "Reflection (what you learned)",
            "notes": "Notes (free text, not analysed)",
        }
        help_texts = {
            "situation": "Where and when, and what was at stake: two or three sentences.",
            "task": "What you owned, in the first person.",
            "action": "The steps you took and why; say “I”, not “we”.",
            "result": "What changed, with a number and a baseline.",
            "reflection": "What you would do differently, or now do every time.",
        }
        widgets = {
            f: forms.Textarea(attrs={"rows": 3})
            for f in ("situation", "task", "action", "result", "reflection", "notes")
        }
        field_classes = {f: TextField for f in ("situation", "task", "action", "result", "reflection", "notes")}

    def __init__(self, *args, competencies: Sequence[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kinds"].choices = [(k.id, k.name) for k in story_kinds().kinds.values()]  # type: ignore[attr-defined]  # a ChoiceField
        self.fields["competencies"].choices = list(competencies)  # type: ignore[attr-defined]  # a ChoiceField
        tags = self.instance.tags
        self.initial["tags"] = ", ".join(map(str, tags)) if isinstance(tags, list) else str(tags)

    def clean_tags(self) -> list[str]:
        return list(dict.fromkeys(t.strip() for t in self.cleaned_data["tags"].split(",") if t.strip()))


class RecallForm(forms.Form):
    CHOICES = [
        (1, "Again: I could not recall it"),
        (2, "Hard: with gaps"),
        (3, "Good: numbers and lesson"),
        (4, "Easy: word for word"),
    ]
    rating = forms.TypedChoiceField(
        label="How well did you recall it?",
        choices=CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how well you recalled the story."},
    )
