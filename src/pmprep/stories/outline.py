"""A STAR outline of a story: one short bullet line per field, to start a drill answer from.

Each line is the field's first sentence, cut to ``OUTLINE_WORDS`` words ("…" marks a cut), followed
by the field's other numbers in brackets so that no key number is lost. An empty field says so.
"""

from __future__ import annotations

from pmprep.analysis.text import Doc
from pmprep.stories.numbers import key_numbers
from pmprep.stories.story import STAR_FIELDS, StarStory

OUTLINE_WORDS = 25
LABELS = {"situation": "Situation", "task": "Task", "action": "Action", "result": "Result", "reflection": "Lesson"}
EMPTY = "(not written yet)"


def _line(text: str) -> str:
    doc = Doc(text)
    if not doc.sentences:
        return EMPTY
    first = doc.sentences[0]
    words = [w for w in doc.words if first.start <= w.start < first.end]
    if len(words) > OUTLINE_WORDS:
        cut = words[OUTLINE_WORDS - 1].end
        line = " ".join(text[first.start : cut].split()).rstrip(",;:") + "…"
    else:
        line = " ".join(first.text.split())
    kept = line.lower()
    others = [n for n in key_numbers(text) if n.lower() not in kept]
    if others:
        line += f" ({', '.join(others)})"
    return line


def outline(story: StarStory) -> str:
    """Five bullet lines (Situation, Task, Action, Result, Lesson), newline-separated, no trailing newline."""
    return "\n".join(f"- {LABELS[name]}: {_line(story.field(name))}" for name in STAR_FIELDS)
