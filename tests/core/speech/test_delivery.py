"""Delivery figures from timed words and voice activity, built in code (no audio)."""

from __future__ import annotations

import pytest

from pmprep.speech.delivery import measure
from pmprep.speech.recognizer import Word
from pmprep.speech.transcript import punctuated
from pmprep.speech.voice_activity import Span, VoiceActivity


def spoken(parts: list[tuple[str, float, float]]) -> list[Word]:
    """Words spread evenly over each (text, start, end)."""
    out = []
    for text, start, end in parts:
        words = text.split()
        step = (end - start) / len(words)
        out += [
            Word(w, round(start + i * step, 3), round(start + (i + 1) * step - 0.05, 3)) for i, w in enumerate(words)
        ]
    return out


def figures(parts, duration: float, budget_s: float | None = None):
    words = spoken(parts)
    activity = VoiceActivity(tuple(Span(s, e) for _t, s, e in parts), duration)
    return measure(words, activity, punctuated(words), budget_s=budget_s)


SLOW = " ".join(["word"] * 50)  # 50 words in 30 s: 100 a minute
FAST = " ".join(["word"] * 100)  # 100 words in 30 s: 200 a minute


def test_speaking_time_leaves_out_long_pauses_and_the_edges():
    d = figures([(SLOW, 1.0, 31.0), (FAST, 34.0, 64.0)], duration=66.0)
    assert d.long_pauses == (Span(31.0, 34.0),)
    assert d.speech_s == pytest.approx(60.0, abs=0.1)
    assert d.wpm == pytest.approx(150.0, rel=0.01)


def test_the_rate_is_given_for_each_30_seconds():
    d = figures([(SLOW, 0.0, 30.0), (FAST, 30.0, 60.0)], duration=60.0)
    assert [w.wpm for w in d.rate_windows] == [pytest.approx(100, rel=0.02), pytest.approx(200, rel=0.02)]


def test_a_short_last_window_has_no_rate():
    d = figures([(SLOW, 0.0, 30.0), ("one two three", 30.0, 33.0)], duration=33.0)
    assert len(d.rate_windows) == 2 and d.rate_windows[1].wpm is None


def test_the_share_before_the_first_signpost_and_a_conclusion_at_the_end():
    intro = " ".join(["context"] * 20)
    d = figures(
        [
            (intro, 0.0, 10.0),
            ("let me structure this in three parts", 10.5, 14.0),
            (SLOW, 14.0, 44.0),
            ("overall we ship it", 44.5, 47.0),
        ],
        duration=48.0,
    )
    assert d.first_signpost is not None and d.first_signpost.start == pytest.approx(10.5)
    assert d.before_signpost_share == pytest.approx(10.5 / 47.0, abs=0.01)
    assert d.conclusion is not None and d.conclusion.text.lower() == "overall"


def test_no_signpost_and_no_conclusion_are_said_plainly():
    d = figures([(SLOW, 0.0, 30.0)], duration=30.0)
    assert d.first_signpost is None and d.before_signpost_share is None and d.conclusion is None
    assert any("No signpost was heard" in n for n in d.notes)
    assert any("no conclusion" in n for n in d.notes)


def test_a_conclusion_before_the_last_15_seconds_does_not_count():
    d = figures([("in summary we ship", 0.0, 2.0), (SLOW, 2.5, 32.5)], duration=33.0)
    assert d.conclusion is None


def test_speaking_time_against_the_budget():
    d = figures([(SLOW, 0.0, 30.0)], duration=30.0, budget_s=20)
    assert d.over_budget_s == pytest.approx(10.0, abs=0.1)
    assert d.to_dict()["over_budget_s"] == d.over_budget_s
