"""The debrief of a real interview: a transcript read into exchanges, each answer judged, and calibration.

    from pmprep.debrief import debrief
    result = debrief(transcript_text)            # or debrief(text, candidate="Alex")
    result.exchanges[0].feedback.level, result.to_dict()

Pure: no Django; the web shell stores what the user confirms.
"""

from __future__ import annotations

from pmprep.debrief.judging import Debrief, JudgedExchange, Rambling, debrief, judge, judge_all
from pmprep.debrief.transcript import MAX_CHARS, Exchange, Transcript, TranscriptError, Turn, read_transcript

__all__ = [
    "MAX_CHARS",
    "Debrief",
    "Exchange",
    "JudgedExchange",
    "Rambling",
    "Transcript",
    "TranscriptError",
    "Turn",
    "debrief",
    "judge",
    "judge_all",
    "read_transcript",
]
