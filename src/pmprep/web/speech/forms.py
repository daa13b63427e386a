from __future__ import annotations

from django import forms

from pmprep.web.practice.forms import AnswerField


class UploadForm(forms.Form):
    """A recording: made by the page's recorder, or a WAV file recorded elsewhere (no JavaScript needed)."""

    audio = forms.FileField(
        label="A WAV recording of your answer",
        help_text="Recorded on this page, or a .wav file from any recorder (16 kHz mono or better).",
        error_messages={
            "required": "Choose a WAV file of your answer, or record one on this page.",
            "empty": "The recording is empty (0 bytes): record again, or choose a WAV file.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".wav,audio/wav,audio/x-wav"}),
    )


class TranscriptForm(forms.Form):
    """The draft transcript as the user corrected it: judged like a typed answer."""

    answer = AnswerField(
        required="The transcript is empty: write what you said before asking for feedback.",
        rows=14,
        label="What you said (correct the words pmprep misheard)",
    )
