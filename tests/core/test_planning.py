"""The prep plan: targets from the catalog calendar, exact weekly budgets, weak spots first, regeneration, ICS."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

import pytest
from icalendar import Calendar

from pmprep.bank import load_catalog
from pmprep.plans import (
    MAX_TASKS,
    MAX_WEEKS,
    MilestoneLevel,
    Plan,
    PracticeEvidence,
    TaskKind,
    generate_plan,
    interview_date_problem,
    latest_interview_date,
    plan_to_ics,
    regenerate,
    week_budget,
)
from pmprep.plans.allocation import split
from pmprep.plans.plan import MAX_HOURS_PER_WEEK

D = date
STAMP = datetime(2026, 8, 10, 9, 30, tzinfo=UTC)
LOGISTICS = {TaskKind.LOGISTICS, TaskKind.RESEARCH}


def plan(catalog, track="early_in", today=date(2026, 8, 10), hours=10, interview=None, **kw) -> Plan:
    return generate_plan(track, today, hours, interview_date=interview, catalog=catalog, **kw)


def keys(p: Plan, kind: TaskKind) -> list[str]:
    return [t.key for t in p.tasks if t.kind == kind]


def on(p: Plan, key: str) -> date:
    return p.task(key).on


def attempt(day: date, competency: str, level: int, round_id: str = "ex_product_team", qtype: str = "metrics"):
    return (day, qtype, (round_id,), (competency,), level)


# ---------------------------------------------------------------------------------------------- budgets


@pytest.mark.parametrize(
    "hours, days, expected",
    [
        (10, 7, (600, 480, 120)),  # a full week: exactly 80/20
        (7.3, 7, (435, 345, 90)),  # 438 min -> 435; a fifth is 87 -> 90
        (10, 3, (255, 210, 45)),  # 3/7 of 600 = 257.1 -> 255; 51 -> 45
        (10, 1, (90, 75, 15)),  # 85.7 -> 90; 18 -> 15
        (12, 5, (510, 405, 105)),  # 514.3 -> 510; 102 -> 105
    ],
)
def test_week_budget_rounds_to_quarter_hours_and_splits_a_fifth_to_logistics(hours, days, expected):
    assert week_budget(hours, days) == expected


PLANS = [
    dict(track="early_in", today=D(2026, 8, 10), hours=10),
    dict(track="early_in", today=D(2026, 10, 25), hours=8),
    dict(track="early_in", today=D(2026, 11, 22), hours=6),
    dict(track="experienced", today=D(2026, 8, 12), hours=12, interview=D(2026, 8, 17)),
    dict(track="experienced", today=D(2026, 8, 10), hours=7.3, interview=D(2027, 1, 11)),
]


@pytest.mark.parametrize("args", PLANS, ids=lambda a: f"{a['track']}-{a['today']}")
def test_every_week_adds_up_exactly_with_an_exact_80_20_split(catalog, args):
    p = plan(catalog, **args)
    for week in p.weeks:
        assert (week.minutes, week.prep_minutes, week.logistics_minutes) == week_budget(args["hours"], week.days)
        assert sum(t.minutes for t in week.tasks) == week.minutes == week.planned_minutes
        assert sum(t.minutes for t in week.tasks if t.kind in LOGISTICS) == week.logistics_minutes
        assert sum(t.minutes for t in week.tasks if t.kind not in LOGISTICS) == week.prep_minutes
        assert all(t.minutes % 15 == 0 and t.minutes > 0 for t in week.tasks)


@pytest.mark.parametrize("args", PLANS, ids=lambda a: f"{a['track']}-{a['today']}")
def test_weeks_start_on_monday_and_cover_today_to_the_day_before_the_target(catalog, args):
    p = plan(catalog, **args)
    assert p.weeks[0].first_day == p.today
    assert p.weeks[-1].last_day == p.target - timedelta(days=1)
    for week, following in pairwise(p.weeks):
        assert following.monday.weekday() == 0 and following.first_day == following.monday
        assert following.first_day == week.last_day + timedelta(days=1)
    assert all(p.today <= t.on < p.target for t in p.tasks)
    assert len({t.key for t in p.tasks}) == len(p.tasks)


# ---------------------------------------------------------------------------------------------- early-in


def test_early_in_with_the_window_open_aims_at_the_season_and_applies_early(catalog):
    p = plan(catalog, today=D(2026, 8, 10))
    assert (p.target, p.target_label) == (D(2026, 10, 1), "the start of the interview season on 1 Oct 2026")
    assert len(p.weeks) == 8 and p.weeks[-1].days == 3  # Mon 28 Sep - Wed 30 Sep
    apply = p.milestone("apply")
    assert (apply.due, apply.level) == (D(2026, 11, 1), MilestoneLevel.OK)
    assert apply.message == "Apply by 1 Nov 2026 (83 days left). The plan has you apply on 13 Aug 2026."
    assert on(p, "logistics:resume") < on(p, "logistics:apply") == D(2026, 8, 13)
    assert p.warnings == ()


def test_early_in_plan_has_every_milestone(catalog):
    p = plan(catalog, today=D(2026, 8, 10))
    assert [m.key for m in p.milestones] == [
        "apply",
        "culture_memo",
        "stories",
        "case_deck",
        "mock_loops",
        "review",
        "interview",
    ]
    assert all(m.level is MilestoneLevel.OK for m in p.milestones)
    # The culture memo twice, in different weeks.
    first, second = on(p, "culture_memo:first_read"), on(p, "culture_memo:second_read")
    assert (first, second) == (D(2026, 8, 10), D(2026, 9, 5))
    assert first.isocalendar().week != second.isocalendar().week
    assert len(keys(p, TaskKind.STORY)) == 8
    assert on(p, "case_deck:outline") < on(p, "case_deck:finish")
    # 51 days -> 3 loops, evenly spaced, the last at least 3 days before the season starts.
    assert [on(p, k) for k in keys(p, TaskKind.MOCK_LOOP)] == [D(2026, 8, 26), D(2026, 9, 12), D(2026, 9, 27)]
    assert p.milestone("mock_loops").message == (
        "3 mock loops planned or done; the last on 27 Sep 2026, "
        "4 days before the start of the interview season on 1 Oct 2026."
    )
    assert [t.key for t in p.tasks if t.key.startswith("mock_review:")] == [
        "mock_review:1",
        "mock_review:2",
        "mock_review:3",
    ]
    assert p.milestone("review").message == "A review-queue session in 8 of the plan's 8 weeks."


def test_the_stories_and_research_topics_are_the_company_folders(company_folder):
    (company_folder / "plan.yaml").write_text(
        "core_stories: 1\n"
        "stories:\n"
        "  - {id: launch, about: a product you took to market, competency: strategy_execution}\n"
        "  - {id: failure, about: a bet that did not pay off, competency: culture_leadership}\n"
        "research:\n"
        "  - {id: rivals, title: 'Research: rivals', detail: Who else competes for the same hours.}\n",
        encoding="utf-8",
    )
    p = plan(load_catalog(company_folder))

    assert sorted(keys(p, TaskKind.STORY)) == ["story:failure", "story:launch"]
    assert p.task("story:failure").title == "STAR story: a bet that did not pay off"
    assert p.task("story:failure").competency_id == "culture_leadership"
    assert p.milestone("stories").title == "Write 1–2 STAR stories"
    research = [p.task(k) for k in sorted(keys(p, TaskKind.RESEARCH), key=lambda k: int(k.split(":")[1]))]
    assert [(t.title, t.detail) for t in research[:2]] == [
        ("Research: rivals", "Who else competes for the same hours."),
        ("Research: rivals (follow-up)", "What changed since you last looked? Who else competes for the same hours."),
    ]


def test_the_culture_reading_is_the_company_folders_and_a_folder_without_one_has_none(company_folder):
    plan_file = company_folder / "plan.yaml"
    shipped = plan_file.read_text(encoding="utf-8")
    start, end = shipped.index("culture_reading:"), shipped.index("# Research sessions")
    plan_file.write_text(
        shipped[:start] + "culture_reading:\n"
        "  name: the leadership principles\n"
        "  first_read: {title: Read the principles, detail: One line on each., minutes: 40}\n"
        "  second_read: {title: Read them again, detail: 'Why {company}? Tie each to a story.', minutes: 20}\n"
        + shipped[end:],
        encoding="utf-8",
    )
    p = plan(load_catalog(company_folder))
    first, second = p.task("culture_memo:first_read"), p.task("culture_memo:second_read")
    assert (first.title, first.minutes, second.detail) == (
        "Read the principles",
        40,
        "Why Netflix? Tie each to a story.",
    )
    assert p.milestone("culture_memo").title == "Read the leadership principles twice"

    plan_file.write_text(shipped[:start] + shipped[end:], encoding="utf-8")
    p = plan(load_catalog(company_folder))
    assert [t.key for t in p.tasks if t.key.startswith("culture_memo:")] == []
    assert "culture_memo" not in [m.key for m in p.milestones]


def test_a_closing_window_is_near_and_says_so(catalog):
    p = plan(catalog, today=D(2026, 10, 25), hours=8)
    apply = p.milestone("apply")
    assert apply.level is MilestoneLevel.NEAR
    message = (
        "The application window closes on 1 Nov 2026, in 7 days: apply now. After it closes the "
        "odds for this cycle are close to zero."
    )
    assert apply.message == message + " The plan has you apply on 28 Oct 2026."
    assert p.warnings[0] == message
    assert on(p, "logistics:apply") <= D(2026, 11, 1)


def test_a_window_fifteen_days_from_closing_is_still_ok(catalog):
    assert plan(catalog, today=D(2026, 10, 17)).milestone("apply").level is MilestoneLevel.OK
    assert plan(catalog, today=D(2026, 10, 18)).milestone("apply").level is MilestoneLevel.NEAR


def test_a_closed_window_is_past_and_the_plan_still_targets_the_interviews(catalog):
    p = plan(catalog, today=D(2026, 11, 22), hours=6)
    apply = p.milestone("apply")
    assert apply.level is MilestoneLevel.PAST
    assert apply.message == (
        "The application window closed on 1 Nov 2026; if you applied, keep preparing: "
        "interviews run until 31 Jan 2027. If you did not, hiring is batched and the "
        "next window opens on 1 Aug 2027."
    )
    assert (p.target, p.target_label) == (D(2027, 1, 31), "the end of the interview season on 31 Jan 2027")
    assert p.warnings == (
        apply.message,
        "Interviews are under way until 31 Jan 2027: add your interview date when you have "
        "it and regenerate the plan so it builds up to that day.",
    )
    assert "logistics:apply" not in keys(p, TaskKind.LOGISTICS)
    assert keys(p, TaskKind.MOCK_LOOP) == ["mock_loop:1", "mock_loop:2", "mock_loop:3", "mock_loop:4"]
    assert (p.target - on(p, "mock_loop:4")).days >= 3


def test_after_the_season_the_next_cycle_is_planned(catalog):
    p = plan(catalog, today=D(2027, 2, 10), hours=6)
    assert p.target == D(2027, 10, 1)
    assert p.milestone("apply").message.startswith(
        "The application window opens on 1 Aug 2027 and closes on 1 Nov 2027"
    )
    assert on(p, "logistics:apply") == D(2027, 8, 1)


def test_an_early_in_interview_date_becomes_the_target(catalog):
    p = plan(catalog, today=D(2026, 10, 25), interview=D(2026, 11, 20))
    assert (p.target, p.interview_date) == (D(2026, 11, 20), D(2026, 11, 20))
    assert p.target_label == "your interview on 20 Nov 2026"


def test_an_interview_before_the_window_opens_leaves_no_day_to_apply(catalog):
    p = plan(catalog, today=D(2026, 5, 1), interview=D(2026, 7, 1))
    assert p.milestone("apply").message == (
        "The application window opens on 1 Aug 2026 and closes on 1 Nov 2026: apply in its first weeks. "
        "The plan found no day for it before then: apply first, then follow the plan."
    )
    assert p.warnings == (
        "Your interview date 1 Jul 2026 is outside the interview season "
        "(1 Oct 2026 – 31 Jan 2027); the plan uses your date.",
        "No day inside the plan fits: Apply on the early-career portal.",
    )


# ---------------------------------------------------------------------------------------------- errors


def test_experienced_needs_an_interview_date(catalog):
    with pytest.raises(
        ValueError,
        match=r"^The Experienced track has no hiring season to plan towards: give "
        r"interview_date",
    ):
        plan(catalog, track="experienced")


def test_an_interview_in_the_past_is_a_clear_error(catalog):
    with pytest.raises(
        ValueError,
        match=r"^The interview date 1 Aug 2026 is before today \(10 Aug 2026\): "
        r"there is nothing left to plan",
    ):
        plan(catalog, track="experienced", interview=D(2026, 8, 1))


def test_an_interview_today_is_a_clear_error(catalog):
    with pytest.raises(ValueError, match="is today: a plan needs at least one day before the interview"):
        plan(catalog, track="experienced", interview=D(2026, 8, 10))


def test_every_problem_is_reported_at_once(catalog):
    with pytest.raises(ValueError) as err:
        plan(catalog, track="experienced", hours=0)
    assert str(err.value).startswith("hours_per_week must be more than 0 and at most 80, got 0 The Experienced track")


def test_an_unknown_track_is_named(catalog):
    with pytest.raises(ValueError, match="unknown track 'intern'; expected one of early_in, experienced"):
        plan(catalog, track="intern")


# ---------------------------------------------------------------------------------------------- horizons


def test_an_interview_in_five_days_gets_a_tight_but_sensible_plan(catalog):
    p = plan(catalog, track="experienced", today=D(2026, 8, 12), hours=12, interview=D(2026, 8, 17))
    assert [(w.first_day, w.last_day, w.minutes) for w in p.weeks] == [(D(2026, 8, 12), D(2026, 8, 16), 510)]
    assert keys(p, TaskKind.MOCK_LOOP) == ["mock_loop:1"]
    assert on(p, "mock_loop:1") == D(2026, 8, 14)  # 3 days before the interview
    assert p.task("mock_loop:1").minutes == 225  # 30 + 45 + 45 + 45 + 60, the required rounds
    assert on(p, "mock_review:1") == D(2026, 8, 15)
    assert on(p, "culture_memo:first_read") < on(p, "culture_memo:second_read")
    assert keys(p, TaskKind.STORY) == ["story:failure", "story:launch"]
    assert p.milestone("stories").level is MilestoneLevel.SHORT
    assert p.warnings == (
        "Left out for lack of time at 12 h a week: 6 STAR stories, 2 case-deck sessions. "
        "More hours a week, or a later date, would fit them.",
    )


def test_an_interview_two_days_away_has_no_room_for_a_mock_loop(catalog):
    p = plan(catalog, track="experienced", today=D(2026, 8, 12), hours=10, interview=D(2026, 8, 14))
    assert keys(p, TaskKind.MOCK_LOOP) == []
    loops = p.milestone("mock_loops")
    assert loops.level is MilestoneLevel.SHORT
    assert loops.message.startswith("No full mock loop fits the time you have: a loop takes 3 h 45 min in one go")


def test_a_five_month_horizon_spreads_everything_out(catalog):
    p = plan(catalog, track="experienced", today=D(2026, 8, 10), hours=7.3, interview=D(2027, 1, 11))
    assert len(p.weeks) == 22 and p.warnings == ()
    loops = [on(p, k) for k in keys(p, TaskKind.MOCK_LOOP)]
    # 154 days; the last loop 3 days before: offsets 151 * j / 4 = 37.75, 75.5, 113.25, 151 -> 38, 76, 113, 151.
    assert loops == [D(2026, 9, 17), D(2026, 10, 25), D(2026, 12, 1), D(2027, 1, 8)]
    assert len(keys(p, TaskKind.STORY)) == 8
    assert p.milestone("review").message == (
        "A review-queue session in 21 of the plan's 22 weeks; 1 week had no time left for one."
    )
    assert len(keys(p, TaskKind.REVIEW)) == 21 + 4  # queue sessions, and one watch-back per loop
    assert sum(t.minutes for t in p.tasks) == sum(w.minutes for w in p.weeks) == 22 * 435


@pytest.mark.parametrize("days, loops", [(5, 1), (27, 1), (28, 2), (55, 3), (56, 4), (150, 4)])
def test_mock_loops_are_one_per_two_weeks_between_one_and_four(catalog, days, loops):
    today = D(2026, 8, 10)
    p = plan(catalog, track="experienced", today=today, hours=15, interview=today + timedelta(days=days))
    assert len(keys(p, TaskKind.MOCK_LOOP)) == loops
    assert (p.target - max(on(p, k) for k in keys(p, TaskKind.MOCK_LOOP))).days >= 3


# ---------------------------------------------------------------------------------------------- weak spots


def test_largest_remainder_split_is_exact():
    from fractions import Fraction as F

    assert split(30, {"a": F(4), "b": F(1), "c": F(3)}) == {"a": 15, "b": 4, "c": 11}
    assert split(0, {"a": F(1)}) == {"a": 0}


def test_a_weaker_competency_gets_more_drill_time_than_a_stronger_one(catalog):
    evidence = PracticeEvidence(
        attempts=(
            attempt(D(2026, 8, 1), "data_literacy", 1),
            attempt(D(2026, 8, 2), "data_literacy", 1),
            attempt(D(2026, 8, 3), "customer_obsession", 4, "ex_hiring_manager", "behavioral"),
            attempt(D(2026, 8, 4), "customer_obsession", 4, "ex_hiring_manager", "behavioral"),
        )
    )
    p = plan(catalog, track="experienced", today=D(2026, 8, 10), hours=10, interview=D(2026, 10, 5), evidence=evidence)
    assert p.weights["data_literacy"] == 4.0 and p.weights["customer_obsession"] == 1.0
    assert p.weights["scope_control"] == 3.0  # no evidence
    minutes = Counter()
    for t in p.tasks:
        if t.kind == TaskKind.DRILL:
            minutes[t.competency_id] += t.minutes
    # 8 full weeks hold 3840 preparation minutes. Fixed: 4 loops x 225 + 4 watch-backs x 30 + memo 45 + 30
    # + 8 stories x 30 + case deck 2 x 60 = 1455; weekly review sessions take 165; 2220 are left: 74 drills.
    # Weights 4 + 1 + 10 x 3 = 35. Quotas: data literacy 74*4/35 = 8.46, customer obsession 74/35 = 2.11,
    # the others 6.34 each. Floors 8 + 2 + 60 = 70; the 4 slots left go to the largest remainders: data
    # literacy (.46), then three of the .34s in catalog order (technical judgment, scope control, job awareness).
    assert sum(minutes.values()) == 74 * 30
    assert minutes["data_literacy"] == 9 * 30
    assert minutes["customer_obsession"] == 2 * 30
    assert [minutes[c] for c in ("technical_judgment", "scope_control", "job_awareness")] == [210] * 3
    assert minutes["case_solving"] == minutes["technical_fluency"] == 6 * 30
    drill = p.task("drill:data_literacy:1")
    assert drill.detail.endswith("Your weakest area so far (Solid is 3; you are at 1): more drills here.")
    assert p.task("drill:customer_obsession:1").detail.endswith(
        "Already Solid (Solid is 3; you are at 4): fewer drills here, enough to keep it warm."
    )
    assert p.task("drill:scope_control:1").detail.endswith(
        "No answers on Scope control yet: it gets an even share of drills until pmprep sees how you do."
    )
    # Its drills start in its weakest round (level 1 there), with that round's commonest type for it.
    assert (drill.round_id, drill.question_type) == ("ex_product_team", "metrics")


def test_a_drill_says_in_words_where_the_user_stands_against_solid(catalog):
    evidence = PracticeEvidence(
        attempts=(
            attempt(D(2026, 8, 1), "data_literacy", 1),
            attempt(D(2026, 8, 2), "scope_control", 2),
            attempt(D(2026, 8, 3), "scope_control", 3),  # (2 + 2 * 3) / 3 = 2.67, shown as 2.7
        )
    )
    p = plan(catalog, track="experienced", today=D(2026, 8, 10), hours=10, interview=D(2026, 10, 5), evidence=evidence)
    assert p.task("drill:scope_control:1").detail.endswith(
        "Below Solid so far (Solid is 3; you are at 2.7): more drills here than in your stronger areas."
    )
    assert "weighs" not in " ".join(t.detail for t in p.tasks)


def test_without_evidence_every_competency_weighs_three(catalog):
    p = plan(catalog)
    assert set(p.weights.values()) == {3.0} and len(p.weights) == 12


def test_drills_name_a_competency_a_round_and_a_question_type(catalog):
    p = plan(catalog)
    for t in p.tasks:
        if t.kind == TaskKind.DRILL:
            rnd = catalog.rounds[t.round_id]
            assert t.competency_id in rnd.competencies and t.question_type in rnd.question_types
            assert t.key.startswith(f"drill:{t.competency_id}:")


# ---------------------------------------------------------------------------------------------- regeneration


def test_keys_come_from_content_so_the_same_inputs_give_the_same_plan(catalog):
    assert plan(catalog) == plan(catalog)
    p = plan(catalog)
    assert {
        "culture_memo:first_read",
        "story:failure",
        "case_deck:outline",
        "mock_loop:1",
        "logistics:apply",
        "review:2026-08-10",
        "research:1",
        "drill:data_literacy:1",
    } <= {t.key for t in p.tasks}


def test_regenerate_keeps_done_and_moved_tasks(catalog):
    first = plan(catalog, today=D(2026, 8, 10))
    worked = (
        first.mark_done("culture_memo:first_read")
        .mark_done("drill:case_solving:1")
        .move("story:failure", D(2026, 8, 20))
    )
    again = regenerate(worked, today=D(2026, 8, 17), catalog=catalog)

    memo = again.task("culture_memo:first_read")
    assert (memo.done, memo.on) == (True, D(2026, 8, 10))  # kept as it was, not rescheduled
    assert [t.key for t in again.tasks if t.key == "culture_memo:first_read"] == ["culture_memo:first_read"]
    assert again.task("drill:case_solving:1").done
    assert [t.key for t in again.tasks if t.kind == TaskKind.DRILL and t.competency_id == "case_solving"][:2] == [
        "drill:case_solving:1",
        "drill:case_solving:2",
    ]
    story = again.task("story:failure")
    assert (story.on, story.moved, story.done) == (D(2026, 8, 20), True, False)
    assert again.done_keys == ("culture_memo:first_read", "drill:case_solving:1")
    # The second read still comes after the first, in a later week.
    assert on(again, "culture_memo:second_read") > D(2026, 8, 16)
    # Work missed before the new today comes back under the same key.
    assert first.task("story:launch").on == D(2026, 8, 11)
    assert again.task("story:launch").on >= D(2026, 8, 17)
    for week in again.weeks:
        assert week.planned_minutes == week.minutes


def test_regenerate_accepts_new_done_and_moved_keys_and_new_hours(catalog):
    first = plan(catalog, today=D(2026, 8, 10))
    again = regenerate(
        first,
        today=D(2026, 8, 12),
        catalog=catalog,
        hours_per_week=5,
        done=["logistics:resume"],
        moved={"mock_loop:1": D(2026, 9, 2)},
    )
    assert again.hours_per_week == 5
    assert again.task("logistics:resume").done
    assert (on(again, "mock_loop:1"), again.task("mock_loop:1").moved) == (D(2026, 9, 2), True)
    # A third generation still has both.
    third = regenerate(again, today=D(2026, 8, 14), catalog=catalog)
    assert third.task("logistics:resume").done and on(third, "mock_loop:1") == D(2026, 9, 2)


def test_done_keys_alone_are_never_scheduled(catalog):
    p = plan(catalog, done=["logistics:apply", "story:launch"])
    assert "logistics:apply" not in {t.key for t in p.tasks}
    assert "story:launch" not in {t.key for t in p.tasks}
    assert p.milestone("apply").message == "Application submitted (the window closes on 1 Nov 2026)."
    assert p.milestone("stories").message.startswith("8 of 8 STAR stories planned or written")


def test_a_move_outside_the_plan_or_an_unknown_key_is_reported(catalog):
    p = plan(catalog, moved={"story:launch": D(2026, 12, 1), "story:nonsense": D(2026, 8, 20)})
    assert p.task("story:launch").on == D(2026, 12, 1)
    assert p.warnings == (
        "“STAR story: a launch you owned from problem to result” is moved to 1 Dec 2026, outside this plan "
        "(10 Aug 2026 – 30 Sep 2026).",
        "A moved task 'story:nonsense' is not one pmprep knows; it was left out.",
    )


def test_moving_a_big_task_into_a_week_reports_the_overload(catalog):
    p = plan(catalog, moved={f"mock_loop:{n}": D(2026, 8, 11 + n) for n in (1, 2, 3)})
    week = p.weeks[0]
    assert week.planned_minutes == 3 * 225 + 120 > week.minutes  # only the logistics share is still planned
    assert p.warnings == ("The week of 10 Aug 2026 holds 13 h 15 min, more than its 10 h, because of tasks you moved.",)


def test_plan_round_trips_through_json(catalog):
    p = regenerate(plan(catalog).mark_done("research:1"), today=D(2026, 8, 12), catalog=catalog)
    data = json.loads(json.dumps(p.to_dict()))
    assert Plan.from_dict(data) == p
    assert data["tasks"][0]["kind"] in {k.value for k in TaskKind}


# ---------------------------------------------------------------------------------------------- calendar


def test_ics_parses_back_with_one_event_per_task_and_dated_milestone(catalog):
    p = plan(catalog).mark_done("culture_memo:first_read")
    raw = plan_to_ics(p, name="Netflix PM prep", stamp=STAMP)
    cal = Calendar.from_ical(raw)
    assert str(cal["version"]) == "2.0" and str(cal["prodid"]) == "-//pmprep//Interview prep plan//EN"
    events = list(cal.walk("VEVENT"))
    assert len(p.tasks) == 127
    assert len(events) == 127 + 7  # every milestone of this plan has a date
    assert all(e["dtstamp"].dt == STAMP for e in events)
    memo = next(e for e in events if str(e["uid"]) == "early_in-culture_memo-first_read@pmprep.local")
    assert str(memo["summary"]) == "✓ Read the culture memo (first read) (45 min)"
    assert str(memo["x-pmprep-done"]) == "TRUE"
    assert memo["dtstart"].dt == D(2026, 8, 10) and memo["dtend"].dt == D(2026, 8, 11)
    assert [str(c) for c in memo["categories"].cats] == ["culture_memo"]
    apply = next(e for e in events if str(e["uid"]) == "early_in-milestone-apply@pmprep.local")
    assert str(apply["summary"]) == "Milestone: Apply before the window closes"
    assert apply["dtstart"].dt == D(2026, 11, 1)


def test_ics_uids_are_stable_and_the_output_is_deterministic(catalog):
    first = plan_to_ics(plan(catalog), name="Prep", stamp=STAMP)
    second = plan_to_ics(plan(catalog), name="Prep", stamp=STAMP)
    assert first == second
    uids = [str(e["uid"]) for e in Calendar.from_ical(first).walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    later = regenerate(plan(catalog), today=D(2026, 8, 12), catalog=catalog)
    later_ics = plan_to_ics(later, name="Prep", stamp=STAMP)
    later_uids = {str(e["uid"]) for e in Calendar.from_ical(later_ics).walk("VEVENT")}
    assert "early_in-mock_loop-1@pmprep.local" in set(uids) & later_uids


def test_ics_needs_an_aware_stamp(catalog):
    with pytest.raises(ValueError, match="stamp must be timezone-aware"):
        plan_to_ics(plan(catalog), name="Prep", stamp=datetime(2026, 8, 10, 9, 30))


# ---------------------------------------------------------------------------------------------- bounds


@pytest.mark.parametrize(
    "interview, today, expected",
    [
        (None, D(2026, 12, 2), None),
        (D(2026, 12, 2), D(2026, 12, 2), None),  # today is a date; resolve says a plan needs a day
        (D(2028, 12, 2), D(2026, 12, 2), None),  # exactly two years on
        (
            D(2026, 12, 1),
            D(2026, 12, 2),
            "The interview date 1 Dec 2026 is before today (2 Dec 2026): there is "
            "nothing left to plan. Give the date of an upcoming interview.",
        ),
        (
            D(2028, 12, 3),
            D(2026, 12, 2),
            "The interview date 3 Dec 2028 is more than 2 years ahead: give a date "
            "from today to 2 Dec 2028, or leave it empty until you have one.",
        ),
        (
            D(2126, 1, 1),
            D(2026, 12, 2),
            "The interview date 1 Jan 2126 is more than 2 years ahead: give a date "
            "from today to 2 Dec 2028, or leave it empty until you have one.",
        ),
        (D(2030, 2, 28), D(2028, 2, 29), None),
        (
            D(2030, 3, 1),
            D(2028, 2, 29),
            "The interview date 1 Mar 2030 is more than 2 years ahead: give a date "
            "from today to 28 Feb 2030, or leave it empty until you have one.",
        ),
    ],
)
def test_an_interview_date_is_taken_from_today_to_two_years_ahead(interview, today, expected):
    assert interview_date_problem(interview, today) == expected
    assert latest_interview_date(D(2028, 2, 29)) == D(2030, 2, 28)


@pytest.mark.parametrize("interview", [D(2029, 1, 1), D(2126, 1, 1)])
def test_a_plan_past_two_years_is_refused_whoever_calls(catalog, interview):
    with pytest.raises(
        ValueError,
        match=r"^The interview date .* is more than 2 years ahead: give a date from "
        r"today to 2 Dec 2028",
    ):
        plan(catalog, track="experienced", today=D(2026, 12, 2), interview=interview)


def test_the_largest_plan_allowed_stays_within_its_bounds(catalog):
    p = plan(
        catalog,
        track="experienced",
        today=D(2026, 12, 2),
        hours=MAX_HOURS_PER_WEEK,
        interview=latest_interview_date(D(2026, 12, 2)),
    )
    assert (len(p.weeks), len(p.tasks), max(len(w.tasks) for w in p.weeks)) == (105, 16681, 160)
    assert len(p.weeks) <= MAX_WEEKS and len(p.tasks) <= MAX_TASKS


def test_more_done_and_moved_keys_than_a_plan_can_hold_are_refused(catalog):
    with pytest.raises(ValueError, match=r"^A plan holds at most 20,000 tasks; got 15,000 done and 5,001 moved keys\."):
        plan(
            catalog,
            done=[f"drill:x:{n}" for n in range(15_000)],
            moved={f"research:{n}": D(2026, 8, 20) for n in range(5_001)},
        )


@pytest.mark.parametrize("hours", [float("nan"), float("inf"), float("-inf")])
def test_hours_that_are_not_a_finite_number_are_refused(catalog, hours):
    with pytest.raises(ValueError, match=r"^hours_per_week must be more than 0 and at most 80, got "):
        plan(catalog, hours=hours)


def test_a_task_moves_only_to_a_day_inside_the_plan_from_today(catalog):
    p = plan(catalog, today=D(2026, 8, 10))  # 10 Aug – 30 Sep 2026
    assert p.move("story:failure", D(2026, 9, 30)).task("story:failure").on == D(2026, 9, 30)
    for day, today in (
        (D(2026, 10, 1), None),
        (D(9999, 12, 31), None),
        (D(2026, 8, 9), None),
        (D(2026, 8, 11), D(2026, 8, 12)),
    ):
        with pytest.raises(ValueError, match=r"^Choose a day inside the plan, from 1\d Aug 2026 to 30 Sep 2026\.$"):
            p.move("story:failure", day, today=today)
    assert p.move_problem(D(2026, 8, 11), today=D(2026, 8, 12)) == (
        "Choose a day inside the plan, from 12 Aug 2026 to 30 Sep 2026."
    )
    assert p.move_problem(D(2026, 10, 5), today=D(2026, 10, 5)) == (
        "This plan ended on 30 Sep 2026: regenerate it from today to move tasks again."
    )
