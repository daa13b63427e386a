"""How ready the user is, per round and per competency, read only from what they have actually done.

Rules (exact):

1. **Levels** come from ``evidence.summarise``: a recency-weighted mean of the last 5 answers, the
   mean of mock-loop scorecard ratings, and the mean of the two when both exist.
2. **Rounds and competencies.** Fewer than ``MIN_POINTS`` (2) answers + ratings is
   ``not_enough_evidence``. Otherwise a level of at least the track's committee hire bar
   (committee.yaml; 3.0 for both shipped tracks) is ``ready``, at least its pass bar (2.5) is
   ``almost``, else ``not_ready``.
3. **Stories.** No story is ``not_enough_evidence``; fewer than 3 stories or 3+ coverage gaps is
   ``not_ready``; the plan's core vault (``core_stories`` in plan.yaml, 6 shipped) or more and no gap
   is ``ready``; anything else is ``almost``.
4. **Review backlog.** The count is the Today page's: reviews due now (``review_due``), of which
   ``review_overdue`` were due before today. Nothing due and no answers yet is
   ``not_enough_evidence``; nothing overdue is ``ready`` (reviews due today are the day's work, not a
   backlog); up to ``BACKLOG_LIMIT`` (5) overdue is ``almost``; more is ``not_ready``.
5. **Mock loops.** None done is ``not_enough_evidence``; then the latest committee outcome decides:
   hire or strong hire is ``ready``, no hire is ``not_ready``, no decision is ``not_enough_evidence``.
6. **Overall.** With no answers, ratings, stories or loops at all, ``not_enough_evidence``. Else
   the lowest of the required rounds and the mock loops, in the order not_ready <
   not_enough_evidence < almost < ready (optional rounds are shown but do not count).
7. **Next best action**, the first that applies: the lowest not-ready competency (must-pass
   competencies first on a tie, then catalog order); a not-ready review backlog; not-ready
   stories; the first competency without enough evidence (must-pass first; never one that only an
   optional round tests); mock loops without enough evidence or not ready; the lowest
   almost-ready competency; almost-ready stories, then review backlog; otherwise keep things warm.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from pmprep.bank.model import Catalog
from pmprep.bank.schema import CommitteePolicy, Round
from pmprep.committee.decision import Outcome
from pmprep.plans.allocation import question_type_for, rounds_testing, track_competencies
from pmprep.plans.evidence import LevelSummary, PracticeEvidence, competency_levels, round_levels
from pmprep.plans.wording import duration, level, plural

MIN_POINTS = 2
BACKLOG_LIMIT = 5
STORIES_MIN = 3
GAPS_NOT_READY = 3


class ReadinessStatus(StrEnum):
    NOT_ENOUGH_EVIDENCE = "not_enough_evidence"
    NOT_READY = "not_ready"
    ALMOST = "almost"
    READY = "ready"

    @property
    def label(self) -> str:
        return {
            "not_enough_evidence": "Not enough evidence",
            "not_ready": "Not ready",
            "almost": "Almost",
            "ready": "Ready",
        }[self.value]


_RANK = [ReadinessStatus.NOT_READY, ReadinessStatus.NOT_ENOUGH_EVIDENCE, ReadinessStatus.ALMOST, ReadinessStatus.READY]


@dataclass(frozen=True)
class ReadinessItem:
    kind: str  # round, competency, stories, review, loops
    id: str
    name: str
    status: ReadinessStatus
    statement: str  # where it stands, plainly, with the numbers
    next_action: str  # one concrete thing to do
    numbers: Mapping[str, Any] = field(default_factory=dict)
    optional: bool = False
    # Where the next action practises: a round's own id, or the round a competency's action names.
    round_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "status": self.status.value,
            "label": self.status.label,
            "statement": self.statement,
            "next_action": self.next_action,
            "numbers": dict(self.numbers),
            "optional": self.optional,
            "round_id": self.round_id,
        }


@dataclass(frozen=True)
class Readiness:
    track_id: str
    today: date
    status: ReadinessStatus
    overall: str
    rounds: tuple[ReadinessItem, ...]
    competencies: tuple[ReadinessItem, ...]
    stories: ReadinessItem
    review: ReadinessItem
    loops: ReadinessItem
    next_best_action: str
    # The item whose next action is the next best one, so a page can offer the button that starts it;
    # None when everything is ready and the advice is to keep it warm.
    next_best: ReadinessItem | None = None

    def round(self, round_id: str) -> ReadinessItem:
        return next(i for i in self.rounds if i.id == round_id)

    def competency(self, competency_id: str) -> ReadinessItem:
        return next(i for i in self.competencies if i.id == competency_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "track_id": self.track_id,
            "today": self.today.isoformat(),
            "status": self.status.value,
            "label": self.status.label,
            "overall": self.overall,
            "rounds": [i.to_dict() for i in self.rounds],
            "competencies": [i.to_dict() for i in self.competencies],
            "stories": self.stories.to_dict(),
            "review": self.review.to_dict(),
            "loops": self.loops.to_dict(),
            "next_best_action": self.next_best_action,
            "next_best": self.next_best.to_dict() if self.next_best else None,
        }


def _status(summary: LevelSummary, policy: CommitteePolicy) -> ReadinessStatus:
    if summary.points < MIN_POINTS or summary.level is None:
        return ReadinessStatus.NOT_ENOUGH_EVIDENCE
    if summary.level >= policy.hire_bar:
        return ReadinessStatus.READY
    return ReadinessStatus.ALMOST if summary.level >= policy.pass_bar else ReadinessStatus.NOT_READY


def _numbers(summary: LevelSummary, today: date) -> dict[str, Any]:
    numbers = summary.to_dict()
    numbers.pop("last_on")
    numbers["days_since_last"] = (today - summary.last_on).days if summary.last_on else None
    return numbers


def _so_far(summary: LevelSummary) -> str:
    parts = []
    if summary.attempts:
        parts.append(plural(summary.attempts, "answer"))
    if summary.ratings:
        parts.append(plural(summary.ratings, "mock-loop rating"))
    return " and ".join(parts)


def _reading(summary: LevelSummary) -> str:
    parts = []
    if summary.recent_level is not None:
        parts.append(
            f"your last {plural(summary.recent, 'answer')} average {level(summary.recent_level)} "
            "(recent ones weigh more)"
        )
    if summary.rating_level is not None:
        parts.append(f"{plural(summary.ratings, 'mock-loop rating')} average {level(summary.rating_level)}")
    return " and ".join(parts)


def _and_ratings(summary: LevelSummary) -> str:
    if summary.rating_level is None:
        return ""
    return f" and your mock-loop ratings {level(summary.rating_level)}"


def _level(value: float | None) -> str:
    """A level the status says is there: every status but not-enough-evidence has one."""
    assert value is not None
    return level(value)


def _statement(name: str, summary: LevelSummary, status: ReadinessStatus) -> str:
    if status is ReadinessStatus.NOT_ENOUGH_EVIDENCE:
        if not summary.points:
            return f"Not enough evidence: no answers or mock-loop ratings for {name} yet."
        return f"Not enough evidence: {_so_far(summary)} for {name} so far; readiness needs at least {MIN_POINTS}."
    return f"Level {_level(summary.level)}: {_reading(summary)}."


class _Reader:
    def __init__(self, catalog: Catalog, track_id: str, evidence: PracticeEvidence, today: date):
        self.catalog, self.track_id, self.evidence, self.today = catalog, track_id, evidence, today
        self.rounds = catalog.rounds_for(track_id)
        self.competency_ids = track_competencies(catalog, track_id)
        self.comp = competency_levels(evidence, self.competency_ids, today)
        self.rnd = round_levels(evidence, [r.id for r in self.rounds], today)
        self.policy = catalog.committee[track_id]  # the loader gives every track one
        self.must_pass = set(self.policy.must_pass)

    def type_name(self, question_type: str) -> str:
        info = self.catalog.question_types.get(question_type)
        return (info.name if info else question_type).lower()

    def aim(self, competency_id: str) -> tuple[Round, str]:
        """Where to practise a competency: the round and type of its weakest recent answer, else the
        weakest round that tests it and that round's most common question type for it."""
        focus = self.comp[competency_id].focus
        if focus is not None:
            rnd = next((r for r in self.rounds if r.id in focus.round_ids), None)
            if rnd is not None:
                return rnd, focus.question_type
        rnd = rounds_testing(self.catalog, self.track_id, competency_id, self.rnd)[0]
        return rnd, question_type_for(self.catalog, self.track_id, competency_id, rnd)

    def competency(self, competency_id: str) -> ReadinessItem:
        s = self.comp[competency_id]
        name = self.catalog.competency_name(competency_id)
        status = _status(s, self.policy)
        rnd, qtype = self.aim(competency_id)
        kind = self.type_name(qtype)
        if status is ReadinessStatus.NOT_ENOUGH_EVIDENCE:
            need = MIN_POINTS - s.points
            action = f"Answer {plural(need, kind + ' question')} on {name} in the {rnd.name} to get a first reading."
        elif status is ReadinessStatus.NOT_READY and s.recent_level is not None:
            action = (
                f"Answer 2 more {kind} questions in the {rnd.name}; your last {plural(s.recent, 'answer')} "
                f"on {name} averaged level {level(s.recent_level)}{_and_ratings(s)}."
            )
        elif status is ReadinessStatus.NOT_READY:
            action = (
                f"Answer 2 {kind} questions on {name} in the {rnd.name}; your mock-loop ratings "
                f"average {_level(s.rating_level)}."
            )
        elif status is ReadinessStatus.ALMOST:
            action = (
                f"Answer 2 more {kind} questions in the {rnd.name} aiming for level 3 on {name}; "
                f"you are at {_level(s.level)}."
            )
        else:
            action = f"Keep {name} warm: one {kind} question in the {rnd.name} a week; you are at {_level(s.level)}."
        # A competency only an optional round tests (technical fluency for experienced hires) is optional too.
        optional = all(r.optional for r in self.rounds if competency_id in r.competencies)
        return ReadinessItem(
            "competency",
            competency_id,
            name,
            status,
            _statement(name, s, status),
            action,
            _numbers(s, self.today),
            optional=optional,
            round_id=rnd.id,
        )

    def round(self, rnd: Round) -> ReadinessItem:
        s = self.rnd[rnd.id]
        status = _status(s, self.policy)
        kind = self.type_name(s.focus.question_type if s.focus else rnd.question_types[0])
        known = [
            (self.comp[c].level, self.competency_ids.index(c), c)
            for c in rnd.competencies
            if c in self.comp and self.comp[c].level is not None
        ]
        weakest = self.catalog.competency_name(min(known)[2]) if known else None
        focus = (
            f" Start with {weakest}."
            if weakest and status in (ReadinessStatus.NOT_READY, ReadinessStatus.ALMOST)
            else ""
        )
        if status is ReadinessStatus.NOT_ENOUGH_EVIDENCE:
            action = (
                f"Answer {plural(MIN_POINTS - s.points, kind + ' question')} in the {rnd.name} to get a first reading."
            )
        elif status is ReadinessStatus.NOT_READY and s.recent_level is not None:
            action = (
                f"Answer 2 more {kind} questions in the {rnd.name}; your last "
                f"{plural(s.recent, 'answer')} averaged level {level(s.recent_level)}"
                f"{_and_ratings(s)}.{focus}"
            )
        elif status is ReadinessStatus.NOT_READY:
            action = (
                f"Answer 2 {kind} questions in the {rnd.name}; your mock-loop ratings there average "
                f"{_level(s.rating_level)}.{focus}"
            )
        elif status is ReadinessStatus.ALMOST:
            action = (
                f"Answer 2 more {kind} questions in the {rnd.name} aiming for level 3; you are at "
                f"{_level(s.level)}.{focus}"
            )
        else:
            action = f"Keep the {rnd.name} warm: one question a week; you are at {_level(s.level)}."
        return ReadinessItem(
            "round",
            rnd.id,
            rnd.name,
            status,
            _statement(f"the {rnd.name}", s, status),
            action,
            _numbers(s, self.today),
            optional=rnd.optional,
            round_id=rnd.id,
        )

    def stories(self) -> ReadinessItem:
        n, gaps = self.evidence.stories, list(self.evidence.story_gaps)
        numbers = {"stories": n, "gaps": len(gaps)}
        if n == 0:
            first = next(iter(self.catalog.story_tasks.values()))
            return ReadinessItem(
                "stories",
                "stories",
                "STAR stories",
                ReadinessStatus.NOT_ENOUGH_EVIDENCE,
                "Not enough evidence: no STAR stories in your vault yet.",
                f"Write your first STAR story: {first.about}.",
                numbers,
            )
        if n < STORIES_MIN or len(gaps) >= GAPS_NOT_READY:
            status = ReadinessStatus.NOT_READY
        elif n >= self.catalog.core_stories and not gaps:
            status = ReadinessStatus.READY
        else:
            status = ReadinessStatus.ALMOST
        statement = f"{plural(n, 'STAR story', 'STAR stories')} in your vault, " + (
            f"{plural(len(gaps), 'coverage gap')}: {', '.join(gaps)}." if gaps else "no coverage gaps."
        )
        if gaps:
            action = f"Write a story that shows {gaps[0]}" + (
                f"; {plural(len(gaps) - 1, 'gap')} left after that." if len(gaps) > 1 else "."
            )
        elif n < self.catalog.core_stories:
            more = plural(self.catalog.core_stories - n, "more STAR story", "more STAR stories")
            action = f"Write {more} to reach {self.catalog.core_stories}."
        else:
            action = "Rehearse two stories aloud against the clock and tie each to a culture-memo theme."
        return ReadinessItem("stories", "stories", "STAR stories", status, statement, action, numbers)

    def review(self) -> ReadinessItem:
        due, overdue = self.evidence.review_due, self.evidence.review_overdue
        numbers = {"due": due, "overdue": overdue}
        if due == 0 and not self.evidence.attempts:
            return ReadinessItem(
                "review",
                "review",
                "Review queue",
                ReadinessStatus.NOT_ENOUGH_EVIDENCE,
                "Not enough evidence: nothing to review yet; review items come from the questions you answer.",
                "Answer a question: each first answer joins your review queue.",
                numbers,
            )
        if due == 0:
            return ReadinessItem(
                "review",
                "review",
                "Review queue",
                ReadinessStatus.READY,
                "Your review queue is clear.",
                "Do each day's reviews on the Today page as they fall due.",
                numbers,
            )
        if overdue == 0:
            return ReadinessItem(
                "review",
                "review",
                "Review queue",
                ReadinessStatus.READY,
                f"{plural(due, 'review is', 'reviews are')} due today, none overdue.",
                f"Do today's {plural(due, 'review')} on the Today page.",
                numbers,
            )
        status = ReadinessStatus.ALMOST if overdue <= BACKLOG_LIMIT else ReadinessStatus.NOT_READY
        statement = (
            f"{plural(overdue, 'review is', 'reviews are')} overdue."
            if overdue == due
            else f"{plural(due, 'review is', 'reviews are')} due now: {overdue} overdue and {due - overdue} due today."
        )
        return ReadinessItem(
            "review",
            "review",
            "Review queue",
            status,
            statement,
            f"Clear the {plural(overdue, 'overdue review')} on the Today page.",
            numbers,
        )

    def loops(self) -> ReadinessItem:
        done = self.evidence.loops_done
        latest = self.evidence.committee_outcomes[-1] if self.evidence.committee_outcomes else None
        numbers = {"loops_done": done, "latest_outcome": latest}
        if done == 0:
            required = [r for r in self.rounds if not r.optional]
            minutes = sum(r.minutes for r in required)
            return ReadinessItem(
                "loops",
                "loops",
                "Mock loops",
                ReadinessStatus.NOT_ENOUGH_EVIDENCE,
                "Not enough evidence: no full mock loop yet.",
                f"Run a full mock loop: all {len(required)} rounds at real length "
                f"({duration(minutes)}), with a scorecard after each.",
                numbers,
            )
        loops = plural(done, "mock loop")
        if latest in (Outcome.HIRE.value, Outcome.STRONG_HIRE.value):
            return ReadinessItem(
                "loops",
                "loops",
                "Mock loops",
                ReadinessStatus.READY,
                f"{loops} done; the latest committee decision: {Outcome(latest).label}.",
                "Run one more loop a few days before the interview to stay sharp.",
                numbers,
            )
        if latest == Outcome.NO_HIRE.value:
            return ReadinessItem(
                "loops",
                "loops",
                "Mock loops",
                ReadinessStatus.NOT_READY,
                f"{loops} done; the latest committee decision: No hire.",
                "Work on what the committee flagged, then run another loop.",
                numbers,
            )
        return ReadinessItem(
            "loops",
            "loops",
            "Mock loops",
            ReadinessStatus.NOT_ENOUGH_EVIDENCE,
            f"{loops} done, but the committee has no decision yet.",
            "Finish the scorecards for your last loop so the committee can decide.",
            numbers,
        )


