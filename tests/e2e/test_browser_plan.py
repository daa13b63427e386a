"""The prep plan in real headless Chromium: make it, tick a task, and download the calendar."""

from __future__ import annotations

import re

import icalendar
import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import sign_up


@pytest.mark.browser
def test_make_a_plan_tick_a_task_and_download_the_calendar(served, page):
    sign_up(page, served.url, "planner")
    page.get_by_role("link", name="Plan", exact=True).click()
    page.get_by_label("Early-in (new grad)").check()
    page.get_by_label("Hours a week you can give").fill("6")
    page.get_by_role("button", name="Make my plan").click()
    expect(page.get_by_text("Your plan is ready.")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"^Week 1: "))).to_be_visible()

    tick = page.get_by_role("button", name=re.compile(r"^Mark “.+” done$")).first
    title = re.match(r"^Mark “(.+)” done$", tick.get_attribute("aria-label")).group(1)
    tick.click()
    expect(page.get_by_role("button", name=f"Mark “{title}” not done")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^1 of \d+ tasks done|1 of \d+ tasks done"))).to_have_count(1)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the plan (.ics)").click()
    calendar = icalendar.Calendar.from_ical(open(download.value.path(), "rb").read())
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert any(s.startswith(f"✓ {title} (") for s in summaries)
