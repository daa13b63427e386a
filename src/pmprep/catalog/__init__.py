"""The content catalog: tracks, rounds, competencies, frameworks, questions and primers."""

from __future__ import annotations

from functools import lru_cache

from pmprep.catalog.errors import ContentError, Problem
from pmprep.catalog.loader import SHIPPED, load_catalog
from pmprep.catalog.model import Catalog
from pmprep.catalog.query import QuestionFilter, find_questions

__all__ = [
    "Catalog",
    "ContentError",
    "Problem",
    "QuestionFilter",
    "SHIPPED",
    "find_questions",
    "load_catalog",
    "shipped_catalog",
]


@lru_cache(maxsize=1)
def shipped_catalog() -> Catalog:
    """The Netflix catalog that ships with pmprep (loaded once per process)."""
    return load_catalog(SHIPPED)
