"""Feedback on one story: the behavioural analyzer over its STAR text, plus field-by-field checks.

The STAR fields are joined into one answer (a blank line between fields, empty fields left out) and
analysed as a behavioural answer. Each evidence span the analyzer returns is mapped back to the field
it falls in, with offsets into that field's own text (``story.field(f)[start:end] == text``), so the
page can highlight evidence inside each field.

The checks are pmprep's own, in plain words, in field order:

- ``missing_<field>``: a STAR field (or the reflection) is empty;
- ``task_not_yours``: the task never says "I", "my" or "me";
- ``action_we``: the action says "we" more often than "I" (and at least once);
- ``situation_longer_than_action``: the situation has more words than the action;
- ``result_no_number``: the result has no number (a duration such as "two weeks" does not count);
- ``result_no_baseline``: the result has one such number and nothing to compare it with;
- ``reflection_no_change``: the reflection never says what you now do differently or applied later;
- ``too_long``: the five fields run past ``MAX_STORY_WORDS`` words (three minutes aloud).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from pmprep.analysis import Evidence, analyze
from pmprep.analysis.feedback import score_points
from pmprep.analysis.text import Doc
from pmprep.bounded_regex import bounded
from pmprep.stories.cues import fold
from pmprep.stories.numbers import number_spans
from pmprep.stories.story import STAR_FIELDS, StarStory

# The question the story is analysed against when none is given: it names no topic, so the analyzer
# judges the story on its shape, not on its overlap with a question's words.
DEFAULT_QUESTION = "Tell me about a time."
SEPARATOR = "\n\n"
WORDS_PER_MINUTE = 150
MAX_STORY_WORDS = 450  # three minutes aloud; the sources suggest about two

_MISSING = {
    "situation": "The situation is empty: say where, when and at what scale, in two or three sentences.",
    "task": "The task is empty: say what you were responsible for.",
    "action": "The action is empty: it should be the longest part, with what you decided and did.",
    "result": "The result is missing: say what changed, with a number.",
    "reflection": "There is no reflection: add what you learned and what you now do differently.",
}
_I = bounded(r"(?<![\w'])(?:i|i'm|i'd|i've|i'll|me|my|myself|mine)(?![\w'])")
_WE = bounded(r"(?<![\w'])(?:we|we're|we'd|we've|we'll|us|our|ours)(?![\w'])")
_CHANGE = bounded(
    r"(?<![\w'])(?:now|since|next time|differently|applied|apply|ever since|from then on|"
    r"these days|changed how|i would|i'd|going forward|started|always|on my next)(?![\w'])"
)
_DURATION = bounded(
    r"(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|"
    r"quarters?|years?|sprints?)$",
    re.I,
)
_COMPARISON = bounded(r"(?<![\w'])(?:from|baseline|compared|versus|vs|against|than|up|down|before)(?![\w'])")


@dataclass(frozen=True)
class FieldEvidence:
    """A span of one field: ``story.field(field)[start:end] == text``, and the signal it shows."""

    field: str
    start: int
    end: int
    text: str
    signal: str


@dataclass(frozen=True)
class StoryCriterion:
    id: str
    name: str
    level: int
    evidence: tuple[FieldEvidence, ...]
    missing: tuple[str, ...]
    advice: str


@dataclass(frozen=True)
class StoryRedFlag:
    id: str
    name: str
    evidence: tuple[FieldEvidence, ...]
    advice: str


@dataclass(frozen=True)
class StoryCheck:
    """One of pmprep's field checks that failed, with the words it points at (if any)."""

    id: str
    field: str | None  # None for a check on the whole story
    message: str
    evidence: tuple[FieldEvidence, ...] = ()


@dataclass(frozen=True)
class StoryAnalysis:
    story_id: str
    score: float
    level: int
    level_label: str
    summary: str
    criteria: tuple[StoryCriterion, ...]
    red_flags: tuple[StoryRedFlag, ...]
    checks: tuple[StoryCheck, ...]
    words: dict[str, int]  # words per STAR field

    @property
    def points(self) -> int:
        """The score as the summary states it (one rounding for both)."""
        return score_points(self.score)

    def criterion(self, criterion_id: str) -> StoryCriterion:
        return next(c for c in self.criteria if c.id == criterion_id)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class _Layout:
    """Where each field sits in the joined answer text."""

    text: str
    offsets: tuple[tuple[str, int, int], ...]  # (field, start, end) in ``text``

    def locate(self, ev: Evidence, story: StarStory) -> FieldEvidence | None:
        for name, start, end in self.offsets:
            if start <= ev.start < end:
                local_end = min(ev.end, end) - start
                local_start = ev.start - start
                return FieldEvidence(name, local_start, local_end, story.field(name)[local_start:local_end], ev.signal)
        return None  # a span in the separator between fields (none of the analyzer's signals do this)


