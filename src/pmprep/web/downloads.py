"""File downloads shared by every export (feedback, loops, plans, reports, case decks)."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify

MARKDOWN = "text/markdown; charset=utf-8"
PDF = "application/pdf"


def filename(kind: str, text: str, moment: datetime, extension: str) -> str:
    """``feedback-tell-me-about-a-launch-2026-11-02.pdf``: ASCII, short, and dated."""
    words = slugify(text)[:50].rstrip("-")
    return "-".join(p for p in (kind, words, f"{timezone.localtime(moment):%Y-%m-%d}") if p) + f".{extension}"


def download(body: str | bytes, name: str, content_type: str) -> HttpResponse:
    """A file to save, never to be shown or sniffed by the browser."""
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
