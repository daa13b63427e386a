"""Case decks in real headless Chromium: start a deck from a bank case question, see findings come and
go as sections are written (no Save click), rehearse on the timer, and open the downloaded PPTX and PDF."""

from __future__ import annotations

import io
import re

import pptx
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.browsing import sign_up

NO_NUMBERS = "Option A is cheaper but slower. Option B reaches more members but costs more."
WITH_NUMBERS = "Option A costs one team for six weeks and reaches about 40% of affected members."
PROBLEM = "Hours watched per member in Brazil fell 10% after the price change."


@pytest.mark.browser
def test_a_deck_is_checked_as_it_is_written_and_downloads_open(served, page):
    sign_up(page, served.url, "presenter")
    page.get_by_role("link", name="Case decks").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Case decks")
    select = page.get_by_label("Case question", exact=True)
    select.select_option(select.locator("option").nth(1).get_attribute("value"))
    page.get_by_label("Title (optional)").fill("Streams in Brazil")
    page.get_by_role("button", name="Start the deck from this question").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Streams in Brazil")

    trade_offs = page.get_by_role("textbox", name="5. Trade-offs")
    review = page.locator("#review-trade_offs")
    expect(review).to_contain_text("○ Empty")
    page.get_by_role("textbox", name="1. Problem").fill(PROBLEM)
    trade_offs.fill(NO_NUMBERS)
    # No click on Save: the finding arrives a moment after typing stops.
    expect(review).to_contain_text("Needs work: No numbers: the cost and benefit of each option are not quantified.")
    expect(review).to_contain_text("◐ Needs work")
    expect(page.locator("[data-check-status]")).to_contain_text("Saved and checked at")
    trade_offs.fill(WITH_NUMBERS)
    expect(review).not_to_contain_text("No numbers")
    expect(review).to_contain_text("✓ Solid")
    expect(page.locator("#review-problem")).to_contain_text("✓ Solid")

    # Too long: the script says so naming the section, and the last good text stays saved.
    trade_offs.evaluate(
        "(box, text) => { box.removeAttribute('maxlength'); box.value = text; "
        "box.dispatchEvent(new Event('input', {bubbles: true})); }",
        "x" * 6001,
    )
    expect(page.locator("[data-check-status]")).to_have_text(
        "Not saved: Trade-offs is too long: at most 6000 characters (it has 6001)."
    )
    trade_offs.fill(WITH_NUMBERS + " <script>alert(1)</script>")
    expect(page.locator("[data-check-status]")).to_contain_text("Saved and checked at")

    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(re.compile(r"^Saved\. Not ready yet: 2 of 9 sections solid"))).to_be_visible()
    expect(trade_offs).to_have_value(WITH_NUMBERS + " <script>alert(1)</script>")

    with page.expect_download() as info:
        page.get_by_role("link", name="Download as PowerPoint (.pptx)").click()
    download = info.value
    assert download.suggested_filename == "streams-in-brazil.pptx"
    slides = pptx.Presentation(io.BytesIO(open(download.path(), "rb").read())).slides
    assert [s.shapes.title.text for s in slides] == ["Streams in Brazil", "Problem", "Trade-offs"]
    assert slides[2].notes_slide.notes_text_frame.text == WITH_NUMBERS + " <script>alert(1)</script>"

    with page.expect_download() as info:
        page.get_by_role("link", name="Download as PDF").click()
    download = info.value
    assert download.suggested_filename == "streams-in-brazil.pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(download.path()).pages)
    assert "5. Trade-offs" in text and "<script>alert(1)</script>" in text and PROBLEM in text

    page.clock.install()  # the rehearsal timer runs on a clock the test moves
    page.get_by_role("link", name="Rehearse this deck").click()
    expect(page.get_by_role("heading", name="Your 25-minute talk")).to_be_visible()
    page.get_by_label("Length of the talk").select_option("20")
    page.get_by_role("button", name="Plan the talk").click()
    expect(page.get_by_role("cell", name="0:00–20:00")).to_be_visible()
    page.get_by_role("button", name="Start").click()
    expect(page.locator("[data-current]")).to_have_text(re.compile(r"^Now: 1\. Problem, planned 0:00–"))
    expect(page.locator("tr[aria-current=step] th")).to_have_text("1. Problem")
    page.get_by_role("button", name="Next section").click()
    expect(page.locator("tr[aria-current=step] th")).to_have_text("2. Hypothesis")
    hypothesis_end = page.locator("tr[data-slot]").nth(1).get_attribute("data-end")
    page.clock.fast_forward(int(hypothesis_end) * 1000 + 5_000)
    expect(page.locator("[data-overrun]")).to_have_text(
        re.compile(r"^2\. Hypothesis is over its time \(planned to end at \d+:\d\d\): move on to 3\. Data needs\.$")
    )
    page.get_by_role("button", name="Next section").click()
    expect(page.locator("[data-overrun]")).to_have_text("")
    expect(page.get_by_role("heading", name="Data science")).to_be_visible()
