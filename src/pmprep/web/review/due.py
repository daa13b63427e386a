"""What is due for one user today: every review card whose item still exists, in pmprep.review's order."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from pmprep.config import active_catalog
from pmprep.review import ReviewItem, TodayPlan, plan_today
from pmprep.stories import REVIEW_KIND, story_kinds
from pmprep.web.data_version import cached
from pmprep.web.practice.models import ReviewCard
from pmprep.web.stories.models import Story

DAILY_CAP = 12


def due_today(user, day: date | None = None) -> TodayPlan:
    """What is due on ``day`` (today by default), kept until the user's data changes (pmprep.web.data_version)."""
    day = day or timezone.localdate()
    return cached(user, "due", day, lambda: _due(user, day))


def _due(user, day: date) -> TodayPlan:
    catalog = active_catalog()
    stories = {str(uid) for uid in Story.objects.filter(user=user).values_list("uid", flat=True)}
    # A story is recalled like an answer to the first question type stories answer (behavioural in the
    # shipped content), so the day's mix interleaves it with the questions of other types.
    story_type = story_kinds().question_types[0]
    items = []
    for kind, key, card, due in ReviewCard.objects.filter(user=user).values_list("kind", "key", "card", "due"):
        if kind == REVIEW_KIND:
            if key in stories:
                items.append(ReviewItem(kind, key, story_type, (), card, due))
            continue
        q = catalog.questions.get(key) if kind == "question" else None
        if q is None:
            continue  # content removed since: nothing to review
        items.append(ReviewItem(kind, key, q.type, tuple(q.rounds), card, due))
    return plan_today(
        items,
        day,
        timezone.get_current_timezone(),
        getattr(user, "interview_date", None),
        DAILY_CAP,
    )
