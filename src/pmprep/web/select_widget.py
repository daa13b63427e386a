"""A ``<select>`` whose options are written in Python: Django's own Select renders a template for each option,
and the case-question list has hundreds of them on every visit of the decks page."""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe


def _option(value: object, label: str, chosen: set[str]) -> str:
    selected = " selected" if str(value) in chosen else ""
    return f'<option value="{conditional_escape(str(value))}"{selected}>{conditional_escape(label)}</option>'


class PlainSelect(forms.Select):
    """The same markup as ``forms.Select`` (attributes, option groups, the selected option), without a
    template per option."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        chosen = {str(v) for v in self.format_value(value)}
        parts: list[str] = [format_html("<select{}>", flatatt(final))]
        for option_value, option_label in self.choices:
            if isinstance(option_label, (list, tuple)):
                parts.append(format_html('<optgroup label="{}">', option_value))
                parts.extend(_option(v, label, chosen) for v, label in option_label)
                parts.append("</optgroup>")
            else:
                parts.append(_option(option_value, str(option_label), chosen))
        parts.append("</select>")
        return mark_safe("".join(parts))
