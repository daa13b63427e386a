"""Lay the checker's flags over the message as pieces to highlight, numbered to match the legend.

Flags may overlap (a precise question inside an over-long tail, a named post inside a question), so
the message is cut at every flag edge and each piece knows every flag covering it. A piece covered
by any problem is shown as a problem; each flag's marker ("✗1", "✓2") follows its last character.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from pmprep.outreach import Flag


@dataclass(frozen=True)
class Marker:
    number: int  # 1-based, in the order of the report's flags (by position in the message)
    good: bool

    @property
    def symbol(self) -> str:
        return f"{'✓' if self.good else '✗'}{self.number}"


@dataclass(frozen=True)
class Piece:
    text: str
    tone: str = ""  # "", "problem" or "strength"
    depth: int = 0  # how many flags cover it
    markers: tuple[Marker, ...] = ()


def numbered(flags: list[Flag]) -> list[tuple[Marker, Flag]]:
    return [(Marker(n, f.good), f) for n, f in enumerate(flags, start=1)]


def points_label(points: int) -> str:
    """ "+20 points", "−5 points"; empty for 0 (a flag that only marks where a graded strength is)."""
    if not points:
        return ""
    sign = "+" if points > 0 else "−" if points < 0 else ""
    return f"{sign}{abs(points)} point{'' if abs(points) == 1 else 's'}"


def pieces(message: str, flags: list[Flag]) -> list[Piece]:
    marked = [(m, f) for m, f in numbered(flags) if 0 <= f.start < f.end <= len(message)]
    edges = sorted({0, len(message), *(f.start for _, f in marked), *(f.end for _, f in marked)})
    out: list[Piece] = []
    for a, b in pairwise(edges):
        covering = [(m, f) for m, f in marked if f.start <= a and b <= f.end]
        tone = "" if not covering else "problem" if any(not f.good for _, f in covering) else "strength"
        ends = tuple(m for m, f in covering if f.end == b)
        out.append(Piece(message[a:b], tone, len(covering), ends))
    return out
