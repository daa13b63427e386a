"""The personal report and the plan as documents (pmprep.reports), for Markdown and PDF downloads."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils.text import Truncator

from pmprep.bank.model import Catalog
from pmprep.config import active_catalog
from pmprep.plans import Plan, Readiness, ReadinessStatus
from pmprep.reports import BarChart, Block, Bullets, Document, Heading, Paragraph, Quote, Table
from pmprep.web.practice.models import Attempt

HORIZON_DAYS = 14
QUOTES_PER_GAP = 2


def _plan_rows(plan: Plan, start: date, days: int | None = None) -> list[list[str]]:
    end = start + timedelta(days=days) if days else None
    return [
        [t.on.strftime("%a %-d %b"), t.title, f"{t.minutes} min", "done" if t.done else ""]
        for t in plan.tasks
        if t.on >= start and (end is None or t.on < end)
    ]


def plan_document(plan: Plan, today: date) -> Document:
    blocks: list[Block] = [
        Paragraph(
            f"{plan.target_label}: {plan.target:%-d %b %Y}. {plan.hours_per_week:g} hours a week; "
            "about 80% technical and case preparation, 20% logistics."
        )
    ]
    if plan.warnings:
        blocks.append(Bullets(list(plan.warnings)))
    blocks += [
        Heading("Milestones"),
        Table(
            "Milestones",
            ["Milestone", "By", "State"],
            [[m.title, m.due.strftime("%-d %b %Y") if m.due else "", m.message] for m in plan.milestones],
        ),
    ]
    for week in plan.weeks:
        blocks += [
            Heading(f"Week {week.number}: {week.first_day:%-d %b} – {week.last_day:%-d %b %Y}", 3),
            Table(
                f"Week {week.number} ({week.minutes} min)",
                ["Day", "Task", "Time", "Done"],
                [
                    [t.on.strftime("%a %-d %b"), t.title, f"{t.minutes} min", "done" if t.done else ""]
                    for t in week.tasks
                ],
            ),
        ]
    return Document(
        title=f"My {active_catalog().company.name} PM prep plan", subtitle=f"Generated {today:%-d %b %Y}", blocks=blocks
    )


def _quotes(user, catalog: Catalog, competency: str) -> list[Quote]:
    """The user's own words from their weakest recent answers on this competency."""
    quotes: list[Quote] = []
    for a in Attempt.objects.of(user).filter(parent=None).exclude(question_id="").order_by("level", "-created")[:200]:
        q = catalog.questions.get(a.question_id)
        if q is None or competency not in q.competencies:
            continue
        criteria = a.analysed.criteria
        weakest = min(criteria, key=lambda c: c.level, default=None)
        if weakest is None:
            continue
        said = next((e.text for c in criteria for e in c.evidence), "")
        words = said or a.answer[:200]
        quotes.append(
            Quote(
                words,
                f"{Truncator(q.text).chars(90)} — level {a.level}; weakest: {weakest.name} (level {weakest.level})",
            )
        )
        if len(quotes) == QUOTES_PER_GAP:
            break
    return quotes


def report_document(user, catalog: Catalog, ready: Readiness, plan: Plan | None, today: date) -> Document:
    blocks: list = [
        Heading("Where you stand"),
        Paragraph(ready.overall),  # it opens with the status ("Not ready yet: …"): said once
        Paragraph(f"Next best action: {ready.next_best_action}"),
    ]
    levels = [(i.name, i.numbers["level"]) for i in ready.competencies if i.numbers.get("level") is not None]
    if levels:
        blocks.append(
            BarChart(
                "Level by competency (1–4, from your answers and scorecards)",
                [n for n, _ in levels],
                [float(v) for _, v in levels],
                max_value=4,
            )
        )
    rounds = [(i.name, i.numbers["level"]) for i in ready.rounds if i.numbers.get("level") is not None]
    if rounds:
        blocks.append(
            BarChart("Level by round (1–4)", [n for n, _ in rounds], [float(v) for _, v in rounds], max_value=4)
        )
    blocks.append(
        Table(
            "Readiness by round",
            ["Round", "ReadinessStatus", "Where it stands", "Next"],
            [[i.name, i.status.label, i.statement, i.next_action] for i in ready.rounds],
        )
    )
    strengths = [i for i in ready.competencies if i.status in (ReadinessStatus.READY, ReadinessStatus.ALMOST)]
    blocks.append(Heading("Strengths"))
    blocks.append(
        Bullets([f"{i.name}: {i.statement}" for i in strengths])
        if strengths
        else Paragraph("None yet: a strength needs at least two answers or ratings at level 2.5 or above.")
    )
    gaps = [i for i in ready.competencies if i.status is ReadinessStatus.NOT_READY]
    blocks.append(Heading("Gaps, with your own words"))
    if not gaps:
        blocks.append(Paragraph("No competency is below the bar on the evidence so far."))
    for item in gaps:
        blocks += [Heading(item.name, 3), Paragraph(f"{item.statement} Next: {item.next_action}")]
        blocks += _quotes(user, catalog, item.id)
    unknown = [i.name for i in ready.competencies if i.status is ReadinessStatus.NOT_ENOUGH_EVIDENCE]
    if unknown:
        blocks += [Heading("Not enough evidence yet", 3), Paragraph(", ".join(unknown) + ".")]
    blocks += [
        Heading("Stories, review and mock loops"),
        Table(
            "Other areas",
            ["Area", "ReadinessStatus", "Where it stands", "Next"],
            [[i.name, i.status.label, i.statement, i.next_action] for i in (ready.stories, ready.review, ready.loops)],
        ),
    ]
    blocks.append(Heading("The next two weeks of your plan"))
    rows = _plan_rows(plan, today, HORIZON_DAYS) if plan else []
    blocks.append(
        Table("Planned tasks", ["Day", "Task", "Time", "Done"], rows)
        if rows
        else Paragraph("No plan yet: make one on the Plan page and it appears here.")
    )
    return Document(
        title=f"My {catalog.company.name} PM readiness report", subtitle=f"{today:%-d %b %Y}", blocks=blocks
    )
