"""Observable features of an answer: named families of patterns, each hit a span with a label.

Every criterion and red flag is computed from these hits, so every judgement points at the
words that caused it. The patterns are content (signal_cues.yaml in the company folder): they
describe what good answers do in general (numbers, time frames, trade-off language, metrics,
segments…), not the wording of any particular answer. Python keeps how they are found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from pmprep.analysis.claims import hollow_sentences, is_quantity
from pmprep.analysis.text import Doc, stem
from pmprep.bank import SHIPPED, ContentError, Problem
from pmprep.bank.errors import read_content_yaml
from pmprep.bounded_regex import bounded
from pmprep.config import company_file

CUES_FILE = SHIPPED / "signal_cues.yaml"  # the shipped cues; a company folder may bring its own
# The families the judging functions read (pmprep.analysis.criteria, the analyzer, delivery, outline):
# a cue file without one of them is refused, since a criterion would otherwise silently find nothing.
REQUIRED = (
    "number",
    "percent",
    "timeframe",
    "when",
    "i_action",
    "i_word",
    "we_word",
    "obstacle",
    "result",
    "baseline",
    "reflection",
    "stakeholder",
    "tradeoff",
    "problem_framing",
    "user",
    "segment",
    "reason",
    "solution",
    "option",
    "choice",
    "timebox",
    "risk",
    "rollout",
    "metric",
    "north_star",
    "guardrail",
    "metric_unit",
    "goal",
    "dimension",
    "data_check",
    "experiment_design",
    "tech_concept",
    "tech_tradeoff_dim",
    "scale",
    "requirement",
    "hypothesis",
    "honest_limits",
    "market",
    "advantage",
    "phase",
    "recommendation",
    "assumption",
    "arithmetic",
    "breakdown",
    "sanity",
    "range",
    "culture_theme",
    "company_fact",
    "contribution",
    "signpost",
    "conclusion",
    "filler",
    "hedge",
    "rf_talk_to_engineering",
    "rf_rigidity",
    "rf_vague_self",
    "rf_generic_why",
    "rf_blaming",
    "rf_denial",
    "rf_dont_know",
    "pivot",
)
_REFERENCE = bounded(r"\{\{(\w+)\}\}")
_ID = bounded(r"[a-z][a-z0-9_]*")
_FAMILY_FIELDS = frozenset({"id", "label", "patterns"})


@dataclass(frozen=True)
class Family:
    id: str
    label: str  # what a hit shows, in words a candidate understands
    pattern: re.Pattern[str]


def _lower_literals(pattern: str) -> str:
    """Lower-case a pattern's literal letters, leaving escapes such as \\S or \\W as they are."""
    out, escaped = [], False
    for ch in pattern:
        out.append(ch if escaped else ch.lower())
        escaped = (ch == "\\") and not escaped
    return "".join(out)


def family_pattern(alternatives: list[str]) -> re.Pattern[str]:
    """One family's alternatives as a single pattern that matches whole words.

    Patterns run case-sensitively on ASCII-folded text (Doc.folded): the same matches as
    re.IGNORECASE at less than half the cost. Every repeat is bounded (pmprep.bounded_regex), and a
    run of digits is possessive ([\\d,.]*+): nothing after a number starts with a digit, a comma or
    a point, so giving digits back could never help, and on "1.1.1.…" it cost a pass per digit."""
    body = "|".join(f"(?:{_lower_literals(a)})" for a in alternatives)
    # A whole word at the end too, when the match ends in one: a cue that ends in a space or a mark ("1. ",
    # "so: ") is whole whatever follows it.
    return bounded(rf"(?<![\w-])(?:{body})(?:(?<!\w)|(?!\w))")


