"""The deck as a PowerPoint file (python-pptx): a 16:9 title slide, then each written section.

The look is pmprep's own, set on every shape rather than left to the default template: Arial, dark ink on
white with pmprep's red for the rule above each title and the bullets, and a dark title slide. Every box is
placed for a 13.333 × 7.5 inch slide (the template's placeholders, drawn for 4:3, are moved to match, so a
slide added in PowerPoint lines up too). Each slide's title stays the slide's title placeholder, which
outlines, navigation and screen readers read.

No text is cut. A section's bullets (its lines and sentences, list markers removed) fill the body box as
far as ``slide_text`` estimates they fit; the rest goes on to "Section (continued)" slides, and a prompt too
long for the title slide goes on to "Case prompt (continued)". The speaker notes hold the text exactly as
written: the whole prompt on the title slide, the whole section on a section's first slide, and on a
continued slide the sentences it shows.

Output is reproducible: the document properties are set explicitly (creation and modification
date from ``created``) and the ZIP entries are rewritten with that same timestamp, because
python-pptx stamps each entry with the current time.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from pmprep.analysis.text import split_sentences
from pmprep.bounded_regex import bounded
from pmprep.cases.deck import Deck, shorten
from pmprep.cases.slide_text import Paragraph, Style, flow, height, text_width, wrap
from pmprep.pdf_fonts import DEFAULT_CREATED

FONT = "Arial"
INK, MUTED, ACCENT = RGBColor(0x1D, 0x1D, 0x1F), RGBColor(0x5A, 0x5A, 0x63), RGBColor(0xB2, 0x07, 0x10)
PAPER, ON_DARK, ON_DARK_MUTED = RGBColor(0xFF, 0xFF, 0xFF), RGBColor(0xFF, 0xFF, 0xFF), RGBColor(0xD2, 0xD2, 0xD7)

# The slide and its boxes, in points (72 to the inch): 13.333 × 7.5 inches.
Box = tuple[float, float, float, float]  # left, top, width, height
SLIDE_W, SLIDE_H = 960.0, 540.0
MARGIN = 58.0  # left and right
CONTENT_W = SLIDE_W - 2 * MARGIN
RULE: Box = (MARGIN, 40.0, 64.0, 5.0)  # the red rule above a section's title
TITLE_BOX: Box = (MARGIN, 52.0, CONTENT_W, 60.0)
BODY_BOX: Box = (MARGIN, 130.0, CONTENT_W, 352.0)
FOOTER_BOX: Box = (MARGIN, 500.0, CONTENT_W, 20.0)
COVER_RULE_H = 5.0
COVER_TITLE_TOP = 108.0  # the highest the title slide's title starts
COVER_BOTTOM = 476.0  # where the title slide's prompt must end

TITLE = Style(size=32, bold=True)
COVER_TITLE = Style(size=40, bold=True)
COVER_TITLE_SMALL = Style(size=32, bold=True)  # a title too long for four lines at 40 points
COVER_TITLE_LINES = 4
BODY = Style(size=22, space_after=10, indent=25)
PROMPT = Style(size=20, space_after=8)
FOOTER = Style(size=11)
GAP = 22.0  # between the title slide's title and its prompt

_MARKER = bounded(r"^\s*(?:[-*•–]|\d+[.)]|[a-zA-Z][.)])\s+")
_TITLE_ONLY = 5  # the template layout with a title placeholder and nothing else


@dataclass(frozen=True)
class _Slide:
    title: str
    paragraphs: list[Paragraph]
    notes: str
    style: Style
    cover: bool = False


def bullets(text: str) -> list[Paragraph]:
    """The bullets a section becomes: one per sentence or line, list markers removed, whole (never cut)."""
    items = []
    for sentence in split_sentences(text):
        marker = _MARKER.match(sentence.text)
        item = " ".join(sentence.text[marker.end() if marker else 0 :].split())
        if item:
            items.append(Paragraph(item, True, sentence.start, sentence.end))
    return items


def _paragraphs(text: str) -> list[Paragraph]:
    """``text``'s lines as plain paragraphs (the prompt)."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append(Paragraph(" ".join(line.split()), False, pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _notes(text: str, shown: list[Paragraph]) -> str:
    """The written text behind the paragraphs a continued slide shows, from its first to its last sentence."""
    return text[min(p.start for p in shown) : max(p.end for p in shown)] if shown else ""


