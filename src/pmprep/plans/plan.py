"""A dated, week-by-week prep plan that builds up to the interview.

The rules, in the order they apply:

1. **Horizon.** From ``today`` to the day before the target (see ``targets``). Weeks start on
   Monday; the first and last weeks may be partial.
2. **Budget.** A week's minutes are ``hours_per_week * 60 * days / 7`` rounded half-up to 15
   minutes (a full week is exactly ``hours_per_week`` rounded to 15 minutes; a partial week gets its
   share of days). Of that, logistics (application, scheduling, résumé, research and outreach
   notes) get ``budget / 5`` rounded half-up to 15 minutes; technical and case preparation get the
   rest. A 10-hour week is 480 + 120 minutes.
3. **Tasks the user moved** keep their date and take their minutes from that week first (a week
   can then hold more than its budget; the plan warns). **Done tasks** are never scheduled again.
4. **Fixed preparation**, in priority order: watching back any loop done but not yet watched, the
   first mock loop and watching it back (30 min), the culture memo's first and second read (in
   different weeks when the horizon has two, else on different days), STAR stories 1–3, the case
   deck outline, stories 4–6, the case deck finish, the other mock loops (each with its watch-back),
   stories 7–8. Everything before the stories always enters; the rest enters while the fixed
   preparation stays within ``FIXED_SHARE`` (4/5) of the horizon's preparation minutes, stopping at
   the first that does not, so drills keep at least a fifth (below ``SHORT_HORIZON_DAYS``, 14 days,
   the whole share may go to fixed preparation). A loop is the track's required rounds at real
   length (3 h 45 min for both tracks). There are ``days // 14`` loops, at least 1 and at most 4
   (those done count), evenly spaced, the last at least ``MOCK_GAP_DAYS`` (3) days before the target.
   A second read, a case-deck finish or a watch-back never comes without the task it follows.
   Fixed logistics: the résumé, then the application (calendar tracks, while the window is open;
   no résumé task once it has closed), scheduling, and questions for the interviewers.
5. **Placement.** Each fixed task goes to the week nearest its preferred date that still has room
   in its share (ties to the earlier week), on the least-loaded allowed day (mock loops and the
   application: the allowed day nearest the preferred one, where each day away counts like an hour
   already planned that day). A task that fits no week is left out and named in ``warnings``.
6. **Filling.** What is left of a week's preparation share becomes a review-queue session (15
   minutes when the rest is an odd number of quarter hours, else 30) and 30-minute drills; the
   drills of the whole horizon are split between competencies by weakness (see ``allocation``).
   What is left of the logistics share becomes 30-minute research/outreach sessions (a last
   quarter hour is added to the week's last session). So a fresh plan's weeks add up exactly.
   (When a week's review session is already done, its odd quarter hour becomes a 15-minute drill.)
7. **Regenerating.** Task keys name content (see ``tasks``), so a new plan recognises old work:
   pass ``done`` keys and ``moved`` days to ``generate_plan``, or hand the stored plan to
   ``regenerate``, which also keeps the done tasks themselves (date and all) and the moves it
   recorded. Numbered tasks (drills, loops, research) take the lowest numbers not yet done or
   moved; work missed before the new ``today`` comes back under its old key.
8. **Bounds.** A plan never covers more than ``MAX_HORIZON_DAYS`` (732, two years: the furthest
   interview date ``targets.interview_date_problem`` accepts), so it has at most ``MAX_WEEKS`` (106)
   weeks; with at most ``MAX_HOURS_PER_WEEK`` (80) hours a week that is at most 160 tasks a week and
   under 17,000 in all, made in well under a second. A longer horizon, or more than ``MAX_TASKS``
   (20,000) done or moved keys, is refused with a ``ValueError`` naming the limit rather than
   clamped: a plan that silently stopped short of the interview would mislead more than a refusal.
   So no caller, form or not, can make one run long.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from pmprep.bank.model import Catalog
from pmprep.plans.allocation import track_competencies
from pmprep.plans.evidence import PracticeEvidence, competency_levels, round_levels
from pmprep.plans.milestones import Milestone, milestones, warnings
from pmprep.plans.placement import Scheduler, fill, place_fixed, week_bins, week_budget
from pmprep.plans.targets import resolve
from pmprep.plans.tasks import Task, TaskKind, TaskWriter
from pmprep.plans.wording import day

__all__ = ["Milestone", "Plan", "Week", "generate_plan", "regenerate", "week_budget"]

MAX_HOURS_PER_WEEK = 80
MAX_HORIZON_DAYS = 732
MAX_WEEKS = MAX_HORIZON_DAYS // 7 + 2  # partial first and last weeks
MAX_TASKS = 20_000
_KIND_ORDER = [
    TaskKind.MOCK_LOOP,
    TaskKind.CULTURE_MEMO,
    TaskKind.STORY,
    TaskKind.CASE_DECK,
    TaskKind.DRILL,
    TaskKind.REVIEW,
    TaskKind.LOGISTICS,
    TaskKind.RESEARCH,
]


@dataclass(frozen=True)
class Week:
    number: int
    monday: date
    first_day: date
    last_day: date
    minutes: int  # the budget
    prep_minutes: int
    logistics_minutes: int
    tasks: tuple[Task, ...] = ()

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    @property
    def planned_minutes(self) -> int:
        """Minutes of the week's tasks that are still to do."""
        return sum(t.minutes for t in self.tasks if not t.done)

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "monday": self.monday.isoformat(),
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "minutes": self.minutes,
            "prep_minutes": self.prep_minutes,
            "logistics_minutes": self.logistics_minutes,
            "task_keys": [t.key for t in self.tasks],
        }


