"""The plan's milestones (apply, culture memo, stories, case deck, mock loops, review, interview) and warnings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pmprep.plans.placement import MOCK_GAP_DAYS, Scheduler
from pmprep.plans.targets import MilestoneLevel, Targets
from pmprep.plans.tasks import Task, TaskKind, TaskWriter
from pmprep.plans.wording import day, duration, plural


@dataclass(frozen=True)
class Milestone:
    key: str  # apply, culture_memo, stories, case_deck, mock_loops, review, interview
    title: str
    due: date | None
    level: MilestoneLevel
    message: str
    task_keys: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "due": self.due.isoformat() if self.due else None,
            "level": self.level.value,
            "message": self.message,
            "task_keys": list(self.task_keys),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Milestone:
        return cls(
            data["key"],
            data["title"],
            date.fromisoformat(data["due"]) if data["due"] else None,
            MilestoneLevel(data["level"]),
            data["message"],
            tuple(data["task_keys"]),
        )


def _present(tasks: tuple[Task, ...], done: set[str], prefix: str) -> tuple[list[Task], list[str]]:
    return [t for t in tasks if t.key.startswith(prefix)], sorted(k for k in done if k.startswith(prefix))


def milestones(
    targets: Targets, tasks: tuple[Task, ...], done: set[str], sched: Scheduler, writer: TaskWriter
) -> tuple[Milestone, ...]:
    out: list[Milestone] = []

    def keys(found: list[Task], finished: list[str]) -> tuple[str, ...]:  # done first, then by date
        return tuple(finished) + tuple(t.key for t in found)

    def last(found: list[Task]) -> date | None:
        return max((t.on for t in found), default=None)

    if targets.applications is not None:
        found = [t for t in tasks if t.key in ("logistics:resume", "logistics:apply")]
        finished = sorted(k for k in done if k in ("logistics:resume", "logistics:apply"))
        message = targets.apply_message or ""
        apply_task = next((t for t in found if t.key == "logistics:apply"), None)
        if apply_task is not None:
            message += f" The plan has you apply on {day(apply_task.on)}."
        elif "logistics:apply" not in done and targets.apply_level is not MilestoneLevel.PAST:
            message += " The plan found no day for it before then: apply first, then follow the plan."
        out.append(
            Milestone(
                "apply",
                "Apply before the window closes",
                targets.applications.end,
                targets.apply_level or MilestoneLevel.OK,
                message,
                keys(found, finished),
            )
        )

    culture = writer.catalog.culture_reading
    if culture is not None:  # a company with no culture document has no such reads
        found, finished = _present(tasks, done, "culture_memo:")
        count = len(found) + len(finished)
        reads = "; ".join(f"{'first' if t.key.endswith('first_read') else 'second'} read on {day(t.on)}" for t in found)
        out.append(
            Milestone(
                "culture_memo",
                f"Read {culture.name} twice",
                last(found),
                MilestoneLevel.OK if count == 2 else MilestoneLevel.SHORT,
                f"{count} of 2 reads planned or done"
                + (f": {reads}." if reads else ".")
                + (" The second time, tie each theme to one of your stories." if count == 2 else ""),
                keys(found, finished),
            )
        )

    found, finished = _present(tasks, done, "story:")
    count = len(found) + len(finished)
    core, stories = writer.catalog.core_stories, len(writer.catalog.story_tasks)
    out.append(
        Milestone(
            "stories",
            f"Write {core}–{stories} STAR stories" if core < stories else f"Write {stories} STAR stories",
            last(found),
            MilestoneLevel.OK if count >= core else MilestoneLevel.SHORT,
            f"{count} of {stories} STAR stories planned or written"
            + (f", the last on {day(max(t.on for t in found))}." if found else ".")
            + ("" if count >= core else f" The vault needs at least {core}."),
            keys(found, finished),
        )
    )

    found, finished = _present(tasks, done, "case_deck:")
    count = len(found) + len(finished)
    rnd = writer.case_round
    out.append(
        Milestone(
            "case_deck",
            f"Build a case deck for the {rnd.name}",
            last(found),
            MilestoneLevel.OK if count == 2 else MilestoneLevel.SHORT,
            (
                f"Outline and finish planned or done, ready by {day(max(t.on for t in found))}."
                if count == 2 and found
                else "Outline and finish done."
                if count == 2
                else f"{count} of 2 case-deck sessions fit the time you have."
            ),
            keys(found, finished),
        )
    )

    found, finished = _present(tasks, done, "mock_loop:")
    count = len(found) + len(finished)
    end = last(found)
    if end is not None:
        gap = (targets.target - end).days
        message = (
            f"{plural(count, 'mock loop')} planned or done; the last on {day(end)}, "
            f"{plural(gap, 'day')} before {targets.target_label}."
        )
    elif count:
        message = f"{plural(count, 'mock loop')} done."
    else:
        message = (
            f"No full mock loop fits the time you have: a loop takes {duration(writer.mock_minutes)} "
            f"in one go and should end at least {MOCK_GAP_DAYS} days before {targets.target_label}. "
            "Practise single rounds instead."
        )
    out.append(
        Milestone(
            "mock_loops",
            "Full mock loops",
            end,
            MilestoneLevel.OK if count else MilestoneLevel.SHORT,
            message,
            keys(found, finished) + keys(*_present(tasks, done, "mock_review:")),
        )
    )

    found, finished = _present(tasks, done, "review:")
    weeks = len(sched.bins)
    out.append(
        Milestone(
            "review",
            "Review-queue sessions",
            last(found),
            MilestoneLevel.OK if found or finished else MilestoneLevel.SHORT,
            f"A review-queue session in {len(found)} of the plan's {plural(weeks, 'week')}"
            + ("." if len(found) == weeks else f"; {plural(weeks - len(found), 'week')} had no time left for one."),
            keys(found, finished),
        )
    )

    out.append(
        Milestone(
            "interview",
            "Interview",
            targets.target,
            MilestoneLevel.OK,
            f"The plan builds up to {targets.target_label}.",
        )
    )
    return tuple(out)


def warnings(targets: Targets, sched: Scheduler, hours_per_week: float) -> tuple[str, ...]:
    out: list[str] = []
    if targets.apply_level in (MilestoneLevel.NEAR, MilestoneLevel.PAST) and targets.apply_message:
        out.append(targets.apply_message)
    out += targets.notes
    if sched.left_out:
        out.append(
            f"Left out for lack of time at {hours_per_week:g} h a week: {_left_out(sched.left_out)}. "
            "More hours a week, or a later date, would fit them."
        )
    if sched.no_day:
        out.append("No day inside the plan fits: " + ", ".join(t.title for t in sched.no_day) + ".")
    out += sched.warnings
    for b in sched.bins:
        if b.used["prep"] + b.used["logistics"] > b.total:
            out.append(
                f"The week of {day(b.monday)} holds "
                f"{duration(b.used['prep'] + b.used['logistics'])}, more than its "
                f"{duration(b.total)}, because of tasks you moved."
            )
    return tuple(out)


_GROUPS = {
    TaskKind.STORY: ("STAR story", "STAR stories"),
    TaskKind.CASE_DECK: ("case-deck session", None),
    TaskKind.MOCK_LOOP: ("full mock loop", None),
    TaskKind.CULTURE_MEMO: ("culture-memo read", None),
}


def _left_out(tasks: list[Task]) -> str:
    """``2 STAR stories, 1 case-deck session, Prepare questions for your interviewers``."""
    parts: list[str] = []
    for kind, (word, many) in _GROUPS.items():
        n = sum(1 for t in tasks if t.kind == kind)
        if n:
            parts.append(plural(n, word, many))
    parts += [t.title for t in tasks if t.kind not in _GROUPS]
    return ", ".join(parts)
