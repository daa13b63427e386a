"""A round's sheet as a report document (``pmprep.reports``), so its Markdown and PDF escape, page and
print as every other export does; short blocks, so that it reads on a phone."""

from __future__ import annotations

import datetime as dt

from pmprep.interview_week.sheet import RoundSheet
from pmprep.reports import Block, Bullets, Document, Heading, Paragraph, to_markdown, to_pdf

NO_STORIES = "No story is on this round yet: add one from the portfolio."
NO_DECK = "No case deck yet: build one to carry its headline and numbers here."
SUGGESTED = "Suggested; pick your own on the questions page."


def sheet_document(sheet: RoundSheet) -> Document:
    blocks: list[Block] = [
        Heading("Who interviews"),
        Bullets(sheet.interviewers),
        Heading("What they listen for"),
        Bullets(sheet.listen_for),
        Paragraph("Avoid: " + "; ".join(sheet.avoid)),
        Heading("Your stories"),
    ]
    if not sheet.stories:
        blocks.append(Paragraph(NO_STORIES))
    for story in sheet.stories:
        blocks.append(Heading(f"{story.title} (for {story.told_to})", level=3))
        lines = []
        if story.numbers:
            lines.append("Numbers: " + ", ".join(story.numbers))
        if story.lesson:
            lines.append("Lesson: " + story.lesson)
        if lines:
            blocks.append(Bullets(lines))
    if sheet.uncovered:
        blocks.append(Paragraph("Not covered: " + sheet.uncovered))
    if sheet.is_case:
        blocks.append(Heading("Your case"))
        if sheet.case is None:
            blocks.append(Paragraph(NO_DECK))
        else:
            blocks.append(Paragraph(f"{sheet.case.title}\n\nHeadline: {sheet.case.headline}"))
            if sheet.case.numbers:
                blocks.append(Paragraph("Numbers to remember: " + " · ".join(sheet.case.numbers)))
    blocks += [Heading("Frameworks"), Bullets([f.line for f in sheet.frameworks]), Heading("Questions to ask")]
    if sheet.questions_suggested:
        blocks.append(Paragraph(SUGGESTED))
    blocks.append(Bullets(sheet.questions))
    return Document(sheet.name, f"{sheet.length} · {sheet.format}", blocks)


def sheet_markdown(sheet: RoundSheet) -> str:
    return to_markdown(sheet_document(sheet))


def sheet_pdf(sheet: RoundSheet, created: dt.datetime | None = None) -> bytes:
    return to_pdf(sheet_document(sheet), created=created)
