"""Every main page in real headless Chromium, on a phone (390×844) and a desktop (1280×800): nothing scrolls
sideways, the header takes under a fifth of the screen, the navigation marks at most one current page,
and axe-core finds no serious or critical accessibility problem, in the light and the dark colour scheme.

The pages are listed in tests/e2e/pages.py, which scripts/screenshots.py photographs too.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import seed_a_candidate
from tests.e2e.pages import DESKTOP, PAGES, PHONE, look, widest

SIZES = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(scope="module")
def candidate(served, browser):
    """A signed-in browser state with a little of everything made; shared by every page checked here."""
    context = browser.new_context()
    made = seed_a_candidate(context.new_page(), served.url, "everypage")
    state = context.storage_state()
    context.close()
    return state, made


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def _open(browser, candidate, item, size, scheme="light", javascript=True):
    state, _ = candidate
    context = browser.new_context(
        storage_state=state if item.signed_in else None,
        viewport=size,
        color_scheme=scheme,
        java_script_enabled=javascript,
    )
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    violations: list[str] = []
    tab.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    return context, tab, violations


CASES = [
    pytest.param(item, size, scheme, id=f"{item.name}-{size}-{scheme}")
    for item in PAGES
    for size, scheme in (("phone", "light"), ("desktop", "light"), ("phone", "dark"))
]


@pytest.mark.browser
@pytest.mark.parametrize("item, size, scheme", CASES)
def test_the_page_fits_the_screen_and_passes_axe(served, browser, candidate, axe, item, size, scheme):
    viewport = SIZES[size]
    context, tab, csp = _open(browser, candidate, item, viewport, scheme)
    try:
        response = tab.goto(item.url(served.url, candidate[1]))
        assert response.ok, f"{item.name}: {response.status}"
        if item.reach:
            item.reach(tab)
        seen = look(tab, axe)
        assert seen.width <= viewport["width"], f"{item.name} is {seen.width} px wide: {widest(tab, viewport['width'])}"
        assert seen.header < viewport["height"] / 5
        assert seen.violations == [], seen.describe()
        assert tab.locator('.site-header [aria-current="page"]').count() <= 1
        assert csp == []
    finally:
        context.close()


@pytest.mark.browser
def test_the_phone_menu_opens_without_javascript(served, browser, candidate):
    item = next(p for p in PAGES if p.name == "feedback")
    context, tab, _ = _open(browser, candidate, item, PHONE, javascript=False)
    try:
        tab.goto(item.url(served.url, candidate[1]))
        nav = tab.get_by_role("navigation", name="Main")
        expect(nav).to_be_hidden()
        tab.get_by_text("Menu", exact=True).click()
        expect(nav.get_by_role("link", name="Case decks")).to_be_visible()
        # The drill's feedback is under Practise › Drill, and nothing else is marked.
        expect(nav.locator('[aria-current="page"]')).to_have_text("Drill")
        nav.get_by_role("link", name="Case decks").click()
        expect(tab).to_have_url(re.compile(r"/cases/$"))
        expect(tab.get_by_role("navigation", name="Main")).to_be_hidden()
    finally:
        context.close()


@pytest.mark.browser
def test_the_desktop_menus_open_and_close(served, browser, candidate):
    item = next(p for p in PAGES if p.name == "mock-loop")
    context, tab, _ = _open(browser, candidate, item, DESKTOP)
    try:
        tab.goto(item.url(served.url, candidate[1]))
        nav = tab.get_by_role("navigation", name="Main")
        expect(nav.get_by_role("link", name="Stories")).to_be_visible()
        expect(nav.get_by_role("link", name="Primers")).to_be_hidden()
        # A mock loop is marked under Mock loops, never as the loop reference page too.
        expect(nav.locator('[aria-current="page"]')).to_have_text("Mock loops")
        tab.locator(".nav-dropdown summary", has_text="Learn").click()
        expect(nav.get_by_role("link", name="Primers")).to_be_visible()
        tab.keyboard.press("Escape")
        expect(nav.get_by_role("link", name="Primers")).to_be_hidden()
        tab.locator(".nav-dropdown summary", has_text="everypage").click()
        expect(nav.get_by_role("button", name="Log out")).to_be_visible()
        tab.locator("main h1").click()
        expect(nav.get_by_role("button", name="Log out")).to_be_hidden()
    finally:
        context.close()
