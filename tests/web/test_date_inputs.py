"""Every date a user can set survives being shown and sent back, as a browser's date picker does it.

``<input type="date">`` keeps its value only when it is a valid date string (``YYYY-MM-DD``) and
shows, and sends, nothing otherwise (HTML's value sanitisation). The test reads each rendered date
control the way the browser does and submits what the browser would.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import pkgutil
import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
import time_machine
from django import forms
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify

import pmprep.web
from pmprep.plans import Plan
from pmprep.web.accounts.forms import TrackForm
from pmprep.web.accounts.models import User
from pmprep.web.debrief.forms import RoundForm
from pmprep.web.outreach.forms import ContactForm
from pmprep.web.outreach.models import Contact
from pmprep.web.plans.forms import MoveForm, PlanForm
from pmprep.web.plans.models import StudyPlan

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)
DAY = dt.date(2026, 12, 23)  # a day above 12, so 23/12 and 12/23 cannot pass for each other
TRACKS = [("early_in", "Early-in"), ("experienced", "Experienced")]

# HTML's "valid date string" and "valid normalized local date and time string".
_VALID = {
    "date": re.compile(r"\d{4,}-\d\d-\d\d"),
    "datetime-local": re.compile(r"\d{4,}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?"),
}


class _Inputs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "input":
            self.found.append({k: v or "" for k, v in attrs})


def inputs(html: str) -> list[dict[str, str]]:
    parser = _Inputs()
    parser.feed(html)
    return parser.found


def browser_value(control: dict[str, str]) -> str:
    """What a browser shows in, and submits from, this input."""
    value = control.get("value", "")
    pattern = _VALID.get(control.get("type", "text"))
    if pattern is None:
        return value
    if not pattern.fullmatch(value):
        return ""
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        return ""
    return value


def submitted(html: str, name: str) -> str:
    (control,) = [c for c in inputs(html) if c.get("name") == name]
    return browser_value(control)


@dataclasses.dataclass
class Case:
    shown: Callable[[dt.date], forms.BaseForm]  # the form as a page shows it, holding the date
    sent: Callable[[dict[str, str]], forms.BaseForm]  # the form bound to what the browser sends
    other_fields: dict[str, str]  # the rest of a valid submission


CASES: dict[type[forms.BaseForm], Case] = {
    TrackForm: Case(
        lambda d: TrackForm(instance=User(track="early_in", interview_date=d)),
        lambda data: TrackForm(data, instance=User(track="early_in")),
        {"track": "early_in"},
    ),
    PlanForm: Case(
        lambda d: PlanForm(TRACKS, initial={"track": "experienced", "hours_per_week": 8, "interview_date": d}),
        lambda data: PlanForm(TRACKS, data),
        {"track": "experienced", "hours_per_week": "8"},
    ),
    MoveForm: Case(lambda d: MoveForm(initial={"key": "story:launch", "on": d}), MoveForm, {"key": "story:launch"}),
    ContactForm: Case(
        lambda d: ContactForm(instance=Contact(name="Ana", learned="A metric.", met_on=d)),
        ContactForm,
        {"name": "Ana", "channel": "chat", "learned": "A metric."},
    ),
    RoundForm: Case(
        lambda d: RoundForm(track="early_in", initial={"round_id": "ei_hiring_manager", "held_on": d}),
        lambda data: _debriefed_after(data),
        {"round_id": "ei_hiring_manager"},
    ),
}


def _debriefed_after(data: dict) -> RoundForm:
    """A real round is debriefed on its day or after: the form is checked a week after DAY."""
    form = RoundForm(data, track="early_in")
    with time_machine.travel(dt.datetime(2026, 12, 30, 9, 0, tzinfo=dt.UTC), tick=False):
        form.is_valid()  # the form keeps what it found
    return form


def _web_forms() -> set[type[forms.BaseForm]]:
    for info in pkgutil.walk_packages(pmprep.web.__path__, "pmprep.web."):
        if ".migrations" not in info.name:
            importlib.import_module(info.name)
    found, todo = set(), [forms.BaseForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("pmprep.web."):
                found.add(sub)
    return found


def _date_fields(form_class: type[forms.BaseForm]) -> list[str]:
    return [
        name
        for name, field in form_class.base_fields.items()
        if isinstance(field, (forms.DateField, forms.DateTimeField))
        or isinstance(field.widget, (forms.DateInput, forms.DateTimeInput))
        or getattr(field.widget, "input_type", "") in ("date", "datetime-local", "month", "week", "time")
    ]


def test_every_form_with_a_date_is_checked_below():
    with_dates = {f for f in _web_forms() if _date_fields(f)}
    assert {f.__name__ for f in with_dates} == {f.__name__ for f in CASES}, (
        "a form with a date field must be added to CASES so its round trip is checked"
    )


@pytest.mark.parametrize("form_class", list(CASES), ids=lambda f: f.__name__)
def test_a_date_shown_in_a_form_comes_back_unchanged(form_class):
    case = CASES[form_class]
    with time_machine.travel(NOW, tick=False), translation.override("en-gb"):
        for name in _date_fields(form_class):
            html = str(case.shown(DAY)[name])
            value = submitted(html, name)
            assert value == DAY.isoformat(), f"{form_class.__name__}.{name} renders {html!r}"
            bound = case.sent({**case.other_fields, name: value})
            assert bound.is_valid(), bound.errors
            assert bound.cleaned_data[name] == DAY


def test_re_saving_the_profile_keeps_the_interview_date(client):
    user = User.objects.create_user("dana", password="x" * 12, track="experienced", interview_date=DAY)
    client.force_login(user)
    with time_machine.travel(NOW, tick=False):
        page = client.get(reverse("accounts:profile")).content.decode()
        client.post(
            reverse("accounts:profile"), {"track": "experienced", "interview_date": submitted(page, "interview_date")}
        )
    user.refresh_from_db()
    assert user.interview_date == DAY


def test_regenerating_and_moving_from_the_plan_page_keep_their_dates(client):
    user = User.objects.create_user("dana", password="x" * 12, track="experienced", interview_date=DAY)
    client.force_login(user)
    with time_machine.travel(NOW, tick=False):
        first = client.get(reverse("plans:index")).content.decode()
        made = client.post(
            reverse("plans:generate"),
            {"track": "experienced", "hours_per_week": "8", "interview_date": submitted(first, "interview_date")},
        )
        assert made.status_code == 302
        page = client.get(reverse("plans:index")).content.decode()
        again = client.post(
            reverse("plans:generate"),
            {"track": "experienced", "hours_per_week": "8", "interview_date": submitted(page, "interview_date")},
        )
        assert again.status_code == 302
        plan = Plan.from_dict(StudyPlan.objects.get(user=user).data)
        task = next(t for t in plan.tasks if not t.done)
        control = next(c for c in inputs(page) if c.get("id") == f"move-{slugify(task.key)}")
        moved = client.post(reverse("plans:move"), {"key": task.key, "on": browser_value(control)})
        assert moved.status_code == 302
    stored = StudyPlan.objects.get(user=user)
    assert stored.interview_date == DAY
    assert Plan.from_dict(stored.data).task(task.key).on == task.on
