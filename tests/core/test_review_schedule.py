"""The review queue: FSRS ratings and due dates, and the plan for one day (due, squeeze, cap, mixing)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from fsrs import Rating, State

from pmprep.review import ReviewItem, due_of, new_card, plan_today, rating_for, review

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 2)


def item(key: str, due: datetime, type: str = "metrics", rounds: tuple[str, ...] = ("product-sense",)) -> ReviewItem:
    return ReviewItem(kind="question", key=key, type=type, round_ids=rounds, card=new_card(due), due=due)


def keys(plan) -> list[str]:
    return [i.key for i in plan.items]


# --- ratings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("level, expected", [(1, Rating.Again), (2, Rating.Hard), (3, Rating.Good), (4, Rating.Easy)])
def test_feedback_level_maps_to_rating(level, expected):
    assert rating_for(level) is expected


@pytest.mark.parametrize(
    "level, self_rating, expected",
    [
        (4, 2, Rating.Hard),  # the learner is less sure than the feedback: theirs counts
        (2, 4, Rating.Hard),  # the learner is surer than the feedback: the feedback counts
        (3, 3, Rating.Good),
        (1, 4, Rating.Again),
    ],
)
def test_the_lower_of_level_and_self_rating_counts(level, self_rating, expected):
    assert rating_for(level, self_rating) is expected


@pytest.mark.parametrize(
    "level, self_rating, named", [(0, None, "level"), (5, 3, "level"), (3, 0, "self_rating"), (3, 5, "self_rating")]
)
def test_out_of_range_values_are_rejected_by_name(level, self_rating, named):
    with pytest.raises(ValueError, match=rf"^{named} must be 1\.\.4"):
        rating_for(level, self_rating)


def test_both_bad_values_are_reported_at_once():
    with pytest.raises(ValueError, match=r"level must be 1\.\.4, got 9; self_rating must be 1\.\.4 or None, got -1"):
        rating_for(9, -1)


# --- cards -----------------------------------------------------------------------------------------


def test_new_card_is_due_now_and_not_yet_reviewed():
    card = new_card(NOW)
    assert due_of(card) == NOW
    assert card["state"] == State.Learning.value and card["last_review"] is None
    assert new_card(NOW) == card  # the id comes from `now`, not the wall clock


# The due dates below are what fsrs 6.3 gives with FSRS-6 default parameters, desired retention 0.9,
# learning steps (1 min, 10 min) and fuzzing off; computed once and pinned here.
def test_good_reviews_step_through_learning_then_grow_the_interval():
    first = review(new_card(NOW), Rating.Good, NOW)
    assert due_of(first) == datetime(2026, 11, 2, 9, 10, tzinfo=UTC)  # second learning step
    second = review(first, Rating.Good, due_of(first))
    assert due_of(second) == datetime(2026, 11, 4, 9, 10, tzinfo=UTC)  # graduated: 2 days
    assert second["state"] == State.Review.value
    third = review(second, Rating.Good, due_of(second))
    assert due_of(third) == datetime(2026, 11, 15, 9, 10, tzinfo=UTC)  # 11 days


def test_again_brings_the_card_back_in_a_minute():
    assert due_of(review(new_card(NOW), Rating.Again, NOW)) == datetime(2026, 11, 2, 9, 1, tzinfo=UTC)


def test_again_on_a_graduated_card_relearns_in_ten_minutes():
    graduated = review(review(new_card(NOW), Rating.Good, NOW), Rating.Good, NOW + timedelta(minutes=10))
    lapsed = review(graduated, Rating.Again, due_of(graduated))
    assert due_of(lapsed) == datetime(2026, 11, 4, 9, 20, tzinfo=UTC)
    assert lapsed["state"] == State.Relearning.value


def test_review_leaves_its_input_alone_and_accepts_any_timezone():
    card = new_card(NOW)
    before = dict(card)
    paris_now = NOW.astimezone(timezone(timedelta(hours=1)))
    assert review(card, Rating.Good, paris_now) == review(card, Rating.Good, NOW)
    assert card == before


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        new_card(datetime(2026, 11, 2, 9, 0))


# --- plan_today: due and overdue -------------------------------------------------------------------


def test_nothing_due_gives_an_empty_plan():
    plan = plan_today([item("q1", NOW + timedelta(days=3))], TODAY, UTC, None)
    assert plan.items == ()
    assert (plan.overdue, plan.due_today, plan.squeezed, plan.later, plan.capped) == (0, 0, 0, 1, 0)
    assert plan.by_round == {}


def test_most_overdue_first_then_due_today_earliest_first_ties_by_key():
    items = [
        item("today-late", datetime(2026, 11, 2, 20, 0, tzinfo=UTC)),
        item("today-b", datetime(2026, 11, 2, 8, 0, tzinfo=UTC)),
        item("today-a", datetime(2026, 11, 2, 8, 0, tzinfo=UTC)),
        item("overdue-1d", datetime(2026, 11, 1, 9, 0, tzinfo=UTC)),
        item("overdue-5d", datetime(2026, 10, 28, 9, 0, tzinfo=UTC)),
        item("tomorrow", datetime(2026, 11, 3, 0, 0, tzinfo=UTC)),
    ]
    plan = plan_today(items, TODAY, UTC, None)
    assert keys(plan) == ["overdue-5d", "overdue-1d", "today-a", "today-b", "today-late"]
    assert (plan.overdue, plan.due_today, plan.squeezed, plan.later, plan.capped) == (2, 3, 0, 1, 0)


def test_the_daily_cap_keeps_the_highest_priority_and_counts_the_rest():
    items = [item(f"q{i}", NOW - timedelta(hours=i)) for i in range(5)]  # q4 is the most overdue
    plan = plan_today(items, TODAY, UTC, None, daily_cap=3)
    assert keys(plan) == ["q4", "q3", "q2"]
    assert (plan.overdue, plan.due_today, plan.capped, plan.later) == (0, 5, 2, 0)


def test_an_item_due_at_half_past_eleven_local_time_is_due_today():
    plus_two = timezone(timedelta(hours=2))
    items = [
        item("2330-local", datetime(2026, 11, 2, 21, 30, tzinfo=UTC)),  # 23:30 on Nov 2 in UTC+2
        item("0030-local", datetime(2026, 11, 2, 22, 30, tzinfo=UTC)),  # 00:30 on Nov 3 in UTC+2
        item("0100-local", datetime(2026, 11, 1, 23, 0, tzinfo=UTC)),  # 01:00 on Nov 2: today, not overdue
    ]
    plan = plan_today(items, TODAY, plus_two, None)
    assert keys(plan) == ["0100-local", "2330-local"]
    assert (plan.overdue, plan.due_today, plan.later) == (0, 2, 1)


# --- plan_today: squeeze before the interview ------------------------------------------------------


def squeeze_items() -> list[ReviewItem]:
    interview = datetime(2026, 11, 5, 9, 0, tzinfo=UTC)
    at_risk = [item(f"risk{i}", interview + timedelta(days=i)) for i in (6, 0, 3, 1, 5, 2, 4)]
    return at_risk + [item("safe", datetime(2026, 11, 4, 9, 0, tzinfo=UTC))]  # comes back before it


def test_items_due_after_the_interview_are_spread_over_the_days_left():
    plan = plan_today(squeeze_items(), TODAY, UTC, date(2026, 11, 5))
    # 7 at risk over 3 days: ceil(7 / 3) = 3 today, earliest due first.
    assert keys(plan) == ["risk0", "risk1", "risk2"]
    assert (plan.overdue, plan.due_today, plan.squeezed, plan.later, plan.capped) == (0, 0, 3, 5, 0)


def test_squeezed_items_come_after_due_ones_and_yield_to_the_cap():
    items = squeeze_items() + [item("due", NOW)]
    plan = plan_today(items, TODAY, UTC, date(2026, 11, 5), daily_cap=2)
    assert keys(plan) == ["due", "risk0"]
    assert (plan.due_today, plan.squeezed, plan.later, plan.capped) == (1, 1, 7, 0)


@pytest.mark.parametrize("interview", [TODAY, date(2026, 10, 30), None])
def test_no_squeeze_on_or_after_the_interview_or_without_one(interview):
    plan = plan_today(squeeze_items(), TODAY, UTC, interview)
    assert plan.items == ()
    assert (plan.squeezed, plan.later) == (0, 8)


# --- plan_today: mixing and rounds -----------------------------------------------------------------


def test_types_alternate_in_round_robin_keeping_each_types_priority():
    items = [
        item(k, NOW - timedelta(hours=h), type=t)
        for k, h, t in [
            ("m1", 6, "metrics"),
            ("m2", 5, "metrics"),
            ("d1", 4, "design"),
            ("m3", 3, "metrics"),
            ("s1", 2, "strategy"),
            ("d2", 1, "design"),
        ]
    ]
    assert keys(plan_today(items, TODAY, UTC, None)) == ["m1", "d1", "s1", "m2", "d2", "m3"]


def test_a_dominant_type_is_spaced_out_rather_than_bunched_at_the_end():
    # A plain round-robin would give m1 s1 p1 m2 m3; spacing the metrics questions avoids the repeat.
    items = [
        item(k, NOW - timedelta(hours=h), type=t)
        for k, h, t in [
            ("m1", 5, "metrics"),
            ("m2", 4, "metrics"),
            ("m3", 3, "metrics"),
            ("s1", 2, "strategy"),
            ("p1", 1, "product-sense"),
        ]
    ]
    assert keys(plan_today(items, TODAY, UTC, None)) == ["m1", "s1", "m2", "p1", "m3"]


def test_a_single_type_stays_in_priority_order():
    items = [item(f"q{i}", NOW - timedelta(hours=i)) for i in range(3)]
    assert keys(plan_today(items, TODAY, UTC, None)) == ["q2", "q1", "q0"]


def test_by_round_counts_each_item_once_per_round_it_lists():
    items = [
        item("a", NOW, rounds=("recruiter", "product-sense")),
        item("b", NOW, rounds=("product-sense",)),
        item("c", NOW, rounds=("behavioral", "product-sense", "recruiter")),
        item("later", NOW + timedelta(days=2), rounds=("analytics",)),
    ]
    plan = plan_today(items, TODAY, UTC, None)
    assert plan.by_round == {"behavioral": 1, "product-sense": 3, "recruiter": 2}
    assert list(plan.by_round) == ["behavioral", "product-sense", "recruiter"]


# --- property: the squeeze shows every item before the interview -----------------------------------


def test_reviewing_each_days_plan_shows_every_item_before_the_interview():
    interview = TODAY + timedelta(days=10)
    first_due = datetime.combine(interview, time(9), tzinfo=UTC) + timedelta(days=1)
    types = ["metrics", "design", "strategy"]
    items = {f"q{i:02d}": item(f"q{i:02d}", first_due + timedelta(hours=i), type=types[i % 3]) for i in range(20)}
    seen: set[str] = set()
    for day in range(10):
        today = TODAY + timedelta(days=day)
        plan = plan_today(list(items.values()), today, UTC, interview)
        assert len(plan.items) <= 12
        for planned in plan.items:
            seen.add(planned.key)
            card = review(planned.card, Rating.Good, datetime.combine(today, time(9), tzinfo=UTC))
            items[planned.key] = ReviewItem(
                planned.kind, planned.key, planned.type, planned.round_ids, card, due_of(card)
            )
    assert seen == set(items)
