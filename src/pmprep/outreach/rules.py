"""The phrase rules at work: what in an outreach message backfires, what helps, and why.

The rules themselves, their patterns and the reasons the user reads, are content
(``outreach_rules.yaml``, loaded by ``rule_content``); this module is what is done with them. Each
rule's patterns run on the folded message (see ``text.fold``): lower case, straight apostrophes, no
accents. Patterns name the ask, not the exact words, so that "could you refer me", "would you be open
to referring" and "any chance of a referral" are one rule.

A problem phrase is not flagged when its own clause says the writer is not asking for it
("I'm not asking for a referral", "no need to refer me", "rather than a call"): see ``negated``.
A time asked of the reader is a small ask or a big one by its minutes: see ``durations``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from pmprep.bounded_regex import bounded
from pmprep.outreach.report import Kind
from pmprep.outreach.rule_content import Durations, PhraseRules


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    kind: Kind
    reason: str


# A clause ends at punctuation or a contrastive word: "I'm not asking much, but could you refer me"
# still asks.
_CLAUSE_BREAK = bounded(r"[.!?;:,\n()\u2014\u2013]| - |\bbut\b|\bhowever\b|\bthough\b|\bjust\b|\bonly\b")
_NEGATION = bounded(
    r"(?:\bnot\b|n't\b|\bnever\b|\bno need (?:to|for)\b|\bno (?:expectations?|intention|plans?) (?:of|to)\b|"
    r"\bwithout\b|\brather than\b|\binstead of\b|\bnothing to do with\b)"
    r"(?!\s+(?:know|sure|mind|suppose|hesitate|wonder|a bother|too much|trouble|a problem|an imposition|often|"
    r"only|just|much|so|that|very|always)\b)"
)
NEGATION_WINDOW = 60
_SENTENCE_BREAK = bounded(r"[.!?\n]")


def negated(folded: str, start: int) -> bool:
    """Whether the clause leading up to ``start`` denies the ask ("I'm not asking for", "no need to")."""
    window = folded[max(0, start - NEGATION_WINDOW) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return _NEGATION.search(window) is not None


def _minutes(match: re.Match[str], number_words: Mapping[str, int]) -> int:
    if match.group("hour"):
        return 30 if match.group("hour").startswith("half") else 60
    n = match.group("n")
    return int(n) if n.isdigit() else number_words[n]


# A duration right after these words measures something ("in under ten minutes", "the 60-minute
# prompt", "every 15 minutes"); it is not time asked of the reader.
_MEASURED = bounded(
    r"\b(?:in|under|within|every|after|before|the|than|over|per|each|first|last|nearly|almost|"
    r"least|most|took|lasted|to)\s+$"
)
MEASURED_WINDOW = 12


def durations(folded: str, spec: Durations) -> Iterator[Match]:
    """Time asked for: up to ``spec.small_at_most`` minutes is a small ask, more is a big one."""
    for m in spec.pattern.finditer(folded):
        if _MEASURED.search(folded, max(0, m.start() - MEASURED_WINDOW), m.start()):
            continue
        minutes = _minutes(m, spec.number_words)
        small = minutes <= spec.small_at_most
        reason = spec.small_reason if small else spec.big_reason
        yield Match(
            m.start(), m.end(), Kind.SMALL_ASK if small else Kind.BIG_ASK, reason.replace("{minutes}", str(minutes))
        )


def scan(folded: str, phrase_rules: PhraseRules) -> list[Match]:
    """Every rule's matches, the negated problem phrases left out, calls with a short time limit kept as small."""
    found: list[Match] = []
    times = list(durations(folded, phrase_rules.durations))
    # Sentences are numbered by the breaks before them, so "same sentence" is a lookup, not a scan.
    breaks = [m.start() for m in _SENTENCE_BREAK.finditer(folded)]
    short = {bisect_left(breaks, t.start) for t in times if t.kind is Kind.SMALL_ASK}
    for t in times:
        if t.kind.good or not negated(folded, t.start):
            found.append(t)
    for rule in phrase_rules.rules:
        for m in (m for pattern in rule.patterns for m in pattern.finditer(folded)):
            start, end = m.span("flag") if m.groupdict().get("flag") else m.span()
            while end > start and folded[end - 1].isspace():
                end -= 1
            if start == end:
                continue
            if not rule.kind.good and negated(folded, start):
                continue
            # "a quick 15-minute call" is a small ask, not an open-ended call.
            if rule.kind is Kind.BIG_ASK and bisect_left(breaks, start) in short:
                continue
            found.append(Match(start, end, rule.kind, rule.reason))
    return found
