"""The deck as Markdown: a plain-text copy to keep, paste or print.

User text is written as it was typed (it is the user's own document, and lists written with "-"
stay lists); only the prompt is quoted line by line.
"""

from __future__ import annotations

from pmprep.cases.deck import SECTIONS, Deck
from pmprep.cases.review import DeckReview

NOT_WRITTEN = "_Not written yet._"


def to_markdown(deck: Deck, review: DeckReview | None = None) -> str:
    """Title, the prompt as a quote, the nine sections in order; the review's findings when given."""
    lines = [f"# {_one_line(deck.title)}", ""]
    lines += [f"> {line}".rstrip() for line in deck.prompt.strip().split("\n")]
    lines.append("")
    if deck.question_id:
        lines += [f"Question: `{deck.question_id}`", ""]
    for section in SECTIONS:
        text = deck.sections[section].strip()
        lines += [f"## {section.number}. {section.label}", "", text if text else NOT_WRITTEN, ""]
    if review is not None:
        lines += ["## Review", "", review.readiness, ""]
        for section in SECTIONS:
            lines.append(f"- {section.label}: {review.statuses[section].label}")
        lines.append("")
        for finding in review.findings:
            where = finding.section.label if finding.section else "Whole deck"
            quote = f" (“{_one_line(finding.quote)}”)" if finding.quote else ""
            lines.append(f"- **{where}** ({finding.severity.value}): {finding.message}{quote}")
        if review.findings:
            lines.append("")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())
