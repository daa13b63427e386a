"""The pressure drill's break-in probe, chosen from what was said so far, and its rules from pressure.yaml."""

from __future__ import annotations

import pytest

from pmprep.bank import ContentError
from pmprep.pressure import PRESSURE_FILE, break_in_probe, load_rules, says_a_number, shipped_rules

QUESTION = "beh-owned-end-to-end-what-to-build"
NO_NUMBER = "Let me stop you there. Can you put a number on that: how much, how many, or how often?"
GENERIC = "Let me stop you there. What is the one point you want me to take away so far, and why does it matter?"


def test_the_shipped_rules():
    rules = shipped_rules()
    assert (rules.budget_share, rules.ramble_seconds, rules.pause_seconds, rules.min_words) == (0.45, 40, 1.5, 8)
    assert (rules.no_number.text, rules.no_number.criterion) == (NO_NUMBER, "specificity")
    assert (rules.generic.text, rules.generic.criterion) == (GENERIC, None)


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("", GENERIC),
        ("Um so the thing is", GENERIC),
        ("First, the goal was to help new members find something to watch, and I owned the home page row.", NO_NUMBER),
        ("In 2019 I owned the design of the home page row for new members and their first week.", NO_NUMBER),
    ],
    ids=["nothing", "too-little", "no-number", "only-a-year"],
)
def test_the_probe_follows_what_was_said(said, asked):
    assert break_in_probe(QUESTION, said, shipped_rules()).text == asked


def test_with_a_number_said_the_analyzers_first_follow_up_is_asked():
    said = "I owned the home page row for new members, and starts in the first week rose by four percent."
    assert says_a_number(said)
    probe = break_in_probe(QUESTION, said, shipped_rules())
    assert probe.text not in (NO_NUMBER, GENERIC) and probe.targeted


def test_a_bad_rule_names_the_file_entry_and_field(tmp_path):
    bad = tmp_path / "netflix" / "pressure.yaml"
    bad.parent.mkdir()
    bad.write_text(PRESSURE_FILE.read_text(encoding="utf-8").replace("budget_share: 0.45", "budget_share: 1.5"))
    with pytest.raises(ContentError) as caught:
        load_rules(bad)
    assert [str(p) for p in caught.value.problems] == [
        "netflix/pressure.yaml › entry 'break_in' › field 'budget_share': Input should be less than 1"
    ]
