"""Cue phrases as content authors write them ("launch*", "went live"), matched as whole words.

Shared by the story bank's rules (story_kinds.yaml) and the analyzer's answer shapes (shapes.yaml):
words separated by spaces, matched case-insensitively on folded text, a word ending in ``*`` taking
any ending, any run of spaces or a comma between words. The named group that matched says which
cue it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pmprep.bounded_regex import bounded

# ASCII letters lower-cased and curly apostrophes straightened: the same length as the text, so
# offsets found in the folded text are offsets in the original (str.lower can change the length).
_FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(65, 91)}, "’": "'", "‘": "'"})


def fold(text: str) -> str:
    return text.translate(_FOLD)


@dataclass(frozen=True)
class CueSet:
    """Cue phrases compiled into one pattern; the named group that matched says which cue it was."""

    phrases: tuple[str, ...]
    pattern: re.Pattern[str]

    def first(self, folded: str) -> re.Match[str] | None:
        # The leftmost match wins; at the same position, the cue listed first (regex alternation order).
        return self.pattern.search(folded)

    def phrase_of(self, match: re.Match[str]) -> str:
        return self.phrases[int(match.lastgroup[1:])]  # type: ignore[index]


def _cue_body(phrase: str) -> str:
    words = []
    for word in phrase.lower().split():
        if word.endswith("*"):
            words.append(re.escape(word[:-1]) + r"[\w'\-]*")
        else:
            words.append(re.escape(word))
    return r"(?:\s*[,;:]\s*|\s+)".join(words)


def compile_cues(phrases: Sequence[str]) -> CueSet:
    """Whole words, case-insensitive (on folded text), any run of spaces or a comma between words;
    a word ending in ``*`` takes any ending."""
    body = "|".join(f"(?P<c{i}>{_cue_body(p)})" for i, p in enumerate(phrases))
    return CueSet(tuple(phrases), bounded(rf"(?<![\w'\-])(?:{body})(?![\w\-])"))
