"""The site's own pages, which belong to no one app: the home page, the health check and the error pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from pmprep.config import active_catalog
from pmprep.web.plans.cockpit import cockpit


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """A signed-in user with a track gets the cockpit; anyone else an introduction and the way in."""
    catalog = active_catalog()
    track = catalog.tracks.get(getattr(request.user, "track", "") or "")
    signed_in = request.user.is_authenticated and track
    # Worked out only when the home page's cached markup (home.html) is out of date.
    board = SimpleLazyObject(lambda: cockpit(request.user, catalog, timezone.localdate())) if signed_in else None
    return render(
        request,
        "home.html",
        {
            "track": track,
            "cockpit": board,
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
