from __future__ import annotations

from django import forms

MAX_IMPORT_BYTES = 50 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Export file (.json)", help_text="A file made by pmprep's export, from this or another pmprep."
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(f"The file is {upload.size / 1e6:.1f} MB; an export can be at most 50 MB.")
        return upload
