"""Downloading a feedback page and a mock loop as Markdown and PDF: what they hold, and who may."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.urls import reverse
from django.utils.html import escape
from pypdf import PdfReader

from pmprep.analysis.feedback import score_points
from pmprep.web.loops.models import InformalNote, LoopRound, MockLoop, RoundScorecard
from pmprep.web.practice.models import Attempt
from tests.web.conftest import looped, practised

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)
FILENAME = "feedback-tell-me-about-a-launch-you-led-2026-11-02"
ANSWER = (
    "At a budgeting app with 40,000 monthly users I owned onboarding. <script>alert('x')</script>\n"
    "# not a heading\n"
    "Interviews showed people quit at bank linking, so I proposed cutting two steps. Completion rose from "
    "52% to 61% in six weeks. | a pipe | and “curly” quotes 👍"
)


@pytest.fixture(autouse=True)
def utc(settings):
    settings.TIME_ZONE = "UTC"


@pytest.fixture
def attempt(alice) -> Attempt:
    with time_machine.travel(T0, tick=False):
        return practised(alice, ANSWER)


def md(client, name: str, *args) -> str:
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content.decode()


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- a feedback page


def test_feedback_markdown_is_an_attachment_with_the_page_in_order(client, alice, attempt):
    client.force_login(alice)
    response = client.get(reverse("practice:attempt_md", args=[attempt.pk]))
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{FILENAME}.md"'
    assert response["X-Content-Type-Options"] == "nosniff"
    text = response.content.decode()
    fb = attempt.feedback
    assert text.startswith(
        f"# Feedback\n\n*Tell me about a launch you led. (2 Nov 2026, 10:00)*\n\n"
        f"## {fb['level_label']} — {score_points(attempt.score)}/100\n\n{fb['summary']}\n\n"
    )
    assert (
        f"\n\nType: behavioral · Structure to follow: {fb['framework']}\n\n## Your answer, with the evidence found\n\n"
    ) in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[1:] == [
        "## Your answer, with the evidence found",
        "## Criteria",
        "## What an interviewer would ask next",
        "## Delivery",
        "## Which step of the structure each sentence serves",
    ]


def test_feedback_markdown_numbers_the_evidence_by_criterion(client, alice, attempt):
    client.force_login(alice)
    text = md(client, "practice:attempt_md", attempt.pk)
    criteria = attempt.feedback["criteria"]
    result = next(n for n, c in enumerate(criteria, start=1) if c["id"] == "result")
    evidence = criteria[result - 1]["evidence"]
    assert "from 52% to 61%" in [e["text"] for e in evidence]
    assert f" **from 52% to 61%**\\[{result}\\] " in text  # shown whole, over the "52%" and "61%" inside it
    assert f"\n- \\[{result}\\] Quantified result\n" in text
    assert (
        "\n| # | Criterion | Level | Your words | Missing, and what to do |\n| --- | --- | --- | --- | --- |\n"
    ) in text
    words = "; ".join(f"“{e['text']}” ({e['signal']})" for e in evidence[:4])
    assert f"\n| {result} | Quantified result | {criteria[result - 1]['level']}/4 | {words} | " in text


def test_user_text_stays_literal_in_the_markdown(client, alice, attempt):
    client.force_login(alice)
    text = md(client, "practice:attempt_md", attempt.pk)
    assert "\\<script>alert('x')\\</script>\n\\# not a heading\nInterviews showed" in text
    assert "\\| a pipe \\| and “curly” quotes 👍" in text
    assert "<script>" not in text.replace("\\<script>", "") and "\n# not a heading" not in text


def test_feedback_pdf_holds_the_answer_the_criteria_and_the_probes(client, alice, attempt):
    client.force_login(alice)
    response = client.get(reverse("practice:attempt_pdf", args=[attempt.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{FILENAME}.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    text = one_line(pdf_text(response.content))
    assert "At a budgeting app with 40,000 monthly users" in text
    assert "<script>alert('x')</script> # not a heading" in text and "“curly” quotes \ufffd" in text
    for c in attempt.feedback["criteria"]:
        assert one_line(c["name"]) in text
    for p in attempt.feedback["probes"][:1]:
        assert one_line(p["text"]) in text
    assert "pmprep — private, generated on your machine" in text


def test_a_follow_up_reply_exports_the_conversation_and_its_outcome(client, alice, attempt):
    client.force_login(alice)
    page = client.get(reverse("practice:attempt", args=[attempt.pk])).content.decode()
    probe = next(p["text"] for p in attempt.feedback["probes"] if escape(p["text"]) in page)
    client.post(
        reverse("practice:follow_up", args=[attempt.pk]),
        {
            "probe": probe,
            "reply": "I would run an A/B test for two weeks; a 3 point rise would convince me.",
            "seconds_taken": "30",
        },
    )
    reply = Attempt.objects.get(parent=attempt)
    text = md(client, "practice:attempt_md", reply.pk)
    assert text.startswith("# Feedback on your follow-up reply\n\n*Tell me about a launch you led. (")
    outcome = reply.feedback["follow_up"]["outcome"]
    assert "\n\n## The conversation so far\n\n> At a budgeting app with 40,000 monthly users I owned" in text
    assert f"\n>\n> — {score_points(attempt.score)}/100\n\nFollow-up: {probe}\n\nOutcome: {outcome}" in text
    assert "## Your reply, with the evidence found" in text
    # The first answer lists the follow-up it got.
    first = md(client, "practice:attempt_md", attempt.pk)
    assert f"Follow-ups you answered:\n\n- {probe} — {outcome}" in first


def test_the_users_own_ratings_are_exported_beside_pmpreps(client, alice, attempt):
    first = attempt.feedback["criteria"][0]
    attempt.self_ratings = {first["id"]: 4 if first["level"] < 4 else 3}
    attempt.save()
    client.force_login(alice)
    text = md(client, "practice:attempt_md", attempt.pk)
    verdict = "you rated higher" if first["level"] < 4 else "you rated lower"
    assert (
        f"## Your ratings beside pmprep's\n\n| Criterion | pmprep | You | Difference |\n| --- | --- | --- | --- |\n"
        f"| {first['name']} | {first['level']}/4 | {attempt.self_ratings[first['id']]}/4 | {verdict} |"
    ) in text


def test_the_feedback_page_links_to_both_downloads(client, alice, attempt):
    client.force_login(alice)
    page = client.get(reverse("practice:attempt", args=[attempt.pk])).content.decode()
    assert f'href="/practice/attempts/{attempt.pk}/export.pdf"' in page
    assert f'href="/practice/attempts/{attempt.pk}/export.md"' in page


@pytest.mark.parametrize("name", ["practice:attempt_md", "practice:attempt_pdf"])
def test_only_the_owner_can_download_feedback(client, bob, attempt, name):
    url = reverse(name, args=[attempt.pk])
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(bob)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code in (404, 405)


# ---------------------------------------------------------------- a mock loop


def _card(
    loop: MockLoop,
    order: int | None,
    source: str,
    rater: str,
    ratings: dict,
    recommendation: int = 3,
    trade_offs: bool | None = None,
    summary: str = "",
) -> RoundScorecard:
    return RoundScorecard.objects.create(
        user=loop.user,
        loop=loop,
        loop_round=loop.rounds.get(order=order) if order else None,
        source=source,
        rater=rater,
        ratings=ratings,
        evidence={k: f"{rater} saw it" for k in ratings},
        recommendation=recommendation,
        trade_offs_quantified=trade_offs,
        summary=summary,
    )


@pytest.fixture
def loop(alice) -> MockLoop:
    loop = looped(alice, now=T0)
    LoopRound.objects.filter(loop=loop).update(status="done", elapsed=1800)
    LoopRound.objects.filter(loop=loop, order=1).update(elapsed=1830)
    _card(loop, 1, "peer", "Priya", {"customer_obsession": 4, "data_literacy": 4})
    _card(loop, 3, "self", "alice", {"technical_judgment": 4, "data_literacy": 3})
    omar = _card(
        loop,
        4,
        "peer",
        "Omar",
        {"case_solving": 4, "customer_obsession": 4},
        trade_offs=False,
        summary="Strong story, # no numbers <b>at all</b>.",
    )
    omar.evidence = {"case_solving": "Options | but no costs", "customer_obsession": "Named the member"}
    omar.save()
    _card(loop, None, "referral", "Sam", {}, recommendation=4, summary="Worked with her 3 years.")
    InformalNote.objects.create(user=alice, loop=loop, kind="verbal_referral", who="A director", note="She'd be great.")
    return loop


def test_loop_markdown_holds_rounds_scorecards_and_the_decision(client, alice, loop):
    client.force_login(alice)
    response = client.get(reverse("loops:export_md", args=[loop.uid]))
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="mock-loop-early_in-2026-11-02.md"'
    assert response["X-Content-Type-Options"] == "nosniff"
    text = response.content.decode()
    assert text.startswith(
        "# Early-in (new grad) mock loop\n\n*Started 2 Nov 2026*\n\n## Rounds\n\n"
        "### Round 1: Recruiter screen\n\n"
        "Done · 30:30 used of 30:00 (0:30 over)\n\nQuestions:\n\n- "
    )
    assert (
        "### Round 4: Case-study presentation\n\nDone · 30:00 used of 90:00\n\n"
        "The case prompt (given in advance):\n\n- "
    ) in text
    assert (
        "#### Peer scorecard by Omar\n\nRecommendation: Yes · trade-offs not quantified\n\n"
        "| Competency | Rating | Evidence |\n| --- | --- | --- |\n"
        "| Case solving | 4/4 | Options \\| but no costs |\n| Customer obsession | 4/4 | Named the member |\n\n"
        "Strong story, # no numbers \\<b>at all\\</b>.\n\n"
    ) in text
    assert (
        "## The committee's decision\n\nDecision: No hire\n\nNo hire: the case lacked quantified trade-offs "
        "(Case-study presentation, rated by Omar), which no rating or referral can outweigh.\n\n"
        "What would change it: A case with quantified trade-offs in Case-study presentation.\n\n"
        "### The evidence behind it\n\n> Options \\| but no costs\n>\n> — Case-study presentation, Case solving\n\n"
        "## Averages by competency\n\n"
        "**Each competency's average across considered scorecards, out of 4; overall 3.88**\n\n"
        "|  | Value |\n| --- | --- |\n| Case solving (must pass) | ██████████ 4.0 |\n"
        "| Customer obsession (must pass) | ██████████ 4.0 |\n| Data literacy (must pass) | █████████░ 3.5 |\n"
        "| Technical judgment (must pass) | ██████████ 4.0 |\n"
    ) in text
    assert (
        "## Documented referrals\n\n### Referral by Sam\n\nRecommendation: Strong yes\n\n"
        "Worked with her 3 years.\n\n"
        "## Noted, not considered\n\n- A verbal referral — A director: “She'd be great.” "
        "(informal: the committee weighs only documented, structured feedback)\n"
    ) in text
    assert text.count("#### ") == 3  # the three round scorecards; the referral is not one of them


def test_the_committee_page_and_the_export_give_the_same_decision(client, alice, loop):
    client.force_login(alice)
    LoopRound.objects.filter(loop=loop, order=2).update(status="planned")
    RoundScorecard.objects.filter(rater="Omar").update(trade_offs_quantified=True)
    page = client.get(reverse("loops:committee", args=[loop.uid])).content.decode()
    text = md(client, "loops:export_md", loop.uid)
    deciding = "Not enough evidence yet: 1 of 4 required rounds is not done (Hiring-manager behavioural interview)."
    assert escape(deciding) in page and f"Decision: Not enough evidence yet\n\n{deciding}\n\n" in text
    assert "Hiring-manager behavioural interview: not done yet" in text
    assert "Hiring-manager behavioural interview: not done yet" in page


def test_loop_pdf_holds_the_ratings_the_evidence_and_the_decision(client, alice, loop):
    client.force_login(alice)
    response = client.get(reverse("loops:export_pdf", args=[loop.uid]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="mock-loop-early_in-2026-11-02.pdf"'
    text = one_line(pdf_text(response.content))
    for words in (
        "Early-in (new grad) mock loop",
        "Round 1: Recruiter screen",
        "Peer scorecard by Omar",
        "Options | but no costs",
        "Strong story, # no numbers <b>at all</b>.",
        "Decision: No hire",
        "the case lacked quantified trade-offs",
        "Case solving (must pass)",
        "3.5",
        "Noted, not considered",
        "She'd be great.",
        "Referral by Sam",
    ):
        assert words in text, words


def test_an_empty_loop_exports_with_nothing_to_weigh(client, alice):
    client.force_login(alice)
    text = md(client, "loops:export_md", looped(alice).uid)
    assert "Not started · 0:00 used of 30:00\n\nQuestions:" in text and "No scorecard for this round yet." in text
    assert "Decision: Not enough evidence yet" in text and "## Averages by competency\n\nNo scorecard yet.\n" in text
    assert "## Noted, not considered\n\nNothing informal recorded.\n" in text


def test_the_loop_and_committee_pages_link_to_both_downloads(client, alice, loop):
    client.force_login(alice)
    for name in ("loops:loop", "loops:committee"):
        page = client.get(reverse(name, args=[loop.uid])).content.decode()
        assert f'href="/loops/{loop.uid}/export.pdf"' in page and f'href="/loops/{loop.uid}/export.md"' in page


@pytest.mark.parametrize("name", ["loops:export_md", "loops:export_pdf"])
def test_only_the_owner_can_download_a_loop(client, bob, loop, name):
    url = reverse(name, args=[loop.uid])
    assert client.get(url).status_code == 302
    client.force_login(bob)
    assert client.get(url).status_code == 404


def test_a_half_point_score_reads_the_same_in_the_export_heading_and_summary(client, alice):
    story_like = (
        "In my internship at a food-delivery app, growth wanted a referral programme before the holidays.\n\n"
        "My job was the rollout plan and the success measure.\n\nWe talked to users and we shipped a fix.\n\n"
        "Completion rose from 52% to 61% in six weeks."
    )
    with time_machine.travel(T0, tick=False):
        half = practised(alice, story_like, question="Tell me about a time.")
    half.score, half.level = 30.5, 2  # the analyzer's own score for this answer depends on the budget; pin the half
    half.feedback = {
        **half.feedback,
        "score": 30.5,
        "level": 2,
        "level_label": "Borderline",
        "summary": "Borderline (31/100). Strongest: quantified result.",
    }
    half.save()
    client.force_login(alice)
    text = md(client, "practice:attempt_md", half.pk)
    assert "## Borderline — 31/100\n\nBorderline (31/100)." in text
