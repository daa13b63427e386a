"""The debrief of a real round in real headless Chromium: paste a transcript, correct one split, see the
exchanges judged, record the outcome; and, without JavaScript, add a row and choose which speaker is you."""

from __future__ import annotations

import datetime as dt
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
    follow_nav,
    paste_a_transcript,
    sign_up,
)


@pytest.mark.browser
def test_a_pasted_transcript_is_split_corrected_judged_and_given_an_outcome(served, page):
    sign_up(page, served.url, "debriefer")
    choose_track(page, served.url)
    follow_nav(page, "Real rounds", "Track")
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

    follow_nav(page, "Real rounds", "Track")
    row = page.get_by_role("row", name=re.compile(r"^Hiring-manager behavioural interview"))
    expect(row.get_by_role("cell").nth(1)).to_have_text("2")
    expect(row.get_by_role("cell").nth(2)).to_have_text("Passed to the next round")


@pytest.mark.browser
def test_add_a_question_and_which_speaker_is_you_work_without_javascript(served, page_without_javascript):
    page = page_without_javascript
    sign_up(page, served.url, "noscript-debriefer")
    choose_track(page, served.url)
    page.goto(served.url + "/debrief/new/")
    page.get_by_role("group", name="Question 3").get_by_label("Question").fill("Why this team?")
    page.get_by_role("button", name="Add a question").click()
    expect(page.get_by_role("group", name="Question 3").get_by_label("Question")).to_have_value("Why this team?")
    expect(page.get_by_role("group", name="Question 4").get_by_label("Question")).to_be_focused()
    expect(page.locator(".field-error")).to_have_count(0)

    page.get_by_role("group", name="Question 3").get_by_label("Question").fill("")
    page.get_by_label("Paste a transcript").fill(
        "Priya Shah: Why do you want this role?\n"
        "Sam Lee: I have used the product daily for years and want to grow it. Can I ask what the team owns?\n"
        "Priya Shah: The team owns downloads.\n"
    )
    page.get_by_label("Round", exact=True).select_option(label="Hiring-manager behavioural interview")
    held_on = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=2)  # the served app runs on the real clock
    page.get_by_label("Date of the interview").fill(held_on.isoformat())
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("taking Priya Shah as the interviewer and Sam Lee as you")).to_be_visible()
    choice = page.get_by_role("group", name="Which speaker is you?")
    expect(choice.get_by_label("Sam Lee")).to_be_checked()
    choice.get_by_label("Priya Shah").check()
    choice.get_by_role("button", name="Split again").click()
    expect(page.get_by_text("taking Sam Lee as the interviewer and Priya Shah as you")).to_be_visible()
    first = page.get_by_role("group", name="Exchange 1", exact=True)
    expect(first.get_by_label("Your answer, as you remember it")).to_have_value("The team owns downloads.")
    page.get_by_role("button", name="Confirm and judge").click()
    expect(page.get_by_text("Your debrief is saved and each answer judged.")).to_be_visible()
    expect(page.get_by_text("Priya")).to_have_count(0)
    expect(page.get_by_text("Sam Lee")).to_have_count(0)
