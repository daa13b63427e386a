"""Real rounds: the debrief form (typed from memory, or a transcript reviewed before it is judged), the
list, a round's judged exchanges, its outcome and deleting it. Nothing is stored until the user confirms."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from pmprep.analysis import classify
from pmprep.config import active_catalog
from pmprep.debrief import Exchange, Transcript, TranscriptError, judge_all, read_transcript
from pmprep.web.debrief.forms import (
    OTHER,
    OutcomeForm,
    RememberedFormSet,
    ReviewFormSet,
    RoundForm,
    SpeakerForm,
    TranscriptForm,
    remembered_with_one_more,
)
from pmprep.web.debrief.models import RealExchange, RealRound
from pmprep.web.debrief.queue import WEAK, record_weak_spots
from pmprep.web.requests import AuthenticatedRequest


def round_label(real_round: RealRound) -> str:
    if real_round.round_id:
        rnd = active_catalog().rounds.get(real_round.round_id)
        return rnd.name if rnd else real_round.round_id
    return real_round.round_name or "Another round"


@login_required
def index(request: AuthenticatedRequest) -> HttpResponse:
    rounds = list(RealRound.objects.filter(user=request.user).prefetch_related("exchanges"))
    return render(
        request,
        "debrief/index.html",
        {"rounds": [(r, round_label(r)) for r in rounds]},
    )


def _exchanges(rows: list[dict]) -> list[Exchange]:
    """Rows of question and answer, a row marked "join" added to the one before it."""
    out: list[Exchange] = []
    for n, row in enumerate(rows, 1):
        q, a = (row.get("question") or "").strip(), (row.get("answer") or "").strip()
        if not q and not a:
            continue
        if row.get("join") and out:
            before = out[-1]
            out[-1] = Exchange(
                " ".join(x for x in (before.question, q) if x),
                " ".join(x for x in (before.answer, a) if x),
                before.line,
            )
        elif q and a:
            out.append(Exchange(q, a, n))
    return out


def _store(user, form: RoundForm, exchanges: list[Exchange], source: str) -> RealRound:
    judged = judge_all(exchanges)
    data = form.cleaned_data
    with transaction.atomic():
        real_round = RealRound.objects.create(
            user=user,
            round_id="" if data["round_id"] == OTHER else data["round_id"],
            round_name=data["round_name"].strip() if data["round_id"] == OTHER else "",
            held_on=data["held_on"],
            interviewer_role=data["interviewer_role"].strip(),
            self_ratings=form.self_ratings(),
            went_well=data["went_well"],
            surprised=data["surprised"],
            source=source,
        )
        RealExchange.objects.bulk_create(
            RealExchange(
                user=user,
                real_round=real_round,
                order=n,
                question=e.question,
                answer=e.answer,
                question_type=e.feedback.question_type,
                competencies=classify(e.question).competencies,
                level=e.feedback.level,
                score=e.feedback.score,
                feedback=e.feedback.to_dict(),
                fillers=list(e.fillers),
                rambling=e.rambling.to_dict(),
            )
            for n, e in enumerate(judged.exchanges, 1)
        )
        record_weak_spots(real_round)
    return real_round


def _speakers(transcript: Transcript) -> tuple[str, str]:
    """The transcript's two speakers in the order they first speak."""
    first = transcript.turns[0].speaker
    return (first, transcript.interviewer if first == transcript.candidate else transcript.candidate)


def _review(request, form: RoundForm, source: str, transcript: Transcript) -> HttpResponse:
    """The review of a transcript's split, with the choice of which speaker is the candidate."""
    review = ReviewFormSet(
        prefix="x", initial=[{"question": e.question, "answer": e.answer} for e in transcript.exchanges]
    )
    speakers = SpeakerForm(initial={"source": source, "candidate": transcript.candidate}, names=_speakers(transcript))
    return render(
        request,
        "debrief/review.html",
        {"form": form, "review": review, "transcript": transcript, "speakers": speakers},
    )


