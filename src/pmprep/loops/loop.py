"""Plan a whole mock loop for a track: its rounds in order, each with questions that fit it.

The plan is deterministic: the same catalog, track, recent ids and seed give the same loop, so a
reload shows the same questions while a new seed (say, the user and the day) gives a new loop.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from pmprep.bank.model import Catalog
from pmprep.bank.schema import Question, Round
from pmprep.cases.panel import panel

# The sources give a 20–30 minute talk before the Q&A; we plan the middle of that range. The early-in
# case round has no published talk length, so it gets the same slot inside its 90 minutes.
CASE_TALK_MINUTES = 25
# Time inside a non-case round that is not answering: introductions and the candidate's questions.
INTRO_AND_CLOSE_MINUTES = 5


@dataclass(frozen=True)
class PlannedRound:
    """One round of a planned mock loop.

    ``minutes`` is the round's real length (the lower end when the sources give a range).
    ``talk_minutes`` and ``qa_probes`` are set for case presentations only. ``optional`` marks a
    round the track holds only for some roles (the experienced technical deep dive).
    """

    round_id: str
    name: str
    order: int
    minutes: int
    question_ids: tuple[str, ...]
    is_case: bool
    prompt_in_advance: bool
    talk_minutes: int | None
    qa_probes: tuple[str, ...]
    optional: bool = False


class Timed(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def minutes(self) -> int: ...
    @property
    def optional(self) -> bool: ...


@dataclass(frozen=True)
class LoopLength:
    """How long a loop is: its required rounds and their minutes, and each optional round apart
    as (name, minutes). Every page that states a loop's length reads it from here."""

    required_rounds: int
    required_minutes: int
    optional: tuple[tuple[str, int], ...]

    @property
    def rounds(self) -> int:
        return self.required_rounds + len(self.optional)

    @property
    def minutes(self) -> int:
        return self.required_minutes + sum(minutes for _, minutes in self.optional)


def loop_length(rounds: Iterable[Timed]) -> LoopLength:
    """The length of a loop made of ``rounds``: a track's rounds from the catalog, or a planned loop's."""
    rounds = list(rounds)
    required = [r for r in rounds if not r.optional]
    return LoopLength(
        required_rounds=len(required),
        required_minutes=sum(r.minutes for r in required),
        optional=tuple((r.name, r.minutes) for r in rounds if r.optional),
    )


def question_count(r: Round) -> int:
    """How many questions fit the round: one case prompt, else one per quarter hour."""
    if r.is_case:
        return 1
    return max(1, round(r.minutes / 15))


def plan_loop(
    catalog: Catalog, track_id: str, recent: Iterable[str] = (), seed: str = "", include_optional: bool = False
) -> tuple[PlannedRound, ...]:
    """The track's rounds in order, each with its questions drawn for this seed.

    Questions practised recently (``recent``) are used only when a round runs out of fresh ones;
    a question is never used twice in one loop, so a round may get fewer questions than it
    should when the bank is small. Optional rounds are left out unless ``include_optional``.
    """
    if track_id not in catalog.tracks:
        raise ValueError(f"unknown track {track_id!r}; expected one of: {', '.join(sorted(catalog.tracks))}")
    recent_ids = set(recent)
    used: set[str] = set()
    planned: list[PlannedRound] = []
    for r in catalog.rounds_for(track_id):
        if r.optional and not include_optional:
            continue
        chosen = _draw(catalog, r, recent_ids, used, seed)
        used.update(chosen)
        planned.append(_loop_round(r, chosen))
    return tuple(planned)


def answer_seconds(loop_round: PlannedRound) -> int:
    """The time budget for one answer: the talk slot in a case, else the round shared out."""
    if loop_round.is_case and loop_round.talk_minutes:
        return loop_round.talk_minutes * 60
    answering = (loop_round.minutes - INTRO_AND_CLOSE_MINUTES) * 60
    return answering // max(1, len(loop_round.question_ids))


def _draw(catalog: Catalog, r: Round, recent: set[str], used: set[str], seed: str) -> tuple[str, ...]:
    case = r.is_case

    def preference(q: Question) -> tuple[bool, bool, str]:
        # False sorts first: fresh before recent, then (for a case) the types question_types.yaml marks
        # ``case_prompt``, then the seed.
        shuffle = hashlib.sha256(f"{seed}:{r.id}:{q.id}".encode()).hexdigest()
        return q.id in recent, case and not catalog.question_types[q.type].case_prompt, shuffle

    fitting = [q for q in catalog.questions.values() if r.id in q.rounds and q.id not in used]
    fitting.sort(key=preference)
    return tuple(q.id for q in fitting[: question_count(r)])


def _loop_round(r: Round, question_ids: tuple[str, ...]) -> PlannedRound:
    case = r.is_case
    return PlannedRound(
        round_id=r.id,
        name=r.name,
        order=r.order,
        minutes=r.minutes,
        question_ids=question_ids,
        is_case=case,
        # A presentation is prepared: the experienced source says the problem comes in advance (often
        # the day before); the early-in panel also watches a prepared talk, so both get it early.
        prompt_in_advance=case,
        talk_minutes=CASE_TALK_MINUTES if case else None,
        qa_probes=panel().general if case else (),
        optional=r.optional,
    )