def _sorted(tasks: Iterable[Task]) -> tuple[Task, ...]:
    return tuple(sorted(tasks, key=lambda t: (t.on, _KIND_ORDER.index(t.kind), t.key)))


def _refill(weeks: Iterable[Week], tasks: tuple[Task, ...]) -> tuple[Week, ...]:
    return tuple(replace(w, tasks=tuple(t for t in tasks if w.first_day <= t.on <= w.last_day)) for w in weeks)


@dataclass(frozen=True)
class Plan:
    track_id: str
    today: date
    hours_per_week: float
    interview_date: date | None
    target: date
    target_label: str
    weeks: tuple[Week, ...]
    tasks: tuple[Task, ...]  # every task, done ones included, by date
    milestones: tuple[Milestone, ...]
    warnings: tuple[str, ...]
    weights: dict[str, float] = field(default_factory=dict)  # competency -> weakness weight used
    done_keys: tuple[str, ...] = ()

    def task(self, key: str) -> Task:
        found = next((t for t in self.tasks if t.key == key), None)
        if found is None:
            raise KeyError(f"no task {key!r} in this plan")
        return found

    def milestone(self, key: str) -> Milestone:
        return next(m for m in self.milestones if m.key == key)

    def mark_done(self, key: str) -> Plan:
        """A copy with the task done; it stays where it is and a regenerated plan keeps it."""
        done = replace(self.task(key), done=True)
        tasks = _sorted(done if t.key == key else t for t in self.tasks)
        return replace(
            self, tasks=tasks, weeks=_refill(self.weeks, tasks), done_keys=tuple(sorted({*self.done_keys, key}))
        )

    def mark_undone(self, key: str) -> Plan:
        """A copy with a ticked task open again."""
        undone = replace(self.task(key), done=False)
        tasks = _sorted(undone if t.key == key else t for t in self.tasks)
        return replace(
            self, tasks=tasks, weeks=_refill(self.weeks, tasks), done_keys=tuple(k for k in self.done_keys if k != key)
        )

    def move_problem(self, on: date, today: date | None = None) -> str | None:
        """Why a task cannot move to ``on``, in words for the user, or None: the day must be inside
        the plan and, given ``today``, not before it (what was done earlier is ticked, not moved)."""
        if not self.weeks:
            return "This plan has no weeks left: regenerate it from today."
        first, last = self.weeks[0].first_day, self.weeks[-1].last_day
        if today is not None and today > first:
            first = today
        if first > last:
            return f"This plan ended on {day(last)}: regenerate it from today to move tasks again."
        if not first <= on <= last:
            return f"Choose a day inside the plan, from {day(first)} to {day(last)}."
        return None

    def move(self, key: str, on: date, today: date | None = None) -> Plan:
        """A copy with the task on another day; a regenerated plan keeps that day. A day that
        ``move_problem`` refuses raises ValueError with its words."""
        problem = self.move_problem(on, today)
        if problem is not None:
            raise ValueError(problem)
        moved = replace(self.task(key), on=on, moved=True)
        tasks = _sorted(moved if t.key == key else t for t in self.tasks)
        return replace(self, tasks=tasks, weeks=_refill(self.weeks, tasks))

    def to_dict(self) -> dict[str, Any]:
        return {
            "track_id": self.track_id,
            "today": self.today.isoformat(),
            "hours_per_week": self.hours_per_week,
            "interview_date": self.interview_date.isoformat() if self.interview_date else None,
            "target": self.target.isoformat(),
            "target_label": self.target_label,
            "weeks": [w.to_dict() for w in self.weeks],
            "tasks": [t.to_dict() for t in self.tasks],
            "milestones": [m.to_dict() for m in self.milestones],
            "warnings": list(self.warnings),
            "weights": dict(self.weights),
            "done_keys": list(self.done_keys),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Plan:
        tasks = tuple(Task.from_dict(t) for t in data["tasks"])
        by_key = {t.key: t for t in tasks}
        weeks = tuple(
            Week(
                number=w["number"],
                monday=date.fromisoformat(w["monday"]),
                first_day=date.fromisoformat(w["first_day"]),
                last_day=date.fromisoformat(w["last_day"]),
                minutes=w["minutes"],
                prep_minutes=w["prep_minutes"],
                logistics_minutes=w["logistics_minutes"],
                tasks=tuple(by_key[k] for k in w["task_keys"]),
            )
            for w in data["weeks"]
        )
        return cls(
            track_id=data["track_id"],
            today=date.fromisoformat(data["today"]),
            hours_per_week=data["hours_per_week"],
            interview_date=date.fromisoformat(data["interview_date"]) if data["interview_date"] else None,
            target=date.fromisoformat(data["target"]),
            target_label=data["target_label"],
            weeks=weeks,
            tasks=tasks,
            milestones=tuple(Milestone.from_dict(m) for m in data["milestones"]),
            warnings=tuple(data["warnings"]),
            weights=dict(data.get("weights", {})),
            done_keys=tuple(data.get("done_keys", [])),
        )


# ---------------------------------------------------------------------------------------------------
# Scheduling


def _validate(hours_per_week: float) -> list[str]:
    if isinstance(hours_per_week, bool) or not isinstance(hours_per_week, (int, float)):
        return [f"hours_per_week must be a number, got {hours_per_week!r}"]
    if not 0 < hours_per_week <= MAX_HOURS_PER_WEEK:
        return [f"hours_per_week must be more than 0 and at most {MAX_HOURS_PER_WEEK}, got {hours_per_week!r}"]
    return []


def generate_plan(
    track_id: str,
    today: date,
    hours_per_week: float,
    *,
    interview_date: date | None,
    catalog: Catalog,
    evidence: PracticeEvidence | None = None,
    done: Iterable[str] = (),
    moved: Mapping[str, date] | None = None,
) -> Plan:
    """Build the plan (rules in the module docstring). ``done``: keys never scheduled again;
    ``moved``: key -> the day the user chose. Use ``regenerate`` to carry them from a stored plan."""
    problems = _validate(hours_per_week)
    done_keys = set(done)
    moved = dict(moved or {})
    if len(done_keys) + len(moved) > MAX_TASKS:
        problems.append(
            f"A plan holds at most {MAX_TASKS:,} tasks; got {len(done_keys):,} done and {len(moved):,} moved keys."
        )
    try:
        targets = resolve(catalog, track_id, today, interview_date, applied="logistics:apply" in done_keys)
    except ValueError as exc:
        raise ValueError(" ".join([*problems, str(exc)])) from None
    if (targets.target - today).days > MAX_HORIZON_DAYS:  # the interview date rule keeps within it; a calendar may not
        problems.append(
            f"A plan covers at most {MAX_HORIZON_DAYS} days; {targets.target_label} is "
            f"{(targets.target - today).days} days away."
        )
    if problems:
        raise ValueError(" ".join(problems))

    evidence = evidence or PracticeEvidence()
    competencies = track_competencies(catalog, track_id)
    comp_levels = competency_levels(evidence, competencies, today)
    rnd_levels = round_levels(evidence, [r.id for r in catalog.rounds_for(track_id)], today)
    writer = TaskWriter(
        catalog, track_id, comp_levels, rnd_levels, targets.applications.end if targets.applications else None
    )
    target = targets.target
    sched = Scheduler(writer, week_bins(today, target, hours_per_week), today, target, done_keys)

    sched.pin_moves(moved)  # rule 3
    taken = done_keys | set(sched.placed)
    place_fixed(sched, targets, taken)  # rules 4 and 5
    weights = fill(sched, writer, competencies, comp_levels, taken)
    tasks = _sorted(sched.placed.values())
    weeks = _refill(
        (Week(b.number, b.monday, b.first, b.last, b.total, b.prep, b.logistics) for b in sched.bins), tasks
    )
    plan_milestones = milestones(targets, tasks, done_keys, sched, writer)
    plan_warnings = warnings(targets, sched, hours_per_week)
    return Plan(
        track_id=track_id,
        today=today,
        hours_per_week=hours_per_week,
        interview_date=interview_date,
        target=target,
        target_label=targets.target_label,
        weeks=weeks,
        tasks=tasks,
        milestones=plan_milestones,
        warnings=plan_warnings,
        weights={c: float(w) for c, w in weights.items()},
        done_keys=tuple(sorted(done_keys)),
    )


_KEEP: Any = object()


def regenerate(
    previous: Plan,
    *,
    today: date,
    catalog: Catalog,
    evidence: PracticeEvidence | None = None,
    hours_per_week: float | None = None,
    interview_date: date | None = _KEEP,
    done: Iterable[str] = (),
    moved: Mapping[str, date] | None = None,
) -> Plan:
    """A fresh plan from ``today`` that keeps the previous plan's done tasks (as they were, marked
    done) and moved tasks (on the day chosen). ``done``/``moved`` add to what ``previous`` records;
    hours and interview date default to the previous plan's."""
    done_keys = set(previous.done_keys) | set(done)
    kept_moves = {t.key: t.on for t in previous.tasks if t.moved and t.key not in done_keys}
    kept_moves.update(moved or {})
    fresh = generate_plan(
        previous.track_id,
        today,
        previous.hours_per_week if hours_per_week is None else hours_per_week,
        interview_date=previous.interview_date if interview_date is _KEEP else interview_date,
        catalog=catalog,
        evidence=evidence,
        done=done_keys,
        moved=kept_moves,
    )
    carried = [replace(t, done=True) for t in previous.tasks if t.key in done_keys]
    tasks = _sorted([*carried, *(t for t in fresh.tasks if t.key not in done_keys)])
    return replace(fresh, tasks=tasks, weeks=_refill(fresh.weeks, tasks))
