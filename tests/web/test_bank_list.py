"""The question bank list: the user's track by default, their marks on each question, numbered pages,
search, an empty state that says what to do, and no ids on screen."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from pmprep.bank.query import related_questions
from pmprep.review import new_card
from pmprep.web.accounts.models import User
from pmprep.web.bank.models import Bookmark
from pmprep.web.practice.models import ReviewCard
from tests.core.test_bank_search import holding
from tests.web.conftest import practised
from tests.web.test_loop_labels import SNAKE_CASE, visible

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
ANSWER = "I led the onboarding redesign; completion rose from 52% to 61% in three weeks."
ROW = re.compile(r'<li class="question-row">(.*?)</li>', re.S)


def page(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def listed(html: str) -> list[str]:
    """The question ids of the rows shown, in order (read from their links)."""
    return [re.search(r'href="/questions/([^/"]+)/"', row).group(1) for row in ROW.findall(html)]


def marks(html: str) -> dict[str, set[str]]:
    """Question id -> the marks its row shows (only rows with any)."""
    found = {}
    for row in ROW.findall(html):
        shown = set(re.findall(r'<span class="badge mark-([a-z]+)">', row))
        if shown:
            found[re.search(r'href="/questions/([^/"]+)/"', row).group(1)] = shown
    return found


def count_line(html: str) -> str:
    return visible(re.search(r'<p id="result-count"[^>]*>(.*?)</p>', html, re.S).group(1))


# ---------------------------------------------------------------- the track


def test_the_list_shows_the_users_own_track_by_default(client, alice, catalog):
    client.force_login(alice)
    html = page(client, reverse("bank:questions"))
    mine = [q.id for q in catalog.questions.values() if "early_in" in q.tracks]
    assert len(mine) < len(catalog.questions)
    assert count_line(html) == f"{len(mine)} questions match."
    assert listed(html) == mine[:25]
    name = catalog.tracks["early_in"].name
    assert f"Showing the {name} track's questions, your track." in html


def test_see_all_tracks_is_a_visible_link_and_the_choice_is_kept(client, alice, catalog):
    client.force_login(alice)
    html = page(client, reverse("bank:questions"))
    link = re.search(r'<a href="([^"]+)">See all tracks</a>', html).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(link).query) == {"track": ["all"]}
    every = page(client, reverse("bank:questions") + link)
    assert count_line(every) == f"{len(catalog.questions)} questions."
    assert "See only the" in every and '<option value="all" selected>All tracks</option>' in every
    # The pager and the other filters keep the choice.
    assert 'href="?track=all&amp;page=2"' in every


def test_other_filters_apply_within_the_users_track(client, bob, catalog):
    client.force_login(bob)
    html = page(client, reverse("bank:questions") + "?type=metrics")
    expected = [q.id for q in catalog.questions.values() if q.type == "metrics" and "experienced" in q.tracks]
    assert count_line(html) == f"{len(expected)} questions match."
    assert listed(html) == expected[:25]
    assert '<option value="experienced" selected>' in html


def test_a_visitor_and_a_user_without_a_track_see_every_track(client, catalog):
    assert count_line(page(client, reverse("bank:questions"))) == f"{len(catalog.questions)} questions."
    client.force_login(User.objects.create_user("nat", password="x" * 12))
    assert count_line(page(client, reverse("bank:questions"))) == f"{len(catalog.questions)} questions."


# ---------------------------------------------------------------- marks


@pytest.fixture
def marked(alice, bob, catalog):
    """On the first page of every track: answered (0 and 3), bookmarked (1), due (2); 3's card is not due yet."""
    ids = list(catalog.questions)[:5]
    with time_machine.travel(NOW - dt.timedelta(days=3), tick=False):
        practised(alice, ANSWER, question_id=ids[0])
        practised(alice, ANSWER, question_id=ids[3])
        practised(bob, ANSWER, question_id=ids[4])  # someone else's
    Bookmark.objects.create(user=alice, question_id=ids[1])
    Bookmark.objects.create(user=bob, question_id=ids[0])
    ReviewCard.objects.create(user=alice, key=ids[2], card=new_card(NOW), due=NOW - dt.timedelta(hours=1))
    ReviewCard.objects.create(user=alice, key=ids[3], card=new_card(NOW), due=NOW + dt.timedelta(hours=1))
    ReviewCard.objects.create(user=alice, kind="story", key=ids[4], card=new_card(NOW), due=NOW - dt.timedelta(days=1))
    return ids


@time_machine.travel(NOW, tick=False)
def test_each_question_shows_the_users_marks_in_words(client, alice, marked):
    client.force_login(alice)
    html = page(client, reverse("bank:questions") + "?track=all")
    assert marks(html) == {
        marked[0]: {"answered"},
        marked[1]: {"bookmarked"},
        marked[2]: {"due"},
        marked[3]: {"answered"},
    }
    assert "✓ Answered</span>" in html and "★ Bookmarked</span>" in html and "⟳ Due for review</span>" in html


