"""Follow-up probes: which ones are asked, and whether a reply closes the gap."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pmprep.analysis import Feedback, Probe, analyze
from pmprep.analysis.follow_up import choose_follow_ups, reply_to_probe

QUESTION = "How would you improve the Netflix kids profile?"
FIRST = (
    "Kids aged 6 to 9 who finish a show often cannot find the next one and ask a parent for help. I would add a "
    "rewards feature for kids who finish shows. It would be fun and parents would like it. We could launch it "
    "quickly."
)
METRIC_REPLY = (
    "Success would be weekly viewing hours per kids profile, up 5% in eight weeks, with a guardrail that "
    "parental complaints and total screen time do not rise by more than 2%."
)


@pytest.fixture(scope="module")
def first() -> Feedback:
    return Feedback.from_dict(analyze(QUESTION, FIRST).to_dict())  # as stored, and read back


def test_the_two_biggest_gaps_are_probed_first(first):
    chosen = choose_follow_ups(first)
    assert [(p.criterion, p.text) for p in chosen] == [
        ("metrics_first", "How would you know this worked? What is the one metric, and what must not get worse?"),
        ("options", "What other ways could you solve this, and why did you pick this one?"),
    ]


def test_probes_already_asked_are_not_asked_again(first):
    asked = ["How would you know this worked? What is the one metric, and what must not get worse?"]
    assert [p.criterion for p in choose_follow_ups(first, asked=asked)] == ["options", "risks_rollout"]
    assert [p.criterion for p in choose_follow_ups(first, asked=asked, limit=1)] == ["options"]


def test_a_red_flag_probe_comes_before_the_gaps(first):
    feedback = replace(
        first,
        probes=[
            Probe("Who is the user in this?", None, "red flag: No user in a product answer", "no_user"),
            Probe("Gap probe", "metrics_first", "Success metrics first: level 1"),
            Probe("Stock probe", None, "a follow-up this question often gets"),
        ],
    )
    assert [p.text for p in choose_follow_ups(feedback)] == ["Who is the user in this?", "Gap probe"]


def test_without_gaps_the_questions_own_probe_is_used(first):
    feedback = replace(first, probes=[Probe("Stock probe", None, "a follow-up this question often gets")])
    assert [p.text for p in choose_follow_ups(feedback)] == ["Stock probe"]
    assert choose_follow_ups(feedback, asked=["Stock probe"]) == []


def test_a_reply_with_a_metric_and_guardrail_closes_the_metrics_gap(first):
    probe = choose_follow_ups(first)[0]
    result = reply_to_probe(QUESTION, FIRST, first, probe, METRIC_REPLY)
    assert (result.criterion, result.before, result.after, result.closed) == ("metrics_first", 1, 3, True)
    assert result.outcome() == "Your reply closed the gap: success metrics first went from level 1 to 3."
    assert result.feedback.score > first.score
    assert result.feedback.follow_up.outcome == result.outcome() and result.feedback.follow_up.after == 3
    # Evidence points into the reply alone.
    for c in result.feedback.criteria:
        for e in c.evidence:
            assert METRIC_REPLY[e.start : e.end] == e.text
    assert "guardrail" in [e.text for c in result.feedback.criteria for e in c.evidence]


def test_a_reply_that_ignores_the_probe_leaves_the_gap_open(first):
    probe = choose_follow_ups(first)[0]
    result = reply_to_probe(QUESTION, FIRST, first, probe, "Kids really love rewards, so I think it would be great.")
    assert (result.before, result.after, result.closed) == (1, 1, False)
    assert (
        result.outcome() == "Success metrics first is still at level 1: the reply did not add what the probe asked for."
    )


def test_an_empty_reply_is_refused(first):
    with pytest.raises(ValueError, match="Write a reply to the follow-up question."):
        reply_to_probe(QUESTION, FIRST, first, choose_follow_ups(first)[0], "   ")
