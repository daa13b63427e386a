"""The message folded for matching: lower case, accents and curly quotes straightened, same length.

Rules match the folded text so that "Résumé", "RESUME" and "resume" are one word and "you’re" is
"you're"; because folding never changes the length, a match's offsets point into the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from pmprep.bounded_regex import bounded

_STRAIGHT = {
    "’": "'",
    "‘": "'",
    "‛": "'",
    "′": "'",
    "`": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "«": '"',
    "»": '"',
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
}
_WORD = bounded(r"\S+")


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in _STRAIGHT:
        return _STRAIGHT[c]
    if c.isascii():
        return c.lower()
    lower = c.lower()
    if len(lower) != 1:  # "İ" lowers to two characters; keeping it keeps the offsets
        lower = c
    base = unicodedata.normalize("NFD", lower)[0]
    return base if base.isascii() and base.isalpha() else lower


def fold(text: str) -> str:
    folded = "".join(map(_fold_char, text))
    assert len(folded) == len(text)
    return folded


def word_spans(text: str) -> list[tuple[int, int]]:
    """Whitespace-separated words, as a mail client or LinkedIn would count them."""
    return [m.span() for m in _WORD.finditer(text)]


def squash(text: str) -> str:
    """One line, single spaces: for quoting a span inside a sentence."""
    return " ".join(text.split())
