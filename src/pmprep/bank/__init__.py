"""The content catalog: tracks, rounds, competencies, frameworks, questions and primers."""

from __future__ import annotations

from functools import lru_cache

from pmprep.bank.errors import ContentError, Problem
from pmprep.bank.loader import SHIPPED, load_catalog
from pmprep.bank.model import Catalog
from pmprep.bank.query import QuestionFilter, find_questions

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
