"""The committee page for one loop: the core's decision over the loop's documented scorecards."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pmprep.committee import RULES, Source, decide
from pmprep.config import active_catalog
from pmprep.web.loops.forms import InformalNoteForm, ReferralForm
from pmprep.web.loops.models import REFERRAL_ROUND, LoopRound, MockLoop


def committee_view(request: HttpRequest, loop: MockLoop, *, note_form: InformalNoteForm | None = None,
                   referral_form: ReferralForm | None = None, status: int = 200) -> HttpResponse:
    catalog = active_catalog()
    rounds = [r for r in loop.rounds.all() if r.round_id in catalog.rounds]
    stored = list(loop.scorecards.select_related("loop_round"))
    names = {r.id: r.name for r in catalog.rounds.values()}
    names.update({c: catalog.competency_name(c) for c in [*catalog.dimensions, *catalog.components]})
    names[REFERRAL_ROUND] = "Formal referral"
    cards, ignored = [], []
    for s in stored:
        try:
            cards.append((s, s.as_scorecard()))
        except ValueError as exc:  # only an edited database could hold one; say so rather than fail
            ignored.append(f"{s.rater}'s scorecard was left out: {exc}")
    decision = decide(loop.track, [c for _, c in cards], [n.as_input() for n in loop.informal_notes.all()],
                      rounds_done=[r.round_id for r in rounds if r.status == LoopRound.DONE], names=names,
                      expected={r.round_id: catalog.rounds[r.round_id].competencies for r in rounds})
    rules = RULES[loop.track]
    considered = [(s, [(names.get(k, k), v, s.evidence.get(k, "")) for k, v in s.ratings.items()],
                   names.get(card.round_id, card.round_id))
                  for s, card in cards if card.source is not Source.REFERRAL]
    return render(request, "loops/committee.html", {
        "loop": loop, "track": catalog.tracks.get(loop.track), "decision": decision, "rules": rules,
        "must_pass": [names.get(c, c) for c in rules.must_pass],
        "averages": [(names.get(c, c), avg, c in rules.must_pass) for c, avg in decision.averages.items()],
        "considered": considered,
        "referrals": [s for s, card in cards if card.source is Source.REFERRAL],
        "evidence": [(names.get(r, r), names.get(c, c), text) for r, c, text in decision.evidence],
        "ignored": ignored, "rounds": rounds,
        "note_form": note_form or InformalNoteForm(), "referral_form": referral_form or ReferralForm(),
    }, status=status)
