"""One browser, two accounts: the browser's copy of a draft belongs to the account that typed it.

Every test here runs both users in ONE browser context, so they share cookies' jar and localStorage
as two people taking turns on one laptop would.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import PASSWORD, log_out, sign_up

QUESTION = "beh-owned-end-to-end-what-to-build"
UNTOUCHED = "Saved attempts stay in this pmprep's database, visible only to you."
COPIES = "Object.keys(localStorage).filter(k => k.startsWith('pmprep-draft:'))"
COPIES_HOLDING = "text => Object.values(localStorage).filter(v => v.includes(text)).length"


def _open_question(page, base: str):
    page.goto(f"{base}/practice/?question={QUESTION}")
    return page.get_by_label("Your answer"), page.locator("[data-autosave-status]")


def _log_out(page) -> None:
    log_out(page)
    expect(page.get_by_role("list", name="Account").get_by_role("link", name="Log in")).to_be_visible()


def _log_in(page, base: str, username: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".nav-account summary")).to_have_text(f"Account: {username}")  # the account menu


def _type_offline(page, answer, status, text: str) -> None:
    """Type while the server is unreachable: the text exists only in this browser's copy."""
    page.context.set_offline(True)
    answer.press_sequentially(text)
    expect(status).to_have_text("Not saved to the server just now; this browser keeps a copy until it is.")
    page.context.set_offline(False)
    assert page.evaluate(COPIES_HOLDING, text) == 1


def _expect_a_blank_start(page, base: str) -> None:
    answer, status = _open_question(page, base)
    expect(answer).to_have_value("")
    expect(status).to_have_text(UNTOUCHED)
    expect(page.get_by_text("Draft restored:")).to_have_count(0)


@pytest.mark.browser
def test_after_a_logout_the_next_user_starts_blank_and_saves_only_their_own_words(served, page):
    sign_up(page, served.url, "shared-first")
    answer, status = _open_question(page, served.url)
    answer.fill("At my last job I owned the checkout rewrite for 2 million shoppers.")
    expect(status).to_have_text(re.compile(r"^Draft saved at "))
    answer.press_sequentially(" Conversion rose 3%.")
    _log_out(page)
    assert page.evaluate(COPIES) == []

    sign_up(page, served.url, "shared-second")
    _expect_a_blank_start(page, served.url)
    answer, status = page.get_by_label("Your answer"), page.locator("[data-autosave-status]")
    answer.fill("I led the launch of a kids profile.")
    expect(status).to_have_text(re.compile(r"^Draft saved at "))
    page.reload()
    expect(page.get_by_text("Draft restored:")).to_be_visible()
    expect(answer).to_have_value("I led the launch of a kids profile.")


@pytest.mark.browser
def test_a_copy_the_server_never_received_is_not_shown_to_the_next_user(served, page):
    sign_up(page, served.url, "expired-first")
    answer, status = _open_question(page, served.url)
    _type_offline(page, answer, status, "Unsent words of the first user.")
    # The session ends without a logout (it expired, or the browser was handed over).
    page.context.clear_cookies()

    sign_up(page, served.url, "expired-second")
    _expect_a_blank_start(page, served.url)
    assert page.evaluate(COPIES_HOLDING, "Unsent words of the first user.") == 0
    page.reload()
    expect(page.get_by_label("Your answer")).to_have_value("")
    expect(page.get_by_text("Draft restored:")).to_have_count(0)


@pytest.mark.browser
def test_the_same_user_gets_their_unsent_copy_back_after_the_session_expired(served, page):
    sign_up(page, served.url, "returning")
    answer, status = _open_question(page, served.url)
    _type_offline(page, answer, status, "Words only this browser holds.")
    page.context.clear_cookies()

    _log_in(page, served.url, "returning")
    answer, status = _open_question(page, served.url)
    expect(answer).to_have_value("Words only this browser holds.")
    expect(status).to_have_text("Restored the unsent text this browser kept for you.")


@pytest.mark.browser
def test_the_logout_response_alone_clears_the_copies_in_chromium(served, page):
    sign_up(page, served.url, "no-script-logout")
    answer, status = _open_question(page, served.url)
    _type_offline(page, answer, status, "Typed before a logout that ran no script.")
    # form.submit() skips the page's submit listeners: only the response's Clear-Site-Data can clear.
    page.locator("form[action$='/accounts/logout/']").evaluate("form => form.submit()")
    expect(page.get_by_role("list", name="Account").get_by_role("link", name="Log in")).to_be_visible()
    assert page.evaluate(COPIES) == []


@pytest.mark.browser
def test_the_logout_form_clears_the_copies_where_the_header_is_not_honoured(served, page):
    def without_the_header(route):
        response = route.fetch(max_redirects=0)
        headers = {k: v for k, v in response.headers.items() if k.lower() != "clear-site-data"}
        route.fulfill(response=response, headers=headers)

    sign_up(page, served.url, "header-stripped")
    answer, status = _open_question(page, served.url)
    _type_offline(page, answer, status, "Typed before a logout whose header was lost.")
    page.route("**/accounts/logout/", without_the_header)
    _log_out(page)
    assert page.evaluate(COPIES) == []
