"""The progress page: empty states in plain words, exact numbers in the tables, each chart as a safe SVG."""

from __future__ import annotations

from datetime import UTC, datetime

import lxml.html
import pytest
import time_machine
from django.urls import reverse

from pmprep.config import active_catalog
from pmprep.web.accounts.models import User
from pmprep.web.loops.models import RoundScorecard
from pmprep.web.practice.models import Attempt, ReviewCard
from pmprep.web.progress.views import CHARTS
from pmprep.web.stories import bank as story_bank
from pmprep.web.stories.models import Story
from tests.web.conftest import looped, practised

pytestmark = pytest.mark.django_db
BEHAVIOURAL = "beh-owned-end-to-end-what-to-build"  # strategy_execution, customer_obsession, scope_control
TECHNICAL = "est-cdn-bandwidth-release-night"  # technical_fluency, quantitative_metrics
TODAY = datetime(2026, 3, 12, 12, 0, tzinfo=UTC)  # a Thursday: its week starts on Monday 9 March
ANSWER = "I owned the onboarding redesign, cut two steps and completion rose from 52% to 61% in three weeks."
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "font-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def _at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 3, day, hour, 0, tzinfo=UTC)


def _answered(user, when: datetime, level: int, question_id: str = "", parent: Attempt | None = None) -> Attempt:
    """An attempt stored by the real analyzer at ``when``, its level then pinned so the numbers are exact."""
    with time_machine.travel(when, tick=False):
        attempt = practised(user, ANSWER, question_id=question_id)
    attempt.level, attempt.parent = level, parent
    attempt.save()
    return attempt


def _policy(response) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))


def _table(html: str, caption: str) -> list[list[str]]:
    """The rows of the table whose caption starts with ``caption``, each cell's text with spaces squeezed."""
    doc = lxml.html.fromstring(html)
    for table in doc.iter("table"):
        if table.find("caption").text_content().startswith(caption):
            return [
                [" ".join(cell.text_content().split()) for cell in row.iter("th", "td")] for row in table.iter("tr")
            ]
    raise AssertionError(f"no table captioned {caption!r}")


