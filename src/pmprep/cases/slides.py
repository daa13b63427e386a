"""The deck as a PowerPoint file (python-pptx): a title slide, then one slide per written section.

Each section slide shows the section title and up to ``MAX_BULLETS`` bullets (its lines and
sentences, list markers removed, each cut to ``MAX_BULLET_CHARS``); when there are more, the last
bullet says how many more are in the notes. The speaker notes hold the section text exactly as
written, so nothing is lost to the slide's brevity. The title slide's notes hold the full prompt.

Output is reproducible: the document properties are set explicitly (creation and modification
date from ``created``) and the ZIP entries are rewritten with that same timestamp, because
python-pptx stamps each entry with the current time.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from pptx import Presentation
from pptx.util import Inches, Pt

from pmprep.analysis.text import split_sentences
from pmprep.bounded_regex import bounded
from pmprep.cases.deck import SECTIONS, Deck, shorten
from pmprep.pdf_fonts import DEFAULT_CREATED

MAX_BULLETS = 6
MAX_BULLET_CHARS = 160
MAX_SUBTITLE_CHARS = 300
_TITLE_LAYOUT = 0
_CONTENT_LAYOUT = 1
_MARKER = bounded(r"^\s*(?:[-*•–]|\d+[.)]|[a-zA-Z][.)])\s+")


def bullets(text: str) -> list[str]:
    """The bullets a section becomes: one per sentence or line, markers removed, long ones cut."""
    items = []
    for sentence in split_sentences(text):
        item = _MARKER.sub("", sentence.text).strip()
        if item:
            items.append(shorten(" ".join(item.split()), MAX_BULLET_CHARS))
    if len(items) > MAX_BULLETS:
        hidden = len(items) - (MAX_BULLETS - 1)
        items = items[: MAX_BULLETS - 1] + [f"… {hidden} more in the speaker notes"]
    return items


def to_pptx(deck: Deck, created: dt.datetime | None = None) -> bytes:
    """A 16:9 presentation: title slide (title, prompt), then a slide per non-empty section."""
    created = created or DEFAULT_CREATED
    if created.tzinfo is not None:  # the file format stores UTC without an offset
        created = created.astimezone(dt.UTC).replace(tzinfo=None)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)

    title_slide = prs.slides.add_slide(prs.slide_layouts[_TITLE_LAYOUT])
    title_slide.shapes.title.text = deck.title
    title_slide.placeholders[1].text = shorten(" ".join(deck.prompt.split()), MAX_SUBTITLE_CHARS)
    title_slide.notes_slide.notes_text_frame.text = deck.prompt

    for section in SECTIONS:
        text = deck.sections[section]
        if not text.strip():
            continue
        slide = prs.slides.add_slide(prs.slide_layouts[_CONTENT_LAYOUT])
        slide.shapes.title.text = section.label
        body = slide.placeholders[1].text_frame
        for i, item in enumerate(bullets(text)):
            paragraph = body.paragraphs[0] if i == 0 else body.add_paragraph()
            paragraph.text = item
            paragraph.font.size = Pt(20)
        slide.notes_slide.notes_text_frame.text = text

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
