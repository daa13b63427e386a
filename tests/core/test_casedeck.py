"""The case-presentation builder: the deck, its checks, pacing, panel probes and exports."""

from __future__ import annotations

import datetime as dt
import io
import json
from itertools import pairwise

import pytest
import time_machine
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches
from pypdf import PdfReader

from pmprep.cases import (
    MAX_SECTION_CHARS,
    SECTIONS,
    Deck,
    DeckError,
    SectionId,
    SectionStatus,
    Severity,
    check_deck,
    check_section,
    from_question,
    pacing_plan,
    pdf_safe_text,
    qa_probes,
    to_markdown,
    to_pdf,
    to_pptx,
)
from pmprep.cases.panel import panel
from pmprep.cases.slide_text import LINE_HEIGHT, wrap

SOLID = {
    "problem": "Hours watched per member per week fell 10% in Brazil and Mexico since March.",
    "hypothesis": "Mobile-only members cut back after the price change; their watch time fell 15%.",
    "data_needs": "Viewing logs cut by country, device and plan; compare with the same period last year.",
    "solution_options": "- Cheaper mobile plan\n- Better downloads\n- More local titles",
    "trade_offs": "Downloads costs one team six weeks and reaches 40% of affected members.",
    "recommendation": "I recommend better downloads first.",
    "success_metrics": "North star: hours per member per week, +3% in eight weeks. "
    "Guardrail: start-up time must not rise.",
    "risks": "Storage on low-end phones fills up; mitigate with a 2 GB cap.",
    "rollout_plan": "Pilot for 5% of members in Brazil for four weeks, with a kill switch.",
}


def solid_deck(**changes: str) -> Deck:
    return Deck(
        title="Engagement down 10% in LatAm",
        prompt="Engagement is down 10% in Latin America. What do you do?",
        sections={**SOLID, **changes},
    )


def found(deck: Deck) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (f.code, f.severity.value, f.section.value if f.section else None, f.quote) for f in check_deck(deck).findings
    ]


# ---------------------------------------------------------------- the deck value


def test_sections_follow_the_case_framework_then_metrics_risks_rollout(catalog):
    steps = catalog.frameworks["problem_hypothesis_recommendation"].steps

    assert [(s.id, s.name, s.prompt) for s in steps] == [(s.value, s.label, s.hint) for s in SECTIONS[:6]]
    assert [s.value for s in SECTIONS[6:]] == ["success_metrics", "risks", "rollout_plan"]


def test_missing_sections_are_empty_and_come_back_in_order():
    deck = Deck(title="T", prompt="P", sections={"risks": "R", SectionId.PROBLEM: "Q"})

    assert list(deck.sections) == list(SECTIONS)
    assert deck.text("problem") == "Q" and deck.text(SectionId.RISKS) == "R" and deck.text("trade_offs") == ""
    assert deck.filled == (SectionId.PROBLEM, SectionId.RISKS)


def test_text_is_normalised_on_the_way_in():
    deck = Deck(title="T", prompt="a\r\nb\rc", sections={"problem": "x\x0cy\tz\x00\n"})

    assert deck.prompt == "a\nb\nc"
    assert deck.text("problem") == "xy\tz\n"


XML_ILLEGAL = ["\ufffe", "\uffff", "\ud800", "\udfff", "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\x85"]


@pytest.mark.parametrize("ch", XML_ILLEGAL, ids=[f"U+{ord(c):04X}" for c in XML_ILLEGAL])
def test_characters_xml_refuses_are_removed_so_every_export_works(ch):
    deck = Deck(title=f"Ads{ch} tier", prompt=f"Why{ch}?", sections={"problem": f"Flat{ch} revenue.\tNow."})

    assert (deck.title, deck.prompt, deck.text("problem")) == ("Ads tier", "Why?", "Flat revenue.\tNow.")
    slides = Presentation(io.BytesIO(to_pptx(deck))).slides
    assert [s.shapes.title.text for s in slides] == ["Ads tier", "Problem"]
    assert to_markdown(deck).startswith("# Ads tier\n")
    assert to_pdf(deck).startswith(b"%PDF-")