KEEP_WARM = "You look ready: clear each day's reviews and run one more full mock loop a few days before the interview."

_LEAD = {
    ReadinessStatus.READY: "Ready",
    ReadinessStatus.ALMOST: "Almost ready",
    ReadinessStatus.NOT_READY: "Not ready yet",
    ReadinessStatus.NOT_ENOUGH_EVIDENCE: "Not enough evidence yet",
}


def readiness(track_id: str, evidence: PracticeEvidence, catalog: Catalog, today: date) -> Readiness:
    """The readiness breakdown for a track (rules in the module docstring)."""
    if track_id not in catalog.tracks:
        raise ValueError(f"unknown track {track_id!r}; expected one of {', '.join(catalog.tracks)}")
    reader = _Reader(catalog, track_id, evidence, today)
    rounds = tuple(reader.round(r) for r in reader.rounds)
    comps = tuple(reader.competency(c) for c in reader.competency_ids)
    stories, review, loops = reader.stories(), reader.review(), reader.loops()

    required = [r for r in rounds if not r.optional]
    if evidence.is_empty:
        status = ReadinessStatus.NOT_ENOUGH_EVIDENCE
        overall = (
            "Not enough evidence yet: pmprep has no answers, stories or mock loops from you, so it "
            f"cannot judge your readiness. Answer at least {MIN_POINTS} questions per round to get a "
            "first reading."
        )
    else:
        status = min([*(r.status for r in required), loops.status], key=_RANK.index)
        counts = {s: sum(1 for r in required if r.status is s) for s in ReadinessStatus}
        overall = (
            f"{_LEAD[status]}: {counts[ReadinessStatus.READY]} of {len(required)} rounds ready, "
            f"{counts[ReadinessStatus.ALMOST]} almost, {counts[ReadinessStatus.NOT_READY]} not ready, "
            f"{counts[ReadinessStatus.NOT_ENOUGH_EVIDENCE]} without enough evidence; mock loops: "
            f"{loops.status.label.lower()}."
        )
    best = _next_best(reader, comps, stories, review, loops)
    return Readiness(
        track_id,
        today,
        status,
        overall,
        rounds,
        comps,
        stories,
        review,
        loops,
        best.next_action if best else KEEP_WARM,
        best,
    )


