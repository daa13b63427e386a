"""How much text fits in a box on a slide, and how a long text flows over several boxes.

A presentation program wraps the text itself, with whatever font the viewer's machine has for the one the
deck names (Arial: Liberation Sans on Linux, which has Arial's widths). pmprep cannot ask it, so it
estimates: each character's width comes from Open Sans, the font the PDFs embed (``pmprep.pdf_fonts``),
which is about 4% wider than Arial, and every width is taken :data:`WIDTH_MARGIN` times larger again,
enough for DejaVu Sans, the widest usual fallback. A character Open Sans lacks (Chinese, emoji) counts as
a whole em and a fifth. Lines are :data:`LINE_HEIGHT` times the font size apart. The estimate errs on the
side of room to spare, never of text running out of its box.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pmprep.pdf_fonts import font_file

WIDTH_MARGIN = 1.1
LINE_HEIGHT = 1.2  # single spacing, about 1.15 × the size for Arial; a little more to be safe
MISSING_WIDTH = 1.2  # em, for a character the measuring font has no glyph for


@dataclass(frozen=True)
class Style:
    """How a box's paragraphs are set: sizes in points."""

    size: float
    bold: bool = False
    space_after: float = 0.0
    indent: float = 0.0  # where the text starts, right of the bullet

    @property
    def line(self) -> float:
        return self.size * LINE_HEIGHT


@dataclass(frozen=True)
class Paragraph:
    """One paragraph to flow: its text on one line (spaces normalised), whether it starts with a bullet, and
    the span of the original text it came from (for the speaker notes)."""

    text: str
    bullet: bool = True
    start: int = 0
    end: int = 0


@lru_cache(maxsize=2)
def _metrics(bold: bool) -> tuple[dict[int, float], float]:
    """Each character's advance width in em, and the width of a space."""
    from fontTools.ttLib import TTFont  # fpdf2's own dependency

    with TTFont(font_file("B" if bold else ""), lazy=True) as font:
        per_em = font["head"].unitsPerEm
        advances = font["hmtx"].metrics
        widths = {code: advances[glyph][0] / per_em for code, glyph in font.getBestCmap().items()}
    return widths, widths.get(32, 0.26)


def char_width(ch: str, size: float, bold: bool = False) -> float:
    """``ch``'s width in points, with the margin."""
    widths, _ = _metrics(bold)
    return widths.get(ord(ch), MISSING_WIDTH) * size * WIDTH_MARGIN


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` on one line, in points, with the margin."""
    widths, _ = _metrics(bold)
    return sum(widths.get(ord(ch), MISSING_WIDTH) for ch in text) * size * WIDTH_MARGIN


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` (words one space apart) broken into the lines it takes in a box ``width`` points wide: at
    spaces, and inside a word longer than a whole line. Each line but the last keeps what followed it (" "
    after a word, nothing inside a word), so ``"".join(lines)`` is ``text`` again."""
    lines: list[str] = []
    current = ""
    space = char_width(" ", size, bold)
    current_width = 0.0
    for word in text.split(" "):
        word_width = text_width(word, size, bold)
        if current and current_width + space + word_width <= width:
            current += " " + word
            current_width += space + word_width
            continue
        if current:
            lines.append(current + " ")
        while word_width > width and len(word) > 1:
            taken, used = 0, 0.0
            while taken < len(word) - 1 and used + char_width(word[taken], size, bold) <= width:
                used += char_width(word[taken], size, bold)
                taken += 1
            taken = max(taken, 1)
            lines.append(word[:taken])
            word = word[taken:]
            word_width = text_width(word, size, bold)
        current, current_width = word, word_width
    lines.append(current)
    return lines


def height(paragraphs: list[Paragraph], width: float, style: Style) -> float:
    """The height the paragraphs take in a box ``width`` points wide, in points."""
    lines = (len(wrap(p.text, width - style.indent, style.size, style.bold)) for p in paragraphs)
    return sum(n * style.line + style.space_after for n in lines)


def flow(
    paragraphs: list[Paragraph], width: float, heights: tuple[float, float], style: Style
) -> list[list[Paragraph]]:
    """The paragraphs laid into boxes ``width`` points wide: the first box ``heights[0]`` points tall, every
    other ``heights[1]``. A paragraph that fits a box whole is never split; a longer one fills the box and
    goes on in the next, that part with no bullet of its own. Nothing is left out."""
    pages: list[list[Paragraph]] = [[]]
    used = 0.0

    def room() -> float:
        return (heights[0] if len(pages) == 1 else heights[1]) - used

    for paragraph in paragraphs:
        lines = wrap(paragraph.text, width - style.indent, style.size, style.bold)
        bullet = paragraph.bullet
        while lines:
            need = len(lines) * style.line + style.space_after
            if need <= room() + 0.01:
                pages[-1].append(Paragraph("".join(lines).strip(), bullet, paragraph.start, paragraph.end))
                used += need
                break
            fits = int((room() - style.space_after + 0.01) // style.line)
            if pages[-1] and (need <= heights[1] or fits < 1):
                pages.append([])  # whole on the next box, or at least a line there
                used = 0.0
                continue
            fits = max(fits, 1)
            pages[-1].append(Paragraph("".join(lines[:fits]).strip(), bullet, paragraph.start, paragraph.end))
            lines, bullet = lines[fits:], False
            pages.append([])
            used = 0.0
    return [page for page in pages if page] or [[]]
