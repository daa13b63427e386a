from __future__ import annotations

from functools import lru_cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db import models, transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pmprep.analysis import AnswerTooLong, Feedback, analyze
from pmprep.analysis.rubric import rubrics
from pmprep.analysis.shapes import shape_of
from pmprep.config import active_catalog
from pmprep.web import text_workers
from pmprep.web.practice import exports, queue, recording
from pmprep.web.practice.api import json_error
from pmprep.web.practice.forms import AnswerForm, DraftForm, FollowUpForm, SelfRatingForm
from pmprep.web.practice.highlight import segments, shown, unwrapped
from pmprep.web.practice.models import Attempt, Draft
from pmprep.web.practice.recording import Asked
from pmprep.web.requests import AuthenticatedRequest


@lru_cache(maxsize=256)
def _strong_feedback(question_id: str) -> tuple[str, Feedback] | None:
    strong = active_catalog().strong_answers.get(question_id)
    if strong is None:
        return None
    # Judged against the question's own budget, as `pmprep analyze -q ID` judges it; shown as paragraphs.
    catalog = active_catalog()
    text = unwrapped(strong.answer)
    return text, analyze(catalog.questions[question_id], text, seconds=catalog.answer_seconds(question_id))


def _strong_view(question_id: str, criterion_id: str | None) -> dict | None:
    found = _strong_feedback(question_id)
    if found is None:
        return None
    text, fb = found
    return {"feedback": fb, "segments": segments(text, shown(fb.criteria, criterion_id))}


def _budget_seconds(question_id: str, user) -> int | None:
    """The answer budget from the question's round (the user's track first)."""
    return active_catalog().answer_seconds(question_id, getattr(user, "track", ""))


