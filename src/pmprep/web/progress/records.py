"""The user's records read as the progress core's plain values (pmprep.progress); reads only, never writes."""

from __future__ import annotations

from datetime import date
from functools import cached_property

from django.utils import timezone

from pmprep.bank.model import Catalog
from pmprep.committee import Decision
from pmprep.progress import (
    Answer,
    Backlog,
    LoopOutcomes,
    LoopResult,
    StoryCoverage,
    Volume,
    Weekly,
    backlog,
    levels_by_dimension,
    levels_by_round,
    loop_outcomes,
    story_coverage,
    volume,
)
from pmprep.web.loops.committee import hear
from pmprep.web.loops.models import LoopRound, MockLoop
from pmprep.web.practice.models import Attempt, ReviewCard
from pmprep.web.stories import bank as story_bank


def loop_decision(loop: MockLoop, catalog: Catalog) -> Decision | None:
    """The committee's decision for ``loop``, as its committee page shows it; None for a track the
    catalog has no committee policy for (the committee page cannot judge one either)."""
    if loop.track not in catalog.committee:
        return None
    return hear(loop, catalog).decision


class Records:
    """One user's records for one request; each is read from the database at most once."""

    def __init__(self, user, catalog: Catalog, today: date) -> None:
        self.user, self.catalog, self.today = user, catalog, today

    @cached_property
    def answers(self) -> list[Answer]:
        """Every answer: a bank question brings its competencies and rounds (a loop answer also its
        loop's round); an own question, or a question no longer in the catalog, brings none."""
        out = []
        rows = (
            Attempt.objects.of(self.user)
            .order_by("created", "id")
            .values_list("created", "level", "question_id", "parent_id", "loop_round__round_id")
        )
        for created, level, question_id, parent_id, loop_round in rows:
            if level not in (1, 2, 3, 4):  # only an edited database could hold one
                continue
            q = self.catalog.questions.get(question_id) if question_id else None
            rounds = [*(q.rounds if q else ()), *([loop_round] if loop_round else [])]
            out.append(
                Answer(
                    timezone.localdate(created),
                    level,
                    tuple(q.competencies) if q else (),
                    tuple(dict.fromkeys(rounds)),
                    follow_up=parent_id is not None,
                )
            )
        return out

    @property
    def has_track(self) -> bool:
        return (self.user.track or "") in self.catalog.tracks

    def charted_rounds(self) -> dict[str, str]:
        """The user's track's rounds in loop order; with no track yet, every round, named with its track."""
        c = self.catalog
        if self.has_track:
            return {r.id: r.name for r in c.rounds_for(self.user.track)}
        return {r.id: f"{r.name} · {c.tracks[t].name}" for t in c.tracks for r in c.rounds_for(t)}

    def levels_by_competency(self) -> Weekly:
        c = self.catalog
        dimensions_of = {x: tuple(sorted(c.dimensions_of(x))) for x in [*c.dimensions, *c.components]}
        return levels_by_dimension(
            self.answers, {d: c.competency_name(d) for d in c.dimensions}, dimensions_of, self.today
        )

    def levels_by_round(self) -> Weekly:
        weekly = levels_by_round(self.answers, self.charted_rounds(), self.today)
        # With no track, chart only the rounds answered for rather than every round of every track.
        return weekly if self.has_track else weekly.only_answered()

    def volume(self) -> Volume:
        return volume(self.answers, self.today)

    def backlog(self) -> Backlog:
        due = ReviewCard.objects.filter(user=self.user).values_list("kind", "due")
        return backlog(((kind, timezone.localdate(when)) for kind, when in due), self.today)

    def stories(self) -> StoryCoverage:
        rows, cov = story_bank.bank_coverage(self.user, self.catalog)
        covered = {key for cells in cov.cells.values() for key in cells}
        return story_coverage(
            [(col.group, col.key) for col in cov.columns], covered, stories=len(rows), gaps=len(cov.gaps)
        )

    def loops(self) -> LoopOutcomes:
        results = []
        for loop in MockLoop.objects.filter(user=self.user).prefetch_related("rounds", "informal_notes"):
            decision = loop_decision(loop, self.catalog)
            rounds = list(loop.rounds.all())
            results.append(
                LoopResult(
                    str(loop.uid),
                    timezone.localdate(loop.created),
                    loop.track,
                    sum(1 for r in rounds if r.status == LoopRound.DONE),
                    len(rounds),
                    decision.outcome if decision else None,
                    decision.overall if decision else None,
                )
            )
        return loop_outcomes(results)