def test_unusual_but_legal_characters_are_kept():
    kept = "\ufdd0 \U0001fffe \u2028 \u200b é 👍"
    assert Deck(title="T", prompt="P", sections={"problem": kept}).text("problem") == kept


def test_with_section_returns_a_copy():
    deck = solid_deck()
    changed = deck.with_section("risks", "None.")

    assert deck.text("risks") == SOLID["risks"]
    assert changed.text("risks") == "None." and changed.title == deck.title


def test_to_dict_and_from_dict_round_trip_through_json():
    deck = Deck(title="T", prompt="P", sections={"problem": "Q"}, question_id="pd-profile-switching-shared-tv")

    data = json.loads(json.dumps(deck.to_dict()))

    assert list(data["sections"]) == [s.value for s in SECTIONS]
    assert Deck.from_dict(data) == deck
    assert hash(Deck.from_dict(data)) == hash(deck)


def test_from_dict_reports_every_bad_field_at_once():
    with pytest.raises(DeckError) as error:
        Deck.from_dict(
            {
                "title": 5,
                "prompt": "  ",
                "question_id": "Not An Id",
                "sections": {
                    "trade_offs": ["cheap", "fast"],
                    "bogus": "x",
                    "problem": "x" * (MAX_SECTION_CHARS + 1),
                    "risks": None,
                },
                "colour": "red",
            }
        )

    assert error.value.problems == (
        "colour: unknown field (expected title, prompt, question_id, sections)",
        "title: expected text (found a number)",
        "prompt: required",
        "question_id: 'Not An Id' is not a question id (lower-case letters, digits, _ and -)",
        # Sections in deck order, then the unknown ones, whatever order the mapping holds them in.
        f"sections.problem: at most {MAX_SECTION_CHARS} characters (found {MAX_SECTION_CHARS + 1})",
        "sections.trade_offs: expected text (found a list)",
        "sections.bogus: unknown section (expected one of problem, hypothesis, data_needs, solution_options, "
        "trade_offs, recommendation, success_metrics, risks, rollout_plan)",
    )
    assert str(error.value).startswith("invalid case deck: colour: unknown field")


def test_from_dict_names_missing_fields_and_a_wrong_shape():
    with pytest.raises(DeckError) as missing:
        Deck.from_dict({"sections": []})
    with pytest.raises(DeckError) as not_an_object:
        Deck.from_dict(["title"])

    assert missing.value.problems == (
        "title: required",
        "prompt: required",
        "sections: expected an object of section texts (found a list)",
    )
    assert not_an_object.value.problems == ("deck: expected an object (found a list)",)


def test_title_and_prompt_have_length_limits():
    with pytest.raises(DeckError) as error:
        Deck(title="t" * 121, prompt="p" * 4001)

    assert error.value.problems == (
        "title: at most 120 characters (found 121)",
        "prompt: at most 4000 characters (found 4001)",
    )


def test_a_deck_starts_from_a_bank_question(catalog):
    question = catalog.questions["pd-profile-switching-shared-tv"]

    deck = from_question(question)

    assert deck.question_id == "pd-profile-switching-shared-tv"
    assert deck.prompt == question.text
    assert deck.title == (
        "In a household of four sharing one living-room TV, picking the right profile is slow and often goes wrong."
    )
    assert deck.filled == ()


# ---------------------------------------------------------------- checking


def test_a_complete_deck_is_solid_and_ready():
    review = check_deck(solid_deck())

    assert review.findings == ()
    assert set(review.statuses.values()) == {SectionStatus.SOLID}
    assert review.ready
    assert review.readiness == "Ready to rehearse: all 9 sections are solid."


def test_an_empty_deck_lists_each_section_as_missing():
    review = check_deck(Deck(title="T", prompt="P"))

    assert [(f.code, f.section) for f in review.findings] == [("empty", s) for s in SECTIONS]
    assert review.findings[4].message == (
        "Trade-offs is empty. Compare the options with numbers: impact, cost, risk, time."
    )
    assert review.readiness == "Not ready yet: 0 of 9 sections solid, 9 empty, 0 need work. Next: Problem."


