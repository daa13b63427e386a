"""Bookmarking a bank question: a POST with its CSRF token, the user's own, working without JavaScript,
and carried by the export and the import."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse

from pmprep.web import portability
from pmprep.web.accounts.models import User
from pmprep.web.bank.models import Bookmark

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def question(catalog):
    return next(iter(catalog.questions.values()))


def bookmarks(user) -> list[str]:
    return sorted(Bookmark.objects.filter(user=user).values_list("question_id", flat=True))


def test_a_bookmark_is_set_and_removed_by_posting_the_state(client, alice, question):
    client.force_login(alice)
    url = reverse("bank:bookmark", args=[question.id])
    response = client.post(url, {"bookmarked": "1"})
    assert response.status_code == 302 and response["Location"] == reverse("bank:question", args=[question.id])
    assert bookmarks(alice) == [question.id]
    client.post(url, {"bookmarked": "1"})  # a second click (or a double submit) changes nothing
    assert bookmarks(alice) == [question.id]
    client.post(url, {"bookmarked": "0"})
    assert bookmarks(alice) == []


def test_it_rejects_get(client, alice, question):
    client.force_login(alice)
    assert client.get(reverse("bank:bookmark", args=[question.id])).status_code == 405
    assert bookmarks(alice) == []


def test_it_asks_a_visitor_to_log_in(client, question):
    response = client.post(reverse("bank:bookmark", args=[question.id]), {"bookmarked": "1"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert not Bookmark.objects.exists()


def test_it_refuses_a_post_without_its_csrf_token(alice, question):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post(reverse("bank:bookmark", args=[question.id]), {"bookmarked": "1"}).status_code == 403
    assert bookmarks(alice) == []


def test_the_forms_on_the_pages_carry_the_csrf_token(alice, question):
    """A browser without JavaScript: the list's and the question page's own forms, with their tokens."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    html = client.get(reverse("bank:question", args=[question.id])).content.decode()
    form = re.search(r'<form method="post" action="([^"]+)" class="bookmark">(.*?)</form>', html, re.S)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form.group(2)))
    assert form.group(1) == reverse("bank:bookmark", args=[question.id]) and "Bookmark this question" in form.group(2)
    assert client.post(form.group(1), fields).status_code == 302
    assert bookmarks(alice) == [question.id]

    html = client.get(reverse("bank:questions") + "?track=all").content.decode()
    form = re.search(r'<form method="post" class="bookmarks"[^>]*>(.*?)</form>', html, re.S).group(1)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form))
    button = re.search(
        rf'<button type="submit" formaction="({re.escape(reverse("bank:bookmark", args=[question.id]))})" '
        r'name="bookmarked" value="(\d)"[^>]*>([^<]+)</button>',
        form,
    )
    assert button.group(2, 3) == ("0", "Remove bookmark")
    response = client.post(button.group(1), {**fields, "bookmarked": button.group(2)})
    assert response.status_code == 302 and response["Location"] == reverse("bank:questions") + "?track=all"
    assert bookmarks(alice) == []


def test_a_bookmark_is_the_users_own(client, alice, bob, question, catalog):
    other = list(catalog.questions)[1]
    Bookmark.objects.create(user=alice, question_id=question.id)
    client.force_login(bob)
    client.post(reverse("bank:bookmark", args=[question.id]), {"bookmarked": "0"})
    client.post(reverse("bank:bookmark", args=[other]), {"bookmarked": "1"})
    assert bookmarks(alice) == [question.id] and bookmarks(bob) == [other]


def test_an_unknown_question_cannot_be_bookmarked(client, alice):
    client.force_login(alice)
    assert client.post(reverse("bank:bookmark", args=["nope"]), {"bookmarked": "1"}).status_code == 404
    assert bookmarks(alice) == []


@pytest.mark.parametrize("back", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_it_goes_back_only_to_a_page_of_this_site(client, alice, question, back):
    client.force_login(alice)
    response = client.post(reverse("bank:bookmark", args=[question.id]), {"bookmarked": "1", "next": back})
    assert response["Location"] == reverse("bank:question", args=[question.id])


# ---------------------------------------------------------------- export and import


@pytest.fixture
def alices_bookmarks(alice, catalog):
    ids = list(catalog.questions)[:3]
    for n, qid in enumerate(ids):
        Bookmark.objects.create(user=alice, question_id=qid, created=NOW - dt.timedelta(days=n))
    return ids


def test_the_export_holds_the_bookmarks(alice, alices_bookmarks):
    rows = portability.export_user(alice, now=NOW)["data"]["bookmarks"]
    assert [(r["question_id"], r["created"]) for r in rows] == [
        (alices_bookmarks[0], "2026-11-20T09:00:00+00:00"),
        (alices_bookmarks[1], "2026-11-19T09:00:00+00:00"),
        (alices_bookmarks[2], "2026-11-18T09:00:00+00:00"),
    ]
    assert set(rows[0]) == {"uid", "question_id", "created"}


def test_bookmarks_survive_an_export_and_import_into_a_new_instance(alice, alices_bookmarks):
    before = portability.export_user(alice, now=NOW)
    Bookmark.objects.filter(user=alice).delete()
    alice.delete()
    owner, summary = portability.import_document(before, "alice.json")
    assert summary.created["bookmarks"] == 3
    assert portability.export_user(owner, now=NOW) == before


def test_importing_the_bookmarks_again_changes_nothing(alice, alices_bookmarks):
    document = portability.export_user(alice, now=NOW)
    _, summary = portability.import_document(document, "again.json", user=alice)
    assert summary.created["bookmarks"] == 0 and summary.already_present["bookmarks"] == 3
    assert bookmarks(alice) == sorted(alices_bookmarks)


def test_the_newer_bookmark_of_the_same_question_is_kept(alice, alices_bookmarks):
    document = portability.export_user(alice, now=NOW)
    alice.delete()
    carol = User.objects.create_user("carol", password="correct horse battery")
    Bookmark.objects.create(user=carol, question_id=alices_bookmarks[0], created=NOW + dt.timedelta(days=1))
    _, summary = portability.import_document(document, "alice.json", user=carol)
    assert summary.created["bookmarks"] == 2 and summary.already_present["bookmarks"] == 1
    assert bookmarks(carol) == sorted(alices_bookmarks)
    assert Bookmark.objects.get(user=carol, question_id=alices_bookmarks[0]).created == NOW + dt.timedelta(days=1)


def test_an_export_from_before_bookmarks_still_imports(alice, alices_bookmarks):
    document = portability.export_user(alice, now=NOW)
    del document["data"]["bookmarks"]
    Bookmark.objects.filter(user=alice).delete()
    alice.delete()
    owner, summary = portability.import_document(document, "old.json")
    assert summary.created["bookmarks"] == 0 and bookmarks(owner) == []


def test_a_bookmark_without_a_question_is_refused(alice, alices_bookmarks):
    document = portability.export_user(alice, now=NOW)
    document["data"]["bookmarks"][1]["question_id"] = " "
    with pytest.raises(portability.ImportProblem) as refused:
        portability.import_document(document, "bad.json", user=alice)
    assert refused.value.problems == ["data.bookmarks[1].question_id: must name a question of the bank"]
