"""A real headless Chromium (Debian's /usr/bin/chromium) browsing the question bank."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import sign_up


@pytest.mark.browser
def test_filter_open_a_question_and_reveal_its_talking_points(served, page, catalog):
    page.goto(served.url + "/questions/")
    total = len(catalog.questions)
    assert page.locator("#result-count").inner_text() == f"{total} questions."

    # Choosing a type submits the filter form on its own (progressive enhancement).
    page.get_by_label("Type").select_option("technical")
    page.wait_for_url("**type=technical**")
    technical = sum(1 for q in catalog.questions.values() if q.type == "technical")
    assert page.locator("#result-count").inner_text() == f"{technical} questions match."

    page.get_by_label("Search").fill("cache")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**q=cache**")
    first = page.locator(".question-row a").first
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title

    points = page.locator("#talking-points ol")
    assert not points.is_visible()
    page.get_by_text("Show the talking points").click()
    assert points.is_visible()
    shown = points.locator("li").all_inner_texts()
    question = next(q for q in catalog.questions.values() if q.text == title)
    assert shown == question.talking_points


@pytest.mark.browser
def test_the_bank_is_usable_from_the_keyboard(served, page):
    page.goto(served.url + "/questions/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.browser
def test_a_user_sees_their_track_bookmarks_a_question_and_pages_on(served, page, catalog):
    sign_up(page, served.url, "bookmarker")
    page.get_by_label(re.compile(r"^Early-in \(new grad\)")).check()
    page.get_by_role("button", name="Save").click()
    page.goto(served.url + "/questions/")
    early = [q for q in catalog.questions.values() if "early_in" in q.tracks]
    assert page.locator("#result-count").inner_text() == f"{len(early)} questions match."

    first = page.locator(".question-row").first
    expect(first.locator(".mark-bookmarked")).to_have_count(0)
    first.get_by_role("button", name="Bookmark").click()  # a plain form post, then back to the list
    expect(page).to_have_url(re.compile(r"/questions/$"))
    expect(page.locator(".question-row").first.locator(".mark-bookmarked")).to_have_text("★ Bookmarked")

    pager = page.get_by_role("navigation", name="Pages")
    pager.get_by_role("link", name="Page 2").click()
    expect(page.get_by_role("navigation", name="Pages").locator('[aria-current="page"]')).to_have_text("2")
    assert page.locator(".question-row a").first.inner_text() == early[25].text

    page.get_by_role("link", name="See all tracks").click()
    assert page.locator("#result-count").inner_text() == f"{len(catalog.questions)} questions."
