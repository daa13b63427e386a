"""Full-text search over the question bank: an inverted index built once per catalog, terms that keep
"A/B" and "north-star" whole, results ranked by where the words are found, and typos forgiven.

- **Terms.** Lower-case and accent-free; letters and digits joined by "/", "-" or "&" stay one term
  ("A/B", "north-star", "e-commerce", "Q&A"). A question's text is indexed by those terms, by their
  parts ("north", "star") and by their parts run together ("northstar"), so "north star" and
  "ecommerce" find it too. A query of only symbols or emoji has no terms and matches nothing
  (:attr:`Search.has_words` is False). Common words ("how", "the", "would") are left out of a
  query unless it has nothing else.
- **Matching.** Every term must be found (in the question's text, its type's and themes' names, its
  talking points or its probes). A term matches a word it equals, and, from three characters on, a
  word it begins ("cache" finds "caches"). A term of four or more characters that matches no word in
  the whole bank is read as a typo and replaced by the bank's words nearest to it (fewest letters
  added, dropped, changed or swapped with a neighbour: rapidfuzz's OSA distance), at most 1 edit away
  for a term under eight characters and 2 from eight on: "bufering" finds what "buffering" finds,
  "chrun" what "churn" finds. :attr:`Search.corrections` says which words were used.
- **Ranking.** A term found in the question's text counts 8, in a type or theme name 4, in a talking
  point 2, in a probe 1 (summed over the places it is found), times 3 for the exact word and 2 for a
  word it begins (a typo counts as the word it was read as); a question's score is the sum over its
  terms, ties in bank order.
- **Cost.** A query is cut to :data:`MAX_QUERY_CHARS` characters and :data:`MAX_SEARCH_TERMS` terms,
  each at most :data:`MAX_TERM_CHARS` long, so the work is linear in the query and bounded by the size
  of the bank's vocabulary, whatever is pasted.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from pmprep.bank.model import Catalog
from pmprep.bounded_regex import bounded

MAX_QUERY_CHARS = 200
MAX_SEARCH_TERMS = 12
MAX_TERM_CHARS = 32
PREFIX_FROM = 3  # a shorter term matches only the word it is ("ai", "ux")
TYPO_FROM = 4  # a shorter term is never read as a typo: too many words are one edit from it
# Where a word is found: its weight in a question's score.
TEXT, LABEL, TALKING_POINT, PROBE = 8, 4, 2, 1
EXACT, PREFIX = 3, 2
# Words a query is made of that say nothing about which question is meant.
COMMON = frozenset(
    "a an and are as at be by can do does for from how i in is it its me my of on or our should so "
    "that the this to was we what when where which who why will with would you your".split()
)

# Letters and digits, joined by "/", "-" or "&" into one term; the bounded repeats keep a scan linear.
_TERM = bounded(r"[a-z0-9]+(?:[/&-][a-z0-9]+)*")
_PART = bounded(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case and without accents ("Café" -> "cafe"); a symbol or emoji folds to nothing."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def terms_of(text: str) -> list[str]:
    """The terms of a text as a query reads them ("A/B test on the north-star" -> ["a/b", "test", "on",
    "the", "north-star"])."""
    return _TERM.findall(fold(text))


def _indexed(text: str) -> Iterable[str]:
    """Every word a text is found by: each term, and a joined term's parts and the parts run together."""
    for term in terms_of(text):
        yield term
        parts = _PART.findall(term)
        if len(parts) > 1:
            yield from parts
            yield "".join(parts)


def search_terms(text: str) -> list[str]:
    """The terms a search looks for: each once, common words left out unless nothing else is left, at
    most ``MAX_SEARCH_TERMS`` of them (a pasted paragraph must not cost a scan of the bank per word)."""
    found = [t[:MAX_TERM_CHARS] for t in terms_of(text[:MAX_QUERY_CHARS])]
    distinct = list(dict.fromkeys(found))
    meaningful = [t for t in distinct if t not in COMMON]
    return (meaningful or distinct)[:MAX_SEARCH_TERMS]


