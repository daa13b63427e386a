"""The replay page's transcript: each heard word with its time, the long pauses and fillers among them, and
the analyzer's evidence laid over them.

The evidence spans of an attempt are character offsets into the corrected text the user submitted, not into
the draft the recogniser wrote; the two are aligned word by word (in one pass, looking a few words ahead at
each difference, so in linear time). When the user changed too much of the draft for the alignment to hold,
the page highlights the corrected text instead and says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pmprep.web.practice.highlight import Judged

LOOKAHEAD = 3  # words skipped on either side when looking for where two texts agree again
MIN_MATCHED = 0.6  # below this share of the draft's words found in the corrected text, the alignment is not used
_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class ShownWord:
    index: int
    text: str
    start: float
    end: float
    pause_before: float | None  # seconds of a long pause just before this word
    filler: bool
    evidence: str  # the signal of the evidence the word is part of, "" if none


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def align(draft: Sequence[str], corrected: str) -> tuple[list[tuple[int, int] | None], float]:
    """For each draft word, the character span of the corrected text's word it became (None if it was
    dropped), and the share of draft words found unchanged."""
    theirs = _tokens(corrected)
    ours = [w.lower() for w in draft]
    spans: list[tuple[int, int] | None] = [None] * len(ours)
    i = j = same = 0
    while i < len(ours) and j < len(theirs):
        if ours[i] == theirs[j][0]:
            spans[i] = (theirs[j][1], theirs[j][2])
            same += 1
            i, j = i + 1, j + 1
            continue
        skip = next(
            (
                (di, dj)
                for di in range(LOOKAHEAD + 1)
                for dj in range(LOOKAHEAD + 1)
                if (di or dj) and i + di < len(ours) and j + dj < len(theirs) and ours[i + di] == theirs[j + dj][0]
            ),
            None,
        )
        if skip is None:  # a word corrected in place
            spans[i] = (theirs[j][1], theirs[j][2])
            i, j = i + 1, j + 1
            continue
        di, dj = skip
        for k in range(min(di, dj)):  # corrected in place, then the rest dropped or added
            spans[i + k] = (theirs[j + k][1], theirs[j + k][2])
        i, j = i + di, j + dj
    return spans, (same / len(ours) if ours else 1.0)


def words_shown(heard: dict, corrected: str | None, criteria: Sequence[Judged]) -> tuple[list[ShownWord], bool]:
    """The heard words as the replay shows them, and whether the evidence could be laid over them (False when
    the corrected text departs too far from the draft: show it highlighted on its own)."""
    words = heard.get("words", [])
    pauses = sorted((p["start"], p["end"]) for p in heard.get("pauses", []))
    fillers = [(f["start"], f["end"]) for f in heard.get("fillers", [])]
    evidence = sorted((e.start, e.end, e.signal) for c in criteria for e in c.evidence)
    spans: list[tuple[int, int] | None] = [None] * len(words)
    aligned = True
    if corrected is not None and evidence:
        spans, matched = align([w["word"] for w in words], corrected)
        aligned = matched >= MIN_MATCHED
    shown: list[ShownWord] = []
    e = f = p = 0
    for n, w in enumerate(words):
        pause = None
        while p < len(pauses) and pauses[p][0] <= w["start"]:  # no word is said in a pause: it comes before this one
            pause = pauses[p][1] - pauses[p][0] if n else None
            p += 1
        while f < len(fillers) and fillers[f][1] <= w["start"]:
            f += 1
        filler = f < len(fillers) and fillers[f][0] <= w["start"] < fillers[f][1]
        signal = ""
        span = spans[n] if aligned else None
        if span is not None:
            while e < len(evidence) and evidence[e][1] <= span[0]:
                e += 1
            if e < len(evidence) and evidence[e][0] < span[1]:
                signal = evidence[e][2]
        shown.append(ShownWord(n, w["word"], w["start"], w["end"], round(pause, 1) if pause else None, filler, signal))
    return shown, aligned
