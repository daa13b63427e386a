"""PlainSelect writes the markup Django's Select writes, without a template per option."""

from __future__ import annotations

import pytest
from django import forms
from django.test.html import parse_html

from pmprep.web.select_widget import PlainSelect

CHOICES = [("", "Choose…"), ("Metrics & more", [("a", "A <b> & c"), ("b", "B")]), ("c", "C “quoted”")]


class Both(forms.Form):
    django = forms.ChoiceField(choices=CHOICES, help_text="Pick one.")
    plain = forms.ChoiceField(choices=CHOICES, help_text="Pick one.", widget=PlainSelect)


@pytest.mark.parametrize("value", [None, "", "b", "c", "unknown"])
def test_plain_select_is_the_same_markup_as_djangos(value):
    form = Both(initial={"django": value, "plain": value})
    django, plain = str(form["django"]), str(form["plain"])
    assert parse_html(plain.replace("id_plain", "id_django").replace('name="plain"', 'name="django"')) == parse_html(
        django
    )


def test_a_bound_form_marks_the_posted_value_selected_and_escapes_labels():
    html = str(Both({"plain": "a"})["plain"])
    assert '<option value="a" selected>A &lt;b&gt; &amp; c</option>' in html
    assert '<optgroup label="Metrics &amp; more">' in html
