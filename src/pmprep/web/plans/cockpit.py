"""The home page's cockpit for a signed-in user with a track: the countdown to the interview, today's
plan tasks with the link that starts each, what is due for review, and the one next best action.

Everything here is read from what the plan, readiness and Today pages already compute (the plan's
tasks, ``readiness``, ``due_today``); nothing is worked out a second way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pmprep.bank.model import Catalog
from pmprep.plans import Countdown, CountdownState, Plan, Readiness, Task, countdown
from pmprep.review import TodayPlan
from pmprep.web.data_version import cached
from pmprep.web.plans.evidence import current_readiness
from pmprep.web.plans.links import Link, Links
from pmprep.web.plans.models import StudyPlan
from pmprep.web.review.due import due_today

# From this many days before the interview date on, the countdown points to the debrief of a real round.
DEBRIEF_FROM_DAYS = 3


@dataclass(frozen=True)
class Cockpit:
    countdown: Countdown
    has_plan: bool
    todays: list[tuple[Task, Link]]  # today's tasks not yet done, in plan order
    upcoming: tuple[Task, Link] | None  # with nothing left today: the next task not done
    reviews: TodayPlan
    ready: Readiness
    next_link: Link  # the one primary button: it starts ``ready.next_best_action``

    @property
    def next_action(self) -> str:
        return self.ready.next_best_action

    @property
    def debrief_due(self) -> bool:
        """The interview is close, today or past: the time to debrief it the same day."""
        c = self.countdown
        return c.state in (CountdownState.PAST, CountdownState.TODAY) or (
            c.state == CountdownState.AHEAD and c.days is not None and c.days <= DEBRIEF_FROM_DAYS
        )


def cockpit(user, catalog: Catalog, today: date) -> Cockpit:
    """The cockpit for ``user``, whose track must be one of ``catalog``'s; kept until the user's data changes."""
    return cached(user, "cockpit", today, lambda: _cockpit(user, catalog, today))


def _cockpit(user, catalog: Catalog, today: date) -> Cockpit:
    reviews = due_today(user, today)
    ready = current_readiness(user, catalog, today, reviews)
    links = Links(user, catalog)
    stored = StudyPlan.objects.filter(user=user).first()
    plan = Plan.from_dict(stored.data) if stored else None
    open_tasks = [t for t in plan.tasks if not t.done and t.on >= today] if plan else []
    todays = [(t, links.task(t)) for t in open_tasks if t.on == today]
    later = next((t for t in open_tasks if t.on > today), None)
    # The profile's date first; a plan made with a date counts down to it when the profile has none.
    interview = user.interview_date or (stored.interview_date if stored else None)
    return Cockpit(
        countdown=countdown(interview, today),
        has_plan=plan is not None,
        todays=todays,
        upcoming=(later, links.task(later)) if later and not todays else None,
        reviews=reviews,
        ready=ready,
        next_link=links.action(ready.next_best),
    )
