"""The plan, its calendar and the readiness check through the test client, with frozen dates."""

from __future__ import annotations

import datetime as dt

import icalendar
import lxml.html
import pytest
import time_machine
from django.urls import reverse
from django.utils.text import slugify

from pmprep.plans import Plan
from pmprep.web import portability
from pmprep.web.accounts.models import User
from pmprep.web.plans.models import SelfCheckAnswers, StudyPlan
from pmprep.web.stories.models import Story
from tests.web.conftest import practised

pytestmark = pytest.mark.django_db
NOV22 = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
AUG10 = dt.datetime(2026, 8, 10, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def logged_in(client, alice):
    client.force_login(alice)
    return client


def _make(client, when=NOV22, **fields):
    with time_machine.travel(when, tick=False):
        return client.post(reverse("plans:generate"), {"track": "early_in", "hours_per_week": "8", **fields})


def test_an_early_in_plan_after_the_window_warns_that_it_has_closed(logged_in, alice):
    response = _make(logged_in)
    assert response.status_code == 302
    stored = StudyPlan.objects.get(user=alice)
    plan = Plan.from_dict(stored.data)
    assert plan.milestone("apply").level.value == "past"
    with time_machine.travel(NOV22, tick=False):
        page = logged_in.get(reverse("plans:index")).content.decode()
    assert 'role="alert"' in page and "The application window closed on 1 Nov 2026" in page
    notes = [n.text_content() for n in lxml.html.fromstring(page).find_class("note")]
    assert not any("The application window closed" in n for n in notes)  # said once, in the alert
    assert "Week 1:" in page and "Download the plan (.ics)" in page


def test_an_early_in_plan_in_august_has_no_window_warning(logged_in, alice):
    _make(logged_in, AUG10)
    plan = Plan.from_dict(StudyPlan.objects.get(user=alice).data)
    assert plan.milestone("apply").level.value == "ok"
    assert all(w.prep_minutes + w.logistics_minutes == w.minutes for w in plan.weeks)


def test_the_experienced_track_needs_an_interview_date(logged_in):
    with time_machine.travel(NOV22, tick=False):
        response = logged_in.post(reverse("plans:generate"), {"track": "experienced", "hours_per_week": "8"})
    assert response.status_code == 400 and "interview date" in response.content.decode().lower()
    assert not StudyPlan.objects.exists()


def test_bad_hours_are_refused_with_a_message(logged_in):
    response = _make(logged_in, hours_per_week="0")
    assert response.status_code == 400
    assert "Give the hours a week as a number from 1 to 60, for example 8." in response.content.decode()


def test_ticked_and_moved_tasks_survive_regenerating(logged_in, alice):
    _make(logged_in, AUG10)
    plan = Plan.from_dict(StudyPlan.objects.get().data)
    first, second = [t for t in plan.tasks if not t.done][:2]
    with time_machine.travel(AUG10, tick=False):
        logged_in.post(reverse("plans:tick"), {"key": first.key})
        new_day = second.on + dt.timedelta(days=2)
        logged_in.post(reverse("plans:move"), {"key": second.key, "on": new_day.isoformat()})
    later = AUG10 + dt.timedelta(days=3)
    _make(logged_in, later, hours_per_week="10")
    regenerated = Plan.from_dict(StudyPlan.objects.get().data)
    assert regenerated.task(first.key).done and regenerated.task(first.key).on == first.on
    assert regenerated.task(second.key).on == new_day and regenerated.task(second.key).moved
    assert regenerated.hours_per_week == 10
    # Ticking again opens the task again.
    with time_machine.travel(later, tick=False):
        logged_in.post(reverse("plans:tick"), {"key": first.key})
    assert not Plan.from_dict(StudyPlan.objects.get().data).task(first.key).done


def test_a_move_outside_the_plan_is_refused(logged_in):
    _make(logged_in, AUG10)
    task = Plan.from_dict(StudyPlan.objects.get().data).tasks[0]
    with time_machine.travel(AUG10, tick=False):
        response = logged_in.post(reverse("plans:move"), {"key": task.key, "on": "2030-01-01"})
        junk = logged_in.post(reverse("plans:move"), {"key": task.key, "on": "soon"})
    assert response.status_code == 400 and "Choose a day inside the plan" in response.content.decode()
    assert (
        junk.status_code == 400 and "Enter a real date as YYYY-MM-DD, for example 2026-12-23." in junk.content.decode()
    )


def test_the_calendar_download_parses_back_with_one_event_per_task_and_milestone(logged_in):
    _make(logged_in, AUG10)
    plan = Plan.from_dict(StudyPlan.objects.get().data)
    response = logged_in.get(reverse("plans:calendar"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == len(plan.tasks) + len([m for m in plan.milestones if m.due])
    again = icalendar.Calendar.from_ical(logged_in.get(reverse("plans:calendar")).content).walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [str(e["UID"]) for e in again]


def test_the_private_feed_works_until_it_is_turned_off(client, logged_in, alice):
    _make(logged_in, AUG10)
    logged_in.post(reverse("plans:feed_switch"), {"action": "new"})
    token = StudyPlan.objects.get().feed_token
    client.logout()
    feed = client.get(reverse("plans:feed", args=[token]))
    assert feed.status_code == 200 and feed.content.startswith(b"BEGIN:VCALENDAR")
    client.force_login(alice)
    client.post(reverse("plans:feed_switch"), {"action": "revoke"})
    client.logout()
    assert client.get(reverse("plans:feed", args=[token])).status_code == 404
    assert client.get(reverse("plans:feed", args=["guess"])).status_code == 404


def test_readiness_without_evidence_is_one_sentence_and_the_button_that_starts(logged_in):
    with time_machine.travel(NOV22, tick=False):
        page = logged_in.get(reverse("plans:readiness")).content.decode()
    [empty] = lxml.html.fromstring(page).find_class("empty-state")
    assert " ".join(empty.text_content().split()) == (
        "No evidence yet: readiness is read from your answers, stories and mock loops. First: Answer 2 technical "
        "questions on Technical judgment in the Technical deep dive to get a first reading. Start this drill"
    )
    [button] = empty.find_class("button")
    assert button.get("href") == "/practice/start?round=ei_technical_deep_dive&competency=technical_judgment"
    assert "Readiness by round" not in page  # no tables of "not enough evidence"


def test_readiness_says_its_status_once_and_names_a_story_gap_in_a_sentence(logged_in, alice):
    Story.objects.create(user=alice, title="Checkout", situation="At a grocery app checkout failed 4% of the time.")
    with time_machine.travel(NOV22, tick=False):
        page = logged_in.get(reverse("plans:readiness")).content.decode()
    text = " ".join(lxml.html.fromstring(page).text_content().split())
    assert "Not enough evidence. Not enough evidence" not in text and "From your evidence: " not in text
    assert "Not enough evidence yet: 0 of 4 rounds ready" in text
    assert "Write a story that shows a launch; " in text and "covers No story" not in text


def test_the_self_check_gives_a_breakdown(logged_in, alice):
    logged_in.post(reverse("plans:readiness"), {"goal": "PM", "industry": "", "has_plan": ""})
    answers = SelfCheckAnswers.objects.get(user=alice)
    assert (answers.goal, answers.industry, answers.has_plan) == ("PM", "", False)
    page = logged_in.get(reverse("plans:readiness")).content.decode()
    assert "Your breakdown:" in page and "⚠ vague" in page and "⚠ missing" in page


def test_readiness_uses_the_users_answers(logged_in, alice, catalog):
    qid = next(q.id for q in catalog.questions.values() if q.type == "metrics" and "early_in" in q.tracks)
    with time_machine.travel(NOV22 - dt.timedelta(days=1), tick=False):
        for _ in range(3):
            practised(
                alice,
                "I would track weekly retention and a churn guardrail, then run an A/B test for 2 weeks.",
                question_id=qid,
            )
    with time_machine.travel(NOV22, tick=False):
        page = logged_in.get(reverse("plans:readiness")).content.decode()
    assert "Readiness by competency" in page and "last 3" in page


def test_the_plan_round_trips_through_export(logged_in, alice):
    _make(logged_in, AUG10)
    logged_in.post(reverse("plans:feed_switch"), {"action": "new"})
    before = portability.export_user(alice, now=AUG10)
    assert before["data"]["plans"][0]["track"] == "early_in" and "feed_token" not in before["data"]["plans"][0]
    User.objects.all().delete()
    owner, _ = portability.import_document(before, "alice.json")
    assert portability.export_user(owner, now=AUG10) == before
    assert StudyPlan.objects.get().feed_token is None  # a feed must be switched on again


def test_the_personal_report_reads_back_from_its_pdf(logged_in, alice, catalog):
    import io

    from pypdf import PdfReader

    qid = next(q.id for q in catalog.questions.values() if q.type == "metrics" and "early_in" in q.tracks)
    with time_machine.travel(NOV22 - dt.timedelta(days=1), tick=False):
        for _ in range(2):
            practised(alice, "I think <script>x</script> maybe we could look at some numbers.", question_id=qid)
    _make(logged_in)
    with time_machine.travel(NOV22, tick=False):
        pdf = logged_in.get(reverse("plans:report_pdf"))
        md = logged_in.get(reverse("plans:report_md")).content.decode()
    assert (
        pdf["Content-Type"] == "application/pdf"
        and 'filename="readiness-report-2026-11-22.pdf"' in pdf["Content-Disposition"]
    )
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    for heading in ("Where you stand", "Strengths", "Gaps, with your own words", "The next two weeks of your plan"):
        assert heading in text and f"## {heading}" in md
    assert "Level by competency" in text
    assert "> I think \\<script>x\\</script> maybe we could look at some numbers." in md  # quoted, inert
    assert "I think <script>x</script> maybe" in text


def test_the_plan_exports_as_markdown_and_pdf(logged_in):
    import io

    from pypdf import PdfReader

    _make(logged_in, AUG10)
    plan = Plan.from_dict(StudyPlan.objects.get().data)
    md = logged_in.get(reverse("plans:export_md")).content.decode()
    assert md.startswith("# My Netflix PM prep plan") and plan.tasks[0].title in md
    pdf = logged_in.get(reverse("plans:export_pdf")).content
    assert "Milestones" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_readiness_reads_the_latest_committee_decision(logged_in, alice):
    from pmprep.web.loops.models import LoopRound, RoundScorecard
    from tests.web.conftest import looped

    loop = looped(alice)
    LoopRound.objects.filter(loop=loop).update(status="done")
    RoundScorecard.objects.create(
        user=alice,
        loop=loop,
        loop_round=loop.rounds.get(order=4),
        source="peer",
        rater="Omar",
        ratings={"case_solving": 4},
        evidence={"case_solving": "clear"},
        recommendation=4,
        trade_offs_quantified=False,
    )
    with time_machine.travel(NOV22, tick=False):
        page = logged_in.get(reverse("plans:readiness")).content.decode()
    assert "1 mock loop done; the latest committee decision: No hire." in page


DEC2 = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)
FAR = (
    "The interview date 1 Jan 2126 is more than 2 years ahead: give a date from today to 2 Dec 2028, or leave it "
    "empty until you have one."
)
PAST = "The interview date 1 Dec 2026 is before today (2 Dec 2026): there is nothing left to plan."


@pytest.mark.parametrize("typed, message", [("2126-01-01", FAR), ("2026-12-01", PAST)])
def test_the_profile_refuses_an_interview_date_in_the_past_or_far_ahead(logged_in, alice, typed, message):
    with time_machine.travel(DEC2, tick=False):
        response = logged_in.post(reverse("accounts:profile"), {"track": "experienced", "interview_date": typed})
        kept = logged_in.post(reverse("accounts:profile"), {"track": "experienced", "interview_date": "2028-12-02"})
    assert response.status_code == 400 and message in response.content.decode()
    assert kept.status_code == 302
    alice.refresh_from_db()
    assert (alice.track, alice.interview_date) == ("experienced", dt.date(2028, 12, 2))


@pytest.mark.parametrize(
    "typed, message",
    [("2126-01-01", FAR), ("2029-01-01", FAR.replace("1 Jan 2126", "1 Jan 2029")), ("2026-12-01", PAST)],
)
def test_the_plan_form_refuses_an_interview_date_in_the_past_or_far_ahead(logged_in, typed, message):
    with time_machine.travel(DEC2, tick=False):
        response = logged_in.post(
            reverse("plans:generate"), {"track": "experienced", "hours_per_week": "8", "interview_date": typed}
        )
    assert response.status_code == 400 and message in response.content.decode()
    assert not StudyPlan.objects.exists()


@pytest.mark.parametrize("typed", ["nan", "NaN", "inf", "-inf", "Infinity", "1e309", "61", "0.5", ""])
def test_hours_that_are_not_a_number_from_1_to_60_are_refused_plainly(logged_in, typed):
    response = _make(logged_in, hours_per_week=typed)
    assert response.status_code == 400
    assert "Give the hours a week as a number from 1 to 60, for example 8." in response.content.decode()
    assert not StudyPlan.objects.exists()


def test_a_task_cannot_move_to_a_day_already_past(logged_in):
    _make(logged_in, AUG10)
    task = next(t for t in Plan.from_dict(StudyPlan.objects.get().data).tasks if t.on > AUG10.date())
    with time_machine.travel(AUG10 + dt.timedelta(days=2), tick=False):
        response = logged_in.post(reverse("plans:move"), {"key": task.key, "on": "2026-08-11"})
    assert response.status_code == 400
    assert "Choose a day inside the plan, from 12 Aug 2026 to 30 Sep 2026." in response.content.decode()
    assert Plan.from_dict(StudyPlan.objects.get().data).task(task.key).on == task.on


def _weeks(page: str) -> list:
    return lxml.html.fromstring(page).find_class("week")


def _tick_buttons(element) -> list:
    return element.xpath(".//button[contains(@class, 'task-check')]")


def _summary(week) -> str:
    return " ".join(week.find("summary").text_content().split())


def test_a_two_year_plan_opens_this_week_writes_four_in_full_and_folds_the_rest(logged_in):
    with time_machine.travel(DEC2, tick=False):
        logged_in.post(
            reverse("plans:generate"), {"track": "experienced", "hours_per_week": "60", "interview_date": "2028-12-02"}
        )
        plan = Plan.from_dict(StudyPlan.objects.get().data)
        page = logged_in.get(reverse("plans:index")).content.decode()
        week_40 = logged_in.get(reverse("plans:index") + "?week=40").content.decode()
        task = next(t for t in plan.weeks[39].tasks if not t.done)
        ticked = logged_in.post(reverse("plans:tick"), {"key": task.key})
    assert len(plan.weeks) == 105
    assert len(page.encode()) < 1_000_000  # 21 MB when every week was shown in full
    weeks = _weeks(page)
    assert [w.tag for w in weeks] == ["details"] * 105
    assert [n for n, w in enumerate(weeks, start=1) if w.get("open") is not None] == [1]  # this week only
    # Written in full (a tick button per task): this week and the next.
    assert [n for n, w in enumerate(weeks, start=1) if _tick_buttons(w)] == [1, 2]
    assert _summary(weeks[0]).startswith("Week 1: 2 Dec – 6 Dec 2026 (this week) · ")
    assert _summary(weeks[4]) == "Week 5: 28 Dec – 3 Jan 2027 · 120 tasks"
    assert '<li class="small">95 drills, 1 review session, 24 research sessions</li>' in page
    assert '<a href="?week=5#week-5">Tick or move this week' in page
    asked = _weeks(week_40)
    assert [n for n, w in enumerate(asked, start=1) if w.get("open") is not None] == [40]
    assert [n for n, w in enumerate(asked, start=1) if _tick_buttons(w)] == [1, 2, 40]
    assert f'id="move-{slugify(task.key)}"' in week_40 and f'id="move-{slugify(task.key)}"' not in page
    assert ticked["Location"] == f"{reverse('plans:index')}?week=40#task-{slugify(task.key)}"


def test_a_past_week_is_closed_and_says_how_much_of_it_was_done(logged_in):
    _make(logged_in, AUG10)
    plan = Plan.from_dict(StudyPlan.objects.get().data)
    first = plan.weeks[0]
    with time_machine.travel(AUG10, tick=False):
        logged_in.post(reverse("plans:tick"), {"key": first.tasks[0].key})
    with time_machine.travel(AUG10 + dt.timedelta(days=7), tick=False):
        weeks = _weeks(logged_in.get(reverse("plans:index")).content.decode())
    assert weeks[0].get("open") is None
    assert _summary(weeks[0]) == f"Week 1: 10 Aug – 16 Aug 2026 · 1 of {len(first.tasks)} done"
    assert weeks[1].get("open") is not None and "(this week)" in _summary(weeks[1])


def test_each_task_is_one_line_of_tick_title_and_minutes_with_its_details_below(logged_in):
    _make(logged_in, AUG10)
    plan = Plan.from_dict(StudyPlan.objects.get().data)
    with time_machine.travel(AUG10, tick=False):
        page = logged_in.get(reverse("plans:index")).content.decode()
    [week] = [w for w in _weeks(page) if w.get("open") is not None]
    [tasks] = week.find_class("task-list")
    assert tasks.tag == "ul"  # one list, no bullet written into the text
    rows = tasks.findall("li")
    assert len(rows) == len(plan.weeks[0].tasks)
    for li, task in zip(rows, plan.weeks[0].tasks, strict=True):
        line, detail = li.find_class("task-line")[0], li.find_class("task-detail")[0]
        assert [c.get("class") for c in line] == ["link-button task-check", "task-title", "small task-minutes"]
        tick = line[0]  # a button of the week's one tick form, naming its task
        assert (tick.get("name"), tick.get("value")) == ("key", task.key)
        assert tick.get("form") == week.get_element_by_id(tick.get("form")).get("id")
        assert _tick_buttons(line)[0].text == "☐" and line[2].text == f"{task.minutes} min"
        assert " ".join(line[1].text_content().split()) == task.title
        assert not line[1].text_content().lstrip().startswith(("•", "○", "-"))
        # Below the line, in smaller type: the day and round, then the how-to folded with the move form.
        assert li.find_class("task-when")[0].text.startswith(f"{task.on:%a} {task.on.day} {task.on:%b}")
        assert detail.getparent().tag == "details" and detail.text == task.detail


def test_a_cached_plan_page_gives_each_browser_its_own_working_csrf_token(alice):
    from django.test import Client

    browsers = [Client(enforce_csrf_checks=True) for _ in range(2)]
    for browser in browsers:
        browser.force_login(alice)
    with time_machine.travel(NOV22, tick=False):
        home = browsers[0].get(reverse("plans:index"))
        token = (
            home.cookies["csrftoken"].value if "csrftoken" in home.cookies else browsers[0].cookies["csrftoken"].value
        )
        made = browsers[0].post(
            reverse("plans:generate"),
            {"track": "early_in", "hours_per_week": "8", "csrfmiddlewaretoken": token},
        )
        assert made.status_code == 302
        key = Plan.from_dict(StudyPlan.objects.get(user=alice).data).tasks[0].key
        # The first browser's visit renders the page; the second's is the same page from the cache.
        pages = [lxml.html.fromstring(browser.get(reverse("plans:index")).content) for browser in browsers]
        for browser, page in zip(browsers, pages, strict=True):
            [button] = page.xpath(f'//button[@name="key"][@value="{key}"]')
            tick = page.get_element_by_id(button.get("form"))
            assert tick.get("action") == reverse("plans:tick")
            field = tick.xpath('.//input[@name="csrfmiddlewaretoken"]')
            assert len(field) == 1 and "<!--csrf" not in lxml.html.tostring(page, encoding="unicode")
            response = browser.post(reverse("plans:tick"), {"key": key, "csrfmiddlewaretoken": field[0].value})
            assert response.status_code == 302, "the form's own token is accepted"
