"""Running a mock loop: plan it, answer its rounds, and score each round when it ends.

Views call these; they take the user's records and the current time and save what changed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction

from pmprep.analysis import Feedback, Probe
from pmprep.bank.model import Catalog
from pmprep.cases.panel import panel
from pmprep.committee import Source
from pmprep.loops import LoopLength, PlannedRound, answer_seconds, auto_scorecard, loop_length, plan_loop
from pmprep.loops.auto_scorecard import RATER
from pmprep.web.loops.models import LoopRound, MockLoop, RoundScorecard
from pmprep.web.practice import recording
from pmprep.web.practice.models import Attempt
from pmprep.web.practice.recording import Asked

RECENT_DAYS = 14  # questions answered this recently are drawn only when a round runs out of fresh ones
PANEL_REASON = "the case panel's question"  # a Q&A probe is the panel's, not a gap the analyzer found


def start_loop(user, catalog: Catalog, track: str, now: datetime, include_optional: bool = False) -> MockLoop:
    recent = (
        Attempt.objects.of(user)
        .filter(created__gte=now - timedelta(days=RECENT_DAYS))
        .exclude(question_id="")
        .values_list("question_id", flat=True)
    )
    with transaction.atomic():
        loop = MockLoop.objects.create(user=user, track=track, created=now)
        planned = plan_loop(
            catalog, track, recent=set(recent), seed=f"{user.pk}:{loop.uid}", include_optional=include_optional
        )
        LoopRound.objects.bulk_create(
            [
                LoopRound(
                    user=user,
                    loop=loop,
                    round_id=r.round_id,
                    order=r.order,
                    minutes=r.minutes,
                    question_ids=list(r.question_ids),
                    is_case=r.is_case,
                    talk_minutes=r.talk_minutes,
                )
                for r in planned
            ]
        )
    return loop


def planned(r: LoopRound, catalog: Catalog) -> PlannedRound:
    """The core's view of a stored round (for its answer budget and probes)."""
    spec = catalog.rounds[r.round_id]
    return PlannedRound(
        round_id=r.round_id,
        name=spec.name,
        order=r.order,
        minutes=r.minutes,
        question_ids=tuple(r.question_ids),
        is_case=r.is_case,
        prompt_in_advance=r.is_case,
        talk_minutes=r.talk_minutes,
        qa_probes=(),
        optional=spec.optional,
    )


def length(loop: MockLoop, catalog: Catalog) -> LoopLength:
    """The loop's length from its stored rounds (those still in the catalog, as its pages show them)."""
    return loop_length(planned(r, catalog) for r in loop.rounds.all() if r.round_id in catalog.rounds)


@dataclass(frozen=True)
class Progress:
    """Where a round stands: the answers so far and what comes next."""

    answers: dict[str, Attempt]  # question id -> the first answer given in this round
    next_question: str | None
    replies: list[Attempt]  # a case's Q&A replies, in order
    qa_open: bool  # a case whose talk is in and whose Q&A has not been answered yet

    @property
    def answered(self) -> int:
        return len(self.answers)


def progress(r: LoopRound) -> Progress:
    attempts = list(Attempt.objects.filter(loop_round=r).order_by("created", "id"))
    answers = {a.question_id: a for a in attempts if a.parent_id is None and a.question_id in r.question_ids}
    replies = [a for a in attempts if a.parent_id is not None]
    next_question = next((q for q in r.question_ids if q not in answers), None)
    qa_open = r.is_case and bool(answers) and not replies and r.status != LoopRound.DONE
    return Progress(answers, next_question, replies, qa_open)


def qa_probes() -> list[tuple[str, str, str]]:
    """The case panel's probes as (field name, role, probe), in a fixed order."""
    return [
        (f"probe_{role.id}_{i}", role.name, text)
        for role in panel().roles
        for i, text in enumerate(role.general, start=1)
    ]


def best_of(first: Feedback, exchange: Feedback) -> Feedback:
    """A talk and its Q&A as one piece of evidence: each criterion at the better of its level after
    the talk and after the whole exchange. A reply can close a gap the talk left; it cannot undo what
    the talk already showed (the whole exchange is judged longer and looser than the talk alone)."""
    after = {c.id: c for c in exchange.criteria}
    merged = [after[c.id] if c.id in after and after[c.id].level > c.level else c for c in first.criteria]
    return replace(first, criteria=merged)


class RoundClosed(Exception):
    """The round is over: answers can no longer be added to it."""


def record_answer(
    r: LoopRound, catalog: Catalog, question_id: str, answer: str, seconds: int | None, now: datetime
) -> Attempt:
    """Analyse an answer to one of the round's questions and keep it as an attempt of the round."""
    if r.status == LoopRound.DONE:
        raise RoundClosed(f"{catalog.rounds[r.round_id].name} is finished; its answers can no longer change.")
    question = catalog.questions[question_id]
    # Raises ValueError on what cannot be analysed, TextWorkError when it could not be worked out.
    return recording.record_answer(
        r.user,
        Asked(question, question.text),
        answer,
        budget=answer_seconds(planned(r, catalog)),
        seconds_taken=seconds,
        loop_round=r,
        created=now,
    )


def record_qa(r: LoopRound, replies: list[tuple[str, str]], now: datetime) -> list[Attempt]:
    """The case's Q&A: each (probe, reply) is judged together with the talk and the replies before it."""
    if r.status == LoopRound.DONE:
        raise RoundClosed("This round is finished; its answers can no longer change.")
    talk = next(iter(progress(r).answers.values()), None)
    if talk is None:
        raise ValueError("Give the presentation before the panel's questions.")
    return recording.record_replies(
        [talk], [(Probe(probe, None, PANEL_REASON), reply, None) for probe, reply in replies], loop_round=r, created=now
    )


def finish(r: LoopRound, catalog: Catalog, now: datetime) -> RoundScorecard | None:
    """End the round and write pmprep's scorecard from its answers (None when nothing was answered)."""
    p = progress(r)
    judged = {qid: a.analysed for qid, a in p.answers.items()}
    if p.replies:
        talk_qid = next(iter(p.answers))
        judged[talk_qid] = best_of(judged[talk_qid], p.replies[-1].analysed)
    spec = catalog.rounds[r.round_id]
    names = {c: catalog.competency_name(c) for c in spec.competencies}
    with transaction.atomic():
        r.finish(now)
        r.save(update_fields=["elapsed", "running_since", "status", "finished"])
        if not judged or r.scorecards.filter(source=Source.AUTOMATIC.value).exists():
            return None
        try:
            card = auto_scorecard(catalog, r.round_id, spec.competencies, list(judged.values()), r.is_case, names=names)
        except ValueError:
            return None
        try:
            with transaction.atomic():
                return RoundScorecard.objects.create(
                    user=r.user,
                    loop=r.loop,
                    loop_round=r,
                    source=card.source.value,
                    rater=RATER,
                    ratings=card.ratings,
                    evidence=card.evidence,
                    recommendation=card.recommendation.value,
                    summary=card.summary,
                    trade_offs_quantified=card.trade_offs_quantified,
                    created=now,
                )
        except IntegrityError:  # a second finish racing this one wrote pmprep's scorecard first
            return None
