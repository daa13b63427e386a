"""A real round's weak answers feed the review queue: each answer judged Borderline or below reviews the bank
question worded most like it, of the same type, as a failed practice answer would (rated from its level)."""

from __future__ import annotations

from datetime import datetime, time

from django.utils import timezone

from pmprep.analysis.classify import neighbours
from pmprep.config import active_catalog
from pmprep.review import due_of, new_card, rating_for, review
from pmprep.web.debrief.models import RealExchange, RealRound
from pmprep.web.practice.models import ReviewCard

WEAK = 2


def nearest_question(exchange: RealExchange) -> str | None:
    catalog = active_catalog()
    for qid, _ in neighbours(catalog, exchange.question, k=20):
        q = catalog.questions.get(qid)
        if q is not None and q.type == exchange.question_type:
            return qid
    return None


def record_weak_spots(real_round: RealRound) -> list[str]:
    """The bank questions put into review for the round's weak answers, in the round's order."""
    when = timezone.make_aware(datetime.combine(real_round.held_on, time(18)))
    reviewed = []
    for exchange in real_round.exchanges.all():
        if exchange.level > WEAK or (qid := nearest_question(exchange)) is None:
            continue
        card, _ = ReviewCard.objects.get_or_create(
            user=real_round.user,
            kind="question",
            key=qid,
            defaults={"card": new_card(when), "due": when, "created": when},
        )
        card.card_before = card.card
        card.card = review(card.card, rating_for(exchange.level), max(when, timezone.now()))
        card.due = due_of(card.card)
        card.reviews += 1
        card.save()
        reviewed.append(qid)
    return reviewed
