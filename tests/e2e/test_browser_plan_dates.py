"""Dates in real headless Chromium: the date picker keeps a saved interview date, and a long plan folds.

The served app runs on the real clock, so the dates are taken from today (well inside the two-year
limit, far from its edges).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import sign_up


@pytest.mark.browser
def test_a_saved_interview_date_stays_in_the_picker_and_a_long_plan_folds(served, page):
    interview = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=400)
    sign_up(page, served.url, "dater")
    page.get_by_label("Experienced").check()
    page.get_by_label("Interview date (if you have one)").fill(interview.isoformat())
    page.get_by_role("button", name="Save").click()

    page.goto(served.url + "/accounts/profile/")
    expect(page.get_by_label("Interview date (if you have one)")).to_have_value(interview.isoformat())
    page.get_by_role("button", name="Save").click()  # saving again must not erase it
    page.goto(served.url + "/accounts/profile/")
    expect(page.get_by_label("Interview date (if you have one)")).to_have_value(interview.isoformat())

    page.goto(served.url + "/plan/")
    expect(page.get_by_label("Interview date")).to_have_value(interview.isoformat())
    page.get_by_role("button", name="Make my plan").click()
    expect(page.get_by_text("Your plan is ready.")).to_be_visible()
    page.locator("summary", has_text="Change and regenerate").click()  # folded under the weeks
    page.get_by_role("button", name="Regenerate my plan").click()
    expect(page.get_by_text("Your plan is regenerated from today")).to_be_visible()

    expect(page.get_by_role("heading", name=re.compile(r"^Week 4: "))).to_be_visible()
    folded = page.locator("summary", has_text=re.compile(r"^Week 20: "))
    week_20_link = page.locator('a[href="?week=20#week-20"]')
    expect(week_20_link).to_be_hidden()  # folded until opened, without any script
    folded.click()
    expect(week_20_link).to_be_visible()
    week_20_link.click()
    expect(page).to_have_url(re.compile(r"/plan/\?week=20#week-20$"))
    expect(page.get_by_role("heading", name=re.compile(r"^Week 20: "))).to_be_visible()