def test_trade_offs_without_numbers_are_flagged_in_their_section():
    deck = solid_deck(trade_offs="Downloads is faster but riskier; a cheaper plan is safer but slower.")

    review = check_deck(deck)

    assert found(deck) == [("trade_offs_no_numbers", "weak", "trade_offs", None)]
    assert review.statuses[SectionId.TRADE_OFFS] is SectionStatus.NEEDS_WORK
    assert review.readiness == "Not ready yet: 8 of 9 sections solid, 0 empty, 1 needs work. Next: Trade-offs."


def test_quantified_trade_offs_are_not_flagged():
    assert found(solid_deck(trade_offs="Downloads costs ~$2M and saves 3% churn.")) == []


def test_rollout_without_a_time_box_is_flagged():
    deck = solid_deck(rollout_plan="Launch to everyone once it is ready, with a kill switch.")

    assert found(deck) == [("rollout_no_timebox", "weak", "rollout_plan", None)]


def test_a_pilot_in_two_regions_for_four_weeks_is_time_boxed():
    assert found(solid_deck(rollout_plan="Pilot in 2 regions for 4 weeks.")) == [
        ("rollout_no_way_back", "tip", "rollout_plan", None)
    ]


def test_metrics_named_only_after_solutions_are_flagged_with_the_quote():
    deck = solid_deck(success_metrics="", recommendation="I recommend downloads, to lift retention in Brazil.")

    review = check_deck(deck)

    assert found(deck) == [("metrics_after_solutions", "missing", "success_metrics", "retention")]
    finding = review.findings[0]
    assert finding.quote_section is SectionId.RECOMMENDATION
    assert deck.text("recommendation")[finding.start : finding.end] == "retention"
    assert finding.message.startswith('A metric first appears in Recommendation ("retention"), after the solutions')


def test_a_problem_that_never_says_what_better_means_is_flagged():
    deck = solid_deck(problem="Members in Brazil and Mexico are unhappy since March.")

    assert found(deck) == [("problem_no_goal", "weak", "problem", None)]


def test_success_metrics_need_something_measurable_and_get_tips_for_unit_and_guardrail():
    assert found(solid_deck(success_metrics="Members feel happier.")) == [
        ("metrics_not_measurable", "weak", "success_metrics", None)
    ]
    assert found(solid_deck(success_metrics="Retention.")) == [
        ("metrics_no_unit", "tip", "success_metrics", None),
        ("metrics_no_guardrail", "tip", "success_metrics", None),
    ]


def test_a_hypothesis_must_predict_something_measurable():
    assert found(solid_deck(hypothesis="People are bored of the catalogue.")) == [
        ("hypothesis_not_falsifiable", "weak", "hypothesis", None)
    ]


def test_data_needs_must_name_a_source_or_method():
    assert found(solid_deck(data_needs="I want to know why people leave.")) == [
        ("data_needs_no_source", "weak", "data_needs", None)
    ]
    assert found(solid_deck(data_needs="A survey of members who cancelled.")) == []


def test_options_are_counted_by_line_label_or_declared_number():
    one = solid_deck(solution_options="Build better downloads.")
    two = solid_deck(solution_options="Option A: better downloads. Option B: a cheaper plan.")
    declared = solid_deck(solution_options="Three options: a cheaper plan, better downloads or local titles.")

    assert found(one) == [("too_few_options", "weak", "solution_options", None)]
    assert found(two) == [("two_options", "tip", "solution_options", None)]
    assert found(declared) == []
    assert check_deck(two).statuses[SectionId.SOLUTION_OPTIONS] is SectionStatus.SOLID  # tips never lower a status


def test_a_recommendation_must_pick_one_option():
    assert found(solid_deck(recommendation="Downloads look promising.")) == [
        ("recommendation_no_pick", "weak", "recommendation", None)
    ]
    assert found(solid_deck(recommendation="We should do all three at once.")) == [
        ("recommendation_hedged", "weak", "recommendation", "do all three")
    ]


