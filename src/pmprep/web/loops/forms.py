from __future__ import annotations

from django import forms

from pmprep.analysis import MAX_ANSWER_CHARS
from pmprep.committee import Recommendation
from pmprep.web.loops.models import InformalNote
from pmprep.web.practice.forms import AnswerField

EVIDENCE_CHARS = 2000
RATING_CHOICES = [(1, "1 Poor"), (2, "2 Borderline"), (3, "3 Solid"), (4, "4 Outstanding")]
RECOMMENDATION_CHOICES = [(r.value, r.label) for r in Recommendation]
TRADE_OFF_CHOICES = [("", "Not assessed"), ("yes", "Yes, with numbers"), ("no", "No")]


class StartLoopForm(forms.Form):
    track = forms.ChoiceField(label="Track", widget=forms.RadioSelect)
    include_optional = forms.BooleanField(
        label="Include optional rounds (such as the technical deep dive, asked of technical roles)", required=False
    )

    def __init__(self, tracks: list[tuple[str, str]], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["track"].choices = tracks  # type: ignore[attr-defined]  # a ChoiceField


class RoundAnswerForm(forms.Form):
    question_id = forms.CharField(widget=forms.HiddenInput, max_length=80)
    answer = AnswerField(required="Write an answer before moving on.", rows=14)
    seconds_taken = forms.IntegerField(required=False, min_value=0, max_value=86400, widget=forms.HiddenInput)


class QAForm(forms.Form):
    """The case panel's questions: answer any of them; at least one."""

    def __init__(self, probes: list[tuple[str, str, str]], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.probes = probes
        for name, role, text in probes:
            self.fields[name] = forms.CharField(
                label=f"{role}: {text}",
                required=False,
                max_length=MAX_ANSWER_CHARS,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def clean(self) -> dict:
        data = super().clean() or self.cleaned_data  # Form.clean returns cleaned_data; the stubs allow None
        if not self.errors and not self.replies():
            raise forms.ValidationError(
                "Answer at least one of the panel's questions, or finish the round without Q&A."
            )
        return data

    def replies(self) -> list[tuple[str, str]]:
        return [
            (text, self.cleaned_data[name])
            for name, _, text in self.probes
            if (self.cleaned_data.get(name) or "").strip()
        ]


class ScorecardForm(forms.Form):
    """One scorecard for a round: for each competency a 1–4 rating that needs written evidence."""

    recommendation = forms.TypedChoiceField(
        label="Overall recommendation",
        choices=RECOMMENDATION_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose an overall recommendation."},
    )
    summary = forms.CharField(
        label="Summary (optional)", required=False, max_length=EVIDENCE_CHARS, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, competencies: list[tuple[str, str]], is_case: bool, *args, rater: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.competencies = competencies
        if rater:
            self.fields["rater"] = forms.CharField(
                label="Your name",
                max_length=80,
                help_text="Shown to the candidate beside your scorecard.",
                error_messages={"required": "Give your name so the candidate knows whose scorecard this is."},
            )
            self.order_fields(["rater"])
        for cid, name in competencies:
            self.fields[f"evidence_{cid}"] = forms.CharField(
                label=f"Evidence for {name}",
                required=False,
                max_length=EVIDENCE_CHARS,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text="What the candidate said or did, in a sentence or a quote.",
            )
            self.fields[f"rating_{cid}"] = forms.TypedChoiceField(
                label=f"Rating for {name}",
                required=False,
                choices=RATING_CHOICES,
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect,
            )
        if is_case:
            self.fields["trade_offs"] = forms.ChoiceField(
                label="Were the trade-offs quantified?",
                choices=TRADE_OFF_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                help_text="A case with unquantified trade-offs is a no hire.",
            )

    def pairs(self):
        """(competency name, evidence field, rating field) for the template."""
        return [(name, self[f"evidence_{cid}"], self[f"rating_{cid}"]) for cid, name in self.competencies]

    def clean(self) -> dict:
        data = super().clean() or self.cleaned_data  # Form.clean returns cleaned_data; the stubs allow None
        rated = 0
        for cid, name in self.competencies:
            rating, evidence = data.get(f"rating_{cid}"), (data.get(f"evidence_{cid}") or "").strip()
            if rating is not None:
                rated += 1
                if not evidence:
                    self.add_error(f"evidence_{cid}", f"Write the evidence for {name} before rating it.")
        if not rated and not self.errors:
            raise forms.ValidationError("Rate at least one competency, with its evidence.")
        return data

    def ratings(self) -> dict[str, int]:
        return {
            cid: self.cleaned_data[f"rating_{cid}"]
            for cid, _ in self.competencies
            if self.cleaned_data.get(f"rating_{cid}") is not None
        }

    def evidence(self) -> dict[str, str]:
        return {
            cid: self.cleaned_data[f"evidence_{cid}"].strip()
            for cid, _ in self.competencies
            if (self.cleaned_data.get(f"evidence_{cid}") or "").strip()
        }

    def trade_offs_quantified(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("trade_offs") or "")


class PeerLinkForm(forms.Form):
    LIFETIMES = [(1, "1 hour"), (24, "1 day"), (72, "3 days"), (168, "1 week")]
    hours = forms.TypedChoiceField(label="The link works for", choices=LIFETIMES, coerce=int, initial=24)


class InformalNoteForm(forms.ModelForm):
    class Meta:
        model = InformalNote
        fields = ["kind", "who", "note"]
        labels = {"kind": "What it was", "who": "Who", "note": "What was said"}
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class ReferralForm(forms.Form):
    who = forms.CharField(label="Who wrote the referral", max_length=80)
    recommendation = forms.TypedChoiceField(
        label="What it recommends", choices=RECOMMENDATION_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    summary = forms.CharField(label="What it says", max_length=EVIDENCE_CHARS, widget=forms.Textarea(attrs={"rows": 3}))
