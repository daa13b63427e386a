"""The deck as a PDF handout, drawn with fpdf2's built-in Helvetica (no font files needed).

A built-in PDF font only covers Latin-1, and no Unicode TTF ships with the packages pmprep
depends on, so every string goes through ``pdf_safe_text`` first: typographic punctuation becomes
its plain equivalent, accented letters outside Latin-1 lose their accent, and anything else
(emoji, CJK, symbols) becomes "?". Nothing the user types is read as markup: text is placed with
``markdown=False`` and fpdf2 does not interpret HTML in ``multi_cell``.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from pmprep.cases.deck import SECTIONS, Deck

# Output is byte-for-byte reproducible: the creation date is this unless the caller passes one.
DEFAULT_CREATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
NOT_WRITTEN = "Not written yet."
UNSUPPORTED = "?"

# Characters people type (or their editors substitute) that Latin-1 lacks, and a plain stand-in.
_PLAIN = {
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "′": "'",
    "‹": "<",
    "›": ">",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "−": "-",
    "…": "...",
    "•": "-",
    "‣": "-",
    "◦": "-",
    "●": "-",
    "▪": "-",
    "→": "->",
    "←": "<-",
    "⇒": "=>",
    "↔": "<->",
    "≥": ">=",
    "≤": "<=",
    "≠": "!=",
    "≈": "~",
    "€": "EUR",
    "₹": "INR",
    "™": "(TM)",
    "✓": "v",
    "✔": "v",
    "✗": "x",
    "✘": "x",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\t": "    ",
}


def pdf_safe_text(text: str) -> str:
    """``text`` using only characters the built-in PDF fonts can draw (Latin-1).

    In order: composed form (NFC); each character kept if it is Latin-1, else its entry in
    ``_PLAIN``; else, if taking its accents off leaves ASCII ("ő" → "o", "ﬁ" → "fi"), that;
    invisible joiners, variation selectors and other marks are dropped; anything left becomes "?".
    """
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _PLAIN:
            out.append(_PLAIN[ch])
        elif ord(ch) < 256:
            out.append(ch)
        elif unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue  # zero-width joiners, variation selectors, stray combining accents
        else:
            plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            out.append(plain if plain and plain.isascii() and plain.isprintable() else UNSUPPORTED)
    return "".join(out)


def to_pdf(deck: Deck, created: dt.datetime | None = None) -> bytes:
    """An A4 handout: title, prompt, then each section under its numbered heading."""
    pdf = FPDF(format="A4")
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
    pdf.set_font("Helvetica", style=style, size=size)
    pdf.multi_cell(w=0, h=height, text=pdf_safe_text(text), markdown=False, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