def test_risks_need_mitigations():
    assert found(solid_deck(risks="Members may find autoplay annoying.")) == [
        ("risks_no_mitigation", "weak", "risks", None)
    ]
    assert found(solid_deck(risks="Members may find it annoying; if complaints rise we'll turn it off.")) == []


def test_a_deck_with_nothing_about_members_regions_or_devices_gets_a_tip():
    deck = Deck(title="T", prompt="P", sections={"trade_offs": "Option A costs $2M and saves 3% churn."})

    review = check_deck(deck)

    assert [(f.code, f.severity, f.section) for f in review.findings if f.code != "empty"] == [
        ("not_netflix_specific", Severity.TIP, None)
    ]
    assert review.statuses[SectionId.TRADE_OFFS] is SectionStatus.SOLID


def test_one_section_can_be_checked_while_it_is_typed():
    deck = solid_deck(trade_offs="It is cheaper.")

    assert [f.code for f in check_section(deck, "trade_offs")] == ["trade_offs_no_numbers"]
    assert check_section(deck, SectionId.PROBLEM) == ()


def test_a_review_serialises_to_json():
    deck = solid_deck(success_metrics="", recommendation="I recommend downloads, to lift retention in Brazil.")

    data = json.loads(json.dumps(check_deck(deck).to_dict()))

    assert data["ready"] is False and data["statuses"]["success_metrics"] == "empty"
    assert data["findings"] == [
        {
            "code": "metrics_after_solutions",
            "severity": "missing",
            "section": "success_metrics",
            "message": check_deck(deck).findings[0].message,
            "quote": "retention",
            "quote_section": "recommendation",
            "start": 31,
            "end": 40,
        }
    ]
    assert json.dumps([s.to_dict() for s in pacing_plan(deck)] + [p.to_dict() for p in qa_probes(deck)])


def test_weakest_sections_are_empty_ones_first_then_those_needing_work():
    deck = solid_deck(trade_offs="It is cheaper.", risks="", problem="Things are bad.")

    assert check_deck(deck).weakest() == (SectionId.RISKS, SectionId.PROBLEM, SectionId.TRADE_OFFS)


# ---------------------------------------------------------------- pacing and probes


def test_pacing_fills_the_talk_exactly_with_weighted_slots():
    slots = pacing_plan(solid_deck(), minutes=25)

    assert [(s.section.value, s.start_seconds, s.end_seconds) for s in slots] == [
        ("problem", 0, 180),
        ("hypothesis", 180, 360),
        ("data_needs", 360, 510),
        ("solution_options", 510, 660),
        ("trade_offs", 660, 840),
        ("recommendation", 840, 990),
        ("success_metrics", 990, 1170),
        ("risks", 1170, 1320),
        ("rollout_plan", 1320, 1500),
    ]
    assert slots[2].label == "6:00–8:30"


def test_an_empty_deck_is_paced_by_importance_alone():
    # 20 minutes: 9 one-minute floors leave 22 half-minute steps; shares 2.64, 2.2, 1.76, 2.64, 3.08,
    # 3.08, 2.64, 1.76, 2.2 floor to 18 steps and the 4 largest remainders (.76, .76, .64, .64) win one more.
    slots = pacing_plan(Deck(title="T", prompt="P"), minutes=20)

    assert [s.seconds for s in slots] == [150, 120, 120, 150, 150, 150, 120, 120, 120]
    assert slots[-1].end_seconds == 20 * 60


@pytest.mark.parametrize("minutes", [20, 21, 24, 27, 30])
def test_every_slot_is_at_least_a_minute_and_the_total_is_exact(minutes):
    deck = solid_deck(trade_offs="word " * 900)

    slots = pacing_plan(deck, minutes=minutes)

    assert sum(s.seconds for s in slots) == minutes * 60
    assert min(s.seconds for s in slots) >= 60
    assert all(a.end_seconds == b.start_seconds for a, b in pairwise(slots))