@time_machine.travel(NOW, tick=False)
def test_a_visitor_sees_no_marks_and_no_bookmark_buttons(client, marked):
    html = page(client, reverse("bank:questions"))
    assert marks(html) == {} and "Bookmark</button>" not in html


@time_machine.travel(NOW, tick=False)
def test_the_marks_cost_the_same_queries_however_many_there_are(client, alice, marked, catalog):
    empty = User.objects.create_user("nat", password="x" * 12)
    counts = []
    for user in (empty, alice):
        client.force_login(user)
        client.get(reverse("bank:questions") + "?track=all")  # the session is saved once, on the first visit
        with CaptureQueriesContext(connection) as queries:
            page(client, reverse("bank:questions") + "?track=all")
        counts.append(len(queries))
    assert counts == [3, 3]  # the session, the user, and one for every mark on the page


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    "mine, expected",
    [("bookmarked", [1]), ("answered", [0, 3]), ("due", [2])],
)
def test_the_yours_filter_lists_the_marked_questions(client, alice, marked, mine, expected):
    client.force_login(alice)
    html = page(client, reverse("bank:questions") + f"?track=all&mine={mine}")
    assert listed(html) == [marked[i] for i in expected]


@time_machine.travel(NOW, tick=False)
def test_not_answered_yet_leaves_out_the_answered_ones(client, alice, marked, catalog):
    client.force_login(alice)
    html = page(client, reverse("bank:questions") + "?track=all&mine=unanswered")
    assert count_line(html) == f"{len(catalog.questions) - 2} questions match."
    assert marked[0] not in listed(html) and marked[1] in listed(html)


def test_an_unknown_yours_value_is_refused_clearly(client, alice):
    client.force_login(alice)
    html = page(client, reverse("bank:questions") + "?mine=starred", 400)
    assert "unknown mine &#x27;starred&#x27;; expected one of: bookmarked, answered, unanswered, due" in html


# ---------------------------------------------------------------- pages


def pager(html: str) -> list[tuple[str, str]]:
    """(text, page number or "") of each pager item, and which one is current, in order."""
    nav = re.search(r'<nav aria-label="Pages" class="pager">(.*?)</nav>', html, re.S).group(1)
    items = []
    for link in re.finditer(r"<a ([^>]*)>([^<]*)</a>|<span aria-hidden=\"true\">…</span>", nav):
        if link.group(0).startswith("<span"):
            items.append(("…", ""))
            continue
        number = re.search(r"page=(\d+)", link.group(1)).group(1)
        current = " (current)" if 'aria-current="page"' in link.group(1) else ""
        items.append((link.group(2) + current, number))
    return items


