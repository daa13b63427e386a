"""The phrase rules' content (``outreach_rules.yaml``): loading and validation.

Each rule has a kind (what its flag calls the phrase), the reason the user reads and its patterns;
the fragments are pieces of pattern several rules share, written ``{name}`` where they are used;
the durations are the number words a time is written in and the line between a small and a big ask
of time. ``{company}`` in a pattern, a fragment or a reason is the company served (its
``company.yaml`` name), so one file reads right for every company that has none of its own. A file
with any problem is refused whole, every problem named with the file, the entry and the field.
Patterns are written as in every outreach content file (``pmprep.outreach.content_file``); what is
done with them (negations, the flagged span, durations) is ``pmprep.outreach.rules``'.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, StringConstraints

from pmprep.bank import SHIPPED, ContentError, Problem
from pmprep.bounded_regex import bounded
from pmprep.config import active_catalog, company_file
from pmprep.outreach.content_file import PatternText, Strict, Text, compile_pattern, read_validated
from pmprep.outreach.report import Kind
from pmprep.outreach.text import fold

RULES_FILE = SHIPPED / "outreach_rules.yaml"
# The kinds a phrase rule may flag. The checker finds the others itself: questions (questions.py),
# their named work (specifics.py) and length.
RULE_KINDS = (
    Kind.HIRING_ASK,
    Kind.REFERRAL_ASK,
    Kind.RESUME,
    Kind.REJECTION_FEEDBACK,
    Kind.JOB_SEEKING,
    Kind.BIG_ASK,
    Kind.OPEN_ENDED,
    Kind.FLATTERY,
    Kind.SMALL_ASK,
    Kind.RESEARCH_FRAMING,
)
COMPANY = "company"
MINUTES = "minutes"
# "{name}" in a pattern, a fragment or a reason; a quantifier ("{0,5}") or an escaped brace is not one.
_NAME = bounded(r"(?<!\\)\{([a-z_][a-z0-9_]*)\}")

# How a time asked for is written: a number of minutes (in digits or a number word), what it is for,
# or an hour. Only the number words are content; rules.py reads the groups.
_DURATION_NUMBER = r"\b(?P<n>\d{1,3}"
_DURATION_REST = (
    r")(?:\s*-\s*|\s+)?(?:min(?:ute)?s?\b|mins?\b)(?P<what>(?:\s+(?:of\s+your\s+time|call|chat|meeting|"
    r"conversation|zoom|video\s+call|phone\s+call|coffee(?:\s+chat)?))?)"
    r"|\b(?P<hour>half\s+an\s+hour|an\s+hour|one\s+hour|1\s+hour|two\s+hours|2\s+hours|a\s+couple\s+of\s+hours)\b"
)

_FragmentName = Annotated[str, StringConstraints(pattern=r"^[a-z_][a-z0-9_]*$")]
_NumberWord = Annotated[str, StringConstraints(pattern=r"^[a-z]+(?:-[a-z]+)*$", max_length=30)]


class _Rule(Strict):
    kind: str
    reason: Text
    patterns: list[PatternText] = Field(min_length=1)


class _Durations(Strict):
    small_at_most: int = Field(ge=1, le=240)
    number_words: dict[_NumberWord, Annotated[int, Field(ge=1, le=999)]] = {}
    small_reason: Text
    big_reason: Text


class _File(Strict):
    fragments: dict[_FragmentName, PatternText] = {}
    rules: dict[str, _Rule] = Field(min_length=1)
    durations: _Durations


@dataclass(frozen=True)
class Rule:
    """One rule: a phrase any of its patterns finds is flagged as ``kind``, with ``reason``."""

    name: str
    kind: Kind
    patterns: tuple[re.Pattern[str], ...]
    reason: str


@dataclass(frozen=True)
class Durations:
    """Time asked of the reader: up to ``small_at_most`` minutes is a small ask, more a big one."""

    pattern: re.Pattern[str]
    number_words: Mapping[str, int]
    small_at_most: int
    small_reason: str  # {minutes} is the time asked for
    big_reason: str


@dataclass(frozen=True)
class PhraseRules:
    """Everything ``outreach_rules.yaml`` holds, compiled, in the name of one company."""

    rules: tuple[Rule, ...]
    durations: Durations


def _names(text: str) -> set[str]:
    return {m.group(1) for m in _NAME.finditer(text)}


def _fill(
    where: str, entry: str, field: str, text: str, values: Mapping[str, str], refused: str, problems: list[Problem]
) -> str | None:
    """``text`` with each ``{name}`` as its value; None, with the problem noted, when it names another
    (``refused`` says what it may name)."""
    unknown = sorted(_names(text) - values.keys())
    if unknown:
        names = ", ".join(f"{{{name}}}" for name in unknown)
        problems.append(Problem(where, entry, field, f"names {names}; {refused}"))
        return None
    return _NAME.sub(lambda m: values[m.group(1)], text)


def _as_written(company: str) -> str:
    """The company's name as a pattern for the folded note: its words literally, any whitespace between them."""
    return " ".join(re.escape(word) for word in fold(company).split())


