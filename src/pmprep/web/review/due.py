"""What is due for one user today: every review card whose item still exists, in pmprep.review's order."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from pmprep.config import active_catalog
from pmprep.review import ReviewItem, TodayPlan, plan_today
from pmprep.stories import REVIEW_KIND, story_kinds
from pmprep.web.practice.models import ReviewCard
from pmprep.web.stories.models import Story

DAILY_CAP = 12


def due_today(user, day: date | None = None) -> TodayPlan:
    catalog = active_catalog()
    stories = {str(uid) for uid in Story.objects.filter(user=user).values_list("uid", flat=True)}
    # A story is recalled like an answer to the first question type stories answer (behavioural in the
    # shipped content), so the day's mix interleaves it with the questions of other types.
    story_type = story_kinds().question_types[0]
    items = []
    for card in ReviewCard.objects.filter(user=user):
        if card.kind == REVIEW_KIND:
            if card.key in stories:
                items.append(ReviewItem(card.kind, card.key, story_type, (), card.card, card.due))
            continue
        q = catalog.questions.get(card.key) if card.kind == "question" else None
        if q is None:
            continue  # content removed since: nothing to review
        items.append(ReviewItem(card.kind, card.key, q.type, tuple(q.rounds), card.card, card.due))
    return plan_today(
        items,
        day or timezone.localdate(),
        timezone.get_current_timezone(),
        getattr(user, "interview_date", None),
        DAILY_CAP,
    )
