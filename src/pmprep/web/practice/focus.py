"""Interview mode: a set of questions answered one after another as in the room, with only the
question, the clock and the answer box on screen, and no feedback until the set is over.

The set lives in the session (``SESSION_KEY``): its questions, and the attempt recorded for each
answered one, in order. Answers are recorded through :mod:`pmprep.web.practice.recording`, like any
drill (attempt, draft and review together), so a set's answers are ordinary attempts: the summary links
each to its full feedback page. Without JavaScript everything works; the clock is an enhancement.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from pmprep.analysis import AnswerTooLong
from pmprep.bank.model import Catalog
from pmprep.bank.query import QuestionFilter, invalid_filter_values, pick_question
from pmprep.bank.schema import Question, Round
from pmprep.config import active_catalog
from pmprep.web import text_workers
from pmprep.web.practice import recording
from pmprep.web.practice.forms import AnswerField
from pmprep.web.practice.models import Attempt, Draft
from pmprep.web.practice.recording import Asked
from pmprep.web.requests import AuthenticatedRequest

SESSION_KEY = "pmprep_focus_set"
SET_SIZES = (1, 2, 3, 4, 5)
DEFAULT_SET = 3
FRESH_DAYS = 14  # as a drill from the Today page: avoid questions answered this recently


class SetChoiceForm(forms.Form):
    """What a set is drawn from (read from the query string, so a plain link can open it)."""

    round = forms.ChoiceField(label="Round", required=False)
    competency = forms.CharField(required=False, max_length=80, widget=forms.HiddenInput)
    question = forms.CharField(required=False, max_length=80, widget=forms.HiddenInput)
    set = forms.TypedChoiceField(
        label="Questions in the set",
        choices=[(n, str(n)) for n in SET_SIZES],
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": f"Choose a set of {SET_SIZES[0]} to {SET_SIZES[-1]} questions."},
    )

    def __init__(self, catalog: Catalog, rounds: list[Round], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.catalog = catalog
        self.fields["round"].choices = [("", "Choose a round")] + [  # type: ignore[attr-defined]  # a ChoiceField
            (r.id, r.name) for r in rounds
        ]
        # Any round of the content may be asked for by a link; the menu lists the user's track.
        self.fields["round"].valid_value = lambda value: value in catalog.rounds  # type: ignore[attr-defined]

    def clean(self):
        data = super().clean() or {}
        question = data.get("question") or ""
        if question and question not in self.catalog.questions:
            self.add_error("question", f"There is no question '{question}' in the bank.")
        bad = invalid_filter_values(self.catalog, QuestionFilter(competency=data.get("competency") or None))
        if "competency" in bad:
            self.add_error("competency", bad["competency"])
        if not (data.get("round") or question or data.get("competency")):
            self.add_error("round", "Choose the round the set's questions come from.")
        return data


class FocusAnswerForm(forms.Form):
    set_id = forms.CharField(widget=forms.HiddenInput, max_length=40)
    position = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=SET_SIZES[-1] - 1)
    question_id = forms.CharField(widget=forms.HiddenInput, max_length=80)
    answer = AnswerField(
        required="Write an answer before going on; the feedback waits for the end of the set.", rows=18
    )
    seconds_taken = forms.IntegerField(required=False, min_value=0, max_value=86400, widget=forms.HiddenInput)


def _rounds(catalog: Catalog, user) -> list[Round]:
    return catalog.rounds_for(user.track) if user.track in catalog.tracks else list(catalog.rounds.values())


def _round_of(catalog: Catalog, question: Question, track: str) -> str:
    """The round a question is asked in for this track (else its first round)."""
    mine = [r for r in question.rounds if r in catalog.rounds and catalog.rounds[r].track == track]
    return (mine or list(question.rounds))[0]


def pick_set(catalog: Catalog, user, choice: dict, today) -> list[Question]:
    """The set's questions: the one asked for first, then fitting ones not answered lately, stable for the day."""
    first = catalog.questions.get(choice.get("question") or "")
    size = choice.get("set") or (1 if first and not choice.get("round") else DEFAULT_SET)
    f = QuestionFilter(
        round=choice.get("round") or (_round_of(catalog, first, user.track) if first else None),
        competency=choice.get("competency") or None,
    )
    recent = set(
        Attempt.objects.of(user)
        .filter(created__gte=timezone.now() - timedelta(days=FRESH_DAYS))
        .values_list("question_id", flat=True)
    )
    chosen = [first] if first else []
    while len(chosen) < size:
        q = pick_question(catalog, f, avoid=recent | {c.id for c in chosen}, seed=f"{user.pk}:{today}:focus")
        if q is None or q in chosen:
            break  # the bank has no more that fit
        chosen.append(q)
    return chosen


def _current(request) -> dict | None:
    state = request.session.get(SESSION_KEY)
    return state if isinstance(state, dict) and state.get("questions") else None


def _finished(state: dict) -> bool:
    return bool(state.get("ended")) or len(state["attempts"]) >= len(state["questions"])


