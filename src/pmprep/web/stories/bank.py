"""The user's story bank as the core sees it, and the review-queue side of stories."""
from __future__ import annotations

from datetime import datetime

from pmprep.catalog.model import Catalog
from pmprep.catalog.schema import Question
from pmprep.review import due_of, new_card, review
from pmprep.review.schedule import Rating
from pmprep.stories import REVIEW_KIND, Coverage, Suggestion, coverage, story_kinds, suggest_stories
from pmprep.web.practice.models import ReviewCard
from pmprep.web.stories.models import Story


def stories_of(user) -> list[Story]:
    return list(Story.objects.filter(user=user))


def bank_coverage(user, catalog: Catalog) -> tuple[list[Story], Coverage]:
    rows = stories_of(user)
    return rows, coverage([s.as_story() for s in rows], catalog)


def suggestions(user, question: Question, catalog: Catalog, limit: int = 3) -> list[tuple[Story, Suggestion]]:
    """The user's best-fitting stories for a bank question; empty for a type stories do not answer."""
    if question.type.value not in story_kinds().question_types:
        return []
    rows = {str(s.uid): s for s in stories_of(user)}
    if not rows:
        return []
    found = suggest_stories(question, [s.as_story() for s in rows.values()], catalog, limit=limit)
    return [(rows[s.story_id], s) for s in found]


def enqueue(story: Story, now: datetime) -> None:
    """A new story joins the review queue, due at once: recall its key numbers and lesson."""
    ReviewCard.objects.get_or_create(user=story.user, kind=REVIEW_KIND, key=str(story.uid),
                                     defaults={"card": new_card(now), "due": now, "created": now})


def forget(story: Story) -> None:
    """Delete a story and its place in the review queue."""
    ReviewCard.objects.filter(user=story.user, kind=REVIEW_KIND, key=str(story.uid)).delete()
    story.delete()


def record_recall(story: Story, rating: int, now: datetime) -> ReviewCard:
    card, _ = ReviewCard.objects.get_or_create(user=story.user, kind=REVIEW_KIND, key=str(story.uid),
                                               defaults={"card": new_card(now), "due": now, "created": now})
    card.card_before = card.card
    card.card = review(card.card, Rating(rating), now)
    card.due = due_of(card.card)
    card.reviews += 1
    card.save()
    return card
