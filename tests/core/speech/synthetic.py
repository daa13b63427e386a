"""Synthetic spoken answers with known timings: Debian's espeak-ng speaks known texts at a known rate and sox
puts known silences between them (scripts/test installs both). Used by the speech tests and by
benchmarks/speech.py; nothing is committed as audio, every file is made in a temporary folder.

Each spoken part is trimmed of the silence espeak-ng puts around it, so the silences inserted here are the
pauses, and the parts' lengths are the true speech time.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

RATE = 16_000


def tools_missing() -> list[str]:
    return [tool for tool in ("espeak-ng", "sox", "soxi") if shutil.which(tool) is None]


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def seconds(path: Path) -> float:
    return float(_run("soxi", "-D", str(path)))


def words_of(text: str) -> list[str]:
    """The words of a reference text as the recogniser writes them: lower case, no punctuation."""
    return re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower().replace("-", " "))


@dataclass(frozen=True)
class Spoken:
    path: Path
    duration_s: float
    speech: list[tuple[float, float]]  # each spoken part's start and end, in seconds
    words: int  # words spoken, in all parts
    part_words: list[int]  # words spoken in each part

    @property
    def pauses(self) -> list[tuple[float, float]]:
        return [(a[1], b[0]) for a, b in zip(self.speech, self.speech[1:], strict=False)]

    @property
    def speech_s(self) -> float:
        """From the first word to the last, less the inserted silences."""
        return sum(end - start for start, end in self.speech)

    @property
    def wpm(self) -> float:
        return self.words / self.speech_s * 60


def speak(text: str, path: Path, *, wpm: int = 160, voice: str = "en-us", rate: int = RATE) -> float:
    """``text`` spoken into ``path`` (mono 16-bit at ``rate``), trimmed of leading and trailing silence; its
    length in seconds."""
    raw = path.with_suffix(".raw.wav")
    _run("espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(raw), text)
    # silence 1 …: drop the start until sound; reverse, the same, reverse: drop the end's silence too.
    _run("sox", "-R", str(raw), "-r", str(rate), "-c", "1", "-b", "16", str(path), "silence", "1", "0.02", "0.5%")
    trimmed = path.with_suffix(".trim.wav")
    _run("sox", "-R", str(path), str(trimmed), "reverse", "silence", "1", "0.02", "0.5%", "reverse")
    trimmed.replace(path)
    raw.unlink()
    return seconds(path)


def answer(
    parts: list[str | float | tuple[str, int]],
    path: Path,
    *,
    wpm: int = 160,
    voice: str = "en-us",
    lead_s: float = 0.5,
    tail_s: float = 0.5,
    noise: float = 0.003,
    rate: int = RATE,
    channels: int = 1,
) -> Spoken:
    """An answer of spoken texts and silences (a float is a silence of that many seconds, a (text, rate) pair
    a text spoken at its own rate rather than ``wpm``), with ``lead_s``
    and ``tail_s`` of silence around it and faint white noise (``noise``, an amplitude; 0 for none) under all
    of it, as a quiet room has."""
    work = path.parent / f"{path.stem}-parts"
    work.mkdir(exist_ok=True)
    pieces: list[Path] = []
    speech: list[tuple[float, float]] = []
    part_words: list[int] = []
    at = 0.0

    def gap(length: float) -> None:
        nonlocal at
        if length > 0:
            piece = work / f"{len(pieces):03d}-gap.wav"
            _run("sox", "-R", "-n", "-r", str(RATE), "-c", "1", "-b", "16", str(piece), "trim", "0", f"{length}")
            pieces.append(piece)
            at += seconds(piece)

    gap(lead_s)
    for part in parts:
        if isinstance(part, int | float):
            gap(part)
            continue
        text, speed = (part, wpm) if isinstance(part, str) else part
        piece = work / f"{len(pieces):03d}-speech.wav"
        length = speak(text, piece, wpm=speed, voice=voice)
        pieces.append(piece)
        speech.append((at, at + length))
        at += length
        part_words.append(len(words_of(text)))
    gap(tail_s)
    joined = work / "joined.wav"
    _run("sox", "-R", *map(str, pieces), str(joined))
    out = ["-r", str(rate), "-c", str(channels), "-b", "16", str(path)]
    if noise:
        hiss = work / "noise.wav"
        # -R: sox seeds its noise generator the same way every time, so the same call makes the same file.
        _run("sox", "-R", "-n", *f"-r {RATE} -c 1 -b 16 {hiss} synth {at} whitenoise vol {noise}".split())
        _run("sox", "-R", "-m", "-v", "1", str(joined), "-v", "1", str(hiss), *out)  # -v 1: mixed as is, not halved
    else:
        _run("sox", "-R", str(joined), *out)
    shutil.rmtree(work)
    return Spoken(path, seconds(path), speech, sum(part_words), part_words)