@dataclass(frozen=True)
class Search:
    """What a query found: question ids, best first, and how the query was read."""

    query: str
    terms: tuple[str, ...]
    ranked: tuple[str, ...] = ()
    scores: dict[str, int] = field(default_factory=dict)
    # A term found nowhere in the bank -> the bank's words searched for in its place
    corrections: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def has_words(self) -> bool:
        """False for a query of only symbols, emoji or spaces: there is nothing to look for."""
        return bool(self.terms)


@dataclass(frozen=True)
class SearchIndex:
    """The bank's words, each with the questions that hold it and the weight it has in each."""

    ids: tuple[str, ...]  # question ids in bank order
    postings: dict[str, dict[int, int]]  # word -> {position in ids: weight}
    vocabulary: tuple[str, ...]  # every word, sorted (for words a term begins, by bisection)

    @classmethod
    def build(cls, catalog: Catalog) -> SearchIndex:
        postings: dict[str, dict[int, int]] = {}
        ids = tuple(catalog.questions)
        for position, q in enumerate(catalog.questions.values()):
            labels = [catalog.question_types[q.type].name] if q.type in catalog.question_types else []
            labels += [catalog.themes[t].name for t in q.themes if t in catalog.themes]
            places = [
                ([q.text], TEXT),
                (labels, LABEL),
                (q.talking_points, TALKING_POINT),
                (q.probes, PROBE),
            ]
            weights: dict[str, int] = {}
            for texts, weight in places:
                for word in {w for text in texts for w in _indexed(text)}:
                    weights[word] = weights.get(word, 0) + weight
            for word, weight in weights.items():
                postings.setdefault(word, {})[position] = weight
        return cls(ids, postings, tuple(sorted(postings)))

    def _begun_by(self, term: str) -> list[str]:
        start = bisect.bisect_left(self.vocabulary, term)
        found = []
        for word in self.vocabulary[start:]:
            if not word.startswith(term):
                break
            found.append(word)
        return found

    def _nearest(self, term: str) -> tuple[str, ...]:
        """The bank's words fewest edits from ``term``, within its allowance; empty if none is."""
        allowed = 1 if len(term) < 8 else 2
        near = process.extract(term, self.vocabulary, scorer=OSA.distance, score_cutoff=allowed, limit=None)
        if not near:
            return ()
        fewest = min(distance for _, distance, _ in near)
        return tuple(sorted(word for word, distance, _ in near if distance == fewest))

    def _expanded(self, term: str, exact: int, prefix: int) -> list[tuple[str, int]]:
        """The words ``term`` matches, each with its factor: the word itself, then the words it begins."""
        words = [(term, exact)] if term in self.postings else []
        if len(term) >= PREFIX_FROM:
            words += [(w, prefix) for w in self._begun_by(term) if w != term]
        return words

    def _matches(self, term: str) -> tuple[dict[int, int], tuple[str, ...]]:
        """Position -> the term's score there, and the words used in its place when it is read as a typo."""
        words = self._expanded(term, EXACT, PREFIX)
        corrected: tuple[str, ...] = ()
        if not words and len(term) >= TYPO_FROM:
            corrected = self._nearest(term)
            words = [found for word in corrected for found in self._expanded(word, EXACT, PREFIX)]
        scores: dict[int, int] = {}
        for word, factor in words:
            for position, weight in self.postings[word].items():
                scores[position] = max(scores.get(position, 0), weight * factor)
        return scores, corrected

    def search(self, query: str) -> Search:
        terms = search_terms(query)
        if not terms:
            return Search(query, ())
        total: dict[int, int] | None = None
        corrections: dict[str, tuple[str, ...]] = {}
        for term in terms:
            scores, corrected = self._matches(term)
            if corrected:
                corrections[term] = corrected
            if total is None:
                total = scores
            else:
                total = {p: s + scores[p] for p, s in total.items() if p in scores}
            if not total:
                break
        ranked = sorted((total or {}).items(), key=lambda item: (-item[1], item[0]))
        return Search(
            query,
            tuple(terms),
            tuple(self.ids[p] for p, _ in ranked),
            {self.ids[p]: s for p, s in ranked},
            corrections,
        )


@lru_cache(maxsize=8)  # one per catalog served (as pmprep.config keeps one catalog per company folder)
def index_for(catalog: Catalog) -> SearchIndex:
    """The catalog's search index, built on first use; a catalog's content never changes once loaded."""
    return SearchIndex.build(catalog)