@pytest.mark.parametrize("minutes", [19, 31, 0, 25.5, True, "25"])
def test_talks_outside_20_to_30_minutes_are_rejected(minutes):
    with pytest.raises(ValueError, match="a case talk lasts 20 to 30 whole minutes"):
        pacing_plan(solid_deck(), minutes=minutes)


def test_each_role_asks_about_its_weakest_sections_first():
    deck = solid_deck(trade_offs="")

    probes = qa_probes(deck, seed="ana")

    assert [(p.role, p.section.value if p.section else None) for p in probes] == [
        ("design", "problem"),
        ("design", "hypothesis"),
        ("design", None),
        ("data_science", "trade_offs"),
        ("data_science", "hypothesis"),
        ("data_science", None),
        ("engineering", "trade_offs"),
        ("engineering", "solution_options"),
        ("engineering", None),
    ]
    assert probes[3].reason == "Trade-offs is empty."
    assert probes[0].reason == "Problem is solid; expect to defend it."
    assert all(p.question in panel().role(p.role).general for p in probes if p.section is None)


def test_probes_explain_a_section_that_needs_work_and_repeat_for_a_seed():
    deck = solid_deck(risks="Members may find autoplay annoying.")

    probes = qa_probes(deck, seed="ana")

    risk = next(p for p in probes if p.role == "design" and p.section is SectionId.RISKS)
    assert risk.reason.startswith("Risks needs work: Risks are named but not what you would do about them.")
    assert qa_probes(deck, seed="ana") == probes
    assert len({p.question for s in ("a", "b", "c", "d", "e") for p in qa_probes(deck, seed=s)}) > len(probes)


# ---------------------------------------------------------------- exports


def test_markdown_export_is_exact():
    deck = Deck(
        title="Kids' row",
        prompt="Design a row for kids.\nKeep it short.",
        sections={"problem": "People lose their place.", "trade_offs": "It is cheaper."},
        question_id="pd-kids-row",
    )
    review = check_deck(deck)

    assert to_markdown(deck) == (
        "# Kids' row\n\n> Design a row for kids.\n> Keep it short.\n\nQuestion: `pd-kids-row`\n\n"
        "## 1. Problem\n\nPeople lose their place.\n\n"
        "## 2. Hypothesis\n\n_Not written yet._\n\n"
        "## 3. Data needs\n\n_Not written yet._\n\n"
        "## 4. Solution options\n\n_Not written yet._\n\n"
        "## 5. Trade-offs\n\nIt is cheaper.\n\n"
        "## 6. Recommendation\n\n_Not written yet._\n\n"
        "## 7. Success metrics\n\n_Not written yet._\n\n"
        "## 8. Risks\n\n_Not written yet._\n\n"
        "## 9. Rollout plan\n\n_Not written yet._\n"
    )
    reviewed = to_markdown(deck, review)
    assert reviewed.startswith(
        to_markdown(deck) + "\n## Review\n\n"
        "Not ready yet: 0 of 9 sections solid, 7 empty, 2 need work. Next: Problem.\n\n"
        "- Problem: needs work\n- Hypothesis: empty\n"
    )
    assert "- **Trade-offs** (weak): No numbers: the cost and benefit" in reviewed
    assert reviewed.endswith(
        "- **Whole deck** (tip): Nothing ties the case to Netflix: mention the people "
        "affected and where they are (regions, devices, plans).\n"
    )


def _pdf_text(data: bytes) -> str:
    # pypdf puts a NUL before each character drawn in the fallback font; pdftotext and viewers do not.
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).replace("\x00", "")


def test_pdf_holds_the_titles_and_the_users_text():
    data = to_pdf(solid_deck())
    text = _pdf_text(data)

    assert data.startswith(b"%PDF-")
    for section in SECTIONS:
        assert f"{section.number}. {section.label}" in text
    assert "Engagement down 10% in LatAm" in text
    assert "I recommend better downloads first." in text
    assert PdfReader(io.BytesIO(data)).metadata.title == "Engagement down 10% in LatAm"


