"""The progress dashboard's numbers (no Django): weekly levels by dimension and by round, practice
volume, the review backlog, story coverage and mock-loop outcomes.

    from pmprep.progress import Answer, levels_by_dimension, volume, backlog
    weekly = levels_by_dimension(answers, {"data_literacy": "Data literacy", ...}, dims_of, today)

Each function takes plain values and ``today`` and returns dataclasses with ``to_dict``; the rules
are in each module's docstring. Weeks are Monday-start ISO weeks, the last 12 by default.
"""

from __future__ import annotations

from pmprep.progress.backlog import BUCKETS, Backlog, backlog
from pmprep.progress.coverage import GroupCoverage, StoryCoverage, story_coverage
from pmprep.progress.levels import (
    LEVEL_NAMES,
    Answer,
    Series,
    Volume,
    Weekly,
    levels_by_dimension,
    levels_by_round,
    volume,
    weekly_levels,
)
from pmprep.progress.loops import LoopOutcomes, LoopResult, loop_outcomes
from pmprep.progress.weeks import DEFAULT_WEEKS, monday_of, window

__all__ = [
    "BUCKETS",
    "DEFAULT_WEEKS",
    "LEVEL_NAMES",
    "Answer",
    "Backlog",
    "GroupCoverage",
    "LoopOutcomes",
    "LoopResult",
    "Series",
    "StoryCoverage",
    "Volume",
    "Weekly",
    "backlog",
    "levels_by_dimension",
    "levels_by_round",
    "loop_outcomes",
    "monday_of",
    "story_coverage",
    "volume",
    "weekly_levels",
    "window",
]
