"""One small document model that every export (feedback, loop, plan, report) is built in.

A ``Document`` is a title, a subtitle and a flat list of blocks. Blocks hold plain text exactly as
the user or pmprep wrote it: renderers (``to_markdown``, ``to_pdf``) do all escaping, so the same
document gives the same words in every format. Blocks are frozen and copy their sequences, so a
caller changing its list afterwards cannot change a built document. A block that cannot be drawn
(a table row of the wrong width, a span outside its text, …) is refused when it is built, with
every problem listed in one ``ValueError``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

MAX_HEADING_LEVEL = 4


def _problems(kind: str, problems: list[str]) -> None:
    if problems:
        raise ValueError(f"{kind}: " + "; ".join(problems))


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2  # the document's title is level 1; sections are 2, subsections 3 and 4

    def __post_init__(self) -> None:
        problems = []
        if not isinstance(self.level, int) or isinstance(self.level, bool) or not 1 <= self.level <= MAX_HEADING_LEVEL:
            problems.append(f"level {self.level!r} is not 1 to {MAX_HEADING_LEVEL}")
        if not self.text.strip():
            problems.append("text is empty")
        _problems("Heading", problems)


@dataclass(frozen=True)
class Paragraph:
    text: str  # blank lines separate paragraphs within it


@dataclass(frozen=True)
class Bullets:
    items: Sequence[str]

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(str(i) for i in self.items))


@dataclass(frozen=True)
class Table:
    caption: str
    header: Sequence[str]
    rows: Sequence[Sequence[str]]  # cells are shown with str(); None shows as an empty cell

    def __post_init__(self) -> None:
        header = tuple(str(h) for h in self.header)
        rows = tuple(tuple("" if c is None else str(c) for c in row) for row in self.rows)
        object.__setattr__(self, "header", header)
        object.__setattr__(self, "rows", rows)
        problems = [] if header else ["header is empty"]
        problems += [
            f"row {i} has {len(row)} cells, the header {len(header)}"
            for i, row in enumerate(rows, start=1)
            if header and len(row) != len(header)
        ]
        _problems("Table", problems)


@dataclass(frozen=True)
class Quote:
    text: str
    cite: str = ""  # who said it, or where it comes from


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one per label. ``max_value`` is a full bar (the largest value when None);
    ``unit`` is appended to each value label as written ("/4" gives "3.0/4", " min" gives "3.0 min")."""

    caption: str
    labels: Sequence[str]
    values: Sequence[float]
    max_value: float | None = None
    unit: str = ""

    def __post_init__(self) -> None:
        labels = tuple(str(label) for label in self.labels)
        object.__setattr__(self, "labels", labels)
        problems = []
        values: list[float] = []
        for i, v in enumerate(self.values, start=1):
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
                problems.append(f"value {i} ({v!r}) is not a finite number of zero or more")
            else:
                values.append(v)  # an int stays one, so a level reads "3", an average "3.0"
        object.__setattr__(self, "values", tuple(values))
        if len(labels) != len(self.values) and not problems:
            problems.append(f"{len(labels)} labels for {len(values)} values")
        if self.max_value is not None:
            m = self.max_value
            if isinstance(m, bool) or not isinstance(m, (int, float)) or not math.isfinite(m) or m <= 0:
                problems.append(f"max_value {m!r} is not a number above zero")
        _problems("BarChart", problems)

    @property
    def scale(self) -> float:
        """The value a full bar stands for."""
        if self.max_value is not None:
            return float(self.max_value)
        return max(self.values, default=0.0) or 1.0

    def fraction(self, value: float) -> float:
        """How much of a full bar ``value`` fills, from 0 to 1 (a value above the scale fills it)."""
        return min(1.0, value / self.scale)


Span = tuple[int, int, str]  # (start, end, label): text[start:end] is evidence for label


@dataclass(frozen=True)
class Piece:
    """A run of a ``Highlighted`` text: plain (``number`` None) or one span with its legend number."""

    text: str
    number: int | None = None


@dataclass(frozen=True)
class Highlighted:
    """A text with evidence spans. Each distinct label gets a number, shown after its spans and in
    a legend: by its position in ``legend`` when given (so numbers can match a table elsewhere),
    else in the order labels first appear in ``spans``. Where spans overlap, the longer one that
    starts first is shown, then the one listed first (the feedback page does the same)."""

    text: str
    spans: Sequence[Span]
    legend: Sequence[str] = ()

    def __post_init__(self) -> None:
        spans = tuple((s[0], s[1], str(s[2])) for s in self.spans)
        object.__setattr__(self, "spans", spans)
        object.__setattr__(self, "legend", tuple(str(label) for label in self.legend))
        problems = [
            f"span {i} ({start}, {end}) is not inside the text of {len(self.text)} characters"
            for i, (start, end, _) in enumerate(spans, start=1)
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(self.text))
        ]
        _problems("Highlighted", problems)

    def numbers(self) -> dict[str, int]:
        """Each label's number: the legend's order first, then the order of first appearance."""
        numbered = {label: n for n, label in enumerate(self.legend, start=1)}
        for _, _, label in self.spans:
            numbered.setdefault(label, len(numbered) + 1)
        return numbered

    def pieces(self) -> list[Piece]:
        """The text cut into plain runs and non-overlapping spans, in order."""
        numbers = self.numbers()
        order = sorted(enumerate(self.spans), key=lambda e: (e[1][0], -(e[1][1] - e[1][0]), e[0]))
        out: list[Piece] = []
        pos = 0
        for _, (start, end, label) in order:
            if start < pos:
                continue  # overlaps a span already shown
            if start > pos:
                out.append(Piece(self.text[pos:start]))
            out.append(Piece(self.text[start:end], numbers[label]))
            pos = end
        if pos < len(self.text):
            out.append(Piece(self.text[pos:]))
        return out

    def shown_legend(self) -> list[tuple[int, str]]:
        """(number, label) for the labels that have a span shown, in number order."""
        shown = {p.number for p in self.pieces() if p.number is not None}
        return [(n, label) for label, n in sorted(self.numbers().items(), key=lambda e: e[1]) if n in shown]


Block = Heading | Paragraph | Bullets | Table | Quote | BarChart | Highlighted
BLOCK_TYPES = (Heading, Paragraph, Bullets, Table, Quote, BarChart, Highlighted)


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str = ""
    blocks: Sequence[Block] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        blocks = tuple(self.blocks)
        object.__setattr__(self, "blocks", blocks)
        problems = [] if self.title.strip() else ["title is empty"]
        problems += [
            f"block {i} is a {type(b).__name__}, not one of {', '.join(t.__name__ for t in BLOCK_TYPES)}"
            for i, b in enumerate(blocks, start=1)
            if not isinstance(b, BLOCK_TYPES)
        ]
        _problems("Document", problems)


def format_value(value: float, unit: str = "") -> str:
    """A chart value as people read it, then the unit: a whole number as it is (3 -> "3"), any other
    number to two decimals without a trailing zero (3.0 -> "3.0", 2.5 -> "2.5", 2.25 -> "2.25")."""
    if isinstance(value, int):
        return f"{value}{unit}"
    text = f"{value:.2f}"
    return (text[:-1] if text.endswith("0") else text) + unit
