"""Case decks through the test client: start a deck, write it with findings beside each section, the
live check endpoint, rehearsal pacing and Q&A, the three exports, deleting, and ownership."""

from __future__ import annotations

import html
import io
import re

import pptx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from pmprep.cases import MAX_SECTION_CHARS, SECTIONS, qa_probes
from pmprep.config import active_catalog
from pmprep.web.cases.models import CaseDeck

pytestmark = pytest.mark.django_db
PROMPT = "Downloads for offline viewing fell 10% in India last quarter. What would you do?"
NO_NUMBERS = "Option A is cheaper but slower. Option B reaches more members but costs more."
WITH_NUMBERS = "Option A costs one team for six weeks and reaches about 40% of affected members."
NO_NUMBERS_MESSAGE = (
    "No numbers: the cost and benefit of each option are not quantified. Put a rough size on each, with the "
    'assumption behind it ("one team for six weeks; reaches about 40% of affected members"). Committees have '
    "turned down well-referred candidates for exactly this."
)


@pytest.fixture
def logged_in(client, alice):
    client.force_login(alice)
    return client


def url(name: str, item: CaseDeck) -> str:
    return reverse(f"cases:{name}", args=[item.uid])


def make_deck(user, title: str = "Offline downloads in India", prompt: str = PROMPT, **sections: str) -> CaseDeck:
    return CaseDeck.objects.create(user=user, title=title, prompt=prompt, sections=sections)


def case_question_id() -> str:
    return next(
        q.id for q in active_catalog().questions.values() if any(r.endswith("case_presentation") for r in q.rounds)
    )


