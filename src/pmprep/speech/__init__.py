"""Spoken answers, offline: a recording becomes timed words, a draft transcript and delivery figures.

    from pmprep.speech import transcribe
    heard = transcribe("answer.wav")
    heard.transcript.text, heard.words[0].start, heard.delivery.wpm, heard.delivery.long_pauses

Nothing leaves the machine and nothing is downloaded: PocketSphinx's English acoustic model ships in its
PyPI package, pmprep's domain language model in model/ (scripts/build_speech_model.py builds it from
pmprep's own content), and WebRTC's voice detector in the webrtcvad-wheels package. The modules:
audio (reading and converting recordings), voice_activity (speech and pauses), recognizer (timed words),
transcript (a readable draft), fillers, delivery (the figures), spoken_answer (all of it in order),
spoken_text and language_model (the model's build), word_errors (how accurate a transcript is).
"""

from __future__ import annotations

from pmprep.speech.audio import AudioError, read_audio, read_wav_bytes, wav_bytes
from pmprep.speech.recognizer import DOMAIN, STOCK, RecognizerError, Settings, Word
from pmprep.speech.spoken_answer import NoSpeech, SpokenAnswer, hear, hear_upload, transcribe

__all__ = [
    "DOMAIN",
    "STOCK",
    "AudioError",
    "NoSpeech",
    "RecognizerError",
    "Settings",
    "SpokenAnswer",
    "Word",
    "hear",
    "hear_upload",
    "read_audio",
    "read_wav_bytes",
    "transcribe",
    "wav_bytes",
]