def load_families(path: Path) -> dict[str, Family]:
    """The signal cue file, refused with the file, entry and field of every problem: each family needs an
    id, a label and patterns that compile; a {{name}} must be in the vocabulary; the families the
    judging functions read must all be there."""
    where, raw = read_content_yaml(path)
    if not isinstance(raw, dict):
        raise ContentError([Problem(where, None, None, "expected a mapping with vocabulary and families")])
    problems: list[Problem] = []
    vocabulary = raw.get("vocabulary", {})
    if not isinstance(vocabulary, dict) or not all(isinstance(v, str) and v for v in vocabulary.values()):
        problems.append(Problem(where, "vocabulary", None, "expected a mapping of names to non-empty patterns"))
        vocabulary = {}
    problems.extend(
        Problem(where, "vocabulary", name, "expected a name of letters, digits and underscores")
        for name in vocabulary
        if not isinstance(name, str) or not _ID.fullmatch(name)
    )

    def expand(text: str, entry: str, field: str) -> str | None:
        unknown = sorted({m.group(1) for m in _REFERENCE.finditer(text)} - set(vocabulary))
        if unknown:
            problems.append(Problem(where, entry, field, f"names {', '.join(unknown)}, not in the vocabulary"))
            return None
        return _REFERENCE.sub(lambda m: vocabulary[m.group(1)], text)

    families: dict[str, Family] = {}
    items = raw.get("families")
    if not isinstance(items, list):
        problems.append(Problem(where, "families", None, "expected a list of families"))
        items = []
    for n, item in enumerate(items):
        entry = item["id"] if isinstance(item, dict) and isinstance(item.get("id"), str) else f"families[{n}]"
        if not isinstance(item, dict):
            problems.append(Problem(where, entry, None, "expected a mapping with id, label and patterns"))
            continue
        problems.extend(
            Problem(where, entry, f, "is not a field of a family") for f in sorted(set(item) - _FAMILY_FIELDS)
        )
        if not isinstance(item.get("id"), str) or not _ID.fullmatch(item["id"]):
            problems.append(Problem(where, entry, "id", "expected an id of lower-case letters, digits and underscores"))
        elif item["id"] in families:
            problems.append(Problem(where, entry, "id", "is used by an earlier family"))
        if not isinstance(item.get("label"), str) or not item["label"].strip():
            problems.append(Problem(where, entry, "label", "expected non-empty text"))
        patterns = item.get("patterns")
        if not isinstance(patterns, list) or not patterns:
            problems.append(Problem(where, entry, "patterns", "expected a non-empty list of patterns"))
            continue
        expanded = []
        for k, text in enumerate(patterns):
            if not isinstance(text, str) or not text.strip():
                problems.append(Problem(where, entry, f"patterns[{k}]", "expected a non-empty pattern"))
            else:
                expanded.append(expand(text, entry, f"patterns[{k}]"))
        if len(expanded) < len(patterns) or None in expanded:
            continue
        alternatives = [text for text in expanded if text is not None]  # all of them, as just checked
        try:
            pattern = family_pattern(alternatives)
        except re.error as joined:
            # Compiled one by one only now, to name the pattern at fault (compiling each costs a startup).
            before = len(problems)
            for k, alternative in enumerate(alternatives):
                try:
                    bounded(alternative)
                except re.error as exc:
                    problems.append(Problem(where, entry, f"patterns[{k}]", f"is not a valid pattern: {exc}"))
            if len(problems) == before:
                problems.append(Problem(where, entry, "patterns", f"do not make a valid pattern together: {joined}"))
            continue
        if isinstance(item.get("id"), str) and entry not in families:
            families[entry] = Family(entry, item.get("label", ""), pattern)
    listed = {item.get("id") for item in items if isinstance(item, dict)}  # loaded or not: one problem each
    problems.extend(
        Problem(where, "families", family, "the analyzer reads this family; it is missing")
        for family in REQUIRED
        if family not in listed
    )
    if problems:
        raise ContentError(problems)
    return families


def families() -> dict[str, Family]:
    """The signal families of the company served: its own signal_cues.yaml, or the shipped one."""
    return _families_of(company_file("signal_cues.yaml"))


@lru_cache(maxsize=8)
def _families_of(path: Path) -> dict[str, Family]:
    return load_families(path)


# The shipped families, compiled when the analyzer is first imported (what most companies use).
FAMILIES: dict[str, Family] = _families_of(CUES_FILE)


class Hit(NamedTuple):  # a named tuple for speed, as text.Sentence and text.Word
    family: str
    start: int
    end: int
    text: str


# The content families that decide whether a sentence says something (the same ones that describe
# which type of answer a text is). Style (fillers, hedges, pronouns, signposts) does not count.
CONTENT_FAMILIES = (
    "number",
    "when",
    "i_action",
    "result",
    "reflection",
    "baseline",
    "culture_theme",
    "company_fact",
    "contribution",
    "user",
    "solution",
    "segment",
    "option",
    "problem_framing",
    "metric",
    "dimension",
    "experiment_design",
    "data_check",
    "north_star",
    "guardrail",
    "tech_concept",
    "hypothesis",
    "requirement",
    "market",
    "advantage",
    "phase",
    "arithmetic",
    "assumption",
    "range",
    "breakdown",
    "tradeoff",
    "risk",
    "rollout",
    "stakeholder",
)

# Content signals that count only in claims. A number is a claim of its own.
CLAIM_FAMILIES = frozenset(CONTENT_FAMILIES) - {"number"}


