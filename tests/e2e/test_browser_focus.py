"""Interview mode in real headless Chromium: the page is the question, the clock and the answer box, and
the levels come only at the end of the set."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import sign_up

ANSWER = (
    "At a budgeting app with 40,000 monthly users I owned onboarding. Interviews showed people quit at "
    "bank linking, so I cut two steps and tested the change against the old flow for three weeks. "
    "Completion rose from 52% to 61%. I learned to test the riskiest step first."
)


@pytest.mark.browser
def test_a_set_of_two_from_the_home_page_to_the_summary(served, page):
    sign_up(page, served.url, "focused")
    page.get_by_label("Early-in (new grad)").check()
    page.get_by_role("button", name="Save").click()
    page.goto(served.url + "/")
    page.get_by_label("Round").select_option(label="Hiring-manager behavioural interview")
    page.get_by_label("Questions").select_option("2")
    page.get_by_role("button", name="Interview mode").click()
    page.get_by_role("button", name="Start the set").click()

    for n in (1, 2):
        expect(page.get_by_text(f"Interview mode · question {n} of 2")).to_be_visible()
        expect(page.locator(".site-header")).to_be_hidden()  # nothing on screen but the question
        expect(page.locator(".timer-clock")).to_be_visible()  # the clock runs (the script is there)
        expect(page.get_by_text(re.compile(r"Solid|Borderline|Poor|Outstanding"))).to_have_count(0)
        page.get_by_label("Your answer").fill(ANSWER)
        page.get_by_role("button", name="Next question" if n == 1 else "Finish the set").click()

    expect(page.get_by_role("heading", name="Your set")).to_be_visible()
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text(re.compile(r"\(level \d of 4, \d+/100\)"))
    rows.first.get_by_role("link", name="Full feedback").click()
    expect(page).to_have_url(re.compile(r"/practice/attempts/\d+/$"))
