"""How an answer was delivered, measured from the recording: speaking time, rate and how it changes, long
pauses, fillers, how long before the first signpost, and whether the end holds a conclusion.

These figures stay apart from the content score, and pmprep never judges accent or fluency: a rate is a
count of words over time, a pause is silence the voice detector measured, and signposts and conclusions
are the analyzer's own cues found in the draft transcript.

Speaking time runs from the first word to the last, less the long pauses (2 s or more): short pauses
between sentences are part of speaking, long ones are not. The rate is words over speaking time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pmprep.analysis.signals import Signals
from pmprep.analysis.text import Doc
from pmprep.speech.fillers import Cluster, Phrase, filler_clusters, find_fillers
from pmprep.speech.recognizer import Word
from pmprep.speech.transcript import Transcript
from pmprep.speech.voice_activity import Span, VoiceActivity

WINDOW_S = 30.0  # the rate is also given for each 30 s of the answer…
MIN_WINDOW_SPEECH_S = 5.0  # …when the window holds at least this much speaking
ENDING_S = 15.0  # the "so what" is looked for in the last 15 s
NOT_JUDGED = "Delivery figures count words, time and pauses; they never judge accent or fluency."
FILLER_NOTE = (
    "Hesitation sounds (um, uh) are counted only where the recogniser wrote them, and it misses many: "
    "their count is a floor."
)


@dataclass(frozen=True)
class RateWindow:
    start: float
    end: float
    words: int
    speech_s: float
    wpm: float | None  # None when the window has too little speaking for a rate

    def to_dict(self) -> dict[str, object]:
        return {
            "start": round(self.start, 2),
            "end": round(self.end, 2),
            "words": self.words,
            "speech_s": round(self.speech_s, 2),
            "wpm": self.wpm,
        }


@dataclass(frozen=True)
class SpokenDelivery:
    duration_s: float
    speech_s: float
    words: int
    wpm: float | None
    rate_windows: tuple[RateWindow, ...]
    long_pauses: tuple[Span, ...]
    fillers: tuple[Phrase, ...]
    filler_clusters: tuple[Cluster, ...]
    first_signpost: Phrase | None
    before_signpost_share: float | None  # share of speaking time before the first signpost
    conclusion: Phrase | None  # a conclusion cue in the last ENDING_S seconds
    budget_s: float | None
    notes: tuple[str, ...]

    @property
    def over_budget_s(self) -> float | None:
        return round(self.speech_s - self.budget_s, 1) if self.budget_s else None

    def to_dict(self) -> dict[str, object]:
        return {
            "duration_s": self.duration_s,
            "speech_s": self.speech_s,
            "words": self.words,
            "wpm": self.wpm,
            "rate_windows": [w.to_dict() for w in self.rate_windows],
            "long_pauses": [p.to_dict() for p in self.long_pauses],
            "fillers": [f.to_dict() for f in self.fillers],
            "filler_clusters": [c.to_dict() for c in self.filler_clusters],
            "first_signpost": self.first_signpost.to_dict() if self.first_signpost else None,
            "before_signpost_share": self.before_signpost_share,
            "conclusion_in_last_15_s": self.conclusion is not None,
            "conclusion": self.conclusion.to_dict() if self.conclusion else None,
            "budget_s": self.budget_s,
            "over_budget_s": self.over_budget_s,
            "notes": list(self.notes),
        }


def _overlap(a: float, b: float, c: float, d: float) -> float:
    return max(0.0, min(b, d) - max(a, c))


def _speaking(start: float, end: float, first: float, last: float, pauses: Sequence[Span]) -> float:
    """Speaking time between ``start`` and ``end``: inside first word → last word, outside long pauses."""
    inside = _overlap(start, end, first, last)
    return max(0.0, inside - sum(_overlap(start, end, p.start, p.end) for p in pauses))


def _rate(words: int, seconds: float) -> float:
    return round(words / seconds * 60, 1)


def _cues(transcript: Transcript, words: Sequence[Word], family: str) -> list[Phrase]:
    """The analyzer's ``family`` hits in the transcript, timed by the words they cover."""
    found = []
    for hit in Signals(Doc(transcript.text))(family):
        first = transcript.word_at(hit.start)
        last = transcript.word_at(max(hit.start, hit.end - 1))
        if first is not None and last is not None:
            found.append(Phrase(hit.text, words[first].start, words[last].end))
    return found


def measure(
    words: Sequence[Word],
    activity: VoiceActivity,
    transcript: Transcript,
    *,
    budget_s: float | None = None,
) -> SpokenDelivery:
    """The delivery figures of one recording from its words, its voice activity and its transcript."""
    notes = [NOT_JUDGED]
    speech = activity.speech
    pauses = activity.long_pauses()
    # From the first word to the last as the recogniser timed them (finer than the detector's 30 ms frames,
    # and deaf to a click before the answer starts); the detector's stretches when no word was recognised.
    if words:
        first, last = words[0].start, words[-1].end
    elif speech:
        first, last = speech[0].start, speech[-1].end
    else:
        first = last = 0.0
    speech_s = round(_speaking(first, last, first, last, pauses), 2)
    wpm = _rate(len(words), speech_s) if words and speech_s > 0 else None
    edges = [first + n * WINDOW_S for n in range(int((last - first) // WINDOW_S) + 1)] + [last]
    edges = [e for i, e in enumerate(edges) if i == 0 or e > edges[i - 1]]
    said = [0] * max(1, len(edges) - 1)
    for w in words:  # each word counts in the window its middle falls in
        said[min(max(0, int(((w.start + w.end) / 2 - first) // WINDOW_S)), len(said) - 1)] += 1
    windows = []
    for n, (start, end) in enumerate(zip(edges, edges[1:], strict=False)):
        seconds = _speaking(start, end, first, last, pauses)
        rate = _rate(said[n], seconds) if seconds >= MIN_WINDOW_SPEECH_S else None
        windows.append(RateWindow(round(start, 2), round(end, 2), said[n], round(seconds, 2), rate))
    fillers = find_fillers(words)
    notes.append(FILLER_NOTE)
    signposts = _cues(transcript, words, "signpost") if words else []
    signpost = signposts[0] if signposts else None
    share = None
    if signpost is not None and speech_s > 0:
        share = round(_speaking(first, signpost.start, first, last, pauses) / speech_s, 2)
    elif words:
        notes.append('No signpost was heard ("first, …", "let me structure this…"): the structure stayed unannounced.')
    ending = [c for c in (_cues(transcript, words, "conclusion") if words else []) if c.start >= last - ENDING_S]
    if words and not ending:
        notes.append('The last 15 seconds hold no conclusion the analyzer recognises (the "so what").')
    return SpokenDelivery(
        duration_s=activity.duration_s,
        speech_s=speech_s,
        words=len(words),
        wpm=wpm,
        rate_windows=tuple(windows),
        long_pauses=pauses,
        fillers=tuple(fillers),
        filler_clusters=tuple(filler_clusters(fillers)),
        first_signpost=signpost,
        before_signpost_share=share,
        conclusion=ending[-1] if ending else None,
        budget_s=budget_s,
        notes=tuple(notes),
    )
