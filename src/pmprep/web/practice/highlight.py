"""Lay evidence spans over the answer as non-overlapping, numbered segments for the feedback page."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar


@dataclass(frozen=True)
class Segment:
    text: str
    criterion: int | None = None  # 1-based number of the criterion in the legend
    criterion_name: str = ""
    signal: str = ""


# Criteria whose evidence is a passage, not a phrase: quoted in the criteria table, not highlighted.
WHOLE_PASSAGES = {"coverage"}


# A line break inside a paragraph: not before a blank line, a bullet or a numbered item.
_WRAPPED = re.compile(r"(?<=\S)\n(?=[^\s\-*•\d])")


def unwrapped(text: str) -> str:
    """``text`` with the line breaks of hard-wrapped paragraphs turned into spaces, so it reads as
    formatted paragraphs; same length, so evidence offsets still hold. Bullets and blank lines stay."""
    return _WRAPPED.sub(" ", text)


class Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def signal(self) -> str: ...


class Judged(Protocol):
    """A criterion with its evidence: the analyzer's ``CriterionResult`` or a story's ``StoryCriterion``."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def evidence(self) -> Sequence[Span]: ...


C = TypeVar("C", bound=Judged)


def shown(criteria: Sequence[C], criterion_id: str | None) -> list[C]:
    """The criteria whose evidence is highlighted: only the one asked for (none by default), so the answer
    reads as plain text until the user asks where one criterion's evidence lies."""
    return [c for c in criteria if c.id == criterion_id and c.id not in WHOLE_PASSAGES]


def segments(answer: str, criteria: Sequence[Judged]) -> list[Segment]:
    """Split the answer into plain and highlighted pieces; an earlier-listed criterion wins overlaps."""
    spans: list[tuple[int, int, int, str, str]] = []
    for number, c in enumerate(criteria, start=1):
        if c.id in WHOLE_PASSAGES:
            continue  # its quotes are whole sentences: they would hide every other highlight
        for e in c.evidence:
            if 0 <= e.start < e.end <= len(answer):
                spans.append((e.start, e.end, number, c.name, e.signal))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0]), s[2]))
    out: list[Segment] = []
    pos = 0
    for start, end, number, name, signal in spans:
        if start < pos:
            continue  # overlaps a span already shown
        if start > pos:
            out.append(Segment(answer[pos:start]))
        out.append(Segment(answer[start:end], number, name, signal))
        pos = end
    if pos < len(answer):
        out.append(Segment(answer[pos:]))
    return out
