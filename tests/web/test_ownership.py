"""Nobody but the owner reaches a user's data: every URL pattern, tried anonymously and as another user.

The URL patterns are read from the resolver, so a new page is covered the day it is added. Only
the pages listed in PUBLIC (shared catalog content, the stateless analyzer API, sign-up and login)
may answer an anonymous visitor; every other page is private. Each pattern's parameters are filled
with every id, uid and key that alice's data has, and each page is fetched (GET) and submitted to
(POST) as bob and as nobody. A success is any 2xx answer that is not PUBLIC, any answer that shows
alice's secret words, or any change to alice's data.
"""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from pmprep.plans import generate_plan
from pmprep.web import portability
from pmprep.web.cases.models import CaseDeck
from pmprep.web.loops.models import InformalNote, PeerLink, RoundScorecard
from pmprep.web.outreach.models import Contact
from pmprep.web.plans.models import SelfCheckAnswers, StudyPlan
from pmprep.web.stories.models import Story
from tests.web.conftest import drafted, looped, practised

pytestmark = pytest.mark.django_db
SECRET = "ZEBRA-SECRET-7731"
PUBLIC = {
    "home",
    "health",
    "api-analyze",
    "api-classify",
    "api-outreach",
    "accounts:signup",
    "accounts:login",
    "accounts:logout",
    "bank:loop_index",
    "bank:loop",
    "bank:questions",
    "bank:question",
    "bank:primers",
    "bank:primer",
    # A peer link opens one round's interviewer kit to whoever holds the token (never the answers).
    "peer",
    # A private calendar feed answers whoever holds its token (it carries the plan's dates, no answers).
    "plans:feed",
}


def _patterns(resolver: URLResolver | None = None, prefix: str = "", namespace: str = ""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry, route, ns)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", route


def _urls(route: str, values: dict[str, list[str]]) -> list[str]:
    names = re.findall(r"<(?:(\w+):)?(\w+)>", route)
    choices = [values["int" if kind == "int" else "str"] for kind, _ in names]
    urls = []
    for combo in itertools.product(*choices) if names else [()]:
        url = route
        for value in combo:
            url = re.sub(r"<(?:\w+:)?\w+>", value, url, count=1)
        urls.append("/" + url.replace("^", "").replace("$", ""))
    return urls


@pytest.fixture
def alices_things(alice, catalog):
    qid = next(iter(catalog.questions))
    practised(alice, f"My {SECRET} launch raised retention by 4% in one quarter.", question=f"Own {SECRET}?")
    practised(alice, f"Another {SECRET} answer about metrics and a 2% guardrail.", question_id=qid)
    drafted(alice, f"draft {SECRET}", question_id=qid)
    loop = looped(alice)
    first = loop.rounds.get(order=1)
    in_loop = practised(alice, f"A loop answer {SECRET}.", question_id=first.question_ids[0])
    in_loop.loop_round = first
    in_loop.save()
    card = RoundScorecard.objects.create(
        user=alice,
        loop=loop,
        loop_round=first,
        source="self",
        rater="alice",
        ratings={"job_awareness": 3},
        evidence={"job_awareness": SECRET},
        recommendation=3,
        summary=SECRET,
    )
    InformalNote.objects.create(user=alice, loop=loop, kind="chat", who="Lee", note=SECRET)
    PeerLink.objects.create(user=alice, loop_round=first, expires=timezone.now() + timedelta(days=1))
    PeerLink.objects.create(
        user=alice, loop_round=first, expires=timezone.now() + timedelta(days=1), used=timezone.now(), scorecard=card
    )
    Story.objects.create(user=alice, title=f"Story {SECRET}", result=f"Rose 4% {SECRET}")
    Contact.objects.create(
        user=alice,
        name=f"Sam {SECRET}",
        question=f"How {SECRET}?",
        learned=f"They {SECRET}",
        round_id="ei_case_presentation",
    )
    CaseDeck.objects.create(
        user=alice,
        title=f"Deck {SECRET}",
        prompt=f"Prompt {SECRET}",
        sections={"problem": f"Problem {SECRET}", "trade_offs": f"Trade-offs {SECRET}"},
    )
    plan = StudyPlan(user=alice, track="early_in", hours_per_week=8, data={})
    plan.new_feed_token()
    plan.data = generate_plan("early_in", date(2026, 8, 10), 8, interview_date=None, catalog=catalog).to_dict()
    plan.save()
    SelfCheckAnswers.objects.create(user=alice, goal=f"Goal {SECRET}", industry="streaming")
    return portability.export_user(alice)


def _values(alice) -> dict[str, list[str]]:
    ids, keys = set(), set()
    for section in portability.SECTIONS:
        for pk, uid in section.model.objects.filter(user=alice).values_list("pk", "uid"):
            ids.add(str(pk))
            keys.add(str(uid))
    tokens = list(PeerLink.objects.filter(user=alice).values_list("token", flat=True))
    tokens += list(StudyPlan.objects.filter(user=alice).values_list("feed_token", flat=True))
    return {"int": sorted(ids), "str": sorted(keys) + [alice.username] + tokens}


def test_every_url_pattern_is_known_to_this_test():
    names = {name for name, _ in _patterns()}
    assert PUBLIC <= names, f"PUBLIC lists pages that no longer exist: {PUBLIC - names}"
    assert len(names) > len(PUBLIC), "there are private pages to try"


@pytest.mark.parametrize("who", ["anonymous", "bob"])
def test_no_one_but_the_owner_reaches_a_users_data(client, alice, bob, alices_things, who):
    if who == "bob":
        client.force_login(bob)
    values = _values(alice)
    successes, tried = [], 0
    for name, route in _patterns():
        for url in _urls(route, values):
            for method in ("get", "post"):
                tried += 1
                response = getattr(client, method)(url)
                body = response.content.decode(errors="replace") if not getattr(response, "streaming", False) else ""
                shown = SECRET in body
                allowed = name in PUBLIC or (who == "bob" and "<" not in route)
                if shown or (200 <= response.status_code < 300 and not allowed):
                    successes.append(
                        f"{method.upper()} {url} ({name}) → {response.status_code}{' showing the secret' if shown else ''}"
                    )
                if who == "bob" and name not in PUBLIC:
                    client.force_login(bob)  # a POST to logout-like pages must not end the probe early
    assert tried > 20
    assert successes == []
    assert portability.export_user(alice)["data"] == alices_things["data"]
