"""Criteria every answer is judged on: structure, specificity, concision and a conclusion."""

from __future__ import annotations

import re
from dataclasses import replace

from pmprep.analysis.judging import Context, Judgement, judge, part, sat
from pmprep.analysis.signals import Hit
from pmprep.bounded_regex import bounded
from pmprep.config import active_catalog

# Run on the answer's cased shadow (every letter outside ASCII as "A" or "a", so "São Paulo" is one name); a
# capital beside a slash ("A/B", "TCP/IP") is a term, not a name.
_NAMED = bounded(r"(?<![.!?]\s)(?<!^)(?<!/)\b[A-Z][a-zA-Z0-9+&'\-]*(?:\s+[A-Z][a-zA-Z0-9+&'\-]*)*(?![/\w])")
# What can open a line before its first word: a bullet, a list number, a step label ("Step 2 -") or a
# heading label ("Goal and context:").
# The word after it starts the line's sentence, so it is not a name.
_LINE_OPENER = bounded(
    r"[ \t]*(?:[-*•][ \t]*|\d{1,2}[.)][ \t]*|(?:step|phase|stage|part|option)[ \t]+\d{1,2}[ \t]*[-–—:.)]?[ \t]*"
    r"|[a-z][a-z\-]{1,20}(?: [a-z\-]{1,12}){0,3}:[ \t]*)",
    re.I,
)
_OPENER_REACH = 60  # the longest opener looked for, so each name costs a bounded look back
# A sentence this long is a run-on; up to RUN_ON_SHARE of an answer's words may lie in them.
RUN_ON = 35
RUN_ON_SHARE = 0.15
RAMBLING = 0.5  # of its words in run-ons: the answer rambles, and concision is Borderline at best
RAMBLING_MOST = 0.4
PADDED_SHARE = 0.1  # of its words in sentences that say nothing, before padding costs
_EXAMPLE = bounded(r"\b(?:for example|for instance|e\.g\.|such as|like when|say,)\b", re.I)
_VAGUE = bounded(
    r"\b(?:things?|stuff|various|a lot|lots of|some sort|somehow|etc|and so on|whatever|many ways|in general|generally)\b",
    re.I,
)


def _regex_hits(ctx: Context, pattern: re.Pattern[str], family: str) -> list[Hit]:
    return [Hit(family, m.start(), m.end(), m.group(0)) for m in pattern.finditer(ctx.doc.text)]


def named_things(ctx: Context) -> list[Hit]:
    """Capitalised names that are not sentence starts or the pronoun I."""
    starts = {s.start for s in ctx.doc.sentences}
    text = ctx.doc.text
    out = []
    for m in _NAMED.finditer(ctx.doc.cased):
        name = text[m.start() : m.end()]
        if (
            m.start() in starts
            or name in {"I", "I'm", "I'd", "I've", "I'll", "OK"}
            or _opens_line(text, m.start())
            or all(ctx.signals.is_known(w) for w in name.split())
        ):
            continue  # a sentence start, or a name the question or the rubric already says ("STAR")
        out.append(Hit("named", m.start(), m.end(), name))
    return out


def _opens_line(text: str, start: int) -> bool:
    """Whether only a bullet, a list number or a step label stands between the line's start and ``start``."""
    reach = max(0, start - _OPENER_REACH)
    line = text.rfind("\n", reach, start) + 1
    if line == 0 and reach > 0:
        return False  # the line starts further back than any opener reaches
    return _LINE_OPENER.fullmatch(text, line, start) is not None


def structure(ctx: Context, framework_coverage: float) -> Judgement:
    posts = ctx.hits("signpost")
    return judge(
        part(0.45, sat(len({h.text.lower() for h in posts}), 3), posts, "structure.signposting_first"),
        part(0.35, framework_coverage, [], "structure.answer_skips"),
        part(0.2, sat(len(ctx.signals.informative), 5), [], "structure.too_sentences"),
    )


def specificity(ctx: Context) -> Judgement:
    numbers = ctx.hits("number")
    named = named_things(ctx)
    examples = _regex_hits(ctx, _EXAMPLE, "example")
    vague = len(_VAGUE.findall(ctx.doc.text))
    words = max(1, ctx.signals.informative_words)
    vagueness = min(1.0, vague * 40 / words)  # about one vague word per 40 words costs everything
    return judge(
        part(0.5, sat(len({h.text for h in numbers}), 4) * (1 - 0.5 * vagueness), numbers, "specificity.numbers_sizes"),
        part(0.3, sat(len({h.text for h in named}), 4), named[:6], "specificity.nothing_named"),
        part(0.2, sat(len(examples), 1), examples, "specificity.concrete_example"),
    )