def _layout(story: StarStory) -> _Layout:
    parts: list[str] = []
    offsets: list[tuple[str, int, int]] = []
    pos = 0
    for name in story.filled():
        text = story.field(name)
        if parts:
            pos += len(SEPARATOR)
        parts.append(text)
        offsets.append((name, pos, pos + len(text)))
        pos += len(text)
    return _Layout(SEPARATOR.join(parts), tuple(offsets))


def _mapped(layout: _Layout, story: StarStory, evidence: list[Evidence]) -> tuple[FieldEvidence, ...]:
    return tuple(m for m in (layout.locate(e, story) for e in evidence) if m is not None)


def _spans(name: str, text: str, pattern: re.Pattern[str], signal: str) -> tuple[FieldEvidence, ...]:
    folded = fold(text)
    return tuple(
        FieldEvidence(name, m.start(), m.end(), text[m.start() : m.end()], signal) for m in pattern.finditer(folded)
    )


def _checks(story: StarStory, words: dict[str, int]) -> list[StoryCheck]:
    checks: list[StoryCheck] = []
    filled = set(story.filled())
    for name in STAR_FIELDS:
        if name not in filled:
            checks.append(StoryCheck(f"missing_{name}", name, _MISSING[name]))
        elif name == "task" and not _I.search(fold(story.task)):
            checks.append(
                StoryCheck(
                    "task_not_yours", "task", 'The task does not say what was yours: write "I owned…" or "My job was…".'
                )
            )
        elif name == "action":
            mine = _spans("action", story.action, _I, "I")
            ours = _spans("action", story.action, _WE, "we")
            if ours and len(ours) > len(mine):
                checks.append(
                    StoryCheck(
                        "action_we",
                        "action",
                        f'The action says "we" {_times(len(ours))} and "I" {_times(len(mine))}: say what you '
                        'decided and did ("I proposed…", "I cut…") and keep "we" for the team\'s work.',
                        ours,
                    )
                )
            if "situation" in filled and words["situation"] > words["action"]:
                checks.append(
                    StoryCheck(
                        "situation_longer_than_action",
                        "situation",
                        f"The situation ({words['situation']} words) is longer than the action ({words['action']} "
                        "words): cut the background and spend the words on what you did.",
                    )
                )
        elif name == "result":
            # A duration ("after two weeks") is when, not how much: it does not count as the result's number.
            numbers = [n for n in number_spans(story.result) if not _DURATION.search(n.text)]
            if not numbers:
                checks.append(
                    StoryCheck(
                        "result_no_number",
                        "result",
                        "The result has no number: say from what to what, and over how long "
                        '("from 64% to 78% in six weeks").',
                    )
                )
            elif len(numbers) == 1 and not _COMPARISON.search(fold(story.result)):
                only = numbers[0]
                checks.append(
                    StoryCheck(
                        "result_no_baseline",
                        "result",
                        f"The result has one number ({only.text}) and nothing to compare it with: say what it was before.",
                        (FieldEvidence("result", only.start, only.end, only.text, "a number"),),
                    )
                )
        elif name == "reflection" and not _CHANGE.search(fold(story.reflection)):
            checks.append(
                StoryCheck(
                    "reflection_no_change",
                    "reflection",
                    "The reflection does not say what you now do differently or where you applied the lesson since.",
                )
            )
    total = sum(words.values())
    if total > MAX_STORY_WORDS:
        minutes = total / WORDS_PER_MINUTE
        checks.append(
            StoryCheck(
                "too_long",
                None,
                f"The story runs to {total} words, about {minutes:.1f} minutes aloud: aim for about "
                "two minutes (300 words) and let the interviewer ask for more.",
            )
        )
    return checks


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def analyse_story(story: StarStory, question: str | None = None, *, seconds: float | None = None) -> StoryAnalysis:
    """Analyse ``story`` as a behavioural answer to ``question`` (a generic prompt when None).

    The level, score, summary, criteria and red flags are the analyzer's, with evidence mapped to the
    fields; the checks are pmprep's own per-field checks (see the module docstring).
    """
    layout = _layout(story)
    feedback = analyze(question or DEFAULT_QUESTION, layout.text, question_type="behavioral", seconds=seconds)
    words = {name: len(Doc(story.field(name)).words) for name in STAR_FIELDS}
    return StoryAnalysis(
        story_id=story.id,
        score=feedback.score,
        level=feedback.level,
        level_label=feedback.level_label,
        summary=feedback.summary,
        criteria=tuple(
            StoryCriterion(c.id, c.name, c.level, _mapped(layout, story, c.evidence), tuple(c.missing), c.advice)
            for c in feedback.criteria
        ),
        red_flags=tuple(
            StoryRedFlag(f.id, f.name, _mapped(layout, story, f.evidence), f.advice) for f in feedback.red_flags
        ),
        checks=tuple(_checks(story, words)),
        words=words,
    )