def cover_title_style(title: str) -> Style:
    """40 points, or 32 for a title that would take more than four lines."""
    fits = len(wrap(title, CONTENT_W, COVER_TITLE.size, bold=True)) <= COVER_TITLE_LINES
    return COVER_TITLE if fits else COVER_TITLE_SMALL


def cover_boxes(deck: Deck) -> tuple[Box, Box, Box]:
    """The title slide's rule, title box and prompt box: the title and the prompt's first part as one block,
    centred on the slide when it is short, from the top when it is not."""
    style = cover_title_style(deck.title)
    title_h = len(wrap(deck.title, CONTENT_W, style.size, bold=True)) * style.line
    block = title_h + GAP + height(_paragraphs(deck.prompt.strip()), CONTENT_W, PROMPT)
    top = max(COVER_TITLE_TOP, min((SLIDE_H - block) / 2 - 24, COVER_TITLE_TOP + 120))
    prompt_top = top + title_h + GAP
    return (
        (MARGIN, top - 16 - COVER_RULE_H, 64.0, COVER_RULE_H),
        (MARGIN, top, CONTENT_W, title_h),
        (MARGIN, prompt_top, CONTENT_W, COVER_BOTTOM - prompt_top),
    )


def plan(deck: Deck) -> list[_Slide]:
    """Every slide of the deck: what it says, before any of it is drawn."""
    _, _, prompt_box = cover_boxes(deck)
    prompt = deck.prompt.strip()
    pages = flow(_paragraphs(prompt), CONTENT_W, (prompt_box[3], BODY_BOX[3]), PROMPT)
    slides = [_Slide(deck.title, pages[0], deck.prompt, PROMPT, cover=True)]
    slides += [_Slide("Case prompt (continued)", page, _notes(prompt, page), PROMPT) for page in pages[1:]]
    for section in deck.filled:
        text = deck.text(section)
        pages = flow(bullets(text), CONTENT_W, (BODY_BOX[3], BODY_BOX[3]), BODY)
        slides.append(_Slide(section.label, pages[0], text, BODY))
        slides += [_Slide(f"{section.label} (continued)", page, _notes(text, page), BODY) for page in pages[1:]]
    return slides


def to_pptx(deck: Deck, created: dt.datetime | None = None) -> bytes:
    """A 16:9 presentation: the title slide (title, prompt), then the slides of each written section."""
    created = created or DEFAULT_CREATED
    if created.tzinfo is not None:  # the file format stores UTC without an offset
        created = created.astimezone(dt.UTC).replace(tzinfo=None)
    prs = Presentation()
    _widen(prs)
    slides = plan(deck)
    for number, planned in enumerate(slides, start=1):
        slide = prs.slides.add_slide(prs.slide_layouts[_TITLE_ONLY])
        if planned.cover:
            _cover(slide, deck, planned)
        else:
            _section(slide, planned)
            _footer(slide, deck.title, f"{number} / {len(slides)}")
        slide.notes_slide.notes_text_frame.text = planned.notes

    props = prs.core_properties
    props.title = deck.title
    props.subject = shorten(" ".join(deck.prompt.split()), 250)
    props.author = ""
    props.last_modified_by = ""
    props.keywords = deck.question_id or ""
    props.comments = "Case presentation built with pmprep"
    props.category = "case presentation"
    props.revision = 1
    props.created = created
    props.modified = created
    props.last_printed = created

    raw = io.BytesIO()
    prs.save(raw)
    return _fixed_zip(raw.getvalue(), created)


def _widen(prs: Any) -> None:
    """Make the slides 16:9 and move the template's 4:3 placeholders with them (those with a place of their
    own: the others inherit the master's, which moves too)."""
    scale = SLIDE_W / (prs.slide_width / 12700)
    prs.slide_width, prs.slide_height = _emu(SLIDE_W), _emu(SLIDE_H)
    for holder in [*prs.slide_master.placeholders, *(p for layout in prs.slide_layouts for p in layout.placeholders)]:
        if holder._element.spPr.find(qn("a:xfrm")) is not None:
            holder.left, holder.width = Emu(round(holder.left * scale)), Emu(round(holder.width * scale))


def _cover(slide: Any, deck: Deck, planned: _Slide) -> None:
    _background(slide, INK)
    rule, title_box, prompt_box = cover_boxes(deck)
    _rect(slide, rule, ACCENT)
    _title(slide, deck.title, title_box, cover_title_style(deck.title), ON_DARK)
    _text_box(slide, "Prompt", prompt_box, planned.paragraphs, PROMPT, ON_DARK_MUTED)
    below = "Case presentation" + (f" · question {deck.question_id}" if deck.question_id else "")
    _text_box(slide, "Footer", FOOTER_BOX, [Paragraph(_one_line(below), False)], FOOTER, ON_DARK_MUTED)


