from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from pmprep.bank.calendar import position
from pmprep.bank.query import Found, QuestionFilter, invalid_filter_values
from pmprep.bank.search import MAX_QUERY_CHARS
from pmprep.config import active_catalog
from pmprep.loops import loop_length
from pmprep.web.bank import listing
from pmprep.web.bank.listing import ALL_TRACKS, DIFFICULTIES, SLOT, row_html
from pmprep.web.bank.marks import MINE, Marks
from pmprep.web.bank.markup import render_markdown
from pmprep.web.bank.models import Bookmark
from pmprep.web.requests import AuthenticatedRequest

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


def _track_shown_by_default(request: HttpRequest, catalog) -> str | None:
    own = getattr(request.user, "track", "")
    return own if own in catalog.tracks else None


def _track_shown(request: HttpRequest, catalog) -> str | None:
    """The track the list shows: the one asked for, else the signed-in user's own; None for every track."""
    asked = request.GET.get("track")
    if asked is None:
        return _track_shown_by_default(request, catalog)
    asked = asked.strip()
    return None if asked in ("", ALL_TRACKS) else asked


def _empty_state(wanted: QuestionFilter, searched, catalog, query: dict[str, str]) -> dict[str, str]:
    """One sentence saying what to do, and the one button that does it."""
    without = dict(query)
    if wanted.text:
        without.pop("q", None)
        button = "Clear the search"
        if searched is not None and not searched.has_words:
            sentence = "Search for words, for example 'churn'."
        else:
            sentence = f"No {_kind(wanted, catalog)} match '{wanted.text}'."
    else:
        for name in (*FILTER_FIELDS, "mine"):
            without.pop(name, None)
        without["track"] = ALL_TRACKS
        button = "Clear the filters"
        sentence = f"No {_kind(wanted, catalog)} match these filters."
    return {"sentence": sentence, "button": button, "url": f"{reverse('bank:questions')}?{urlencode(without)}"}


def _kind(wanted: QuestionFilter, catalog) -> str:
    words = []
    if wanted.difficulty:
        words.append(wanted.difficulty)
    if wanted.type:
        words.append(catalog.question_types[wanted.type].name.lower())
    return " ".join([*words, "questions"])


@require_GET
def questions(request: HttpRequest) -> HttpResponse:
    catalog = active_catalog()
    values = {name: request.GET.get(name, "").strip() or None for name in FILTER_FIELDS}
    values["track"] = _track_shown(request, catalog)
    text = request.GET.get("q", "").strip()[:MAX_QUERY_CHARS] or None
    mine = request.GET.get("mine", "").strip() if request.user.is_authenticated else ""
    wanted = QuestionFilter(**values, text=text)
    problems = invalid_filter_values(catalog, wanted)
    if mine and mine not in MINE:
        problems["mine"] = f"unknown mine '{mine}'; expected one of: {', '.join(MINE)}"
    found = Found([]) if problems else listing.found(catalog, wanted)
    now = timezone.now()
    listed = found.questions
    if mine:
        marks = Marks.of(request.user, now)
        listed = [q for q in listed if marks.keeps(mine, q.id)]
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    if not mine:  # the marks of this page's questions only
        marks = Marks.of(request.user, now, only=[q.id for q in page.object_list])
    # What every link of the page keeps: the filters and the track shown (a plain dict: QueryDict.copy
    # deep-copies, three times a page).
    query: dict[str, str] = {k: request.GET[k] for k in request.GET if k not in ("page", "track")}
    query["track"] = values["track"] or ALL_TRACKS
    own = _track_shown_by_default(request, catalog)
    chosen = {**values, "mine": mine or None}
    chosen["track"] = chosen["track"] or ALL_TRACKS
    can_clear = any(v for k, v in request.GET.items() if k not in ("page", "track")) or values["track"] != own
    signed_in = request.user.is_authenticated
    return render(
        request,
        "bank/questions.html",
        {
            "page": page,
            "total": len(listed),
            "corrections": [(term, ", ".join(words)) for term, words in found.search.corrections.items()]
            if found.search
            else [],
            "problems": problems,
            "is_filtered": not wanted.is_empty() or bool(mine),
            "track": catalog.tracks.get(values["track"] or ""),
            "own_track": catalog.tracks.get(own or ""),
            "all_tracks_url": _with(query, track=ALL_TRACKS),
            "own_track_url": _with(query, track=own or ALL_TRACKS),
            "filters": listing.filters_html(
                catalog,
                tuple((k, v) for k, v in chosen.items() if v and k not in problems),
                text or "",
                can_clear,
                signed_in,
                reverse("bank:questions"),
            ),
            "empty": None if listed or problems else _empty_state(wanted, found.search, catalog, query),
            "rows": _rows(request, catalog, page.object_list, values["track"], marks),
            "pager": listing.pager_html(urlencode(query), page.number, page.paginator.num_pages),
            "here": request.get_full_path(),
            "signed_in": signed_in,
        },
        status=400 if problems else 200,
    )


def _rows(request: HttpRequest, catalog, questions, track: str | None, marks: Marks) -> list[str]:
    """The page's rows, each rendered once per variant (listing.row_html); the question's addresses are
    reversed once for the page, each id put in its place."""
    question_url = reverse("bank:question", args=[SLOT])
    bookmark_url = reverse("bank:bookmark", args=[SLOT])
    signed_in = request.user.is_authenticated
    return [
        row_html(
            catalog,
            q.id,
            track,
            marks.of_question(q.id),
            signed_in,
            question_url.replace(SLOT, q.id),
            bookmark_url.replace(SLOT, q.id),
        )
        for q in questions
    ]


def _with(query: dict[str, str], **changes: str) -> str:
    return f"?{urlencode({**query, **changes})}"


@require_GET
def question(request: HttpRequest, question_id: str) -> HttpResponse:
    catalog = active_catalog()
    q = catalog.questions.get(question_id)
    if q is None:
        raise Http404(f"There is no question '{question_id}' in the bank.")
    qtype = catalog.question_types[q.type]
    signed_in = request.user.is_authenticated
    body, related_questions = listing.question_html(catalog, q.id, signed_in, reverse("bank:questions"))
    return render(
        request,
        "bank/question.html",
        {
            "q": q,
            "type": qtype,
            "difficulty": DIFFICULTIES.get(q.difficulty.value, q.difficulty.value),
            "tracks": [catalog.tracks[t] for t in q.tracks],
            "marks": Marks.of(request.user, timezone.now(), only=[q.id]).of_question(q.id),
            "body": body,
            "related": related_questions,
            "here": request.get_full_path(),
        },
    )


@login_required
@require_POST
def bookmark(request: AuthenticatedRequest, question_id: str) -> HttpResponse:
    """Bookmark a bank question (``bookmarked=1``) or remove the bookmark (``bookmarked=0``), then go back
    to the page the form was on. The state is sent, not flipped, so a second click changes nothing."""
    if question_id not in active_catalog().questions:
        raise Http404(f"There is no question '{question_id}' in the bank.")
    if request.POST.get("bookmarked") == "1":
        Bookmark.objects.get_or_create(user=request.user, question_id=question_id)
    else:
        Bookmark.objects.of(request.user).filter(question_id=question_id).delete()
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = reverse("bank:question", args=[question_id])
    return redirect(back)


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
