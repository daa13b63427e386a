"""A ``<select>`` whose options are written in Python: Django's own Select renders a template for each option,
and the case-question list has hundreds of them on every visit of the decks page."""

from __future__ import annotations

from functools import lru_cache

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe


def _option(value: object, label: str, chosen: frozenset[str]) -> str:
    selected = " selected" if str(value) in chosen else ""
    return f'<option value="{conditional_escape(str(value))}"{selected}>{conditional_escape(label)}</option>'


class PlainSelect(forms.Select):
    """The same markup as ``forms.Select`` (attributes, option groups, the selected option), without a
    template per option."""

    # Choices the content made once, as nested tuples: given here rather than as ``choices``, which Django
    # copies and checks for every form.
    fixed_choices: tuple | None = None

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        chosen = frozenset(str(v) for v in self.format_value(value))
        choices = self.fixed_choices if self.fixed_choices is not None else _frozen(self.choices)
        return mark_safe(format_html("<select{}>", flatatt(final)) + _options(choices, chosen) + "</select>")


def _frozen(choices) -> tuple:
    """Choices as nested tuples, so that their markup can be kept."""
    return tuple(
        (value, tuple(map(tuple, label))) if isinstance(label, (list, tuple)) else (value, label)
        for value, label in choices
    )


@lru_cache(maxsize=64)
def _options(choices: tuple, chosen: frozenset[str]) -> str:
    """The options' markup; the same choices (a tuple the content made once) and selection give the same."""
    parts: list[str] = []
    for option_value, option_label in choices:
        if isinstance(option_label, (list, tuple)):
            parts.append(format_html('<optgroup label="{}">', option_value))
            parts.extend(_option(v, label, chosen) for v, label in option_label)
            parts.append("</optgroup>")
        else:
            parts.append(_option(option_value, str(option_label), chosen))
    return "".join(parts)
