"""Plan tasks and the one place that says what a task key means.

A task's ``key`` names its content, never a random id, so that a regenerated plan recognises the
work already done or moved:

- ``culture_memo:first_read`` and ``culture_memo:second_read``: the two readings of the culture memo;
- ``story:<id>``: one STAR story, e.g. ``story:failure`` (the catalog's ``story_tasks``, plan.yaml);
- ``case_deck:outline`` and ``case_deck:finish``: building the case deck;
- ``mock_loop:<n>``: the n-th full mock loop; ``mock_review:<n>``: watching it back;
- ``drill:<competency>:<n>``: the n-th practice drill for a competency;
- ``review:<monday>``: the review-queue session of the week starting that Monday;
- ``research:<n>``: the n-th research/outreach-notes session (the catalog's ``research_topics``,
  plan.yaml, in a cycle);
- ``logistics:<step>``: ``resume``, ``apply`` (calendar tracks only), ``schedule``, ``questions``.

``TaskWriter.task(key, on)`` writes the task for any valid key, so a moved key can always be
rebuilt, whatever else changed in the plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from pmprep.bank.model import Catalog
from pmprep.bank.schema import Round, StoryTask
from pmprep.plans.allocation import DrillTarget, drill_target, rounds_testing, track_competencies
from pmprep.plans.evidence import LevelSummary
from pmprep.plans.wording import day, short_level


class TaskKind(StrEnum):
    DRILL = "drill"
    STORY = "story"
    CASE_DECK = "case_deck"
    MOCK_LOOP = "mock_loop"
    CULTURE_MEMO = "culture_memo"
    LOGISTICS = "logistics"
    REVIEW = "review"
    RESEARCH = "research"


# The 20% share: application logistics and the research/outreach notes that feed preparation.
LOGISTICS_KINDS = frozenset({TaskKind.LOGISTICS, TaskKind.RESEARCH})

MOCK_REVIEW_MINUTES = 30  # watching the recording back after a loop
DRILL_MINUTES = 30
RESEARCH_MINUTES = 30
REVIEW_MINUTES = 30
SOLID = 3  # the analyzer's level 3; a drill's reason says where the user stands against it


@dataclass(frozen=True)
class Task:
    key: str
    kind: TaskKind
    title: str
    detail: str
    on: date
    minutes: int
    competency_id: str | None = None
    round_id: str | None = None
    question_type: str | None = None
    milestone: str | None = None
    done: bool = False
    moved: bool = False

    @property
    def bucket(self) -> str:
        """``logistics`` (the 20% share) or ``prep`` (the 80% share)."""
        return "logistics" if self.kind in LOGISTICS_KINDS else "prep"

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind.value,
            "title": self.title,
            "detail": self.detail,
            "on": self.on.isoformat(),
            "minutes": self.minutes,
            "competency_id": self.competency_id,
            "round_id": self.round_id,
            "question_type": self.question_type,
            "milestone": self.milestone,
            "done": self.done,
            "moved": self.moved,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Task:
        return cls(
            key=data["key"],
            kind=TaskKind(data["kind"]),
            title=data["title"],
            detail=data["detail"],
            on=date.fromisoformat(data["on"]),
            minutes=data["minutes"],
            competency_id=data.get("competency_id"),
            round_id=data.get("round_id"),
            question_type=data.get("question_type"),
            milestone=data.get("milestone"),
            done=data.get("done", False),
            moved=data.get("moved", False),
        )


def _positive_int(text: str) -> int | None:
    return int(text) if text.isdigit() and int(text) >= 1 else None


class TaskWriter:
    """Writes the task for a key, for one track and the user's current evidence levels."""

    def __init__(
        self,
        catalog: Catalog,
        track_id: str,
        competency_levels: Mapping[str, LevelSummary],
        round_levels: Mapping[str, LevelSummary],
        apply_closes: date | None,
    ):
        self.catalog = catalog
        self.track = catalog.tracks[track_id]
        self.rounds = catalog.rounds_for(track_id)
        self.competencies = track_competencies(catalog, track_id)
        self.competency_levels = competency_levels
        self.round_levels = round_levels
        self.apply_closes = apply_closes
        self._cycles: dict[str, list[DrillTarget]] = {}

    # ---- facts the scheduler needs -------------------------------------------------------------
    @property
    def loop_rounds(self) -> list[Round]:
        return [r for r in self.rounds if not r.optional]

    @property
    def mock_minutes(self) -> int:
        return sum(r.minutes for r in self.loop_rounds)

    @property
    def case_round(self) -> Round:
        return next((r for r in self.rounds if r.is_case), self.rounds[-1])

    def drill(self, competency_id: str, ordinal: int) -> DrillTarget:
        """What a drill aims at (see ``allocation``); remembered per round cycle, since a plan asks often."""
        if competency_id not in self._cycles:
            rounds = rounds_testing(self.catalog, self.track.id, competency_id, self.round_levels)
            self._cycles[competency_id] = [
                drill_target(self.catalog, self.track.id, competency_id, n, self.round_levels)
                for n in range(1, len(rounds) + 1)
            ]
        cycle = self._cycles[competency_id]
        return cycle[(ordinal - 1) % len(cycle)]

    # ---- writing -------------------------------------------------------------------------------
    def task(self, key: str, on: date, minutes: int | None = None) -> Task | None:
        """The task for ``key`` on ``on`` (default minutes unless given), or None for an unknown key."""
        kind, _, rest = key.partition(":")
        written = self._write(kind, rest)
        if written is None:
            return None
        task = Task(key=key, on=on, **written)
        return replace(task, minutes=minutes) if minutes is not None else task

    def _write(self, kind: str, rest: str) -> dict[str, Any] | None:
        if kind == "culture_memo" and rest in ("first_read", "second_read") and self.catalog.culture_reading:
            return self._memo(rest)
        if kind == "story":
            story = self.catalog.story_tasks.get(rest)
            return self._story(story) if story else None
        if kind == "case_deck" and rest in ("outline", "finish"):
            return self._case(rest)
        if kind == "mock_loop" and (n := _positive_int(rest)):
            return self._mock(n)
        if kind == "mock_review" and (n := _positive_int(rest)):
            return {
                "kind": TaskKind.REVIEW,
                "title": f"Watch mock loop {n} back",
                "detail": "Play the recording and mark rambling, over-talking and answers with no "
                '"so what"; note one fix per round for the next drills.',
                "minutes": MOCK_REVIEW_MINUTES,
                "milestone": "mock_loops",
            }
        if kind == "drill":
            competency, _, ordinal = rest.rpartition(":")
            n = _positive_int(ordinal)
            return self._drill(competency, n) if n and competency in self.competencies else None
        if kind == "review":
            try:
                date.fromisoformat(rest)
            except ValueError:
                return None
            return {
                "kind": TaskKind.REVIEW,
                "title": "Review queue: what is due this week",
                "detail": "Work through the reviews due on the Today page; rate yourself honestly, "
                "a lower rating brings an item back sooner.",
                "minutes": REVIEW_MINUTES,
                "milestone": "review",
            }
        if kind == "research" and (n := _positive_int(rest)):
            topics = self.catalog.research_topics
            topic = topics[(n - 1) % len(topics)]
            title, detail = topic.title, topic.detail
            if n > len(topics):
                title, detail = f"{title} (follow-up)", f"What changed since you last looked? {detail}"
            return {
                "kind": TaskKind.RESEARCH,
                "title": title,
                "detail": detail,
                "minutes": RESEARCH_MINUTES,
                "competency_id": "company_awareness",
            }
        if kind == "logistics":
            return self._logistics(rest)
        return None

    def _memo(self, which: str) -> dict[str, Any]:
        culture = self.catalog.culture_reading
        assert culture is not None  # _write asks only then
        read = culture.first_read if which == "first_read" else culture.second_read
        return {
            "kind": TaskKind.CULTURE_MEMO,
            "title": read.title,
            "detail": read.detail.replace("{company}", self.catalog.company.name),
            "minutes": read.minutes,
            "competency_id": "company_awareness" if which == "first_read" else "culture_leadership",
            "milestone": "culture_memo",
        }

    def _story(self, story: StoryTask) -> dict[str, Any]:
        return {
            "kind": TaskKind.STORY,
            "title": f"STAR story: {story.about}",
            "detail": "Situation, task, action, result; then the thinking behind your choice, the "
            "trade-off you accepted, who was affected and what you learned. Note which "
            "culture-memo theme it shows.",
            "minutes": 30,
            "competency_id": story.competency,
            "milestone": "stories",
        }

    def _case(self, part: str) -> dict[str, Any]:
        rnd = self.case_round
        if part == "outline":
            return {
                "kind": TaskKind.CASE_DECK,
                "title": f"Case deck: outline a case for the {rnd.name} ({rnd.duration_label})",
                "detail": "Pick a case prompt; state the user problem and a north-star metric with "
                "guardrails; outline Problem → Hypothesis → Data needs → Solution options "
                "→ Trade-offs → Recommendation.",
                "minutes": 60,
                "competency_id": "case_solving",
                "round_id": rnd.id,
                "milestone": "case_deck",
            }
        return {
            "kind": TaskKind.CASE_DECK,
            "title": "Case deck: numbers, risks and rollout, then rehearse",
            "detail": "Quantify the main trade-off, list the risks, add a time-boxed first version "
            "with an experiment and a rollback, then rehearse the talk against the clock.",
            "minutes": 60,
            "competency_id": "case_solving",
            "round_id": rnd.id,
            "milestone": "case_deck",
        }

    def _mock(self, n: int) -> dict[str, Any]:
        rounds = self.loop_rounds
        timings = ", ".join(f"{r.name} {r.duration_label}" for r in rounds)
        extra = [r for r in self.rounds if r.optional]
        detail = (
            f"Run the {self.track.name} loop round by round at real length ({timings}), "
            "recorded, and fill in a scorecard after each round."
        )
        if extra:
            detail += (
                " Add "
                + ", ".join(f"the {r.name.lower()} ({r.duration_label})" for r in extra)
                + " if your role calls for it."
            )
        return {
            "kind": TaskKind.MOCK_LOOP,
            "title": f"Mock loop {n}: all {len(rounds)} rounds, recorded",
            "detail": detail,
            "minutes": self.mock_minutes,
            "milestone": "mock_loops",
        }

    def _drill(self, competency: str, n: int) -> dict[str, Any]:
        target = self.drill(competency, n)
        rnd = self.catalog.rounds[target.round_id]
        qtype = self.catalog.question_types[target.question_type].name
        name = self.catalog.competency_name(competency)
        why = self._why_drill(competency, name)
        return {
            "kind": TaskKind.DRILL,
            "title": f"Drill: {name}, {qtype.lower()} questions ({rnd.name})",
            "detail": f"Answer {qtype.lower()} questions for the {rnd.name} under its timer, read the "
            f"feedback and retry the weaker answer. {why}",
            "minutes": DRILL_MINUTES,
            "competency_id": competency,
            "round_id": rnd.id,
            "question_type": target.question_type,
        }

    def _why_drill(self, competency: str, name: str) -> str:
        """Why this competency gets the drills it gets, in words (the weights themselves are internals)."""
        summary = self.competency_levels.get(competency)
        if summary is None or summary.level is None:
            return f"No answers on {name} yet: it gets an even share of drills until pmprep sees how you do."
        at = short_level(summary.level)
        if summary.level >= SOLID:
            return f"Already Solid (Solid is 3; you are at {at}): fewer drills here, enough to keep it warm."
        known = [s.level for c, s in self.competency_levels.items() if c in self.competencies and s.level is not None]
        if summary.level <= min(known):
            return f"Your weakest area so far (Solid is 3; you are at {at}): more drills here."
        return f"Below Solid so far (Solid is 3; you are at {at}): more drills here than in your stronger areas."

    def _logistics(self, step: str) -> dict[str, Any] | None:
        calendar_track = self.track.calendar is not None
        if step == "resume":
            detail = (
                "One line per project: your role, the user problem and a result in numbers."
                if calendar_track
                else "Tailor it to the role: products you owned end to end, the decisions you made "
                "and results in numbers."
            )
            return {
                "kind": TaskKind.LOGISTICS,
                "title": "Update your résumé",
                "detail": detail,
                "minutes": 60,
                "milestone": "apply" if calendar_track else None,
            }
        if step == "apply" and calendar_track:
            closes = f" before {day(self.apply_closes)}" if self.apply_closes else ""
            return {
                "kind": TaskKind.LOGISTICS,
                "title": "Apply on the early-career portal",
                "detail": f"Submit your application{closes}: hiring is batched, and once the window "
                "closes the odds for this cycle are close to zero.",
                "minutes": 30,
                "milestone": "apply",
            }
        if step == "schedule":
            detail = (
                "When the recruiter writes, agree dates for the rounds and ask how the case presentation works."
                if calendar_track
                else "Agree dates for each round with the recruiter and ask when the case prompt "
                "arrives (often the day before)."
            )
            return {"kind": TaskKind.LOGISTICS, "title": "Schedule the interviews", "detail": detail, "minutes": 15}
        if step == "questions":
            return {
                "kind": TaskKind.LOGISTICS,
                "title": "Prepare questions for your interviewers",
                "detail": "Two specific questions per interviewer about their work, not about how to get hired.",
                "minutes": 30,
            }
        return None
