"""``{% suggested_stories question %}``: the user's stories that fit a bank question, on any page.

A template tag rather than a view's context, so the drill page (practice) shows stories without
practice importing the story bank: stories build on practice, not the other way round."""

from __future__ import annotations

from django import template

from pmprep.config import active_catalog
from pmprep.web.stories import bank

register = template.Library()


@register.inclusion_tag("stories/suggestions.html", takes_context=True)
def suggested_stories(context, question) -> dict:
    user = context["request"].user
    found = bank.suggestions(user, question, active_catalog()) if question and user.is_authenticated else []
    return {"question": question, "stories": found, "has_draft": bool(context.get("draft"))}
