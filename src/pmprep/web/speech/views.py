"""Spoken practice: record (or upload) an answer, correct its draft transcript and submit it, replay it, and
manage the recordings kept."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pmprep.analysis import AnswerTooLong
from pmprep.analysis.feedback import Probe
from pmprep.config import active_catalog
from pmprep.loops import answer_seconds
from pmprep.pressure import shipped_rules
from pmprep.web import text_workers
from pmprep.web.loops import rounds
from pmprep.web.loops.models import LoopRound
from pmprep.web.practice import recording
from pmprep.web.practice.highlight import segments, shown
from pmprep.web.practice.models import Attempt
from pmprep.web.practice.recording import Asked
from pmprep.web.requests import AuthenticatedRequest
from pmprep.web.speech import hearing
from pmprep.web.speech import replay as replaying
from pmprep.web.speech.forms import ExchangeForm, PressureForm, TranscriptForm, UploadForm
from pmprep.web.speech.models import MB, Recording

WAV = "audio/wav"


@dataclass(frozen=True)
class Answering:
    """What the record page is for: the answer's place, a heading, and the page to go back to."""

    where: hearing.Where
    kind: str  # "drill", "round" or "reply"
    back: str
    back_label: str


def _answering(request: AuthenticatedRequest) -> Answering:
    """The answer to record, from the page's address: ?question=ID (a drill), ?loop=UID&round=N (the round's
    next question) or ?reply_to=PK&probe=TEXT (a follow-up reply); Http404 for anything else."""
    catalog = active_catalog()
    params = request.GET
    if params.get("loop") and params.get("round", "").isdigit():
        if not _is_uuid(params["loop"]):
            raise Http404("There is no such round in your mock loops.")
        r = (
            LoopRound.objects.select_related("loop")
            .filter(user=request.user, loop__uid=params["loop"], order=int(params["round"]))
            .first()
        )
        if r is None or r.round_id not in catalog.rounds:
            raise Http404("There is no such round in your mock loops.")
        question = catalog.questions.get(rounds.progress(r).next_question or "")
        if question is None or r.status == LoopRound.DONE:
            raise Http404("This round has no question left to answer.")
        where = hearing.Where(question.id, question.text, answer_seconds(rounds.planned(r, catalog)), loop_round=r)
        return Answering(where, "round", reverse("loops:round", args=[r.loop.uid, r.order]), "Back to the round")
    if params.get("reply_to", "").isdigit():
        parent = get_object_or_404(Attempt.objects.of(request.user), pk=int(params["reply_to"]))
        _, _, probes = parent.conversation()
        probe = next((p for p in probes if p.text == params.get("probe", "")), None)
        if probe is None:
            raise Http404("That follow-up is not open for this answer any more.")
        where = hearing.Where("", probe.text, None, reply_to=parent, probe=probe.text)
        return Answering(where, "reply", reverse("practice:attempt", args=[parent.pk]), "Back to the feedback")
    question = catalog.questions.get(params.get("question", ""))
    if question is None:
        raise Http404("Choose a question from the bank to answer out loud.")
    where = hearing.Where(question.id, question.text, catalog.answer_seconds(question.id, request.user.track))
    return Answering(where, "drill", f"{reverse('practice:answer')}?question={question.id}", "Type the answer instead")


def _pressed(request: AuthenticatedRequest) -> Answering:
    """The answer a pressure drill is for: a drill or a round's question (a reply is not interrupted again),
    with ?seconds=N (10 to 1200) to practise against a shorter or longer budget than the round's."""
    answering = _answering(request)
    if answering.kind == "reply":
        raise Http404("The pressure drill is for a first answer: answer this follow-up out loud instead.")
    seconds = request.GET.get("seconds", "")
    if seconds.isdigit() and 10 <= int(seconds) <= hearing.MAX_SECONDS:
        where = hearing.Where(
            answering.where.question_id, answering.where.question_text, int(seconds), answering.where.loop_round
        )
        return Answering(where, answering.kind, answering.back, answering.back_label)
    return answering


PROBE_SALT = "pmprep.speech.pressure-probe"
PROBE_MAX_AGE = 24 * 60 * 60  # a drill's probe is good for a day: long enough for any answer


def _probe_token(request: AuthenticatedRequest, where: hearing.Where, probe: Probe) -> str:
    """The probe as asked, signed for this user and question, so the upload cannot claim another one."""
    return signing.dumps([request.user.pk, where.question_id, probe.text, probe.criterion or ""], salt=PROBE_SALT)


