from __future__ import annotations

from collections.abc import Sequence

from django import forms

from pmprep.outreach import Channel
from pmprep.outreach.rewrite import LINKEDIN_NOTE_CHARS
from pmprep.web.date_input import DateInput
from pmprep.web.outreach.models import Contact
from pmprep.web.text_input import TextField

CHANNEL_CHOICES = [
    ("", "Infer it from the message"),
    (Channel.LINKEDIN.value, f"LinkedIn connection note ({LINKEDIN_NOTE_CHARS} characters at most)"),
    (Channel.EMAIL.value, "Email"),
]


class CheckForm(forms.Form):
    """The message to check. Its length limit is the core's (MessageTooLong), so the error names it; a null
    character is refused by CharField itself, here and in ContactForm."""

    message = TextField(
        label="Your message",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "true"}),
        help_text="Paste the LinkedIn note or email you plan to send, greeting and sign-off included.",
    )
    channel = forms.ChoiceField(
        label="How you will send it",
        required=False,
        choices=CHANNEL_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": "Choose how you will send it: infer it, a LinkedIn note or an email (got “%(value)s”)."
        },
    )


class ContactForm(forms.ModelForm):
    round_id = forms.ChoiceField(label="The round it prepares (optional)", required=False)

    class Meta:
        model = Contact
        fields = ["name", "role", "channel", "met_on", "question", "learned", "round_id"]
        labels = {
            "name": "Their name",
            "role": "Their team or role (optional)",
            "channel": "Where you talked",
            "met_on": "Date you talked (optional)",
            "question": "The one precise question you asked (optional)",
            "learned": "What you learned",
        }
        help_texts = {
            "role": "For example: PM, Ads measurement.",
            "met_on": "Pick the day, or type it as YYYY-MM-DD.",
            "question": "For example: how did you decide the success metric for the downloads launch?",
            "learned": "What you can use in a case or technical answer: a metric, a trade-off, a constraint.",
        }
        widgets = {
            "met_on": DateInput(),
            "question": forms.Textarea(attrs={"rows": 2}),
            "learned": forms.Textarea(attrs={"rows": 5}),
        }
        field_classes = {"question": TextField, "learned": TextField}
        error_messages = {
            "met_on": {"invalid": "Enter a real date as YYYY-MM-DD."},
            "learned": {"required": "Write what you learned: it is what the note is for."},
            "name": {"required": "Give their name, or a short label you will recognise."},
        }

    def __init__(self, *args, rounds: Sequence[tuple[str, list[tuple[str, str]]]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        choices: list = [("", "Not tied to one round"), *rounds]
        known = {rid for _, group in rounds for rid, _ in group}
        current = self.instance.round_id if self.instance.pk else ""
        if current and current not in known:  # imported, or dropped from the catalog since: keep it choosable
            choices.append((current, f"{current} (no longer in the catalog)"))
        self.fields["round_id"].choices = choices  # type: ignore[attr-defined]  # a ChoiceField
