"""What a plan builds up to: the interview (or the season) and, for a batched track, the application deadline.

Rules:

- A track with a hiring calendar (early-in) takes its dates from the catalog calendar
  (``catalog.calendar.position``): the first window is the application window, the window with id
  ``interviews`` is the interview season. When that cycle's season has ended, the next cycle's
  dates are used.
- The target is the interview date when one is given. Without one, a calendar track aims at the
  start of the interview season, or, once the season is under way, its last day. A track without a
  calendar (experienced) needs an interview date.
- The target must be after today: the plan covers today up to the day before the target.
- An interview date is refused when it is before today or more than ``MAX_YEARS_AHEAD`` (2) years
  ahead, that is after the same day two years on (29 February counts as 28 February then); see
  ``interview_date_problem``, the one rule every place that takes an interview date applies.
- The application milestone is ``past`` once the window has closed, ``near`` when it closes within
  ``NEAR_DAYS`` (14) days (today included), otherwise ``ok``. Once the application is done it is ``ok``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from pmprep.bank.calendar import CalendarPosition, DatedWindow, position
from pmprep.bank.model import Catalog
from pmprep.plans.wording import day, plural

NEAR_DAYS = 14
INTERVIEW_WINDOW = "interviews"
MAX_YEARS_AHEAD = 2


class MilestoneLevel(StrEnum):
    OK = "ok"
    NEAR = "near"  # a deadline within NEAR_DAYS
    PAST = "past"  # a deadline that has passed
    SHORT = "short"  # not everything the milestone needs fits the time available


@dataclass(frozen=True)
class Targets:
    target: dt.date
    target_label: str
    interview_date: dt.date | None
    applications: DatedWindow | None
    season: DatedWindow | None
    apply_level: MilestoneLevel | None
    apply_message: str | None
    notes: tuple[str, ...]


def _next_cycle(cal, pos: CalendarPosition) -> CalendarPosition:
    start = pos.cycle_start
    try:
        following = start.replace(year=start.year + 1)
    except ValueError:  # a cycle starting on 29 February
        following = start.replace(year=start.year + 1, day=28)
    return position(cal, following)


def latest_interview_date(today: dt.date) -> dt.date:
    """The last interview date accepted on ``today``: the same day ``MAX_YEARS_AHEAD`` years on."""
    try:
        return today.replace(year=today.year + MAX_YEARS_AHEAD)
    except ValueError:  # 29 February, and the year two on is not a leap year
        return today.replace(year=today.year + MAX_YEARS_AHEAD, day=28)


def interview_date_problem(interview_date: dt.date | None, today: dt.date) -> str | None:
    """Why ``interview_date`` cannot be taken on ``today``, in words for the user, or None when it can.

    No date is fine (it is optional where it is asked for); today is fine too (a plan then has no
    day left, which ``resolve`` says in its own words)."""
    if interview_date is None:
        return None
    if interview_date < today:
        return (
            f"The interview date {day(interview_date)} is before today ({day(today)}): "
            "there is nothing left to plan. Give the date of an upcoming interview."
        )
    latest = latest_interview_date(today)
    if interview_date > latest:
        return (
            f"The interview date {day(interview_date)} is more than {MAX_YEARS_AHEAD} years ahead: "
            f"give a date from today to {day(latest)}, or leave it empty until you have one."
        )
    return None


def resolve(
    catalog: Catalog, track_id: str, today: dt.date, interview_date: dt.date | None, applied: bool = False
) -> Targets:
    """The plan's target and the application milestone; every input problem is reported at once."""
    if track_id not in catalog.tracks:
        raise ValueError(f"unknown track {track_id!r}; expected one of {', '.join(catalog.tracks)}")
    track = catalog.tracks[track_id]
    problems: list[str] = []
    date_problem = interview_date_problem(interview_date, today)
    if date_problem is not None:
        problems.append(date_problem)
    elif interview_date is not None and interview_date == today:
        problems.append(
            f"The interview date {day(interview_date)} is today: a plan needs at least one day before the interview."
        )
    if track.calendar is None and interview_date is None:
        problems.append(
            f"The {track.name} track has no hiring season to plan towards: give "
            f"interview_date, the day of your first interview ({track.process_length})"
        )
    if problems:
        raise ValueError(" ".join(problems))

    if track.calendar is None:
        assert interview_date is not None  # refused above otherwise
        return Targets(
            interview_date, f"your interview on {day(interview_date)}", interview_date, None, None, None, None, ()
        )

    cal = catalog.calendars[track.calendar]
    pos = position(cal, today)
    if not any(w.id == INTERVIEW_WINDOW for w in pos.windows):
        raise ValueError(f"calendar {cal.id!r} has no window with id {INTERVIEW_WINDOW!r}")
    if pos.window(INTERVIEW_WINDOW).end <= today:
        pos = _next_cycle(cal, pos)
    season, apply = pos.window(INTERVIEW_WINDOW), pos.windows[0]
    assert season.start is not None and apply.start is not None

    notes: list[str] = []
    if interview_date is not None:
        target, label = interview_date, f"your interview on {day(interview_date)}"
        if not season.start <= interview_date <= season.end:
            notes.append(
                f"Your interview date {day(interview_date)} is outside the interview season "
                f"({day(season.start)} – {day(season.end)}); the plan uses your date."
            )
    elif season.start > today:
        target, label = season.start, f"the start of the interview season on {day(season.start)}"
    else:
        target, label = season.end, f"the end of the interview season on {day(season.end)}"
        notes.append(
            f"Interviews are under way until {day(season.end)}: add your interview date "
            "when you have it and regenerate the plan so it builds up to that day."
        )

    days_left = (apply.end - today).days
    if applied:
        level, message = MilestoneLevel.OK, f"Application submitted (the window closes on {day(apply.end)})."
    elif days_left < 0:
        next_open = apply.start.replace(year=apply.start.year + 1)
        level = MilestoneLevel.PAST
        message = (
            f"The application window closed on {day(apply.end)}; if you applied, keep "
            f"preparing: interviews run until {day(season.end)}. If you did not, hiring is "
            f"batched and the next window opens on {day(next_open)}."
        )
    elif today < apply.start:
        level = MilestoneLevel.OK
        message = (
            f"The application window opens on {day(apply.start)} and closes on "
            f"{day(apply.end)}: apply in its first weeks."
        )
    elif days_left <= NEAR_DAYS:
        level = MilestoneLevel.NEAR
        when = "today" if days_left == 0 else f"in {plural(days_left, 'day')}"
        message = (
            f"The application window closes on {day(apply.end)}, {when}: apply now. After it "
            "closes the odds for this cycle are close to zero."
        )
    else:
        level = MilestoneLevel.OK
        message = f"Apply by {day(apply.end)} ({plural(days_left, 'day')} left)."
    return Targets(target, label, interview_date, apply, season, level, message, tuple(notes))