def _page(client) -> str:
    with time_machine.travel(TODAY, tick=False):
        response = client.get(reverse("progress:index"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def practice(alice):
    _answered(alice, _at(3), 1)  # an own question: volume only
    _answered(alice, _at(4), 4, TECHNICAL)
    _answered(alice, _at(10), 2, BEHAVIOURAL)
    second = _answered(alice, _at(11), 3, BEHAVIOURAL)
    _answered(alice, _at(11, 10), 4, BEHAVIOURAL, parent=second)  # a follow-up reply: volume only
    return alice


def test_it_asks_to_log_in(client):
    response = client.get(reverse("progress:index"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    chart = client.get(reverse("progress:chart", args=["volume"]))
    assert chart.status_code == 302


def test_it_rejects_post(client, alice):
    client.force_login(alice)
    assert client.post(reverse("progress:index")).status_code == 405
    assert client.post(reverse("progress:chart", args=["volume"])).status_code == 405


def test_a_new_user_reads_one_sentence_and_the_button_to_a_first_drill(client, alice):
    client.force_login(alice)
    html = _page(client)
    [empty] = lxml.html.fromstring(html).find_class("empty-state")
    assert " ".join(empty.text_content().split()) == (
        "No practice yet: answer your first question, and your levels, reviews, stories and mock loops show here "
        "week by week. Answer your first question"
    )
    assert empty.xpath(".//a[@class='button']/@href") == ["/practice/start?round=ei_recruiter_screen"]
    assert "<img" not in html and "<table" not in html and 'class="progress-section"' not in html


def test_with_anything_done_each_section_says_in_plain_words_what_is_still_empty(client, alice):
    Story.objects.create(user=alice, title="The outage", situation="Our checkout failed for 4% of orders.")
    client.force_login(alice)
    html = _page(client)
    for text in (
        "No answers yet: levels appear after your first drill.",
        "No answers yet: levels by round appear after your first drill.",
        "No answers in the last 12 weeks: every answer and follow-up reply you give is counted here",
        "No mock loops yet:",
    ):
        assert text in html
    assert "empty-state" not in html


def test_answers_to_own_questions_only_say_levels_need_a_bank_question(client, alice):
    _answered(alice, _at(10), 3)
    client.force_login(alice)
    html = _page(client)
    assert "No answers to bank questions in the last 12 weeks" in html
    assert _table(html, "Answers per week")[-1] == ["All 12 weeks", "1", "0", "1"]


def test_levels_by_competency_are_weekly_means_per_dimension(client, practice):
    client.force_login(practice)
    rows = _table(_page(client), "Level by competency")
    assert rows[0] == ["Week of", "Technical judgment", "Customer obsession", "Scope control", "Data literacy"]
    assert len(rows) == 13  # the header and 12 weeks, oldest first
    assert rows[1][0] == "22 Dec 2025"
    # The behavioural answers (2 then 3) reach three dimensions; the reply to a follow-up does not count.
    assert rows[-1] == ["9 Mar 2026", "—", "2.5 (2)", "2.5 (2)", "2.5 (2)"]
    assert rows[-2] == ["2 Mar 2026", "4 (1)", "—", "—", "4 (1)"]
    assert all(cell == "—" for row in rows[1:-2] for cell in row[1:])


def test_levels_by_round_follow_the_users_track(client, practice):
    client.force_login(practice)
    rows = _table(_page(client), "Level by round")
    assert rows[0] == [
        "Week of",
        "Recruiter screen",
        "Hiring-manager behavioural interview",
        "Technical deep dive",
        "Case-study presentation",
    ]
    assert rows[-1] == ["9 Mar 2026", "—", "2.5 (2)", "—", "—"]
    assert rows[-2] == ["2 Mar 2026", "—", "—", "4 (1)", "—"]


def test_without_a_track_only_the_rounds_answered_for_are_shown(client, practice):
    practice.track = ""
    practice.save()
    client.force_login(practice)
    html = _page(client)
    assert "Pick your track" in html
    assert _table(html, "Level by round")[0] == [
        "Week of",
        "Hiring-manager behavioural interview · Early-in (new grad)",
        "Technical deep dive · Early-in (new grad)",
        "Hiring-manager interview · Experienced",
        "Onsite — product team · Experienced",
    ]


def test_volume_counts_every_answer_with_follow_up_replies_apart(client, practice):
    client.force_login(practice)
    rows = _table(_page(client), "Answers per week")
    assert rows[0] == ["Week of", "First answers", "Follow-up replies", "Total"]
    assert rows[-3:] == [["2 Mar 2026", "2", "0", "2"], ["9 Mar 2026", "2", "1", "3"], ["All 12 weeks", "4", "1", "5"]]


def test_backlog_counts_review_items_by_when_they_fall_due(client, alice):
    for kind, due in (
        ("question", _at(1)),
        ("question", _at(2)),
        ("story", TODAY),
        ("question", _at(15)),
        ("story", _at(19, 8)),
        ("question", datetime(2026, 4, 30, tzinfo=UTC)),
    ):
        ReviewCard.objects.create(user=alice, kind=kind, key=f"{kind}-{due:%m%d}", card={}, due=due)
    client.force_login(alice)
    rows = _table(_page(client), "Review-queue items")
    assert rows == [
        ["Due", "Questions", "Stories", "Total"],
        ["Overdue", "2", "0", "2"],
        ["Due today", "0", "1", "1"],
        ["Due this week", "1", "1", "2"],
        ["Later", "1", "0", "1"],
    ]
    with time_machine.travel(TODAY, tick=False):
        body = client.get(reverse("progress:chart", args=["backlog"])).content.decode()
    assert all(name in body for name in ("Questions", "Stories", "Overdue", "Due this week", "Later"))


def test_story_coverage_counts_covered_columns_per_group(client, alice):
    # Chosen kinds and competencies, and text with no cue words, so the covered columns are exactly these.
    Story.objects.create(
        user=alice,
        title="Two weeks",
        result="It went well.",
        kinds=["conflict"],
        competencies=["data_literacy", "culture_leadership"],
    )
    _, cov = story_bank.bank_coverage(alice, active_catalog())
    assert sorted(k for cells in cov.cells.values() for k in cells) == [
        "competency:culture_leadership",
        "competency:data_literacy",
        "kind:conflict",
    ]
    totals = {g: sum(c.group == g for c in cov.columns) for g in ("kind", "competency", "theme")}
    assert totals == {"kind": 8, "competency": 11, "theme": 13}
    client.force_login(alice)
    html = _page(client)
    # 1/8 = 12.5% rounds half-up to 13%.
    assert _table(html, "What your stories cover")[1:] == [
        ["Story kinds", "1 of 8", "7", "13%"],
        ["Competencies", "2 of 11", "9", "18%"],
        ["Culture themes", "0 of 13", "13", "0%"],
    ]
    assert f"1 story; the story bank names {len(cov.gaps)} gaps." in html


def test_mock_loops_are_counted_by_committee_decision(client, alice):
    with time_machine.travel(_at(2), tick=False):
        looped(alice)
    with time_machine.travel(_at(5), tick=False):
        failing = looped(alice)
    # A case with unquantified trade-offs is a no hire at once; other weak ratings wait for the other rounds.
    RoundScorecard.objects.create(
        user=alice,
        loop=failing,
        loop_round=failing.rounds.get(order=4),
        source="self",
        rater="alice",
        ratings={"case_solving": 1},
        trade_offs_quantified=False,
        evidence={"case_solving": "No numbers on any option."},
        recommendation=1,
    )
    client.force_login(alice)
    html = _page(client)
    assert _table(html, "Mock loops by committee decision")[1:] == [
        ["Not enough evidence yet", "1"],
        ["No hire", "1"],
        ["Hire", "0"],
        ["Strong hire", "0"],
    ]
    assert _table(html, "Your mock loops")[1:] == [
        ["2 Mar 2026", "Early-in (new grad)", "0 of 4", "—", "Not enough evidence yet"],
        ["5 Mar 2026", "Early-in (new grad)", "0 of 4", "1", "No hire"],
    ]
    assert reverse("loops:committee", args=[failing.uid]) in html


def test_each_chart_is_an_image_with_alt_text_beside_its_table(client, practice, alice):
    looped(alice)
    Story.objects.create(user=alice, title="A launch", result="Completion rose from 52% to 61%.")
    ReviewCard.objects.create(user=alice, kind="question", key=BEHAVIOURAL, card={}, due=TODAY)
    client.force_login(practice)
    doc = lxml.html.fromstring(_page(client))
    images = {img.get("src"): img.get("alt") for img in doc.iter("img")}
    assert images == {reverse("progress:chart", args=[c.name]): c.alt for c in CHARTS.values()}


def test_the_page_keeps_the_sites_strict_policy_and_has_no_inline_code(client, practice):
    client.force_login(practice)
    with time_machine.travel(TODAY, tick=False):
        response = client.get(reverse("progress:index"))
    assert _policy(response) == POLICY
    html = response.content.decode()
    assert " style=" not in html and "<style" not in html and "<script>" not in html


def test_a_chart_is_an_svg_with_the_series_names_and_no_script(client, practice):
    client.force_login(practice)
    with time_machine.travel(TODAY, tick=False):
        response = client.get(reverse("progress:chart", args=["levels-by-competency"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    body = response.content.decode()
    assert body.startswith("<?xml") and "<svg" in body
    for name in ("Technical judgment", "Customer obsession", "Scope control", "Data literacy", "4 Outstanding"):
        assert name in body
    assert "<script" not in body.lower() and "<!--" not in body
    # Only this response may use pygal's inline <style>; it may still run no script at all.
    assert _policy(response) == {**POLICY, "style-src": "'unsafe-inline'", "script-src": "'none'"}
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    "name, series",
    [
        ("levels-by-round", ["Hiring-manager behavioural interview", "Technical deep dive"]),
        ("volume", ["First answers", "Follow-up replies"]),
        ("backlog", ["Nothing to review yet"]),
        ("coverage", ["No stories yet"]),
        ("loops", ["No mock loops yet"]),
    ],
)
def test_every_chart_draws_its_series_or_says_there_is_nothing(client, practice, name, series):
    client.force_login(practice)
    with time_machine.travel(TODAY, tick=False):
        body = client.get(reverse("progress:chart", args=[name])).content.decode()
    assert all(s in body for s in series) and "<script" not in body


@pytest.mark.parametrize("name", list(CHARTS))
def test_every_chart_says_in_words_when_there_is_nothing_to_draw(client, name):
    newcomer = User.objects.create_user("newcomer", password="a-long-practice-passphrase")  # no track yet
    client.force_login(newcomer)
    response = client.get(reverse("progress:chart", args=[name]))
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert CHARTS[name].no_data in response.content.decode()


def test_an_unknown_chart_is_not_found(client, alice):
    client.force_login(alice)
    assert client.get(reverse("progress:chart", args=["secrets"])).status_code == 404


def test_a_chart_shows_only_its_owners_answers(client, practice, bob):
    client.force_login(bob)
    with time_machine.travel(TODAY, tick=False):
        body = client.get(reverse("progress:chart", args=["volume"])).content.decode()
    assert "No answers yet" in body and "First answers" not in body