def test_pdf_shows_markup_curly_quotes_and_chinese_as_typed_and_a_placeholder_for_what_it_cannot_draw():
    deck = solid_deck(problem="<script>alert(1)</script> **bold** “quoted” — it’s 🎉 done", risks="中文 ő ﬁ €5 • x → y")

    text = _pdf_text(to_pdf(deck))

    assert "<script>alert(1)</script> **bold** “quoted” — it’s \ufffd done" in text
    assert "中文 ő ﬁ €5 • x → y" in text


NON_LATIN = "São Paulo, Ελληνικά, Кириллица, Łódź, Tiếng Việt, naïve café"


def test_pdf_prints_accented_greek_and_cyrillic_text_as_typed():
    deck = Deck(title="Łódź: Кириллица", prompt="Ελληνικά: what do you do?", sections={**SOLID, "problem": NON_LATIN})

    data = to_pdf(deck)
    text = _pdf_text(data)

    assert NON_LATIN in text and "Ελληνικά: what do you do?" in text
    assert "\ufffd" not in text and "?" not in text.replace("what do you do?", "")
    assert PdfReader(io.BytesIO(data)).metadata.title == "Łódź: Кириллица"


def test_pdf_safe_text_keeps_what_the_font_draws_and_replaces_the_rest():
    assert pdf_safe_text(NON_LATIN) == NON_LATIN
    assert pdf_safe_text("‘a’ “b” – c … € ™") == "‘a’ “b” – c … € ™"
    assert pdf_safe_text("→ ✓ ₹5 x\ty") == "→ ✓ INR5 x    y"  # the arrow and the tick are the CJK font's
    # A skin-toned emoji is one placeholder; a joiner, a variation selector and a control character vanish.
    assert pdf_safe_text("👍🏽 x\u200by e\u0301 ☺\ufe0f a\x07b") == "\ufffd xy é \ufffd ab"
    # Chinese, Japanese and Korean are kept (the CJK fallback draws them); one placeholder for a run of what
    # neither font draws, so a line of Hebrew is not a line of boxes.
    assert pdf_safe_text("中文文本, 東京, 한국어 and עברית") == "中文文本, 東京, 한국어 and \ufffd"


def test_pdf_survives_a_very_long_unbroken_word():
    assert _pdf_text(to_pdf(solid_deck(problem="x" * 3000)))


def test_pdf_is_byte_for_byte_reproducible():
    with time_machine.travel(dt.datetime(2025, 1, 1, tzinfo=dt.UTC), tick=False):
        first = to_pdf(solid_deck())
    with time_machine.travel(dt.datetime(2026, 6, 1, tzinfo=dt.UTC), tick=False):
        second = to_pdf(solid_deck())

    assert first == second
    created = dt.datetime(2025, 10, 2, 9, 30, tzinfo=dt.UTC)
    assert PdfReader(io.BytesIO(to_pdf(solid_deck(), created=created))).metadata.creation_date == created


def _presentation(data: bytes):
    return Presentation(io.BytesIO(data))


def _shape(slide, name: str):
    return next(shape for shape in slide.shapes if shape.name == name)


def _lines(slide, name: str = "Body") -> list[str]:
    return [p.text for p in _shape(slide, name).text_frame.paragraphs]


def test_pptx_has_a_title_slide_then_one_slide_per_written_section():
    deck = solid_deck(hypothesis="", risks="  ", problem="Hours per member fell 10%.\nMostly on phones.")

    prs = _presentation(to_pptx(deck))
    slides = list(prs.slides)

    assert (prs.slide_width, prs.slide_height) == (Inches(40 / 3), Inches(7.5))  # 16:9, PowerPoint's widescreen
    assert len(slides) == 1 + 7
    assert slides[0].shapes.title.text == "Engagement down 10% in LatAm"
    assert _lines(slides[0], "Prompt") == ["Engagement is down 10% in Latin America. What do you do?"]
    assert _lines(slides[0], "Footer") == ["Case presentation"]
    assert [s.shapes.title.text for s in slides[1:]] == [
        "Problem",
        "Data needs",
        "Solution options",
        "Trade-offs",
        "Recommendation",
        "Success metrics",
        "Rollout plan",
    ]
    notes = [s.notes_slide.notes_text_frame.text for s in slides[1:]]
    assert notes == [deck.text(s) for s in deck.filled]
    assert _lines(slides[1]) == ["Hours per member fell 10%.", "Mostly on phones."]
    assert _lines(slides[3]) == ["Cheaper mobile plan", "Better downloads", "More local titles"]
    assert [(_lines(s, "Footer"), _lines(s, "Slide number")) for s in slides[1:3]] == [
        (["Engagement down 10% in LatAm"], ["2 / 8"]),
        (["Engagement down 10% in LatAm"], ["3 / 8"]),
    ]