def _blank(text: str, spans: list) -> str:
    """``text`` with each span's characters turned into spaces (same length, so offsets hold)."""
    if not spans:
        return text
    pieces, pos = [], 0
    for span in spans:
        pieces += [text[pos : span.start], " " * (span.end - span.start)]
        pos = span.end
    pieces.append(text[pos:])
    return "".join(pieces)


class Signals:
    """Lazily finds and caches each family's hits in one document.

    Sentences that repeat an earlier one are ignored, so pasting text again never adds evidence; they
    are blanked out before the patterns run, so a pasted wall of repeats costs no more than one copy.

    With ``known`` (the stems that are not the answer's own: pmprep.analysis.claims), content signals
    count only in claims: a sentence that names topics and says nothing about them earns nothing.
    """

    def __init__(self, doc: Doc, known: frozenset[str] | None = None, shape: frozenset[str] = frozenset()):
        self.doc = doc
        self._known = known
        self._shape = shape
        self._families = families()
        self._cache: dict[str, list[Hit]] = {}
        self._sentences: dict[str, set[int]] = {}
        self._where: dict[str, list[int]] = {}  # per family, the sentence of each hit (-1: none)
        self.ignored = doc.repeated_sentences()
        self._scanned = _blank(doc.folded, [doc.sentences[i] for i in sorted(self.ignored)])

    def __call__(self, family: str) -> list[Hit]:
        hits = self._cache.get(family)
        if hits is None:
            pattern = self._families[family].pattern
            hits, where = [], []
            sentences, i, last = self.doc.sentences, 0, len(self.doc.sentences)
            for m in pattern.finditer(self._scanned):
                start, end = m.start(), m.end()
                raw = m.group(0)
                # Trim whitespace and list markers so the quoted evidence starts at a word; a bare list
                # marker ("- ") is quoted as the marker.
                bare = not raw.lstrip(" \n\t-*•").strip()
                lead = len(raw) - len(raw.lstrip(" \n\t" if bare else " \n\t-*•"))
                trail = len(raw) - len(raw.rstrip(" \n\t,"))
                start, end = start + lead, end - trail
                if end > start:
                    # Hits come in order, so the sentence each falls in is found by walking forward.
                    while i < last and sentences[i].end <= start:
                        i += 1
                    index = i if i < last and sentences[i].start <= start else -1
                    if index in self.ignored or (family in CLAIM_FAMILIES and index in self.hollow):
                        continue
                    hits.append(Hit(family, start, end, self.doc.text[start:end]))
                    where.append(index)
            self._cache[family] = hits
            self._where[family] = where
        return hits

    @cached_property
    def hollow(self) -> frozenset[int]:
        """Sentences that are not claims (none unless ``known`` was given)."""
        if self._known is None:
            return frozenset()
        numbered = {
            index for h, index in zip(self("number"), self._where["number"], strict=True) if is_quantity(h.text)
        }
        return hollow_sentences(self.doc, numbered, self._known, self._shape)

    def is_known(self, word: str) -> bool:
        """Whether ``word`` is not the answer's own: the question's, generic or the rubric's and frameworks'
        vocabulary (never, when no ``known`` stems were given)."""
        return self._known is not None and stem(word.lower()) in self._known

    @cached_property
    def claim_share(self) -> float:
        """The share of the answer's words (repeats left out) that lie in claims."""
        counted = claimed = 0
        for index in self.doc.word_sentences:
            if index >= 0 and index not in self.ignored:
                counted += 1
                claimed += index not in self.hollow
        return claimed / counted if counted else 0.0

    def count(self, family: str) -> int:
        return len(self(family))

    def distinct(self, family: str) -> int:
        return len({h.text.lower() for h in self(family)})

    def in_sentences(self, family: str, sentence_indexes: set[int]) -> list[Hit]:
        hits = self(family)
        return [
            h for h, index in zip(hits, self._where[family], strict=True) if index in sentence_indexes and index >= 0
        ]

    def sentences_with(self, family: str) -> set[int]:
        found = self._sentences.get(family)
        if found is None:
            self(family)
            found = set(self._where[family])
            found.discard(-1)
            self._sentences[family] = found
        return found

    @cached_property
    def informative(self) -> list[int]:
        """Indexes of sentences that carry at least one content signal (not only style)."""
        found: set[int] = set()
        for family in CONTENT_FAMILIES:
            found |= self.sentences_with(family)
        return sorted(found)

    @cached_property
    def informative_words(self) -> int:
        wanted = set(self.informative)
        return sum(1 for index in self.doc.word_sentences if index in wanted)
