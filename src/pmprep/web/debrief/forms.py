"""The debrief's forms: the round, what was asked as remembered, a pasted or uploaded transcript, the review of
a transcript's split, and the outcome."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from pmprep.analysis.analyzer import MAX_QUESTION_CHARS
from pmprep.analysis.rubric import rubrics
from pmprep.config import active_catalog
from pmprep.debrief import MAX_CHARS
from pmprep.debrief.calibration import OUTCOMES
from pmprep.web.date_input import DateField
from pmprep.web.practice.forms import SelfRatingForm

OTHER = "other"
TRANSCRIPT_SUFFIXES = (".txt", ".vtt", ".srt")
OLDEST_YEARS = 5


def rated_criteria() -> list[tuple[str, str]]:
    """The criteria a real round is self-rated on: the rubric's common ones that every typed-in question has."""
    return [(c.id, c.name) for c in rubrics().common if c.id != "coverage"]


def round_choices(track: str | None) -> list[tuple[str, str]]:
    catalog = active_catalog()
    rounds = catalog.rounds_for(track) if track in catalog.tracks else []
    return [(r.id, r.name) for r in rounds] + [(OTHER, "Another round (name it below)")]


class RoundForm(forms.Form):
    round_id = forms.ChoiceField(label="Round")
    round_name = forms.CharField(label="Round name, for another round", max_length=120, required=False)
    held_on = DateField(label="Date of the interview")
    interviewer_role = forms.CharField(
        label="Interviewer's role (optional)",
        max_length=120,
        required=False,
        help_text="Their role only, such as “product director”: no names.",
    )
    went_well = forms.CharField(
        label="What went well", max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    surprised = forms.CharField(
        label="What surprised you", max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, track: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round_id"].choices = round_choices(track)  # type: ignore[attr-defined]  # a ChoiceField
        self.criteria = rated_criteria()
        for cid, name in self.criteria:
            self.fields[f"rate_{cid}"] = forms.TypedChoiceField(
                label=name, choices=SelfRatingForm.CHOICES, coerce=int, widget=forms.RadioSelect, required=False
            )

    def clean_held_on(self) -> dt.date:
        day = self.cleaned_data["held_on"]
        today = timezone.localdate()
        if day > today:
            raise forms.ValidationError("The interview is still to come: debrief it on the day or after.")
        if day < today.replace(year=today.year - OLDEST_YEARS):
            raise forms.ValidationError(f"Enter a date within the last {OLDEST_YEARS} years.")
        return day

    def clean(self):
        data = super().clean() or {}
        if data.get("round_id") == OTHER and not (data.get("round_name") or "").strip():
            self.add_error("round_name", "Name the round (for example “Recruiter screen”).")
        return data

    def self_ratings(self) -> dict[str, int]:
        return {
            cid: self.cleaned_data[f"rate_{cid}"] for cid, _ in self.criteria if self.cleaned_data.get(f"rate_{cid}")
        }

    def rating_fields(self) -> list[forms.BoundField]:
        return [self[f"rate_{cid}"] for cid, _ in self.criteria]


class RememberedForm(forms.Form):
    """A question as remembered and a summary of the answer; a blank row is skipped."""

    question = forms.CharField(
        label="Question", max_length=MAX_QUESTION_CHARS, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    answer = forms.CharField(
        label="Your answer, as you remember it",
        max_length=200_000,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    join = forms.BooleanField(label="Join this to the exchange before it", required=False)

    def clean(self):
        data = super().clean() or {}
        q, a = (data.get("question") or "").strip(), (data.get("answer") or "").strip()
        if bool(q) != bool(a) and not data.get("join"):
            self.add_error("answer" if q else "question", "Give both the question and the answer, or leave both empty.")
        return data


MAX_REMEMBERED = 60
RememberedFormSet = forms.formset_factory(
    RememberedForm, extra=3, max_num=MAX_REMEMBERED, absolute_max=MAX_REMEMBERED, validate_max=True
)


def remembered_with_one_more(data) -> forms.BaseFormSet:
    """The typed-from-memory rows as posted, unbound (so nothing shows as an error yet), with one empty row
    more, up to the limit: the "Add a question" button, which needs no JavaScript."""
    rows = []
    try:
        total = min(int(data.get("q-TOTAL_FORMS", "0")), MAX_REMEMBERED)
    except ValueError:
        total = 0
    for n in range(max(total, 0)):
        rows.append({"question": data.get(f"q-{n}-question", ""), "answer": data.get(f"q-{n}-answer", "")})
    formset = RememberedFormSet(prefix="q", initial=rows)
    formset.extra = 1 if len(rows) < MAX_REMEMBERED else 0
    return formset


ReviewFormSet = forms.formset_factory(RememberedForm, extra=1, max_num=200, absolute_max=200, validate_max=True)


class TranscriptForm(forms.Form):
    transcript = forms.CharField(
        label="Paste a transcript",
        required=False,
        strip=False,
        max_length=MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        help_text="Speaker lines (“Interviewer: …”, “Me: …”), or a call recorder's WebVTT or SRT captions.",
    )
    upload = forms.FileField(label="Or upload one (.txt, .vtt, .srt)", required=False)
    candidate = forms.CharField(
        label="Your name in the transcript (optional)",
        max_length=80,
        required=False,
        help_text="Left empty, pmprep takes the speaker labelled Me, I or Candidate, else the one with more words.",
    )

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is None:
            return None
        if not upload.name.lower().endswith(TRANSCRIPT_SUFFIXES):
            raise forms.ValidationError("Upload a .txt, .vtt or .srt file.")
        if upload.size > 4 * MAX_CHARS:
            raise forms.ValidationError(
                f"The file is {upload.size:,} bytes; a transcript may have {MAX_CHARS:,} characters."
            )
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(f"The file is not UTF-8 text (bad byte at position {exc.start}).") from None

    def text(self) -> str:
        return self.cleaned_data.get("upload") or self.cleaned_data.get("transcript") or ""


class SpeakerForm(forms.Form):
    """Which of a transcript's two speakers is the candidate, and the transcript itself, carried through the
    review page in a hidden field so that it can be split again. Neither is ever stored."""

    source = forms.CharField(widget=forms.HiddenInput, max_length=MAX_CHARS, strip=False)
    candidate = forms.ChoiceField(label="Which speaker is you?", widget=forms.RadioSelect)

    prefix = "s"

    def __init__(self, *args, names: tuple[str, str] = ("", ""), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].choices = [(n, n) for n in names]  # type: ignore[attr-defined]  # a ChoiceField


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label="Outcome", choices=list(OUTCOMES.items()))
