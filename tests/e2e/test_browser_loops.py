"""Mock loops in real headless Chromium: a whole loop reaching the committee, and a peer's scorecard
left through a private link by a visitor with no account."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browsing import sign_up

ANSWER = (
    "At a budgeting app with 40,000 monthly users I owned onboarding. Interviews showed people quit at "
    "bank linking, so I cut two steps and tested the change against the old flow for three weeks. "
    "Completion rose from 52% to 61%. I learned to test the riskiest step first."
)


def _plan_loop(page, base: str) -> None:
    page.get_by_role("link", name="Mock loops").click()
    page.get_by_label("Early-in (new grad)").check()
    page.get_by_role("button", name="Plan my loop").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"loop"))


@pytest.mark.browser
def test_a_loop_runs_round_by_round_to_the_committee(served, page):
    sign_up(page, served.url, "looper")
    _plan_loop(page, served.url)
    expect(page.get_by_text("The prompt comes in advance:")).to_be_visible()
    rounds = [
        "Recruiter screen",
        "Hiring-manager behavioural interview",
        "Technical deep dive",
        "Case-study presentation",
    ]
    page.get_by_role("link", name=re.compile(r"^Round 1")).click()
    for number, name in enumerate(rounds, start=1):
        expect(page.get_by_role("heading", level=1)).to_have_text(name)
        page.get_by_role("button", name=re.compile(r"^Start the (round|presentation)$")).click()
        expect(page.get_by_role("button", name="Pause the round")).to_be_visible()
        page.get_by_label("Your answer").fill(ANSWER)
        page.get_by_role("button", name=re.compile(r"^(Submit|Give the presentation)")).click()
        if name == "Case-study presentation":
            page.get_by_label(re.compile(r"^Data science: How would you know in two weeks")).fill(
                "Sign-up completion weekly; a 3 point rise with churn flat in two weeks."
            )
            page.get_by_role("button", name="Answer the panel").click()
            page.get_by_role("button", name="Finish the round and see the scorecard").click()
        else:
            page.get_by_role("button", name="End the round now").click()
        expect(page.get_by_role("heading", name="pmprep's scorecard (from the analyzer)")).to_be_visible()
        expect(page.get_by_text(re.compile(r"^Recommendation: "))).to_have_count(1)
        if number < len(rounds):
            page.get_by_role("link", name=f"Next: round {number + 1}").click()
    page.get_by_role("link", name="See the committee's decision").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hiring committee")
    expect(
        page.get_by_role("heading", name=re.compile(r"Decision: (No hire|Hire|Strong hire|Not enough evidence yet)$"))
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Scorecards considered (4)")).to_be_visible()
    # Every round is done, so none is flagged as missing.
    expect(page.get_by_text(re.compile(r": not done yet$"))).to_have_count(0)


@pytest.mark.browser
def test_a_peer_leaves_a_scorecard_through_a_private_link(served, browser, page):
    sign_up(page, served.url, "candidate")
    _plan_loop(page, served.url)
    page.get_by_role("link", name=re.compile(r"^Round 1")).click()
    page.get_by_role("button", name="Create a private link").click()
    link = page.get_by_label("Peer link").input_value()
    assert "/peer/" in link

    peer = browser.new_context().new_page()  # no cookies: the peer has no account
    peer.set_default_timeout(15_000)
    peer.goto(link)
    expect(peer.get_by_role("heading", level=1)).to_have_text("Interview candidate: Recruiter screen")
    expect(peer.get_by_role("heading", name="What each level means")).to_be_visible()
    timer = peer.get_by_role("button", name="Start the timer")
    timer.click()
    expect(peer.get_by_role("button", name="Pause the timer")).to_be_visible()

    peer.get_by_label("Your name").fill("Priya")
    peer.get_by_role("group", name="Rating for Job awareness").get_by_label("3 Solid").check()
    peer.get_by_role("group", name="Overall recommendation").get_by_label("Yes", exact=True).check()
    peer.get_by_role("button", name="Submit the scorecard").click()
    expect(peer.get_by_text("Write the evidence for Job awareness before rating it.").first).to_be_visible()

    peer.get_by_label("Evidence for Job awareness").fill("Knew the role owns growth of the ads tier.")
    peer.get_by_role("button", name="Submit the scorecard").click()
    expect(peer.get_by_role("heading", level=1)).to_have_text("Thank you: your scorecard is in")
    peer.goto(link)
    expect(peer.get_by_role("heading", level=1)).to_have_text("This link no longer works")
    peer.context.close()

    page.reload()
    expect(page.get_by_role("heading", name="Peer scorecard by Priya")).to_be_visible()
    expect(page.get_by_text("Knew the role owns growth of the ads tier.")).to_be_visible()
    expect(page.get_by_role("cell", name="✓ Used: scorecard received")).to_be_visible()


@pytest.mark.browser
def test_the_copy_button_puts_the_peer_link_on_the_clipboard_and_says_so(served, page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.url)
    sign_up(page, served.url, "copier")
    _plan_loop(page, served.url)
    page.get_by_role("link", name=re.compile(r"^Round 1")).click()
    page.get_by_role("button", name="Create a private link").click()
    link = page.get_by_label("Peer link").input_value()
    # 127.0.0.1 opens on this computer only, and the page says how to share the link with another.
    expect(page.get_by_text("so they open on this computer only")).to_be_visible()
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == link


@pytest.mark.browser
def test_without_its_script_the_link_is_still_there_to_select_and_no_button_is(served, page_without_javascript):
    page = page_without_javascript
    sign_up(page, served.url, "noscript")
    _plan_loop(page, served.url)
    page.get_by_role("link", name=re.compile(r"^Round 1")).click()
    page.get_by_role("button", name="Create a private link").click()
    assert "/peer/" in page.get_by_label("Peer link").input_value()
    expect(page.get_by_role("button", name="Copy link")).to_have_count(0)
