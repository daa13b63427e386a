"""A round's sheet as a one-page A5 PDF (a phone-sized page), in the Unicode font of ``pmprep.pdf_fonts``.

Nothing the user typed is read as markup: text is placed with ``markdown=False``. The page breaks on its
own when a sheet is longer than one page.
"""

from __future__ import annotations

import datetime as dt

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from pmprep.interview_week.sheet import RoundSheet
from pmprep.interview_week.sheet_markdown import NO_DECK, NO_STORIES
from pmprep.pdf_fonts import DEFAULT_CREATED, FAMILY, add_fonts, pdf_safe_text


def sheet_pdf(sheet: RoundSheet, created: dt.datetime | None = None) -> bytes:
    pdf = FPDF(format=(148, 210))  # A5
    add_fonts(pdf)
    pdf.set_creation_date(created or DEFAULT_CREATED)
    pdf.set_title(pdf_safe_text(sheet.name))
    pdf.set_creator("pmprep")
    pdf.set_author("")
    pdf.set_auto_page_break(auto=True, margin=10)
    pdf.set_margins(left=10, top=10, right=10)
    pdf.add_page()

    _text(pdf, sheet.name, size=14, style="B", height=6.5)
    _text(pdf, f"{sheet.length} · {sheet.format}", size=8, style="I", height=4)
    _heading(pdf, "Who interviews")
    _text(pdf, ", ".join(sheet.interviewers), size=8.5)
    _heading(pdf, "What they listen for")
    _bullets(pdf, sheet.listen_for)
    _text(pdf, "Avoid: " + "; ".join(sheet.avoid), size=8, style="I", height=4)
    _heading(pdf, "Your stories")
    if not sheet.stories:
        _text(pdf, NO_STORIES.strip("_"), size=8.5, style="I")
    for story in sheet.stories:
        _text(pdf, f"{story.title} (for {story.told_to})", size=9, style="B")
        if story.numbers:
            _text(pdf, "Numbers: " + ", ".join(story.numbers), size=8.5)
        if story.lesson:
            _text(pdf, "Lesson: " + story.lesson, size=8.5)
    if sheet.uncovered:
        _text(pdf, "Not covered: " + sheet.uncovered, size=8, style="I", height=4)
    if sheet.is_case:
        _heading(pdf, "Your case")
        if sheet.case is None:
            _text(pdf, NO_DECK.strip("_"), size=8.5, style="I")
        else:
            _text(pdf, sheet.case.title, size=9, style="B")
            _text(pdf, "Headline: " + sheet.case.headline, size=8.5)
            if sheet.case.numbers:
                _text(pdf, "Numbers to remember: " + " · ".join(sheet.case.numbers), size=8.5)
    _heading(pdf, "Frameworks")
    _bullets(pdf, [f.line for f in sheet.frameworks])
    _heading(pdf, "Questions to ask" + (" (suggested)" if sheet.questions_suggested else ""))
    _bullets(pdf, sheet.questions)
    return bytes(pdf.output())


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(1.5)
    _text(pdf, text, size=10, style="B", height=5)


def _bullets(pdf: FPDF, items) -> None:
    for item in items:
        _text(pdf, f"• {item}", size=8.5)


def _text(pdf: FPDF, text: str, *, size: float, style: str = "", height: float = 4.3) -> None:
    pdf.set_font(FAMILY, style=style, size=size)
    pdf.multi_cell(
        w=0, h=height, text=pdf_safe_text(text), markdown=False, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
