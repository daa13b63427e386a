"""Substance: what an answer says beyond the question's own words and the rubric's vocabulary.

An answer earns its criteria from signals (a metric named, a segment, a trade-off word). Those can be
recited without meaning anything: "north star and guardrails matter here, and so does segmentation".
Two measures here tell recital from an answer, both from words alone and deterministic:

- **novel words**: the distinct content words of the answer that are not in the question, not in its
  talking points, not in the vocabulary the signal patterns and rubric look for, and not generic.
  A real answer brings its own nouns and verbs (what the metric counts, who the user is, why a
  number moves); a recital is made of the prompt's and the rubric's words, so it has almost none.
- **topic coverage**: the share of the question's topic words (its text and talking points) the
  answer uses. Another question's good answer, however well built, covers few of them.
- **relevance**: how close the answer is to the question asked (its text and talking points, as a
  tf-idf vector over the bank) beside the bank question it is closest to. An answer to the question
  asked is closest to it (pmprep's strong answers: 0.88 of the best and above); another question's
  answer is closest to that other question (0.46 and below).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from pmprep.analysis.company_files import per_company
from pmprep.analysis.signals import families
from pmprep.analysis.text import FUNCTION_WORDS, Doc, stem
from pmprep.bank import SHIPPED, Catalog, ContentError, Problem
from pmprep.bank.errors import read_content_yaml
from pmprep.bounded_regex import bounded
from pmprep.config import company_file

SUBSTANCE_FILE = SHIPPED / "substance.yaml"
_WORD = bounded(r"[a-z][a-z'-]{0,40}")
_LETTERS = bounded(r"[a-z](?:[a-z'-]{0,40}[a-z])?")
_CLASS = bounded(r"\[([^\]\\^]{1,8})\]")
_ESCAPE = bounded(r"\\[A-Za-z]")
_AVOIDED = bounded(r"\(\?<!(?:[^()\\]|\\.){0,40}\)")  # a negative look-behind: words a pattern avoids, not seeks


def _content_stems(words: Iterable[str]) -> set[str]:
    return {stem(w) for w in words if len(w) > 2 and w not in FUNCTION_WORDS}


def generic_stems() -> frozenset[str]:
    """Stems of the words in substance.yaml (the company's or the shipped one): generic words, buzzwords and
    framework words."""
    return _substance_words_of(company_file("substance.yaml"))


@lru_cache(maxsize=8)
def _substance_words_of(path: Path) -> frozenset[str]:
    return load_substance_words(path)


def load_substance_words(path: Path) -> frozenset[str]:
    """Read and validate a substance-words file; :class:`ContentError` names file, list and entry."""
    where, raw = read_content_yaml(path)
    problems = []
    if not isinstance(raw, dict) or set(raw) != {"generic", "buzzwords", "framework"}:
        problems.append(Problem(where, None, None, "expected the lists generic, buzzwords and framework"))
    else:
        for key, words in raw.items():
            if not isinstance(words, list):
                problems.append(Problem(where, key, None, "expected a list of words"))
                continue
            problems += [
                Problem(where, key, f"[{n}]", f"expected one lower-case word (found {w!r})")
                for n, w in enumerate(words)
                if not isinstance(w, str) or not _WORD.fullmatch(w)
            ]
    if problems:
        raise ContentError(problems)
    return frozenset(stem(w) for words in raw.values() for w in words)


@per_company
def shape_vocabulary() -> frozenset[str]:
    """Stems of every word the signal patterns, the rubric and the frameworks look for: saying them is shape."""
    found: set[str] = set(rubric_vocabulary())
    for family in families().values():
        source = _ESCAPE.sub(" ", _AVOIDED.sub(" ", family.pattern.pattern)).replace("?", "")
        # A class such as [sz] or [- ] stands for each of its characters: read the words both ways.
        for pick in (0, -1):
            spelled = _CLASS.sub(lambda m: m.group(1)[pick], source)  # noqa: B023 - sub() calls it in this turn
            found |= _content_stems(_LETTERS.findall(spelled))
        found |= _content_stems(_LETTERS.findall(family.label.lower()))
    return frozenset(found)


@per_company
def rubric_vocabulary() -> frozenset[str]:
    """Stems of the words that name the rubric's criteria and red flags and the frameworks' steps."""
    from pmprep.analysis.outline import frameworks
    from pmprep.analysis.rubric import rubrics

    found: set[str] = set()
    r = rubrics()
    for definition in [*r.common, *(c for cs in r.by_type.values() for c in cs), *r.red_flags.values()]:
        found |= _content_stems(_LETTERS.findall(definition.name.lower()))
    for framework in frameworks().values():
        for label in (framework.name, *(name for _, name, _ in framework.steps)):
            found |= _content_stems(_LETTERS.findall(label.lower()))
    return frozenset(found)


@dataclass(frozen=True)
class Topic:  # frozen, yet ``asked`` is cached in the instance dict
    """What the question is about: the stems of its wording and of its talking points."""

    question: str
    terms: frozenset[str]
    talking_points: tuple[str, ...]
    question_id: str | None = None  # a bank question's id; None for a typed-in question
    # For a typed-in question, the bank questions worded like it (whose talking points it borrows).
    kin: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, question: str, talking_points: Iterable[str] = (), question_id: str | None = None, kin: Iterable[str] = ()
    ) -> Topic:
        points = tuple(talking_points)
        words = [w.lower for w in Doc(" ".join((question, *points))).alpha_words]
        return cls(question, frozenset(_content_stems(words) - generic_stems()), points, question_id, tuple(kin))

    @property
    def text_and_points(self) -> tuple[str, ...]:
        return (self.question, *self.talking_points)

    @cached_property
    def asked(self) -> Counter[str]:
        """The topic's words as counted for relevance (its text and talking points)."""
        return _topic_terms(_words(" ".join(self.text_and_points)))


@dataclass(frozen=True)
class Substance:
    novel: int  # distinct novel content stems
    content: int  # distinct content stems
    coverage: float  # share of the topic's terms the answer uses (0–1)
    shared: int  # how many of the topic's terms the answer uses

    @property
    def novel_ratio(self) -> float:
        return self.novel / self.content if self.content else 0.0


def measure(doc: Doc, topic: Topic, ignored: set[int] | None = None) -> Substance:
    """The answer's novel words and topic coverage, leaving out sentences in ``ignored`` (repeats)."""
    if ignored:
        wanted = [
            w.lower
            for w, index in zip(doc.words, doc.word_sentences, strict=True)
            if index not in ignored and w.lower[0].isalpha()
        ]
    else:
        wanted = [w.lower for w in doc.alpha_words]
    stems = _content_stems(wanted)
    novel = stems - topic.terms - shape_vocabulary() - generic_stems()
    shared = stems & topic.terms
    coverage = len(shared) / len(topic.terms) if topic.terms else 0.0
    return Substance(len(novel), len(stems), round(coverage, 4), len(shared))


def _topic_terms(words: Iterable[str]) -> Counter[str]:
    generic = generic_stems()
    return Counter(s for s in (stem(w) for w in words if len(w) > 2 and w not in FUNCTION_WORDS) if s not in generic)


def _words(text: str) -> list[str]:
    return [w.lower for w in Doc(text).alpha_words]


@dataclass(frozen=True)
class TopicIndex:
    """Each bank question's topic (its text and talking points) as a unit tf-idf vector, with postings."""

    idf: dict[str, float]
    unseen: float  # the idf of a word no bank question uses
    postings: dict[str, list[tuple[str, float]]]
    vectors: dict[str, dict[str, float]]
    common: int  # a word in more questions than this is left out of ``nearest``

    def vector(self, terms: Counter[str]) -> dict[str, float]:
        weights = {t: (1 + math.log(n)) * self.idf.get(t, self.unseen) for t, n in terms.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}

    def nearest(self, answer: dict[str, float]) -> tuple[str | None, float]:
        """The bank question whose topic is closest to ``answer``, and its cosine."""
        totals: dict[str, float] = defaultdict(float)
        for term, weight in answer.items():
            postings = self.postings.get(term, ())
            if len(postings) > self.common:
                continue  # a word much of the bank uses says little about which question this answers
            for qid, other in postings:
                totals[qid] += weight * other
        if not totals:
            return None, 0.0
        qid = min(totals, key=lambda q: (-totals[q], q))
        return qid, totals[qid]


@lru_cache(maxsize=4)
def topic_index(catalog: Catalog) -> TopicIndex:
    docs = {q.id: _topic_terms(_words(" ".join((q.text, *q.talking_points)))) for q in catalog.questions.values()}
    df: Counter[str] = Counter()
    for terms in docs.values():
        df.update(terms.keys())
    n = len(docs)
    idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}
    index = TopicIndex(idf, math.log(n + 1) + 1, {}, {}, max(8, n // 8))
    for qid in sorted(docs):
        index.vectors[qid] = index.vector(docs[qid])
        for term, weight in index.vectors[qid].items():
            index.postings.setdefault(term, []).append((qid, weight))
    return index


# Two questions whose topics have this cosine ask much the same thing.
SAME_TOPIC = 0.3


@dataclass(frozen=True)
class Relevance:
    similarity: float  # cosine of the answer with the question asked
    nearest_id: str | None  # the bank question the answer is closest to
    nearest: float  # and its cosine
    kinship: float  # cosine of the question asked with that nearest question: high when both ask the same

    @property
    def ratio(self) -> float:
        """The question asked beside the closest bank question: 1.0 when nothing is closer, or when the
        closest one asks much the same thing."""
        best = max(self.similarity, self.nearest)
        if best <= 0:
            return 0.0
        if self.kinship >= SAME_TOPIC:
            return 1.0
        return self.similarity / best


def relevance(doc: Doc, topic: Topic, catalog: Catalog, ignored: set[int] | None = None) -> Relevance:
    index = topic_index(catalog)
    words = [w.lower for w, i in zip(doc.words, doc.word_sentences, strict=True) if not ignored or i not in ignored]
    answer = index.vector(_topic_terms(w for w in words if w[0].isalpha()))
    asked = index.vector(topic.asked)
    similarity = sum(w * asked.get(t, 0.0) for t, w in answer.items())
    nearest_id, nearest = index.nearest(answer)
    other = index.vectors.get(nearest_id, {}) if nearest_id else {}
    kinship = 1.0 if nearest_id in topic.kin else sum(w * other.get(t, 0.0) for t, w in asked.items())
    return Relevance(round(similarity, 4), nearest_id, round(nearest, 4), round(kinship, 4))


# A talking point counts as covered when two consecutive sentences of the answer reach this cosine with
# it: pmprep's strong answers cover 88% of their questions' points at this bar, another question's strong
# answer 4%.
COVERED = 0.2


class PointCover(NamedTuple):
    point: str
    start: int  # the best-matching stretch of the answer (start == end when nothing matches)
    end: int
    similarity: float

    @property
    def covered(self) -> bool:
        return self.similarity >= COVERED


def cover(doc: Doc, topic: Topic, catalog: Catalog, ignored: set[int] | None = None) -> list[PointCover]:
    """For each of the topic's talking points, the stretch of one or two sentences that covers it best."""
    index = topic_index(catalog)
    words: dict[int, list[str]] = defaultdict(list)
    for word, i in zip(doc.words, doc.word_sentences, strict=True):
        if i >= 0 and word.lower[0].isalpha():
            words[i].append(word.lower)
    kept = [s for s in doc.sentences if not ignored or s.index not in ignored]
    # Each stretch as a vector once (stretches with the same words share one), indexed by word, so a
    # point is compared only with the stretches that share a word with it.
    spans: list[tuple[int, int]] = []
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    seen: dict[tuple[str, ...], dict[str, float]] = {}
    for i, sentence in enumerate(kept):
        pair = kept[i : i + 2]
        key = tuple(w for s in pair for w in words[s.index])
        vector = seen.get(key)
        if vector is None:
            vector = seen[key] = index.vector(_topic_terms(key))
        if not vector:
            continue
        for term, weight in vector.items():
            postings[term].append((len(spans), weight))
        spans.append((sentence.start, pair[-1].end))
    out = []
    for point in topic.talking_points:
        totals: dict[int, float] = defaultdict(float)
        for term, weight in index.vector(_topic_terms(_words(point))).items():
            for n, other in postings.get(term, ()):
                totals[n] += weight * other
        best = (0.0, 0, 0)
        if totals:
            n = min(totals, key=lambda k: (-totals[k], k))  # the best, the earliest of equals
            if totals[n] > 0:
                best = (totals[n], *spans[n])
        out.append(PointCover(point, best[1], best[2], round(best[0], 4)))
    return out
