from __future__ import annotations

from django import forms
from django.contrib.auth.forms import UserCreationForm

from pmprep.config import active_catalog, companies, default_company, using_company
from pmprep.web.accounts.models import User
from pmprep.web.date_input import InterviewDateField

# A taken name cannot be given out again, so some signal is unavoidable; the wording does not confirm
# that an account exists (a name is also refused when taken in another case), and sign-ups are
# throttled per address (pmprep.web.throttling).
USERNAME_TAKEN = "That username cannot be used; choose another."


class SignupForm(UserCreationForm):
    class Meta:
        model = User
        fields = ("username",)
        help_texts = {"username": "Letters, digits and @/./+/-/_ only. Shown only to you and the peers you invite."}
        error_messages = {"username": {"unique": USERNAME_TAKEN}}


class CompanyForm(forms.ModelForm):
    """Which company's loop the user prepares for; tracks, rounds and the bank are that company's."""

    company = forms.ChoiceField(widget=forms.RadioSelect, label="The company you are preparing for")

    class Meta:
        model = User
        fields = ("company",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = company_choices()  # type: ignore[attr-defined]  # a ChoiceField
        self.initial.setdefault("company", self.instance.company or default_company())

    def save(self, commit: bool = True) -> User:
        """A track belongs to one company: another company's choice is cleared, to be picked again."""
        user = super().save(commit=False)
        with using_company(user.company):
            if user.track not in active_catalog().tracks:
                user.track = ""
        if commit:
            user.save(update_fields=["company", "track"])
        return user


def company_choices() -> list[tuple[str, str]]:
    """Each company folder this pmprep serves, by the name in its company.yaml."""
    choices = []
    for company_id in companies():
        with using_company(company_id):
            choices.append((company_id, active_catalog().company.name))
    return choices


class TrackForm(forms.ModelForm):
    """Which hiring track the user prepares for, and (optionally) when the interview is."""

    track = forms.ChoiceField(widget=forms.RadioSelect, label="Your track")
    interview_date = InterviewDateField(
        required=False,
        label="Interview date (if you have one)",
        help_text="Optional. Used later to schedule reviews and your plan.",
    )

    class Meta:
        model = User
        fields = ("track", "interview_date")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        catalog = active_catalog()
        self.fields["track"].choices = [(t.id, f"{t.name} — {t.audience}") for t in catalog.tracks.values()]  # type: ignore[attr-defined]  # a ChoiceField


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="To confirm it is you. This cannot be undone: export your data first if you want a copy.",
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password; nothing was deleted.")
        return password
