"""A drill in real headless Chromium: the draft is saved as the user types and survives a reload."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import sign_up

QUESTION = "beh-owned-end-to-end-what-to-build"


def _type_until_saved(page, base: str, username: str, text: str):
    """Sign up, open the question, type, and wait until the autosave says it reached the server."""
    sign_up(page, base, username)
    page.goto(f"{base}/practice/?question={QUESTION}")
    answer = page.get_by_label("Your answer")
    answer.fill(text)
    status = page.locator("[data-autosave-status]")
    expect(status).to_have_text(re.compile(r"^Draft saved at "))
    return answer, status


@pytest.mark.browser
def test_a_typed_draft_survives_a_reload_and_is_cleared_by_submitting(served, page):
    answer, _ = _type_until_saved(
        page, served.url, "drafter", "Last spring I owned the onboarding redesign for a budgeting app with 40,000 monthly users.")

    page.reload()
    expect(page.get_by_text("Draft restored:")).to_be_visible()
    expect(answer).to_have_value("Last spring I owned the onboarding redesign for a budgeting app with 40,000 monthly users.")

    page.get_by_role("button", name="Get feedback").click()
    expect(page).to_have_url(re.compile(r"/practice/attempts/\d+/$"))
    page.goto(f"{served.url}/practice/?question={QUESTION}")
    expect(page.get_by_label("Your answer")).to_have_value("")
    expect(page.get_by_text("Draft restored:")).to_have_count(0)


@pytest.mark.browser
def test_text_typed_while_the_server_is_unreachable_is_kept_by_the_browser(served, page):
    answer, status = _type_until_saved(page, served.url, "offline", "First part, saved.")

    page.context.set_offline(True)
    answer.press_sequentially(" Second part, typed offline.")
    expect(status).to_have_text("Not saved to the server just now; this browser keeps a copy until it is.")
    page.context.set_offline(False)

    page.reload()
    expect(answer).to_have_value("First part, saved. Second part, typed offline.")
    expect(status).to_have_text("Restored the unsent text this browser kept for you.")
