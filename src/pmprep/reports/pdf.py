"""A document as an A4 PDF, drawn in the Unicode font of ``pmprep.pdf_fonts`` (no external tools).

Every string goes through ``pmprep.pdf_fonts.pdf_safe_text`` (accented, Greek and Cyrillic text prints;
what the font lacks becomes a stand-in or a visible placeholder) and is placed as plain text: fpdf2's
markdown parsing stays off and nothing reads HTML.
The bytes are reproducible: the creation date is ``created`` (a fixed date when None) and fpdf2
derives the file id from the content. Each page has a footer saying the file is private, with its
page number.

Tables are drawn here, not with ``FPDF.table``, because a cell holding a long answer can be taller
than a page: rows are cut between lines and carried over, with the header repeated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal, cast

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from pmprep.pdf_fonts import DEFAULT_CREATED, FAMILY, UnicodePDF, pdf_safe_text
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

FOOTER = "pmprep — private, generated on your machine"
FONT = FAMILY
BODY_SIZE = 10.5
LINE = 5.2  # mm per line of body text
HEADING_SIZES = {1: 16, 2: 14, 3: 12, 4: 11}
CELL_PAD = 1.5
TABLE_SIZE = 9
TABLE_LINE = 4.7
BAR_HEIGHT = 4.0
INK, MUTED, RULE = (20, 20, 20), (90, 90, 90), (170, 170, 170)
BAR_FILL, BAR_TRACK, HEADER_FILL = (45, 85, 140), (228, 228, 228), (238, 238, 238)


class _Pages(UnicodePDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, style="I", size=8)
        self.set_text_color(*MUTED)
        self.cell(w=0, h=5, text=pdf_safe_text(FOOTER), align="L")
        self.set_x(self.l_margin)
        self.cell(w=0, h=5, text=f"Page {self.page_no()} of {self.str_alias_nb_pages}", align="R")
        self.set_text_color(*INK)


def to_pdf(doc: Document, *, created: dt.datetime | None = None) -> bytes:
    """The document as PDF bytes; the same document and ``created`` always give the same bytes."""
    pdf = _Pages(format="A4")
    pdf.set_creation_date(created or DEFAULT_CREATED)
    pdf.set_title(pdf_safe_text(doc.title))
    pdf.set_creator("pmprep")
    pdf.set_author("")
    pdf.set_lang("en")
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_margins(left=18, top=16, right=18)
    pdf.add_page()
    pdf.set_text_color(*INK)

    _text(pdf, doc.title, size=20, style="B", height=9)
    if doc.subtitle.strip():
        pdf.set_text_color(*MUTED)
        _text(pdf, doc.subtitle, size=11, style="I", height=6)
        pdf.set_text_color(*INK)
    for block in doc.blocks:
        pdf.ln(3)
        _block(pdf, block)
    return bytes(pdf.output())


def _block(pdf: FPDF, block: Block) -> None:
    if isinstance(block, Heading):
        size = HEADING_SIZES[block.level]
        _keep_room(pdf, size * 0.5 + 2 * LINE)  # a heading never ends a page on its own
        pdf.ln(1)
        _text(pdf, block.text, size=size, style="B", height=size * 0.5)
    elif isinstance(block, Paragraph):
        _text(pdf, block.text.strip(), size=BODY_SIZE, style="", height=LINE)
    elif isinstance(block, Bullets):
        _bullets(pdf, block.items)
    elif isinstance(block, Table):
        _table(pdf, block.caption, block.header, block.rows)
    elif isinstance(block, Quote):
        _quote(pdf, block)
    elif isinstance(block, BarChart):
        _chart(pdf, block)
    elif isinstance(block, Highlighted):
        _highlighted(pdf, block)
    else:
        raise TypeError(f"not a block: {block!r}")


def _text(
    pdf: FPDF,
    text: str,
    *,
    size: float,
    style: str,
    height: float,
    indent: float = 0.0,
    border: Literal[0, 1] | str = 0,
    padding: Sequence[int] = (0, 0, 0, 0),
) -> None:
    pdf.set_font(FONT, style=style, size=size)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(
        w=pdf.epw - indent,
        h=height,
        text=pdf_safe_text(text),
        markdown=False,
        border=border,
        padding=padding,
        align="L",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )


def _keep_room(pdf: FPDF, height: float) -> None:
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def _bullets(pdf: FPDF, items: Sequence[str]) -> None:
    for item in items:
        _keep_room(pdf, LINE)
        pdf.set_font(FONT, size=BODY_SIZE)
        pdf.set_x(pdf.l_margin + 1)
        pdf.cell(w=4, h=LINE, text="•")
        _text(pdf, item.strip(), size=BODY_SIZE, style="", height=LINE, indent=5)
        pdf.ln(0.8)


def _quote(pdf: FPDF, quote: Quote) -> None:
    pdf.set_draw_color(*RULE)
    # The rule down the left is each line's own border, so it follows the quote across pages.
    _text(pdf, quote.text.strip(), size=BODY_SIZE, style="I", height=LINE, indent=2, border="L", padding=(0, 0, 0, 3))
    if quote.cite.strip():
        pdf.set_text_color(*MUTED)
        _text(pdf, f"— {' '.join(quote.cite.split())}", size=9, style="", height=LINE, indent=5)
        pdf.set_text_color(*INK)


def _caption(pdf: FPDF, caption: str) -> None:
    if caption.strip():
        _keep_room(pdf, 4 * LINE)
        _text(pdf, " ".join(caption.split()), size=9.5, style="B", height=LINE)
        pdf.ln(0.5)


# ---------------------------------------------------------------- tables


def _table(pdf: FPDF, caption: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    _caption(pdf, caption)
    header_cells = [pdf_safe_text(" ".join(h.split())) for h in header]
    body = [[pdf_safe_text(" ".join(c.split())) for c in row] for row in rows]
    widths = _widths(pdf, header_cells, body)
    head = _cell_lines(pdf, header_cells, widths, bold=True)
    _keep_room(pdf, _height(head) + TABLE_LINE + 2 * CELL_PAD)  # the header never ends a page alone
    _draw_row(pdf, head, widths, fill=True)
    for cells in body:
        _row(pdf, _cell_lines(pdf, cells, widths, bold=False), widths, head)
    pdf.set_font(FONT, size=BODY_SIZE)


def _cell_lines(pdf: FPDF, cells: list[str], widths: list[float], *, bold: bool) -> list[list[str]]:
    """Each cell's text cut into the lines it takes in its column."""
    pdf.set_font(FONT, style="B" if bold else "", size=TABLE_SIZE)
    # With output=LINES, multi_cell() returns the lines; its annotation covers every output it can give.
    return [
        cast(
            list[str],
            pdf.multi_cell(
                w=w - 2 * CELL_PAD, h=TABLE_LINE, text=c, dry_run=True, markdown=False, output=MethodReturnValue.LINES
            ),
        )
        for c, w in zip(cells, widths, strict=True)
    ]


