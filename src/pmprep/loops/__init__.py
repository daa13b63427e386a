"""A whole mock loop ("Run my loop"): the rounds planned for a track, and pmprep's own scorecard for
each round from the analyzer's feedback (no Django)."""

from __future__ import annotations

from pmprep.loops.auto_scorecard import auto_scorecard
from pmprep.loops.loop import (
    LoopLength,
    PlannedRound,
    answer_seconds,
    loop_length,
    plan_loop,
    question_count,
)

__all__ = [
    "LoopLength",
    "PlannedRound",
    "answer_seconds",
    "auto_scorecard",
    "loop_length",
    "plan_loop",
    "question_count",
]
