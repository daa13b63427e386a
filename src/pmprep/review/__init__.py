"""The spaced-repetition review queue: FSRS scheduling for practised items and today's plan.

    from pmprep.review import new_card, rating_for, review, plan_today
    card = review(new_card(now), rating_for(feedback.level, self_rating), now)
    plan = plan_today(items, today, tz, interview_date)

Pure: no Django, no clock; the current time always comes in as an argument.
"""

from __future__ import annotations

from pmprep.review.schedule import ReviewItem, TodayPlan, due_of, new_card, plan_today, rating_for, review

__all__ = ["ReviewItem", "TodayPlan", "due_of", "new_card", "plan_today", "rating_for", "review"]