def _row(pdf: FPDF, lines: list[list[str]], widths: list[float], head: list[list[str]]) -> None:
    """One body row. A row that does not fit where it is moves to the next page (under the header
    again); one taller than a whole page fills this page and goes on on the next."""
    count = max(len(c) for c in lines)
    head_height = _height(head)
    per_page = int((pdf.page_break_trigger - pdf.t_margin - head_height - 2 * CELL_PAD) // TABLE_LINE)
    start = 0
    while start < count:
        room = int((pdf.page_break_trigger - pdf.get_y() - 2 * CELL_PAD) // TABLE_LINE)
        left = count - start
        if left > room and (room < 1 or (start == 0 and left <= per_page)):
            pdf.add_page()
            _draw_row(pdf, head, widths, fill=True)
            continue
        take = min(room, left)
        _draw_row(pdf, [c[start : start + take] for c in lines], widths, fill=False)
        start += take


def _height(lines: list[list[str]]) -> float:
    return max(len(c) for c in lines) * TABLE_LINE + 2 * CELL_PAD


def _widths(pdf: FPDF, header: list[str], rows: list[list[str]]) -> list[float]:
    """Column widths across the page: each column's natural width when they all fit; otherwise each
    gets its longest word (within an equal share), and the rest goes to the columns with more text."""
    n, total = len(header), pdf.epw
    columns = [[header[i]] + [r[i] for r in rows] for i in range(n)]
    pdf.set_font(FONT, style="B", size=TABLE_SIZE)  # the widest style a cell is drawn in
    pad = 2 * (CELL_PAD + pdf.c_margin) + 0.5  # fpdf2 keeps c_margin inside every cell as well
    natural = [max(pdf.get_string_width(c) for c in col) + pad for col in columns]
    floor = [
        min(max(max((pdf.get_string_width(w) for c in col for w in c.split()), default=0) + pad, 12.0), total / n)
        for col in columns
    ]
    if sum(natural) <= total:
        return [w * total / sum(natural) for w in natural]
    want = [max(0.0, nat - low) for nat, low in zip(natural, floor, strict=True)]
    spare = total - sum(floor)
    return [low + spare * w / (sum(want) or 1) for low, w in zip(floor, want, strict=True)]


def _draw_row(pdf: FPDF, lines: list[list[str]], widths: list[float], *, fill: bool) -> None:
    y, height = pdf.get_y(), _height(lines)
    x = pdf.l_margin
    pdf.set_font(FONT, style="B" if fill else "", size=TABLE_SIZE)
    pdf.set_draw_color(*RULE)
    pdf.set_fill_color(*HEADER_FILL)
    for cell_lines, width in zip(lines, widths, strict=True):
        pdf.rect(x, y, width, height, style="DF" if fill else "D")
        for i, text in enumerate(cell_lines):
            pdf.set_xy(x + CELL_PAD, y + CELL_PAD + i * TABLE_LINE)
            pdf.cell(w=width - 2 * CELL_PAD, h=TABLE_LINE, text=text, markdown=False)
        x += width
    pdf.set_xy(pdf.l_margin, y + height)


# ---------------------------------------------------------------- charts


def _chart(pdf: FPDF, chart: BarChart) -> None:
    """A label column, a bar drawn to scale on a grey track, and the value written after it, so the
    figure can be read without the bar (and the bar without colour)."""
    _caption(pdf, chart.caption)
    pdf.set_font(FONT, size=TABLE_SIZE)
    labels = [pdf_safe_text(" ".join(label.split())) for label in chart.labels]
    values = [pdf_safe_text(format_value(v, chart.unit)) for v in chart.values]
    pad = 2 * pdf.c_margin + 0.5
    value_w = max([pdf.get_string_width(v) for v in values] + [8]) + pad + 2
    label_w = min(pdf.epw * 0.4, max([pdf.get_string_width(lbl) for lbl in labels] + [10]) + pad + 2)
    bar_w = pdf.epw - label_w - value_w
    line = TABLE_LINE
    for label, value, number in zip(labels, values, chart.values, strict=True):
        label_lines = cast(
            list[str],
            pdf.multi_cell(
                w=label_w - 2, h=line, text=label, dry_run=True, markdown=False, output=MethodReturnValue.LINES
            ),
        )
        height = max(line, len(label_lines) * line) + 1.5
        _keep_room(pdf, height)
        y = pdf.get_y()
        for i, text in enumerate(label_lines):
            pdf.set_xy(pdf.l_margin, y + i * line)
            pdf.cell(w=label_w - 2, h=line, text=text, markdown=False)
        bar_x, bar_y = pdf.l_margin + label_w, y + (line - BAR_HEIGHT) / 2
        pdf.set_fill_color(*BAR_TRACK)
        pdf.set_draw_color(*RULE)
        pdf.rect(bar_x, bar_y, bar_w, BAR_HEIGHT, style="DF")
        filled = bar_w * chart.fraction(number)
        if filled > 0:
            pdf.set_fill_color(*BAR_FILL)
            pdf.rect(bar_x, bar_y, filled, BAR_HEIGHT, style="F")
        pdf.set_xy(bar_x + bar_w + 2, y)
        pdf.cell(w=value_w - 2, h=line, text=value, markdown=False)
        pdf.set_xy(pdf.l_margin, y + height)
    pdf.set_font(FONT, size=BODY_SIZE)


# ---------------------------------------------------------------- highlighted answers


def _highlighted(pdf: FPDF, block: Highlighted) -> None:
    """Spans in bold and underlined with their number after them, then the legend: the evidence is
    marked by weight, line and number, never by colour alone."""
    pdf.set_x(pdf.l_margin)
    for piece in block.pieces():
        if piece.number is None:
            pdf.set_font(FONT, size=BODY_SIZE)
            pdf.write(LINE, pdf_safe_text(piece.text))
        else:
            pdf.set_font(FONT, style="BU", size=BODY_SIZE)
            pdf.write(LINE, pdf_safe_text(piece.text))
            pdf.set_font(FONT, style="B", size=BODY_SIZE - 2)
            pdf.write(LINE, f"[{piece.number}]")
    pdf.ln(LINE)
    legend = block.shown_legend()
    if legend:
        pdf.ln(1.5)
        for number, label in legend:
            _keep_room(pdf, LINE)
            pdf.set_font(FONT, style="B", size=TABLE_SIZE)
            pdf.set_x(pdf.l_margin)
            pdf.cell(w=8, h=TABLE_LINE, text=f"[{number}]")
            _text(pdf, " ".join(label.split()), size=TABLE_SIZE, style="", height=TABLE_LINE, indent=8)
    pdf.set_font(FONT, size=BODY_SIZE)
