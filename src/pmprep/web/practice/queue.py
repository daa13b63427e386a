"""Each practised question's FSRS card, kept up to date as answers and self-ratings are recorded.

What is due across questions and stories is pmprep.web.review's: stories build on practice, not the
other way round."""

from __future__ import annotations

from pmprep.review import due_of, new_card, rating_for, review
from pmprep.web.practice.models import Attempt, ReviewCard


def record_attempt(attempt: Attempt) -> ReviewCard | None:
    """A first answer to a bank question is a review, rated from its feedback level."""
    if not attempt.question_id or attempt.parent_id:
        return None
    card, _ = ReviewCard.objects.get_or_create(
        user=attempt.user,
        kind="question",
        key=attempt.question_id,
        defaults={"card": new_card(attempt.created), "due": attempt.created, "created": attempt.created},
    )
    card.card_before = card.card
    card.card = review(card.card, rating_for(attempt.level), attempt.created)
    card.due = due_of(card.card)
    card.reviews += 1
    card.last_attempt = attempt
    card.save()
    return card


def rebuild_card(user, question_id: str) -> ReviewCard | None:
    """The question's card as if only the attempts still stored had been made (after one is deleted):
    every first answer replayed in order, the last one's self-rating applied; no attempts, no card."""
    ReviewCard.objects.filter(user=user, kind="question", key=question_id).delete()
    card = None
    for attempt in Attempt.objects.filter(user=user, question_id=question_id, parent=None).order_by("created", "id"):
        card = record_attempt(attempt)
    if card is not None and card.last_attempt is not None:
        record_self_rating(card.last_attempt)
    return card


def record_self_rating(attempt: Attempt) -> None:
    """A self-rating lower than the automatic level redoes that review with the lower rating."""
    card = ReviewCard.objects.filter(user=attempt.user, last_attempt=attempt).first()
    if card is None or card.card_before is None or not attempt.self_ratings:
        return
    mine = round(sum(attempt.self_ratings.values()) / len(attempt.self_ratings))
    card.card = review(card.card_before, rating_for(attempt.level, mine), attempt.created)
    card.due = due_of(card.card)
    card.save(update_fields=["card", "due"])
