"""The debrief of a real round in real headless Chromium: paste a transcript, correct one split, see the
exchanges judged, record the outcome."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from pmprep.analysis import analyze
from tests.e2e.browsing import (
    FIRST_A,
    FIRST_Q,
    SECOND_A,
    SECOND_Q,
    THIRD_A,
    THIRD_Q,
    choose_track,
    paste_a_transcript,
    sign_up,
)


@pytest.mark.browser
def test_a_pasted_transcript_is_split_corrected_judged_and_given_an_outcome(served, page):
    sign_up(page, served.url, "debriefer")
    choose_track(page, served.url)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Real rounds").click()
    expect(page.get_by_text("No real rounds yet.")).to_be_visible()
    page.get_by_role("link", name="Debrief a round").click()
    expect(page).to_have_url(re.compile(r"/debrief/new/$"))

    paste_a_transcript(page, served.url)
    expect(page.get_by_text("pmprep read 3 exchanges from the plain transcript")).to_be_visible()
    exchanges = [page.get_by_role("group", name=f"Exchange {n}", exact=True) for n in (1, 2, 3)]
    for group, (q, a) in zip(exchanges, [(FIRST_Q, FIRST_A), (SECOND_Q, SECOND_A), (THIRD_Q, THIRD_A)], strict=True):
        expect(group.get_by_label("Question")).to_have_value(q)
        expect(group.get_by_label("Your answer, as you remember it")).to_have_value(a)
    expect(page.get_by_role("group", name="An exchange to add (optional)")).to_be_visible()
    nothing_stored = page.request.get(served.url + "/debrief/")
    assert "No real rounds yet." in nothing_stored.text()

    # The follow-up belongs to the first question: join it to the exchange before.
    exchanges[1].get_by_label("Join this to the exchange before it").check()
    page.get_by_role("button", name="Confirm and judge").click()

    expect(page.get_by_text("Your debrief is saved and each answer judged.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"^Hiring-manager behavioural interview, \d{1,2} \w{3} \d{4}$")
    )
    answers = page.locator("main article")
    expect(answers).to_have_count(2)
    joined = (f"{FIRST_Q} {SECOND_Q}", f"{FIRST_A} {SECOND_A}")
    for article, (q, a) in zip(answers.all(), [joined, (THIRD_Q, THIRD_A)], strict=True):
        feedback = analyze(q, a)
        expect(article.get_by_role("heading", level=3)).to_have_text(q)
        expect(article.locator(".badge").first).to_have_text(feedback.level_label)
        expect(article.get_by_text(f"{feedback.points}/100 · {feedback.framework}")).to_be_visible()
    expect(page.get_by_text("Structure and signposting: 3/4")).to_be_visible()

    page.get_by_role("combobox", name="Outcome").select_option(label="Passed to the next round")
    page.get_by_role("button", name="Save the outcome").click()
    expect(page.get_by_text("Outcome recorded: Passed to the next round.")).to_be_visible()
    expect(page.get_by_role("combobox", name="Outcome")).to_have_value("passed")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Real rounds").click()
    row = page.get_by_role("row", name=re.compile(r"^Hiring-manager behavioural interview"))
    expect(row.get_by_role("cell").nth(1)).to_have_text("2")
    expect(row.get_by_role("cell").nth(2)).to_have_text("Passed to the next round")
