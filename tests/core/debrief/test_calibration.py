"""Calibration figures, exactly."""

from __future__ import annotations

from datetime import date

from pmprep.debrief.calibration import Gap, RatedPair, agreement, by_month, foretold, gaps

NAMES = {"structure": "Structure and signposting", "specificity": "Specificity"}


def test_the_gap_per_criterion_is_the_mean_of_rating_minus_level():
    pairs = [
        RatedPair(date(2026, 3, 2), "structure", 4, 3),
        RatedPair(date(2026, 3, 9), "structure", 3, 2),
        RatedPair(date(2026, 4, 1), "structure", 3, 3),
        RatedPair(date(2026, 4, 1), "specificity", 2, 2.5),
        RatedPair(date(2026, 4, 2), "specificity", 2, 3),
    ]
    assert gaps(pairs, NAMES) == [
        Gap("specificity", "Specificity", -0.8, 2),  # (−0.5 − 1) / 2 = −0.75 → −0.8 (half away from zero)
        Gap("structure", "Structure and signposting", 0.7, 3),  # (1 + 1 + 0) / 3 = 0.666… → 0.7
    ]
    assert by_month(pairs)[0].month == "2026-03"
    assert [(m.month, m.gap, m.pairs) for m in by_month(pairs)] == [("2026-03", 1.0, 2), ("2026-04", -0.5, 3)]
    assert [m.label for m in by_month(pairs)] == ["March 2026", "April 2026"]


def test_the_sentence_says_above_or_below_what_the_text_shows():
    assert (
        Gap("structure", "Structure", 0.8, 4).sentence()
        == "You rate your structure 0.8 levels above what the text shows"
    )
    assert Gap("specificity", "Specificity", -1.0, 2).sentence() == (
        "You rate your specificity 1.0 level below what the text shows"
    )
    assert Gap("structure", "Structure", 0.0, 2).sentence() == "You rate your structure level with what the text shows"
    assert (
        Gap("product_sense", "Product sense", 0.5, 2).sentence("Peers rate your", "pmprep's automatic scorecard")
        == "Peers rate your product sense 0.5 levels above pmprep's automatic scorecard"
    )


def test_readiness_agrees_with_an_outcome_only_when_it_was_clear():
    assert foretold("ready", "passed") is True
    assert foretold("ready", "offer") is True
    assert foretold("ready", "rejected") is False
    assert foretold("not_ready", "rejected") is True
    assert foretold("not_ready", "passed") is False
    assert foretold("almost", "passed") is None
    assert foretold("ready", "waiting") is None
    assert foretold(None, "passed") is None
    assert agreement([("ready", "passed"), ("not_ready", "passed"), ("almost", "offer")]) == (
        "Practice readiness agreed with 1 of 2 real outcomes."
    )
    assert agreement([]).startswith("No real round yet")
