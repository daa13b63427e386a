"""The story bank in real headless Chromium: write a story, read its feedback, see the matrix fill."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import fill_story, sign_up


@pytest.mark.browser
def test_writing_a_story_updates_the_coverage_matrix(served, page):
    sign_up(page, served.url, "storyteller")
    page.get_by_role("link", name="Stories").click()
    expect(page.get_by_text("No story shows a failure")).to_be_visible()
    expect(page.get_by_text("You have no stories yet; the sources suggest 6–8.")).to_be_visible()

    page.get_by_role("link", name="Write a story").click()
    fill_story(page)
    expect(page.locator("mark.ev").first).to_be_visible()

    page.get_by_role("link", name="Story bank").click()
    expect(page.get_by_text("You have 1 story; the sources suggest 6–8.")).to_be_visible()
    expect(page.get_by_text("No story shows a failure")).to_have_count(0)
    expect(page.get_by_text("No story shows a conflict")).to_have_count(0)
    row = page.get_by_role("row", name=re.compile("The referral programme that flopped"))
    expect(row.locator("td.covered").first).to_be_visible()
