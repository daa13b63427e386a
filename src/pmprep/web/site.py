"""The site's own pages, which belong to no one app: the home page, the health check and the error pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from pmprep.config import active_catalog
from pmprep.web.plans.models import StudyPlan
from pmprep.web.plans.views import next_best_action, today_tasks


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    catalog = active_catalog()
    track = catalog.tracks.get(getattr(request.user, "track", "") or "")
    next_action, todays = None, []
    if request.user.is_authenticated and track:
        next_action = next_best_action(request.user)
        todays = today_tasks(StudyPlan.objects.filter(user=request.user).first(), timezone.localdate())
    return render(
        request,
        "home.html",
        {
            "track": track,
            "next_action": next_action,
            "todays": todays,
            "rounds": catalog.rounds_for(track.id) if track else [],
            "counts": catalog.counts(),
            "type_counts": catalog.counts_by_type(),
        },
    )


@require_GET
def health(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok", "questions": len(active_catalog().questions)})


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if exception and str(exception) and "Resolver404" not in repr(exception) else ""
    if message.startswith("{"):
        message = ""
    return render(request, "404.html", {"message": message or "That page does not exist."}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
