from __future__ import annotations

from django import forms

from pmprep.config import active_catalog
from pmprep.web.date_input import DateField, InterviewDateField
from pmprep.web.plans.models import SelfCheckAnswers

HOURS = "Give the hours a week as a number from 1 to 60, for example 8."


class PlanForm(forms.Form):
    track = forms.ChoiceField(label="Track", widget=forms.RadioSelect)
    # FloatField refuses NaN and infinities as "invalid"; the message says what is wanted instead.
    hours_per_week = forms.FloatField(
        label="Hours a week you can give",
        min_value=1,
        max_value=60,
        initial=8,
        help_text="Between 1 and 60.",
        error_messages={"invalid": HOURS, "required": HOURS, "min_value": HOURS, "max_value": HOURS},
    )
    interview_date = InterviewDateField(
        label="Interview date",
        required=False,
        help_text="Required for the experienced track. Early-in: leave empty to aim at the start of interview season.",
    )

    def __init__(self, tracks: list[tuple[str, str]], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["track"].choices = tracks  # type: ignore[attr-defined]  # a ChoiceField


class MoveForm(forms.Form):
    key = forms.CharField(max_length=200)
    on = DateField(label="Move to", error_messages={"required": "Choose the day to move the task to."})


class SelfCheckForm(forms.ModelForm):
    class Meta:
        model = SelfCheckAnswers
        fields = ["goal", "industry", "has_plan"]
        labels = {
            "goal": "What is your career goal, and why this role?",
            "industry": "Which industry are you targeting, and what do you follow in it?",
            "has_plan": "I have a structured preparation plan",
        }
        widgets = {"goal": forms.Textarea(attrs={"rows": 3}), "industry": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        company = active_catalog().company.name
        self.fields["goal"].label = f"What is your career goal, and why this role at {company}?"
