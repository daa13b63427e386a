from __future__ import annotations

from django import forms

from pmprep.analysis import MAX_ANSWER_CHARS
from pmprep.analysis.analyzer import MAX_QUESTION_CHARS
from pmprep.analysis.feedback import CriterionResult
from pmprep.analysis.shapes import shape_type, shipped_shapes
from pmprep.config import active_catalog

DETECT = ("", "As pmprep reads the question")


class AnswerField(forms.CharField):
    """An answer as the person typed it (never stripped, at most the analyzer's length), refused with
    ``required`` when it is empty or only whitespace: every form that takes an answer or a reply uses it."""

    def __init__(self, *, required: str, rows: int, label: str = "Your answer", spellcheck: bool = True):
        attrs = {"rows": rows, "spellcheck": "true"} if spellcheck else {"rows": rows}
        super().__init__(
            label=label,
            max_length=MAX_ANSWER_CHARS,
            strip=False,
            widget=forms.Textarea(attrs=attrs),
            error_messages={"required": required},
        )

    def clean(self, value):
        text = super().clean(value)
        if not text.strip():
            raise forms.ValidationError(self.error_messages["required"])
        return text


def _type_choices() -> list[tuple[str, str]]:
    return [DETECT] + [(t.id, t.name) for t in active_catalog().question_types.values()]


def _shape_choices() -> list[tuple[str, str]]:
    return [DETECT] + [
        (s.id, f"{qtype.replace('_', ' ').capitalize()}: {s.name}")
        for qtype, shapes in shipped_shapes().items()
        if len(shapes) > 1
        for s in shapes
    ]


class AnswerForm(forms.Form):
    question_id = forms.CharField(required=False, widget=forms.HiddenInput)
    question_text = forms.CharField(
        label="Question",
        max_length=MAX_QUESTION_CHARS,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="A bank question is filled in for you; or type any question you were asked.",
    )
    answer = AnswerField(required="Write an answer before asking for feedback.", rows=16)
    seconds_budget = forms.IntegerField(required=False, min_value=1, max_value=7200, widget=forms.HiddenInput)
    seconds_taken = forms.IntegerField(required=False, min_value=0, max_value=86400, widget=forms.HiddenInput)
    question_type = forms.ChoiceField(
        label="Question type",
        required=False,
        choices=_type_choices,
        help_text="Judge the answer as this type of question, if pmprep reads it wrongly.",
    )
    shape = forms.ChoiceField(
        label="What the question asks for",
        required=False,
        choices=_shape_choices,
        help_text="Within metrics, technical and product questions: the answer shape to judge against.",
    )

    def clean(self):
        data = super().clean() or self.cleaned_data  # Form.clean returns cleaned_data; the stubs allow None
        shape, qtype = data.get("shape"), data.get("question_type")
        owner = shape_type(shape) if shape else None
        if shape and qtype and owner != qtype:
            self.add_error(
                "shape",
                f"That is a shape of {(owner or '').replace('_', ' ')} questions, not of "
                f"{qtype.replace('_', ' ')} ones: choose one of the type you picked.",
            )
        elif shape and not qtype:
            data["question_type"] = owner
        return data

    def clean_question_text(self) -> str:
        return self.cleaned_data["question_text"].strip()


class DraftForm(forms.Form):
    """What the autosave sends as the user types: nothing is required, everything is bounded."""

    question_id = forms.CharField(required=False, max_length=80)
    question_text = forms.CharField(required=False, max_length=MAX_QUESTION_CHARS, strip=False)
    answer = forms.CharField(required=False, max_length=MAX_ANSWER_CHARS, strip=False)
    seconds_taken = forms.IntegerField(required=False, min_value=0, max_value=86400)


class FollowUpForm(forms.Form):
    probe = forms.CharField(widget=forms.HiddenInput, max_length=MAX_QUESTION_CHARS)
    reply = AnswerField(
        required="Write a reply to the follow-up question.", rows=6, label="Your reply", spellcheck=False
    )
    seconds_taken = forms.IntegerField(required=False, min_value=0, max_value=86400, widget=forms.HiddenInput)


class SelfRatingForm(forms.Form):
    """One 1–4 choice per criterion of the feedback, after reading the rubric anchors."""

    CHOICES = [(1, "1 Poor"), (2, "2 Borderline"), (3, "3 Solid"), (4, "4 Outstanding")]

    def __init__(self, criteria: list[CriterionResult], *args, **kwargs):
        super().__init__(*args, **kwargs)
        for c in criteria:
            self.fields[c.id] = forms.TypedChoiceField(
                label=c.name,
                choices=self.CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": f"Rate “{c.name}” from 1 to 4."},
            )
