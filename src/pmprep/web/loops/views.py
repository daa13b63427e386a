"""The candidate's side of a mock loop: start it, run each round, score it, and see the committee."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_POST

from pmprep.analysis import AnswerTooLong
from pmprep.analysis.rubric import rubrics
from pmprep.clock import minutes_seconds
from pmprep.committee import Source
from pmprep.config import active_catalog
from pmprep.loops import answer_seconds
from pmprep.web import text_workers
from pmprep.web.links import absolute_url, local_only
from pmprep.web.loops import exports, rounds
from pmprep.web.loops.committee import committee_view
from pmprep.web.loops.forms import (
    InformalNoteForm,
    PeerLinkForm,
    QAForm,
    ReferralForm,
    RoundAnswerForm,
    ScorecardForm,
    StartLoopForm,
)
from pmprep.web.loops.models import InformalNote, LoopRound, MockLoop, PeerLink, RoundScorecard
from pmprep.web.loops.peer import peer_url
from pmprep.web.practice.models import Draft
from pmprep.web.requests import AuthenticatedRequest


def _tracks() -> list[tuple[str, str]]:
    return [(t.id, t.name) for t in active_catalog().tracks.values()]


def _index_page(request: AuthenticatedRequest, form: StartLoopForm | None = None, status: int = 200) -> HttpResponse:
    catalog = active_catalog()
    # Read only when the list's cached markup (loops/index.html) is out of date.
    loops = SimpleLazyObject(
        lambda: [
            (
                item,
                rounds.length(item, catalog),
                catalog.tracks[item.track].name if item.track in catalog.tracks else item.track,
            )
            for item in MockLoop.objects.filter(user=request.user).prefetch_related("rounds")
        ]
    )
    form = form or StartLoopForm(_tracks(), initial={"track": request.user.track or None})
    return render(request, "loops/index.html", {"loops": loops, "form": form}, status=status)


@login_required
@require_GET
def index(request: AuthenticatedRequest) -> HttpResponse:
    return _index_page(request)


@login_required
@require_POST
def start(request: AuthenticatedRequest) -> HttpResponse:
    form = StartLoopForm(_tracks(), request.POST)
    if not form.is_valid():
        return _index_page(request, form=form, status=400)
    loop = rounds.start_loop(
        request.user,
        active_catalog(),
        form.cleaned_data["track"],
        timezone.now(),
        include_optional=form.cleaned_data["include_optional"],
    )
    messages.success(request, "Your loop is planned. Take the rounds in order, at their real length.")
    return redirect("loops:loop", uid=loop.uid)


def _loop(request: AuthenticatedRequest, uid) -> MockLoop:
    return get_object_or_404(MockLoop.objects.filter(user=request.user), uid=uid)


def _round(request: AuthenticatedRequest, uid, order: int) -> LoopRound:
    r = get_object_or_404(
        LoopRound.objects.select_related("loop").filter(user=request.user, loop__uid=uid), order=order
    )
    if r.round_id not in active_catalog().rounds:
        raise Http404("This round is no longer part of the question catalog.")
    return r


@login_required
@require_GET
def loop(request: AuthenticatedRequest, uid) -> HttpResponse:
    item = _loop(request, uid)
    catalog = active_catalog()
    rows: list[dict[str, Any]] = [
        {
            "round": r,
            "spec": catalog.rounds[r.round_id],
            "progress": rounds.progress(r),
            "questions": [catalog.questions[q] for q in r.question_ids if q in catalog.questions],
            "cards": list(r.scorecards.all()),
        }
        for r in item.rounds.all()
        if r.round_id in catalog.rounds
    ]
    current = next((row["round"] for row in rows if row["round"].status != LoopRound.DONE), None)
    return render(
        request,
        "loops/loop.html",
        {
            "loop": item,
            "track": catalog.tracks.get(item.track),
            "rows": rows,
            "current": current,
            "length": rounds.length(item, catalog),
        },
    )


def _round_page(
    request: AuthenticatedRequest,
    r: LoopRound,
    *,
    answer_form: RoundAnswerForm | None = None,
    qa_form: QAForm | None = None,
    scorecard_form: ScorecardForm | None = None,
    status: int = 200,
) -> HttpResponse:
    catalog = active_catalog()
    spec = catalog.rounds[r.round_id]
    progress = rounds.progress(r)
    now = timezone.now()
    used = r.seconds_used(now)
    questions = [catalog.questions[q] for q in r.question_ids if q in catalog.questions]
    current = catalog.questions.get(progress.next_question or "")
    draft = None
    if current is not None and answer_form is None:
        draft = Draft.objects.filter(user=request.user, question_id=current.id).first()
        answer_form = RoundAnswerForm(
            initial={
                "question_id": current.id,
                "answer": draft.answer if draft else "",
                "seconds_taken": draft.seconds_taken if draft else None,
            }
        )
    competencies = [(c, catalog.competency_name(c)) for c in spec.competencies]
    cards = list(r.scorecards.all())
    has_self = any(c.source == Source.SELF.value for c in cards)
    links = list(r.peer_links.all())
    return render(
        request,
        "loops/round.html",
        {
            "loop": r.loop,
            "r": r,
            "spec": spec,
            "questions": questions,
            "progress": progress,
            "current": current,
            "answer_form": answer_form,
            "draft": draft,
            "budget": answer_seconds(rounds.planned(r, catalog)),
            "used": used,
            "total": r.minutes * 60,
            "over": max(0, used - r.minutes * 60),
            "clock": {
                "used": minutes_seconds(used),
                "remaining": minutes_seconds(max(0, r.minutes * 60 - used)),
                "over": minutes_seconds(max(0, used - r.minutes * 60)),
            },
            "anchors": sorted(rubrics().anchors.items()),
            "qa_form": qa_form or (QAForm(rounds.qa_probes()) if progress.qa_open else None),
            "cards": [
                (c, [(catalog.competency_name(k), v, c.evidence.get(k, "")) for k, v in c.ratings.items()])
                for c in cards
            ],
            "scorecard_form": scorecard_form or (None if has_self else ScorecardForm(competencies, r.is_case)),
            "links": [(link, link.state(now), peer_url(request, link)) for link in links],
            "links_local_only": local_only(absolute_url(request, "/")),
            "link_form": PeerLinkForm(),
            "next_round": r.loop.rounds.filter(order__gt=r.order).first(),
        },
        status=status,
    )


@login_required
@require_GET
def round_page(request: AuthenticatedRequest, uid, order: int) -> HttpResponse:
    return _round_page(request, _round(request, uid, order))


@login_required
@require_POST
def clock(request: AuthenticatedRequest, uid, order: int) -> HttpResponse:
    """Start, pause or resume the round's clock."""
    r = _round(request, uid, order)
    action = request.POST.get("action")
    now = timezone.now()
    if r.status == LoopRound.DONE:
        messages.info(request, "This round is finished.")
    elif action == "start":
        r.start(now)
    elif action == "pause":
        r.pause(now)
    else:
        messages.error(request, "Choose to start, pause or resume the round.")
    r.save(update_fields=["status", "elapsed", "running_since", "started"])
    return redirect("loops:round", uid=uid, order=order)


