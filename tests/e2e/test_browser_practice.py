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
        page,
        served.url,
        "drafter",
        "Last spring I owned the onboarding redesign for a budgeting app with 40,000 monthly users.",
    )

    page.reload()
    expect(page.get_by_text("Draft restored:")).to_be_visible()
    expect(answer).to_have_value(
        "Last spring I owned the onboarding redesign for a budgeting app with 40,000 monthly users."
    )

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


STRONG = (
    "Last spring I owned onboarding for a budgeting app with 40,000 monthly users. Interviews showed people "
    "quit at bank linking, so I cut two steps and tested it against the old flow for three weeks. Completion "
    "rose from 52% to 61%, and I learned to test the riskiest step first."
)


@pytest.mark.browser
def test_feedback_highlights_one_criterion_on_demand_and_fits_a_phone(served, page, tmp_path):
    sign_up(page, served.url, "highlighter")
    page.goto(f"{served.url}/practice/?question={QUESTION}")
    page.get_by_label("Your answer").fill(STRONG)
    page.get_by_role("button", name="Get feedback").click()
    expect(page).to_have_url(re.compile(r"/practice/attempts/\d+/$"))
    answer = page.locator("#answer-heading + nav + p + .highlighted, #answer-heading ~ .highlighted").first
    expect(answer.locator("mark")).to_have_count(0)  # plain text until a criterion is picked
    page.screenshot(path=str(tmp_path / "feedback-desktop.png"), full_page=True)

    picker = page.get_by_role("navigation", name="Show the evidence for one criterion")
    picker.get_by_role("link", name=re.compile(r"^Quantified result")).click()
    expect(answer.locator("mark").first).to_be_visible()
    expect(page.locator("#legend-mine")).to_contain_text("the evidence for Quantified result")
    expect(picker.locator('[aria-current="true"]')).to_contain_text("Quantified result")

    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(tmp_path / "feedback-phone.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
