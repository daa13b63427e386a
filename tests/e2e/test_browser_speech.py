"""Answering out loud in real headless Chromium, with a fake microphone that plays synthetic speech
(espeak-ng and sox): check the microphone, record, upload, correct the transcript, get feedback with the
delivery figures, and replay the recording from a word."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from tests.core.speech.conftest import VOICE, need_tools
from tests.core.speech.synthetic import answer
from tests.e2e.browsing import QUESTION, sign_up
from tests.e2e.conftest import ARGS, CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.speech]

SAID = "First, I owned the home page row for new members, and the share who started a title rose by four percent."


@pytest.fixture(scope="module")
def microphone_file(tmp_path_factory):
    need_tools()
    path = tmp_path_factory.mktemp("fake-microphone") / "answer.wav"
    answer([(SAID, 160)], path, voice=VOICE, lead_s=0.5, tail_s=1.0)
    return path


@pytest.fixture(scope="module")
def speaking_browser(microphone_file):
    """Chromium whose microphone is the synthetic answer (played in a loop), permission granted."""
    from playwright.sync_api import sync_playwright

    assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: run scripts/test (it installs Debian's chromium)"
    fake = [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={microphone_file}",
        "--autoplay-policy=no-user-gesture-required",
    ]
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS + fake)
        yield chromium
        chromium.close()


def test_record_upload_correct_submit_and_replay_from_a_word(served, speaking_browser):
    context = speaking_browser.new_context()
    page = context.new_page()
    page.set_default_timeout(30_000)
    csp: list[str] = []
    page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
    sign_up(page, served.url, "speaker")
    page.goto(f"{served.url}/practice/?question={QUESTION}")
    page.get_by_role("link", name="Answer out loud").click()
    expect(page.get_by_role("heading", name="Answer out loud", level=1)).to_be_visible()

    page.get_by_role("button", name="Check my microphone").click()
    page.wait_for_function("() => document.querySelector('#mic-level').value > 0")
    expect(page.locator("[data-level-text]")).not_to_have_text("no sound yet")

    page.get_by_role("button", name="Start recording").click()
    expect(page.locator("[data-elapsed]")).to_have_text("0:09", timeout=20_000)  # the fake microphone's file, once over
    page.get_by_role("button", name="Stop and upload").click()
    expect(page).to_have_url(re.compile(r"/speech/\d+/$"), timeout=60_000)

    transcript = page.get_by_label("What you said (correct the words pmprep misheard)")
    heard = transcript.input_value()
    assert len(heard.split()) >= 8, heard
    expect(page.get_by_role("heading", name="Delivery, from the audio")).to_be_visible()
    corrected = re.sub(r"^\S+", "Firstly,", heard)
    transcript.fill(corrected)
    page.get_by_role("button", name="Get feedback").click()
    expect(page).to_have_url(re.compile(r"/practice/attempts/\d+/$"), timeout=60_000)
    expect(page.get_by_role("heading", name="Delivery, from the audio")).to_be_visible()
    expect(page.get_by_text("pmprep never judges accent or fluency").first).to_be_visible()
    expect(page.locator('.highlighted[aria-describedby="legend-mine"]')).to_contain_text("Firstly,")

    page.get_by_role("link", name="Replay the recording with the words in sync").click()
    page.wait_for_function("() => document.querySelector('audio').readyState >= 1")
    word = page.locator("button.word").nth(5)
    start = float(word.get_attribute("data-start"))
    word.click()
    page.wait_for_function("s => Math.abs(document.querySelector('audio').currentTime - s) < 0.75", arg=start)
    expect(page.locator('button.word[aria-current="true"]')).to_have_count(1)
    assert csp == []
    context.close()
