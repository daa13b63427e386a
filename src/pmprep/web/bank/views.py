from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from pmprep.bank.calendar import position
from pmprep.bank.query import QuestionFilter, find_questions, invalid_filter_values
from pmprep.config import active_catalog
from pmprep.loops import loop_length
from pmprep.web.bank.markup import render_markdown
from pmprep.web.stories import bank as story_bank

PAGE_SIZE = 25
FILTER_FIELDS = ("track", "round", "type", "competency", "difficulty", "theme")


@require_GET
def loop_index(request: HttpRequest) -> HttpResponse:
    track = getattr(request.user, "track", "")
    if track and track in active_catalog().tracks:
        return redirect("bank:loop", track_id=track)
    return render(request, "bank/loop_index.html", {"tracks": active_catalog().tracks.values()})


@require_GET
def loop(request: HttpRequest, track_id: str) -> HttpResponse:
    catalog = active_catalog()
    track = catalog.tracks.get(track_id)
    if track is None:
        raise Http404(f"There is no track '{track_id}'.")
    cal = catalog.calendars.get(track.calendar) if track.calendar else None
    rounds = []
    for rnd in catalog.rounds_for(track.id):
        rounds.append(
            {
                "round": rnd,
                "competencies": [catalog.competency_name(c) for c in rnd.competencies],
                "question_count": sum(1 for q in catalog.questions.values() if rnd.id in q.rounds),
            }
        )
    return render(
        request,
        "bank/loop.html",
        {
            "track": track,
            "other_tracks": [t for t in catalog.tracks.values() if t.id != track.id],
            "rounds": rounds,
            "length": loop_length(r["round"] for r in rounds),
            "calendar": cal,
            "position": position(cal, timezone.localdate()) if cal else None,
            "dimensions": catalog.dimensions.values(),
            "components": [
                {
                    "component": c,
                    "dimensions": [catalog.dimensions[d].name for d in c.dimensions],
                    "rounds": [catalog.rounds[r].name for r in c.rounds if catalog.rounds[r].track == track.id],
                }
                for c in catalog.components.values()
            ],
            "signals": catalog.signals,
        },
    )


@require_GET
def questions(request: HttpRequest) -> HttpResponse:
    catalog = active_catalog()
    values = {name: request.GET.get(name, "").strip() or None for name in FILTER_FIELDS}
    text = request.GET.get("q", "").strip()[:200] or None
    wanted = QuestionFilter(**values, text=text)
    problems = invalid_filter_values(catalog, wanted)
    found = [] if problems else find_questions(catalog, wanted)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "bank/questions.html",
        {
            "page": page,
            "total": len(found),
            "filters": values,
            "text": text or "",
            "problems": problems,
            "query": query.urlencode(),
            "is_filtered": not wanted.is_empty(),
            "options": {
                "track": [(t.id, t.name) for t in catalog.tracks.values()],
                "round": [(r.id, f"{catalog.tracks[r.track].name}: {r.name}") for r in catalog.rounds.values()],
                "type": [(t.id, t.name) for t in catalog.question_types.values()],
                "competency": [(d.id, d.name) for d in catalog.dimensions.values()]
                + [(c.id, c.name) for c in catalog.components.values()],
                "difficulty": [("easy", "Easy"), ("medium", "Medium"), ("hard", "Hard")],
                "theme": [(t.id, t.name) for t in catalog.themes.values()],
            },
            "rows": [{"q": q, "type_name": catalog.question_types[q.type].name} for q in page.object_list],
        },
        status=400 if problems else 200,
    )


@require_GET
def question(request: HttpRequest, question_id: str) -> HttpResponse:
    catalog = active_catalog()
    q = catalog.questions.get(question_id)
    if q is None:
        raise Http404(f"There is no question '{question_id}' in the bank.")
    related = [other for other in catalog.questions.values() if other.id != q.id and set(other.themes) & set(q.themes)][
        :5
    ]
    return render(
        request,
        "bank/question.html",
        {
            "q": q,
            "type": catalog.question_types[q.type],
            "framework": catalog.frameworks.get(catalog.question_types[q.type].framework),
            "tracks": [catalog.tracks[t] for t in q.tracks],
            "rounds": [catalog.rounds[r] for r in q.rounds],
            "competencies": [(c, catalog.competency_name(c)) for c in q.competencies],
            "themes": [catalog.themes[t] for t in q.themes],
            "primers": catalog.primers_for(q),
            "related": related,
            "stories": story_bank.suggestions(request.user, q, catalog) if request.user.is_authenticated else [],
            "case_prompt": catalog.in_case_round(q),
        },
    )


@require_GET
def primers(request: HttpRequest) -> HttpResponse:
    return render(request, "bank/primers.html", {"primers": active_catalog().primers.values()})


@require_GET
def primer(request: HttpRequest, primer_id: str) -> HttpResponse:
    catalog = active_catalog()
    p = catalog.primers.get(primer_id)
    if p is None:
        raise Http404(f"There is no primer '{primer_id}'.")
    return render(
        request,
        "bank/primer.html",
        {
            "primer": p,
            "body": mark_safe(render_markdown(p.body)),  # sanitised by nh3 in render_markdown
            "rounds": [catalog.rounds[r] for r in p.rounds],
            "competencies": [catalog.competency_name(c) for c in p.competencies],
            "questions": catalog.questions_citing(p.id)[:12],
        },
    )
