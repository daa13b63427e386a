"""Numbers as the progress tables print them, the same way the charts print them."""

from __future__ import annotations

from django import template

from pmprep.web.progress.charts import number as _number

register = template.Library()


@register.filter
def number(value):
    return _number(value)


@register.filter
def item(mapping, key):
    """``mapping[key]``, or the key itself when it is missing."""
    return mapping.get(key, key)
