"""The numbers in a story's text: what the result and action checks, the outline and recall keep."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pmprep.analysis.signals import families
from pmprep.analysis.text import Doc
from pmprep.bounded_regex import bounded

# The analyzer's "number" family also counts vague quantities ("a few users", "several weeks"); a
# story's key numbers are the ones a listener could write down.
_VAGUE = bounded(r"^(?:a few|several|couple of|a couple of)\b", re.I)


@dataclass(frozen=True)
class NumberSpan:
    start: int
    end: int
    text: str


@lru_cache(maxsize=4096)
def number_spans(text: str) -> tuple[NumberSpan, ...]:
    """Numbers (with their unit when there is one) in ``text``, in order: ``text[start:end] == span.text``."""
    folded = Doc(text).folded
    out: list[NumberSpan] = []
    for m in families()["number"].pattern.finditer(folded):
        raw = m.group(0)
        start = m.start() + len(raw) - len(raw.lstrip())
        end = m.end() - (len(raw) - len(raw.rstrip(" \n\t,")))
        if end <= start or _VAGUE.match(text[start:end]):
            continue
        out.append(NumberSpan(start, end, text[start:end]))
    return tuple(out)


def key_numbers(*texts: str) -> list[str]:
    """The distinct numbers across ``texts``, in order of first appearance (compared ignoring case)."""
    seen: dict[str, str] = {}
    for text in texts:
        for span in number_spans(text):
            seen.setdefault(" ".join(span.text.lower().split()), " ".join(span.text.split()))
    return list(seen.values())
