"""The case-presentation builder (no Django): a deck in nine sections, checked as it is written,
paced for a 20–30 minute talk, rehearsed against panel questions and exported.

    from pmprep.cases import Deck, check_deck, pacing_plan, qa_probes, to_markdown, to_pdf, to_pptx
    deck = Deck(title="Engagement down in LatAm", prompt=prompt, sections={"problem": "..."})
    review = check_deck(deck)            # findings per section, statuses, a readiness line
    pacing_plan(deck, minutes=25)        # one slot per section, ending exactly at 25:00
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pmprep.cases.deck import (
    MAX_PROMPT_CHARS,
    MAX_SECTION_CHARS,
    MAX_TITLE_CHARS,
    SECTIONS,
    Deck,
    DeckError,
    SectionId,
    from_question,
)
from pmprep.cases.markdown import to_markdown
from pmprep.cases.pacing import (
    IMPORTANCE,
    MAX_TALK_MINUTES,
    MIN_TALK_MINUTES,
    PanelProbe,
    SectionSlot,
    pacing_plan,
    qa_probes,
)
from pmprep.cases.review import DeckReview, Finding, SectionStatus, Severity, check_deck, check_section

if TYPE_CHECKING:
    from pmprep.cases.pdf import pdf_safe_text, to_pdf
    from pmprep.cases.slides import to_pptx

# The exporters load their PDF and PPTX libraries when first used, not when the package is imported: the
# mock loop reads the panel (pmprep.cases.panel) and the CLI starts faster without them.
_EXPORTERS = {"pdf_safe_text": "pmprep.cases.pdf", "to_pdf": "pmprep.cases.pdf", "to_pptx": "pmprep.cases.slides"}


def __getattr__(name: str) -> Any:
    if name in _EXPORTERS:
        return getattr(importlib.import_module(_EXPORTERS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "IMPORTANCE",
    "MAX_PROMPT_CHARS",
    "MAX_SECTION_CHARS",
    "MAX_TALK_MINUTES",
    "MAX_TITLE_CHARS",
    "MIN_TALK_MINUTES",
    "SECTIONS",
    "Deck",
    "DeckError",
    "DeckReview",
    "Finding",
    "PanelProbe",
    "SectionId",
    "SectionSlot",
    "Severity",
    "SectionStatus",
    "check_deck",
    "check_section",
    "from_question",
    "pacing_plan",
    "pdf_safe_text",
    "qa_probes",
    "to_markdown",
    "to_pdf",
    "to_pptx",
]
