"""The case-presentation builder: start a deck, write it with findings beside each section, rehearse
it against the clock and the panel, and export it. Every rule lives in ``pmprep.cases``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pmprep.cases import (
    SECTIONS,
    Deck,
    DeckError,
    DeckReview,
    Finding,
    SectionId,
    SectionStatus,
    check_deck,
    from_question,
    pacing_plan,
    qa_probes,
    to_markdown,
    to_pdf,
    to_pptx,
)
from pmprep.clock import minutes_seconds
from pmprep.config import active_catalog
from pmprep.web.cases.forms import (
    DEFAULT_MINUTES,
    DeckForm,
    DeleteForm,
    FromQuestionForm,
    OwnPromptForm,
    RehearseForm,
    add_deck_problems,
    case_questions,
)
from pmprep.web.cases.models import CaseDeck
from pmprep.web.data_version import cached_html, render_with_csrf
from pmprep.web.downloads import MARKDOWN, PDF, download
from pmprep.web.requests import AuthenticatedRequest

# SectionStatus in words and a symbol, so it never rests on colour alone.
STATUS_SYMBOLS = {SectionStatus.EMPTY: "○", SectionStatus.NEEDS_WORK: "◐", SectionStatus.SOLID: "✓"}
EXPORTS = {
    "md": MARKDOWN,
    "pdf": PDF,
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
FILENAME_CHARS = 80


@dataclass(frozen=True)
class SectionReview:
    """What the page shows beside one section."""

    section: SectionId
    status: SectionStatus
    findings: tuple[Finding, ...]

    @property
    def symbol(self) -> str:
        return STATUS_SYMBOLS[self.status]

    @property
    def label(self) -> str:
        return self.status.label.capitalize()


def _reviews(review: DeckReview) -> dict[SectionId, SectionReview]:
    return {s: SectionReview(s, review.statuses[s], review.for_section(s)) for s in SECTIONS}


def _deck(request: AuthenticatedRequest, uid) -> CaseDeck:
    return get_object_or_404(CaseDeck.objects.filter(user=request.user), uid=uid)


# ---------------------------------------------------------------- the list and starting a deck


def _index_page(
    request: AuthenticatedRequest,
    bank_form: FromQuestionForm | None = None,
    own_form: OwnPromptForm | None = None,
    status: int = 200,
) -> HttpResponse:
    catalog = active_catalog()
    note, wanted = None, ""
    if bank_form is None:
        wanted = request.GET.get("question", "")[:80]
        ids = {q.id for q in case_questions(catalog)}
        if wanted and wanted not in ids:
            note = (
                f"“{wanted}” is not a case-presentation question in the bank; choose one from the list."
                if wanted in catalog.questions
                else f"There is no question “{wanted}” in the bank."
            )
        bank_form = FromQuestionForm(catalog, initial={"question": wanted if wanted in ids else ""})

    def context() -> dict:
        rows = list(CaseDeck.objects.filter(user=request.user))
        return {
            "decks": [(item, _readiness(item)) for item in rows],
            "bank_form": bank_form,
            "own_form": own_form or OwnPromptForm(),
            "note": note,
            "preselected": bool(bank_form.initial.get("question")),
        }

    if bank_form.is_bound or (own_form is not None and own_form.is_bound):
        body = render_with_csrf("cases/_index.html", context(), request)
    else:  # a plain visit: kept against the user's data and the question asked for
        today = timezone.localdate()
        body = cached_html(request.user, f"decks-page:{wanted}", today, "cases/_index.html", context, request)
    return render(request, "cases/index.html", {"body": body}, status=status)


def _readiness(item: CaseDeck) -> str:
    deck = item.readable()
    return check_deck(deck).readiness if deck is not None else f"Needs fixing: {item.problem_text()}"


def _readable_or_back(request: HttpRequest, item: CaseDeck) -> Deck | HttpResponse:
    """The stored deck, or (when the core refuses it) a way back to the workspace that says what to fix."""
    deck = item.readable()
    if deck is None:
        messages.error(request, f"Fix this deck before rehearsing or downloading it: {item.problem_text()}")
        return redirect("cases:deck", uid=item.uid)
    return deck


@login_required
@require_GET
def index(request: AuthenticatedRequest) -> HttpResponse:
    return _index_page(request)


@login_required
@require_POST
def create(request: AuthenticatedRequest) -> HttpResponse:
    own = request.POST.get("source") == "own"
    form: OwnPromptForm | FromQuestionForm = (
        OwnPromptForm(request.POST) if own else FromQuestionForm(active_catalog(), request.POST)
    )
    forms: dict[str, Any] = {"own_form" if own else "bank_form": form}
    if not form.is_valid():
        return _index_page(request, **forms, status=400)
    try:
        if isinstance(form, FromQuestionForm):
            deck = from_question(form.chosen(), title=form.cleaned_data["title"] or None)
        else:
            deck = Deck(title=form.cleaned_data["title"], prompt=form.cleaned_data["prompt"])
    except DeckError as exc:  # e.g. a title of control characters only, which the deck removes
        add_deck_problems(form, exc)
        return _index_page(request, **forms, status=400)
    now = timezone.now()
    item = CaseDeck.objects.create(
        user=request.user,
        title=deck.title,
        prompt=deck.prompt,
        question_id=deck.question_id or "",
        sections=_stored(deck),
        created=now,
        updated=now,
    )
    messages.success(request, "Your deck is ready. Write each section; it is checked as you fill it in.")
    return redirect("cases:deck", uid=item.uid)


def _stored(deck: Deck) -> dict[str, str]:
    return deck.to_dict()["sections"]


# ---------------------------------------------------------------- the workspace


def _deck_form(item: CaseDeck, data: QueryDict | None = None) -> DeckForm:
    own = not item.question_id
    stored = {"title": item.title, **({"prompt": item.prompt} if own else {}), **_stored_texts(item)}
    if data is not None:
        # A field the request leaves out keeps its text: only what is sent changes.
        data = data.copy()
        for name, value in stored.items():
            data.setdefault(name, value)
        return DeckForm(data, own_prompt=own)
    return DeckForm(initial=stored, own_prompt=own)


def _stored_texts(item: CaseDeck) -> dict[str, str]:
    """Each section's stored text; from a row the core refuses, what of it is text, so it can be fixed."""
    deck = item.readable()
    if deck is not None:
        return _stored(deck)
    sections = item.sections if isinstance(item.sections, dict) else {}
    return {s.value: text for s in SECTIONS if isinstance(text := sections.get(s.value, ""), str)}