def test_pages_are_numbered_with_first_previous_next_and_last(client, catalog):
    assert -(-len(catalog.questions) // 25) == 16
    html = page(client, reverse("bank:questions") + "?track=all&page=8")
    assert pager(html) == [
        ("« First", "1"),
        ("‹ Previous", "7"),
        ("1", "1"),
        ("…", ""),
        ("6", "6"),
        ("7", "7"),
        ("8 (current)", "8"),
        ("9", "9"),
        ("10", "10"),
        ("…", ""),
        ("16", "16"),
        ("Next ›", "9"),
        ("Last »", "16"),
    ]
    assert listed(html) == list(catalog.questions)[175:200]
    assert "Page 8 of 16" in html


def test_the_first_page_has_no_way_back_and_the_last_no_way_on(client, catalog):
    first = pager(page(client, reverse("bank:questions") + "?track=all"))
    assert first == [
        ("1 (current)", "1"),
        ("2", "2"),
        ("3", "3"),
        ("…", ""),
        ("16", "16"),
        ("Next ›", "2"),
        ("Last »", "16"),
    ]
    last = pager(page(client, reverse("bank:questions") + "?track=all&page=16"))
    assert last == [
        ("« First", "1"),
        ("‹ Previous", "15"),
        ("1", "1"),
        ("…", ""),
        ("14", "14"),
        ("15", "15"),
        ("16 (current)", "16"),
    ]


def test_page_links_keep_the_filters(client):
    html = page(client, reverse("bank:questions") + "?type=technical&q=cache&track=all")
    assert 'href="?type=technical&amp;q=cache&amp;track=all&amp;page=2"' in html


# ---------------------------------------------------------------- search


def test_searching_a_b_finds_the_questions_that_say_a_b(client, catalog):
    expected = holding(catalog, r"(?<![a-z0-9/&-])a/b(?![a-z0-9/&-])")
    html = page(client, reverse("bank:questions") + "?q=A%2FB&track=all")
    assert count_line(html) == f"{len(expected)} questions match."
    assert len(expected) == 61


def test_a_typo_is_read_as_the_nearest_word_and_says_so(client, catalog):
    html = page(client, reverse("bank:questions") + "?q=bufering&track=all")
    buffering = holding(catalog, r"\bbuffering")
    assert set(listed(html)) == buffering and count_line(html) == f"{len(buffering)} questions match."
    assert "No question has the word 'bufering'; showing questions with 'buffering'." in html


@pytest.mark.parametrize("query", ["%F0%9F%99%82", "%21%21%21", "%E2%80%94"])  # 🙂, !!!, —
def test_a_query_of_only_symbols_says_to_search_for_words(client, query):
    html = page(client, reverse("bank:questions") + f"?q={query}")
    assert count_line(html) == "0 questions match."
    assert "Search for words, for example &#x27;churn&#x27;." in html
    assert "questions match &#x27;" not in html


def test_the_search_box_is_capped(client):
    html = page(client, reverse("bank:questions") + "?q=" + "churn+" * 100)
    assert 'maxlength="200"' in html
    searched = ("churn " * 100).strip()[:200]  # what was searched: its first 200 characters
    assert f'value="{searched}"' in html


# ---------------------------------------------------------------- the empty state


def empty_state(html: str) -> tuple[str, list[tuple[str, str]]]:
    box = re.search(r'<div class="empty-state">(.*?)</div>', html, re.S).group(1)
    buttons = re.findall(r'<a class="button" href="([^"]+)">([^<]+)</a>', box)
    return visible(box.split("<a ")[0]), [(text, href.replace("&amp;", "&")) for href, text in buttons]


def test_a_search_with_no_match_says_so_with_one_button_to_clear_it(client):
    html = page(client, reverse("bank:questions") + "?type=metrics&q=xyzzy&track=all")
    sentence, buttons = empty_state(html)
    assert sentence == "No metrics questions match 'xyzzy'."
    assert buttons == [("Clear the search", "/questions/?type=metrics&track=all")]
    assert '<ol class="question-list"' not in html


def test_an_emoji_search_has_the_same_one_button(client):
    sentence, buttons = empty_state(page(client, reverse("bank:questions") + "?q=%F0%9F%99%82&difficulty=hard"))
    assert sentence == "Search for words, for example 'churn'."
    assert buttons == [("Clear the search", "/questions/?difficulty=hard&track=all")]


def test_filters_with_no_match_offer_to_clear_them(client, alice):
    client.force_login(alice)
    html = page(client, reverse("bank:questions") + "?type=estimation&difficulty=easy&mine=bookmarked")
    sentence, buttons = empty_state(html)
    assert sentence == "No easy estimation questions match these filters."
    assert buttons == [("Clear the filters", "/questions/?track=all")]


# ---------------------------------------------------------------- names, not ids


@time_machine.travel(NOW, tick=False)
def test_no_question_id_is_on_screen(client, alice, marked, catalog):
    client.force_login(alice)
    ids = set(catalog.questions)
    for url in (
        reverse("bank:questions") + "?track=all",
        reverse("bank:questions") + "?track=all&page=16",
        reverse("bank:questions") + "?q=churn",
        reverse("bank:question", args=[marked[0]]),
        reverse("bank:question", args=[next(q.id for q in catalog.questions.values() if q.type == "metrics")]),
    ):
        text = visible(page(client, url))
        shown = {qid for qid in ids if re.search(rf"(?<![\w-]){re.escape(qid)}(?![\w-])", text)}
        assert shown == set(), url
        assert SNAKE_CASE.findall(text) == [], url


def test_each_row_names_its_type_difficulty_and_rounds(client, alice, catalog):
    client.force_login(alice)
    html = page(client, reverse("bank:questions"))
    q = next(q for q in catalog.questions.values() if "early_in" in q.tracks)
    row = ROW.findall(html)[0]
    rounds = [catalog.rounds[r].name for r in q.rounds if catalog.rounds[r].track == "early_in"]
    assert visible(row).startswith(
        f"{q.text} {catalog.question_types[q.type].name} {q.difficulty.value.capitalize()} Asked in {'; '.join(rounds)}"
    )


# ---------------------------------------------------------------- the question page


def test_related_questions_of_a_metrics_question_are_metrics_first(client, catalog):
    q = next(q for q in catalog.questions.values() if q.type == "metrics")
    html = page(client, reverse("bank:question", args=[q.id]))
    section = re.search(r'<section aria-labelledby="related-heading">(.*?)</section>', html, re.S).group(1)
    shown = re.findall(r'href="/questions/([^/"]+)/"', section)
    assert shown == [r.id for r in related_questions(catalog, q)]
    assert catalog.questions[shown[0]].type == "metrics"
    assert escape(catalog.question_types["metrics"].name) in section


@time_machine.travel(NOW, tick=False)
def test_the_question_page_shows_the_marks_and_the_title_has_no_id(client, alice, marked, catalog):
    client.force_login(alice)
    html = page(client, reverse("bank:question", args=[marked[0]]))
    assert '<span class="badge mark-answered">✓ Answered</span>' in html and "mark-bookmarked" not in html
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert marked[0] not in title and title.startswith(
        escape(catalog.question_types[catalog.questions[marked[0]].type].name)
    )
