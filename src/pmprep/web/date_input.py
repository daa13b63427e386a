"""The one date control every form uses: a date picker whose value is always ``YYYY-MM-DD``.

``<input type="date">`` accepts only an ISO date as its value and silently shows nothing for any
other, but Django writes a date in the active language's format (``23/12/2026`` in en-gb). A form
shown with a stored date then sends the field back empty and the date is lost. So the widget here
always writes ISO, whatever the language; Django reads ISO back in every language.

    from pmprep.web.date_input import DateField, DateInput
    interview_date = DateField(label="Interview date", required=False)
    widgets = {"met_on": DateInput()}  # in a ModelForm's Meta
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from pmprep.plans import interview_date_problem

ISO_DATE = "%Y-%m-%d"
INVALID = "Enter a real date as YYYY-MM-DD, for example 2026-12-23."


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict | None = None):
        super().__init__(attrs, format=ISO_DATE)


class DateField(forms.DateField):
    widget = DateInput
    default_error_messages = {"invalid": INVALID}


class InterviewDateField(DateField):
    """An interview date under the planning core's rule (not past, at most two years ahead), for
    every form that takes one: a date far ahead would make a plan of thousands of weeks."""

    def validate(self, value: dt.date | None) -> None:
        super().validate(value)
        problem = interview_date_problem(value, timezone.localdate())
        if problem is not None:
            raise forms.ValidationError(problem, code="out_of_range")
