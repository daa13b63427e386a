"""The dashboard's calendar: Monday-start ISO weeks, and the window of weeks a chart shows."""

from __future__ import annotations

from datetime import date, timedelta

DEFAULT_WEEKS = 12


def monday_of(day: date) -> date:
    """The Monday that starts ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def window(today: date, weeks: int = DEFAULT_WEEKS) -> tuple[date, ...]:
    """The Mondays of the last ``weeks`` ISO weeks, oldest first, the last one being ``today``'s week."""
    if weeks < 1:
        raise ValueError(f"weeks must be at least 1, not {weeks}")
    last = monday_of(today)
    return tuple(last - timedelta(weeks=n) for n in range(weeks - 1, -1, -1))


def week_index(day: date, mondays: tuple[date, ...], today: date) -> int | None:
    """Which week of ``mondays`` holds ``day``; None before the window or after ``today``."""
    if day > today or day < mondays[0]:
        return None
    return (monday_of(day) - mondays[0]).days // 7
