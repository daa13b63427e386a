"""The outreach checker page and the contact log (research notes from conversations, never referrals).

The checker stores nothing: the message is checked, shown back with its flags, and forgotten.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from pmprep.config import active_catalog
from pmprep.outreach import MessageTooLong, check
from pmprep.web.data_version import cached_html, render_with_csrf
from pmprep.web.outreach.forms import CheckForm, ContactForm
from pmprep.web.outreach.highlight import numbered, pieces, points_label
from pmprep.web.outreach.models import Contact
from pmprep.web.requests import AuthenticatedRequest


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


@sensitive_post_parameters("message")  # kept out of error reports too
@login_required
@require_http_methods(["GET", "POST"])
def index(request: AuthenticatedRequest) -> HttpResponse:
    form = CheckForm(request.POST if request.method == "POST" else None)
    report = None
    if form.is_valid():
        message = form.cleaned_data["message"]
        try:
            report = check(message, channel=form.cleaned_data["channel"] or None)
        except MessageTooLong as exc:
            form.add_error("message", _sentence(str(exc)))
        except ValueError as exc:  # a channel the core does not know (the form's choices should stop it first)
            form.add_error("channel", _sentence(str(exc)))
    if not form.is_bound:  # a plain visit: the empty form and the count of notes, kept against the user's data
        body = cached_html(
            request.user,
            "outreach-page",
            timezone.localdate(),
            "outreach/_index.html",
            lambda: {"form": form, "report": None, "notes_count": Contact.objects.filter(user=request.user).count()},
            request,
        )
        return render(request, "outreach/index.html", {"body": body})
    context: dict[str, object] = {
        "form": form,
        "report": report,
        "notes_count": Contact.objects.filter(user=request.user).count(),
    }
    if report is not None:
        legend = [(m, f, points_label(f.points)) for m, f in numbered(report.flags)]
        context.update(
            pieces=pieces(message, report.flags),
            problems=[item for item in legend if not item[1].good],
            strengths=[item for item in legend if item[1].good],
            signals=[(s, points_label(s.points)) for s in report.signals],
        )
    body = render_with_csrf("outreach/_index.html", context, request)
    return render(request, "outreach/index.html", {"body": body}, status=400 if form.errors else 200)


def _rounds() -> list[tuple[str, list[tuple[str, str]]]]:
    """The catalog's rounds grouped by track, for the select."""
    catalog = active_catalog()
    return [
        (
            track.name,
            [
                (r.id, f"{r.name} ({r.duration_label}{', optional' if r.optional else ''})")
                for r in catalog.rounds_for(track.id)
            ],
        )
        for track in catalog.tracks.values()
    ]


def _round_of(contact: Contact) -> dict | None:
    if not contact.round_id:
        return None
    catalog = active_catalog()
    rnd = catalog.rounds.get(contact.round_id)
    if rnd is None:
        return {"id": contact.round_id, "name": contact.round_id, "track": None}
    return {"id": rnd.id, "name": rnd.name, "track": catalog.tracks.get(rnd.track)}


def _contacts_page(request: AuthenticatedRequest, form: ContactForm | None = None, status: int = 200) -> HttpResponse:
    notes = Contact.objects.filter(user=request.user).order_by(F("met_on").desc(nulls_last=True), "-created", "-id")
    return render(
        request,
        "outreach/contacts.html",
        {
            "notes": [(c, _round_of(c)) for c in notes],
            "form": form or ContactForm(rounds=_rounds()),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def contacts(request: AuthenticatedRequest) -> HttpResponse:
    if request.method == "GET":
        return _contacts_page(request)
    form = ContactForm(request.POST, rounds=_rounds(), instance=Contact(user=request.user))
    if not form.is_valid():
        return _contacts_page(request, form, status=400)
    note = form.save()
    messages.success(request, f"Your note on the conversation with {note.name} is saved.")
    return redirect("outreach:contacts")


def _contact(request: AuthenticatedRequest, uid) -> Contact:
    return get_object_or_404(Contact.objects.filter(user=request.user), uid=uid)


@login_required
@require_http_methods(["GET", "POST"])
def contact(request: AuthenticatedRequest, uid) -> HttpResponse:
    note = _contact(request, uid)
    form = ContactForm(request.POST if request.method == "POST" else None, instance=note, rounds=_rounds())
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Your note on the conversation with {note.name} is saved.")
        return redirect("outreach:contacts")
    return render(
        request,
        "outreach/contact.html",
        {"note": Contact.objects.get(pk=note.pk), "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def delete(request: AuthenticatedRequest, uid) -> HttpResponse:
    note = _contact(request, uid)
    note.delete()
    messages.success(request, f"The note on {note.name} is deleted.")
    return redirect("outreach:contacts")
