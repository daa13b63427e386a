"""Interview week in real headless Chromium, without JavaScript: swap a story onto the case panel, see the
broken rule named, undo it; pick and write questions to ask and see the checker's flags."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import choose_track, sign_up, write_story


@pytest.mark.browser
def test_a_swap_is_checked_again_and_questions_are_flagged(served, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        sign_up(page, served.url, "weekly")
        choose_track(page, served.url)
        write_story(page, served.url)
        page.goto(served.url + "/week/")
        expect(page.get_by_role("heading", name="Your stories, round by round")).to_be_visible()
        page.get_by_label("Round and interviewer").select_option(label="4. Case-study presentation — Engineering")
        page.get_by_label("Story to put there").select_option(label="The referral programme that flopped")
        page.get_by_role("button", name="Swap and check").click()
        expect(page.get_by_text("Swap saved, and it breaks a rule: No panel hears one story twice")).to_be_visible()
        expect(page.get_by_text("your swap", exact=True)).to_be_visible()
        page.get_by_role("button", name="Undo all 1 swap").click()
        expect(page.get_by_text("your swap", exact=True)).to_have_count(0)

        page.get_by_role("link", name="Questions to ask").nth(1).click()
        page.get_by_label("Which metric does your team look at first on a Monday morning?").check()
        page.get_by_label("Your own questions, one a line").fill("What's the culture like?")
        page.get_by_role("button", name="Save and check").click()
        chosen = page.locator("#chosen")
        expect(chosen.get_by_text("Generic", exact=True)).to_be_visible()
        expect(chosen.get_by_text("Ask it: one question only this interviewer can answer.")).to_be_visible()
    finally:
        context.close()
