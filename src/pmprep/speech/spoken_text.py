"""Written text as the words a speaker says: "6%" is "six percent", "A/B test" is "a b test", "Q3" is "q three".

The domain language model is built from pmprep's written content (scripts/build_speech_model.py), and a
recogniser writes what it hears, so both sides meet here: lower-case words of letters and apostrophes, in
sentences. Markdown is read as prose (headings, list markers, links and emphasis dropped).
"""

from __future__ import annotations

import re

from pmprep.bounded_regex import bounded

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand"), (100, "hundred"))
_ORDINALS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
_SUFFIX_SCALE = {"k": "thousand", "m": "million", "mn": "million", "bn": "billion", "b": "billion"}
_SYMBOLS = {
    "%": " percent ",
    "<": " less than ",
    ">": " more than ",
    "&": " and ",
    "+": " plus ",
    "=": " equals ",
    "@": " at ",
    "×": " times ",
}
_ABBREVIATIONS = (
    (bounded(r"\be\.g\.?(?=\W|$)"), " for example "),
    (bounded(r"\bi\.e\.?(?=\W|$)"), " that is "),
    (bounded(r"\betc\.?(?=\W|$)"), " et cetera "),
    (bounded(r"\bvs\.?(?=\W|$)"), " versus "),
    (bounded(r"\bapprox\.?(?=\W|$)"), " about "),
)
_MARKDOWN = (
    (bounded(r"!?\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # [text](link) is its text
    (bounded(r"^[ \t]*(?:#{1,6}|[-*+•]|\d{1,3}[.)]|>)[ \t]+", re.M), "\n"),  # headings, list markers, quotes
    (bounded(r"[*_`|]+"), " "),
)
_SENTENCE_END = bounded(r"[.!?;:…]+(?=\s|$)|\n\s*\n|\n|[()\[\]{}—–]")
_MONEY = bounded(r"[$€£]\s?(\d[\d,]*(?:\.\d+)?)\s?(k|m|mn|bn|b|million|billion|thousand)?\b", re.I)
_CURRENCY = {"$": "dollars", "€": "euros", "£": "pounds"}
_NUMBER = bounded(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(st|nd|rd|th|k|mn|bn|m|b|x|s)?(?![\w])", re.I)
_LETTER_DIGITS = bounded(r"\b([a-z]{1,2})(\d{1,3})\b", re.I)  # Q3, p95, H264, S3
_DIGITS_THEN_WORD = bounded(r"(?<=\d)(?=[a-z]{2,})(?!(?:st|nd|rd|th|mn|bn|s)\b)", re.I)  # "200ms"
_RANGE = bounded(r"(?<=\d)\s?[-–]\s?(?=\d)")
_WORD = bounded(r"[a-z]+(?:'[a-z]+)*")


def number_words(n: int) -> str:
    """A whole number in words: 2025 is "two thousand twenty five" (the way it is counted; years are read
    by ``_spoken_number``)."""
    if n < 0:
        return "minus " + number_words(-n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (" " + _ONES[ones] if ones else "")
    for scale, name in _SCALES:
        if n >= scale:
            high, rest = divmod(n, scale)
            return f"{number_words(high)} {name}" + (f" {number_words(rest)}" if rest else "")
    raise AssertionError(n)  # pragma: no cover: every n ≥ 100 meets a scale


def _ordinal(words: str) -> str:
    *head, last = words.split()
    if last in _ORDINALS:
        last = _ORDINALS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return " ".join([*head, last])


def _spoken_number(digits: str, suffix: str = "") -> str:
    text = digits.replace(",", "")
    suffix = suffix.lower()
    whole, _, decimals = text.partition(".")
    if not whole.isdigit() or (decimals and not decimals.isdigit()):
        return " " + digits + " "
    n = int(whole)
    if not decimals and suffix.lower() in ("", "s") and len(whole) == 4 and 1910 <= n <= 2099 and not 2000 <= n <= 2009:
        high, low = divmod(n, 100)  # a year: "twenty twenty five", "nineteen ninety", "nineteen oh five"
        spoken = f"{number_words(high)} " + ("hundred" if low == 0 else ("oh " if low < 10 else "") + number_words(low))
    else:
        spoken = number_words(n)
        if decimals:
            spoken += " point " + " ".join(_ONES[int(d)] for d in decimals)
    if suffix in ("st", "nd", "rd", "th") and not decimals:
        spoken = _ordinal(spoken)
    elif suffix in _SUFFIX_SCALE:
        spoken += " " + _SUFFIX_SCALE[suffix]
    elif suffix == "x":
        spoken += " x"
    elif suffix == "s":  # "1990s", "20s"
        spoken = spoken[:-1] + "ies" if spoken.endswith("y") else spoken + "s"
    return f" {spoken} "


def _money(m: re.Match[str]) -> str:
    currency = _CURRENCY[m.group(0)[0]]
    scale = (m.group(2) or "").lower()
    amount = _spoken_number(m.group(1), scale if scale in _SUFFIX_SCALE else "").strip()
    if scale in ("million", "billion", "thousand"):
        amount += " " + scale
    return f" {amount} {currency} "


def _plain(text: str) -> str:
    """The text with markdown, symbols, abbreviations and numbers spelled out, in lower case."""
    for pattern, replacement in _MARKDOWN:
        text = pattern.sub(replacement, text)
    text = text.replace("’", "'").replace("‘", "'")
    text = _MONEY.sub(_money, text)
    text = _LETTER_DIGITS.sub(lambda m: f" {m.group(1)} {_spoken_number(m.group(2)).strip()} ", text)
    text = _DIGITS_THEN_WORD.sub(" ", text)
    text = _RANGE.sub(" to ", text)
    text = _NUMBER.sub(lambda m: _spoken_number(m.group(1), m.group(2) or ""), text)
    for symbol, spoken in _SYMBOLS.items():
        text = text.replace(symbol, spoken)
    text = text.lower()
    for pattern, spoken in _ABBREVIATIONS:
        text = pattern.sub(spoken, text)
    return text


def spoken_sentences(text: str) -> list[list[str]]:
    """``text`` as the sentences a speaker would say, each a list of lower-case words."""
    out = []
    for piece in _SENTENCE_END.split(_plain(text)):
        words = spoken_words_of_plain(piece)
        if words:
            out.append(words)
    return out


def spoken_words(text: str) -> list[str]:
    """All of ``text``'s words as spoken, in one list."""
    return [word for sentence in spoken_sentences(text) for word in sentence]


def spoken_words_of_plain(piece: str) -> list[str]:
    # A hyphen or a slash joins words that are said apart ("trade-off", "A/B"); an apostrophe stays inside a
    # word ("don't") and is dropped at its ends (quotes, "members'").
    return _WORD.findall(piece.replace("-", " ").replace("/", " "))


# Contractions a speaker may say in full: the model learns both forms from written text that has one.
_EXPANSIONS = {
    "i'd": "i would",
    "we'd": "we would",
    "you'd": "you would",
    "they'd": "they would",
    "it'd": "it would",
    "that'd": "that would",
    "i'll": "i will",
    "we'll": "we will",
    "you'll": "you will",
    "they'll": "they will",
    "it'll": "it will",
    "i'm": "i am",
    "we're": "we are",
    "you're": "you are",
    "they're": "they are",
    "i've": "i have",
    "we've": "we have",
    "you've": "you have",
    "they've": "they have",
    "it's": "it is",
    "that's": "that is",
    "there's": "there is",
    "what's": "what is",
    "here's": "here is",
    "don't": "do not",
    "doesn't": "does not",
    "didn't": "did not",
    "isn't": "is not",
    "aren't": "are not",
    "wasn't": "was not",
    "weren't": "were not",
    "won't": "will not",
    "wouldn't": "would not",
    "couldn't": "could not",
    "shouldn't": "should not",
    "can't": "can not",
    "haven't": "have not",
    "hasn't": "has not",
}


def uncontracted(words: list[str]) -> list[str] | None:
    """``words`` with every contraction said in full ("i'd" → "i would"), or None when there is none."""
    if not any(w in _EXPANSIONS for w in words):
        return None
    return [part for w in words for part in _EXPANSIONS.get(w, w).split()]
