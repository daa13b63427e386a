"""How tasks land in weeks: the budgets, the fixed tasks with their preferred days, and the filling.

The rules are stated once, in ``plan``'s module docstring (rules 2, 4, 5 and 6); this module is their
mechanics. Nothing here is public API except ``week_budget``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from fractions import Fraction

from pmprep.bank.model import Catalog
from pmprep.plans.allocation import spread, weights_for
from pmprep.plans.evidence import LevelSummary
from pmprep.plans.targets import Targets
from pmprep.plans.tasks import Task, TaskWriter
from pmprep.plans.wording import day

QUARTER = 15
FIXED_SHARE = Fraction(4, 5)
SHORT_HORIZON_DAYS = 14  # below this, fixed preparation may use the whole preparation share
MOCK_GAP_DAYS = 3
DAYS_PER_LOOP = 14
MAX_LOOPS = 4


def _quarters(minutes: Fraction) -> int:
    """Half-up to a multiple of 15 minutes."""
    return math.floor(minutes / QUARTER + Fraction(1, 2)) * QUARTER


def week_budget(hours_per_week: float, days: int) -> tuple[int, int, int]:
    """``(total, prep, logistics)`` minutes for a week of ``days`` days (rule 2)."""
    total = _quarters(Fraction(str(hours_per_week)) * 60 * days / 7)
    logistics = _quarters(Fraction(total, 5))
    return total, total - logistics, logistics


@dataclass
class Bin:
    """A week being filled."""

    number: int
    monday: date
    first: date
    last: date
    total: int
    prep: int
    logistics: int
    used: dict[str, int] = field(default_factory=lambda: {"prep": 0, "logistics": 0})
    load: dict[date, int] = field(default_factory=dict)

    def cap(self, bucket: str) -> int:
        return self.prep if bucket == "prep" else self.logistics

    def room(self, bucket: str) -> int:
        return self.cap(bucket) - self.used[bucket]

    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]

    def lightest_day(self) -> date:
        return min(self.days(), key=lambda d: (self.load.get(d, 0), d))

    def holds(self, d: date) -> bool:
        return self.first <= d <= self.last


@dataclass
class Want:
    key: str
    preferred: date
    earliest: date
    latest: date
    must: bool = False
    pinned: bool = False  # take the allowed day nearest ``preferred`` rather than the lightest
    after: str | None = None  # strictly after this task's day, if it is placed
    later_week: bool = False  # ... and in a later week, when one is left
    needs_after: bool = False  # left out when ``after`` is neither placed nor done


def week_bins(today: date, target: date, hours_per_week: float) -> list[Bin]:
    bins: list[Bin] = []
    first, last = today, target - timedelta(days=1)
    while first <= last:
        monday = first - timedelta(days=first.weekday())
        end = min(monday + timedelta(days=6), last)
        total, prep, logistics = week_budget(hours_per_week, (end - first).days + 1)
        bins.append(Bin(len(bins) + 1, monday, first, end, total, prep, logistics))
        first = end + timedelta(days=1)
    return bins


class Scheduler:
    def __init__(self, writer: TaskWriter, bins: list[Bin], today: date, target: date, done: set[str]):
        self.writer, self.bins, self.today, self.target, self.done = writer, bins, today, target, done
        self.placed: dict[str, Task] = {}
        self.left_out: list[Task] = []  # no week had room
        self.no_day: list[Task] = []  # no allowed day inside the plan
        self.warnings: list[str] = []

    def pin_moves(self, moved: Mapping[str, date]) -> None:
        """Rule 3: each moved task on its chosen day, whatever that does to the week."""
        for key in sorted(moved):
            if key in self.done:
                continue
            task = self.writer.task(key, moved[key])
            if task is None:
                self.warnings.append(f"A moved task {key!r} is not one pmprep knows; it was left out.")
                continue
            self.put(replace(task, moved=True))
            if self.bin_of(task.on) is None:
                self.warnings.append(
                    f"“{task.title}” is moved to {day(task.on)}, outside this plan "
                    f"({day(self.today)} – {day(self.target - timedelta(days=1))})."
                )

    def bin_of(self, d: date) -> Bin | None:
        return next((b for b in self.bins if b.holds(d)), None)

    def put(self, task: Task) -> None:
        self.placed[task.key] = task
        found = self.bin_of(task.on)
        if found is not None:
            found.used[task.bucket] += task.minutes
            found.load[task.on] = found.load.get(task.on, 0) + task.minutes

    def place(self, want: Want) -> bool:
        task = self.writer.task(want.key, want.preferred)
        assert task is not None, want.key
        earliest, latest = max(want.earliest, self.today), min(want.latest, self.target - timedelta(days=1))
        if want.needs_after and want.after not in self.placed and want.after not in self.done:
            return False  # the task it follows is missing, and reported already
        if want.after in self.placed:
            before = self.placed[want.after].on
            earliest = max(earliest, before + timedelta(days=1))
            next_monday = before + timedelta(days=7 - before.weekday())
            if want.later_week and next_monday <= latest:
                earliest = max(earliest, next_monday)
        if earliest > latest:  # not a matter of hours: no allowed day falls inside the plan
            self.no_day.append(task)
            return False
        preferred = min(max(want.preferred, earliest), latest)
        home = self.bin_of(preferred)
        assert home is not None
        allowed = [b for b in self.bins if b.first <= latest and b.last >= earliest]
        for b in sorted(allowed, key=lambda b: (abs(b.number - home.number), b.number)):
            if b.room(task.bucket) < task.minutes:
                continue
            days = [d for d in b.days() if earliest <= d <= latest]
            if want.pinned:
                # A day's distance weighs like an hour already planned on a day: near, but not piled up.
                on = min(days, key=lambda d: (abs((d - preferred).days) * 60 + b.load.get(d, 0), d))
            else:
                on = min(days, key=lambda d: (b.load.get(d, 0), abs((d - preferred).days), d))
            self.put(replace(task, on=on))
            return True
        self.left_out.append(task)
        return False


def _known(writer: TaskWriter, key: str, on: date, minutes: int | None = None) -> Task:
    """The task for a key this module made, so one the writer knows."""
    task = writer.task(key, on, minutes)
    assert task is not None, key
    return task


def free(prefix: str, taken: set[str]) -> Iterator[str]:
    """``prefix1``, ``prefix2``, … skipping keys already taken (done or moved)."""
    n = 0
    while True:
        n += 1
        if f"{prefix}{n}" not in taken:
            yield f"{prefix}{n}"


def _after(today: date, days: int) -> date:
    return today + timedelta(days=days)


def fixed_prep(catalog: Catalog, today: date, target: date, taken: set[str]) -> list[Want]:
    """Fixed preparation in priority order (rule 4); ``must`` marks what enters whatever the share.
    The stories are the catalog's, in its order; the first ``core_stories`` make the minimum vault."""
    days = (target - today).days
    last = target - timedelta(days=1)
    wants: list[Want] = []

    loops_due = min(MAX_LOOPS, max(1, days // DAYS_PER_LOOP))
    loops_taken = sum(1 for k in taken if k.startswith("mock_loop:"))
    keys = free("mock_loop:", taken)
    loop_keys = [next(keys) for _ in range(max(0, loops_due - loops_taken))]
    latest_loop = target - timedelta(days=MOCK_GAP_DAYS)
    span = max(0, (latest_loop - today).days)
    loops: list[list[Want]] = []
    for j, key in enumerate(loop_keys):
        on = _after(today, math.floor(Fraction((j + 1) * span, len(loop_keys)) + Fraction(1, 2)))
        review = key.replace("mock_loop:", "mock_review:")
        loops.append(
            [Want(key, on, today, latest_loop, must=(j == 0), pinned=True)]
            + (
                [Want(review, on + timedelta(days=1), today, last, must=(j == 0), after=key, needs_after=True)]
                if review not in taken
                else []
            )
        )
    # Loops already done or moved still need watching back.
    old_reviews = [
        Want(r, today, today, last, must=True, after=k, needs_after=True)
        for k in sorted(k for k in taken if k.startswith("mock_loop:"))
        if (r := k.replace("mock_loop:", "mock_review:")) not in taken
    ]

    memo = [
        Want(k, p, today, last, must=True, after=a, later_week=True, needs_after=a is not None)
        for k, p, a in (
            ("culture_memo:first_read", today, None),
            ("culture_memo:second_read", _after(today, days // 2), "culture_memo:first_read"),
        )
        if k not in taken and catalog.culture_reading is not None
    ]

    stories = [f"story:{story}" for story in catalog.story_tasks if f"story:{story}" not in taken]
    half = max(1, days // 2)
    story_wants = [Want(k, _after(today, i * half // max(1, len(stories))), today, last) for i, k in enumerate(stories)]
    core_left = max(0, catalog.core_stories - sum(1 for k in taken if k.startswith("story:")))
    core, extra = story_wants[:core_left], story_wants[core_left:]

    case = [
        Want(k, _after(today, p), today, last, after=a, needs_after=a is not None)
        for k, p, a in (("case_deck:outline", days // 4, None), ("case_deck:finish", days // 2, "case_deck:outline"))
        if k not in taken
    ]
    outline, finish = [w for w in case if w.key.endswith("outline")], [w for w in case if w.key.endswith("finish")]

    first_loop = loops[0] if loops else []
    later_loops = [w for pair in loops[1:] for w in pair]
    wants += old_reviews + first_loop + memo + core[:3] + outline + core[3:] + finish + later_loops + extra
    return wants


def fixed_logistics(targets: Targets, today: date, taken: set[str]) -> list[Want]:
    target = targets.target
    last = target - timedelta(days=1)
    wants: list[Want] = []
    window = targets.applications
    applying = window is not None and today <= window.end and "logistics:apply" not in taken
    if window is not None and window.start is not None and applying:
        opens = max(today, window.start)
        wants.append(Want("logistics:resume", max(today, opens - timedelta(days=7)), today, last, must=True))
        wants.append(
            Want(
                "logistics:apply", opens, opens, min(window.end, last), must=True, pinned=True, after="logistics:resume"
            )
        )
        wants.append(
            Want("logistics:schedule", opens + timedelta(days=14), today, last, must=True, after="logistics:apply")
        )
    else:
        if window is None:  # once a batched window has closed, the résumé has gone in or waits a year
            wants.append(Want("logistics:resume", today, today, last, must=True))
        wants.append(Want("logistics:schedule", today, today, last, must=True))
    wants.append(Want("logistics:questions", target - timedelta(days=7), today, last, must=True))
    return [w for w in wants if w.key not in taken]


def place_fixed(sched: Scheduler, targets: Targets, taken: set[str]) -> None:
    """Rules 4 and 5: fixed preparation within its share, then fixed logistics."""
    today, target = sched.today, sched.target
    prep_total = sum(b.prep for b in sched.bins)
    share = 1 if (target - today).days < SHORT_HORIZON_DAYS else FIXED_SHARE
    admitted, closed = 0, False
    for want in fixed_prep(sched.writer.catalog, today, target, taken):
        minutes = _known(sched.writer, want.key, today).minutes
        if not want.must and (closed or admitted + minutes > share * prep_total):
            closed = True
            sched.left_out.append(_known(sched.writer, want.key, want.preferred))
            continue
        if sched.place(want):
            admitted += minutes
    for want in fixed_logistics(targets, today, taken):
        sched.place(want)


def fill(
    sched: Scheduler, writer: TaskWriter, competencies: list[str], levels: Mapping[str, LevelSummary], taken: set[str]
) -> dict[str, Fraction]:
    """Rule 6: review sessions, drills split by weakness, and research sessions."""
    slots: list[tuple[Bin, int]] = []
    reviews: list[tuple[Bin, int]] = []
    for b in sched.bins:
        left = b.room("prep")
        if left <= 0:
            continue
        if f"review:{b.monday.isoformat()}" not in taken:
            review = QUARTER if left % 30 else min(30, left)
            reviews.append((b, review))
            left -= review
        slots += [(b, 30)] * (left // 30) + ([(b, QUARTER)] if left % 30 else [])

    weights = weights_for(competencies, levels)
    ordinals = {c: free(f"drill:{c}:", taken) for c in competencies}
    # strict=False: with no competency to weigh, spread() gives no drills for the slots.
    for (b, minutes), (competency, _j) in zip(slots, spread(len(slots), weights), strict=False):
        key = next(ordinals[competency])
        sched.put(_known(writer, key, b.lightest_day(), minutes))
    for b, minutes in reviews:
        sched.put(_known(writer, f"review:{b.monday.isoformat()}", b.lightest_day(), minutes))

    research = free("research:", taken)
    for b in sched.bins:
        left = b.room("logistics")
        if left <= 0:
            continue
        pieces = [30] * (left // 30)
        if left % 30:
            if pieces:
                pieces[-1] += QUARTER
            else:
                pieces = [QUARTER]
        for minutes in pieces:
            sched.put(_known(writer, next(research), b.lightest_day(), minutes))
    return weights