@login_required
@require_POST
def answer(request: AuthenticatedRequest, uid, order: int) -> HttpResponse:
    r = _round(request, uid, order)
    catalog = active_catalog()
    form = RoundAnswerForm(request.POST)
    if form.is_valid() and form.cleaned_data["question_id"] not in r.question_ids:
        form.add_error("question_id", "That question is not part of this round.")
    if form.is_valid():
        try:
            rounds.record_answer(
                r,
                catalog,
                form.cleaned_data["question_id"],
                form.cleaned_data["answer"],
                form.cleaned_data["seconds_taken"],
                timezone.now(),
            )
        except rounds.RoundClosed as exc:
            messages.error(request, str(exc))
            return redirect("loops:round", uid=uid, order=order)
        except (AnswerTooLong, ValueError, text_workers.TextWorkError) as exc:
            form.add_error("answer", str(exc))
        else:
            return redirect(f"{reverse('loops:round', args=[uid, order])}#now")
    return _round_page(request, r, answer_form=form, status=400)


@login_required
@require_POST
def qa(request: AuthenticatedRequest, uid, order: int) -> HttpResponse:
    r = _round(request, uid, order)
    if not rounds.progress(r).qa_open:
        messages.error(request, "The panel's questions come once, after the presentation.")
        return redirect("loops:round", uid=uid, order=order)
    form = QAForm(rounds.qa_probes(), request.POST)
    if form.is_valid():
        try:
            rounds.record_qa(r, form.replies(), timezone.now())
        except (AnswerTooLong, ValueError, rounds.RoundClosed, text_workers.TextWorkError) as exc:
            form.add_error(None, str(exc))
        else:
            return redirect(f"{reverse('loops:round', args=[uid, order])}#now")
    return _round_page(request, r, qa_form=form, status=400)


@login_required
@require_POST
def finish(request: AuthenticatedRequest, uid, order: int) -> HttpResponse:
    r = _round(request, uid, order)
    if r.status == LoopRound.DONE:
        messages.info(request, "This round was already finished.")
    else:
        card = rounds.finish(r, active_catalog(), timezone.now())
        if card is None:
            messages.info(
                request,
                "Round finished. Nothing was answered, so pmprep has no scorecard for it; add your own or a peer's.",
            )
        else:
            messages.success(request, "Round finished. pmprep's scorecard is below; add your own beside it.")
    return redirect(f"{reverse('loops:round', args=[uid, order])}#scorecards")


