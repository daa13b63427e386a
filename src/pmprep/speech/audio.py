"""A recording read into what the recogniser and the voice detector take: 16 kHz, mono, 16-bit samples.

WAV files are read with the standard library (any rate from 8 kHz, mono or more channels, 16, 24 or 32-bit
integer samples); other rates are resampled and channels mixed down. The formats browsers record
(MediaRecorder's WebM or Ogg with Opus, Safari's MP4) are converted with ffmpeg when it is installed. A file
that cannot be read becomes an AudioError whose message names the file and what was expected, never a
traceback. Nothing here sends audio anywhere: ffmpeg runs as a local process on the file.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

RATE = 16_000  # what PocketSphinx's English model and the voice detector are made for
MIN_RATE = 8_000  # below this not even telephone speech is left to recognise
MAX_SECONDS = 30 * 60  # a recording is one answer or one case presentation, not a whole interview
_FFMPEG_SECONDS = 120  # a conversion taking longer than this is stuck

# Formats recognised by their first bytes, for a message that says what the file is.
_CONVERTIBLE = (
    (b"\x1a\x45\xdf\xa3", "WebM/Matroska audio (as Chrome and Firefox record)"),
    (b"OggS", "Ogg audio (as Firefox records)"),
    (b"fLaC", "FLAC audio"),
    (b"ID3", "MP3 audio"),
    (b"\xff\xfb", "MP3 audio"),
    (b"\xff\xf3", "MP3 audio"),
)
_MP4_BRAND = b"ftyp"  # at offset 4: MP4/M4A (as Safari records)


class AudioError(ValueError):
    """A recording that cannot be used, with a message for the person who gave it."""


@dataclass(frozen=True)
class Audio:
    """Mono 16-bit little-endian samples at ``RATE``, and where they came from (for messages)."""

    samples: bytes
    source: str
    rate: int = RATE

    @property
    def duration_s(self) -> float:
        return len(self.samples) / 2 / self.rate

    def slice(self, start_s: float, end_s: float) -> bytes:
        """The samples between two times, in seconds, clipped to the recording."""
        first = max(0, int(round(start_s * self.rate))) * 2
        last = min(len(self.samples), int(round(end_s * self.rate)) * 2)
        return self.samples[first:last] if last > first else b""


def read_audio(path: Path | str) -> Audio:
    """The recording at ``path`` as 16 kHz mono 16-bit audio, or an AudioError saying why not."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            head = f.read(12)
    except IsADirectoryError:
        raise AudioError(f"{path} is a folder: expected a recording (a WAV file)") from None
    except FileNotFoundError:
        raise AudioError(f"{path} does not exist: expected a recording (a WAV file)") from None
    except OSError as exc:
        raise AudioError(f"cannot read {path}: {exc.strerror}") from None
    if not head:
        raise AudioError(f"{path} is empty (0 bytes): expected a recording (a WAV file)")
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return _read_wav(path)
    kind = _convertible_kind(head)
    if kind is None:
        raise AudioError(
            f"{path} is not a WAV file (it does not start with RIFF…WAVE) nor a recording format pmprep can "
            "convert (WebM, Ogg, MP4/M4A, MP3, FLAC): expected a WAV recording, 16 kHz mono or better"
        )
    return _convert(path, kind)


