from __future__ import annotations

from django import forms

from pmprep.stories import story_kinds
from pmprep.web.stories.models import Story

MAX_TAGS = 20


class StoryForm(forms.ModelForm):
    tags_text = forms.CharField(label="Tags", required=False, max_length=400,
                                help_text="Separate tags with commas, e.g. payments, 2024, team of 6.")
    kinds = forms.MultipleChoiceField(
        label="This story shows (optional; pmprep also infers kinds from what you write)", required=False,
        widget=forms.CheckboxSelectMultiple)
    competencies = forms.MultipleChoiceField(label="Competencies it shows (optional)", required=False,
                                             widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Story
        fields = ["title", "situation", "task", "action", "result", "reflection", "notes"]
        labels = {"situation": "Situation", "task": "Task (your part)", "action": "Action (what you did)",
                  "result": "Result (with numbers)", "reflection": "Reflection (what you learned)",
                  "notes": "Notes (free text, not analysed)"}
        help_texts = {"situation": "Where and when, and what was at stake: two or three sentences.",
                      "task": "What you owned, in the first person.",
                      "action": "The steps you took and why; say “I”, not “we”.",
                      "result": "What changed, with a number and a baseline.",
                      "reflection": "What you would do differently, or now do every time."}
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in ("situation", "task", "action", "result",
                                                                  "reflection", "notes")}

    def __init__(self, *args, competencies: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kinds"].choices = [(k.id, k.name) for k in story_kinds().kinds.values()]
        self.fields["competencies"].choices = list(competencies)
        if self.instance.pk:
            self.fields["tags_text"].initial = ", ".join(self.instance.tags)
            self.fields["kinds"].initial = self.instance.kinds
            self.fields["competencies"].initial = self.instance.competencies

    def clean(self) -> dict:
        data = super().clean()
        tags = [t.strip() for t in (data.get("tags_text") or "").split(",") if t.strip()]
        if len(tags) > MAX_TAGS:
            self.add_error("tags_text", f"Use at most {MAX_TAGS} tags (found {len(tags)}).")
        data["tags"] = list(dict.fromkeys(tags))
        return data

    def save(self, commit: bool = True) -> Story:
        story = super().save(commit=False)
        story.tags = self.cleaned_data["tags"]
        story.kinds = self.cleaned_data["kinds"]
        story.competencies = self.cleaned_data["competencies"]
        if commit:
            story.save()
        return story


class RecallForm(forms.Form):
    CHOICES = [(1, "Again: I could not recall it"), (2, "Hard: with gaps"), (3, "Good: numbers and lesson"),
               (4, "Easy: word for word")]
    rating = forms.TypedChoiceField(label="How well did you recall it?", choices=CHOICES, coerce=int,
                                    widget=forms.RadioSelect,
                                    error_messages={"required": "Choose how well you recalled the story."})
