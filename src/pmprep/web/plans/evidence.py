"""What the user has actually done, gathered for the planning core (pmprep.plans.PracticeEvidence)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from pmprep.bank.model import Catalog
from pmprep.committee import Source
from pmprep.plans import PracticeEvidence, Readiness, readiness
from pmprep.review import TodayPlan
from pmprep.stories import Coverage, Gap, story_kinds
from pmprep.web.data_version import cached
from pmprep.web.debrief.models import RealExchange
from pmprep.web.loops.committee import hear
from pmprep.web.loops.models import LoopRound, MockLoop, RoundScorecard
from pmprep.web.practice.models import Attempt
from pmprep.web.review.due import due_today
from pmprep.web.stories import bank as story_bank


def _wanted(gap: Gap, cov: Coverage) -> str:
    """What a coverage gap asks a story to show, as a phrase ("a launch", "the competency 'Data literacy'"):
    the planning core writes it into its own sentences ("Write a story that shows a launch")."""
    column = next(c for c in cov.columns if c.key == gap.key)
    if column.group == "kind":
        return story_kinds().kinds[column.id].phrase
    return f"the {column.group} '{column.name}'"


def gather(user, catalog: Catalog, today: date, reviews: TodayPlan | None = None) -> PracticeEvidence:
    """The user's evidence; ``reviews`` is what is due today when the caller has it already. Kept until the
    user's data changes (pmprep.web.data_version)."""
    return cached(user, "evidence", today, lambda: _gather(user, catalog, today, reviews))


def _gather(user, catalog: Catalog, today: date, reviews: TodayPlan | None) -> PracticeEvidence:
    attempts = []
    # Plain rows, not model instances: a year of practice is hundreds of attempts on every home page.
    for created, question_id, level in (
        Attempt.objects.of(user)
        .filter(parent=None)
        .exclude(question_id="")
        .values_list("created", "question_id", "level")
    ):
        q = catalog.questions.get(question_id)
        if q is not None and 1 <= level <= 4:
            attempts.append((timezone.localtime(created).date(), q.type, tuple(q.rounds), tuple(q.competencies), level))
    # A real round's judged answers count as practice of that round, on the day of the interview: its weak
    # spots weigh in the plan as a weak practice answer does.
    for e in (
        RealExchange.objects.filter(user=user)
        .select_related("real_round")
        .only("question_type", "competencies", "level", "real_round__held_on", "real_round__round_id")
    ):
        if 1 <= e.level <= 4:
            rounds = (e.real_round.round_id,) if e.real_round.round_id in catalog.rounds else ()
            attempts.append((e.real_round.held_on, e.question_type, rounds, tuple(e.competencies), e.level))
    cards = [
        (c.loop_round.round_id, c.ratings)
        for c in RoundScorecard.objects.filter(user=user)
        .exclude(source=Source.REFERRAL.value)
        .select_related("loop_round")
        if c.loop_round_id and c.ratings
    ]
    rows, cov = story_bank.bank_coverage(user, catalog)
    reviews = reviews or due_today(user, today)  # what the Today page shows, so both pages count the same
    finished = [
        loop
        for loop in MockLoop.objects.filter(user=user).order_by("created", "id").prefetch_related("rounds")
        if loop.rounds.all() and all(r.status == LoopRound.DONE for r in loop.rounds.all())
    ]
    # The committee's outcome for each finished loop, oldest first (readiness reads the latest).
    outcomes = tuple(hear(loop, catalog).decision.outcome.value for loop in finished)
    return PracticeEvidence(
        attempts=tuple(attempts),
        scorecards=tuple(cards),
        stories=len(rows),
        story_gaps=tuple(_wanted(g, cov) for g in cov.gaps),
        review_due=reviews.due,
        review_overdue=reviews.overdue,
        loops_done=len(finished),
        committee_outcomes=outcomes,
    )


def current_readiness(user, catalog: Catalog, today: date, reviews: TodayPlan | None = None) -> Readiness:
    """Readiness for the user's track (which must be one of ``catalog``'s) from their evidence, kept until
    their data changes."""
    return cached(
        user, "readiness", today, lambda: readiness(user.track, gather(user, catalog, today, reviews), catalog, today)
    )
