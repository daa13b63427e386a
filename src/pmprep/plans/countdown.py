"""How far away the interview is, in the words the home page shows.

Rules (exact): no date is ``missing``; a date before today is ``past``; today is ``today``; else
``ahead``, with ``days`` from today (1 is tomorrow). Dates read as the catalog calendar writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pmprep.plans.wording import day


class CountdownState(StrEnum):
    MISSING = "missing"
    PAST = "past"
    TODAY = "today"
    AHEAD = "ahead"


@dataclass(frozen=True)
class Countdown:
    state: CountdownState
    on: date | None
    days: int | None  # from today to the interview: 0 today, negative once it has passed
    text: str


def countdown(interview: date | None, today: date) -> Countdown:
    if interview is None:
        return Countdown(CountdownState.MISSING, None, None, "No interview date yet.")
    days = (interview - today).days
    if days < 0:
        return Countdown(CountdownState.PAST, interview, days, f"Your interview date, {day(interview)}, has passed.")
    if days == 0:
        return Countdown(CountdownState.TODAY, interview, 0, "Your interview is today.")
    when = "tomorrow" if days == 1 else f"in {days} days"
    return Countdown(CountdownState.AHEAD, interview, days, f"Your interview is {when}, on {day(interview)}.")
