"""Interview-week pages: a loop's story portfolio with swaps, a sheet per round, and questions to ask."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pmprep.bank.model import Catalog
from pmprep.config import active_catalog
from pmprep.interview_week import (
    RoundSheet,
    Swap,
    check_question,
    questions_to_ask,
    round_sheet,
    sheet_markdown,
    sheet_pdf,
    swap_problem,
)
from pmprep.web.downloads import MARKDOWN, PDF, download, filename
from pmprep.web.interview_week.forms import NamesForm, QuestionsForm, SwapForm
from pmprep.web.interview_week.models import AskedQuestion, InterviewerName, PortfolioSwap
from pmprep.web.interview_week.week import REAL, WeekLoop, week_loop
from pmprep.web.loops.models import MockLoop
from pmprep.web.requests import AuthenticatedRequest
from pmprep.web.stories.models import Story


def _story_choices(week: WeekLoop) -> list[tuple[str, str]]:
    return [(s.id, s.title) for s in week.stories()]


def _portfolio_page(
    request: AuthenticatedRequest,
    week: WeekLoop,
    catalog: Catalog,
    *,
    swap_form: SwapForm | None = None,
    names_form: NamesForm | None = None,
    status: int = 200,
) -> HttpResponse:
    loop, stories, portfolio = week.portfolio(catalog) if week.round_ids else ([], [], None)
    choices = [(s.id, s.title) for s in stories]
    mocks = MockLoop.objects.filter(user=request.user).order_by("-created")
    return render(
        request,
        "interview_week/portfolio.html",
        {
            "week": week,
            "track": catalog.tracks.get(week.track),
            "portfolio": portfolio,
            "uncovered": [p.uncovered_message for p in portfolio.rounds if p.uncovered_message] if portfolio else [],
            "stories": stories,
            "swap_form": swap_form or SwapForm(loop, choices),
            "names_form": names_form or NamesForm(loop),
            "swaps": week.owned(PortfolioSwap).count(),
            "mocks": mocks,
        },
        status=status,
    )


@login_required
@require_GET
def index(request: AuthenticatedRequest) -> HttpResponse:
    """The real loop's portfolio: the user's track, as planned for the interview date."""
    catalog = active_catalog()
    return _portfolio_page(request, week_loop(request.user, REAL, catalog), catalog)


@login_required
@require_GET
def portfolio(request: AuthenticatedRequest, ref: str) -> HttpResponse:
    catalog = active_catalog()
    return _portfolio_page(request, week_loop(request.user, ref, catalog), catalog)


def _back(week: WeekLoop) -> str:
    return reverse("week:index") if week.ref == REAL else reverse("week:portfolio", args=[week.ref])


@login_required
@require_POST
def swap(request: AuthenticatedRequest, ref: str) -> HttpResponse:
    catalog = active_catalog()
    week = week_loop(request.user, ref, catalog)
    loop = week.rounds(catalog)
    stories = week.stories()
    form = SwapForm(loop, [(s.id, s.title) for s in stories], request.POST)
    if not form.is_valid():
        return _portfolio_page(request, week, catalog, swap_form=form, status=400)
    round_id, key = form.cleaned_data["seat"].split("|", 1)
    story_id = form.cleaned_data["story"] or None
    replaces = form.cleaned_data["replaces"] or None
    problem = swap_problem(Swap(round_id, key, story_id, replaces), loop, stories)
    if problem:
        form.add_error(None, problem[0].upper() + problem[1:] + ".")
        return _portfolio_page(request, week, catalog, swap_form=form, status=400)
    by_uid = {
        str(s.uid): s for s in Story.objects.filter(user=request.user, uid__in=[i for i in (story_id, replaces) if i])
    }
    PortfolioSwap.objects.create(
        user=request.user,
        loop=week.mock,
        track=week.track,
        round_id=round_id,
        interviewer_key=key,
        story=by_uid.get(story_id or ""),
        replaces=by_uid.get(replaces or ""),
    )
    _, _, result = week.portfolio(catalog)
    if result.broken:
        messages.warning(request, "Swap saved, and it breaks a rule: " + " ".join(b.message for b in result.broken))
    else:
        messages.success(request, "Swap saved. Checked again: no interviewer or panel hears a story twice.")
    return redirect(_back(week) + "#portfolio")


@login_required
@require_POST
def clear_swaps(request: AuthenticatedRequest, ref: str) -> HttpResponse:
    week = week_loop(request.user, ref, active_catalog())
    week.owned(PortfolioSwap).delete()
    messages.success(request, "Your swaps are gone: the portfolio is pmprep's own again.")
    return redirect(_back(week) + "#portfolio")


@login_required
@require_POST
def names(request: AuthenticatedRequest, ref: str) -> HttpResponse:
    catalog = active_catalog()
    week = week_loop(request.user, ref, catalog)
    form = NamesForm(week.rounds(catalog), request.POST)
    if not form.is_valid():
        return _portfolio_page(request, week, catalog, names_form=form, status=400)
    with transaction.atomic():
        week.owned(InterviewerName).delete()
        InterviewerName.objects.bulk_create(
            InterviewerName(user=request.user, loop=week.mock, track=week.track, slot=form.slots[f], name=name)
            for f, value in form.cleaned_data.items()
            if (name := " ".join(value.split()))
        )
    # A swap names an interviewer by who they are; renamed, they are someone else.
    week.owned(PortfolioSwap).delete()
    messages.success(request, "Names saved. The same name in two rounds is one person, who hears each story once.")
    return redirect(_back(week) + "#names")


def _round(week: WeekLoop, round_id: str) -> None:
    if round_id not in week.round_ids:
        raise Http404("This round is not in the loop.")


def _sheet(request: AuthenticatedRequest, week: WeekLoop, round_id: str, catalog: Catalog) -> RoundSheet:
    _round(week, round_id)
    loop, stories, portfolio = week.portfolio(catalog)
    deck = week.deck() if catalog.rounds[round_id].is_case else None
    asked = [q.text for q in week.questions(round_id)]
    return round_sheet(
        portfolio.plan(round_id),
        stories,
        catalog,
        deck=deck.readable() if deck else None,
        questions=asked,
        hide_names=request.GET.get("names") == "hide",
        names=list(week.names().values()),
    )


@login_required
@require_GET
def sheet(request: AuthenticatedRequest, ref: str, round_id: str) -> HttpResponse:
    catalog = active_catalog()
    week = week_loop(request.user, ref, catalog)
    data = _sheet(request, week, round_id, catalog)
    hide = request.GET.get("names") == "hide"
    return render(
        request,
        "interview_week/sheet.html",
        {"week": week, "sheet": data, "hide": hide, "query": "?names=hide" if hide else ""},
    )


@login_required
@require_GET
def sheet_md(request: AuthenticatedRequest, ref: str, round_id: str) -> HttpResponse:
    catalog = active_catalog()
    data = _sheet(request, week_loop(request.user, ref, catalog), round_id, catalog)
    return download(sheet_markdown(data), filename("sheet", data.name, timezone.now(), "md"), MARKDOWN)


@login_required
@require_GET
def sheet_pdf_view(request: AuthenticatedRequest, ref: str, round_id: str) -> HttpResponse:
    catalog = active_catalog()
    data = _sheet(request, week_loop(request.user, ref, catalog), round_id, catalog)
    return download(sheet_pdf(data), filename("sheet", data.name, timezone.now(), "pdf"), PDF)


@login_required
@require_http_methods(["GET", "POST"])
def questions(request: AuthenticatedRequest, ref: str, round_id: str) -> HttpResponse:
    catalog = active_catalog()
    week = week_loop(request.user, ref, catalog)
    _round(week, round_id)
    shipped = questions_to_ask().shipped(round_id)
    saved = week.questions(round_id)
    status = 200
    if request.method == "POST":
        form = QuestionsForm(shipped, round_id, request.POST)
        if form.is_valid():
            picked = [q for q in shipped if q in form.cleaned_data["picked"]]
            own = [q for q in form.cleaned_data["own"] if q not in picked]
            with transaction.atomic():
                week.owned(AskedQuestion).filter(round_id=round_id).delete()
                AskedQuestion.objects.bulk_create(
                    AskedQuestion(
                        user=request.user,
                        loop=week.mock,
                        track=week.track,
                        round_id=round_id,
                        text=text,
                        shipped=text in shipped,
                        position=n,
                    )
                    for n, text in enumerate([*picked, *own])
                )
            messages.success(request, "Questions saved; each is checked below.")
            return redirect(reverse("week:questions", args=[week.ref, round_id]) + "#chosen")
        status = 400
    else:
        form = QuestionsForm(
            shipped,
            round_id,
            initial={
                "picked": [q.text for q in saved if q.shipped],
                "own": "\n".join(q.text for q in saved if not q.shipped),
            },
        )
    checked = [(q, check_question(q.text, round_id)) for q in saved]
    sets = questions_to_ask().for_round(round_id)
    return render(
        request,
        "interview_week/questions.html",
        {"week": week, "round": catalog.rounds[round_id], "form": form, "checked": checked, "sets": sets},
        status=status,
    )