def _section(slide: Any, planned: _Slide) -> None:
    _background(slide, PAPER)
    _rect(slide, RULE, ACCENT)
    _title(slide, planned.title, TITLE_BOX, TITLE, INK)
    _text_box(slide, "Body", BODY_BOX, planned.paragraphs, planned.style, INK)


def _footer(slide: Any, title: str, page: str) -> None:
    number_w = text_width(page, FOOTER.size) + 4
    left, top, width, height = FOOTER_BOX
    footer = [Paragraph(_one_line(title), False)]
    _text_box(slide, "Footer", (left, top, width - number_w - 12, height), footer, FOOTER, MUTED)
    box = _text_box(
        slide, "Slide number", (left + width - number_w, top, number_w, height), [Paragraph(page, False)], FOOTER, MUTED
    )
    box.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT


def _one_line(text: str, width: float = CONTENT_W - 80) -> str:
    """A footer's text on one line: shortened at a word when it is longer (the whole title is on the title slide)."""
    text = " ".join(text.split())
    limit = len(text)
    while limit > 1 and text_width(shorten(text, limit), FOOTER.size) > width:
        limit -= 1
    return shorten(text, limit)


def _emu(points: float) -> Emu:
    return Emu(round(points * 12700))


def _background(slide: Any, colour: RGBColor) -> None:
    fill = slide.background.fill
    fill.solid()
    fill.fore_color.rgb = colour


def _rect(slide: Any, box: Box, colour: RGBColor) -> None:
    from pptx.enum.shapes import MSO_SHAPE

    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(_emu(v) for v in box))
    shape.fill.solid()
    shape.fill.fore_color.rgb = colour
    shape.line.fill.background()
    # The theme's shape style would add its shadow and outline: this shape is drawn by its own fill only.
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)
    shape.name = "Accent rule"


def _frame(text_frame: Any, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP) -> None:
    # No insets and no autofit: the box is exactly the area slide_text measured for.
    text_frame.word_wrap = True
    text_frame.auto_size = MSO_AUTO_SIZE.NONE
    text_frame.margin_left = text_frame.margin_right = text_frame.margin_top = text_frame.margin_bottom = Emu(0)
    text_frame.vertical_anchor = anchor


def _title(slide: Any, text: str, box: Box, style: Style, colour: RGBColor) -> None:
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = (_emu(v) for v in box)
    frame = shape.text_frame
    _frame(frame)
    frame.text = text
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        paragraph.line_spacing = 1.0
        for run in paragraph.runs:
            _font(run.font, style, colour)


def _text_box(slide: Any, name: str, box: Box, paragraphs: list[Paragraph], style: Style, colour: RGBColor) -> Any:
    shape = slide.shapes.add_textbox(*(_emu(v) for v in box))
    shape.name = name  # what PowerPoint's selection pane shows
    frame = shape.text_frame
    _frame(frame)
    for i, item in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        paragraph.line_spacing = 1.0
        paragraph.space_after = Pt(style.space_after)
        _bullet(paragraph, item.bullet, style.indent)
        run = paragraph.add_run()
        run.text = item.text
        _font(run.font, style, colour)
    return shape


def _bullet(paragraph: Any, bullet: bool, indent: float) -> None:
    """A hanging bullet in the accent colour, or none (a continued item keeps its indent)."""
    props = paragraph._p.get_or_add_pPr()
    props.set("marL", str(_emu(indent)))
    props.set("indent", str(-_emu(indent) if bullet else 0))
    if not bullet or not indent:
        props.append(props.makeelement(qn("a:buNone"), {}))
        return
    colour = props.makeelement(qn("a:buClr"), {})
    colour.append(colour.makeelement(qn("a:srgbClr"), {"val": str(ACCENT)}))
    props.append(colour)
    props.append(props.makeelement(qn("a:buFont"), {"typeface": FONT}))
    props.append(props.makeelement(qn("a:buChar"), {"char": "•"}))


def _font(font: Any, style: Style, colour: RGBColor) -> None:
    font.name = FONT
    font.size = Pt(style.size)
    font.bold = style.bold
    font.italic = False
    font.color.rgb = colour


def _fixed_zip(data: bytes, when: dt.datetime) -> bytes:
    """The same ZIP with every entry stamped ``when`` (ZIP times cannot go before 1980)."""
    stamp = max(when.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
