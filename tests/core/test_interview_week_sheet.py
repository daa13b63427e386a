"""A one-page sheet for each round: its content as a value, as Markdown and as a PDF."""

from __future__ import annotations

import io

from pypdf import PdfReader

from pmprep.cases.deck import Deck
from pmprep.config import active_catalog
from pmprep.interview_week import loop_rounds, plan_portfolio, round_sheet, sheet_markdown, sheet_pdf
from pmprep.stories import StarStory

CATALOG = active_catalog()
CHURN = StarStory(
    id="churn",
    title="Cut churn with Priya Shah",
    situation="At a 200,000-member startup, churn was our worst number.",
    result="Churn fell from 6.1% to 5.4% in 8 weeks.",
    reflection="I learned from Priya to test before building.",
    kinds=("launch", "failure"),
)
DECK = Deck(
    title="Buffering at peak",
    prompt="Reduce buffering at peak hours.",
    sections={
        "recommendation": "Ship adaptive prefetch to 10% of Android members in 6 weeks. Then widen it.",
        "success_metrics": "Rebuffer ratio down 15%; guardrail: CDN cost up at most 2%.",
    },
)
NAMES = {"ei_hiring_manager/interviewer": "Priya Shah"}


def plans():
    loop = loop_rounds(["ei_hiring_manager", "ei_case_presentation"], CATALOG, NAMES)
    return plan_portfolio(loop, [CHURN], CATALOG).rounds


def test_the_sheet_holds_the_round_its_stories_frameworks_and_questions():
    sheet = round_sheet(plans()[0], [CHURN], CATALOG, questions=["Which metric does Priya watch first?", " "])
    assert sheet.to_dict() == {
        "round_id": "ei_hiring_manager",
        "name": "Hiring-manager behavioural interview",
        "length": "45 min",
        "format": "Behavioural questions about projects, decisions and teamwork, answered as stories.",
        "interviewers": ["Priya Shah (The hiring manager (a product manager))"],
        "assesses": list(CATALOG.rounds["ei_hiring_manager"].assesses),
        "listen_for": list(CATALOG.rounds["ei_hiring_manager"].strong_signals),
        "avoid": list(CATALOG.rounds["ei_hiring_manager"].weak_signals),
        "stories": [
            {
                "title": "Cut churn with Priya Shah",
                "told_to": "Priya Shah (The hiring manager (a product manager))",
                "numbers": ["200,000", "6.1%", "5.4%", "8 weeks"],
                "lesson": "I learned from Priya to test before building.",
            }
        ],
        "uncovered": "no story shows a pivot; none covers 'Customer obsession'.",
        "is_case": False,
        "case": None,
        "frameworks": [
            {
                "name": "STAR",
                "use": "Behavioural stories.",
                "steps": ["Situation", "Task", "Action", "Result", "Reflection"],
            },
            {
                "name": "Why → a story of your own → what you would contribute",
                "use": 'Culture and "why Netflix" questions.',
                "steps": ["Why (themes)", "Situation", "Task", "Action", "Result", "Contribution"],
            },
        ],
        "questions": ["Which metric does Priya watch first?"],
        "questions_suggested": False,
    }


def test_names_can_be_left_out_of_the_sheet():
    sheet = round_sheet(
        plans()[0], [CHURN], CATALOG, questions=["Which metric does Priya watch first?"], hide_names=True
    )
    assert sheet.interviewers == ("The hiring manager (a product manager)",)
    assert [(s.title, s.told_to, s.lesson) for s in sheet.stories] == [
        (
            "Cut churn with [name]",
            "The hiring manager (a product manager)",
            "I learned from [name] to test before building.",
        )
    ]
    assert sheet.questions == ("Which metric does [name] watch first?",)
    other_round = round_sheet(plans()[1], [CHURN], CATALOG, hide_names=True, names=["Priya Shah"])
    assert [s.title for s in other_round.stories] == ["Cut churn with [name]"]


def test_the_case_round_carries_the_deck_headline_and_three_numbers():
    sheet = round_sheet(plans()[1], [CHURN], CATALOG, deck=DECK)
    assert sheet.case is not None
    assert sheet.case.to_dict() == {
        "title": "Buffering at peak",
        "headline": "Ship adaptive prefetch to 10% of Android members in 6 weeks.",
        "numbers": ["10%", "6 weeks", "15%"],
    }
    assert sheet.interviewers == ("Design", "Data science", "Engineering")
    assert [f.name for f in sheet.frameworks] == [
        "User need → Constraints → Success metrics → Options → Trade-offs → Recommendation → Rollout",
        "Goal → North star → Drivers → Guardrails → Diagnosis → Experiment",
        "Problem → Goal → Options → Trade-offs → Recommendation",
    ]
    assert sheet.questions_suggested is True
    assert sheet.questions == (
        "Which part of my proposal would you test with members first?",
        "How does design research usually reach the PM on your team?",
        "When a design is loved in research but loses an A/B test, what happens next?",
    )


def test_the_markdown_sheet_reads_top_to_bottom():
    text = sheet_markdown(round_sheet(plans()[1], [CHURN], CATALOG, deck=DECK))
    assert text.split("\n\n## ")[0] == (
        "# Case-study presentation\n\n*90 min · You present your approach to a product case, then the panel "
        "questions it from each discipline.*"
    )
    assert (
        "## Your stories\n\n### Cut churn with Priya Shah (for Design)\n\n- Numbers: 200,000, 6.1%, 5.4%, 8 weeks\n"
        "- Lesson: I learned from Priya to test before building.\n" in text
    )
    assert (
        "## Your case\n\nBuffering at peak\n\nHeadline: Ship adaptive prefetch to 10% of Android members in "
        "6 weeks.\n\nNumbers to remember: 10% · 6 weeks · 15%\n" in text
    )
    assert "## Questions to ask\n\nSuggested; pick your own on the questions page.\n\n- Which part" in text
    no_deck = sheet_markdown(round_sheet(plans()[1], [], CATALOG))
    assert "No story is on this round yet: add one from the portfolio." in no_deck
    assert "No case deck yet: build one to carry its headline and numbers here." in no_deck


def test_user_text_cannot_become_markdown():
    odd = StarStory(id="odd", title="# **Bold** [link](x)", kinds=("launch",))
    loop = loop_rounds(["ei_hiring_manager"], CATALOG)
    text = sheet_markdown(round_sheet(plan_portfolio(loop, [odd], CATALOG).rounds[0], [odd], CATALOG))
    assert "### \\# \\*\\*Bold\\*\\* \\[link\\](x) (for The hiring manager (a product manager))" in text


def test_the_pdf_sheet_is_one_page_with_the_text():
    data = sheet_pdf(round_sheet(plans()[1], [CHURN], CATALOG, deck=DECK))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for expected in (
        "Case-study presentation",
        "Cut churn with Priya Shah (for Design)",
        "Numbers to remember: 10% · 6 weeks · 15%",
        "Suggested; pick your own on the questions page.",
    ):
        assert expected in text
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert {str(fonts[f].get_object()["/BaseFont"]).split("+")[-1] for f in fonts} >= {"OpenSans"}