def _asked_probe(request: AuthenticatedRequest, where: hearing.Where, token: str) -> Probe | None:
    try:
        user, question, text, criterion = signing.loads(token, salt=PROBE_SALT, max_age=PROBE_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if user != request.user.pk or question != where.question_id:
        return None
    return Probe(text, criterion or None, "The interviewer broke in with it.")


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _space(user) -> dict:
    used, limit = Recording.objects.used_bytes(user), hearing.limit_bytes()
    return {"used_mb": used / MB, "limit_mb": limit / MB, "used_percent": min(100, round(100 * used / limit))}


@login_required
@require_http_methods(["GET", "POST"])
def record(request: AuthenticatedRequest) -> HttpResponse:
    """Record an answer out loud (the page's recorder) or upload a WAV file; either is heard and kept."""
    answering = _answering(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                made = hearing.keep(request.user, form.cleaned_data["audio"].read(), answering.where)
            except hearing.RecordingRefused as exc:
                form.add_error("audio", str(exc))
            else:
                url = reverse("speech:correct", args=[made.pk])
                return JsonResponse({"url": url}) if _wants_json(request) else redirect(url)
        if _wants_json(request):
            problems = [str(e) for e in form.errors.get("audio", [])] or ["The recording was not saved."]
            return JsonResponse({"error": " ".join(problems)}, status=400)
    return render(
        request,
        "speech/record.html",
        {"form": form, "answering": answering, "where": answering.where, "space": _space(request.user)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def break_in(request: AuthenticatedRequest) -> JsonResponse:
    """The interviewer breaking in: the answer so far (a WAV clip) heard, and a probe chosen from it. Always a
    probe: the generic one when the clip is missing, bad or silent (the page must never stop the answer)."""
    answering = _pressed(request)
    clip = request.FILES.get("audio")
    data = clip.read(hearing.MAX_UPLOAD_BYTES + 1) if clip is not None else b""
    probe, heard = hearing.break_in(data, answering.where)
    return JsonResponse({"probe": probe.text, "token": _probe_token(request, answering.where, probe), "heard": heard})


@login_required
@require_http_methods(["GET", "POST"])
def pressure(request: AuthenticatedRequest) -> HttpResponse:
    """The pressure drill: answer out loud while the interviewer breaks in with a probe; the page's recorder
    uploads the answer up to the break-in and the reply after it, kept as two recordings."""
    answering = _pressed(request)
    form = PressureForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            first = form.cleaned_data["audio"].read()
            reply = form.cleaned_data["reply"]
            try:
                if reply is None:  # stopped before the interviewer broke in: an answer like any other
                    made, note = hearing.keep(request.user, first, answering.where), ""
                else:
                    probe = _asked_probe(request, answering.where, form.cleaned_data["probe"])
                    if probe is None:
                        raise hearing.RecordingRefused(
                            "The interviewer's question could not be checked (the page is too old or was changed): "
                            "reload the page and answer again. Nothing was saved."
                        )
                    made, note = hearing.keep_exchange(request.user, first, reply.read(), answering.where, probe)
            except hearing.RecordingRefused as exc:
                form.add_error("audio", str(exc))
            else:
                if note:
                    messages.warning(request, note)
                return JsonResponse({"url": reverse("speech:correct", args=[made.pk])})
        problems = [str(e) for errors in form.errors.values() for e in errors] or ["The recording was not saved."]
        return JsonResponse({"error": " ".join(problems)}, status=400)
    rules = shipped_rules()
    return render(
        request,
        "speech/pressure.html",
        {
            "answering": answering,
            "where": answering.where,
            "rules": rules,
            "generic_token": _probe_token(request, answering.where, rules.generic),
            "space": _space(request.user),
        },
    )


def _submit_exchange(request: AuthenticatedRequest, item: Recording, part: Recording, text: str, reply: str):
    """The pressure drill's exchange judged as a follow-up: the first part's answer, then the reply part as
    the reply to the probe the interviewer broke in with."""
    if item.attempt is None:  # judged once: a reply refused afterwards is sent again on its own
        item.attempt = _submit(request, item, text)
        Recording.objects.filter(pk=item.pk).update(attempt=item.attempt)
    first = item.attempt
    probe = Probe(part.probe, part.probe_criterion or None, "The interviewer broke in with it.")
    [made] = recording.record_replies([first], [(probe, reply, round(part.duration_s))], loop_round=item.loop_round)
    Recording.objects.filter(pk=part.pk).update(attempt=made, reply_to=first)
    return made


def _submit(request: AuthenticatedRequest, item: Recording, text: str) -> Attempt:
    """The corrected transcript recorded as the answer the recording is for, through the typed path."""
    seconds = round(item.duration_s)
    if item.reply_to is not None:
        chain, _, probes = item.reply_to.conversation()
        probe = next((p for p in probes if p.text == item.probe), None)
        if probe is None:
            raise ValueError("That follow-up has been answered since you recorded this reply; nothing was saved.")
        [made] = recording.record_replies(chain, [(probe, text, seconds)])
        return made
    if item.loop_round is not None:
        r = item.loop_round
        if item.question_id not in r.question_ids or item.question_id in rounds.progress(r).answers:
            raise ValueError("That question of the round has been answered since you recorded this; nothing was saved.")
        return rounds.record_answer(r, active_catalog(), item.question_id, text, seconds, timezone.now())
    asked = Asked.of(item.question_id, item.question_text)
    return recording.record_answer(request.user, asked, text, budget=item.seconds_budget, seconds_taken=seconds)


def _mine(request: AuthenticatedRequest, pk: int) -> Recording:
    return get_object_or_404(Recording.objects.of(request.user).select_related("attempt", "loop_round__loop"), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def correct(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The draft transcript to correct, beside the delivery figures; submitted, it is judged as typed text. A
    pressure drill's exchange shows both parts' transcripts, judged together as an answer and its follow-up."""
    item = _mine(request, pk)
    if item.follows_id is not None and item.attempt_id is None:
        return redirect("speech:correct", pk=item.follows_id)
    part = Recording.objects.of(request.user).defer("wav").filter(follows=item, attempt__isnull=True).first()
    if part is not None:
        return _correct_exchange(request, item, part)
    if item.attempt_id is not None and request.method == "POST":
        return redirect("practice:attempt", pk=item.attempt_id)
    form = TranscriptForm(request.POST or None, initial={"answer": item.transcript})
    if request.method == "POST" and form.is_valid():
        try:
            made = _submit(request, item, form.cleaned_data["answer"])
        except rounds.RoundClosed as exc:
            form.add_error("answer", str(exc))
        except (AnswerTooLong, ValueError, text_workers.TextWorkError) as exc:
            form.add_error("answer", str(exc))
        else:
            Recording.objects.filter(pk=item.pk).update(attempt=made)
            return redirect("practice:attempt", pk=made.pk)
    return render(
        request,
        "speech/correct.html",
        {"recording": item, "form": form, "delivery": item.delivery},
        status=400 if form.errors else 200,
    )


def _correct_exchange(request: AuthenticatedRequest, item: Recording, part: Recording) -> HttpResponse:
    initial = {"answer": item.attempt.answer if item.attempt else item.transcript, "reply": part.transcript}
    form = ExchangeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            made = _submit_exchange(request, item, part, form.cleaned_data["answer"], form.cleaned_data["reply"])
        except rounds.RoundClosed as exc:
            form.add_error("answer", str(exc))
        except (AnswerTooLong, ValueError, text_workers.TextWorkError) as exc:
            form.add_error("reply" if item.attempt_id else "answer", str(exc))
        else:
            return redirect("practice:attempt", pk=made.pk)
    return render(
        request,
        "speech/exchange.html",
        {"recording": item, "part": part, "form": form, "delivery": item.delivery, "reply_delivery": part.delivery},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def replay(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The recording with its words in sync, pauses and fillers marked, and the evidence the analyzer found."""
    item = _mine(request, pk)
    criteria, corrected, showing, highlightable = [], None, None, []
    if item.attempt is not None:
        fb = item.attempt.analysed
        highlightable = [c for c in fb.criteria if c.evidence and shown([c], c.id)]
        criteria = shown(fb.criteria, request.GET.get("show"))
        showing = criteria[0] if criteria else None
        corrected = item.attempt.answer
    words, aligned = replaying.words_shown(item.heard, corrected, criteria)
    return render(
        request,
        "speech/replay.html",
        {
            "recording": item,
            "words": words,
            "aligned": aligned,
            "showing": showing,
            "highlightable": highlightable,
            "segments": segments(corrected, criteria) if corrected is not None and not aligned else None,
            "delivery": item.delivery,
        },
    )


_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


@login_required
@require_GET
def audio(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The owner's recording as WAV, with byte ranges (a browser seeks an <audio> element by asking for one)."""
    data = bytes(get_object_or_404(Recording.objects.of(request.user).only("wav"), pk=pk).wav)
    size = len(data)
    wanted = _RANGE.fullmatch(request.headers.get("Range", "").strip())
    if wanted and (wanted.group(1) or wanted.group(2)):
        first, last = wanted.groups()
        if first:
            start, end = int(first), min(int(last) if last else size - 1, size - 1)
        else:  # the last N bytes
            start, end = max(0, size - int(last)), size - 1
        if start >= size or start > end:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        response = HttpResponse(data[start : end + 1], status=206, content_type=WAV)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    else:
        response = HttpResponse(data, content_type=WAV)
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def index(request: AuthenticatedRequest) -> HttpResponse:
    """The user's recordings, their sizes, and the space used against the limit."""
    items = Recording.objects.of(request.user).defer("wav", "heard").select_related("attempt")
    return render(request, "speech/index.html", {"recordings": items, "space": _space(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Delete one recording after confirming; an attempt made from it stays (its text was judged, not the audio)."""
    item = get_object_or_404(Recording.objects.of(request.user).defer("wav"), pk=pk)
    if request.method == "POST":
        size = item.size_mb
        item.delete()
        messages.success(request, f"Deleted the recording ({size:.1f} MB freed).")
        return redirect("speech:index")
    return render(request, "speech/delete.html", {"recording": item})
