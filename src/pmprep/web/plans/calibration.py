"""The calibration page: self-ratings and peers' ratings beside pmprep's levels, and whether readiness
foretold the real rounds' outcomes (the figures are pmprep.debrief.calibration's)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from pmprep.analysis.rubric import rubrics
from pmprep.committee import Source
from pmprep.config import active_catalog
from pmprep.debrief.calibration import RatedPair, agreement, by_month, foretold, gaps
from pmprep.plans import readiness
from pmprep.web.debrief.models import RealRound
from pmprep.web.debrief.views import round_label
from pmprep.web.loops.models import RoundScorecard
from pmprep.web.plans.evidence import gather
from pmprep.web.practice.models import Attempt
from pmprep.web.requests import AuthenticatedRequest


def self_pairs(user) -> list[RatedPair]:
    """Practice self-ratings beside the analyzer's levels, then real rounds' beside their answers' mean level."""
    pairs = []
    for a in Attempt.objects.of(user).exclude(self_ratings={}).order_by("created", "id"):
        levels = {c["id"]: c["level"] for c in a.feedback.get("criteria", [])}
        on = timezone.localtime(a.created).date()
        pairs += [RatedPair(on, cid, r, levels[cid]) for cid, r in sorted(a.self_ratings.items()) if cid in levels]
    for rnd in RealRound.objects.filter(user=user).exclude(self_ratings={}).prefetch_related("exchanges"):
        for cid, r in sorted(rnd.self_ratings.items()):
            found = [c["level"] for e in rnd.exchanges.all() for c in e.feedback.get("criteria", []) if c["id"] == cid]
            if found:
                pairs.append(RatedPair(rnd.held_on, cid, r, sum(found) / len(found)))
    return pairs


def peer_pairs(user) -> list[RatedPair]:
    """Each peer scorecard's ratings beside the automatic scorecard's for the same mock-loop round."""
    cards = RoundScorecard.objects.filter(
        user=user, source__in=[Source.PEER.value, Source.AUTOMATIC.value], loop_round__isnull=False
    ).order_by("created", "id")
    automatic = {c.loop_round_id: c.ratings for c in cards if c.source == Source.AUTOMATIC.value}
    pairs = []
    for c in cards:
        auto = automatic.get(c.loop_round_id)
        if c.source == Source.PEER.value and auto:
            on = timezone.localtime(c.created).date()
            pairs += [RatedPair(on, comp, r, auto[comp]) for comp, r in sorted(c.ratings.items()) if comp in auto]
    return pairs


def outcome_rows(user) -> list[dict]:
    """Each real round of the user's track: its readiness the day before and its outcome."""
    catalog = active_catalog()
    rows = []
    for rnd in RealRound.objects.filter(user=user).order_by("held_on", "id"):
        status = None
        if user.track in catalog.tracks and rnd.round_id:
            before = rnd.held_on - timedelta(days=1)
            ready = readiness(user.track, gather(user, catalog, before), catalog, before)
            item = next((r for r in ready.rounds if r.round_id == rnd.round_id), None)
            status = item.status if item else None
        rows.append(
            {
                "round": rnd,
                "label": round_label(rnd),
                "status": status,
                "foretold": foretold(status.value if status else None, rnd.outcome),
            }
        )
    return rows


def criterion_names() -> dict[str, str]:
    r = rubrics()
    return {c.id: c.name for defs in [r.common, *r.by_type.values()] for c in defs}


@login_required
def calibration(request: AuthenticatedRequest) -> HttpResponse:
    catalog = active_catalog()
    mine = self_pairs(request.user)
    peers = peer_pairs(request.user)
    rows = outcome_rows(request.user)
    competency_names = {c: catalog.competency_name(c) for p in peers for c in [p.criterion]}
    return render(
        request,
        "plans/calibration.html",
        {
            "self_gaps": gaps(mine, criterion_names()),
            "self_months": by_month(mine),
            "peer_gaps": [
                (g.sentence("Peers rate your", "pmprep's automatic scorecard"), g.pairs)
                for g in gaps(peers, competency_names)
            ],
            "rows": rows,
            "agreement": agreement((r["status"].value if r["status"] else None, r["round"].outcome) for r in rows),
        },
    )
