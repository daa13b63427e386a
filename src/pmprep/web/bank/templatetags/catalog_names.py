"""Template filters that show a catalog id as the catalog names it: ``{{ attempt.question_type|type_name }}``.

An id that the catalog no longer knows (content changed since it was stored) is shown as it is.
"""

from __future__ import annotations

from django import template

from pmprep.config import active_catalog

register = template.Library()


@register.filter
def type_name(type_id: str) -> str:
    found = active_catalog().question_types.get(str(type_id))
    return found.name if found else type_id


@register.filter
def track_name(track_id: str) -> str:
    found = active_catalog().tracks.get(str(track_id))
    return found.name if found else track_id


@register.filter
def round_name(round_id: str) -> str:
    found = active_catalog().rounds.get(str(round_id))
    return found.name if found else round_id


@register.filter
def competency_name(competency_id: str) -> str:
    return active_catalog().competency_name(str(competency_id))