def wav_bytes(audio: Audio) -> bytes:
    """``audio`` written out as a WAV file (16-bit mono PCM at its rate), as pmprep keeps a recording."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(audio.rate)
        w.writeframes(audio.samples)
    return out.getvalue()


def read_wav_bytes(data: bytes, source: str) -> Audio:
    """A WAV recording held in memory (an upload) as 16 kHz mono 16-bit audio, or an AudioError whose message
    names it as ``source`` (such as "The recording"). Only integer PCM WAV: nothing is converted."""
    if not data:
        raise AudioError(f"{source} is empty (0 bytes): expected a recording (a WAV file)")
    if not (data[:4] == b"RIFF" and data[8:12] == b"WAVE"):
        raise AudioError(
            f"{source} is not a WAV file (it does not start with RIFF…WAVE): expected a WAV recording, 16 kHz "
            "mono or better"
        )
    return _read_wav(io.BytesIO(data), source)


def _convertible_kind(head: bytes) -> str | None:
    if head[4:8] == _MP4_BRAND:
        return "MP4/M4A audio (as Safari records)"
    return next((kind for magic, kind in _CONVERTIBLE if head.startswith(magic)), None)


def _read_wav(path: Path | BinaryIO, name: str | None = None) -> Audio:
    """A WAV file at ``path`` (or an open binary file called ``name`` in messages)."""
    if name is None:
        name = str(path)
    try:
        with wave.open(str(path) if isinstance(path, Path) else path, "rb") as w:
            channels, width, rate, frames = w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()
            if width == 1:
                raise AudioError(
                    f"{name} has 8-bit samples, too coarse to recognise speech in: expected 16-bit PCM "
                    "(e.g. `sox in.wav -b 16 out.wav`)"
                )
            if width not in (2, 3, 4):
                raise AudioError(f"{name} has {width * 8}-bit samples: expected 16, 24 or 32-bit integer PCM")
            _check_rate(name, rate)
            _check_length(name, frames / rate if rate else 0)
            raw = w.readframes(frames)
    except wave.Error as exc:
        # Python's wave reads integer PCM only: a float or compressed WAV lands here, and ffmpeg reads those.
        if isinstance(path, Path) and shutil.which("ffmpeg"):
            return _convert(path, "a WAV file that is not integer PCM")
        hint = "; installing ffmpeg lets pmprep convert other WAV encodings" if isinstance(path, Path) else ""
        raise AudioError(
            f"{name} is not a WAV file pmprep can read ({exc}): expected integer PCM, 16 kHz mono or better{hint}"
        ) from None
    except EOFError:
        raise AudioError(f"{name} is cut short: its WAV header promises more audio than the file holds") from None
    if frames == 0 or not raw:
        raise AudioError(f"{name} holds no audio (0 samples): expected a recording of an answer")
    samples = _to_float(raw, width)
    usable = len(samples) // channels * channels  # a cut-off last frame is dropped
    mono = samples[:usable].reshape(-1, channels).mean(axis=1)
    return Audio(_to_int16(resample(mono, rate, RATE)), name)


def _check_rate(path: Path | str, rate: int) -> None:
    if rate < MIN_RATE:
        raise AudioError(f"{path} is sampled at {rate} Hz: expected 16 kHz or more (8 kHz at the very least)")


def _check_length(path: Path | str, seconds: float) -> None:
    if seconds > MAX_SECONDS:
        raise AudioError(
            f"{path} is {seconds / 60:.0f} minutes long: pmprep takes recordings of up to {MAX_SECONDS // 60} "
            "minutes (one answer or one presentation); cut it into answers"
        )


def _to_float(raw: bytes, width: int) -> np.ndarray:
    """Little-endian signed samples of ``width`` bytes as floats in [-1, 1)."""
    if width == 2:
        return np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    if width == 4:
        return (np.frombuffer(raw, dtype="<i4").astype(np.float64) / 2147483648.0).astype(np.float32)
    # 24-bit: three bytes a sample, widened to 32 bits by putting them in the top three bytes.
    b = np.frombuffer(raw[: len(raw) // 3 * 3], dtype=np.uint8).reshape(-1, 3).astype(np.int32)
    values = (b[:, 0] << 8) | (b[:, 1] << 16) | (b[:, 2] << 24)
    return (values.astype(np.float64) / 2147483648.0).astype(np.float32)


def _to_int16(samples: np.ndarray) -> bytes:
    return np.clip(np.round(samples * 32768.0), -32768, 32767).astype("<i2").tobytes()


def resample(samples: np.ndarray, rate: int, target: int) -> np.ndarray:
    """``samples`` at ``rate`` resampled to ``target``: low-passed below the new Nyquist frequency when going
    down (so higher frequencies do not fold back as noise), then linearly interpolated. Good enough for speech
    recognition, which reads up to about 7 kHz; not meant for listening."""
    if rate == target or len(samples) == 0:
        return samples.astype(np.float32)
    if target < rate:
        samples = _low_pass(samples, cutoff=0.45 * target / rate)
    n_out = int(len(samples) * target / rate)
    positions = np.arange(n_out, dtype=np.float64) * (rate / target)
    return np.interp(positions, np.arange(len(samples), dtype=np.float64), samples).astype(np.float32)


def _low_pass(samples: np.ndarray, cutoff: float, taps: int = 63) -> np.ndarray:
    """A windowed-sinc FIR filter; ``cutoff`` is a fraction of the sampling rate."""
    n = np.arange(taps) - (taps - 1) / 2
    kernel = 2 * cutoff * np.sinc(2 * cutoff * n) * np.hamming(taps)
    kernel /= kernel.sum()
    return np.convolve(samples.astype(np.float32), kernel.astype(np.float32), mode="same")


def _convert(path: Path, kind: str) -> Audio:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise AudioError(
            f"{path} is {kind}; converting it needs ffmpeg, which is not installed (on Debian or Ubuntu: "
            "`apt-get install ffmpeg`). Or give a WAV file, 16 kHz mono or better"
        )
    command = [ffmpeg, "-nostdin", "-v", "error", "-i", str(path), "-t", str(MAX_SECONDS + 1)]
    command += ["-f", "s16le", "-acodec", "pcm_s16le", "-ac", "1", "-ar", str(RATE), "-"]
    try:
        done = subprocess.run(command, capture_output=True, timeout=_FFMPEG_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise AudioError(f"{path}: ffmpeg took over {_FFMPEG_SECONDS} s to convert it and was stopped") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise AudioError(f"{path} is {kind} that ffmpeg cannot convert: {reason[-1] if reason else 'no reason given'}")
    if not done.stdout:
        raise AudioError(f"{path} is {kind} with no audio in it: expected a recording of an answer")
    _check_length(path, len(done.stdout) / 2 / RATE)
    return Audio(done.stdout[: len(done.stdout) // 2 * 2], str(path))
