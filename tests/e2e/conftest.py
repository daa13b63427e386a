"""Fixtures for the end-to-end tests: a real `pmprep serve` (see served.py)."""

from __future__ import annotations

import os

import pytest

from tests.e2e.served import start_server


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    server = start_server(tmp_path_factory.mktemp("served-home"))
    assert server.url, "\n".join(server.output)
    yield server
    server.stop()


CHROMIUM = os.environ.get("PMPREP_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: run scripts/test (it installs Debian's chromium)"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def _tab(browser, **options):
    """A fresh browser tab; any Content Security Policy violation on any page fails the test."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    context.close()
    assert violations == []


@pytest.fixture
def page(browser):
    """A fresh browser tab; any Content Security Policy violation on any page fails the test."""
    yield from _tab(browser)


@pytest.fixture
def page_without_javascript(browser):
    """A fresh tab with JavaScript switched off, to show a page works without its scripts."""
    yield from _tab(browser, java_script_enabled=False)
