"""Timed words as text a person can read and the analyzer can judge.

A recogniser writes no punctuation, and the analyzer's signposts ("First, …") and sentences need some, so
it comes from the pauses: a comma where the speaker paused briefly between two words, a full stop where
they paused longer. One guess is made from the words: an ordinal said at the start of the answer or after
a pause ("… three parts. first the users") opens a list, and is written "First," as the analyzer's
signpost cues expect. The user corrects the draft before it is judged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pmprep.speech.recognizer import Word

COMMA_PAUSE_S = 0.2  # a breath inside a sentence is about 0.2–0.5 s…
STOP_PAUSE_S = 0.5  # …and the pause between sentences longer
_ORDINALS = frozenset({"first", "firstly", "second", "secondly", "third", "thirdly", "finally", "lastly"})
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
        paused_before = i == 0 or words[i].start - words[i - 1].end >= COMMA_PAUSE_S
        if not mark and w.word in _ORDINALS and paused_before:
            mark = ","
        pieces.append(mark)
        at += len(mark)
        new_sentence = mark == "."
    return Transcript("".join(pieces), tuple(spans))
