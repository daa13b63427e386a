"""Steps the browser tests share."""

from __future__ import annotations

import re

from playwright.sync_api import expect

PASSWORD = "a-long-practice-passphrase"


def sign_up(page, base: str, username: str) -> None:
    page.goto(base + "/accounts/signup/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page).to_have_url(re.compile(r"/accounts/profile/$"))
