"""The deck as a PDF handout, drawn in the Unicode font of ``pmprep.pdf_fonts`` (Open Sans, shipped by a
package): accented, Greek and Cyrillic text prints as typed, and what the font lacks becomes a plain stand-in
or a visible placeholder (see ``pdf_safe_text``). Nothing the user types is read as markup: text is placed
with ``markdown=False`` and fpdf2 does not interpret HTML in ``multi_cell``.
"""

from __future__ import annotations

import datetime as dt

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from pmprep.cases.deck import SECTIONS, Deck
from pmprep.pdf_fonts import DEFAULT_CREATED, FAMILY, PLACEHOLDER, UnicodePDF, pdf_safe_text

NOT_WRITTEN = "Not written yet."

__all__ = ["DEFAULT_CREATED", "NOT_WRITTEN", "PLACEHOLDER", "pdf_safe_text", "to_pdf"]


def to_pdf(deck: Deck, created: dt.datetime | None = None) -> bytes:
    """An A4 handout: title, prompt, then each section under its numbered heading."""
    pdf = UnicodePDF(format="A4")
    pdf.set_creation_date(created or DEFAULT_CREATED)
    pdf.set_title(pdf_safe_text(deck.title))
    pdf.set_creator("pmprep")
    pdf.set_author("")
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_margins(left=20, top=18, right=20)
    pdf.add_page()

    _block(pdf, deck.title, size=18, style="B", height=9)
    pdf.ln(2)
    _block(pdf, "Case prompt", size=10, style="B", height=6)
    _block(pdf, deck.prompt.strip(), size=10, style="I", height=5)
    if deck.question_id:
        _block(pdf, f"Question: {deck.question_id}", size=9, style="", height=5)
    for section in SECTIONS:
        pdf.ln(4)
        _block(pdf, f"{section.number}. {section.label}", size=13, style="B", height=7)
        text = deck.sections[section].strip()
        _block(pdf, text if text else NOT_WRITTEN, size=11, style="" if text else "I", height=5.5)
    return bytes(pdf.output())


def _block(pdf: FPDF, text: str, *, size: float, style: str, height: float) -> None:
    pdf.set_font(FAMILY, style=style, size=size)
    pdf.multi_cell(
        w=0, h=height, text=pdf_safe_text(text), markdown=False, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
