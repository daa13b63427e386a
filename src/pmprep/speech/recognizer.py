"""Speech to timed words with PocketSphinx, offline: its English acoustic model ships inside the PyPI package,
and pmprep's domain language model and dictionary (model/, built by scripts/build_speech_model.py) ship
inside pmprep. Nothing is downloaded and no audio leaves the process.

Each stretch of speech the voice detector found is decoded as one utterance (with a little of the silence
around it, which the recogniser needs to start and end words), so word times are in seconds from the start
of the recording and no time is spent decoding silence.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmprep.speech.audio import Audio
from pmprep.speech.voice_activity import Span

MODEL_DIR = Path(__file__).with_name("model")
DOMAIN_LM = MODEL_DIR / "pmprep.lm"
DOMAIN_DICT = MODEL_DIR / "pmprep.dict"
FRAMES_PER_SECOND = 100  # PocketSphinx's frame rate: seg() times are in frames
PAD_S = 0.2  # silence kept on each side of a stretch of speech
# Tokens the recogniser writes for silence and noise: not words.
_NOT_WORDS = frozenset({"<s>", "</s>", "<sil>", "[noise]", "[speech]", "<unk>"})


class RecognizerError(RuntimeError):
    """The recogniser cannot run (its package or model files are missing)."""


@dataclass(frozen=True)
class Settings:
    """What PocketSphinx decodes with. ``lm`` and ``dictionary`` None: the package's stock English ones.
    The beams trade accuracy for speed; the defaults were chosen on the tuning answers (model/README.md)."""

    lm: Path | None = DOMAIN_LM
    dictionary: Path | None = DOMAIN_DICT
    language_weight: float = 8.0
    word_insertion_penalty: float = 0.65
    beam: float = 1e-48
    word_beam: float = 7e-29
    phone_beam: float = 1e-48
    max_hmms_per_frame: int = 30000
    second_pass: bool = True  # fwdflat and bestpath: a flat-lexicon pass and a lattice search after the tree

    def decoder_config(self) -> dict[str, Any]:
        config: dict[str, Any] = {
            "samprate": 16000,
            "lw": self.language_weight,
            "wip": self.word_insertion_penalty,
            "beam": self.beam,
            "wbeam": self.word_beam,
            "pbeam": self.phone_beam,
            "maxhmmpf": self.max_hmms_per_frame,
            "fwdflat": self.second_pass,
            "bestpath": self.second_pass,
            "loglevel": "FATAL",
        }
        if self.lm is not None:
            config["lm"] = str(self.lm)
        if self.dictionary is not None:
            config["dict"] = str(self.dictionary)
        return config


STOCK = Settings(lm=None, dictionary=None, language_weight=6.5)  # the package's own model, as it comes
DOMAIN = Settings()


@dataclass(frozen=True)
class Word:
    """A recognised word and when it was said, in seconds from the start of the recording."""

    word: str
    start: float
    end: float

    def to_dict(self) -> dict[str, object]:
        return {"word": self.word, "start": round(self.start, 2), "end": round(self.end, 2)}


def stock_model_path(name: str = "en-us/en-us.lm.bin") -> str:
    return str(_pocketsphinx().get_model_path(name))


def _pocketsphinx() -> Any:
    try:
        import pocketsphinx
    except ImportError:  # pragma: no cover: a dependency of pmprep; missing only in a broken install
        raise RecognizerError(
            "speech recognition needs the pocketsphinx package: pip install 'pocketsphinx>=5.0,<6'"
        ) from None
    return pocketsphinx


class Recognizer:
    """A loaded decoder. Loading takes a moment, so one is kept per settings (``recognizer()``); decoding is
    serialised, since a PocketSphinx decoder is not safe to share between threads."""

    def __init__(self, settings: Settings = DOMAIN):
        for path in (settings.lm, settings.dictionary):
            if path is not None and not path.is_file():
                raise RecognizerError(
                    f"the speech model file {path} is missing: reinstall pmprep, or rebuild it with "
                    "python scripts/build_speech_model.py --write"
                )
        ps = _pocketsphinx()
        self.settings = settings
        self._decoder = ps.Decoder(**settings.decoder_config())
        self._lock = threading.Lock()

    def words(self, audio: Audio, speech: Sequence[Span]) -> list[Word]:
        """The words said in each stretch of ``speech``, in order."""
        out: list[Word] = []
        with self._lock:
            for start, end in _padded(speech, audio.duration_s):
                out.extend(self._decode(audio.slice(start, end), offset=start))
        return out

    def _decode(self, samples: bytes, offset: float) -> Iterator[Word]:
        if len(samples) < 2 * 1600:  # under 0.1 s: nothing a word fits in
            return
        decoder = self._decoder
        decoder.start_utt()
        decoder.process_raw(samples, full_utt=True)
        decoder.end_utt()
        for seg in decoder.seg():
            word = seg.word.split("(", 1)[0].lower()  # "read(2)": the second pronunciation of "read"
            if word in _NOT_WORDS or word.startswith("++"):
                continue
            yield Word(
                word,
                round(offset + seg.start_frame / FRAMES_PER_SECOND, 2),
                round(offset + (seg.end_frame + 1) / FRAMES_PER_SECOND, 2),
            )


def _padded(speech: Sequence[Span], duration: float) -> list[tuple[float, float]]:
    """The stretches with ``PAD_S`` of silence on each side, merged where the padding meets."""
    out: list[list[float]] = []
    for span in speech:
        start, end = max(0.0, span.start - PAD_S), min(duration, span.end + PAD_S)
        if out and start <= out[-1][1]:
            out[-1][1] = end
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


_loaded: dict[Settings, Recognizer] = {}
_loading = threading.Lock()


def recognizer(settings: Settings = DOMAIN) -> Recognizer:
    """The loaded recogniser for ``settings`` (loaded on first use, then kept)."""
    with _loading:
        found = _loaded.get(settings)
        if found is None:
            found = _loaded[settings] = Recognizer(settings)
        return found
