"""Forms of the case-deck pages: starting a deck, writing its sections, and the rehearsal length.

The forms check what a browser can get wrong (lengths, null characters, a question that is not in
the list); the deck's own rules run in ``pmprep.cases`` when the deck is built, and their
problems are put back on the field they name (``add_deck_problems``), in every form that builds one.
"""

from __future__ import annotations

from functools import lru_cache

from django import forms
from django.utils.text import Truncator

from pmprep.bank.model import Catalog
from pmprep.bank.schema import Question
from pmprep.cases import (
    MAX_PROMPT_CHARS,
    MAX_SECTION_CHARS,
    MAX_TALK_MINUTES,
    MAX_TITLE_CHARS,
    MIN_TALK_MINUTES,
    SECTIONS,
    DeckError,
    SectionId,
)
from pmprep.web.select_widget import PlainSelect
from pmprep.web.text_input import TextField

DEFAULT_MINUTES = 25
OPTION_CHARS = 110


@lru_cache(maxsize=8)
def case_questions(catalog: Catalog) -> tuple[Question, ...]:
    """Bank questions asked in a case round (``kind: case``), in bank order."""
    return tuple(q for q in catalog.questions.values() if catalog.in_case_round(q))


def _messages(what: str, limit: int, required: str | None = None) -> dict[str, str]:
    found = {
        "max_length": f"{what} is too long: at most {limit} characters (it has %(show_value)d).",
        "null_characters_not_allowed": f"{what} contains a null character; paste plain text.",
    }
    if required:
        found["required"] = required
    return found


def _title_field(required: bool) -> forms.CharField:
    return forms.CharField(
        label="Title" if required else "Title (optional)",
        max_length=MAX_TITLE_CHARS,
        required=required,
        help_text="" if required else "Left empty, the question's first sentence becomes the title.",
        error_messages=_messages("The title", MAX_TITLE_CHARS, "Give the deck a title."),
    )


def _prompt_field() -> forms.CharField:
    return TextField(
        label="Case prompt",
        max_length=MAX_PROMPT_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="The case as you were given it: the situation and what you are asked to decide.",
        error_messages=_messages("The prompt", MAX_PROMPT_CHARS, "Paste or write the case prompt."),
    )


def add_deck_problems(form: forms.Form, error: DeckError) -> None:
    """Each of the core's problems on the form's field it names ("sections.risks: …" goes on Risks,
    "title: …" on the title); one about no field of this form goes above the form."""
    for where, message in error.explained():
        form.add_error(where if where in form.fields else None, message)


def _blank_check(form: forms.Form, name: str, message: str) -> None:
    # A prompt of spaces passes "required" because it is not stripped (line breaks matter in it).
    if name in form.cleaned_data and not form.cleaned_data[name].strip():
        form.add_error(name, message)


@lru_cache(maxsize=8)
def _question_choices(catalog: Catalog) -> tuple:
    """The case questions by type, as the select's option groups (they depend only on the content)."""
    by_type: dict[str, list[tuple[str, str]]] = {}
    for q in case_questions(catalog):
        info = catalog.question_types.get(q.type)
        by_type.setdefault(info.name if info else q.type, []).append((q.id, Truncator(q.text).chars(OPTION_CHARS)))
    return (("", "Choose a question…"), *((name, tuple(options)) for name, options in by_type.items()))


@lru_cache(maxsize=8)
def _case_ids(catalog: Catalog) -> frozenset[str]:
    return frozenset(q.id for q in case_questions(catalog))


class FromQuestionForm(forms.Form):
    """Start a deck from a case question in the bank."""

    # A CharField checked against the case questions, not a ChoiceField: the list of hundreds of options is
    # the content's, made once, and a ChoiceField would copy it for every form.
    question = forms.CharField(
        label="Case question",
        widget=PlainSelect,
        error_messages={"required": "Choose a case question from the list."},
    )
    title = _title_field(required=False)

    def __init__(self, catalog: Catalog, *args, **kwargs):
        kwargs["prefix"] = "bank"
        super().__init__(*args, **kwargs)
        self.catalog = catalog
        self.fields["question"].widget.fixed_choices = _question_choices(catalog)

    def clean_question(self) -> str:
        value = self.cleaned_data["question"]
        if value not in _case_ids(self.catalog):
            raise forms.ValidationError(
                "Choose a case question from the list: %(value)s is not one of them.",
                code="invalid_choice",
                params={"value": value},
            )
        return value

    def chosen(self) -> Question:
        return self.catalog.questions[self.cleaned_data["question"]]


class OwnPromptForm(forms.Form):
    """Start a deck from a prompt of the user's own (from a recruiter, a friend, a book)."""

    title = _title_field(required=True)
    prompt = _prompt_field()

    def __init__(self, *args, **kwargs):
        kwargs["prefix"] = "own"
        super().__init__(*args, **kwargs)

    def clean(self) -> dict:
        data = super().clean() or self.cleaned_data  # Form.clean returns cleaned_data; the stubs allow None
        _blank_check(self, "prompt", "Paste or write the case prompt.")
        return data


class DeckForm(forms.Form):
    """The workspace: the title, the prompt when it is the user's own, and the nine sections."""

    title = _title_field(required=True)

    def __init__(self, *args, own_prompt: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if own_prompt:
            self.fields["prompt"] = _prompt_field()
        for section in SECTIONS:
            self.fields[section.value] = TextField(
                label=f"{section.number}. {section.label}",
                required=False,
                max_length=MAX_SECTION_CHARS,
                strip=False,
                help_text=section.hint,
                # The hint, an error and the live review beside the box all describe it.
                widget=forms.Textarea(
                    attrs={
                        "rows": 6,
                        "spellcheck": "true",
                        "aria-describedby": f"id_{section.value}_helptext id_{section.value}_error "
                        f"review-{section.value}",
                    }
                ),
                error_messages=_messages(section.label, MAX_SECTION_CHARS),
            )

    def clean(self) -> dict:
        data = super().clean() or self.cleaned_data  # Form.clean returns cleaned_data; the stubs allow None
        if "prompt" in self.fields:
            _blank_check(self, "prompt", "Paste or write the case prompt.")
        return data

    def section_fields(self) -> list[tuple[SectionId, forms.BoundField]]:
        return [(section, self[section.value]) for section in SECTIONS]

    def sections(self) -> dict[SectionId, str]:
        return {section: self.cleaned_data.get(section.value, "") for section in SECTIONS}


class RehearseForm(forms.Form):
    minutes = forms.TypedChoiceField(
        label="Length of the talk",
        coerce=int,
        initial=DEFAULT_MINUTES,
        choices=[(m, f"{m} minutes") for m in range(MIN_TALK_MINUTES, MAX_TALK_MINUTES + 1)],
        error_messages={
            "invalid_choice": f"A case talk lasts {MIN_TALK_MINUTES} to {MAX_TALK_MINUTES} minutes: "
            "choose a length in that range (you asked for %(value)s)."
        },
    )


class DeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label="Yes, delete this deck and everything written in it",
        error_messages={"required": "Tick the box to confirm that the deck should be deleted."},
    )