def _save(item: CaseDeck, form: DeckForm) -> Deck | None:
    """Build the deck from a valid form and store it; None (with the problems on the form) if it is refused."""
    if not form.is_valid():
        return None
    try:
        deck = Deck(
            title=form.cleaned_data["title"],
            prompt=form.cleaned_data.get("prompt", item.prompt),
            sections=form.sections(),
            question_id=item.question_id or None,
        )
    except DeckError as exc:
        add_deck_problems(form, exc)
        return None
    item.title, item.prompt, item.sections = deck.title, deck.prompt, _stored(deck)
    item.updated = timezone.now()
    item.save(update_fields=["title", "prompt", "sections", "updated"])
    return deck


def _deck_page(
    request: HttpRequest,
    item: CaseDeck,
    form: DeckForm | None = None,
    delete_form: DeleteForm | None = None,
    status: int = 200,
) -> HttpResponse:
    deck = item.readable()
    review = check_deck(deck) if deck is not None else None
    reviews = _reviews(review) if review is not None else {}
    form = form or _deck_form(item)
    return render(
        request,
        "cases/deck.html",
        {
            "item": item,
            "deck": deck,
            "review": review,
            "form": form,
            "stored_problems": item.problem_text() if deck is None else "",
            "rows": [(reviews.get(section), field) for section, field in form.section_fields()],
            "deck_findings": [f for f in review.findings if f.section is None] if review is not None else [],
            "question": active_catalog().questions.get(item.question_id or ""),
            "delete_form": delete_form or DeleteForm(),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def deck(request: AuthenticatedRequest, uid) -> HttpResponse:
    item = _deck(request, uid)
    if request.method == "GET":
        return _deck_page(request, item)
    form = _deck_form(item, request.POST)
    saved = _save(item, form)
    if saved is None:
        return _deck_page(request, item, form=form, status=400)
    messages.success(request, f"Saved. {check_deck(saved).readiness}")
    return redirect("cases:deck", uid=item.uid)


@require_POST
def check(request: HttpRequest, uid) -> JsonResponse:
    """Save the deck and answer each section's status and findings (the page's script calls this)."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": "Log in to save your deck."}, status=401)
    item = _deck(cast(AuthenticatedRequest, request), uid)  # signed in: checked above
    form = _deck_form(item, request.POST)
    saved = _save(item, form)
    if saved is None:
        fields = {name: " ".join(str(e) for e in errors) for name, errors in form.errors.items()}
        return JsonResponse({"error": "Not saved: " + " ".join(fields.values()), "fields": fields}, status=400)
    review = check_deck(saved)
    reviews = _reviews(review)
    return JsonResponse(
        {
            "saved": True,
            "updated": item.updated.isoformat(),
            **review.to_dict(),
            "sections": {
                s.value: {
                    "status": reviews[s].status.value,
                    "label": reviews[s].label,
                    "html": render_to_string("cases/_section_review.html", {"r": reviews[s]}),
                }
                for s in SECTIONS
            },
            "deck_html": render_to_string(
                "cases/_deck_review.html",
                {"review": review, "deck_findings": [f for f in review.findings if f.section is None]},
            ),
        }
    )


@login_required
@require_POST
def delete(request: AuthenticatedRequest, uid) -> HttpResponse:
    item = _deck(request, uid)
    form = DeleteForm(request.POST)
    if not form.is_valid():
        return _deck_page(request, item, delete_form=form, status=400)
    item.delete()
    messages.success(request, f"The deck “{item.title}” is deleted.")
    return redirect("cases:index")


# ---------------------------------------------------------------- rehearsal


@login_required
@require_GET
def rehearse(request: AuthenticatedRequest, uid) -> HttpResponse:
    item = _deck(request, uid)
    deck = _readable_or_back(request, item)
    if isinstance(deck, HttpResponse):
        return deck
    review = check_deck(deck)
    if "minutes" in request.GET:
        form = RehearseForm(request.GET)
        minutes = form.cleaned_data["minutes"] if form.is_valid() else None
    else:
        form, minutes = RehearseForm(), DEFAULT_MINUTES
    slots = pacing_plan(deck, minutes) if minutes is not None else []
    return render(
        request,
        "cases/rehearse.html",
        {
            "item": item,
            "deck": deck,
            "review": review,
            "form": form,
            "minutes": minutes,
            "slots": slots,
            "rows": [(slot, minutes_seconds(slot.seconds)) for slot in slots],
            "total": slots[-1].end_seconds if slots else 0,
            "end": minutes_seconds(slots[-1].end_seconds) if slots else "",
            "words": sum(slot.words for slot in slots),
            "probes": qa_probes(deck, seed=str(item.uid), review=review),
        },
        status=200 if minutes is not None else 400,
    )


# ---------------------------------------------------------------- exports


@login_required
@require_GET
def export(request: AuthenticatedRequest, uid, fmt: str) -> HttpResponse:
    item = _deck(request, uid)
    deck = _readable_or_back(request, item)
    if isinstance(deck, HttpResponse):
        return deck
    if fmt == "md":
        body = to_markdown(deck).encode()
    elif fmt == "pdf":
        body = to_pdf(deck, created=item.updated)
    else:
        body = to_pptx(deck, created=item.updated)
    name = (slugify(item.title)[:FILENAME_CHARS].strip("-") or "case-deck") + f".{fmt}"
    response = download(body, name, EXPORTS[fmt])
    response["Cache-Control"] = "no-store"
    return response