def _next_best(
    reader: _Reader,
    comps: tuple[ReadinessItem, ...],
    stories: ReadinessItem,
    review: ReadinessItem,
    loops: ReadinessItem,
) -> ReadinessItem | None:
    order = reader.competency_ids

    def by_level(item: ReadinessItem) -> tuple:
        return (item.numbers["level"], item.id not in reader.must_pass, order.index(item.id))

    def by_priority(item: ReadinessItem) -> tuple:
        return (item.id not in reader.must_pass, order.index(item.id))

    def having(status: ReadinessStatus) -> list[ReadinessItem]:
        return [c for c in comps if c.status is status]

    if weak := having(ReadinessStatus.NOT_READY):
        return min(weak, key=by_level)
    for item in (review, stories):
        if item.status is ReadinessStatus.NOT_READY:
            return item
    if unknown := [c for c in having(ReadinessStatus.NOT_ENOUGH_EVIDENCE) if not c.optional]:
        return min(unknown, key=by_priority)
    if loops.status in (ReadinessStatus.NOT_ENOUGH_EVIDENCE, ReadinessStatus.NOT_READY):
        return loops
    if close := having(ReadinessStatus.ALMOST):
        return min(close, key=by_level)
    for item in (stories, review):
        if item.status in (ReadinessStatus.ALMOST, ReadinessStatus.NOT_ENOUGH_EVIDENCE):
            return item
    return None
