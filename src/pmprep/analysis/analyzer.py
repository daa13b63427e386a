"""``analyze``: score a typed answer against its question type's rubric, with quoted evidence."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pmprep.analysis import calibration
from pmprep.analysis.classify import bank_question, classify, neighbours
from pmprep.analysis.company_files import judges, per_company, question_types
from pmprep.analysis.criteria import common
from pmprep.analysis.delivery import delivery
from pmprep.analysis.feedback import (
    RED_FLAG_REASON,
    CriterionResult,
    Evidence,
    Feedback,
    Highlight,
    Level,
    Probe,
    RedFlag,
    score_points,
)
from pmprep.analysis.judging import Context, Judgement, level_of, sat
from pmprep.analysis.outline import frameworks, outline
from pmprep.analysis.rubric import rubrics
from pmprep.analysis.shapes import shape_named, shape_of
from pmprep.analysis.signals import Hit, Signals, families
from pmprep.analysis.substance import (
    PointCover,
    Relevance,
    Substance,
    Topic,
    cover,
    generic_stems,
    measure,
    relevance,
    rubric_vocabulary,
    shape_vocabulary,
)
from pmprep.analysis.text import FUNCTION_WORDS, Doc, stem
from pmprep.bank import ContentError, Problem
from pmprep.bank.model import Catalog
from pmprep.bank.schema import Question
from pmprep.bounded_regex import bounded
from pmprep.config import active_catalog, content_folder

MAX_ANSWER_CHARS = 200_000
MAX_QUESTION_CHARS = 5_000

COMMON_WEIGHT = 0.5
WEIGHTS = {"honest_limits": 0.6, "concision": 0.35, "coverage": 1.0}
# Covering this share of the question's talking points earns the coverage criterion in full.
COVERAGE_ENOUGH = 0.85
RED_FLAG_PENALTY = 7.0
# Below this share of novel words (pmprep.analysis.substance) an answer is recital: pmprep's strong answers
# are at 0.18 and above, answers built of the prompt's and the rubric's words at 0.07 and below.
HOLLOW_RATIO = 0.12
HOLLOW_CAP = 35.0  # Borderline at best: a terse real answer can also be short of words of its own
# An answer without its type's essential criterion (rubrics.yaml's ``essential``) is Borderline at best
# (tried on the labelled dev split: pairs 0.710 -> 0.716, bait held at Borderline 27/32 -> 30/32).
ESSENTIAL_CAP = 35.0
# An answer whose closeness to the question asked is under this share of its closeness to the bank question
# it is nearest is about that other question (pmprep.analysis.substance.relevance). A typed-in question has
# no talking points of its own, so it is held to a lower bar.
OFF_TOPIC_RATIO = 0.6
OFF_TOPIC_RATIO_TYPED = 0.1
# An answer whose specificity is below Solid keeps its type's criteria at Borderline at most, with rubrics.yaml's
# "unsupported" advice
# (tried on the labelled dev split: bait held at Borderline 19/29 -> 24/29, pairs 0.719 -> 0.724).
UNSUPPORTED_BELOW = 0.45
UNSUPPORTED_MOST = 0.44
# Below this share of words in claims, the feedback says so and quotes a sentence that earns nothing.
SUBSTANCE_NOTE_BELOW = 0.6
SUBSTANCE_NOTE = "Much of this answer names topics without saying anything about them"
# Notes in fragments are not a keyword list when this share of their words make claims ("v1 = reorder
# last basket only; 3 weeks").
NOTES_CLAIMS = 0.5
# Score thresholds for overall levels 2, 3 and 4.
SCORE_CUTS = (30.0, 50.0, 70.0)
_GENERIC = {
    stem(w)
    for w in (
        "tell time describe would could should how what why when which netflix design improve example walk "
        "through give think approach answer question make feature product user users member members new work "
        "about your you way like know want build help someone something"
    ).split()
}


# Words that make a clause (pronouns, auxiliaries, modals). Answers are full of them; keyword lists have none.
_CLAUSE = bounded(
    r"\b(?:i|we|you|they|it|he|she|this|that|there|is|are|was|were|be|would|will|should|could|"
    r"can|do|does|did|have|has|had|i'd|i'm|we'd|we're|it's|that's)\b",
    re.I,
)


class AnswerTooLong(ValueError):
    """The answer is over the documented size limit."""


def _profile(signals: Signals, words: int) -> dict[str, float]:
    """How much the answer looks like an answer of each type (density of its characteristic signals, weighed by
    each type's ``profile`` in question_types.yaml)."""
    d = signals.distinct
    scale = math.sqrt(max(words, 1))
    return {t: sum(w * d(f) for f, w in weights.items()) / scale for t, weights in type_profiles().items()}


@per_company
def type_profiles() -> dict[str, dict[str, float]]:
    """Each question type's profile, its signal families checked against the cue file."""
    known = families()
    catalog = active_catalog()
    problems = [
        Problem(f"{content_folder().name}/question_types.yaml", t, "profile", f"unknown signal family {f!r}")
        for t, info in catalog.question_types.items()
        for f in info.profile
        if f not in known
    ]
    if problems:
        raise ContentError(problems)
    return {t: dict(info.profile) for t, info in catalog.question_types.items()}


def _relevance(question: str, doc: Doc, signals: Signals, question_type: str) -> tuple[float, float]:
    """Share of the question's own content words the answer uses, and how much it has the type's shape."""
    q_terms = {stem(w.lower) for w in Doc(question).alpha_words if len(w.lower) > 2 and w.lower not in FUNCTION_WORDS}
    q_terms -= _GENERIC
    # A question with no topical words ("Why Netflix?") says nothing about topic: judge on shape alone.
    overlap = len(q_terms & doc.content_stems) / len(q_terms) if q_terms else 0.3
    info = active_catalog().question_types[question_type]
    if not info.profile:
        return overlap, 1.0  # a type with no profile: its shape says nothing either way
    profile = _profile(signals, doc.word_count)
    top = max(profile.values()) or 1.0
    # Answers of a sibling type look alike (a metrics answer reads like a product one), so they count half.
    sibling = max((profile.get(t, 0.0) for t in info.siblings), default=0.0)
    fit = max(profile[question_type], 0.5 * sibling) / top
    return overlap, fit


def _evidence(hits: list[Hit], limit: int = 8) -> list[Evidence]:
    known = families()
    return [
        Evidence(h.start, h.end, h.text, known[h.family].label if h.family in known else h.family) for h in hits[:limit]
    ]


def _red_flags(ctx: Context, specificity: float) -> list[RedFlag]:
    """The red flags the answer raises. Where each is judged (its question types, a length) is rubrics.yaml's;
    what raises it is here."""
    defs = rubrics().red_flags
    company = active_catalog().company.name
    flags: list[RedFlag] = []

    def judged(flag_id: str) -> bool:
        return defs[flag_id].scope.applies(ctx.question_type, ctx.doc.word_count, ctx.question, company)

    def add(flag_id: str, hits: list[Hit], advice: str = "") -> None:
        flags.append(RedFlag(flag_id, defs[flag_id].name, _evidence(hits), advice or defs[flag_id].advice))

    for flag_id, family in (("talk_to_engineering", "rf_talk_to_engineering"), ("rigidity", "rf_rigidity")):
        if judged(flag_id) and (hits := ctx.hits(family)):
            add(flag_id, hits)
    # "Business metrics with no user angle" is a weak signal too, so metrics answers are held to it.
    if judged("no_user") and not ctx.hits("user"):
        add("no_user", [])
    vague = ctx.hits("rf_vague_self")
    if vague and specificity < 0.6 and judged("vague_self"):
        add("vague_self", vague)
    generic = ctx.hits("rf_generic_why") if judged("generic_why_netflix") else []
    if generic and not ctx.hits("culture_theme", "company_fact")[:2]:
        add("generic_why_netflix", generic)
    elif generic and defs["generic_why_netflix"].scope.of_type(ctx.question_type):
        add("generic_why_netflix", generic, rubrics().advice["generic_why_lead"])
    for flag_id, family in (("blaming", "rf_blaming"), ("denies_failure", "rf_denial"), ("dont_know", "rf_dont_know")):
        if judged(flag_id) and (hits := ctx.hits(family)):
            add(flag_id, hits)
    return flags


def _hold_unsupported(judgements: dict[str, Judgement], own: Iterable[str]) -> None:
    """Solid means "clearly there, specific and supported by an example or a number" (rubrics.yaml's
    anchors): when the answer as a whole is not specific, none of its type's criteria can be Solid."""
    if judgements["specificity"].strength >= UNSUPPORTED_BELOW:
        return
    for cid in own:
        j = judgements[cid]
        if j.strength > UNSUPPORTED_MOST:
            judgements[cid] = replace(j, strength=UNSUPPORTED_MOST, advice=rubrics().advice["unsupported"])


def _topic(question_text: str, stored: Question | None) -> Topic:
    """The question's topic: a bank question's own talking points, or those of the bank questions a
    typed-in one is worded like."""
    if stored is not None:
        return _bank_topic(stored.id, question_text, tuple(stored.talking_points))
    return _typed_topic(question_text, active_catalog())


@lru_cache(maxsize=512)
def _bank_topic(question_id: str, question_text: str, talking_points: tuple[str, ...]) -> Topic:
    return Topic.of(question_text, talking_points, question_id)


@lru_cache(maxsize=512)
def _typed_topic(question_text: str, catalog: Catalog) -> Topic:
    near = [(qid, similarity) for qid, similarity in neighbours(catalog, question_text, k=7) if similarity >= 0.2]
    points = [p for qid, _ in near[:3] for p in catalog.questions[qid].talking_points]
    return Topic.of(question_text, points, None, tuple(qid for qid, _ in near))


def _substance_note(doc: Doc, signals: Signals) -> str:
    """Why the score is held down when much of the answer only names topics, quoting the longest such sentence."""
    hollow = [s for s in doc.sentences if s.index in signals.hollow and s.index not in signals.ignored]
    example = max(hollow, key=lambda s: (len(s.text), -s.index)).text if hollow else ""
    share = round(100 * (1 - signals.claim_share))
    said = f"{SUBSTANCE_NOTE}: {share}% of its words are in sentences that earn nothing"
    if example:
        said += f", such as “{_clip(example, 120)}”"
    return said + ". Tie each point to a number, a user, a mechanism or a decision."


def _known(question_text: str) -> frozenset[str]:
    return _known_in(question_text, content_folder())


@lru_cache(maxsize=256)
def _known_in(question_text: str, folder: Path) -> frozenset[str]:
    """Stems that are not an answer's own words: the question's, generic words and the rubric's vocabulary."""
    asked = {stem(w.lower) for w in Doc(question_text).alpha_words}
    return generic_stems() | rubric_vocabulary() | asked


def _gates(
    ctx: Context, overlap: float, fit: float, substance: Substance, topic: Topic, related: Relevance
) -> list[tuple[str, float]]:
    """Reasons the answer cannot be judged on its content, each with the highest score it may get."""
    doc = ctx.doc
    words = doc.word_count
    gates: list[tuple[str, float]] = []
    notes = rubrics().notes
    if words == 0 or not doc.alpha_words:
        return [(notes["no_answer"], 0.0)]
    if words < 25:
        # The cap shrinks with length, so a one-liner never outscores a weak but complete answer.
        gates.append(
            (
                f"The answer is only {words} word{'s' if words != 1 else ''}: too short to show any of the rubric.",
                round(12.0 * words / 25, 1),
            )
        )
    clause_words = len(_CLAUSE.findall(doc.text))
    if words >= 6 and doc.function_word_ratio < 0.12:
        gates.append((notes["not_sentences"], 10.0))
    elif (
        words >= 6
        and ctx.signals.claim_share < NOTES_CLAIMS
        and (clause_words / words < 0.015 or (words >= 12 and doc.function_word_ratio < 0.22))
    ):
        gates.append((notes["keyword_list"], 15.0))
    if common.repetition_ratio(ctx) >= 0.3:
        gates.append((notes["repeats"], 18.0))
    # Recital: the question's and the rubric's words with next to nothing of the answer's own.
    if words >= 25 and substance.novel_ratio < HOLLOW_RATIO:
        gates.append((notes["hollow"], HOLLOW_CAP))
    # Off-topic: little of the question's vocabulary and little of its type's shape; or none of the
    # type's shape at all unless the answer shares much of the question's vocabulary; or much closer
    # to another bank question than to this one.
    if words >= 25 and ((overlap < 0.1 and fit < 0.45) or (overlap + fit < 0.5) or (overlap < 0.5 and fit < 0.25)):
        gates.append((notes["unrelated"], 15.0))
    elif words >= 25 and related.ratio < (OFF_TOPIC_RATIO if topic.question_id else OFF_TOPIC_RATIO_TYPED):
        gates.append((_off_topic(topic, related), 15.0))
    elif words >= 25 and (pivot := _pivot(ctx, topic)) is not None:
        gates.append((notes["pivot"].format(said=_clip(pivot.text, 100)), 15.0))
    return gates


def _pivot(ctx: Context, topic: Topic) -> Hit | None:
    """The opening that turns the question into another one ("I'd look at this as a payments problem"), when
    what it turns to is a subject of its own that shares no word with the question or its talking points.
    Turning to a method ("as an experiment design problem") is not a pivot: its words are the rubric's."""
    sentences = ctx.doc.sentences
    if not sentences:
        return None
    opening_end = sentences[min(1, len(sentences) - 1)].end  # the first two sentences
    opening = [hit for hit in ctx.hits("pivot") if hit.start < opening_end]
    if not opening:
        return None
    asked = topic.terms | Doc(topic.question).content_stems
    known = generic_stems() | shape_vocabulary()
    for hit in opening:
        said = Doc(hit.text).content_stems
        if said - known and not said & asked:
            return hit
    return None


def point_label(point: str, limit: int = 90) -> str:
    """A talking point as a short phrase: its first clause, lower-cased, without the full stop."""
    head = point.strip().rstrip(".")
    for mark in ("; ", " (", ": ", " — ", ", "):
        if mark in head[:limit] and head.index(mark) >= 20:
            head = head[: head.index(mark)]
            break
    head = _clip(head, limit).rstrip(",;:")
    return head[:1].lower() + head[1:] if head[1:2].islower() else head


def _coverage(doc: Doc, points: list[PointCover]) -> Judgement:
    """How many of the question's talking points the answer covers, quoting where it covers each."""
    covered = [p for p in points if p.covered]
    gaps = [point_label(p.point) for p in points if not p.covered]
    hits = [
        Hit(f"covers: {point_label(p.point, 60)}", p.start, p.end, doc.text[p.start : p.end])
        for p in sorted(covered, key=lambda p: p.start)
    ]
    said = f"You covered {len(covered)} of {len(points)} points"
    advice = f"{said}. A strong answer also {'; '.join(gaps)}." if gaps else f"{said}."
    return Judgement(
        round(sat(len(covered) / len(points), COVERAGE_ENOUGH), 4), hits, [f"not covered: {g}" for g in gaps], advice
    )


def _off_topic(topic: Topic, related: Relevance) -> str:
    said = "This does not answer the question asked"
    closer = active_catalog().questions.get(related.nearest_id) if related.nearest_id else None
    if closer is not None:
        said += f": it is closer to another question (“{_clip(closer.text)}”) than to this one"
    return said + f". Answer what was asked: “{_clip(topic.question)}”"


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def analyze(
    question: str | Question,
    answer: str,
    *,
    question_type: str | None = None,
    seconds: float | None = None,
    shape: str | None = None,
) -> Feedback:
    """Score ``answer`` to ``question`` and explain the score with evidence quoted from the answer.

    ``question`` may be any text, a bank question's id, or a resolved bank question (a
    :class:`pmprep.bank.schema.Question`, for instance from a coach's overlay, which then keeps its own
    type, talking points and probes); ``question_type`` overrides classification;
    ``seconds`` is the time available, used for concision and delivery; ``shape`` overrides the answer
    shape detected from the question (pmprep.analysis.shapes), which weighs the type's criteria. Answers over
    ``MAX_ANSWER_CHARS`` characters raise :class:`AnswerTooLong`.
    """
    if not isinstance(question, (str, Question)) or not isinstance(answer, str):
        raise TypeError("question and answer must be text (or the question a bank question)")
    if len(answer) > MAX_ANSWER_CHARS:
        raise AnswerTooLong(
            f"The answer is {len(answer):,} characters; the limit is {MAX_ANSWER_CHARS:,}. Paste one answer at a time."
        )
    if question_type is not None and question_type not in question_types():
        raise ValueError(f"question_type {question_type!r} is not one of: {', '.join(question_types())}")
    if seconds is not None and (
        isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not math.isfinite(seconds) or seconds <= 0
    ):
        raise ValueError("seconds must be a positive number of seconds")
    if isinstance(question, Question):
        stored: Question | None = question
        question_text = question.text
    else:
        question = question[:MAX_QUESTION_CHARS]
        stored = bank_question(question)
        question_text = stored.text if stored else question
    qtype = question_type or (stored.type if stored else classify(question_text).question_type)
    chosen = shape_named(qtype, shape) if shape else shape_of(question_text, qtype)

    doc = Doc(answer)
    signals = Signals(doc, _known(question_text), shape_vocabulary())
    ctx = Context(doc, signals, question_text, qtype, float(seconds) if seconds else None)
    items, coverage = outline(ctx)

    own = judges(qtype)
    judgements: dict[str, Judgement] = {cid: fn(ctx) for cid, fn in own.items()}
    judgements["structure"] = common.structure(ctx, coverage)
    judgements["specificity"] = common.specificity(ctx)
    _hold_unsupported(judgements, own)
    judgements["concision"] = common.concision(ctx)
    judgements["conclusion"] = common.conclusion(ctx)

    topic = _topic(question_text, stored)
    if topic.question_id is not None:  # the question's own talking points are known
        judgements["coverage"] = _coverage(doc, cover(doc, topic, active_catalog(), signals.ignored))

    results: list[CriterionResult] = []
    texts = rubrics().advice
    for definition in rubrics().for_type(qtype):
        j = judgements.get(definition.id)
        if j is None:
            continue
        weight = WEIGHTS.get(definition.id, COMMON_WEIGHT if definition.common else 1.0) * chosen.weight(definition.id)
        level = level_of(j.strength)
        # Level and words never contradict: "missing" only below Solid, "keep this" only at Outstanding.
        missing = j.missing if level <= 2 else []
        if level == 4:
            advice = texts["keep"]
        elif j.advice in rubrics().praise:
            advice = texts["go_further"].format(what=definition.what[:1].lower() + definition.what[1:])
        else:
            advice = j.advice
        results.append(
            CriterionResult(
                definition.id, definition.name, level, j.strength, _evidence(j.hits), missing, advice, weight
            )
        )

    flags = _red_flags(ctx, judgements["specificity"].strength)
    overlap, fit = _relevance(question_text, doc, signals, qtype)
    gates = _gates(
        ctx,
        overlap,
        fit,
        measure(doc, topic, signals.ignored),
        topic,
        relevance(doc, topic, active_catalog(), signals.ignored),
    )
    if doc.word_count >= 25:  # a shorter answer is already held down for its length
        gates += [
            (d.essential_note, ESSENTIAL_CAP)
            for d in rubrics().by_type[qtype]
            if d.essential is not None and judgements[d.id].strength < d.essential
        ]

    total_weight = sum(r.weight for r in results)
    # Credit needs substance: the rubric score shrinks with the share of the answer that only names topics.
    scale = calibration.shipped()
    score = 100 * sum(r.weight * r.strength for r in results) / total_weight * scale.kept(signals.claim_share)
    score = scale.score(score) - min(3, len(flags)) * RED_FLAG_PENALTY
    notes = [g for g, _ in gates]
    if not gates and signals.claim_share < SUBSTANCE_NOTE_BELOW:
        notes.append(_substance_note(doc, signals))
    for _, cap in gates:
        score = min(score, cap)
    score = round(max(0.0, min(100.0, score)), 1)
    level = 1 + sum(score >= cut for cut in SCORE_CUTS)

    probes = _probes(results, flags, stored)
    return Feedback(
        question=question_text,
        question_type=qtype,
        score=score,
        level=level,
        level_label=Level(level).label,
        summary=_summary(score, level, results, notes),
        criteria=results,
        red_flags=flags,
        probes=probes,
        outline=items,
        delivery=delivery(ctx),
        framework=frameworks()[qtype].name,
        notes=notes,
        shape=chosen.id,
        shape_name=chosen.name,
        strengths=_strengths(results),
        gaps=_gaps(results),
    )


def _strengths(results: list[CriterionResult]) -> list[Highlight]:
    """The two criteria that show most, each with the answer's own words that show it."""
    shown = [r for r in results if r.level >= 3 and r.evidence]
    shown.sort(key=lambda r: (-r.level, -r.strength * r.weight, r.id))
    # The fullest of its first quotes: a phrase says more than one word.
    return [
        Highlight(r.id, r.name, r.level, max(r.evidence[:4], key=lambda e: len(e.text)).text, r.advice)
        for r in shown[:2]
    ]


def _gaps(results: list[CriterionResult]) -> list[Highlight]:
    """The two criteria that cost most, each with what is missing and what to do."""
    weak = [r for r in results if r.level <= 2]
    weak.sort(key=lambda r: (-(1 - r.strength) * r.weight, r.id))
    return [Highlight(r.id, r.name, r.level, r.missing[0] if r.missing else "", r.advice) for r in weak[:2]]


@per_company
def _probe_texts() -> dict[str, str]:
    r = rubrics()
    return {c.id: c.probe for c in [*r.common, *(c for cs in r.by_type.values() for c in cs)]}


def _probe_for(criterion_id: str) -> str:
    return _probe_texts()[criterion_id]


def _probes(results: list[CriterionResult], flags: list[RedFlag], stored: Question | None) -> list[Probe]:
    out: list[Probe] = []
    for flag in flags[:1]:
        out.append(Probe(rubrics().red_flags[flag.id].probe, None, f"{RED_FLAG_REASON}{flag.name}", flag.id))
    gaps = sorted((r for r in results if r.strength < 0.72), key=lambda r: (r.strength - 0.2 * r.weight, r.id))
    for r in gaps[: 3 - len(out)]:
        text = _probe_for(r.id)
        if r.id == "coverage" and r.missing:
            text = f"A strong answer here also {r.missing[0].removeprefix('not covered: ')}. How would you cover that?"
        out.append(Probe(text, r.id, f"{r.name}: level {r.level}"))
    if stored is not None and len(out) < 3:
        out.append(Probe(stored.probes[0], None, "a follow-up this question often gets"))
    return out


def _summary(score: float, level: int, results: list[CriterionResult], notes: list[str]) -> str:
    label = Level(level).label
    if notes:
        return f"{label} ({score_points(score)}/100). {notes[0]}"
    best = max(results, key=lambda r: (r.strength * r.weight, r.id))
    worst = min(results, key=lambda r: (r.strength - (1 - r.weight), r.id))
    return f"{label} ({score_points(score)}/100). Strongest: {best.name.lower()}. Biggest gap: {worst.name.lower()} — {worst.advice}"
