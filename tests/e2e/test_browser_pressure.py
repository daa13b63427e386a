"""The pressure drill in real headless Chromium, with a fake microphone that plays synthetic speech
(espeak-ng and sox): a short budget so the interviewer breaks in quickly, the probe shown, stop, correct
both transcripts, submit, and the reply judged as a follow-up."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import QUESTION, sign_up
from tests.e2e.test_browser_speech import microphone_file, speaking_browser  # noqa: F401 - the fixtures

pytestmark = [pytest.mark.browser, pytest.mark.speech]

REPLY = "About four percent more members started a title in their first week."


def test_the_interviewer_breaks_in_and_the_reply_is_judged_as_a_follow_up(served, speaking_browser):  # noqa: F811
    context = speaking_browser.new_context()
    page = context.new_page()
    page.set_default_timeout(30_000)
    csp: list[str] = []
    page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
    sign_up(page, served.url, "presser")
    page.goto(f"{served.url}/practice/?question={QUESTION}")
    page.get_by_role("link", name="Pressure drill").click()
    expect(page.get_by_role("heading", name="Pressure drill", level=1)).to_be_visible()
    page.goto(page.url + "&seconds=12")  # a short budget: the break-in comes at 45% of it, about 5 s in

    page.get_by_role("button", name="Check my microphone").click()
    page.wait_for_function("() => document.querySelector('#mic-level').value > 0")
    page.get_by_role("button", name="Start recording").click()
    probe = page.locator("[data-interviewer] .probe")
    expect(probe).to_contain_text("Interviewer:", timeout=30_000)
    expect(probe).to_contain_text("Let me stop you there.")
    asked = probe.inner_text().removeprefix("Interviewer:").strip()
    expect(page.locator("[data-elapsed]")).to_have_text(re.compile(r"0:(09|1\d)"), timeout=20_000)
    page.get_by_role("button", name="Stop and upload").click()
    expect(page).to_have_url(re.compile(r"/speech/\d+/$"), timeout=60_000)

    expect(page.get_by_role("heading", name="Correct the transcripts")).to_be_visible()
    expect(page.get_by_text(asked)).to_be_visible()
    answer = page.get_by_label("What you said before the interviewer broke in")
    assert len(answer.input_value().split()) >= 4, answer.input_value()
    page.get_by_label("Your reply to the interviewer").fill(REPLY)
    page.get_by_role("button", name="Get feedback on both").click()
    expect(page).to_have_url(re.compile(r"/practice/attempts/\d+/$"), timeout=60_000)
    expect(page.get_by_text("Outcome:")).to_be_visible()
    expect(page.get_by_text(asked).first).to_be_visible()
    expect(page.get_by_text(REPLY).first).to_be_visible()
    assert csp == []
    context.close()
