"""Lay evidence spans over the answer as non-overlapping, numbered segments for the feedback page."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    criterion: int | None = None  # 1-based number of the criterion in the legend
    criterion_name: str = ""
    signal: str = ""


# Criteria whose evidence is a passage, not a phrase: quoted in the criteria table, not highlighted.
WHOLE_PASSAGES = {"coverage"}


def segments(answer: str, criteria: list[dict]) -> list[Segment]:
    """Split the answer into plain and highlighted pieces; an earlier-listed criterion wins overlaps."""
    spans: list[tuple[int, int, int, str, str]] = []
    for number, c in enumerate(criteria, start=1):
        if c.get("id") in WHOLE_PASSAGES:
            continue  # its quotes are whole sentences: they would hide every other highlight
        for e in c["evidence"]:
            if 0 <= e["start"] < e["end"] <= len(answer):
                spans.append((e["start"], e["end"], number, c["name"], e["signal"]))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0]), s[2]))
    out: list[Segment] = []
    pos = 0
    for start, end, number, name, signal in spans:
        if start < pos:
            continue  # overlaps a span already shown
        if start > pos:
            out.append(Segment(answer[pos:start]))
        out.append(Segment(answer[start:end], number, name, signal))
        pos = end
    if pos < len(answer):
        out.append(Segment(answer[pos:]))
    return out
