"""An answer split into sentences and words, with character offsets into the original text."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property, lru_cache
from typing import NamedTuple

from pmprep.bounded_regex import bounded

# Sentence ends: terminal punctuation followed by space, or a line break (bullets and lists). A line break
# followed by a lower-case word or a digit is a wrapped line, not a break ("the\nreal false-positive rate").
_BREAK = bounded(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n\s*\n|\n(?![ \t]{0,8}[a-z0-9(])")
_ABBREV = bounded(r"(?:\b(?:e\.g|i\.e|vs|etc|approx|Mr|Ms|Mrs|Dr|St|No|Fig|cf|Inc|Ltd|U\.S|a\.m|p\.m)\.)$", re.I)


class _CasedLetters(dict):
    """A translation table, filled as characters are met: a letter outside ASCII becomes "A" or "a"."""

    def __missing__(self, code: int) -> int:
        char = chr(code)
        self[code] = (ord("A") if char.isupper() else ord("a")) if code > 127 and char.isalpha() else code
        return self[code]


_CASED = _CasedLetters()
_FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(65, 91)}, "’": "'", "‘": "'"})
# Longer than the longest abbreviation above, so the window always holds the word boundary before it.
_ABBREV_WINDOW = 12
_KEY_WORD = bounded(r"[a-z0-9]+")
_WORD = bounded(r"[^\W\d_](?:[^\W\d_]|['’\-])*|\d+(?:[.,]\d+)*")  # letters of any alphabet ("São", "crème")

# Small, closed-class English words. Real prose is roughly a third to a half function words;
# gibberish and bare keyword lists have almost none, which is how they are recognised.
FUNCTION_WORDS = frozenset(
    """
a an the and or but if so because as at by for from in into of off on onto out over to up with without
about after before between during through under until while since than then that this these those there
here it its it's i i'm i'd i've me my mine we we're we'd our ours us you your he she him her his they them
their is are was were be been being am do does did done have has had having will would shall should can
could may might must not no nor only also just very too more most less least much many some any each every
all both either neither what which who whom whose when where why how one ones other another such same own
again once first second next last who's what's let's don't didn't doesn't isn't wasn't weren't can't won't
wouldn't couldn't shouldn't haven't hasn't hadn't i'll we'll they'd they're that's there's
""".split()
)


# Sentences, words and hits are named tuples, not frozen dataclasses: a 200 KB answer makes
# hundreds of thousands of them, and a tuple is built several times faster.
class Sentence(NamedTuple):
    index: int  # type: ignore[assignment]  # the sentence's position; shadows tuple.index(), which nothing calls
    start: int
    end: int
    text: str


class Word(NamedTuple):
    start: int
    end: int
    text: str
    lower: str


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0

    def add(start: int, end: int) -> None:
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            s = start + len(chunk) - len(chunk.lstrip())
            out.append(Sentence(len(out), s, s + len(stripped), stripped))

    for match in _BREAK.finditer(text):
        end = match.start()
        # Only the last few characters can end in an abbreviation: looking at the whole piece so far
        # would make a run of "e.g. e.g. …" quadratic.
        if (
            text[end - 1 : end] == "."
            and "\n" not in match.group(0)
            and _ABBREV.search(text[max(pos, end - _ABBREV_WINDOW) : end])
        ):
            continue  # "e.g. Netflix" is not the end of a sentence
        add(pos, end)
        pos = match.end()
    add(pos, len(text))
    return out


def tokenize(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group(0), m.group(0).lower().replace("’", "'")) for m in _WORD.finditer(text)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match 'buffering' with 'buffer', 'members' with 'member'."""
    w = word.lower().strip("'")
    for suffix in (
        "ational",
        "ization",
        "isation",
        "fulness",
        "ments",
        "ment",
        "ings",
        "ing",
        "edly",
        "ness",
        "ities",
        "ity",
        "ies",
        "ied",
        "ers",
        "er",
        "ed",
        "es",
        "s",
        "ly",
    ):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            base = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                return base + "y"
            return base
    return w


class Doc:
    """The answer as analysed: text, sentences and words, computed once."""

    def __init__(self, text: str):
        self.text = text
        self.sentences = split_sentences(text)
        self.words = tokenize(text)

    @cached_property
    def folded(self) -> str:
        """ASCII letters lower-cased and curly apostrophes straightened; same length as ``text``."""
        return self.text.translate(_FOLD)

    @cached_property
    def cased(self) -> str:
        """Every letter outside ASCII as "A" or "a" by its case, the rest as written; same length as ``text``
        (for ASCII patterns that need the case, such as capitalised names)."""
        return self.text.translate(_CASED)

    @cached_property
    def alpha_words(self) -> list[Word]:
        return [w for w in self.words if w.lower[0].isalpha()]

    @property
    def word_count(self) -> int:
        return len(self.words)

    @cached_property
    def function_word_ratio(self) -> float:
        alpha = self.alpha_words
        if not alpha:
            return 0.0
        return sum(1 for w in alpha if w.lower in FUNCTION_WORDS) / len(alpha)

    @cached_property
    def content_stems(self) -> set[str]:
        return {stem(w.lower) for w in self.alpha_words if w.lower not in FUNCTION_WORDS and len(w.lower) > 2}

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def word_sentences(self) -> list[int]:
        """The sentence index of each word (-1 for none), found in one walk over both lists."""
        out: list[int] = []
        sentences, i, last = self.sentences, 0, len(self.sentences)
        for w in self.words:
            while i < last and sentences[i].end <= w.start:
                i += 1
            out.append(i if i < last and sentences[i].start <= w.start else -1)
        return out

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def repeated_sentences(self) -> set[int]:
        """Indexes of sentences that repeat an earlier one (ignoring case, spacing and punctuation)."""
        seen: set[str] = set()
        repeats: set[int] = set()
        for s in self.sentences:
            key = " ".join(_KEY_WORD.findall(s.text.lower()))
            if len(key) < 12:
                continue
            if key in seen:
                repeats.add(s.index)
            seen.add(key)
        return repeats
