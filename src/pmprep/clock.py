"""How pmprep writes a duration on a clock face: 95 seconds is "1:35"."""

from __future__ import annotations


def minutes_seconds(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
