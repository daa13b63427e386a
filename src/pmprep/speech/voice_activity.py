"""Where a recording has speech and where it pauses, from WebRTC's voice activity detector.

The detector says speech or not for each 30 ms frame. Runs of speech closer than ``bridge_s`` are one
stretch (the gaps between words and breaths inside a sentence are not pauses), and a run shorter than
``min_speech_s`` is a click or a cough, not speech. A pause is the silence between two stretches of speech;
a long pause is one of ``LONG_PAUSE_S`` or more. Silence before the first word and after the last is not a
pause: it is the time before starting and after finishing.
"""

from __future__ import annotations

from dataclasses import dataclass

import webrtcvad

from pmprep.speech.audio import Audio

FRAME_MS = 30
LONG_PAUSE_S = 2.0  # the "long pause"; anything shorter reads as a breath or a comma
AGGRESSIVENESS = 2  # 0 (keeps most noise as speech) … 3 (drops most non-speech); 2 suits a quiet room


@dataclass(frozen=True)
class Span:
    """A stretch of time, in seconds from the start of the recording."""

    start: float
    end: float

    @property
    def seconds(self) -> float:
        return round(self.end - self.start, 2)

    def to_dict(self) -> dict[str, float]:
        return {"start": round(self.start, 2), "end": round(self.end, 2)}


@dataclass(frozen=True)
class VoiceActivity:
    """The stretches of speech in a recording, in order, and the pauses between them."""

    speech: tuple[Span, ...]
    duration_s: float

    @property
    def speech_s(self) -> float:
        return round(sum(s.end - s.start for s in self.speech), 2)

    @property
    def pauses(self) -> tuple[Span, ...]:
        """Every silence between two stretches of speech."""
        return tuple(Span(a.end, b.start) for a, b in zip(self.speech, self.speech[1:], strict=False))

    def long_pauses(self, at_least_s: float = LONG_PAUSE_S) -> tuple[Span, ...]:
        return tuple(p for p in self.pauses if p.end - p.start >= at_least_s)


def detect_speech(
    audio: Audio,
    *,
    aggressiveness: int = AGGRESSIVENESS,
    bridge_s: float = 0.3,
    min_speech_s: float = 0.12,
) -> VoiceActivity:
    """The speech and pauses in ``audio`` (16 kHz mono, as read by pmprep.speech.audio)."""
    vad = webrtcvad.Vad(aggressiveness)
    step = audio.rate * FRAME_MS // 1000 * 2  # bytes in one frame
    frame_s = FRAME_MS / 1000
    flags = [
        vad.is_speech(audio.samples[i : i + step], audio.rate) for i in range(0, len(audio.samples) - step + 1, step)
    ]
    runs: list[list[float]] = []
    for n, voiced in enumerate(flags):
        if not voiced:
            continue
        start, end = n * frame_s, (n + 1) * frame_s
        if runs and start - runs[-1][1] < bridge_s:
            runs[-1][1] = end
        else:
            runs.append([start, end])
    duration = audio.duration_s
    speech = tuple(Span(round(a, 3), round(min(b, duration), 3)) for a, b in runs if b - a >= min_speech_s)
    return VoiceActivity(speech, round(duration, 2))
