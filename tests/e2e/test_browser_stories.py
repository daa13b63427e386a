"""The story bank in real headless Chromium: write a story, read its feedback, see the matrix fill."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import sign_up


@pytest.mark.browser
def test_writing_a_story_updates_the_coverage_matrix(served, page):
    sign_up(page, served.url, "storyteller")
    page.get_by_role("link", name="Stories").click()
    expect(page.get_by_text("No story shows a failure")).to_be_visible()
    expect(page.get_by_text("You have no stories yet; the sources suggest 6–8.")).to_be_visible()

    page.get_by_role("link", name="Write a story").click()
    page.get_by_label("Title").fill("The referral programme that flopped")
    page.get_by_label("Situation").fill("In my internship at a food-delivery app, growth wanted a referral programme.")
    page.get_by_label("Task (your part)").fill("My job was the rollout plan and the success measure.")
    page.get_by_label("Action (what you did)").fill(
        "I opened it to everyone at once without a holdout and skipped the fraud review. I failed to plan for abuse."
    )
    page.get_by_label("Result (with numbers)").fill(
        "Fraud reached 40% of referrals, so I switched it off after two weeks."
    )
    page.get_by_label("Reflection (what you learned)").fill(
        "I learned to launch behind a holdout; I now do it every time."
    )
    page.get_by_role("group", name=re.compile("This story shows")).get_by_label("Conflict").check()
    page.get_by_role("button", name="Save the story").click()

    expect(page.get_by_role("heading", name=re.compile(r"^Feedback: level \d"))).to_be_visible()
    expect(page.locator("mark.ev").first).to_be_visible()

    page.get_by_role("link", name="Story bank").click()
    expect(page.get_by_text("You have 1 story; the sources suggest 6–8.")).to_be_visible()
    expect(page.get_by_text("No story shows a failure")).to_have_count(0)
    expect(page.get_by_text("No story shows a conflict")).to_have_count(0)
    row = page.get_by_role("row", name=re.compile("The referral programme that flopped"))
    expect(row.locator("td.covered").first).to_be_visible()
