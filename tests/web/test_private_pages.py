"""Cache-Control: private, no-store on every page that can show someone's data (pmprep.web.privacy).

The URL patterns come from the resolver (as in test_ownership.py), so a page added tomorrow is tried too.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from pmprep.web.loops.models import PeerLink
from pmprep.web.plans.models import StudyPlan
from tests.web.test_ownership import _patterns, _urls, _values, alices_things  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db
PRIVATE = "private, no-store"


def test_every_response_to_a_logged_in_user_is_private(client, alice, alices_things):  # noqa: F811
    client.force_login(alice)
    values = _values(alice)
    wrong, tried = [], 0
    for name, route in _patterns():
        for url in _urls(route, values):
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                tried += 1
                if response.get("Cache-Control") != PRIVATE:
                    wrong.append(
                        f"{method.upper()} {url} ({name}) → {response.status_code} {response.get('Cache-Control')!r}"
                    )
                client.force_login(alice)  # a POST to logout or delete must not end the round early
    assert tried > 100
    assert wrong == []


def test_pages_opened_by_a_token_are_private_for_anyone(client, alice, alices_things):  # noqa: F811
    link = PeerLink.objects.filter(user=alice, used__isnull=True).get()
    feed = StudyPlan.objects.get(user=alice).feed_token
    for url in (reverse("peer", args=[link.token]), reverse("plans:feed", args=[feed])):
        response = client.get(url)
        assert (response.status_code, response["Cache-Control"]) == (200, PRIVATE), url


@pytest.mark.parametrize("name", ["accounts:login", "accounts:signup"])
def test_forms_with_a_csrf_token_are_private(client, name):
    assert client.get(reverse(name))["Cache-Control"] == PRIVATE


def test_an_api_answer_is_private(client):
    response = client.post(
        reverse("api-classify"), {"question": "How would you grow downloads?"}, content_type="application/json"
    )
    assert (response.status_code, response["Cache-Control"]) == (200, PRIVATE)


def test_shared_catalog_pages_stay_cacheable_for_anonymous_visitors(client, catalog):
    question = next(iter(catalog.questions))
    primer = next(iter(catalog.primers))
    track = next(iter(catalog.tracks))
    for url in (
        reverse("home"),
        reverse("bank:questions"),
        reverse("bank:question", args=[question]),
        reverse("bank:primers"),
        reverse("bank:primer", args=[primer]),
        reverse("bank:loop_index"),
        reverse("bank:loop", args=[track]),
    ):
        response = client.get(url)
        assert response.status_code == 200 and "no-store" not in response.get("Cache-Control", ""), url


def test_the_same_catalog_page_is_private_once_logged_in(client, alice):
    client.force_login(alice)
    assert client.get(reverse("bank:questions"))["Cache-Control"] == PRIVATE


def test_static_assets_keep_their_own_caching(client, alice):
    client.force_login(alice)
    response = client.get("/static/pmprep/app.css")
    assert response.status_code == 200 and "no-store" not in response.get("Cache-Control", "")
