"""Every plan task links to the thing it names, and every next best action to the page that starts it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pmprep.config import active_catalog
from pmprep.plans import PracticeEvidence, Task, TaskKind, readiness
from pmprep.web.cases.models import CaseDeck
from pmprep.web.plans.links import Links
from pmprep.web.stories.models import Story

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 8, 10)


def _task(key: str, kind: TaskKind, **keys) -> Task:
    return Task(key=key, kind=kind, title=key, detail="", on=DAY, minutes=30, **keys)


@pytest.mark.parametrize(
    "task, url, label",
    [
        (
            _task("drill:data_literacy:1", TaskKind.DRILL, competency_id="data_literacy", round_id="ei_hiring_manager"),
            "/practice/start?round=ei_hiring_manager&competency=data_literacy",
            "Start the drill",
        ),
        (_task("story:failure", TaskKind.STORY), "/stories/new", "Write this story"),
        (_task("case_deck:outline", TaskKind.CASE_DECK), "/cases/", "Start a case deck"),
        (_task("mock_loop:1", TaskKind.MOCK_LOOP), "/loops/", "Run the mock loop"),
        (_task("mock_review:1", TaskKind.REVIEW), "/loops/", "Open your mock loops"),
        (_task("review:2026-08-10", TaskKind.REVIEW), "/practice/start?due=1", "Start reviews"),
        (_task("culture_memo:first_read", TaskKind.CULTURE_MEMO), "/primers/culture-memo/", "Read the primer"),
        (_task("logistics:apply", TaskKind.LOGISTICS), "/loop/early_in/", "See the hiring calendar"),
    ],
)
def test_each_kind_of_task_links_to_the_page_it_names(alice, task, url, label):
    link = Links(alice, active_catalog()).task(task)
    assert (link.url, link.label, link.in_plan) == (url, label, False)


@pytest.mark.parametrize(
    "task", [_task("research:1", TaskKind.RESEARCH), _task("logistics:resume", TaskKind.LOGISTICS)]
)
def test_a_task_with_no_page_of_its_own_points_at_itself_in_the_plan(alice, task):
    link = Links(alice, active_catalog()).task(task)
    assert (link.url, link.in_plan) == (f"/plan/#task-{task.key.replace(':', '')}", True)


def test_a_story_or_deck_the_user_has_opens_it(alice, bob):
    story = Story.objects.create(user=alice, title="The outage", kinds=["failure"])
    Story.objects.create(user=bob, title="Not mine", kinds=["launch"])
    CaseDeck.objects.create(user=alice, title="Old", prompt="Grow ads", updated=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    newer = CaseDeck.objects.create(user=alice, title="New", prompt="Grow games")
    links = Links(alice, active_catalog())
    assert links.task(_task("story:failure", TaskKind.STORY)).url == f"/stories/{story.uid}/"
    assert links.task(_task("story:launch", TaskKind.STORY)).url == "/stories/new"  # only bob has one
    assert links.task(_task("case_deck:finish", TaskKind.CASE_DECK)).url == f"/cases/{newer.uid}/"  # the latest


def test_a_drill_link_starts_a_drill_on_its_round_and_competency(client, alice):
    client.force_login(alice)
    task = _task("drill:data_literacy:1", TaskKind.DRILL, competency_id="data_literacy", round_id="ei_hiring_manager")
    response = client.get(Links(alice, active_catalog()).task(task).url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("practice:answer") + "?question=")
    question = active_catalog().questions[response["Location"].split("=", 1)[1]]
    assert "ei_hiring_manager" in question.rounds


@pytest.mark.parametrize(
    "evidence, url, label",
    [
        (
            PracticeEvidence(),
            "/practice/start?round=ei_technical_deep_dive&competency=technical_judgment",
            "Start this drill",
        ),
        (PracticeEvidence(stories=1, review_due=9, review_overdue=9), "/practice/start?due=1", "Start reviews"),
    ],
)
def test_the_next_best_action_links_to_what_starts_it(alice, evidence, url, label):
    catalog = active_catalog()
    best = readiness("early_in", evidence, catalog, DAY).next_best
    link = Links(alice, catalog).action(best)
    assert (link.url, link.label) == (url, label)


def test_when_all_is_ready_the_action_opens_today(alice):
    assert Links(alice, active_catalog()).action(None).url == reverse("review:today")
