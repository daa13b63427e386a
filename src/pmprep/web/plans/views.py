"""The plan, its calendar (download and private feed), and the readiness check."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache, partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pmprep.bank.model import Catalog
from pmprep.config import active_catalog
from pmprep.plans import (
    Milestone,
    MilestoneLevel,
    Plan,
    Task,
    TaskKind,
    Week,
    generate_plan,
    plan_to_ics,
    regenerate,
    self_check,
)
from pmprep.plans.wording import plural
from pmprep.reports import to_markdown, to_pdf
from pmprep.web.data_version import cached, cached_html, render_with_csrf
from pmprep.web.downloads import MARKDOWN, PDF, download, filename
from pmprep.web.links import absolute_url
from pmprep.web.plans.evidence import current_readiness, gather
from pmprep.web.plans.forms import MoveForm, PlanForm, SelfCheckForm
from pmprep.web.plans.links import Link, Links
from pmprep.web.plans.models import SelfCheckAnswers, StudyPlan
from pmprep.web.plans.report import plan_document, report_document
from pmprep.web.requests import AuthenticatedRequest

ICS_TYPE = "text/calendar; charset=utf-8"


def _tracks() -> list[tuple[str, str]]:
    return [(t.id, t.name) for t in active_catalog().tracks.values()]


def _stored(user) -> StudyPlan | None:
    return StudyPlan.objects.filter(user=user).first()


def _stored_or_404(user) -> StudyPlan:
    stored = _stored(user)
    if stored is None:
        raise Http404("Make a plan first.")
    return stored


OPEN_WEEKS = 2  # this week and the next are written in full; the others fold to a summary with a link
_LISTED_WHEN_FOLDED = frozenset(TaskKind) - {TaskKind.DRILL, TaskKind.REVIEW, TaskKind.RESEARCH}


def _asked_week(weeks: tuple[int, ...], asked: str) -> int | None:
    """The week asked for by ``?week=N`` (where a folded week's "tick or move" link, a tick and a move lead)."""
    if asked.isdigit() and len(asked) < 4 and int(asked) in weeks:
        return int(asked)
    return None


@dataclass(frozen=True)
class PlanSummary:
    """What the plan page says about the plan above its weeks (a plan holds a thousand tasks; this, a few)."""

    track_id: str
    target_label: str
    hours_per_week: float
    task_count: int
    done: int
    alerts: tuple[Milestone, ...]  # the milestones not on track
    notes: tuple[str, ...]  # warnings the alerts do not already give
    milestones: tuple[Milestone, ...]
    focus_round: str | None  # the round of the next task that has one
    week_numbers: tuple[int, ...]

    @classmethod
    def of(cls, plan: Plan, today: date) -> PlanSummary:
        alerts = tuple(m for m in plan.milestones if m.level is not MilestoneLevel.OK)
        return cls(
            plan.track_id,
            plan.target_label,
            plan.hours_per_week,
            len(plan.tasks),
            sum(1 for t in plan.tasks if t.done),
            alerts,
            tuple(w for w in plan.warnings if w not in {m.message for m in alerts}),
            tuple(plan.milestones),
            next((t.round_id for t in plan.tasks if t.on >= today and t.round_id), None),
            tuple(w.number for w in plan.weeks),
        )


def _full_weeks(plan: Plan, today: date, asked: int | None) -> set[int]:
    """The weeks written in full (tasks with their tick and move forms): the next ``OPEN_WEEKS`` from
    today, and the one asked for."""
    numbers = [w.number for w in plan.weeks if w.last_day >= today][:OPEN_WEEKS]
    return {*numbers, *([asked] if asked else [])}


def _expanded_week(plan: Plan, today: date, asked: int | None) -> int | None:
    """The one week shown open: the one asked for, else this week (else the first still to come)."""
    if asked:
        return asked
    return next((w.number for w in plan.weeks if w.last_day >= today), None)


def _week_tasks(week: Week, catalog: Catalog, links: Links, full: bool) -> dict:
    """A week's tasks for the page, each with its round's name and its link. Folded, a 60-hour week's 95
    drills would make a two-year plan page of tens of megabytes, so a folded week lists only its
    milestone-like tasks and counts the rest."""

    def row(t: Task) -> tuple[Task, str, Link, str]:
        name = catalog.rounds[t.round_id].name if t.round_id in catalog.rounds else ""
        return t, name, links.task(t), slugify(t.key)

    done = sum(1 for t in week.tasks if t.done)
    if full:
        return {"tasks": [row(t) for t in week.tasks], "done": done}
    counted = Counter(t.kind for t in week.tasks if t.kind not in _LISTED_WHEN_FOLDED)
    return {
        "tasks": [row(t) for t in week.tasks if t.kind in _LISTED_WHEN_FOLDED],
        "counts": [
            plural(counted[kind], word)
            for kind, word in (
                (TaskKind.DRILL, "drill"),
                (TaskKind.REVIEW, "review session"),
                (TaskKind.RESEARCH, "research session"),
            )
            if counted[kind]
        ],
        "done": done,
    }


def _weeks(user, plan: Plan, catalog: Catalog, today: date, asked: int | None) -> dict:
    """The weeks of the plan page, each with its tasks and their links."""
    links = Links(user, catalog)
    full, expanded = _full_weeks(plan, today, asked), _expanded_week(plan, today, asked)
    weeks = [
        {
            "week": week,
            "current": week.first_day <= today <= week.last_day,
            "past": week.last_day < today,
            "full": week.number in full,
            "expanded": week.number == expanded,
            **_week_tasks(week, catalog, links, full=week.number in full),
        }
        for week in plan.weeks
    ]
    return {"weeks": weeks, "tick_url": reverse("plans:tick"), "move_url": reverse("plans:move")}


def _plan_page(
    request: AuthenticatedRequest,
    stored: StudyPlan | None,
    form: PlanForm | None = None,
    move_form: MoveForm | None = None,
    status: int = 200,
) -> HttpResponse:
    catalog = active_catalog()
    today = timezone.localdate()

    def full() -> Plan:  # the whole plan: read only when something worked out from it is out of date
        assert stored is not None
        return cached(request.user, "plan", today, lambda: Plan.from_dict(stored.data))

    week = request.GET.get("week", "")
    week = week if week.isdigit() and len(week) < 4 else ""
    feed = (
        absolute_url(request, reverse("plans:feed", args=[stored.feed_token])) if stored and stored.feed_token else ""
    )
    fresh = form is None and move_form is None  # nothing the user sent to show again

    def context() -> dict:
        plan = cached(request.user, "plan-summary", today, lambda: PlanSummary.of(full(), today)) if stored else None
        asked = _asked_week(plan.week_numbers, week) if plan else None
        settings = form
        if settings is None:
            initial = (
                {
                    "track": stored.track,
                    "hours_per_week": stored.hours_per_week,
                    "interview_date": stored.interview_date,
                }
                if stored
                else {"track": request.user.track or None, "interview_date": request.user.interview_date}
            )
            settings = PlanForm(_tracks(), initial=initial)
        weeks_html = ""
        if plan:
            weeks_html = cached_html(
                request.user,
                f"plan-weeks:{asked or ''}",
                today,
                "plans/_weeks.html",
                lambda: _weeks(request.user, full(), catalog, today, asked),
            )  # no request: the page below puts each response's tokens in
        track = plan.track_id if plan else request.user.track
        return {
            "stored": stored,
            "plan": plan,
            "form": settings,
            "weeks_html": weeks_html,
            "today": today,
            "feed": feed,
            "move_form": move_form or MoveForm(),
            "focus_rounds": catalog.rounds_for(track) if track in catalog.tracks else [],
        }

    if fresh:  # the page as it stands, kept until the user's data (or the day, or the feed's address) changes
        body = cached_html(request.user, f"plan-page:{week}:{feed}", today, "plans/_plan.html", context, request)
    else:
        body = render_with_csrf("plans/_plan.html", context(), request)
    return render(request, "plans/plan.html", {"body": body}, status=status)


@login_required
@require_GET
def index(request: AuthenticatedRequest) -> HttpResponse:
    # The plan's JSON (a thousand tasks) is read and parsed only when the cached plan is out of date.
    return _plan_page(request, StudyPlan.objects.filter(user=request.user).defer("data").first())


@login_required
@require_POST
def generate(request: AuthenticatedRequest) -> HttpResponse:
    """Make the plan, or remake it with new settings; what was done or moved is kept."""
    catalog = active_catalog()
    stored = _stored(request.user)
    form = PlanForm(_tracks(), request.POST)
    if not form.is_valid():
        return _plan_page(request, stored, form=form, status=400)
    data = form.cleaned_data
    today = timezone.localdate()
    evidence = gather(request.user, catalog, today)
    try:
        if stored and stored.track == data["track"]:
            plan = regenerate(
                Plan.from_dict(stored.data),
                today=today,
                catalog=catalog,
                evidence=evidence,
                hours_per_week=data["hours_per_week"],
                interview_date=data["interview_date"],
            )
        else:
            plan = generate_plan(
                data["track"],
                today,
                data["hours_per_week"],
                interview_date=data["interview_date"],
                catalog=catalog,
                evidence=evidence,
            )
    except ValueError as exc:
        form.add_error("interview_date" if "interview" in str(exc).lower() else None, str(exc))
        return _plan_page(request, stored, form=form, status=400)
    now = timezone.now()
    StudyPlan.objects.update_or_create(
        user=request.user,
        defaults={
            "track": data["track"],
            "hours_per_week": data["hours_per_week"],
            "interview_date": data["interview_date"],
            "data": plan.to_dict(),
            "updated": now,
        },
    )
    messages.success(
        request,
        "Your plan is ready."
        if stored is None
        else "Your plan is regenerated from today; what you ticked or moved is kept.",
    )
    return redirect("plans:index")


def _change(request: HttpRequest, change) -> HttpResponse:
    stored = _stored_or_404(request.user)
    plan = Plan.from_dict(stored.data)
    key = request.POST.get("key", "")
    if not any(t.key == key for t in plan.tasks):
        messages.error(request, "That task is not in your plan any more; the plan below is current.")
        return redirect("plans:index")
    result = change(stored, plan, key)
    if isinstance(result, HttpResponse):
        return result
    stored.data = result.to_dict()
    stored.updated = timezone.now()
    stored.save(update_fields=["data", "updated"])
    week = next((w.number for w in result.weeks if any(t.key == key for t in w.tasks)), None)
    return redirect(f"{reverse('plans:index')}{f'?week={week}' if week else ''}#task-{slugify(key)}")


@login_required
@require_POST
def tick(request: HttpRequest) -> HttpResponse:
    def done(stored: StudyPlan, plan: Plan, key: str):
        # Ticking a done task again opens it again.
        return plan.mark_undone(key) if plan.task(key).done else plan.mark_done(key)

    return _change(request, done)


@login_required
@require_POST
def move(request: AuthenticatedRequest) -> HttpResponse:
    form = MoveForm(request.POST)

    def moved(stored: StudyPlan, plan: Plan, key: str):
        if not form.is_valid():
            return _plan_page(request, stored, move_form=form, status=400)
        try:
            return plan.move(key, form.cleaned_data["on"], today=timezone.localdate())
        except ValueError as exc:
            form.add_error("on", str(exc))
            return _plan_page(request, stored, move_form=form, status=400)

    return _change(request, moved)


def _ics(stored: StudyPlan, name: str) -> bytes:
    return plan_to_ics(Plan.from_dict(stored.data), name=name, stamp=stored.updated)


@login_required
@require_GET
def calendar(request: HttpRequest) -> HttpResponse:
    stored = _stored_or_404(request.user)
    return download(_ics(stored, f"{active_catalog().company.name} PM prep (pmprep)"), "pmprep-plan.ics", ICS_TYPE)


@login_required
@require_POST
def feed_switch(request: HttpRequest) -> HttpResponse:
    stored = _stored_or_404(request.user)
    if request.POST.get("action") == "revoke":
        stored.feed_token = None
        messages.success(request, "The calendar feed is off; the old address no longer works.")
    else:
        stored.new_feed_token()
        messages.success(request, "A new private feed address is ready; any older address stops working.")
    stored.save(update_fields=["feed_token"])
    return redirect(f"{reverse('plans:index')}#calendar")


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The subscribable calendar: public to whoever holds the token, like a private calendar link."""
    stored = StudyPlan.objects.filter(feed_token=token).first() if token else None
    if stored is None:
        raise Http404("There is no calendar feed at this address; it may have been revoked.")
    return HttpResponse(_ics(stored, f"{active_catalog().company.name} PM prep (pmprep)"), content_type=ICS_TYPE)


# What the readiness page's tables read (plans/_readiness.html): given lazily, worked out only when shown.
TABLES = ("ready", "no_evidence", "next_link", "areas")


@login_required
@require_http_methods(["GET", "POST"])
def readiness_page(request: AuthenticatedRequest) -> HttpResponse:
    catalog = active_catalog()
    today = timezone.localdate()
    track = request.user.track if request.user.track in catalog.tracks else None

    def context(form: SelfCheckForm | None = None) -> dict:
        answers = SelfCheckAnswers.objects.filter(user=request.user).first()
        form = form or SelfCheckForm(instance=answers or SelfCheckAnswers(user=request.user))
        check = self_check(answers.goal, answers.industry, answers.has_plan, catalog.company) if answers else None

        @cache
        def tables() -> dict[str, object]:
            evidence = gather(request.user, catalog, today) if track else None
            ready = current_readiness(request.user, catalog, today) if track and evidence else None
            return {
                "ready": ready,
                # Nothing to read readiness from; reviews due without any answer (an import) keep the tables.
                "no_evidence": bool(evidence and evidence.is_empty and not evidence.review_due),
                "next_link": Links(request.user, catalog).action(ready.next_best) if ready else None,
                "areas": (ready.stories, ready.review, ready.loops) if ready else (),
            }

        return {
            "form": form,
            "check": check,
            "track": track,
            **{name: SimpleLazyObject(partial(lambda name: tables()[name], name)) for name in TABLES},
        }

    if request.method != "POST":  # a plain visit: kept against the user's data
        body = cached_html(request.user, "readiness-page", today, "plans/_readiness.html", context, request)
        return render(request, "plans/readiness.html", {"body": body})
    answers = SelfCheckAnswers.objects.filter(user=request.user).first()
    form = SelfCheckForm(request.POST, instance=answers or SelfCheckAnswers(user=request.user))
    if form.is_valid():
        saved = form.save(commit=False)
        saved.updated = timezone.now()
        saved.save()
        messages.success(request, "Your answers are saved; the breakdown below uses them.")
        return redirect("plans:readiness")
    # Answers refused: shown again as sent, with their problems.
    body = render_with_csrf("plans/_readiness.html", context(form), request)
    return render(request, "plans/readiness.html", {"body": body}, status=400)


@login_required
@require_GET
def plan_export(request: HttpRequest, kind: str) -> HttpResponse:
    stored = _stored_or_404(request.user)
    doc = plan_document(Plan.from_dict(stored.data), timezone.localdate())
    body = to_markdown(doc) if kind == "md" else to_pdf(doc, created=stored.updated)
    return download(body, filename("prep-plan", "", stored.updated, kind), MARKDOWN if kind == "md" else PDF)


@login_required
@require_GET
def report_export(request: AuthenticatedRequest, kind: str) -> HttpResponse:
    catalog = active_catalog()
    if request.user.track not in catalog.tracks:
        messages.error(request, "Choose your track on your profile first: the report is per round of your loop.")
        return redirect("plans:readiness")
    today = timezone.localdate()
    ready = current_readiness(request.user, catalog, today)
    stored = _stored(request.user)
    doc = report_document(request.user, catalog, ready, Plan.from_dict(stored.data) if stored else None, today)
    now = timezone.now()
    body = to_markdown(doc) if kind == "md" else to_pdf(doc, created=now)
    return download(body, filename("readiness-report", "", now, kind), MARKDOWN if kind == "md" else PDF)
