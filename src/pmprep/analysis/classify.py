"""What kind of question is this? Bank questions keep their stored tags; other text is classified.

Two views are combined: cues in the wording that interviewers use for each type ("tell me about a
time…", "how many…", "should Netflix enter…", in classifier_cues.yaml), and the most similar questions
in the bank and in classifier_questions.yaml, whose types are known. Both are content, deterministic and
need no model download.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pmprep.analysis.company_files import question_types
from pmprep.analysis.feedback import Classification
from pmprep.analysis.text import FUNCTION_WORDS, stem, tokenize
from pmprep.bank import SHIPPED, Catalog, ContentError, Problem
from pmprep.bank.errors import read_content_yaml
from pmprep.bounded_regex import bounded
from pmprep.config import active_catalog, company_file

# Questions in many interviewers' phrasings, labelled with type and shape: the classifier's own data.
EXAMPLES_FILE = SHIPPED / "classifier_questions.yaml"
# Wording interviewers use for each type, with weights: content, like the examples.
CUES_FILE = SHIPPED / "classifier_cues.yaml"

Cue = tuple[re.Pattern[str], float]


def load_cues(path: Path) -> dict[str, list[Cue]]:
    """The classifier's cue file, refused with the file, entry and field of every problem: each question
    type maps to a list of cues, each a pattern that compiles and a positive weight."""
    where, raw = read_content_yaml(path)
    cues = raw.get("cues") if isinstance(raw, dict) else None
    if not isinstance(cues, dict):
        raise ContentError([Problem(where, None, None, "expected a mapping with cues: a list for each question type")])
    problems: list[Problem] = []
    out: dict[str, list[Cue]] = {}
    for qtype, items in cues.items():
        if qtype not in question_types():
            problems.append(
                Problem(where, "cues", str(qtype), f"is not a question type (one of {', '.join(question_types())})")
            )
            continue
        if not isinstance(items, list) or not items:
            problems.append(Problem(where, "cues", qtype, "expected a non-empty list of cues"))
            continue
        out[qtype] = []
        for n, item in enumerate(items):
            entry = f"{qtype}[{n}]"
            if not isinstance(item, dict):
                problems.append(Problem(where, entry, None, "expected a mapping with weight and pattern"))
                continue
            problems.extend(
                Problem(where, entry, f, "is not a field of a cue") for f in sorted(set(item) - {"weight", "pattern"})
            )
            weight, pattern = item.get("weight"), item.get("pattern")
            if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
                problems.append(Problem(where, entry, "weight", "expected a positive number"))
                continue
            if not isinstance(pattern, str) or not pattern.strip():
                problems.append(Problem(where, entry, "pattern", "expected a non-empty pattern"))
                continue
            try:
                out[qtype].append((bounded(pattern, re.I), float(weight)))
            except re.error as exc:
                problems.append(Problem(where, entry, "pattern", f"is not a valid pattern: {exc}"))
    if problems:
        raise ContentError(problems)
    return out


def shipped_cues() -> dict[str, list[Cue]]:
    """The classifier's cues for the company served (its own classifier_cues.yaml, or the shipped one)."""
    return _cues_of(company_file("classifier_cues.yaml"), question_types())


@lru_cache(maxsize=8)
def _cues_of(path: Path, types: tuple[str, ...]) -> dict[str, list[Cue]]:
    return load_cues(path)


@dataclass(frozen=True)
class _Index:
    by_text: dict[str, str]
    vectors: list[tuple[str, dict[str, float], float]]
    idf: dict[str, float]

    def vector(self, text: str) -> tuple[dict[str, float], float]:
        """``text`` as a tf-idf vector over the bank's questions, with its norm (a word no question uses
        weighs as much as the rarest)."""
        unseen = math.log(len(self.vectors) + 1) + 1
        vec = {t: c * self.idf.get(t, unseen) for t, c in _terms(text).items()}
        return vec, math.sqrt(sum(v * v for v in vec.values())) or 1.0


_Label = TypeVar("_Label")


def _nearest(
    vec: dict[str, float], norm: float, rows: Iterable[tuple[_Label, dict[str, float], float]], k: int
) -> list[tuple[_Label, float]]:
    """The ``k`` rows (label, vector, norm) closest to ``vec`` by cosine, earliest first among equals."""
    scored = []
    for n, (label, other, other_norm) in enumerate(rows):
        dot = sum(w * other.get(t, 0.0) for t, w in vec.items())
        if dot:
            scored.append((n, label, dot / (norm * other_norm)))
    scored.sort(key=lambda p: (-p[2], p[0]))
    return [(label, similarity) for _, label, similarity in scored[:k]]


def _key(text: str) -> str:
    return " ".join(w.lower for w in tokenize(text))


def _terms(text: str) -> Counter[str]:
    return Counter(stem(w.lower) for w in tokenize(text) if w.lower not in FUNCTION_WORDS and len(w.lower) > 2)


@lru_cache(maxsize=4)
def _index(catalog: Catalog) -> _Index:
    docs = {q.id: _terms(q.text) for q in catalog.questions.values()}
    df: Counter[str] = Counter()
    for terms in docs.values():
        df.update(terms.keys())
    n = len(docs) or 1
    idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}
    vectors = []  # in id order, so among equally close questions the smaller id comes first
    for qid, terms in sorted(docs.items()):
        vec = {t: c * idf[t] for t, c in terms.items()}
        vectors.append((qid, vec, math.sqrt(sum(v * v for v in vec.values())) or 1.0))
    return _Index({_key(q.text): q.id for q in catalog.questions.values()}, vectors, idf)


