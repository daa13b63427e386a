"""Filtering the question bank, with full-text search (pmprep.bank.search), and related questions."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pmprep.bank.model import Catalog
from pmprep.bank.schema import Question
from pmprep.bank.search import Search, index_for

__all__ = [
    "Found",
    "QuestionFilter",
    "find",
    "find_questions",
    "invalid_filter_values",
    "pick_question",
    "related_questions",
]


@dataclass(frozen=True)
class QuestionFilter:
    track: str | None = None
    round: str | None = None
    type: str | None = None
    competency: str | None = None
    difficulty: str | None = None
    theme: str | None = None
    text: str | None = None

    def is_empty(self) -> bool:
        return not any(vars(self).values())


def _matches(catalog: Catalog, q: Question, f: QuestionFilter) -> bool:
    if f.track and f.track not in q.tracks:
        return False
    if f.round and f.round not in q.rounds:
        return False
    if f.type and q.type != f.type:
        return False
    if f.difficulty and q.difficulty.value != f.difficulty:
        return False
    if f.theme and f.theme not in q.themes:
        return False
    if f.competency and f.competency not in q.competencies:
        # A dimension also matches questions tagged with a component that maps onto it.
        if f.competency not in catalog.dimensions:
            return False
        if not any(f.competency in catalog.dimensions_of(c) for c in q.competencies):
            return False
    return True


@dataclass(frozen=True)
class Found:
    """The questions a filter finds, best first when it has search text, and how that text was read
    (None without search text)."""

    questions: list[Question]
    search: Search | None = None


def find(catalog: Catalog, f: QuestionFilter) -> Found:
    """Questions matching every given filter; ordered by relevance when there is search text."""
    if f.text is None or not f.text.strip():
        return Found([q for q in catalog.questions.values() if _matches(catalog, q, f)])
    searched = index_for(catalog).search(f.text)
    found = [q for qid in searched.ranked if _matches(catalog, q := catalog.questions[qid], f)]
    return Found(found, searched)


def find_questions(catalog: Catalog, f: QuestionFilter) -> list[Question]:
    """Questions matching every given filter; ordered by relevance when there is search text."""
    return find(catalog, f).questions


def related_questions(catalog: Catalog, question: Question, limit: int = 5) -> list[Question]:
    """Questions to try next: those of the same type first, then any sharing a theme; within each, the
    most shared themes, then competencies, then tracks, ties in bank order. A question of another type
    comes only after every same-type question that shares a theme or a competency."""
    themes, competencies, tracks = set(question.themes), set(question.competencies), set(question.tracks)
    ranked = []
    for position, other in enumerate(catalog.questions.values()):
        if other.id == question.id:
            continue
        same_type = other.type == question.type
        shared_themes = len(themes.intersection(other.themes))
        shared_competencies = len(competencies.intersection(other.competencies))
        if not (shared_themes or (same_type and shared_competencies)):
            continue
        key = (
            not same_type,
            -shared_themes,
            -shared_competencies,
            -len(tracks.intersection(other.tracks)),
            position,
        )
        ranked.append((key, other))
    ranked.sort(key=lambda item: item[0])
    return [q for _, q in ranked[:limit]]


def invalid_filter_values(catalog: Catalog, f: QuestionFilter) -> dict[str, str]:
    """Field -> message for filter values that name nothing in the catalog."""
    problems: dict[str, str] = {}
    checks: dict[str, Mapping[str, object]] = {
        "track": catalog.tracks,
        "round": catalog.rounds,
        "type": catalog.question_types,
        "competency": {**catalog.dimensions, **catalog.components},
        "theme": catalog.themes,
        "difficulty": {"easy": 1, "medium": 1, "hard": 1},
    }
    for name, known in checks.items():
        value = getattr(f, name)
        if value and value not in known:
            problems[name] = f"unknown {name} '{value}'; expected one of: {', '.join(sorted(known))}"
    return problems


def pick_question(catalog: Catalog, f: QuestionFilter, avoid: Iterable[str] = (), seed: str = "") -> Question | None:
    """A question for a drill that fits ``f``, avoiding recently practised ids where possible.

    The choice is stable for a given seed (say, the user and the day), so a reload offers the
    same question, and varies between seeds. When every fitting question was practised
    recently, the least recent ones are not tracked here: any fitting question is allowed.
    """
    fitting = find_questions(catalog, f)
    if not fitting:
        return None
    skip = set(avoid)
    fresh = [q for q in fitting if q.id not in skip] or fitting
    return min(fresh, key=lambda q: hashlib.sha256(f"{seed}:{q.id}".encode()).hexdigest())
