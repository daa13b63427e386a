"""Every length a loop page states (rounds and minutes) comes from one computation, so the loop
overview, a planned mock loop and the list of loops agree, with and without the optional round."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from pmprep.config import active_catalog
from pmprep.web.loops.rounds import start_loop

pytestmark = pytest.mark.django_db


def _text(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", response.content.decode()))


@pytest.mark.parametrize(
    "track, expected",
    [
        ("early_in", "Interview time 225 minutes across 4 rounds "),  # no optional round
        (
            "experienced",
            "Interview time 225 minutes across 5 rounds (plus an optional onsite — technical deep dive of 45 minutes)",
        ),
    ],
)
def test_the_loop_overview_counts_the_rounds_it_adds_up(client, track, expected):
    text = _text(client, reverse("bank:loop", args=[track]))
    assert expected in text
    assert "across 6 rounds" not in text
    assert ("(plus an optional" in text) is (track == "experienced")


@pytest.mark.parametrize(
    "track, include_optional, expected",
    [
        ("early_in", False, "4 rounds, 225 minutes in all."),
        ("early_in", True, "4 rounds, 225 minutes in all."),  # the early-in loop has no optional round
        ("experienced", False, "5 rounds, 225 minutes in all."),
        (
            "experienced",
            True,
            "6 rounds, 270 minutes in all, with the optional Onsite — technical deep dive (45 minutes).",
        ),
    ],
)
def test_a_mock_loop_and_the_list_of_loops_state_the_same_length(client, alice, track, include_optional, expected):
    client.force_login(alice)
    loop = start_loop(alice, active_catalog(), track, alice.date_joined, include_optional=include_optional)
    assert expected in _text(client, reverse("loops:loop", args=[loop.uid]))
    rounds, minutes = re.match(r"(\d+) rounds, (\d+) minutes", expected).groups()
    assert f"{rounds} rounds, {minutes} minutes: {'·' * int(rounds)}" in _text(client, reverse("loops:index"))
    listed = [(r.minutes, r.round_id) for r in loop.rounds.all()]
    assert (len(listed), sum(m for m, _ in listed)) == (int(rounds), int(minutes))
