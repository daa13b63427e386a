"""A document as Markdown (CommonMark with GitHub's tables) that shows the user's text literally.

Escaping keeps text readable: only what a Markdown renderer would act on is escaped, with a
backslash. Everywhere: ``\\ ` * _ [ ] < | ~`` and ``&`` when it starts an entity (``&amp;``,
``&#39;``), so no emphasis, code, link, raw HTML, table cell or strikethrough can come from user
text. At the start of a line (leading spaces are dropped, so nothing becomes a code block): ``#``
(heading), ``>`` (quote), ``-``/``+`` then a space (list), ``1.``/``1)`` then a space (numbered list),
and a line of only ``=`` or ``-`` (which would make the line above a heading, or draw a rule).

Evidence markers are written with escaped brackets (``\\[3\\]``, shown as "[3]"), so the user text
after one can never complete them into a link (``[3](…)``), an image or a link definition
(``[3]: …``, which would turn the legend's "[3]" into a link).
"""

from __future__ import annotations

from collections.abc import Sequence

from pmprep.bounded_regex import bounded
from pmprep.reports.document import (
    BarChart,
    Block,
    Bullets,
    Document,
    Heading,
    Highlighted,
    Paragraph,
    Quote,
    Table,
    format_value,
)

BAR_WIDTH = 10
FULL, EMPTY = "█", "░"

_INLINE = bounded(r"([\\`*_\[\]<|~])|&(?=#?\w+;)")
_LIST_MARK = bounded(r"^([-+])(\s|$)")
_NUMBERED = bounded(r"^(\d{1,9})([.)])(\s|$)")
_CLOSING_HASHES = bounded(r"(^|\s)(#+)$")


def to_markdown(doc: Document) -> str:
    """The whole document: the title as ``#``, the subtitle in italics, then each block."""
    parts = [_heading(doc.title, 1)]
    if doc.subtitle.strip():
        parts.append(f"*{_one_line(doc.subtitle)}*")
    parts += [_block(b) for b in doc.blocks]
    return "\n\n".join(p for p in parts if p) + "\n"


def escape(text: str) -> str:
    """User text as a Markdown paragraph (or several) that renders exactly as written."""
    return _lines(_inline(_normal(text)))


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return _heading(block.text, block.level)
    if isinstance(block, Paragraph):
        return escape(block.text)
    if isinstance(block, Bullets):
        return "\n".join(_bullet(item) for item in block.items)
    if isinstance(block, Table):
        return _table(block.caption, block.header, block.rows)
    if isinstance(block, Quote):
        return _quote(block)
    if isinstance(block, BarChart):
        return _chart(block)
    if isinstance(block, Highlighted):
        return _highlighted(block)
    raise TypeError(f"not a block: {block!r}")


def _heading(text: str, level: int) -> str:
    line = _line_start(_one_line(text))
    # A run of "#" at the end, after a space, would be read as the heading's closing sequence.
    line = _CLOSING_HASHES.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", line)
    return f"{'#' * level} {line}"


def _bullet(item: str) -> str:
    lines = escape(item).split("\n")
    # Continuation lines are indented under the item's text, so they stay part of the item.
    return "\n".join([f"- {lines[0]}"] + [f"  {line}" if line else "" for line in lines[1:]])


def _table(caption: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    out = [f"**{_one_line(caption)}**", ""] if caption.strip() else []
    out.append(_row(header))
    out.append("| " + " | ".join("---" for _ in header) + " |")
    out += [_row(r) for r in rows]
    return "\n".join(out)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(_one_line(c) for c in cells) + " |"


def _quote(block: Quote) -> str:
    lines = escape(block.text).split("\n")
    if block.cite.strip():
        lines += ["", f"— {_one_line(block.cite)}"]
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def _chart(chart: BarChart) -> str:
    rows = []
    for label, value in zip(chart.labels, chart.values, strict=True):
        filled = int(chart.fraction(value) * BAR_WIDTH + 0.5)  # half up
        rows.append((label, f"{FULL * filled}{EMPTY * (BAR_WIDTH - filled)} {format_value(value, chart.unit)}"))
    return _table(chart.caption, ("", "Value"), tuple(rows))


def _highlighted(block: Highlighted) -> str:
    out = []
    for piece in block.pieces():
        text = _inline(_newlines(piece.text))
        out.append(text if piece.number is None else _bold(text) + _marker(piece.number))
    body = _lines("".join(out))
    legend = "\n".join(f"- {_marker(n)} {_one_line(label)}" for n, label in block.shown_legend())
    return f"{body}\n\n{legend}" if legend else body


def _marker(number: int) -> str:
    return f"\\[{number}\\]"


def _bold(text: str) -> str:
    """``**…**`` around each line of an (escaped) span, spaces kept outside so it still renders bold."""

    def one(line: str) -> str:
        core = line.strip()
        if not core:
            return line
        left = line[: len(line) - len(line.lstrip())]
        right = line[len(line.rstrip()) :]
        return f"{left}**{core}**{right}"

    return "\n".join(one(line) for line in text.split("\n"))


def _normal(text: str) -> str:
    return _newlines(text).strip()


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _inline(text: str) -> str:
    return _INLINE.sub(lambda m: "\\" + m.group(0), text)


def _one_line(text: str) -> str:
    """Text for a heading, a caption or a table cell: one line, escaped."""
    return _inline(" ".join(text.split()))


def _lines(text: str) -> str:
    """Line-start escapes on each line of already inline-escaped text; runs of blank lines become one."""
    out: list[str] = []
    for raw in text.split("\n"):
        line = _line_start(raw.strip(" \t"))
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")


def _is_underline(line: str) -> bool:
    """A line of only "=" or only "-" (then spaces) would underline the line above into a heading."""
    marks = set(line.rstrip())
    return marks == {"="} or marks == {"-"}


def _line_start(line: str) -> str:
    if line.startswith(("#", ">")):
        return "\\" + line
    if _is_underline(line):
        return "\\" + line
    if _LIST_MARK.match(line):
        return "\\" + line
    return _NUMBERED.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", line, count=1)
