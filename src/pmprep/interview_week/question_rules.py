"""The questions-to-ask checker's rules (``questions_to_ask_rules.yaml``): loading and validation.

Each rule has a kind (what its flag calls the span), the reason the user reads and its patterns, written
as in the outreach checker's content (``pmprep.outreach.content_file``: folded text, a space for any
whitespace, every repeat capped). ``{company}`` in a pattern is the company's name as written, in a
reason its name. A file with any problem is refused whole, every problem named with the file, the entry
and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import Field

from pmprep.bank import ContentError, Problem
from pmprep.config import active_catalog, company_file
from pmprep.interview_week.question_report import RULE_KINDS, QuestionKind
from pmprep.outreach.content_file import PatternText, Strict, Text, compile_pattern, read_validated
from pmprep.outreach.text import fold


class _Rule(Strict):
    kind: str
    reason: Text
    patterns: list[PatternText] = Field(min_length=1)


class _File(Strict):
    max_words: int = Field(ge=5, le=200)
    pay_fine_up_to_order: int = Field(ge=0, le=20)
    rules: dict[str, _Rule] = Field(min_length=1)


@dataclass(frozen=True)
class QuestionRule:
    name: str
    kind: QuestionKind
    patterns: tuple[re.Pattern[str], ...]
    reason: str


@dataclass(frozen=True)
class QuestionRules:
    rules: tuple[QuestionRule, ...]
    max_words: int
    pay_fine_up_to_order: int


def _as_written(company: str) -> str:
    return " ".join(re.escape(word) for word in fold(company).split())


def load_question_rules(path: Path | str, company: str | None = None) -> QuestionRules:
    """Read and validate a questions-to-ask rules file in the name of ``company`` (by default the company
    served); :class:`ContentError` lists every problem."""
    where, spec = read_validated(Path(path), _File, named=frozenset({"rules"}))
    name = company if company is not None else active_catalog().company.name
    problems: list[Problem] = []
    rules = []
    for key, rule in spec.rules.items():
        entry = f"rules.{key}"
        kind = next((k for k in RULE_KINDS if k.value == rule.kind), None)
        if kind is None:
            expected = ", ".join(k.value for k in RULE_KINDS)
            problems.append(Problem(where, entry, "kind", f"is not a kind a rule flags (expected {expected})"))
        patterns = []
        for n, text in enumerate(rule.patterns):
            filled = text.replace("{company}", _as_written(name))
            pattern = compile_pattern(where, entry, f"patterns[{n}]", filled, problems)
            if pattern is not None:
                patterns.append(pattern)
        if kind is not None:
            rules.append(QuestionRule(key, kind, tuple(patterns), rule.reason.replace("{company}", name)))
    if problems:
        raise ContentError(problems)
    return QuestionRules(tuple(rules), spec.max_words, spec.pay_fine_up_to_order)


def shipped_question_rules() -> QuestionRules:
    """The rules of the company served (its own questions_to_ask_rules.yaml, or the shipped one)."""
    return _rules_of(company_file("questions_to_ask_rules.yaml"), active_catalog().company.name)


@lru_cache(maxsize=8)
def _rules_of(path: Path, company: str) -> QuestionRules:
    return load_question_rules(path, company)
