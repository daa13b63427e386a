from __future__ import annotations

from django import forms
from django.conf import settings

MAX_IMPORT_BYTES = 50 * 1024 * 1024  # without recordings


def import_limit_bytes() -> int:
    """An export can hold one user's recordings too: up to their limit, a third larger in base64."""
    return MAX_IMPORT_BYTES + settings.PMPREP_RECORDING_LIMIT_MB * 1024 * 1024 * 4 // 3


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Export file (.json)", help_text="A file made by pmprep's export, from this or another pmprep."
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = import_limit_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is {upload.size / 1e6:.1f} MB; an export can be at most {limit / 1e6:.0f} MB."
            )
        return upload
