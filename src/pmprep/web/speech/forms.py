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


class PressureForm(forms.Form):
    """The pressure drill's upload from the page: the answer up to the break-in, the reply after it (none when
    stopped before the interviewer broke in) and the signed probe asked."""

    audio = UploadForm.base_fields["audio"]
    reply = forms.FileField(required=False, label="A WAV recording of your reply to the interviewer")
    probe = forms.CharField(required=False, max_length=2000)


class ExchangeForm(forms.Form):
    """The pressure drill's two transcripts, as the user corrected them: the answer, then the reply."""

    answer = AnswerField(
        required="The transcript of your answer is empty: write what you said before asking for feedback.",
        rows=10,
        label="What you said before the interviewer broke in",
    )
    reply = AnswerField(
        required="The transcript of your reply is empty: write what you said after the interviewer's question.",
        rows=6,
        label="Your reply to the interviewer",
    )
