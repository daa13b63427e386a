from __future__ import annotations

from django import forms

from pmprep.web.plans.models import SelfCheckAnswers


class PlanForm(forms.Form):
    track = forms.ChoiceField(label="Track", widget=forms.RadioSelect)
    hours_per_week = forms.FloatField(label="Hours a week you can give", min_value=1, max_value=60, initial=8,
                                      help_text="Between 1 and 60.")
    interview_date = forms.DateField(label="Interview date", required=False,
                                     widget=forms.DateInput(attrs={"type": "date"}),
                                     help_text="Required for the experienced track. Early-in: leave empty to aim at "
                                               "the start of interview season.")

    def __init__(self, tracks: list[tuple[str, str]], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["track"].choices = tracks


class MoveForm(forms.Form):
    key = forms.CharField(max_length=200)
    on = forms.DateField(label="Move to", widget=forms.DateInput(attrs={"type": "date"}),
                         error_messages={"required": "Choose the day to move the task to.",
                                         "invalid": "Enter a date like 2026-11-30."})


class SelfCheckForm(forms.ModelForm):
    class Meta:
        model = SelfCheckAnswers
        fields = ["goal", "industry", "has_plan"]
        labels = {"goal": "What is your career goal, and why this role at Netflix?",
                  "industry": "Which industry are you targeting, and what do you follow in it?",
                  "has_plan": "I have a structured preparation plan"}
        widgets = {"goal": forms.Textarea(attrs={"rows": 3}), "industry": forms.Textarea(attrs={"rows": 2})}
