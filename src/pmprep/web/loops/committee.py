"""The committee for one loop: the core's decision over the loop's documented scorecards.

``hear`` is the one place the decision is made; the committee page and the loop's export both
show what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pmprep.bank.model import Catalog
from pmprep.committee import Decision, Rules, Scorecard, ScorecardError, Source, decide, rule_text, rules_for
from pmprep.config import active_catalog
from pmprep.web.loops.forms import InformalNoteForm, ReferralForm
from pmprep.web.loops.models import REFERRAL_ROUND, LoopRound, MockLoop, RoundScorecard

Rating = tuple[str, int, str]  # (competency name, rating, the evidence as written)


@dataclass(frozen=True)
class Hearing:
    """What the committee was given for one loop, and what it decided."""

    decision: Decision
    rules: Rules
    rounds: list[LoopRound]  # the loop's rounds still in the catalog, in order
    names: dict[str, str]  # round and competency ids -> display names
    cards: list[tuple[RoundScorecard, Scorecard]]
    ignored: list[str]  # stored scorecards the core refused, and why
    rule: tuple[str, ...]  # the rules the decision applied, in their order, as users read them

    def name(self, key: str) -> str:
        return self.names.get(key, key)

    @property
    def considered(self) -> list[tuple[RoundScorecard, list[Rating], str]]:
        """Each weighed scorecard with its named ratings and the name of its round."""
        return [
            (s, [(self.name(k), v, s.evidence.get(k, "")) for k, v in s.ratings.items()], self.name(card.round_id))
            for s, card in self.cards
            if card.source is not Source.REFERRAL
        ]

    @property
    def referrals(self) -> list[RoundScorecard]:
        return [s for s, card in self.cards if card.source is Source.REFERRAL]

    @property
    def averages(self) -> list[tuple[str, float, bool]]:
        """(competency name, average, must pass?) in the decision's order."""
        return [(self.name(c), avg, c in self.rules.must_pass) for c, avg in self.decision.averages.items()]

    @property
    def must_pass(self) -> list[str]:
        return [self.name(c) for c in self.rules.must_pass]

    @property
    def evidence(self) -> list[tuple[str, str, str]]:
        """The quotes behind the decision as (round name, competency name, text)."""
        return [(self.name(r), self.name(c), text) for r, c, text in self.decision.evidence]


def hear(loop: MockLoop, catalog: Catalog | None = None) -> Hearing:
    """The committee's hearing of ``loop`` under the catalog's policy for its track (the active
    catalog unless given); ValueError for a track the catalog has no committee policy for."""
    catalog = catalog or active_catalog()
    rules = rules_for(catalog, loop.track)
    rounds = [r for r in loop.rounds.all() if r.round_id in catalog.rounds]
    names = {r.id: r.name for r in catalog.rounds.values()}
    names.update({c: catalog.competency_name(c) for c in [*catalog.dimensions, *catalog.components]})
    names[REFERRAL_ROUND] = "Formal referral"
    cards, ignored = [], []
    for s in loop.scorecards.select_related("loop_round"):
        try:
            cards.append((s, s.as_scorecard()))
        except ValueError as exc:  # only an edited database could hold one; say so rather than fail
            ignored.append(_left_out(s, exc, names))
    decision = decide(
        rules,
        [c for _, c in cards],
        [n.as_input() for n in loop.informal_notes.all()],
        rounds_done=[r.round_id for r in rounds if r.status == LoopRound.DONE],
        names=names,
        expected={r.round_id: catalog.rounds[r.round_id].competencies for r in rounds},
    )
    return Hearing(
        decision=decision,
        rules=rules,
        rounds=rounds,
        names=names,
        cards=cards,
        ignored=ignored,
        rule=rule_text(rules, names),
    )


def _left_out(card: RoundScorecard, exc: ValueError, names: dict[str, str]) -> str:
    round_id = card.loop_round.round_id if card.loop_round is not None else REFERRAL_ROUND
    why = (
        "; ".join(f"{names.get(c, c)}: {text}" if c else text for c, text in exc.problems)
        if isinstance(exc, ScorecardError)
        else str(exc)
    )
    return f"{card.rater}'s scorecard for {names.get(round_id, round_id)} was left out: {why}"


def committee_view(
    request: HttpRequest,
    loop: MockLoop,
    *,
    note_form: InformalNoteForm | None = None,
    referral_form: ReferralForm | None = None,
    status: int = 200,
) -> HttpResponse:
    catalog = active_catalog()
    hearing = hear(loop, catalog)
    return render(
        request,
        "loops/committee.html",
        {
            "loop": loop,
            "track": catalog.tracks.get(loop.track),
            "decision": hearing.decision,
            "rules": hearing.rules,
            "must_pass": hearing.must_pass,
            "averages": hearing.averages,
            "considered": hearing.considered,
            "referrals": hearing.referrals,
            "evidence": hearing.evidence,
            "ignored": hearing.ignored,
            "rounds": hearing.rounds,
            "rule": hearing.rule,
            "note_form": note_form or InformalNoteForm(),
            "referral_form": referral_form or ReferralForm(),
        },
        status=status,
    )