@login_required
@require_POST
def self_scorecard(request: AuthenticatedRequest, uid, order: int) -> HttpResponse:
    r = _round(request, uid, order)
    catalog = active_catalog()
    competencies = [(c, catalog.competency_name(c)) for c in catalog.rounds[r.round_id].competencies]
    if r.scorecards.filter(source=Source.SELF.value).exists():
        messages.info(request, "You have already scored this round.")
        return redirect("loops:round", uid=uid, order=order)
    form = ScorecardForm(competencies, r.is_case, request.POST)
    if not form.is_valid():
        return _round_page(request, r, scorecard_form=form, status=400)
    try:
        with transaction.atomic():
            RoundScorecard.objects.create(
                user=request.user,
                loop=r.loop,
                loop_round=r,
                source=Source.SELF.value,
                rater=request.user.username,
                ratings=form.ratings(),
                evidence=form.evidence(),
                recommendation=form.cleaned_data["recommendation"],
                summary=form.cleaned_data["summary"].strip(),
                trade_offs_quantified=form.trade_offs_quantified(),
            )
    except IntegrityError:  # another save (a second tab, a double click) got in after the check above
        messages.info(request, "You have already scored this round.")
        return redirect("loops:round", uid=uid, order=order)
    messages.success(request, "Your scorecard is saved; the committee weighs it with the others.")
    return redirect(f"{reverse('loops:round', args=[uid, order])}#scorecards")


@login_required
@require_POST
def create_link(request: AuthenticatedRequest, uid, order: int) -> HttpResponse:
    r = _round(request, uid, order)
    form = PeerLinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose how long the link should work: 1 hour, 1 day, 3 days or 1 week.")
    else:
        PeerLink.objects.create(
            user=request.user, loop_round=r, expires=timezone.now() + timedelta(hours=form.cleaned_data["hours"])
        )
        messages.success(
            request,
            "A private link is ready below. Send it to your peer; anyone with it can "
            "leave one scorecard for this round until it expires or you revoke it.",
        )
    return redirect(f"{reverse('loops:round', args=[uid, order])}#peers")


@login_required
@require_POST
def revoke_link(request: AuthenticatedRequest, uid) -> HttpResponse:
    link = get_object_or_404(PeerLink.objects.select_related("loop_round__loop").filter(user=request.user), uid=uid)
    if link.revoked is None:
        link.revoked = timezone.now()
        link.save(update_fields=["revoked"])
        messages.success(request, "The link is revoked: it no longer opens the round.")
    r = link.loop_round
    return redirect(f"{reverse('loops:round', args=[r.loop.uid, r.order])}#peers")


@login_required
@require_GET
def committee(request: AuthenticatedRequest, uid) -> HttpResponse:
    return committee_view(request, _loop(request, uid))


@login_required
@require_POST
def informal(request: AuthenticatedRequest, uid) -> HttpResponse:
    item = _loop(request, uid)
    form = InformalNoteForm(request.POST)
    if not form.is_valid():
        return committee_view(request, item, note_form=form, status=400)
    InformalNote.objects.create(user=request.user, loop=item, **form.cleaned_data)
    messages.success(request, "Noted. The committee lists it but does not weigh it.")
    return redirect(f"{reverse('loops:committee', args=[uid])}#informal")


@login_required
@require_POST
def referral(request: AuthenticatedRequest, uid) -> HttpResponse:
    item = _loop(request, uid)
    form = ReferralForm(request.POST)
    if not form.is_valid():
        return committee_view(request, item, referral_form=form, status=400)
    RoundScorecard.objects.create(
        user=request.user,
        loop=item,
        loop_round=None,
        source=Source.REFERRAL.value,
        rater=form.cleaned_data["who"],
        recommendation=form.cleaned_data["recommendation"],
        summary=form.cleaned_data["summary"].strip(),
    )
    messages.success(request, "The referral is recorded as documented feedback. It is never a vote.")
    return redirect(f"{reverse('loops:committee', args=[uid])}#referrals")


@login_required
@require_POST
def delete(request: AuthenticatedRequest, uid) -> HttpResponse:
    item = _loop(request, uid)
    item.delete()
    messages.success(request, "The loop is deleted. Its answers stay in your history.")
    return redirect("loops:index")


@login_required
@require_GET
def export_markdown(request: AuthenticatedRequest, uid) -> HttpResponse:
    """The loop, its scorecards and the committee's decision as a Markdown file."""
    return exports.markdown_download(_loop(request, uid))


@login_required
@require_GET
def export_pdf(request: AuthenticatedRequest, uid) -> HttpResponse:
    """The loop, its scorecards and the committee's decision as a PDF file."""
    return exports.pdf_download(_loop(request, uid), timezone.now())
