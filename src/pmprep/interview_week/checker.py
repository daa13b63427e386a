"""``check_question``: one question to ask the interviewer in, its flags (each quoting its span) out.

Follows the outreach checker: the rules are content (``questions_to_ask_rules.yaml``, see
:mod:`pmprep.interview_week.question_rules`), matched on the folded question so that offsets point into
the original; the checker adds what a pattern cannot say: a second question mark (several questions in
one), length, and whether the round is early enough for pay to be fine.
"""

from __future__ import annotations

from pmprep.bank.model import Catalog
from pmprep.bounded_regex import bounded
from pmprep.config import active_catalog
from pmprep.interview_week.question_report import QuestionFlag, QuestionKind, QuestionReport
from pmprep.interview_week.question_rules import QuestionRules, shipped_question_rules
from pmprep.outreach.text import fold, squash, word_spans

MAX_QUESTION_CHARS = 1_000

SEVERAL_MARKS_REASON = (
    "A second question mark: this is several questions in one. The interviewer answers the easiest part; "
    "keep the sharpest one."
)
TOO_LONG_REASON = (
    "Over {limit} words: a question the interviewer has to hold in their head. Cut it to the one thing you "
    "want to know."
)
PAY_NO_ROUND = " (Fine in the recruiter screen; choose the round to check it there.)"

_MARK = bounded(r"\?+")


class QuestionError(ValueError):
    """A question the checker cannot take: empty, or over MAX_QUESTION_CHARS."""


def check_question(
    question: str, round_id: str | None = None, *, catalog: Catalog | None = None, rules: QuestionRules | None = None
) -> QuestionReport:
    """Check a question to ask the interviewer, for the round ``round_id`` when given.

    Raises :class:`QuestionError` for an empty question or one over MAX_QUESTION_CHARS, and ValueError
    for an unknown round."""
    if not isinstance(question, str):
        raise TypeError(f"question must be a str, not {type(question).__name__}")
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"the question is {len(question):,} characters; the limit is {MAX_QUESTION_CHARS:,} "
            "(a question to an interviewer is one sentence)"
        )
    if not question.strip():
        raise QuestionError("the question is empty")
    catalog = catalog or active_catalog()
    rules = rules or shipped_question_rules()
    order = None
    if round_id is not None:
        if round_id not in catalog.rounds:
            raise ValueError(f"unknown round '{round_id}' (one of: {', '.join(catalog.rounds)})")
        order = catalog.rounds[round_id].order

    folded = fold(question)
    flags: list[QuestionFlag] = []
    for rule in rules.rules:
        if rule.kind is QuestionKind.PAY_EARLY and order is not None and order <= rules.pay_fine_up_to_order:
            continue
        reason = rule.reason + (PAY_NO_ROUND if rule.kind is QuestionKind.PAY_EARLY and order is None else "")
        for pattern in rule.patterns:
            for m in pattern.finditer(folded):
                start, end = m.span("flag") if "flag" in pattern.groupindex and m.group("flag") else m.span()
                flags.append(QuestionFlag(start, end, question[start:end], rule.kind, reason))

    marks = [m.end() for m in _MARK.finditer(question)]
    for before, mark in zip(marks, marks[1:], strict=False):
        start = before + len(question[before:mark]) - len(question[before:mark].lstrip())
        if start < mark - 1:  # not "??"
            flags.append(QuestionFlag(start, mark, question[start:mark], QuestionKind.SEVERAL, SEVERAL_MARKS_REASON))

    words = word_spans(question)
    if len(words) > rules.max_words:
        start = words[rules.max_words][0]
        reason = TOO_LONG_REASON.format(limit=rules.max_words)
        flags.append(QuestionFlag(start, len(question), question[start:], QuestionKind.TOO_LONG, reason))

    kinds = list(QuestionKind)
    kept: list[QuestionFlag] = []
    for flag in sorted(flags, key=lambda f: (f.start, kinds.index(f.kind), -f.end)):
        # One flag per kind for overlapping spans: two patterns finding one phrase say one thing.
        if any(k.kind is flag.kind and k.start < flag.end and flag.start < k.end for k in kept):
            continue
        kept.append(flag)
    return QuestionReport(question, round_id, tuple(kept), _summary(kept))


def _summary(flags: list[QuestionFlag]) -> str:
    if not flags:
        return "Ask it: one question only this interviewer can answer."
    labels = list(dict.fromkeys(f.kind.label for f in flags))
    quoted = "; ".join(f"{f.kind.label}: '{squash(f.text)}'" for f in flags)
    return f"Rework it ({', '.join(labels)}). {quoted}."
