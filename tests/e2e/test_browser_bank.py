"""A real headless Chromium (Debian's /usr/bin/chromium) browsing the question bank."""

from __future__ import annotations

import pytest


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
