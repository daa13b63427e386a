"""The interview-week forms: a swap on the portfolio, interviewer names, and a round's questions to ask."""

from __future__ import annotations

from django import forms

from pmprep.interview_week import MAX_QUESTION_CHARS, LoopRound, QuestionError, check_question
from pmprep.web.interview_week.models import MAX_NAME_CHARS
from pmprep.web.text_input import TextField

MAX_OWN_QUESTIONS = 8
NOTHING = ""


class SwapForm(forms.Form):
    seat = forms.ChoiceField(label="Round and interviewer")
    story = forms.ChoiceField(label="Story to put there", required=False)
    replaces = forms.ChoiceField(label="In place of", required=False)

    def __init__(self, loop: list[LoopRound], stories: list[tuple[str, str]], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._choices(
            "seat",
            [
                (f"{r.round_id}|{i.key}", f"{n}. {r.name} — {i.label}")
                for n, r in enumerate(loop, 1)
                for i in r.interviewers
            ],
        )
        self._choices("story", [(NOTHING, "No story (only take one off)"), *stories])
        self._choices("replaces", [(NOTHING, "Nothing (add it)"), *stories])

    def _choices(self, name: str, choices: list[tuple[str, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def clean(self):
        data = super().clean() or {}
        if not data.get("story") and not data.get("replaces"):
            raise forms.ValidationError("Choose a story to put on the round, or one to take off it.")
        return data


class NamesForm(forms.Form):
    """One optional name per interviewer slot; the same name in two rounds is one person."""

    def __init__(self, loop: list[LoopRound], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.slots: dict[str, str] = {}  # field name -> slot
        for n, r in enumerate(loop, 1):
            for i in r.interviewers:
                field = "name__" + i.slot.replace("/", "__")
                self.slots[field] = i.slot
                self.fields[field] = forms.CharField(
                    label=f"{n}. {r.name} — {i.role}", required=False, max_length=MAX_NAME_CHARS, initial=i.name
                )


class QuestionsForm(forms.Form):
    picked = forms.MultipleChoiceField(
        label="Questions to ask from pmprep's list", required=False, widget=forms.CheckboxSelectMultiple
    )
    own = TextField(
        label="Your own questions, one a line",
        required=False,
        strip=False,
        max_length=MAX_OWN_QUESTIONS * (MAX_QUESTION_CHARS + 1),
        help_text=f"Up to {MAX_OWN_QUESTIONS} questions; each is checked when you save.",
    )

    def __init__(self, shipped: list[str], round_id: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.round_id = round_id
        picked = self.fields["picked"]
        assert isinstance(picked, forms.MultipleChoiceField)
        picked.choices = [(q, q) for q in shipped]
        self.fields["own"].widget.attrs["rows"] = 5

    def clean_own(self) -> list[str]:
        lines = [" ".join(line.split()) for line in self.cleaned_data["own"].split("\n")]
        lines = [line for line in lines if line]
        if len(lines) > MAX_OWN_QUESTIONS:
            raise forms.ValidationError(f"{len(lines)} questions; keep at most {MAX_OWN_QUESTIONS}.")
        problems = []
        for n, line in enumerate(lines, 1):
            try:
                check_question(line, self.round_id)
            except QuestionError as exc:
                problems.append(f"Line {n}: {exc}.")
        if problems:
            raise forms.ValidationError(problems)
        return list(dict.fromkeys(lines))
