"""The story bank pages: the matrix, writing a story with its feedback, and recalling one."""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pmprep.config import active_catalog
from pmprep.stories import STAR_FIELDS, StoryError, analyse_story, outline, recall_prompt
from pmprep.web.data_version import cached_html
from pmprep.web.practice.highlight import segments
from pmprep.web.practice.models import Draft
from pmprep.web.requests import AuthenticatedRequest
from pmprep.web.stories import bank
from pmprep.web.stories.forms import RecallForm, StoryForm
from pmprep.web.stories.models import Story


def _competencies() -> list[tuple[str, str]]:
    catalog = active_catalog()
    return [(c.id, c.name) for c in catalog.dimensions.values()] + [(c.id, c.name) for c in catalog.components.values()]


def _story(request: AuthenticatedRequest, uid) -> Story:
    return get_object_or_404(Story.objects.filter(user=request.user), uid=uid)


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    body = cached_html(
        request.user, "story-bank", timezone.localdate(), "stories/_bank.html", lambda: _bank(request.user)
    )
    return render(request, "stories/index.html", {"bank_html": body})


def _bank(user) -> dict:
    """The page's body: the coverage, the matrix and why each story covers what it does."""
    catalog = active_catalog()
    rows, cov = bank.bank_coverage(user, catalog)
    groups = [
        (group, label, [c for c in cov.columns if c.group == group])
        for group, label in (("kind", "Story kinds"), ("competency", "Competencies"), ("theme", "Culture themes"))
    ]
    matrix = []
    for story in rows:
        cells = cov.cells.get(str(story.uid), {})
        matrix.append((story, [[(c, [r.text for r in cells.get(c.key, ())]) for c in cols] for _, _, cols in groups]))
    return {
        "coverage": cov,
        "groups": groups,
        "matrix": matrix,
        "overused": {o.story_id: o.message for o in cov.overused},
        "unreadable": bank.unreadable(user),
    }


def _edit_page(request: HttpRequest, form: StoryForm, story: Story | None, status: int = 200) -> HttpResponse:
    analysis, fields = None, []
    if story is not None and story.pk:
        try:
            analysis = analyse_story(story.as_story())
        except StoryError:  # stored under older rules: the form shows what to fix
            analysis = None
    if analysis is not None:
        for name in STAR_FIELDS:
            text = getattr(story, name)
            criteria = [replace(c, evidence=tuple(e for e in c.evidence if e.field == name)) for c in analysis.criteria]
            fields.append(
                {
                    "name": name,
                    "label": StoryForm.Meta.labels.get(name, name),
                    "text": text,
                    "segments": segments(text, criteria),
                    "checks": [c.message for c in analysis.checks if c.field == name],
                }
            )
    return render(
        request,
        "stories/edit.html",
        {
            "form": form,
            "story": story if story is not None and story.pk else None,
            "analysis": analysis,
            "fields": fields,
            "story_checks": [c.message for c in analysis.checks if c.field is None] if analysis else [],
            "stored_problems": story.problem_text() if story is not None and story.pk and analysis is None else "",
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def new(request: AuthenticatedRequest) -> HttpResponse:
    if request.method == "GET":
        return _edit_page(request, StoryForm(competencies=_competencies()), None)
    form = StoryForm(request.POST, competencies=_competencies(), instance=Story(user=request.user))
    if not form.is_valid():
        return _edit_page(request, form, None, status=400)
    now = timezone.now()
    story = form.save(commit=False)
    story.created = story.updated = now
    story.save()
    bank.enqueue(story, now)
    messages.success(request, "Story saved. Its feedback is below; it is in your matrix and your review queue.")
    return redirect("stories:story", uid=story.uid)


@login_required
@require_http_methods(["GET", "POST"])
def story(request: AuthenticatedRequest, uid) -> HttpResponse:
    item = _story(request, uid)
    if request.method == "GET":
        return _edit_page(request, StoryForm(instance=item, competencies=_competencies()), item)
    form = StoryForm(request.POST, instance=item, competencies=_competencies())
    if not form.is_valid():
        return _edit_page(request, form, Story.objects.get(pk=item.pk), status=400)
    saved = form.save(commit=False)
    saved.updated = timezone.now()
    saved.save()
    messages.success(request, "Story saved; the feedback below is for what you just wrote.")
    return redirect(f"{reverse('stories:story', args=[saved.uid])}#feedback")


@login_required
@require_POST
def delete(request: AuthenticatedRequest, uid) -> HttpResponse:
    item = _story(request, uid)
    bank.forget(item)
    messages.success(request, "The story is deleted.")
    return redirect("stories:index")


@login_required
@require_http_methods(["GET", "POST"])
def recall(request: AuthenticatedRequest, uid) -> HttpResponse:
    item = _story(request, uid)
    try:
        prompt = recall_prompt(item.as_story())
    except StoryError:
        messages.error(request, f"Fix this story before recalling it: {item.problem_text()}")
        return redirect("stories:story", uid=item.uid)
    form = RecallForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            card = bank.record_recall(item, form.cleaned_data["rating"], timezone.now())
            messages.success(request, f"Recorded. “{item.title}” comes back on {card.due:%-d %b %Y}.")
            return redirect("review:today")
    return render(
        request,
        "stories/recall.html",
        {"story": item, "prompt": prompt, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def practise(request: AuthenticatedRequest, uid) -> HttpResponse:
    """Open a drill on a bank question starting from this story's STAR outline, saved as the drill's draft.
    A draft already typed for the question is kept: the outline never replaces the user's words."""
    item = _story(request, uid)
    question = active_catalog().questions.get(request.POST.get("question", ""))
    if question is None:
        messages.error(request, "Choose a question from the bank to practise this story on.")
        return redirect("stories:story", uid=item.uid)
    to_drill = redirect(f"{reverse('practice:answer')}?question={question.id}")
    try:
        text = outline(item.as_story())
    except StoryError:
        messages.error(request, f"Fix this story before practising from it: {item.problem_text()}")
        return to_drill
    draft, made = Draft.objects.get_or_create(
        user=request.user, question_id=question.id, defaults={"question_text": question.text, "answer": text}
    )
    if not made and not draft.answer.strip():
        draft.answer = text
        draft.updated = timezone.now()
        draft.save(update_fields=["answer", "updated"])
    elif not made:
        messages.info(request, "You already have a draft for this question, so it is kept as you left it.")
    return to_drill
