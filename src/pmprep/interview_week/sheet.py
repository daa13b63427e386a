"""A one-page sheet for one round of a loop: what to have in mind when the call starts.

It holds the round (name, length, format), who interviews and what they listen for (rounds.yaml), the
stories the portfolio put on the round with each story's key numbers and lesson (its reflection), for
a case round the case's headline and the three numbers to remember (from the user's deck), the two or
three frameworks of the round's question types (frameworks.yaml) and the user's questions to ask.

With ``hide_names`` every interviewer name the user typed is left out (the role stands in), and so is
each of those names (and any other given), and each of its words, wherever a story, the deck or a
question repeats it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pmprep.bank.model import Catalog
from pmprep.bounded_regex import bounded
from pmprep.cases.deck import Deck, SectionId
from pmprep.interview_week.portfolio import RoundPlan
from pmprep.interview_week.questions import questions_to_ask
from pmprep.stories import StarStory
from pmprep.stories.numbers import key_numbers

MAX_FRAMEWORKS = 3
CASE_NUMBERS = 3
STORY_NUMBERS = 4
SUGGESTED_QUESTIONS = 3
MAX_LESSON_CHARS = 300
HEADLINE_CHARS = 200
HIDDEN = "[name]"
# The deck sections a headline and the numbers to remember come from, in the order they are looked in.
CASE_SECTIONS = (SectionId.RECOMMENDATION, SectionId.SUCCESS_METRICS, SectionId.TRADE_OFFS, SectionId.PROBLEM)
_SENTENCE_END = bounded(r"(?<=[.!?])\s")


@dataclass(frozen=True)
class SheetStory:
    title: str
    told_to: str
    numbers: tuple[str, ...]
    lesson: str  # "" when the story has no reflection

    def to_dict(self) -> dict:
        return {"title": self.title, "told_to": self.told_to, "numbers": list(self.numbers), "lesson": self.lesson}


@dataclass(frozen=True)
class SheetCase:
    title: str
    headline: str
    numbers: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"title": self.title, "headline": self.headline, "numbers": list(self.numbers)}


@dataclass(frozen=True)
class SheetFramework:
    name: str
    use: str
    steps: tuple[str, ...]

    @property
    def line(self) -> str:
        """One line for the sheet: the name, followed by its steps unless the name lists them already."""
        return self.name if "→" in self.name else f"{self.name}: {' → '.join(self.steps)}"

    def to_dict(self) -> dict:
        return {"name": self.name, "use": self.use, "steps": list(self.steps)}


@dataclass(frozen=True)
class RoundSheet:
    round_id: str
    name: str
    length: str
    format: str
    interviewers: tuple[str, ...]
    assesses: tuple[str, ...]
    listen_for: tuple[str, ...]  # the round's strong signals
    avoid: tuple[str, ...]  # its weak signals
    stories: tuple[SheetStory, ...]
    uncovered: str
    is_case: bool
    case: SheetCase | None
    frameworks: tuple[SheetFramework, ...]
    questions: tuple[str, ...]
    questions_suggested: bool  # the user picked none: these are shipped suggestions

    def to_dict(self) -> dict:
        return {
            "round_id": self.round_id,
            "name": self.name,
            "length": self.length,
            "format": self.format,
            "interviewers": list(self.interviewers),
            "assesses": list(self.assesses),
            "listen_for": list(self.listen_for),
            "avoid": list(self.avoid),
            "stories": [s.to_dict() for s in self.stories],
            "uncovered": self.uncovered,
            "is_case": self.is_case,
            "case": self.case.to_dict() if self.case else None,
            "frameworks": [f.to_dict() for f in self.frameworks],
            "questions": list(self.questions),
            "questions_suggested": self.questions_suggested,
        }


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""


class _Names:
    """Hides typed names: the whole name and each word of it of three letters or more, as whole words."""

    def __init__(self, names: Sequence[str]):
        words = {w for n in names for w in [n, *n.split()] if len(w) >= 3}
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        self.pattern = bounded(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if words else None

    def __call__(self, text: str) -> str:
        return self.pattern.sub(HIDDEN, text) if self.pattern else text


def case_summary(deck: Deck) -> SheetCase:
    """The deck's headline (the first sentence of its recommendation, or of the first section written
    after it in CASE_SECTIONS, else its title) and its first three numbers, looked for in that order."""
    texts = [deck.sections[s] for s in CASE_SECTIONS]
    headline = next((_first_sentence(t) for t in texts if t.strip()), deck.title)
    return SheetCase(deck.title, _shorten(headline, HEADLINE_CHARS), tuple(key_numbers(*texts)[:CASE_NUMBERS]))


def round_sheet(
    plan: RoundPlan,
    stories: Sequence[StarStory],
    catalog: Catalog,
    *,
    deck: Deck | None = None,
    questions: Sequence[str] = (),
    hide_names: bool = False,
    names: Sequence[str] = (),
) -> RoundSheet:
    """The sheet of one round of a portfolio (see the module docstring). ``names``: more names to hide
    with ``hide_names`` (the loop's other interviewers, whom a story may mention)."""
    rnd = catalog.rounds[plan.round.round_id]
    typed = [i.name for i in plan.round.interviewers if i.name] + [n for n in names if n.strip()]
    hide = _Names(typed) if hide_names else _Names([])
    people = tuple(i.role if hide_names else i.label for i in plan.round.interviewers)
    by_id = {s.id: s for s in stories}
    told = []
    for a in plan.assignments:
        story = by_id.get(a.story_id)
        if story is None:  # deleted since the portfolio was planned
            continue
        who = plan.round.interviewer(a.interviewer_key)
        to = (who.role if hide_names else who.label) if who else ""
        numbers = key_numbers(story.situation, story.task, story.action, story.result)[:STORY_NUMBERS]
        lesson = _shorten(story.reflection, MAX_LESSON_CHARS) if story.reflection.strip() else ""
        told.append(SheetStory(hide(story.title), to, tuple(hide(n) for n in numbers), hide(lesson)))
    case = None
    if rnd.is_case and deck is not None:
        found = case_summary(deck)
        case = SheetCase(hide(found.title), hide(found.headline), found.numbers)
    frameworks: list[SheetFramework] = []
    for type_id in rnd.question_types:
        info = catalog.question_types.get(type_id)
        if info is None or info.framework not in catalog.frameworks:
            continue
        fw = catalog.frameworks[info.framework]
        if fw.name not in [f.name for f in frameworks]:
            frameworks.append(SheetFramework(fw.name, fw.use, tuple(s.name for s in fw.steps)))
    picked = tuple(hide(q) for q in questions if q.strip())
    suggested = not picked
    if suggested:
        picked = tuple(questions_to_ask().shipped(rnd.id)[:SUGGESTED_QUESTIONS])
    return RoundSheet(
        round_id=rnd.id,
        name=rnd.name,
        length=rnd.duration_label,
        format=rnd.format,
        interviewers=people,
        assesses=tuple(rnd.assesses),
        listen_for=tuple(rnd.strong_signals),
        avoid=tuple(rnd.weak_signals),
        stories=tuple(told),
        uncovered=plan.uncovered_message.removeprefix(f"{plan.round.name}: "),
        is_case=rnd.is_case,
        case=case,
        frameworks=tuple(frameworks[:MAX_FRAMEWORKS]),
        questions=picked,
        questions_suggested=suggested,
    )