LONG_POINTS = " ".join(
    f"Point number {i} weighs downloads against a cheaper plan, with its cost in engineer-weeks and the share "
    "of affected members it reaches."
    for i in range(1, 12)
)


def test_a_long_section_goes_on_to_continued_slides_with_nothing_cut():
    deck = solid_deck(trade_offs=LONG_POINTS, problem="<b>not bold</b> 🎉 “quoted”")

    slides = list(_presentation(to_pptx(deck)).slides)

    titles = [s.shapes.title.text for s in slides]
    parts = [s for s in slides if s.shapes.title.text.startswith("Trade-offs")]
    assert [s.shapes.title.text for s in parts] == ["Trade-offs"] + ["Trade-offs (continued)"] * (len(parts) - 1)
    assert len(parts) >= 2 and titles.index("Trade-offs") + len(parts) == titles.index("Recommendation")
    shown = [line for s in parts for line in _lines(s)]
    assert " ".join(shown) == LONG_POINTS
    assert not any("…" in line for line in shown)
    notes = [s.notes_slide.notes_text_frame.text for s in parts]
    assert notes[0] == LONG_POINTS
    assert all(n in LONG_POINTS and n.startswith("Point number") and n.endswith("reaches.") for n in notes[1:])
    assert " ".join(notes[1:]) == LONG_POINTS[LONG_POINTS.index(notes[1][:16]) :]
    assert _lines(slides[1]) == ["<b>not bold</b> 🎉 “quoted”"]


def test_a_sentence_longer_than_a_slide_goes_on_without_a_bullet_of_its_own():
    word = "x" * 2500
    deck = solid_deck(risks=f"- First risk\n- {word}\n- Last risk")

    slides = [s for s in _presentation(to_pptx(deck)).slides if s.shapes.title.text.startswith("Risks")]

    body = [p for s in slides for p in _shape(s, "Body").text_frame.paragraphs]
    assert body[0].text == "First risk" and body[-1].text == "Last risk"
    assert "".join(p.text for p in body[1:-1]) == word
    bullets_shown = [p._p.pPr.find(qn("a:buChar")) is not None for p in body]
    assert bullets_shown[:2] == [True, True] and bullets_shown[-1] is True and not any(bullets_shown[2:-1])


def test_a_prompt_too_long_for_the_title_slide_goes_on_to_continued_slides():
    prompt = "\n".join(f"Paragraph {i}: " + "the members who watch on phones in Brazil " * 10 for i in range(8))
    deck = Deck(title="A long case", prompt=prompt, sections=SOLID)

    slides = list(_presentation(to_pptx(deck)).slides)

    continued = [s for s in slides if s.shapes.title.text == "Case prompt (continued)"]
    assert continued and slides[1 : 1 + len(continued)] == continued
    shown = _lines(slides[0], "Prompt") + [line for s in continued for line in _lines(s)]
    assert " ".join(shown).split() == prompt.split()
    assert slides[0].notes_slide.notes_text_frame.text == prompt


