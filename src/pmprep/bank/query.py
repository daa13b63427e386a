"""Filtering and full-text search over the question bank (in memory: the bank is small)."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pmprep.bank.model import Catalog
from pmprep.bank.schema import Question
from pmprep.bounded_regex import bounded

_WORD = bounded(r"[a-z0-9]+")
MAX_SEARCH_TERMS = 12


def words(text: str) -> list[str]:
    """Lower-case, accent-free word tokens ("Café A/B" -> ["cafe", "a", "b"])."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _WORD.findall(folded)


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


def search_terms(text: str) -> list[str]:
    """The words a search looks for: each once, at most ``MAX_SEARCH_TERMS`` of them (a pasted
    paragraph must not cost a scan of the bank per word)."""
    return list(dict.fromkeys(words(text)))[:MAX_SEARCH_TERMS]


def _search_score(catalog: Catalog, q: Question, terms: list[str]) -> int:
    """0 when some term is missing; otherwise higher for hits in the question's own text."""
    fields = [
        (words(q.text), 5),
        (words(" ".join(catalog.themes[t].name for t in q.themes if t in catalog.themes)), 3),
        (words(" ".join(q.talking_points)), 1),
        (words(" ".join(q.probes)), 1),
        (words(q.id.replace("-", " ")), 2),
    ]
    score = 0
    for term in terms:
        hit = sum(weight for toks, weight in fields if any(t.startswith(term) for t in toks))
        if not hit:
            return 0
        score += hit
    return score


def find_questions(catalog: Catalog, f: QuestionFilter) -> list[Question]:
    """Questions matching every given filter; ordered by relevance when there is search text."""
    found = [q for q in catalog.questions.values() if _matches(catalog, q, f)]
    terms = search_terms(f.text or "")
    if not terms:
        return found
    scored = [(s, i, q) for i, q in enumerate(found) if (s := _search_score(catalog, q, terms))]
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [q for _, _, q in scored]


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
