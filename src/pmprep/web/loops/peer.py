"""The peer interviewer's page: reached through a private link, with no account.

The peer sees what an interviewer needs (questions, talking points, probes, anchors, a timer) and
leaves one scorecard. The candidate's typed answers are never shown here: the link is for running
the round live, and answers stay with their owner.
"""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from pmprep.analysis.rubric import rubrics
from pmprep.cases.panel import panel
from pmprep.committee import Source
from pmprep.config import active_catalog
from pmprep.web.links import absolute_url
from pmprep.web.loops.forms import ScorecardForm
from pmprep.web.loops.models import PeerLink, RoundScorecard

GONE = {
    "revoked": "The candidate has revoked this link, so it no longer opens the round. Ask them for a new one "
    "if you are still meant to interview them.",
    "used": "A scorecard has already been submitted through this link, and each link takes one. Thank you; "
    "the candidate can see it. If you need to change something, ask the candidate for a new link.",
    "expired": "This link has expired. Links work for a limited time; ask the candidate for a new one.",
}


def peer_url(request: HttpRequest, link: PeerLink) -> str:
    """The link the candidate sends their peer: on PMPREP_PUBLIC_URL when set, else on the host they came in on."""
    return absolute_url(request, reverse("peer", args=[link.token]))


def _page(request: HttpRequest, link: PeerLink, form: ScorecardForm, status: int = 200) -> HttpResponse:
    catalog = active_catalog()
    r = link.loop_round
    spec = catalog.rounds[r.round_id]
    return render(
        request,
        "loops/peer.html",
        {
            "link": link,
            "r": r,
            "spec": spec,
            "candidate": link.user.get_short_name() or link.user.username,
            "questions": [catalog.questions[q] for q in r.question_ids if q in catalog.questions],
            "panel": [(role.name, role.general) for role in panel().roles] if r.is_case else [],
            "anchors": sorted(rubrics().anchors.items()),
            "form": form,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def interview(request: HttpRequest, token: str) -> HttpResponse:
    link = PeerLink.objects.by_token(token)
    if link is None:
        raise Http404("There is no peer link at this address. Check that the whole link was copied.")
    state = link.state()
    if state != "open" or link.loop_round.round_id not in active_catalog().rounds:
        return render(
            request, "loops/peer_gone.html", {"message": GONE.get(state, GONE["expired"]), "state": state}, status=410
        )
    catalog = active_catalog()
    competencies = [(c, catalog.competency_name(c)) for c in catalog.rounds[link.loop_round.round_id].competencies]
    if request.method == "GET":
        return _page(request, link, ScorecardForm(competencies, link.loop_round.is_case, rater=True))
    form = ScorecardForm(competencies, link.loop_round.is_case, request.POST, rater=True)
    if not form.is_valid():
        return _page(request, link, form, status=400)
    with transaction.atomic():
        # Lock the link so that two submissions racing through it leave one scorecard.
        link = PeerLink.objects.select_for_update().get(pk=link.pk)
        if link.state() != "open":
            return render(
                request, "loops/peer_gone.html", {"message": GONE[link.state()], "state": link.state()}, status=410
            )
        card = RoundScorecard.objects.create(
            user=link.user,
            loop=link.loop_round.loop,
            loop_round=link.loop_round,
            source=Source.PEER.value,
            rater=form.cleaned_data["rater"].strip(),
            ratings=form.ratings(),
            evidence=form.evidence(),
            recommendation=form.cleaned_data["recommendation"],
            summary=form.cleaned_data["summary"].strip(),
            trade_offs_quantified=form.trade_offs_quantified(),
        )
        link.used = timezone.now()
        link.scorecard = card
        link.save(update_fields=["used", "scorecard"])
    return render(request, "loops/peer_thanks.html", {"card": card})
