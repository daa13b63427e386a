"""Documents for export (no Django): build a ``Document`` of blocks once, render it as Markdown or PDF.

Every feedback page, mock loop, plan or report that can be downloaded is built as a ``Document``
by its app and rendered here, so all exports escape, page and label text the same way.
"""

from __future__ import annotations

from pmprep.reports.document import (
    BarChart,
    Block,
    Bullets,
    Document,
    Heading,
    Highlighted,
    Paragraph,
    Quote,
    Span,
    Table,
)
from pmprep.reports.markdown import to_markdown
from pmprep.reports.pdf import FOOTER, to_pdf

__all__ = [
    "FOOTER",
    "BarChart",
    "Block",
    "Bullets",
    "Document",
    "Heading",
    "Highlighted",
    "Paragraph",
    "Quote",
    "Span",
    "Table",
    "to_markdown",
    "to_pdf",
]
