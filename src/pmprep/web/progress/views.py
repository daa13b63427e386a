"""The progress dashboard: one page of tables, and each chart as its own SVG for an ``<img>``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from csp.constants import NONE, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from pmprep.config import active_catalog
from pmprep.progress import DEFAULT_WEEKS
from pmprep.web.data_version import cached, cached_html
from pmprep.web.plans.links import start_drill
from pmprep.web.progress import charts
from pmprep.web.progress.records import Records


@dataclass(frozen=True)
class Chart:
    name: str  # its URL: /progress/charts/<name>.svg
    title: str
    alt: str
    no_data: str  # written on the chart when there is nothing to draw
    read: Callable[[Records], Any]
    draw: Callable[[Any, str, str], bytes]

    @property
    def key(self) -> str:  # its name in templates
        return self.name.replace("-", "_")


CHARTS = {
    c.name: c
    for c in (
        Chart(
            "levels-by-competency",
            "Level by competency",
            f"Line chart: your mean level each week for each competency dimension, last {DEFAULT_WEEKS} weeks. "
            "The same numbers are in the table with it.",
            "No answers yet",
            Records.levels_by_competency,
            charts.levels_chart,
        ),
        Chart(
            "levels-by-round",
            "Level by round",
            f"Line chart: your mean level each week for each round of the loop, last {DEFAULT_WEEKS} weeks. "
            "The same numbers are in the table with it.",
            "No answers yet",
            Records.levels_by_round,
            charts.levels_chart,
        ),
        Chart(
            "volume",
            "Answers per week",
            f"Stacked bar chart: first answers and follow-up replies each week, last {DEFAULT_WEEKS} weeks. "
            "The same numbers are in the table with it.",
            "No answers yet",
            Records.volume,
            charts.volume_chart,
        ),
        Chart(
            "backlog",
            "Review backlog",
            "Stacked bar chart: review-queue questions and stories overdue, due today, this week and later. "
            "The same numbers are in the table with it.",
            "Nothing to review yet",
            Records.backlog,
            charts.backlog_chart,
        ),
        Chart(
            "coverage",
            "Story coverage",
            "Stacked bar chart: how many story kinds, competencies and culture themes your stories cover. "
            "The same numbers are in the table with it.",
            "No stories yet",
            Records.stories,
            charts.coverage_chart,
        ),
        Chart(
            "loops",
            "Mock-loop outcomes",
            "Bar chart: how many of your mock loops reached each committee decision. "
            "The same numbers are in the table with it.",
            "No mock loops yet",
            Records.loops,
            charts.loops_chart,
        ),
    )
}


def _records(request: HttpRequest) -> Records:
    return Records(request.user, active_catalog(), timezone.localdate())


def _read(records: Records) -> tuple[dict[str, Any], bool]:
    """Every chart's figures by its template name, and whether there is any answer; kept until the user's
    data changes (pmprep.web.data_version)."""

    def read() -> tuple[dict[str, Any], bool]:
        return {c.key: c.read(records) for c in CHARTS.values()}, bool(records.answers)

    return cached(records.user, "progress", records.today, read)


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    records = _records(request)
    body = cached_html(records.user, "progress-page", records.today, "progress/_body.html", lambda: _page(records))
    return render(request, "progress/index.html", {"body": body})


def _page(records: Records) -> dict:
    read, answered = _read(records)
    # Nothing done at all: one sentence and the button that starts, not six empty sections.
    nothing_yet = not answered and all(read[k].empty for k in ("backlog", "coverage", "loops"))
    first_round = records.catalog.rounds_for(records.user.track)[0].id if records.has_track else None
    return {
        **read,
        "nothing_yet": nothing_yet,
        "first_drill": start_drill(first_round) if first_round else reverse("practice:answer"),
        "charts": {c.key: c for c in CHARTS.values()},
        "answered": answered,
        "has_track": records.has_track,
        "weeks": DEFAULT_WEEKS,
        "track_names": {t.id: t.name for t in records.catalog.tracks.values()},
    }


# pygal's SVG carries its styles in an inline <style>. Inside an <img> the browser runs no script and
# ignores this response's policy; opened on its own (a new tab) the policy applies, so it allows the
# inline style, for this response only, and still no script at all.
@login_required
@require_GET
@never_cache
@csp_replace({"style-src": [UNSAFE_INLINE], "script-src": [NONE]})
def chart(request: HttpRequest, name: str) -> HttpResponse:
    found = CHARTS.get(name)
    if found is None:
        raise Http404(f"There is no chart '{name}'.")
    records = _records(request)
    svg = cached(
        records.user,
        f"chart:{name}",
        records.today,
        lambda: found.draw(_read(records)[0][found.key], found.title, found.no_data),
    )
    return HttpResponse(svg, content_type="image/svg+xml")