def _fragments(spec: _File, company: str, where: str, problems: list[Problem]) -> tuple[dict[str, str], set[str]]:
    """The fragments with {company} filled in, and the names of those with a problem."""
    filled, broken = {}, set()
    refused = "a fragment may use only {company}"
    for key, text in spec.fragments.items():
        if key == COMPANY:
            problems.append(
                Problem(where, "fragments", key, "is the company's name; a fragment needs a name of its own")
            )
        elif (value := _fill(where, "fragments", key, text, {COMPANY: company}, refused, problems)) is not None:
            filled[key] = value
            continue
        broken.add(key)
    return filled, broken


def _rule(
    name: str,
    rule: _Rule,
    values: Mapping[str, str],
    reasons: Mapping[str, str],
    broken: set[str],
    where: str,
    problems: list[Problem],
) -> Rule | None:
    entry = f"rules.{name}"
    kind = next((k for k in RULE_KINDS if k.value == rule.kind), None)
    if kind is None:
        expected = ", ".join(k.value for k in RULE_KINDS)
        problems.append(Problem(where, entry, "kind", f"is not a kind a phrase rule flags (expected {expected})"))
    reason = _fill(where, entry, "reason", rule.reason, reasons, "the placeholders it may use: {company}", problems)
    patterns = []
    for k, text in enumerate(rule.patterns):
        if _names(text) & broken:
            continue  # its fragment's problem is named already
        field = f"patterns[{k}]"
        filled = _fill(where, entry, field, text, values, "it is not a fragment of this file or {company}", problems)
        if filled is not None and (pattern := compile_pattern(where, entry, field, filled, problems)):
            patterns.append(pattern)
    return Rule(name, kind, tuple(patterns), reason) if kind is not None and reason is not None else None


def _durations(spec: _Durations, company: str, where: str, problems: list[Problem]) -> Durations:
    values = {COMPANY: company, MINUTES: "{minutes}"}  # the time asked for is filled in per note
    refused = "the placeholders it may use: {company}, {minutes}"
    small, big = (
        _fill(where, "durations", field, text, values, refused, problems) or ""
        for field, text in (("small_reason", spec.small_reason), ("big_reason", spec.big_reason))
    )
    # Longest first, so that no word stops at a shorter one it starts with ("twenty" in "twenty-five").
    words = sorted(spec.number_words, key=len, reverse=True)
    pattern = bounded(_DURATION_NUMBER + "".join(f"|{re.escape(w)}" for w in words) + _DURATION_REST)
    return Durations(pattern, dict(spec.number_words), spec.small_at_most, small, big)


def load_phrase_rules(path: Path | str, company: str | None = None) -> PhraseRules:
    """Read and validate a phrase-rules file in the name of ``company`` (by default the company served);
    :class:`ContentError` lists every problem."""
    where, spec = read_validated(Path(path), _File, named=frozenset({"rules"}))
    name = company if company is not None else active_catalog().company.name
    problems: list[Problem] = []
    fragments, broken = _fragments(spec, _as_written(name), where, problems)
    values = {**fragments, COMPANY: _as_written(name)}
    rules = [_rule(key, rule, values, {COMPANY: name}, broken, where, problems) for key, rule in spec.rules.items()]
    durations = _durations(spec.durations, name, where, problems)
    if problems:
        raise ContentError(problems)
    return PhraseRules(tuple(r for r in rules if r is not None), durations)


def shipped_phrase_rules() -> PhraseRules:
    """The phrase rules of the company served (its own outreach_rules.yaml, or the shipped one), in its name."""
    return _phrase_rules_of(company_file("outreach_rules.yaml"), active_catalog().company.name)


@lru_cache(maxsize=8)
def _phrase_rules_of(path: Path, company: str) -> PhraseRules:
    return load_phrase_rules(path, company)
