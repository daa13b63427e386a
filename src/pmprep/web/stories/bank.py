"""The user's story bank as the core sees it, and the review-queue side of stories."""

from __future__ import annotations

from datetime import datetime

from pmprep.bank.model import Catalog
from pmprep.bank.schema import Question
from pmprep.review import due_of, new_card, review
from pmprep.review.schedule import Rating
from pmprep.stories import (
    REVIEW_KIND,
    Coverage,
    StarStory,
    StoryError,
    Suggestion,
    coverage,
    story_kinds,
    suggest_stories,
)
from pmprep.web.practice.models import ReviewCard
from pmprep.web.stories.models import Story


def unreadable(user) -> list[Story]:
    """The user's stories that the core refuses (stored under older rules, or imported so)."""
    return _read(user)[1]


def _read(user) -> tuple[list[tuple[Story, StarStory]], list[Story]]:
    """The stories the core can read, each with its value, and those it refuses: every page that
    reads the bank leaves a refused story out, so one bad row never breaks a page."""
    good, bad = [], []
    for row in Story.objects.filter(user=user):
        try:
            good.append((row, row.as_story()))
        except StoryError:
            bad.append(row)
    return good, bad


def bank_coverage(user, catalog: Catalog) -> tuple[list[Story], Coverage]:
    good = _read(user)[0]
    return [row for row, _ in good], coverage([value for _, value in good], catalog)


def suggestions(user, question: Question, catalog: Catalog, limit: int = 3) -> list[tuple[Story, Suggestion]]:
    """The user's best-fitting stories for a bank question; empty for a type stories do not answer."""
    if question.type not in story_kinds().question_types:
        return []
    good = _read(user)[0]
    if not good:
        return []
    rows = {str(row.uid): row for row, _ in good}
    found = suggest_stories(question, [value for _, value in good], catalog, limit=limit)
    return [(rows[s.story_id], s) for s in found]


def enqueue(story: Story, now: datetime) -> None:
    """A new story joins the review queue, due at once: recall its key numbers and lesson."""
    ReviewCard.objects.get_or_create(
        user=story.user,
        kind=REVIEW_KIND,
        key=str(story.uid),
        defaults={"card": new_card(now), "due": now, "created": now},
    )


def forget(story: Story) -> None:
    """Delete a story and its place in the review queue."""
    ReviewCard.objects.filter(user=story.user, kind=REVIEW_KIND, key=str(story.uid)).delete()
    story.delete()


def record_recall(story: Story, rating: int, now: datetime) -> ReviewCard:
    card, _ = ReviewCard.objects.get_or_create(
        user=story.user,
        kind=REVIEW_KIND,
        key=str(story.uid),
        defaults={"card": new_card(now), "due": now, "created": now},
    )
    card.card_before = card.card
    card.card = review(card.card, Rating(rating), now)
    card.due = due_of(card.card)
    card.reviews += 1
    card.save()
    return card
