"""Autosave: what a user types is kept server-side and comes back when the question is reopened."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from pmprep.analysis import MAX_ANSWER_CHARS
from pmprep.web.practice.models import Attempt, Draft

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 2, 14, 5, 9, tzinfo=dt.UTC)


@pytest.fixture
def question(catalog):
    return next(q for q in catalog.questions.values() if q.type == "metrics")


def test_autosave_stores_the_text_and_counts_revisions(client, alice, question):
    client.force_login(alice)
    with time_machine.travel(NOW, tick=False):
        first = client.post(
            reverse("practice:draft"), {"question_id": question.id, "answer": "First thought", "seconds_taken": "30"}
        )
        second = client.post(
            reverse("practice:draft"),
            {"question_id": question.id, "answer": "First thought, refined", "seconds_taken": "45"},
        )
    assert first.json() == {"saved": True, "revision": 1, "updated": "2026-11-02T14:05:09+00:00"}
    assert second.json()["revision"] == 2
    draft = Draft.objects.get()
    assert (draft.user, draft.question_id, draft.answer, draft.seconds_taken) == (
        alice,
        question.id,
        "First thought, refined",
        45,
    )


def test_reopening_the_question_resumes_the_draft_and_its_time(client, alice, question):
    client.force_login(alice)
    with time_machine.travel(NOW, tick=False):
        client.post(
            reverse("practice:draft"),
            {"question_id": question.id, "answer": "Resume <me> please", "seconds_taken": "75"},
        )
    html = client.get(reverse("practice:answer") + f"?question={question.id}").content.decode()
    assert "Draft restored:" in html and "saved 2 Nov 2026" in html
    assert "Resume &lt;me&gt; please</textarea>" in html
    assert 'name="seconds_taken" value="75"' in html
    assert 'data-draft-updated="2026-11-02T14:05:09+00:00"' in html


def test_an_own_question_draft_keeps_the_question_text(client, alice):
    client.force_login(alice)
    client.post(
        reverse("practice:draft"), {"question_text": "How would you price a mobile-only plan?", "answer": "Start with"}
    )
    html = client.get(reverse("practice:answer")).content.decode()
    assert "How would you price a mobile-only plan?</textarea>" in html and "Start with</textarea>" in html


def test_submitting_the_answer_clears_the_draft(client, alice, question):
    client.force_login(alice)
    client.post(reverse("practice:draft"), {"question_id": question.id, "answer": "draft"})
    response = client.post(
        reverse("practice:answer"),
        {
            "question_id": question.id,
            "question_text": question.text,
            "answer": "I would track weekly viewing hours per member against a 4% target over two weeks.",
        },
    )
    assert response.status_code == 302
    assert not Draft.objects.exists() and Attempt.objects.count() == 1


def test_drafts_are_per_user(client, alice, bob, question):
    client.force_login(alice)
    client.post(reverse("practice:draft"), {"question_id": question.id, "answer": "alice's words"})
    client.force_login(bob)
    html = client.get(reverse("practice:answer") + f"?question={question.id}").content.decode()
    assert "alice&#x27;s words" not in html and "alice's words" not in html and "Draft restored" not in html


@pytest.mark.parametrize(
    "data, status, field, message",
    [
        (
            {"question_id": "no-such-question", "answer": "x"},
            400,
            "question_id",
            "there is no question 'no-such-question' in the bank",
        ),
        (
            {"answer": "x" * (MAX_ANSWER_CHARS + 1)},
            400,
            "answer",
            f"Ensure this value has at most {MAX_ANSWER_CHARS} characters (it has {MAX_ANSWER_CHARS + 1}).",
        ),
        ({"answer": "nul\x00byte"}, 400, "answer", "Null characters are not allowed."),
        (
            {"answer": "x", "seconds_taken": "-5"},
            400,
            "seconds_taken",
            "Ensure this value is greater than or equal to 0.",
        ),
        ({"answer": "x", "seconds_taken": "soon"}, 400, "seconds_taken", "Enter a whole number."),
    ],
)
def test_bad_drafts_are_refused_with_the_field_named(client, alice, data, status, field, message):
    client.force_login(alice)
    response = client.post(reverse("practice:draft"), data)
    assert response.status_code == status
    assert response.json() == {"error": "The draft was not saved.", "fields": {field: message}}
    assert not Draft.objects.exists()


def test_autosave_needs_a_login_and_a_post(client):
    response = client.post(reverse("practice:draft"), {"answer": "x"})
    assert response.status_code == 401 and response.json()["error"] == "Log in to save a draft."
    assert client.get(reverse("practice:draft")).status_code == 405


def _draft_owner(client, user) -> str:
    client.force_login(user)
    found = re.search(r'data-draft-owner="([^"]*)"', client.get(reverse("practice:answer")).content.decode())
    assert found, "the answer page names no owner for the browser's copy"
    return found.group(1)


def test_the_browser_copy_owner_is_stable_per_user_and_reveals_nothing(client, alice, bob):
    alices = {_draft_owner(client, alice) for _ in range(2)}
    bobs = _draft_owner(client, bob)
    assert len(alices) == 1 and bobs not in alices
    (owner,) = alices
    assert re.fullmatch(r"[0-9a-f]{32}", owner) and re.fullmatch(r"[0-9a-f]{32}", bobs)
    assert "alice" not in owner and str(alice.pk) != owner


def test_logging_out_tells_the_browser_to_clear_its_copies(client, alice):
    client.force_login(alice)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert response["Clear-Site-Data"] == '"storage"'
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_the_logout_form_is_marked_for_the_script_that_clears_copies(client, alice):
    client.force_login(alice)
    html = client.get(reverse("home")).content.decode()
    assert re.search(r'<form method="post" action="/accounts/logout/" data-clear-drafts>', html)