@login_required
@require_GET
def choose(request: AuthenticatedRequest) -> HttpResponse:
    """What the set will be, and the button that starts it (a plain link can fill the choice in)."""
    catalog = active_catalog()
    rounds = _rounds(catalog, request.user)
    asked = bool(request.GET)
    form = SetChoiceForm(catalog, rounds, request.GET or None, initial={"set": DEFAULT_SET})
    choice = form.cleaned_data if asked and form.is_valid() else None
    described = None
    if choice:
        first = catalog.questions.get(choice["question"] or "")
        round_id = choice["round"] or (_round_of(catalog, first, request.user.track) if first else "")
        described = {
            "round": catalog.rounds.get(round_id),
            "competency": catalog.competency_name(choice["competency"]) if choice["competency"] else "",
            "size": choice["set"] or (1 if first and not choice["round"] else DEFAULT_SET),
            "first": first,
        }
    return render(
        request,
        "practice/focus_start.html",
        {"form": form, "choice": choice, "described": described, "current": _current(request)},
        status=400 if asked and form.errors else 200,
    )


@login_required
@require_POST
def start(request: AuthenticatedRequest) -> HttpResponse:
    catalog = active_catalog()
    form = SetChoiceForm(catalog, _rounds(catalog, request.user), request.POST)
    if not form.is_valid():
        return render(request, "practice/focus_start.html", {"form": form, "choice": None}, status=400)
    questions = pick_set(catalog, request.user, form.cleaned_data, timezone.localdate())
    if not questions:
        messages.error(request, "No question in the bank fits that choice; choose another round.")
        return redirect("practice:focus")
    request.session[SESSION_KEY] = {
        "id": uuid.uuid4().hex,
        "questions": [q.id for q in questions],
        "attempts": [],
        "ended": False,
    }
    return redirect("practice:focus_question")


def _question_page(request: AuthenticatedRequest, state: dict, form: FocusAnswerForm | None = None, status=200):
    catalog = active_catalog()
    position = len(state["attempts"])
    qid = state["questions"][position]
    question = catalog.questions.get(qid)
    if question is None:  # the content changed under the set: end it with what was answered
        state["ended"] = True
        request.session.modified = True
        return redirect("practice:focus_summary")
    draft = Draft.objects.filter(user=request.user, question_id=qid).first()
    form = form or FocusAnswerForm(
        initial={
            "set_id": state["id"],
            "position": position,
            "question_id": qid,
            "answer": draft.answer if draft else "",
            "seconds_taken": draft.seconds_taken if draft else None,
        }
    )
    return render(
        request,
        "practice/focus.html",
        {
            "form": form,
            "question": question,
            "number": position + 1,
            "total": len(state["questions"]),
            "budget": catalog.answer_seconds(qid, request.user.track),
            "draft": draft,
        },
        status=status,
    )


@login_required
@require_GET
def question(request: AuthenticatedRequest) -> HttpResponse:
    state = _current(request)
    if state is None:
        messages.info(request, "Choose a round to start a set in interview mode.")
        return redirect("practice:focus")
    if _finished(state):
        return redirect("practice:focus_summary")
    return _question_page(request, state)


@login_required
@require_POST
def answer(request: AuthenticatedRequest) -> HttpResponse:
    state = _current(request)
    form = FocusAnswerForm(request.POST)
    if state is None or request.POST.get("set_id") != state["id"]:
        messages.error(request, "That set is over: start a new one.")
        return redirect("practice:focus")
    position = len(state["attempts"])
    if _finished(state) or request.POST.get("position") != str(position):
        # Sent twice (a second click, the back button): the answer was recorded the first time.
        messages.info(request, "That answer was already recorded; here is where the set stands.")
        return redirect("practice:focus_summary" if _finished(state) else "practice:focus_question")
    if not form.is_valid() or form.cleaned_data["question_id"] != state["questions"][position]:
        return _question_page(request, state, form=form, status=400)
    catalog = active_catalog()
    qid = form.cleaned_data["question_id"]
    try:
        attempt = recording.record_answer(
            request.user,
            Asked.of(qid),
            form.cleaned_data["answer"],
            budget=catalog.answer_seconds(qid, request.user.track),
            seconds_taken=form.cleaned_data["seconds_taken"],
        )
    except (AnswerTooLong, ValueError, text_workers.TextWorkError) as exc:
        form.add_error("answer", str(exc))
        return _question_page(request, state, form=form, status=400)
    state["attempts"].append(attempt.pk)
    request.session.modified = True
    return redirect("practice:focus_summary" if _finished(state) else "practice:focus_question")


@login_required
@require_POST
def end(request: AuthenticatedRequest) -> HttpResponse:
    """Stop the set here: the summary shows what was answered."""
    state = _current(request)
    if state is not None:
        state["ended"] = True
        request.session.modified = True
    return redirect("practice:focus_summary")


@login_required
@require_GET
def summary(request: AuthenticatedRequest) -> HttpResponse:
    state = _current(request)
    if state is None:
        return redirect("practice:focus")
    if not _finished(state):
        return redirect("practice:focus_question")
    catalog = active_catalog()
    found = {a.pk: a for a in Attempt.objects.of(request.user).filter(pk__in=state["attempts"])}
    rows = []
    for n, qid in enumerate(state["questions"]):
        pk = state["attempts"][n] if n < len(state["attempts"]) else None
        q = catalog.questions.get(qid)
        rows.append({"question": q.text if q else qid, "answered": pk is not None, "attempt": found.get(pk)})
    first = catalog.questions.get(state["questions"][0])
    again = (
        f"{reverse('practice:focus')}?round={_round_of(catalog, first, request.user.track)}&set={len(rows)}"
        if first
        else reverse("practice:focus")
    )
    return render(request, "practice/focus_summary.html", {"rows": rows, "again": again})
