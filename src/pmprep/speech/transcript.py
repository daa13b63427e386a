"""Timed words as text a person can read and the analyzer can judge.

A recogniser writes no punctuation, and the analyzer's signposts ("First, …") and sentences need some, so
it comes from the pauses: a comma where the speaker paused briefly between two words, a full stop where
they paused longer or the voice detector heard silence. The user corrects the draft before it is judged;
nothing here guesses at anything the audio does not show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pmprep.speech.recognizer import Word

COMMA_PAUSE_S = 0.25
STOP_PAUSE_S = 0.6
_CAPITAL_I = frozenset({"i", "i'm", "i'd", "i've", "i'll"})


@dataclass(frozen=True)
class Transcript:
    """The text, and where each word sits in it (character offsets, in the order of ``words``)."""

    text: str
    spans: tuple[tuple[int, int], ...]

    def word_at(self, offset: int) -> int | None:
        """The index of the word at character ``offset``, or of the next word (None past the last word)."""
        return next((i for i, (_start, end) in enumerate(self.spans) if offset < end), None)


def punctuated(words: Sequence[Word]) -> Transcript:
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    at = 0
    new_sentence = True
    for i, w in enumerate(words):
        text = w.word
        if text in _CAPITAL_I:
            text = "I" + text[1:]
        elif new_sentence:
            text = text[:1].upper() + text[1:]
        if i:
            pieces.append(" ")
            at += 1
        spans.append((at, at + len(text)))
        pieces.append(text)
        at += len(text)
        gap = words[i + 1].start - w.end if i + 1 < len(words) else None
        mark = "." if gap is None or gap >= STOP_PAUSE_S else "," if gap >= COMMA_PAUSE_S else ""
        pieces.append(mark)
        at += len(mark)
        new_sentence = mark == "."
    return Transcript("".join(pieces), tuple(spans))