@login_required
@require_http_methods(["GET", "POST"])
def answer(request: AuthenticatedRequest) -> HttpResponse:
    catalog = active_catalog()
    draft = None
    if request.method == "POST":
        form = AnswerForm(request.POST)
    else:
        qid = request.GET.get("question", "")
        q = catalog.questions.get(qid)
        if qid and q is None:
            raise Http404(f"There is no question '{qid}' in the bank.")
        draft = Draft.objects.filter(user=request.user, question_id=qid).first()
        form = AnswerForm(
            initial={
                "question_id": qid,
                "question_text": q.text if q else (draft.question_text if draft else ""),
                "seconds_budget": _budget_seconds(qid, request.user) if q else None,
                "answer": draft.answer if draft else "",
                "seconds_taken": draft.seconds_taken if draft else None,
            }
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        asked = Asked.of(data["question_id"], data["question_text"])
        budget = _budget_seconds(asked.id, request.user) if asked.question else data["seconds_budget"]
        try:
            attempt = recording.record_answer(
                request.user,
                asked,
                data["answer"],
                budget=budget,
                seconds_taken=data["seconds_taken"],
                question_type=data["question_type"] or None,
                shape=data["shape"] or None,
            )
        except (AnswerTooLong, ValueError, text_workers.TextWorkError) as exc:
            form.add_error("answer", str(exc))
        else:
            return redirect("practice:attempt", pk=attempt.pk)
    qid = form["question_id"].value() or ""
    q = catalog.questions.get(qid)
    return render(
        request,
        "practice/answer.html",
        {
            "form": form,
            "bank_question": q,
            "draft": draft,
            "budget": form["seconds_budget"].value() or (_budget_seconds(qid, request.user) if q else None),
            "type_name": catalog.question_types[q.type].name if q else "",
            "shape": shape_of(q.text, q.type) if q else None,
        },
        status=400 if form.errors else 200,
    )


def _attempt_page(
    request: HttpRequest,
    item: Attempt,
    follow_up_form: FollowUpForm | None = None,
    rating_form: SelfRatingForm | None = None,
    status: int = 200,
) -> HttpResponse:
    fb = item.analysed
    # A follow-up reply is part of a conversation: no "previous attempt" or strong answer to compare.
    first = item.parent_id is None
    previous = item.previous() if first else None
    changes = []
    if previous is not None:
        before = {c.id: c.level for c in previous.analysed.criteria}
        changes = [
            {"name": c.name, "before": before.get(c.id), "after": c.level, "delta": c.level - before.get(c.id, c.level)}
            for c in fb.criteria
        ]
    sentence_steps = [(item.answer[o.start : o.end], o.step_name) for o in fb.outline]
    try:
        spoken = item.recording  # the speech app's reverse link: an answer given out loud
    except ObjectDoesNotExist:
        spoken = None
    chain, replies, probes = item.conversation()
    rated = [{"id": c.id, "name": c.name, "auto": c.level, "self": item.self_ratings.get(c.id)} for c in fb.criteria]
    # Highlights on demand: the answer reads as plain text until one criterion's evidence is asked for.
    showing = next((c for c in shown(fb.criteria, request.GET.get("show"))), None)
    return render(
        request,
        "practice/attempt.html",
        {
            "attempt": item,
            "fb": fb,
            "segments": segments(item.answer, [showing] if showing else []),
            "showing": showing,
            "highlightable": [c for c in fb.criteria if c.evidence and shown([c], c.id)],
            "previous": previous,
            "changes": changes,
            "score_delta": round(item.score - previous.score, 1) if previous else None,
            "strong": _strong_view(item.question_id, showing.id if showing else None)
            if item.question_id and first
            else None,
            "outline": sentence_steps,
            "numbered": list(enumerate(fb.criteria, start=1)),
            "chain": chain[:-1],
            "root": chain[0],
            "follow_ups": replies,
            "probes": probes,
            "follow_up_form": follow_up_form or FollowUpForm(),
            "rating_form": rating_form or SelfRatingForm(fb.criteria, initial=item.self_ratings),
            "anchors": sorted(rubrics().anchors.items()),
            "rated": rated,
            "has_self": bool(item.self_ratings),
            "spoken": spoken,
        },
        status=status,
    )


@login_required
@require_GET
def attempt(request: HttpRequest, pk: int) -> HttpResponse:
    return _attempt_page(request, get_object_or_404(Attempt.objects.of(request.user), pk=pk))


@login_required
@require_POST
def follow_up(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Answer one of the follow-up probes; the reply is judged with the conversation so far."""
    item = get_object_or_404(Attempt.objects.of(request.user), pk=pk)
    chain, _, probes = item.conversation()
    form = FollowUpForm(request.POST)
    if not form.is_valid():
        return _attempt_page(request, item, follow_up_form=form, status=400)
    probe = next((p for p in probes if p.text == form.cleaned_data["probe"]), None)
    if probe is None:
        form.add_error("probe", "That follow-up is not open for this answer any more; pick one of those shown.")
        return _attempt_page(request, item, follow_up_form=form, status=400)
    try:
        [child] = recording.record_replies(
            chain, [(probe, form.cleaned_data["reply"], form.cleaned_data["seconds_taken"])]
        )
    except (AnswerTooLong, ValueError, text_workers.TextWorkError) as exc:
        form.add_error("reply", str(exc))
        return _attempt_page(request, item, follow_up_form=form, status=400)
    return redirect("practice:attempt", pk=child.pk)


@login_required
@require_POST
def self_rating(request: HttpRequest, pk: int) -> HttpResponse:
    """The user's own 1–4 per criterion, kept beside the automatic levels."""
    item = get_object_or_404(Attempt.objects.of(request.user), pk=pk)
    form = SelfRatingForm(item.analysed.criteria, request.POST)
    if not form.is_valid():
        return _attempt_page(request, item, rating_form=form, status=400)
    item.self_ratings = {k: int(v) for k, v in form.cleaned_data.items()}
    item.save(update_fields=["self_ratings"])
    queue.record_self_rating(item)
    messages.success(request, "Your ratings are saved beside pmprep's.")
    return redirect(f"{reverse('practice:attempt', args=[item.pk])}#self-rating")


@login_required
@require_http_methods(["GET", "POST"])
def delete_attempt(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete one answer and its follow-up replies, after confirming; the review queue forgets it."""
    item = get_object_or_404(Attempt.objects.of(request.user).select_related("loop_round__loop"), pk=pk)
    replies = _replies(item)
    in_loop = item.loop_round is not None
    if request.method == "POST" and not in_loop:
        with transaction.atomic():
            question_id, parent_id = item.question_id, item.parent_id
            item.delete()  # its replies go with it (they point at it)
            if question_id and parent_id is None:
                queue.rebuild_card(request.user, question_id)
        extra = f" and {len(replies)} follow-up repl{'y' if len(replies) == 1 else 'ies'}" if replies else ""
        messages.success(request, f"Deleted your answer{extra}.")
        return redirect("practice:attempts")
    return render(
        request,
        "practice/delete.html",
        {"attempt": item, "replies": replies, "in_loop": in_loop},
        status=409 if request.method == "POST" else 200,
    )


def _replies(item: Attempt) -> list[Attempt]:
    """Every follow-up reply under an attempt, however deep the conversation went."""
    found, frontier = [], [item.pk]
    while frontier:
        level = list(Attempt.objects.filter(parent_id__in=frontier).only("id", "probe", "created"))
        found += level
        frontier = [a.pk for a in level]
    return found


@login_required
@require_GET
def attempts(request: HttpRequest) -> HttpResponse:
    page = Paginator(
        Attempt.objects.of(request.user).only("id", "question_text", "question_type", "score", "level", "created"), 25
    ).get_page(request.GET.get("page"))
    pages = page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    return render(request, "practice/attempts.html", {"page": page, "pages": pages})


@require_POST
def save_draft(request: HttpRequest) -> JsonResponse:
    """Autosave: store what the user has typed so far; answers JSON for the page's script."""
    if not request.user.is_authenticated:
        return json_error("Log in to save a draft.", 401)
    form = DraftForm(request.POST)
    if not form.is_valid():
        return json_error(
            "The draft was not saved.", fields={k: " ".join(str(e) for e in v) for k, v in form.errors.items()}
        )
    data = form.cleaned_data
    qid = data["question_id"]
    if qid and qid not in active_catalog().questions:
        return json_error(
            "The draft was not saved.", fields={"question_id": f"there is no question '{qid}' in the bank"}
        )
    draft, _ = Draft.objects.update_or_create(
        user=request.user,
        question_id=qid,
        defaults={
            "question_text": "" if qid else data["question_text"],
            "answer": data["answer"],
            "seconds_taken": data["seconds_taken"],
            "updated": timezone.now(),
        },
    )
    Draft.objects.filter(pk=draft.pk).update(revision=models.F("revision") + 1)
    draft.refresh_from_db(fields=["revision"])
    return JsonResponse({"saved": True, "revision": draft.revision, "updated": draft.updated.isoformat()})


@login_required
@require_GET
def attempt_markdown(request: HttpRequest, pk: int) -> HttpResponse:
    """The feedback page as a Markdown file."""
    return exports.markdown_download(get_object_or_404(Attempt.objects.of(request.user), pk=pk))


@login_required
@require_GET
def attempt_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The feedback page as a PDF file."""
    return exports.pdf_download(get_object_or_404(Attempt.objects.of(request.user), pk=pk), timezone.now())
