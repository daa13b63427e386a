from __future__ import annotations

import re

import pytest
import time_machine
from django.urls import reverse
from django.utils.html import escape

from pmprep.web.accounts.models import User

pytestmark = pytest.mark.django_db


def page(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize("name", ["home", "bank:loop_index", "bank:questions", "bank:primers"])
def test_catalog_pages_are_public(client, name):
    page(client, reverse(name))


def test_health(client):
    response = client.get(reverse("health"))
    assert response.json()["status"] == "ok" and response.json()["questions"] >= 300


def test_loop_index_redirects_a_user_with_a_track(client):
    user = User.objects.create_user("ed", password="x" * 12, track="experienced")
    client.force_login(user)
    response = client.get(reverse("bank:loop_index"))
    assert response["Location"] == reverse("bank:loop", args=["experienced"])


def test_early_in_loop_lists_rounds_in_order_with_durations(client):
    html = page(client, reverse("bank:loop", args=["early_in"]))
    names = re.findall(r'<h3>([^<]+?) <span class="duration">([^<]+)</span>', html)
    assert names == [
        ("Recruiter screen", "30 min"),
        ("Hiring-manager behavioural interview", "45 min"),
        ("Technical deep dive", "60 min"),
        ("Case-study presentation", "90 min"),
    ]
    assert "An engineering manager" in html and "225 minutes across 4 rounds" in html


@time_machine.travel("2026-10-20 12:00:00+00:00", tick=False)
def test_early_in_loop_warns_when_the_window_is_closing(client):
    html = page(client, reverse("bank:loop", args=["early_in"]))
    assert "Today is <strong>20 October 2026</strong>" in html
    assert "The application window closes in 12 days (1 Nov 2026)" in html
    assert 'role="alert"' in html


@time_machine.travel("2026-11-22 09:00:00+00:00", tick=False)
def test_early_in_loop_warns_when_the_window_is_closed(client):
    html = page(client, reverse("bank:loop", args=["early_in"]))
    assert "The application window closed on 1 Nov 2026 (21 days ago)" in html
    assert "the next window opens on 1 Aug 2027" in html
    assert "✕ Closed" in html and "● Open now" in html  # applications closed, interviews under way


@time_machine.travel("2026-08-20 09:00:00+00:00", tick=False)
def test_early_in_loop_open_window_has_no_warning(client):
    html = page(client, reverse("bank:loop", args=["early_in"]))
    assert "Warning:" not in html
    assert "The application window is open until 1 Nov 2026 (73 days left)." in html


def test_experienced_loop_has_the_onsite_and_no_calendar(client):
    html = page(client, reverse("bank:loop", args=["experienced"]))
    assert "Onsite — case-study presentation" in html and "only for technical roles" in html
    assert "Early-in university hiring cycle" not in html
    assert "45–60 min" in html


def test_unknown_track_is_a_clear_404(client):
    assert "There is no track &#x27;interns&#x27;." in page(client, reverse("bank:loop", args=["interns"]), 404)


def test_bank_lists_every_question_paginated(client, catalog):
    html = page(client, reverse("bank:questions"))
    assert f"{len(catalog.questions)} questions." in html
    assert html.count('class="question-row"') == 25


def test_bank_filters_combine(client, catalog):
    html = page(client, reverse("bank:questions") + "?type=technical&round=ei_technical_deep_dive&difficulty=hard")
    expected = [
        q
        for q in catalog.questions.values()
        if q.type == "technical" and "ei_technical_deep_dive" in q.rounds and q.difficulty == "hard"
    ]
    assert expected
    assert f"{len(expected)} question{'s' if len(expected) != 1 else ''} match" in html
    for q in expected[:25]:
        assert reverse("bank:question", args=[q.id]) in html


def test_bank_search_finds_by_word(client):
    html = page(client, reverse("bank:questions") + "?q=buffering")
    assert "match" in html and "buffering" in html.lower()
    assert 'value="buffering"' in html


def test_bank_search_with_no_match(client):
    html = page(client, reverse("bank:questions") + "?q=zzqxv")
    assert "0 questions match." in html and "No questions match &#x27;zzqxv&#x27;." in html


def test_bank_rejects_unknown_filter_values_clearly(client):
    html = page(client, reverse("bank:questions") + "?type=riddle", 400)
    assert "unknown type &#x27;riddle&#x27;; expected one of: behavioral, culture, estimation" in html


def test_question_page_hides_talking_points_until_revealed(client, catalog):
    q = next(iter(catalog.questions.values()))
    html = page(client, reverse("bank:question", args=[q.id]))
    details = re.search(r'<details class="reveal" id="talking-points">(.*?)</details>', html, re.S)
    assert details and "<summary>" in details.group(1)
    assert "open" not in re.search(r'<details[^>]*id="talking-points"[^>]*>', html).group(0)
    assert [escape(p) for p in q.talking_points] == re.findall(r"<li>(.*?)</li>", details.group(1))


def test_question_page_links_primers_and_rounds(client, catalog):
    q = next(q for q in catalog.questions.values() if q.primers)
    html = page(client, reverse("bank:question", args=[q.id]))
    for pid in q.primers:
        assert reverse("bank:primer", args=[pid]) in html
    for rid in q.rounds:
        assert f"#round-{rid}" in html


def test_unknown_question_is_a_clear_404(client):
    assert "There is no question &#x27;nope&#x27; in the bank." in page(
        client, reverse("bank:question", args=["nope"]), 404
    )


def test_primer_page_renders_markdown_safely(client, catalog):
    primer = catalog.primers["cdn-video"]
    html = page(client, reverse("bank:primer", args=[primer.id]))
    assert f"<h1>{primer.title}</h1>" in html
    assert "<h2>" in html and "<script" not in html.split("</main>")[0].split("<main")[1]


def test_time_sensitive_primer_shows_its_date(client, catalog):
    dated = [p for p in catalog.primers.values() if p.as_of]
    assert dated, "the streaming landscape primer carries an as-of date"
    html = page(client, reverse("bank:primer", args=[dated[0].id]))
    assert "the facts below were true as of" in html


def test_pages_serve_their_own_assets(client):
    html = page(client, reverse("home"))
    assert '<link rel="stylesheet" href="/static/pmprep/app.css">' in html
    assert "http://" not in html and "https://" not in html


@pytest.mark.parametrize("asset", ["pmprep/app.css", "pmprep/app.js"])
def test_assets_are_served_by_the_app(client, asset):
    response = client.get(f"/static/{asset}")
    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] in {"text/css", "text/javascript", "application/javascript"}