def _in_a_claim(ctx: Context, hit: Hit) -> bool:
    sentence = ctx.doc.sentence_at(hit.start)
    return sentence is not None and sentence.index not in ctx.signals.hollow


def repetition_ratio(ctx: Context) -> float:
    """Share of sentences that repeat an earlier one (after normalising case and spacing)."""
    return len(ctx.signals.ignored) / max(1, len(ctx.doc.sentences))


def concision(ctx: Context) -> Judgement:
    words = ctx.doc.word_count
    # Only sentences that say something count towards "long enough"; padding counts towards "too long".
    useful = ctx.signals.informative_words
    if ctx.seconds:
        budget = ctx.seconds * 150 / 60
        low, high = budget * 0.35, budget * 1.05
    else:
        # The ideal length when the time budget is unknown: the type's ``words`` in question_types.yaml.
        low, high = active_catalog().question_types[ctx.question_type].words
    if useful < low:
        length = part(0.6, (useful / low) ** 1.5, [], "concision.short", useful=useful, low=int(low))
    elif words > high:
        length = part(0.6, max(0.0, 1 - (words - high) / high), [], "concision.long", words=words, high=int(high))
    else:
        length = part(0.6, 1.0, [], "concision.length_right")
    fillers = ctx.hits("filler")
    filler_rate = len(fillers) / max(1, words)
    repeats = repetition_ratio(ctx)
    # Rambling: words in run-on sentences, clause chained to clause ("…, and…, which…, because…").
    lengths = {s: len(s.text.split()) for s in ctx.doc.sentences if s.index not in ctx.signals.ignored}
    run_ons = [s for s, n in lengths.items() if n >= RUN_ON]
    run_on_share = sum(lengths[s] for s in run_ons) / max(1, words)
    longest = max(run_ons, key=lambda s: len(s.text), default=None)
    quoted = [Hit("run_on", longest.start, longest.end, longest.text)] if longest else []
    # Padding: the share of the answer's words in sentences that say nothing (pmprep.analysis.claims).
    padded = 1 - ctx.signals.claim_share
    judged = judge(
        replace(length, weight=0.3),
        part(0.25, 1 - min(1.0, max(0.0, padded - PADDED_SHARE) / 0.4), [], "concision.padding"),
        part(0.25, 1 - min(1.0, max(0.0, run_on_share - RUN_ON_SHARE) / 0.35), quoted, "concision.run_on"),
        part(0.1, 1 - min(1.0, repeats * 3), [], "concision.sentences_repeated"),
        part(0.1, 1 - min(1.0, filler_rate * 25), [], "concision.filler_words"),
    )
    if run_on_share >= RAMBLING:  # most of it run-on: not concise at any length
        return replace(judged, strength=min(judged.strength, RAMBLING_MOST))
    return judged


# What an answer lands on: a conclusion, a recommendation, a result, a lesson, the final range, what you
# would bring.
LANDING = ("conclusion", "recommendation", "result", "reflection", "range", "contribution")


def conclusion(ctx: Context) -> Judgement:
    # A closing phrase counts in a sentence that says something: "In summary, we should align and iterate"
    # is a heading over nothing (pmprep.analysis.claims).
    landing = ctx.hits(*LANDING)
    closing = sorted(
        (h for h in landing if ctx.position(h.start) >= 0.6 and _in_a_claim(ctx, h)), key=lambda h: h.start
    )
    sentences = ctx.doc.sentences
    last = sentences[-1] if sentences else None
    end_hits: list[Hit] = []
    if last is not None and last.index not in ctx.signals.hollow:
        end_hits = [h for h in landing if last.start <= h.start < last.end]
    tail = [s for s in sentences if ctx.position(s.start) >= 0.75]
    tail_numbers = [h for h in ctx.signals("number") if tail and h.start >= tail[0].start]
    return judge(
        part(0.45, sat(len(closing), 1), closing, "conclusion.closing"),
        part(0.35, sat(len(end_hits), 1), end_hits, "conclusion.last_sentence"),
        part(0.2, sat(len(tail_numbers), 1), tail_numbers, "conclusion.ending_number"),
    )