@login_required
@require_http_methods(["GET", "POST"])
def new(request: AuthenticatedRequest) -> HttpResponse:
    track = request.user.track
    post = request.POST if request.method == "POST" else None
    if post is not None and "add_row" in post:
        # "Add a question": the same form again, as filled in, with one more empty row; nothing is checked yet.
        initial = {k: v for k, v in post.items() if not k.startswith(("q-", "csrf"))}
        remembered = remembered_with_one_more(post)
        if request.FILES.get("upload"):
            messages.info(request, "A browser does not send a chosen file twice: choose the transcript file again.")
        if remembered.extra:
            remembered.forms[-1].fields["question"].widget.attrs["autofocus"] = True
        return render(
            request,
            "debrief/new.html",
            {
                "form": RoundForm(initial=initial, track=track),
                "paste": TranscriptForm(initial=initial),
                "remembered": remembered,
            },
        )
    form = RoundForm(post, track=track)
    paste = TranscriptForm(post, request.FILES if post is not None else None)
    remembered = RememberedFormSet(post, prefix="q")
    if post is None:
        return render(request, "debrief/new.html", {"form": form, "paste": paste, "remembered": remembered})
    valid = [form.is_valid(), paste.is_valid(), remembered.is_valid()]
    problem = None
    if all(valid):
        text = paste.text()
        if text.strip():
            try:
                transcript = read_transcript(text, paste.cleaned_data["candidate"].strip() or None)
            except TranscriptError as exc:
                paste.add_error(None, f"{exc}.")
            else:
                return _review(request, form, text, transcript)
        else:
            saved = _saved(request, form, [f.cleaned_data for f in remembered.forms], RealRound.NOTES)
            if saved is not None:
                return saved
            problem = "Write at least one question with your answer, or paste or upload a transcript."
    return render(
        request,
        "debrief/new.html",
        {"form": form, "paste": paste, "remembered": remembered, "problem": problem},
        status=400,
    )


def _posted_speakers(data) -> SpeakerForm | None:
    """The review page's speaker choice as posted, its two names read again from the transcript it carried
    (None when it carried none, or one that no longer reads)."""
    source = data.get("s-source", "")
    if not source:
        return None
    try:
        transcript = read_transcript(source)
    except TranscriptError:
        return None
    return SpeakerForm(data, names=_speakers(transcript))


@login_required
@require_POST
def confirm(request: AuthenticatedRequest) -> HttpResponse:
    form = RoundForm(request.POST, track=request.user.track)
    speakers = _posted_speakers(request.POST)
    review = ReviewFormSet(request.POST, prefix="x")
    review_problem = None
    if "resplit" in request.POST:
        # "Which speaker is you" changed: split the same transcript again; the corrections are dropped.
        if speakers is None or not speakers.is_valid():
            review_problem = "Choose one of the two speakers."
        elif form.is_valid():
            source, chosen = speakers.cleaned_data["source"], speakers.cleaned_data["candidate"]
            try:
                return _review(request, form, source, read_transcript(source, chosen))
            except TranscriptError as exc:
                review_problem = f"Taking {chosen} as you: {exc}. The split below is unchanged."
    elif form.is_valid() and review.is_valid():
        saved = _saved(request, form, [f.cleaned_data for f in review.forms], RealRound.TRANSCRIPT)
        if saved is not None:
            return saved
        review_problem = "Keep at least one question with its answer."
    return render(
        request,
        "debrief/review.html",
        {"form": form, "review": review, "problem": review_problem, "speakers": speakers},
        status=400,
    )


def _saved(request: AuthenticatedRequest, form, rows: list[dict], source: str) -> HttpResponse | None:
    """The round stored with its judged exchanges and the way to its page; None when no row holds one."""
    exchanges = _exchanges(rows)
    if not exchanges:
        return None
    real_round = _store(request.user, form, exchanges, source)
    messages.success(request, "Your debrief is saved and each answer judged.")
    return redirect("debrief:round", real_round.uid)


def _round(request: AuthenticatedRequest, uid) -> RealRound:
    return get_object_or_404(RealRound.objects.filter(user=request.user), uid=uid)


@login_required
def detail(request: AuthenticatedRequest, uid) -> HttpResponse:
    real_round = _round(request, uid)
    exchanges = []
    for e in real_round.exchanges.all():
        fb = e.analysed
        exchanges.append((e, fb, sum(1 for c in fb.criteria if c.level <= WEAK)))
    return render(
        request,
        "debrief/round.html",
        {
            "real_round": real_round,
            "label": round_label(real_round),
            "exchanges": exchanges,
            "weak_level": WEAK,
            "outcome_form": OutcomeForm(initial={"outcome": real_round.outcome}),
            "ratings": [(name, real_round.self_ratings.get(cid)) for cid, name in RoundForm(track=None).criteria],
        },
    )


@login_required
@require_POST
def outcome(request: AuthenticatedRequest, uid) -> HttpResponse:
    real_round = _round(request, uid)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose one of the outcomes.")
        return redirect("debrief:round", real_round.uid)
    real_round.outcome = form.cleaned_data["outcome"]
    real_round.save(update_fields=["outcome"])
    messages.success(request, f"Outcome recorded: {real_round.get_outcome_display()}.")
    return redirect("debrief:round", real_round.uid)


@login_required
@require_POST
def delete(request: AuthenticatedRequest, uid) -> HttpResponse:
    real_round = _round(request, uid)
    label = round_label(real_round)
    real_round.delete()
    messages.success(request, f"The debrief of {label} is deleted.")
    return redirect("debrief:index")
