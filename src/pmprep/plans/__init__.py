"""Preparation planning and readiness: the pure core behind the plan, calendar and readiness pages.

    from pmprep.plans import PracticeEvidence, generate_plan, regenerate, plan_to_ics, readiness, self_check
    plan = generate_plan("early_in", today, 10, interview_date=None, catalog=catalog, evidence=evidence)
    plan = regenerate(plan.mark_done("culture_memo:first_read"), today=later, catalog=catalog)
    ics = plan_to_ics(plan, name="My Netflix PM prep", stamp=now)
    check = readiness("early_in", evidence, catalog, today)
    left = countdown(interview_date, today).text  # "Your interview is in 12 days, on 14 Dec 2026."
    problem = interview_date_problem(date_typed, today)  # None, or why the date is refused

No Django, no clock: today and the export stamp always come in as arguments.
"""

from __future__ import annotations

from pmprep.plans.countdown import Countdown, CountdownState, countdown
from pmprep.plans.evidence import LevelSummary, PracticedAnswer, PracticeEvidence, RoundRatings, summarise
from pmprep.plans.ics import plan_to_ics
from pmprep.plans.plan import (
    MAX_HORIZON_DAYS,
    MAX_TASKS,
    MAX_WEEKS,
    Milestone,
    Plan,
    Week,
    generate_plan,
    regenerate,
    week_budget,
)
from pmprep.plans.readiness import Readiness, ReadinessItem, ReadinessStatus, readiness
from pmprep.plans.self_check import AnswerStatus, CheckAnswer, SelfCheck, self_check
from pmprep.plans.targets import MilestoneLevel, interview_date_problem, latest_interview_date
from pmprep.plans.tasks import Task, TaskKind

__all__ = [
    "MAX_HORIZON_DAYS",
    "MAX_TASKS",
    "MAX_WEEKS",
    "AnswerStatus",
    "PracticedAnswer",
    "CheckAnswer",
    "Countdown",
    "CountdownState",
    "PracticeEvidence",
    "LevelSummary",
    "Milestone",
    "MilestoneLevel",
    "Plan",
    "Readiness",
    "ReadinessItem",
    "RoundRatings",
    "SelfCheck",
    "ReadinessStatus",
    "Task",
    "TaskKind",
    "Week",
    "countdown",
    "generate_plan",
    "interview_date_problem",
    "latest_interview_date",
    "plan_to_ics",
    "readiness",
    "regenerate",
    "self_check",
    "summarise",
    "week_budget",
]
