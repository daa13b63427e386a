"""Pathological text shapes: what a hostile (or unlucky) user can paste into any text box.

Shared by the property tests (tests/core/test_linear_time.py) and benchmarks/hostile.py, so the
suite and the benchmark try the same inputs. Each shape is a function of a size in characters
that returns text of exactly that many characters, built by repeating a short unit: regular
expressions and loops that are quadratic show it on repetition, and pasted junk is repetitive.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml


def _repeat(unit: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return make


# A unit per family of trouble. The names are what the benchmark prints.
UNITS: dict[str, str] = {
    # digit and punctuation runs
    "digit-dot run": "1.",
    "digit-comma run": "1,",
    "digits": "1234567890",
    "digit-space run": "1 ",
    "digit-dash run": "1-",
    "money run": "$1",
    "percent run": "1%",
    "times run": "2x",
    "range run": "1-2 ",
    "punctuation run": ".,;:!?-()[]'\"",
    "dots": ".",
    "dashes": "-",
    "slashes": "/",
    "ellipses": "…",
    # abbreviations and sentence breaks
    "abbreviations": "e.g. ",
    "mixed abbreviations": "e.g. i.e. etc. vs. U.S. a.m. ",
    "initials": "A. ",
    # one huge word, no spaces
    "one huge word": "a",
    "one huge hyphenated word": "ab-",
    "no spaces": "Igrew40%byQ2withusers,",
    "apostrophes": "a'",
    # whitespace and lines
    "spaces": " ",
    "blank lines": "\n",
    "tabs and vertical tabs": "\t\x0b",
    "10,000 short lines": "- a\n",
    "numbered lines": "1. a\n",
    "heading lines": "Result:\n",
    "crlf lines": "x\r\n",
    # unicode
    "combining marks": "e\u0301\u0308",
    "emoji": "\U0001f600",
    "emoji sequences": "\U0001f469\u200d\U0001f469\u200d\U0001f467 ",
    "flags": "\U0001f1fa\U0001f1f8",
    "right-to-left": "\u05e9\u05dc\u05d5\u05dd ",
    "cjk": "\u6211\u4eec\u589e\u957f",
    "zero-width": "a\u200b",
    "nbsp words": "I\u00a0led\u00a0",
    "non-characters": "a\ufffe\uffff",
    # words the patterns look for, repeated
    "pronoun run": "I ",
    "from-to run": "from 1 to ",
    "between run": "between 1 and ",
    "so run": "so, ",
    "first run": "First, ",
    "we run": "we ",
    "your run": "your ",
    "the run": "the ",
    "markup": "<a href='x'>[1](javascript:x)</a>**_`",
}

SHAPES: dict[str, Callable[[int], str]] = {name: _repeat(unit) for name, unit in UNITS.items()}


def _prose_paragraphs() -> list[str]:
    data = Path(__file__).resolve().parent / "data" / "answers"
    texts = []
    for path in sorted(data.glob("*.yaml")):
        for group in yaml.safe_load(path.read_text(encoding="utf-8"))["groups"]:
            texts.extend(a["text"] for a in group["answers"])
    return texts


def prose(size: int) -> str:
    """Ordinary answers, one after another, cut to ``size`` characters: the yardstick."""
    paragraphs = _prose_paragraphs()
    out, total, i = [], 0, 0
    while total < size:
        text = paragraphs[i % len(paragraphs)] + "\n\n"
        out.append(text)
        total += len(text)
        i += 1
    return "".join(out)[:size]
