"""The readiness check and the Today page count the same reviews as due: one computation, two pages."""

from __future__ import annotations

import datetime as dt
import re

import lxml.html
import pytest
import time_machine
from django.urls import reverse

from pmprep.review import new_card
from pmprep.web.practice.models import ReviewCard
from pmprep.web.stories.models import Story

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)


def _card(user, key: str, due: dt.datetime, kind: str = "question") -> None:
    ReviewCard.objects.create(user=user, kind=kind, key=key, card=new_card(due), due=due, created=due)


def _today_count(page: str) -> tuple[int, int]:
    found = re.search(r"<strong>(\d+)</strong> to review today(?:, (\d+) overdue)?", page)
    assert found, page
    return int(found[1]), int(found[2] or 0)


def _readiness_row(page: str) -> list[str]:
    """The readiness table's Review queue row: status, where it stands, next."""
    [row] = lxml.html.fromstring(page).xpath("//tr[th[@scope='row'][normalize-space()='Review queue']]")
    return [" ".join(td.text_content().split()) for td in row.iter("td")]


def _readiness_statement(page: str) -> str:
    return _readiness_row(page)[1]


def test_readiness_and_today_show_the_same_number_due(client, alice, catalog):
    questions = [q.id for q in catalog.questions.values() if "early_in" in q.tracks][:6]
    for key in questions[:3]:
        _card(alice, key, NOW - dt.timedelta(days=2))  # overdue
    for key in questions[3:5]:
        _card(alice, key, NOW + dt.timedelta(hours=6))  # due later today
    _card(alice, questions[5], NOW + dt.timedelta(days=7))  # not due yet
    _card(alice, "removed-from-the-catalog", NOW - dt.timedelta(days=2))  # nothing left to review
    _card(alice, "00000000-0000-0000-0000-000000000000", NOW - dt.timedelta(days=2), kind="story")  # deleted story
    client.force_login(alice)
    with time_machine.travel(NOW, tick=False):
        today = client.get(reverse("review:today")).content.decode()
        readiness = client.get(reverse("plans:readiness")).content.decode()
    assert _today_count(today) == (5, 3)
    assert _readiness_statement(readiness) == "5 reviews are due now: 3 overdue and 2 due today."


def test_reviews_due_only_today_are_due_but_not_a_backlog(client, alice, catalog):
    key = next(q.id for q in catalog.questions.values() if "early_in" in q.tracks)
    _card(alice, key, NOW + dt.timedelta(hours=1))
    story = Story.objects.create(user=alice, title="Launch", situation="s", task="t", action="a", result="r")
    _card(alice, str(story.uid), NOW + dt.timedelta(hours=2), kind="story")
    client.force_login(alice)
    with time_machine.travel(NOW, tick=False):
        today = client.get(reverse("review:today")).content.decode()
        readiness = client.get(reverse("plans:readiness")).content.decode()
    assert _today_count(today) == (2, 0)
    assert _readiness_statement(readiness) == "2 reviews are due today, none overdue."
    assert _readiness_row(readiness)[0] == "Ready"
