"""A prep plan as an iCalendar file that any calendar app can subscribe to or import.

- One all-day VEVENT per task (done ones included) and one per dated milestone.
- UIDs come from the track and the task or milestone key, so re-exporting a regenerated plan
  updates the same events instead of adding copies.
- DTSTAMP is the ``stamp`` passed in, so the same plan and stamp give the same bytes.
- A done task's SUMMARY starts with "✓ " and it carries ``X-PMPREP-DONE:TRUE``; STATUS is not
  used because CANCELLED would hide work that was in fact done.
- CATEGORIES is the task kind (``milestone`` for milestones); ``X-PMPREP-KEY`` is the key.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, Event

from pmprep.bounded_regex import bounded
from pmprep.plans.plan import Milestone, Plan
from pmprep.plans.tasks import Task
from pmprep.plans.wording import duration

_NOT_UID = bounded(r"[^A-Za-z0-9_.-]+")

PRODID = "-//pmprep//Interview prep plan//EN"
DONE_MARK = "✓ "


def _uid(plan: Plan, key: str, uid_domain: str) -> str:
    return f"{plan.track_id}-{_NOT_UID.sub('-', key)}@{uid_domain}"


def _task_event(plan: Plan, task: Task, uid_domain: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", _uid(plan, task.key, uid_domain))
    event.add("dtstamp", stamp)
    event.add("dtstart", task.on)
    event.add("dtend", task.on + timedelta(days=1))
    event.add("summary", f"{DONE_MARK if task.done else ''}{task.title} ({duration(task.minutes)})")
    event.add("description", task.detail)
    event.add("categories", [task.kind.value])
    event.add("transp", "TRANSPARENT")  # an all-day reminder, not a day marked busy
    event.add("x-pmprep-key", task.key)
    if task.done:
        event.add("x-pmprep-done", "TRUE")
    return event


def _milestone_event(plan: Plan, milestone: Milestone, uid_domain: str, stamp: datetime) -> Event:
    assert milestone.due is not None
    event = Event()
    event.add("uid", _uid(plan, f"milestone:{milestone.key}", uid_domain))
    event.add("dtstamp", stamp)
    event.add("dtstart", milestone.due)
    event.add("dtend", milestone.due + timedelta(days=1))
    event.add("summary", f"Milestone: {milestone.title}")
    event.add("description", milestone.message)
    event.add("categories", ["milestone"])
    event.add("transp", "TRANSPARENT")
    event.add("x-pmprep-key", f"milestone:{milestone.key}")
    event.add("x-pmprep-level", milestone.level.value)
    return event


def plan_to_ics(plan: Plan, *, name: str, uid_domain: str = "pmprep.local", stamp: datetime) -> bytes:
    """The plan as iCalendar bytes; ``stamp`` (timezone-aware) becomes every event's DTSTAMP."""
    if stamp.tzinfo is None:
        raise ValueError(f"stamp must be timezone-aware, got naive {stamp.isoformat()}")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for task in plan.tasks:
        cal.add_component(_task_event(plan, task, uid_domain, stamp))
    for milestone in plan.milestones:
        if milestone.due is not None:
            cal.add_component(_milestone_event(plan, milestone, uid_domain, stamp))
    return cal.to_ical()
