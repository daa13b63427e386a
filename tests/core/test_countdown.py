"""The countdown to the interview, in the words the home page shows."""

from __future__ import annotations

from datetime import date

import pytest

from pmprep.plans import CountdownState, countdown

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    "interview, state, days, text",
    [
        (None, CountdownState.MISSING, None, "No interview date yet."),
        (date(2026, 12, 1), CountdownState.PAST, -1, "Your interview date, 1 Dec 2026, has passed."),
        (TODAY, CountdownState.TODAY, 0, "Your interview is today."),
        (date(2026, 12, 3), CountdownState.AHEAD, 1, "Your interview is tomorrow, on 3 Dec 2026."),
        (date(2026, 12, 16), CountdownState.AHEAD, 14, "Your interview is in 14 days, on 16 Dec 2026."),
    ],
)
def test_the_countdown_says_how_far_the_interview_is(interview, state, days, text):
    left = countdown(interview, TODAY)
    assert (left.state, left.on, left.days, left.text) == (state, interview, days, text)
