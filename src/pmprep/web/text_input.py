"""Multi-line text as the person typed it: line breaks counted as the browser counts them.

A browser counts a line break as one character against a textarea's ``maxlength`` but sends it
as two (``\\r\\n``), so a text the page let the user finish at the limit came back over it and
was refused. Line endings become ``\\n`` before any length rule runs (the case-deck core does the
same, and the stored text is what every page and export shows).

    from pmprep.web.text_input import TextField
    prompt = TextField(label="Case prompt", max_length=4000, strip=False)
    field_classes = {"situation": TextField}  # in a ModelForm's Meta
"""

from __future__ import annotations

from django import forms


class TextField(forms.CharField):
    widget = forms.Textarea

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value