def neighbours(catalog: Catalog, text: str, k: int = 7) -> list[tuple[str, float]]:
    """The bank questions worded most like ``text``, with their cosine (ties: the smaller id first)."""
    index = _index(catalog)
    return _nearest(*index.vector(text), index.vectors, k)


@dataclass(frozen=True)
class Example:
    """A question in another interviewer's phrasing, labelled with its type and answer shape."""

    text: str
    type: str
    shape: str


def load_examples(path: Path) -> tuple[Example, ...]:
    """Read and validate a classifier-examples file; :class:`ContentError` names file, entry and field."""
    from pmprep.analysis.shapes import shipped_shapes

    where, raw = read_content_yaml(path)
    items = raw.get("questions") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        raise ContentError([Problem(where, None, "questions", "expected a list of questions")])
    shapes = shipped_shapes()
    problems, out, seen = [], [], set()
    for n, item in enumerate(items):
        entry = f"questions[{n}]"
        if not isinstance(item, dict) or set(item) != {"text", "type", "shape"}:
            problems.append(Problem(where, entry, None, "expected the keys text, type and shape"))
            continue
        text, qtype, shape = item["text"], item["type"], item["shape"]
        if not isinstance(text, str) or not 10 <= len(text.strip()) <= 500:
            problems.append(Problem(where, entry, "text", "expected a question of 10 to 500 characters"))
        elif _key(text) in seen:
            problems.append(Problem(where, entry, "text", "the same question appears earlier"))
        if qtype not in question_types():
            problems.append(Problem(where, entry, "type", f"expected one of {', '.join(question_types())}"))
        elif shape not in {s.id for s in shapes[qtype]}:
            problems.append(
                Problem(
                    where, entry, "shape", f"expected one of {qtype}'s shapes: {', '.join(s.id for s in shapes[qtype])}"
                )
            )
        if isinstance(text, str):
            seen.add(_key(text))
            out.append(Example(text.strip(), qtype, shape))
    if problems:
        raise ContentError(problems)
    return tuple(out)


def shipped_examples() -> tuple[Example, ...]:
    """The classifier's examples for the company served (its own classifier_questions.yaml, or the shipped one)."""
    return _examples_of(company_file("classifier_questions.yaml"), question_types())


@lru_cache(maxsize=8)
def _examples_of(path: Path, types: tuple[str, ...]) -> tuple[Example, ...]:
    return load_examples(path)


@lru_cache(maxsize=4)
def _example_index(catalog: Catalog) -> list[tuple[Example, dict[str, float], float]]:
    index = _index(catalog)
    return [(example, *index.vector(example.text)) for example in shipped_examples()]


def similar_examples(catalog: Catalog, text: str, k: int = 7) -> list[tuple[Example, float]]:
    """The classifier examples worded most like ``text``, with their cosine (ties: the earlier example first)."""
    return _nearest(*_index(catalog).vector(text), _example_index(catalog), k)


def bank_question(text: str, catalog: Catalog | None = None):
    """The bank question with this id or this exact wording, if any."""
    catalog = catalog or active_catalog()
    stripped = text.strip()
    if stripped in catalog.questions:
        return catalog.questions[stripped]
    qid = _index(catalog).by_text.get(_key(stripped))
    return catalog.questions.get(qid) if qid else None


def classify(question: str, catalog: Catalog | None = None) -> Classification:
    """The question's type, competencies and a 0–1 confidence."""
    if not isinstance(question, str):
        raise TypeError("question must be text")
    catalog = catalog or active_catalog()
    stored = bank_question(question, catalog)
    if stored is not None:
        return Classification(stored.type, list(stored.competencies), 1.0, "bank", stored.id)

    text = question[:5000]
    types = question_types()
    scores = {t: 0.0 for t in types}
    for qtype, cues in shipped_cues().items():
        for pattern, weight in cues:
            if pattern.search(text):
                scores[qtype] += weight
    near = neighbours(catalog, text)
    for qid, similarity in near:
        scores[catalog.questions[qid].type] += 6 * similarity
    # Questions in other interviewers' phrasings (classifier_questions.yaml) vote the same way.
    for example, similarity in similar_examples(catalog, text):
        scores[example.type] += 6 * similarity
    total = sum(scores.values())
    if total <= 0:
        return Classification("product_design", _type_competencies(catalog, "product_design"), 0.0, "rules")
    best = max(types, key=lambda t: (scores[t], -types.index(t)))
    ranked = sorted(scores.values(), reverse=True)
    margin = (ranked[0] - ranked[1]) / ranked[0] if ranked[0] else 0.0
    confidence = round(min(1.0, 0.5 * scores[best] / total + 0.5 * margin), 3)
    competencies: Counter[str] = Counter()
    for qid, similarity in near:
        q = catalog.questions[qid]
        if q.type == best:
            for c in q.competencies:
                competencies[c] += similarity  # type: ignore[assignment]  # Counter adds floats too; typeshed counts in int
    chosen = [c for c, _ in competencies.most_common(3)] or _type_competencies(catalog, best)
    return Classification(best, chosen, confidence, "rules")


def _type_competencies(catalog: Catalog, qtype: str) -> list[str]:
    """What a question of the type tests, as its question_types.yaml entry says."""
    info = catalog.question_types.get(qtype)
    return list(info.competencies) if info else []