def text_of(fragment: str) -> str:
    """What a reader sees: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def review_of(page: str, section: str) -> str:
    found = re.search(rf'id="review-{section}"[^>]*>(.*?)</div>', page, re.S)
    assert found, f"no review beside {section}"
    return text_of(found.group(1))


def form_data(item: CaseDeck, **sections: str) -> dict[str, str]:
    data = {"title": item.title, **({} if item.question_id else {"prompt": item.prompt})}
    data.update({s.value: (item.sections or {}).get(s.value, "") for s in SECTIONS})
    data.update(sections)
    return data


# ---------------------------------------------------------------- the list and starting a deck


def test_the_list_shows_each_deck_with_its_readiness(logged_in, alice):
    make_deck(alice, trade_offs=NO_NUMBERS)
    page = logged_in.get(reverse("cases:index")).content.decode()
    assert "Offline downloads in India" in page
    assert "Not ready yet: 0 of 9 sections solid, 8 empty, 1 needs work. Next: Problem." in page


def test_the_list_offers_only_case_presentation_questions(logged_in):
    page = logged_in.get(reverse("cases:index")).content.decode()
    catalog = active_catalog()
    offered = set(re.findall(r'<option value="([^"]+)"', page))
    expected = {q.id for q in catalog.questions.values() if any(r.endswith("case_presentation") for r in q.rounds)}
    assert offered == expected and len(expected) < len(catalog.questions)


def test_a_deck_starts_from_a_bank_case_question_with_its_prompt(logged_in, alice):
    qid = case_question_id()
    question = active_catalog().questions[qid]
    response = logged_in.post(reverse("cases:create"), {"source": "bank", "bank-question": qid, "bank-title": ""})
    item = CaseDeck.objects.get(user=alice)
    assert response.status_code == 302 and response["Location"] == url("deck", item)
    assert (item.prompt, item.question_id) == (question.text, qid)
    assert item.title and question.text.startswith(item.title.rstrip("…"))
    assert item.sections == {s.value: "" for s in SECTIONS}
    page = logged_in.get(url("deck", item)).content.decode()
    assert html.escape(question.text) in page


def test_a_bank_deck_can_have_its_own_title(logged_in, alice):
    logged_in.post(
        reverse("cases:create"), {"source": "bank", "bank-question": case_question_id(), "bank-title": "My Brazil case"}
    )
    assert CaseDeck.objects.get(user=alice).title == "My Brazil case"


def test_build_a_deck_for_this_preselects_the_question(logged_in):
    qid = case_question_id()
    page = logged_in.get(reverse("cases:index"), {"question": qid}).content.decode()
    assert re.search(rf'<option value="{qid}" selected>', page)


def test_a_question_that_is_not_a_case_is_not_preselected(logged_in):
    catalog = active_catalog()
    other = next(q.id for q in catalog.questions.values() if not any(r.endswith("case_presentation") for r in q.rounds))
    page = logged_in.get(reverse("cases:index"), {"question": other}).content.decode()
    assert f"“{other}” is not a case-presentation question in the bank; choose one from the list." in page
    assert re.findall(r"<option value=\"([^\"]*)\" selected>", page) == [""]


def test_a_deck_starts_from_your_own_prompt(logged_in, alice):
    response = logged_in.post(
        reverse("cases:create"),
        {"source": "own", "own-title": "Kids profiles", "own-prompt": "Kids watch less.\r\nWhy?"},
    )
    item = CaseDeck.objects.get(user=alice)
    assert response.status_code == 302 and response["Location"] == url("deck", item)
    assert (item.title, item.prompt, item.question_id) == ("Kids profiles", "Kids watch less.\nWhy?", "")


def test_a_deck_without_a_title_is_refused(logged_in, alice):
    response = logged_in.post(reverse("cases:create"), {"source": "own", "own-title": "  ", "own-prompt": PROMPT})
    assert response.status_code == 400
    assert "Give the deck a title." in response.content.decode()
    assert not CaseDeck.objects.exists()


def test_an_unknown_question_is_refused(logged_in):
    response = logged_in.post(reverse("cases:create"), {"source": "bank", "bank-question": "no-such-case"})
    assert response.status_code == 400
    assert "Choose a case question from the list: no-such-case is not one of them." in response.content.decode()
    assert not CaseDeck.objects.exists()


def test_a_title_the_deck_would_empty_is_refused_not_a_500(logged_in):
    response = logged_in.post(
        reverse("cases:create"), {"source": "bank", "bank-question": case_question_id(), "bank-title": "\x07\x08"}
    )
    assert response.status_code == 400
    assert (
        '<p class="field-error" id="id_bank-title-error"><span aria-hidden="true">⚠ </span>Title: required.</p>'
        in response.content.decode()
    )
    assert not CaseDeck.objects.exists()


# ---------------------------------------------------------------- the workspace


def test_the_workspace_shows_every_section_in_order_with_its_hint(logged_in, alice):
    item = make_deck(alice)
    page = logged_in.get(url("deck", item)).content.decode()
    labels = re.findall(r'<label for="id_(\w+)">(\d\. [^<]+)</label>', page)
    assert labels == [(s.value, f"{s.number}. {s.label}") for s in SECTIONS]
    for s in SECTIONS:
        assert html.escape(s.hint) in page
        assert review_of(page, s.value) == f"{s.label}: ○ Empty Missing: {s.label} is empty. {s.hint}"
    assert html.escape(PROMPT) in page


def test_saving_flags_trade_offs_without_numbers_on_that_section(logged_in, alice):
    item = make_deck(alice)
    response = logged_in.post(url("deck", item), form_data(item, trade_offs=NO_NUMBERS), follow=True)
    item.refresh_from_db()
    assert item.sections["trade_offs"] == NO_NUMBERS
    page = response.content.decode()
    assert response.redirect_chain == [(url("deck", item), 302)]
    assert review_of(page, "trade_offs") == f"Trade-offs: ◐ Needs work Needs work: {NO_NUMBERS_MESSAGE}"
    assert "Saved. Not ready yet: 0 of 9 sections solid, 8 empty, 1 needs work. Next: Problem." in page


def test_numbers_make_the_trade_offs_solid(logged_in, alice):
    item = make_deck(alice, trade_offs=NO_NUMBERS)
    page = logged_in.post(url("deck", item), form_data(item, trade_offs=WITH_NUMBERS), follow=True).content.decode()
    assert review_of(page, "trade_offs") == "Trade-offs: ✓ Solid"


def test_a_hedged_recommendation_quotes_the_words(logged_in, alice):
    item = make_deck(alice)
    page = logged_in.post(
        url("deck", item), form_data(item, recommendation="We should do all three at once."), follow=True
    ).content.decode()
    assert review_of(page, "recommendation") == (
        "Recommendation: ◐ Needs work Needs work: This commits to several options at once. Pick one to do first "
        "and say why it wins; the others can follow if it works. Your words: do all three"
    )


def test_an_over_long_section_is_refused_naming_it(logged_in, alice):
    item = make_deck(alice, problem="Kept as it was.")
    response = logged_in.post(
        url("deck", item), form_data(item, problem="Changed.", trade_offs="x" * (MAX_SECTION_CHARS + 1))
    )
    assert response.status_code == 400
    assert "Trade-offs is too long: at most 6000 characters (it has 6001)." in response.content.decode()
    item.refresh_from_db()
    assert item.sections == {"problem": "Kept as it was."}


def test_a_null_character_is_refused_naming_the_section(logged_in, alice):
    item = make_deck(alice)
    response = logged_in.post(url("deck", item), form_data(item, risks="bad\x00text"))
    assert response.status_code == 400
    assert "Risks contains a null character; paste plain text." in response.content.decode()
    item.refresh_from_db()
    assert item.sections == {}


def test_an_empty_title_in_the_workspace_is_refused(logged_in, alice):
    item = make_deck(alice)
    response = logged_in.post(url("deck", item), form_data(item, title="", problem="Something"))
    assert response.status_code == 400
    assert "Give the deck a title." in response.content.decode()
    item.refresh_from_db()
    assert (item.title, item.sections) == ("Offline downloads in India", {})


def test_a_section_left_out_of_the_request_keeps_its_text(logged_in, alice):
    item = make_deck(alice, problem="Hours watched per member fell 10%.")
    logged_in.post(url("deck", item), {"title": item.title, "risks": "Members may churn."})
    item.refresh_from_db()
    assert item.sections["problem"] == "Hours watched per member fell 10%."
    assert item.sections["risks"] == "Members may churn."


def test_what_the_user_types_is_shown_as_text(logged_in, alice):
    item = make_deck(alice, title="<b>Bold</b>", problem="<script>alert(1)</script>")
    page = logged_in.get(url("deck", item)).content.decode()
    assert "<script>alert(1)</script>" not in page and "<b>Bold</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# ---------------------------------------------------------------- the live check


def test_the_check_endpoint_saves_and_answers_each_sections_status(logged_in, alice):
    item = make_deck(alice)
    response = logged_in.post(
        url("check", item), form_data(item, problem="Hours watched per member fell 10%.", trade_offs=NO_NUMBERS)
    )
    assert response.status_code == 200
    data = response.json()
    assert data["saved"] is True
    assert data["statuses"] == {
        "problem": "solid",
        "hypothesis": "empty",
        "data_needs": "empty",
        "solution_options": "empty",
        "trade_offs": "needs_work",
        "recommendation": "empty",
        "success_metrics": "empty",
        "risks": "empty",
        "rollout_plan": "empty",
    }
    trade_offs = [f for f in data["findings"] if f["section"] == "trade_offs"]
    assert [(f["code"], f["message"]) for f in trade_offs] == [("trade_offs_no_numbers", NO_NUMBERS_MESSAGE)]
    assert data["sections"]["trade_offs"]["label"] == "Needs work"
    shown = text_of(data["sections"]["trade_offs"]["html"])
    assert shown == f"Trade-offs: ◐ Needs work Needs work: {NO_NUMBERS_MESSAGE}"
    assert text_of(data["deck_html"]) == data["readiness"]
    item.refresh_from_db()
    assert item.sections["trade_offs"] == NO_NUMBERS


def test_the_check_endpoint_refuses_bad_input_and_saves_nothing(logged_in, alice):
    item = make_deck(alice, trade_offs=NO_NUMBERS)
    response = logged_in.post(url("check", item), form_data(item, trade_offs="y" * (MAX_SECTION_CHARS + 5)))
    assert response.status_code == 400
    message = "Trade-offs is too long: at most 6000 characters (it has 6005)."
    assert response.json() == {"error": f"Not saved: {message}", "fields": {"trade_offs": message}}
    item.refresh_from_db()
    assert item.sections["trade_offs"] == NO_NUMBERS


def test_the_check_endpoint_answers_an_anonymous_visitor_in_json(client, alice):
    item = make_deck(alice)
    response = client.post(url("check", item), {"title": "x"})
    assert response.status_code == 401 and response.json() == {"error": "Log in to save your deck."}


# ---------------------------------------------------------------- rehearsal


def test_rehearsal_plans_25_minutes_across_the_nine_sections(logged_in, alice):
    item = make_deck(alice, trade_offs=WITH_NUMBERS)
    response = logged_in.get(url("rehearse", item), {"minutes": "25"})
    assert response.status_code == 200
    page = response.content.decode()
    rows = re.findall(
        r'<tr data-slot data-start="(\d+)" data-end="(\d+)"[^>]*>\s*<th scope="row">([^<]+)</th>'
        r"<td[^>]*>([^<]+)</td><td[^>]*>([^<]+)</td>",
        page,
    )
    assert [r[2] for r in rows] == [f"{s.number}. {s.label}" for s in SECTIONS]
    assert rows[0][3].startswith("0:00–") and rows[-1][3].endswith("–25:00")
    seconds = [int(m) * 60 + int(s) for *_, length in rows for m, s in [length.split(":")]]
    assert sum(seconds) == 25 * 60
    assert all(int(r[0]) == (int(rows[i - 1][1]) if i else 0) for i, r in enumerate(rows))
    assert re.search(r'<th scope="row">Total</th><td[^>]*>0:00–25:00</td><td[^>]*>25:00</td>', page)


def test_rehearsal_defaults_to_25_minutes(logged_in, alice):
    page = logged_in.get(url("rehearse", make_deck(alice))).content.decode()
    assert "Your 25-minute talk" in page and '<option value="25" selected>' in page


@pytest.mark.parametrize("minutes", ["45", "19", "twenty"])
def test_a_talk_length_out_of_range_gets_a_clear_message(logged_in, alice, minutes):
    response = logged_in.get(url("rehearse", make_deck(alice)), {"minutes": minutes})
    assert response.status_code == 400
    page = response.content.decode()
    assert f"A case talk lasts 20 to 30 minutes: choose a length in that range (you asked for {minutes})." in page
    assert "data-slot" not in page


def test_rehearsal_lists_the_panels_questions_by_role(logged_in, alice):
    # Data science's sections are solid but trade-offs, so that is what it asks about first.
    item = make_deck(
        alice,
        trade_offs=NO_NUMBERS,
        hypothesis="Watch time fell 15% for mobile-only members.",
        data_needs="Compare viewing logs by device and country.",
        success_metrics="Hours watched per member per week, +3% in eight weeks; guardrail: cancellations stay flat.",
    )
    page = logged_in.get(url("rehearse", item)).content.decode()
    assert re.findall(r"<h3>([^<]+)</h3>", page) == ["Design", "Data science", "Engineering"]
    shown = [
        tuple(html.unescape(x) for x in found)
        for found in re.findall(r'<li><p class="probe">([^<]+)</p><p class="small">Why: ([^<]+)</p></li>', page)
    ]
    assert shown == [(p.question, p.reason) for p in qa_probes(item.as_deck(), seed=str(item.uid))]
    assert len(shown) == 9 and shown[3][1] == "Trade-offs needs work: " + NO_NUMBERS_MESSAGE


# ---------------------------------------------------------------- exports


def test_the_markdown_export_is_the_deck_as_text(logged_in, alice):
    item = make_deck(alice, title="Kids", prompt="Kids watch less.", problem="Hours per kid profile fell 8%.")
    response = logged_in.get(url("export_md", item))
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="kids.md"'
    assert response["X-Content-Type-Options"] == "nosniff"
    empty = "\n\n_Not written yet._\n\n"
    assert response.content.decode() == (
        "# Kids\n\n> Kids watch less.\n\n## 1. Problem\n\nHours per kid profile fell 8%.\n\n"
        + "".join(f"## {s.number}. {s.label}{empty}" for s in SECTIONS[1:]).removesuffix("\n")
    )


def test_the_pdf_export_holds_the_sections_and_the_users_text_as_text(logged_in, alice):
    item = make_deck(alice, title="Ads tier in Spain", trade_offs="<script>alert(1)</script> costs 2 weeks.")
    response = logged_in.get(url("export_pdf", item))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="ads-tier-in-spain.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    for s in SECTIONS:
        assert f"{s.number}. {s.label}" in text
    assert "Ads tier in Spain" in text and "<script>alert(1)</script> costs 2 weeks." in text


def test_the_pptx_export_has_a_slide_per_written_section_with_notes(logged_in, alice):
    item = make_deck(
        alice, title="Ads tier in Spain", problem="Ad revenue per member is flat.", trade_offs=WITH_NUMBERS
    )
    response = logged_in.get(url("export_pptx", item))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    assert response["Content-Disposition"] == 'attachment; filename="ads-tier-in-spain.pptx"'
    assert response["X-Content-Type-Options"] == "nosniff"
    slides = pptx.Presentation(io.BytesIO(response.content)).slides
    assert [s.shapes.title.text for s in slides] == ["Ads tier in Spain", "Problem", "Trade-offs"]
    assert [s.notes_slide.notes_text_frame.text for s in slides] == [
        PROMPT,
        "Ad revenue per member is flat.",
        WITH_NUMBERS,
    ]


def test_an_export_of_a_title_without_latin_letters_gets_a_plain_name(logged_in, alice):
    response = logged_in.get(url("export_md", make_deck(alice, title="案例")))
    assert response["Content-Disposition"] == 'attachment; filename="case-deck.md"'


# ---------------------------------------------------------------- deleting and ownership


def test_deleting_needs_the_box_ticked(logged_in, alice):
    item = make_deck(alice)
    response = logged_in.post(url("delete", item))
    assert response.status_code == 400
    assert "Tick the box to confirm that the deck should be deleted." in response.content.decode()
    assert CaseDeck.objects.filter(pk=item.pk).exists()
    response = logged_in.post(url("delete", item), {"confirm": "on"}, follow=True)
    assert response.redirect_chain == [(reverse("cases:index"), 302)]
    assert "The deck “Offline downloads in India” is deleted." in response.content.decode()
    assert not CaseDeck.objects.exists()


PAGES = [
    ("get", "deck"),
    ("post", "deck"),
    ("post", "check"),
    ("get", "rehearse"),
    ("post", "delete"),
    ("get", "export_md"),
    ("get", "export_pdf"),
    ("get", "export_pptx"),
]


@pytest.mark.parametrize(("method", "name"), PAGES)
def test_another_user_gets_404_on_every_page(client, alice, bob, method, name):
    item = make_deck(alice, problem="alice's secret problem")
    client.force_login(bob)
    data = {"title": "taken", "problem": "overwritten", "confirm": "on"} if method == "post" else {}
    response = getattr(client, method)(url(name, item), data)
    assert response.status_code == 404
    item.refresh_from_db()
    assert (item.title, item.sections) == ("Offline downloads in India", {"problem": "alice's secret problem"})


@pytest.mark.parametrize(("method", "name"), PAGES)
def test_an_anonymous_visitor_is_sent_to_log_in(client, alice, method, name):
    response = getattr(client, method)(url(name, make_deck(alice)))
    assert response.status_code == (401 if name == "check" else 302)


# ---------------------------------------------------------------- characters the exports cannot hold


def test_a_deck_with_characters_xml_refuses_downloads_as_pptx(logged_in, alice):
    item = make_deck(alice)
    saved = logged_in.post(url("deck", item), form_data(item, problem="Downloads\ufffe fell\uffff 10%.\x0b"))
    assert saved.status_code == 302
    item.refresh_from_db()
    assert item.sections["problem"] == "Downloads fell 10%."
    # A deck stored before the rule (or imported) is cleaned when it is read.
    old = make_deck(alice, title="Old\ufffe deck", trade_offs="A\uffff or B\x01.")
    for deck in (item, old):
        response = logged_in.get(url("export_pptx", deck))
        assert response.status_code == 200
        titles = [s.shapes.title.text for s in pptx.Presentation(io.BytesIO(response.content)).slides]
        assert titles == (["Offline downloads in India", "Problem"] if deck is item else ["Old deck", "Trade-offs"])


# ---------------------------------------------------------------- decks stored under older rules


def stored_badly(user) -> CaseDeck:
    """A deck the core refuses, as a row saved before a rule (or imported) can be."""
    # (A title the column can hold on PostgreSQL too: only spaces, which the core refuses.)
    return CaseDeck.objects.create(
        user=user, title="   ", prompt=PROMPT, sections={"problem": "Kept.", "vision": "An old section", "risks": 7}
    )


def test_a_deck_the_core_refuses_is_listed_with_a_note_and_can_be_fixed(logged_in, alice):
    make_deck(alice, title="Readable")
    bad = stored_badly(alice)
    listing = logged_in.get(reverse("cases:index"))
    assert listing.status_code == 200
    shown = text_of(listing.content.decode())
    assert "Readable" in shown
    # In deck order, then sections no deck has, whatever order the database kept the keys in.
    assert (
        "Needs fixing: Title: required. Risks: expected text (found a number). Section “vision”: not a "
        "section of a deck (they are: Problem, Hypothesis, Data needs, Solution options, Trade-offs, "
        "Recommendation, Success metrics, Risks, Rollout plan)."
    ) in shown
    page = logged_in.get(url("deck", bad))
    assert page.status_code == 200
    assert "This deck was saved under older rules" in text_of(page.content.decode())
    assert "Kept." in page.content.decode()
    for name in ("rehearse", "export_md", "export_pdf", "export_pptx"):
        response = logged_in.get(url(name, bad))
        assert (response.status_code, response["Location"]) == (302, url("deck", bad)), name
    fixed = logged_in.post(url("deck", bad), form_data(bad, risks="Adoption could stall.") | {"title": "Fixed"})
    assert fixed.status_code == 302
    bad.refresh_from_db()
    assert (bad.title, bad.sections["risks"], "vision" in bad.sections) == ("Fixed", "Adoption could stall.", False)


def test_the_cores_problems_go_on_the_field_when_a_deck_is_started(logged_in):
    response = logged_in.post(reverse("cases:create"), {"source": "own", "own-title": "\x01\x02", "own-prompt": PROMPT})
    assert response.status_code == 400
    field = re.search(
        r'<div class="field has-error">\s*<label for="id_own-title">Title</label>(.*?)</div>',
        response.content.decode(),
        re.S,
    )
    assert field and "Title: required." in text_of(field.group(1))
    assert not CaseDeck.objects.exists()


def test_a_section_at_its_limit_with_browser_line_endings_is_saved(logged_in, alice):
    # A browser counts a line break as one character against maxlength and sends it as two (\r\n).
    item = make_deck(alice)
    lines = "\r\n".join(["x" * 99] * 60)  # 60 lines of 99 characters and 59 breaks: 5,999 as the browser counts
    response = logged_in.post(url("deck", item), form_data(item, problem=lines + "y"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert len(item.sections["problem"]) == MAX_SECTION_CHARS and "\r" not in item.sections["problem"]
