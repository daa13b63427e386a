"""The font pmprep's PDFs are drawn in, and the text it can draw: shared by the case deck handout
(``pmprep.cases.pdf``) and every report (``pmprep.reports.pdf``).

The fonts are Open Sans (Steve Matteson; Apache License 2.0) as the ``ttf-opensans`` package ships it, four
static TrueType files, and Noto Sans CJK TC (Adobe and Google; SIL Open Font License 1.1, as the font's own
licence record says) as the ``cvttf-NotoSansCJK-Regular`` package ships it. Both are installed with pmprep and
never downloaded at run time; fpdf2 embeds only the glyphs a document uses. Open Sans draws Latin (accented
letters, Latin Extended, Vietnamese), Greek, Cyrillic and the typographic punctuation people type (curly
quotes, dashes, the ellipsis, €, ™). Chinese, Japanese and Korean text, full-width forms, arrows and check
marks are drawn in Noto Sans CJK, which a :class:`UnicodePDF` registers as its fallback the first time a
text needs it (reading the 16 MB font costs a fifth of a second, so documents without such text skip it).

``pdf_safe_text`` makes any text drawable with them, character by character: a character one of the fonts has
is kept; one both lack becomes a plain stand-in where there is one ("₹" → "INR"), or its letter without the
accent when that is ASCII; invisible joiners, variation selectors and skin-tone modifiers are dropped; anything
else (emoji, Arabic, Hebrew, Devanagari: no registry package ships a well-licensed font for them that fpdf2
can draw without a text shaper) becomes one :data:`PLACEHOLDER` per run, so a reader sees that something
was there.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import unicodedata
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF

FAMILY = "OpenSans"
CJK_FAMILY = "NotoSansCJK"
STYLES = {"": "Regular", "B": "Bold", "I": "Italic", "BI": "BoldItalic"}
PLACEHOLDER = "\ufffd"  # the replacement character "�", which the font draws as a diamond with a question mark
# Output is byte-for-byte reproducible: a PDF's creation date is this unless the caller passes one.
DEFAULT_CREATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

# Characters people type that the font lacks, and a plain stand-in.
_PLAIN = {
    "‟": '"',
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "‣": "-",
    "◦": "-",
    "●": "-",
    "▪": "-",
    "→": "->",
    "←": "<-",
    "⇒": "=>",
    "↔": "<->",
    "₹": "INR",
    "₽": "RUB",
    "₴": "UAH",
    "✓": "v",
    "✔": "v",
    "✗": "x",
    "✘": "x",
    "\u202f": " ",
}
_SKIN_TONES = range(0x1F3FB, 0x1F400)
SOFT_HYPHEN = "\u00ad"


def font_folder() -> Path:
    """Where the ``ttf-opensans`` package keeps its TTF files (found without importing it: its __init__ loads
    Pillow's font module, which the PDFs do not need)."""
    spec = importlib.util.find_spec("ttf_opensans")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the ttf-opensans package is missing: reinstall pmprep (pip install .)")
    return Path(next(iter(spec.submodule_search_locations))) / "ttf"


def font_file(style: str = "") -> Path:
    """The TTF file of a style: "" (regular), "B", "I" or "BI"."""
    return font_folder() / f"OpenSans-{STYLES[style]}.ttf"


def cjk_font_file() -> Path:
    """Noto Sans CJK's OpenType file, as the ``cvttf-NotoSansCJK-Regular`` package keeps it."""
    spec = importlib.util.find_spec("cvttf_NotoSansCJK_Regular")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cvttf-NotoSansCJK-Regular package is missing: reinstall pmprep (pip install .)")
    return Path(next(iter(spec.submodule_search_locations))) / "NotoSansCJKtc-Regular.otf"


def add_fonts(pdf: FPDF) -> str:
    """Register the four styles with ``pdf``; returns the family name to pass to ``set_font``."""
    for style in STYLES:
        pdf.add_font(FAMILY, style, font_file(style))
    return FAMILY


@lru_cache(maxsize=1)
def covered() -> frozenset[int]:
    """The code points every style of the font draws (the four cover the same 883)."""
    from fontTools.ttLib import TTFont  # fpdf2's own dependency, loaded when a PDF is first made

    sets = []
    for style in STYLES:
        with TTFont(font_file(style), lazy=True) as font:
            sets.append(frozenset(font.getBestCmap()))
    return frozenset.intersection(*sets)


@lru_cache(maxsize=1)
def cjk_covered() -> frozenset[int]:
    """The code points the CJK fallback draws (read only when a text has a character Open Sans lacks)."""
    from fontTools.ttLib import TTFont

    with TTFont(cjk_font_file(), lazy=True) as font:
        return frozenset(font.getBestCmap())


def needs_cjk(text: str) -> bool:
    """Whether ``text`` has a character only the CJK fallback draws."""
    drawn = covered()
    return any(ord(ch) not in drawn and ord(ch) in cjk_covered() for ch in text if ord(ch) > 0x7F)


class UnicodePDF(FPDF):
    """An FPDF with pmprep's fonts: Open Sans registered, and Noto Sans CJK added as the fallback the first
    time a drawn text needs it."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        add_fonts(self)
        self._with_cjk = False

    def normalize_text(self, text: str) -> str:
        if not self._with_cjk and needs_cjk(text):
            self.add_font(CJK_FAMILY, "", cjk_font_file())
            self.set_fallback_fonts([CJK_FAMILY], exact_match=False)
            self._with_cjk = True
        return super().normalize_text(text)


def pdf_safe_text(text: str) -> str:
    """``text`` using only characters the PDF font draws (see the module's docstring for what becomes what)."""
    drawn = covered()
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text).replace("\t", "    "):
        if ch in ("\n", SOFT_HYPHEN):  # fpdf2 breaks lines at both
            out.append(ch)
        elif unicodedata.category(ch) in ("Mn", "Me", "Cf", "Cc") or ord(ch) in _SKIN_TONES:
            continue  # zero-width spaces and joiners, variation selectors, stray accents, control characters
        elif ord(ch) in drawn or (ord(ch) > 0x7F and ord(ch) in cjk_covered()):
            out.append(ch)
        elif ch in _PLAIN:
            out.append(_PLAIN[ch])
        else:
            plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            if plain and plain.isascii() and plain.isprintable():
                out.append(plain)
            elif not out or out[-1] != PLACEHOLDER:
                out.append(PLACEHOLDER)
    return "".join(out)