def _fits(shape) -> tuple[float, float]:
    """(the height the shape's text needs, as estimated from what the file says, its box height) in points."""
    frame = shape.text_frame
    width = shape.width / 12700
    needed = 0.0
    for p in frame.paragraphs:
        runs = p.runs
        if not runs:
            continue
        size = runs[0].font.size.pt
        bold = bool(runs[0].font.bold)
        indent = int(p._p.pPr.get("marL", "0")) / 12700 if p._p.pPr is not None else 0.0
        lines = len(wrap(p.text, width - indent, size, bold))
        needed += lines * size * LINE_HEIGHT + (p.space_after.pt if p.space_after is not None else 0)
    return needed, shape.height / 12700


HOSTILE_DECKS = {
    "solid": solid_deck(),
    "long points": solid_deck(trade_offs=LONG_POINTS, risks=LONG_POINTS, data_needs=LONG_POINTS),
    "longest sections": solid_deck(**{s.value: ("word " * 1200).strip() for s in SECTIONS}),
    "an unbroken word": solid_deck(problem="x" * 6000),
    "many short lines": solid_deck(solution_options="\n".join(f"- Option {i}" for i in range(300))),
    "long title and prompt": Deck(
        title=("Supercalifragilisti " * 6).strip(), prompt="Why? " * 800, question_id="q-" + "x" * 60, sections=SOLID
    ),
    "wide characters": solid_deck(problem="中文文本" * 400, risks="🎉" * 500, hypothesis="Ш" * 1000),
}


@pytest.mark.parametrize("deck", HOSTILE_DECKS.values(), ids=HOSTILE_DECKS.keys())
def test_every_shape_lies_inside_the_slide_and_its_text_fits_its_box(deck):
    prs = _presentation(to_pptx(deck))

    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            where = f"slide {number}, {shape.name}"
            assert shape.left >= 0 and shape.top >= 0, where
            assert shape.left + shape.width <= prs.slide_width, where
            assert shape.top + shape.height <= prs.slide_height, where
            if shape.has_text_frame and shape.text_frame.text:
                needed, room = _fits(shape)
                assert needed <= room + 0.5, f"{where}: needs {needed:.0f} pt, has {room:.0f}"
                for p in shape.text_frame.paragraphs:
                    for run in p.runs:
                        assert (run.font.name, run.font.color.rgb is not None, run.font.size is not None) == (
                            "Arial",
                            True,
                            True,
                        ), where


def test_nothing_on_a_slide_is_cut_but_a_footers_title():
    deck = HOSTILE_DECKS["longest sections"]
    slides = list(_presentation(to_pptx(deck)).slides)
    for slide in slides[1:]:
        assert "…" not in " ".join(_lines(slide))
    per_section = {}
    for slide in slides[1:]:
        per_section.setdefault(slide.shapes.title.text.removesuffix(" (continued)"), []).extend(_lines(slide))
    assert all(" ".join(lines).split() == ["word"] * 1200 for lines in per_section.values())


def test_the_templates_placeholders_are_widened_to_the_16_9_slide():
    prs = _presentation(to_pptx(solid_deck()))
    holders = [*prs.slide_master.placeholders, *(p for layout in prs.slide_layouts for p in layout.placeholders)]
    assert all(h.left + h.width <= prs.slide_width for h in holders)
    title = next(h for h in prs.slide_master.placeholders if h.placeholder_format.type == 1)
    assert abs((title.left * 2 + title.width) - prs.slide_width) < Inches(0.05)  # still centred


def test_pptx_properties_are_set_and_the_file_is_reproducible():
    with time_machine.travel(dt.datetime(2025, 1, 1, tzinfo=dt.UTC), tick=False):
        first = to_pptx(solid_deck())
    with time_machine.travel(dt.datetime(2026, 6, 1, 12, 0, 7, tzinfo=dt.UTC), tick=False):
        second = to_pptx(solid_deck())

    assert first == second
    props = _presentation(first).core_properties
    assert (props.title, props.author, props.last_modified_by, props.revision) == (
        "Engagement down 10% in LatAm",
        "",
        "",
        1,
    )
    assert props.created == dt.datetime(2000, 1, 1)
    created = dt.datetime(2025, 10, 2, 11, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert _presentation(to_pptx(solid_deck(), created=created)).core_properties.modified == dt.datetime(
        2025, 10, 2, 9, 30
    )
