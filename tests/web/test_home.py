"""The home page: a cockpit for a signed-in user (countdown, today's tasks and reviews, the one next best
action), a clear way in for everyone else."""

from __future__ import annotations

import datetime as dt

import lxml.html
import pytest
import time_machine
from django.urls import reverse

from pmprep.config import active_catalog
from pmprep.plans import Plan
from pmprep.review import new_card
from pmprep.web.plans.links import Links
from pmprep.web.plans.models import StudyPlan
from pmprep.web.practice.models import ReviewCard

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 8, 10, 9, 0, tzinfo=dt.UTC)
TODAY = NOW.date()


def _home(client) -> lxml.html.HtmlElement:
    with time_machine.travel(NOW, tick=False):
        response = client.get(reverse("home"))
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _section(doc, heading_id: str):
    [section] = doc.xpath(f"//section[@aria-labelledby='{heading_id}']")
    return section


@pytest.mark.parametrize(
    "interview, said, button, debrief",
    [
        (None, "No interview date yet.", "Set your interview date", False),
        (
            TODAY - dt.timedelta(days=3),
            "Your interview date, 7 Aug 2026, has passed.",
            "Set your next interview date",
            True,
        ),
        (TODAY, "Your interview is today.", None, True),
        (TODAY + dt.timedelta(days=1), "Your interview is tomorrow, on 11 Aug 2026.", None, True),
        (TODAY + dt.timedelta(days=3), "Your interview is in 3 days, on 13 Aug 2026.", None, True),
        (TODAY + dt.timedelta(days=4), "Your interview is in 4 days, on 14 Aug 2026.", None, False),
        (TODAY + dt.timedelta(days=40), "Your interview is in 40 days, on 19 Sep 2026.", None, False),
    ],
)
def test_the_cockpit_counts_down_to_the_interview(client, alice, interview, said, button, debrief):
    alice.interview_date = interview
    alice.save()
    client.force_login(alice)
    countdown = _section(_home(client), "countdown-heading")
    assert countdown.find_class("lead")[0].text == said
    buttons = [(a.text, a.get("href")) for a in countdown.find_class("button")]
    assert buttons == ([(button, "/accounts/profile/#id_interview_date")] if button else []) + (
        [("Debrief a real round", "/debrief/new/")] if debrief else []
    )


def test_without_a_profile_date_it_counts_down_to_the_plans(client, alice):
    client.force_login(alice)
    with time_machine.travel(NOW, tick=False):
        client.post(
            reverse("plans:generate"),
            {"track": "early_in", "hours_per_week": "8", "interview_date": "2026-08-24"},
        )
    countdown = _section(_home(client), "countdown-heading")
    assert countdown.find_class("lead")[0].text == "Your interview is in 14 days, on 24 Aug 2026."


def _primary_buttons(doc) -> list:
    main = doc.get_element_by_id("main")
    return [
        b
        for b in main.xpath(".//*[contains(concat(' ', @class, ' '), ' button ')]")
        if "secondary" not in b.get("class")
    ]


def test_the_next_best_action_is_the_one_primary_button_and_starts_it(client, alice):
    client.force_login(alice)
    doc = _home(client)
    [button] = _primary_buttons(doc)
    assert (button.text, button.get("href")) == (
        "Start this drill",
        "/practice/start?round=ei_technical_deep_dive&competency=technical_judgment",
    )
    assert _text(_section(doc, "next-heading")).startswith(
        "Next best action Answer 2 technical questions on Technical judgment in the Technical deep dive"
    )


def test_reviews_due_today_are_counted_with_a_button_that_starts_them(client, alice, catalog):
    past = NOW - dt.timedelta(days=2)
    for qid in list(catalog.questions)[:6]:
        ReviewCard.objects.create(user=alice, kind="question", key=qid, card=new_card(past), due=past)
    client.force_login(alice)
    doc = _home(client)
    today = _section(doc, "today-heading")
    assert _text(today).startswith("Today 6 reviews due today, 6 of them overdue. Start reviews")
    assert [a.get("href") for a in today.find_class("button") if a.text == "Start reviews"] == ["/practice/start?due=1"]
    # Six overdue reviews are a backlog: clearing it is the next best action.
    [button] = _primary_buttons(doc)
    assert (button.text, button.get("href")) == ("Start reviews", "/practice/start?due=1")


def test_no_plan_is_an_empty_state_with_the_button_that_makes_one(client, alice):
    client.force_login(alice)
    [empty] = _section(_home(client), "today-heading").find_class("empty-state")
    assert [(a.text, a.get("href")) for a in empty.iter("a")] == [("Make your plan", "/plan/")]


def test_todays_tasks_are_buttons_that_start_each_one(client, alice):
    client.force_login(alice)
    with time_machine.travel(NOW, tick=False):
        client.post(reverse("plans:generate"), {"track": "early_in", "hours_per_week": "8"})
    plan = Plan.from_dict(StudyPlan.objects.get().data)
    todays = [t for t in plan.tasks if t.on == TODAY]
    assert todays
    links = Links(alice, active_catalog())
    rows = _section(_home(client), "today-heading").find_class("task-line")
    assert [(r.find_class("task-title")[0].text, r.find_class("button")[0].get("href")) for r in rows] == [
        (t.title, links.task(t).url) for t in todays
    ]


def test_a_day_with_nothing_left_shows_the_next_task(client, alice):
    client.force_login(alice)
    with time_machine.travel(NOW, tick=False):
        client.post(reverse("plans:generate"), {"track": "early_in", "hours_per_week": "8"})
        for t in Plan.from_dict(StudyPlan.objects.get().data).tasks:
            if t.on == TODAY:
                client.post(reverse("plans:tick"), {"key": t.key})
    plan = Plan.from_dict(StudyPlan.objects.get().data)
    upcoming = next(t for t in plan.tasks if t.on > TODAY and not t.done)
    today = _text(_section(_home(client), "today-heading"))
    assert f"Nothing left on your plan today. Next, on {upcoming.on:%A} {upcoming.on.day} {upcoming.on:%b}:" in today
    assert upcoming.title in today


def test_signed_out_visitors_get_an_introduction_and_the_way_in(client):
    doc = _home(client)
    buttons = [(a.text, a.get("href")) for a in doc.get_element_by_id("main").find_class("button")]
    assert buttons == [("Create a local account", "/accounts/signup/"), ("Log in", "/accounts/login/")]
