"""Per-address limits on the anonymous APIs and on sign-up: N allowed, the next one a clear 429."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from pmprep.web.accounts.models import User
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 2, 10, 0, 0, tzinfo=UTC)
BODIES = {
    "api-analyze": {
        "question": "Tell me about a launch you led.",
        "answer": "I led a launch that raised retention by 4%.",
    },
    "api-classify": {"question": "How would you measure the success of downloads?"},
    "api-outreach": {"message": "Hi Sam, I am preparing for a PM interview. Could I ask you one question?"},
}


@pytest.fixture(autouse=True)
def limits(settings):
    settings.PMPREP_API_RATE = "3/m"
    settings.PMPREP_SIGNUP_RATE = "2/h"
    cache.clear()
    with time_machine.travel(NOW, tick=False) as clock:
        yield clock
    cache.clear()


def call(client: Client, name: str, address: str = "198.51.100.7", body: dict | None = None):
    return client.generic(
        "POST", reverse(name), json.dumps(body or BODIES[name]), content_type="application/json", REMOTE_ADDR=address
    )


def sign_up(client: Client, username: str, address: str = "198.51.100.7"):
    return client.post(
        reverse("accounts:signup"),
        {"username": username, "password1": PASSWORD, "password2": PASSWORD},
        REMOTE_ADDR=address,
    )


@pytest.mark.parametrize("name", list(BODIES))
def test_an_address_gets_three_api_calls_a_minute_then_a_json_429_with_retry_after(client, name, limits):
    assert [call(client, name).status_code for _ in range(3)] == [200, 200, 200]
    refused = call(client, name)
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert 1 <= wait <= 60
    assert refused.json() == {
        "error": "Too many requests from your address: the API answers 3 a minute. "
        f"Try again in {wait} second{'' if wait == 1 else 's'}.",
        "fields": {},
    }
    limits.shift(wait - 1)
    assert call(client, name).status_code == 429
    limits.shift(1)
    assert call(client, name).status_code == 200


def test_the_three_apis_share_one_budget_and_bad_requests_count(client):
    assert call(client, "api-analyze").status_code == 200
    assert call(client, "api-classify", body={"question": 7}).status_code == 400
    assert call(client, "api-outreach").status_code == 200
    assert call(client, "api-classify").status_code == 429


def test_each_address_has_its_own_count(client):
    for _ in range(3):
        call(client, "api-analyze", "198.51.100.7")
    assert call(client, "api-analyze", "198.51.100.7").status_code == 429
    assert call(client, "api-analyze", "198.51.100.8").status_code == 200
    assert call(client, "api-analyze", "2001:db8::1").status_code == 200


def test_a_forwarded_for_header_does_not_choose_the_count(client):
    """Only waitress, for the trusted proxy, turns X-Forwarded-For into REMOTE_ADDR (tests/e2e/test_proxy.py)."""
    for n in range(3):
        client.generic(
            "POST",
            reverse("api-analyze"),
            json.dumps(BODIES["api-analyze"]),
            content_type="application/json",
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
    refused = client.generic(
        "POST",
        reverse("api-analyze"),
        json.dumps(BODIES["api-analyze"]),
        content_type="application/json",
        REMOTE_ADDR="198.51.100.7",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert refused.status_code == 429


def test_get_is_refused_without_counting(client):
    for _ in range(5):
        assert client.get(reverse("api-analyze"), REMOTE_ADDR="198.51.100.7").status_code == 405
    assert call(client, "api-analyze").status_code == 200


def test_an_address_gets_two_sign_ups_an_hour_then_a_plain_429_page(client, limits):
    assert sign_up(client, "ada").status_code == 302
    client.post(reverse("accounts:logout"))
    assert sign_up(client, "bea", address="198.51.100.7").status_code == 302
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:signup"), REMOTE_ADDR="198.51.100.7").status_code == 200  # a GET is not counted
    refused = sign_up(client, "cy")
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert 1 <= wait <= 3600
    minutes = -(-wait // 60) if wait >= 60 else None
    page = refused.content.decode()
    assert "<h1>Too many sign-ups</h1>" in page
    assert "this pmprep accepts 2 an hour sign-up attempts from one address" in page
    shown = f"{minutes} minute{'' if minutes == 1 else 's'}" if minutes else f"{wait} second{'' if wait == 1 else 's'}"
    assert f"Try again in {shown}. No account was created." in page
    assert not User.objects.filter(username="cy").exists()
    assert sign_up(client, "cy", address="198.51.100.8").status_code == 302
    limits.shift(wait)
    client.post(reverse("accounts:logout"))
    assert sign_up(client, "dee").status_code == 302


def test_failed_sign_ups_count_too(client):
    for _ in range(2):
        assert (
            client.post(
                reverse("accounts:signup"),
                {"username": "ada", "password1": "short", "password2": "short"},
                REMOTE_ADDR="198.51.100.7",
            ).status_code
            == 400
        )
    assert sign_up(client, "ada").status_code == 429


def test_a_logged_in_users_pages_are_not_limited(client):
    alice = User.objects.create_user("alice", password=PASSWORD)
    for _ in range(4):
        call(client, "api-analyze")
    client.force_login(alice)
    for _ in range(10):
        assert (
            client.post(reverse("practice:draft"), {"answer": "half a thought"}, REMOTE_ADDR="198.51.100.7").status_code
            < 400
        )
        assert (
            client.post(reverse("accounts:profile"), {"track": "early_in"}, REMOTE_ADDR="198.51.100.7").status_code
            == 302
        )
    assert client.get(reverse("practice:answer"), REMOTE_ADDR="198.51.100.7").status_code == 200


def test_off_turns_a_limit_off(client, settings):
    settings.PMPREP_API_RATE = None
    assert {call(client, "api-classify").status_code for _ in range(10)} == {200}
