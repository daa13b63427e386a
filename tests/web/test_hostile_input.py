"""Hostile input to every write: a clear 4xx, never a 500, and nothing stored half-way."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmprep.analysis import MAX_ANSWER_CHARS
from pmprep.web.accounts.models import User
from pmprep.web.practice.api import MAX_BODY
from pmprep.web.practice.models import Attempt, Draft

pytestmark = pytest.mark.django_db
API = ["api-analyze", "api-classify"]
FORMS = [
    "practice:answer",
    "practice:draft",
    "accounts:profile",
    "portability:data",
    "accounts:signup",
    "accounts:login",
]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
# Bodies shaped like the real ones, with every field taking any JSON value (or missing).
FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "question": JSON_VALUES | st.text(max_size=300),
        "answer": JSON_VALUES | st.text(max_size=2000),
        "question_type": JSON_VALUES | st.sampled_from(["metrics", "behavioral", "nope"]),
        "seconds": JSON_VALUES,
        "extra": JSON_VALUES,
    },
)
FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def _post_json(client: Client, name: str, body: bytes, content_type: str = "application/json"):
    return client.generic("POST", reverse(name), body, content_type=content_type)


def _assert_clear(response) -> dict:
    assert response.status_code < 500
    data = response.json()
    if response.status_code >= 400:
        assert isinstance(data["error"], str) and data["error"] and isinstance(data["fields"], dict)
    return data


@FAST
@given(name=st.sampled_from(API), body=FIELDS | JSON_VALUES)
def test_any_json_value_gets_an_answer_or_a_clear_error(client, name, body):
    response = _post_json(client, name, json.dumps(body).encode())
    data = _assert_clear(response)
    if not isinstance(body, dict):
        assert (response.status_code, data["error"]) == (400, "The JSON body must be an object.")


@FAST
@given(name=st.sampled_from(API), body=st.binary(max_size=400))
def test_binary_junk_is_refused_cleanly(client, name, body):
    response = _post_json(client, name, body)
    _assert_clear(response)


@pytest.mark.parametrize(
    "body, status, error",
    [
        (b'\xff\xfe{"question": 1}', 400, "The request body is not UTF-8."),
        (b"[" * 50_000 + b"]" * 50_000, 400, "The request body is not valid JSON."),
        (b'{"question": "a", ', 400, "The request body is not valid JSON."),
        (b"x" * (MAX_BODY + 1), 413, f"The request body is over {MAX_BODY:,} bytes."),
        (b"x" * 3_000_000, 413, f"The request body is over {MAX_BODY:,} bytes."),
        # Python refuses to turn more than 4,300 digits into an integer (a ValueError, not a JSON error).
        (
            b'{"question": "q", "seconds": ' + b"9" * 5_000 + b"}",
            400,
            "The request body has a number too long to read.",
        ),
    ],
)
@pytest.mark.parametrize("name", API + ["api-outreach"])
def test_malformed_bodies(client, name, body, status, error):
    response = _post_json(client, name, body)
    assert (response.status_code, response.json()["error"]) == (status, error)


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]
)
def test_wrong_content_types_get_415(client, content_type):
    response = _post_json(client, "api-analyze", b'{"question": "q", "answer": "a"}', content_type)
    assert response.status_code == 415
    assert response.json()["error"] == "Send a JSON body with Content-Type: application/json."


def test_missing_and_oversized_fields_are_each_named(client):
    response = _post_json(
        client, "api-analyze", json.dumps({"answer": "a" * (MAX_ANSWER_CHARS + 1), "seconds": "ten"}).encode()
    )
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "question": "is required",
        "answer": f"must be at most {MAX_ANSWER_CHARS:,} characters (got {MAX_ANSWER_CHARS + 1:,})",
        "seconds": "must be a number of seconds between 0 and 86400",
    }


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


@FAST
@given(
    name=st.sampled_from(FORMS),
    body=st.binary(max_size=300),
    content_type=st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=----b",
            "multipart/form-data",
            "application/json",
            "text/plain",
            "application/octet-stream",
        ]
    ),
)
def test_forms_survive_junk_bodies(signed_in, name, body, content_type):
    before = (Attempt.objects.count(), User.objects.count())
    response = signed_in.generic("POST", reverse(name), body, content_type=content_type)
    assert response.status_code < 500
    assert (Attempt.objects.count(), User.objects.count()) == before


@FAST
@given(answer=st.text(max_size=400), question=st.text(max_size=200), seconds=st.text(max_size=8))
def test_the_answer_form_takes_any_text(signed_in, answer, question, seconds):
    before = Attempt.objects.count()
    response = signed_in.post(
        reverse("practice:answer"), {"question_text": question, "answer": answer, "seconds_taken": seconds}
    )
    assert response.status_code in (302, 400)
    assert Attempt.objects.count() == before + (response.status_code == 302)


def test_an_oversized_answer_is_refused_with_a_message_and_nothing_stored(signed_in):
    response = signed_in.post(
        reverse("practice:answer"), {"question_text": "Why Netflix?", "answer": "word " * (MAX_ANSWER_CHARS // 5 + 1)}
    )
    assert response.status_code == 400
    assert f"Ensure this value has at most {MAX_ANSWER_CHARS} characters" in response.content.decode()
    assert not Attempt.objects.exists() and not Draft.objects.exists()


def test_invalid_utf8_in_a_form_is_read_as_text_not_a_crash(signed_in):
    body = b"question_text=Why%20Netflix%3F&answer=" + b"%ff%fe%fd" * 10
    response = signed_in.generic(
        "POST", reverse("practice:answer"), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (302, 400)


def test_a_truncated_multipart_upload_is_a_400(signed_in):
    body = b'------b\r\nContent-Disposition: form-data; name="file"; filename="x.json"\r\n\r\n{"form'
    response = signed_in.generic(
        "POST", reverse("portability:data"), body, content_type="multipart/form-data; boundary=----b"
    )
    assert response.status_code == 400
