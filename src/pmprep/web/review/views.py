"""The Today page: what is due for review, with counts by round, and the ways to start a drill."""

from __future__ import annotations

from datetime import timedelta
from functools import cache, partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from pmprep.bank.query import QuestionFilter, invalid_filter_values, pick_question
from pmprep.config import active_catalog
from pmprep.stories import REVIEW_KIND
from pmprep.web.practice.models import Attempt
from pmprep.web.requests import AuthenticatedRequest
from pmprep.web.review.due import due_today
from pmprep.web.stories.models import Story

RECENT_DAYS = 14  # a drill started from a round or competency avoids questions practised this recently


# What review/today.html reads, given lazily: a page whose cached markup is fresh works none of it out.
TODAY = ("plan", "rows", "by_round", "rounds", "competencies")


@login_required
@require_GET
def today(request: AuthenticatedRequest) -> HttpResponse:
    """What is due for review today, with counts by round, and ways to start a drill."""
    catalog = active_catalog()

    def context() -> dict:  # worked out only when the page's cached markup (review/today.html) is out of date
        plan = due_today(request.user)
        wanted = [i.key for i in plan.items if i.kind == REVIEW_KIND]
        stories = {str(s.uid): s for s in Story.objects.filter(user=request.user, uid__in=wanted)}
        rows = [
            {
                "item": item,
                "question": catalog.questions.get(item.key) if item.kind == "question" else None,
                "story": stories.get(item.key) if item.kind == REVIEW_KIND else None,
            }
            for item in plan.items
        ]
        track = request.user.track or None
        return {
            "plan": plan,
            "rows": rows,
            "by_round": [(catalog.rounds[r], n) for r, n in plan.by_round.items() if r in catalog.rounds],
            "rounds": catalog.rounds_for(track) if track in catalog.tracks else list(catalog.rounds.values()),
            "competencies": list(catalog.dimensions.values()) + list(catalog.components.values()),
        }

    found = cache(context)
    return render(
        request, "review/today.html", {name: SimpleLazyObject(partial(lambda n: found()[n], name)) for name in TODAY}
    )


@login_required
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """Start a drill from a round, a competency, or what is due: pick a question and open it."""
    catalog = active_catalog()
    if request.GET.get("due"):
        plan = due_today(request.user)
        if not plan.items:
            messages.info(
                request, "Nothing is due for review today. Start a drill from a round or a competency instead."
            )
            return redirect("review:today")
        first = plan.items[0]
        if first.kind == REVIEW_KIND:
            return redirect("stories:recall", uid=first.key)
        return redirect(f"{reverse('practice:answer')}?question={first.key}")
    f = QuestionFilter(round=request.GET.get("round") or None, competency=request.GET.get("competency") or None)
    bad = invalid_filter_values(catalog, f)
    if bad or f.is_empty():
        for message in (bad or {"round": "Choose a round or a competency to start a drill."}).values():
            messages.error(request, message)
        return redirect("review:today")
    recent = (
        Attempt.objects.of(request.user)
        .filter(created__gte=timezone.now() - timedelta(days=RECENT_DAYS))
        .values_list("question_id", flat=True)
    )
    q = pick_question(catalog, f, avoid=recent, seed=f"{request.user.pk}:{timezone.localdate()}")
    if q is None:
        messages.error(request, "No question in the bank fits that choice.")
        return redirect("review:today")
    return redirect(f"{reverse('practice:answer')}?question={q.id}")
