"""A recorded answer heard end to end: audio → voice activity → timed words → draft transcript → delivery."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pmprep.speech.audio import Audio, AudioError, read_audio, read_wav_bytes, wav_bytes
from pmprep.speech.delivery import SpokenDelivery, measure
from pmprep.speech.recognizer import DOMAIN, Settings, Word, recognizer
from pmprep.speech.transcript import Transcript, punctuated
from pmprep.speech.voice_activity import VoiceActivity, detect_speech


class NoSpeech(AudioError):
    """A readable recording in which the voice detector heard no speech."""


@dataclass(frozen=True)
class SpokenAnswer:
    source: str
    words: tuple[Word, ...]
    activity: VoiceActivity
    transcript: Transcript
    delivery: SpokenDelivery
    engine: str

    def to_dict(self) -> dict[str, object]:
        """The figures `pmprep speech --json` prints: the issue's keys first, the rest under ``delivery``."""
        d = self.delivery
        return {
            "source": self.source,
            "transcript": self.transcript.text,
            "words": [w.to_dict() for w in self.words],
            "pauses": [p.to_dict() for p in d.long_pauses],
            "wpm": d.wpm,
            "fillers": [f.to_dict() for f in d.fillers],
            "duration_s": d.duration_s,
            "speech_s": d.speech_s,
            "delivery": d.to_dict(),
            "engine": self.engine,
        }


def engine_name(settings: Settings = DOMAIN) -> str:
    try:
        release = version("pocketsphinx")
    except PackageNotFoundError:  # pragma: no cover: a dependency of pmprep
        release = "?"
    model = "pmprep's domain language model" if settings.lm is not None else "its stock English language model"
    return f"PocketSphinx {release} (offline) with {model}"


def hear(audio: Audio, *, settings: Settings = DOMAIN, budget_s: float | None = None) -> SpokenAnswer:
    """What was said in ``audio`` and how; NoSpeech when the detector heard nothing."""
    activity = detect_speech(audio)
    if not activity.speech:
        raise NoSpeech(
            f"{audio.source} has no speech in it that pmprep could hear ({audio.duration_s:.1f} s of silence or "
            "noise): check that the microphone was on and close enough"
        )
    words = tuple(recognizer(settings).words(audio, activity.speech))
    transcript = punctuated(words)
    delivery = measure(words, activity, transcript, budget_s=budget_s)
    return SpokenAnswer(audio.source, words, activity, transcript, delivery, engine_name(settings))


def transcribe(path: Path | str, *, settings: Settings = DOMAIN, budget_s: float | None = None) -> SpokenAnswer:
    """The recording at ``path`` heard: AudioError (with a message naming the file) when it cannot be."""
    return hear(read_audio(path), settings=settings, budget_s=budget_s)


def hear_upload(
    data: bytes, *, source: str, max_s: float, settings: Settings = DOMAIN, budget_s: float | None = None
) -> tuple[bytes, float, dict[str, object]]:
    """An uploaded WAV file heard, for the web: the audio as pmprep keeps it (16 kHz mono 16-bit WAV), its
    length in seconds, and ``to_dict()``'s figures with the transcript's word offsets under ``spans``.
    AudioError (named ``source``) when it cannot be read, is longer than ``max_s`` or holds no speech."""
    audio = read_wav_bytes(data, source)
    if audio.duration_s > max_s:
        raise AudioError(
            f"{source} is {audio.duration_s / 60:.1f} minutes long: spoken practice takes up to "
            f"{max_s / 60:.0f} minutes (one answer or one presentation)"
        )
    heard = hear(audio, settings=settings, budget_s=budget_s)
    figures = heard.to_dict()
    figures["spans"] = [list(span) for span in heard.transcript.spans]
    return wav_bytes(audio), audio.duration_s, figures
