"""The progress dashboard in real headless Chromium: charts load as images under the site's strict
policy (the ``page`` fixture fails on any violation) and the tables beside them show the answer."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import follow_nav, sign_up

QUESTION = "beh-owned-end-to-end-what-to-build"
LEVELS = {"Poor": 1, "Borderline": 2, "Solid": 3, "Outstanding": 4}
ANSWER = (
    "At a budgeting app with 40,000 monthly users I owned onboarding. Interviews showed people quit at "
    "bank linking, so I cut two steps and tested the change against the old flow for three weeks. "
    "Completion rose from 52% to 61%. I learned to test the riskiest step first."
)


@pytest.mark.browser
def test_one_answer_shows_in_the_charts_and_tables(served, page):
    sign_up(page, served.url, "charted")
    follow_nav(page, "Progress", "Track")
    expect(page.get_by_role("heading", level=1)).to_have_text("Progress")
    expect(page.get_by_text(re.compile(r"^No practice yet: answer your first question"))).to_be_visible()
    expect(page.get_by_role("link", name="Answer your first question")).to_be_visible()

    page.goto(f"{served.url}/practice/?question={QUESTION}")
    page.get_by_label("Your answer").fill(ANSWER)
    page.get_by_role("button", name="Get feedback").click()
    expect(page).to_have_url(re.compile(r"/practice/attempts/\d+/$"))
    heading = page.locator("#score-heading").inner_text()  # "Solid — 62/100"
    level = LEVELS[heading.split(" — ")[0]]

    follow_nav(page, "Progress", "Track")
    expect(page.get_by_text("No practice yet")).to_have_count(0)
    expect(page.get_by_text("No answers yet")).to_have_count(0)
    images = page.locator("main img")
    # Levels by competency and by round, volume and the review backlog (the answer joined the queue);
    # no stories or loops yet, so those two say so in words instead.
    expect(images).to_have_count(4)
    for i in range(images.count()):
        image = images.nth(i)
        expect(image).to_have_attribute("alt", re.compile(r"The same numbers are in the table with it\.$"))
        image.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
        assert image.evaluate("img => img.naturalWidth") == 720

    volume = page.get_by_role("table", name=re.compile(r"^Answers per week"))
    expect(volume.get_by_role("row").last).to_have_text(re.compile(r"All 12 weeks\s*1\s*0\s*1"))
    competency = page.get_by_role("table", name=re.compile(r"^Level by competency"))
    expect(competency.get_by_role("columnheader", name="Customer obsession")).to_be_visible()
    # This week's row repeats the analyzer's level for each dimension the question's competencies reach.
    expect(competency.get_by_role("row").last).to_contain_text(f"{level} (1)")
    expect(page.get_by_role("table", name=re.compile(r"^Review-queue items"))).to_contain_text("Questions")

    # An <img> never applies the SVG's own policy, but a chart opened on its own ("Open image in new
    # tab") does: its policy allows pygal's inline style (a violation would fail this test) and no script.
    src = images.first.get_attribute("src")
    response = page.goto(served.url + src)
    assert response.headers["content-type"] == "image/svg+xml"
    assert "script-src 'none'" in response.headers["content-security-policy"]
    expect(page.locator("svg > title")).to_have_text("Level by competency")
    assert page.locator("script").count() == 0
