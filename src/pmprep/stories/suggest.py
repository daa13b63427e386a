"""Which of your stories to tell for a behavioural or culture question from the bank.

Fit is a weighted count of what the question asks for and the story shows (see
:mod:`pmprep.stories.kinds` for how both are found):

- each kind the question asks for and the story is: ``KIND_WEIGHT`` (3);
- each theme the question cites and the story covers: ``THEME_WEIGHT`` (2);
- each competency the question tests and the story shows: ``COMPETENCY_WEIGHT`` (1).

Stories with no fit are left out. Ties go to the story with more shared kinds, then by title
(case-insensitive), then by id, so the order never depends on the order of the bank.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pmprep.bank.model import Catalog
from pmprep.bank.schema import Question
from pmprep.stories.cues import story_kinds
from pmprep.stories.kinds import question_kinds, story_profile
from pmprep.stories.story import StarStory

KIND_WEIGHT = 3
THEME_WEIGHT = 2
COMPETENCY_WEIGHT = 1


@dataclass(frozen=True)
class Suggestion:
    story_id: str
    title: str
    score: int
    reason: str
    kinds: tuple[str, ...]  # shared with the question, in story_kinds.yaml order
    themes: tuple[str, ...]  # shared, in catalog order
    competencies: tuple[str, ...]  # shared, in catalog order

    def to_dict(self) -> dict:
        return {
            "story_id": self.story_id,
            "title": self.title,
            "score": self.score,
            "reason": self.reason,
            "kinds": list(self.kinds),
            "themes": list(self.themes),
            "competencies": list(self.competencies),
        }


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _reason(kinds: Sequence[str], themes: Sequence[str], competencies: Sequence[str], catalog: Catalog) -> str:
    book = story_kinds()
    sentences = []
    if kinds:
        shows = _join([book.kinds[k].shows for k in kinds])
        asks = _join([book.kinds[k].phrase for k in kinds])
        sentences.append(f"Shows {shows}; the question asks about {asks}.")
    # A theme the shared kinds already explain would only repeat the first sentence.
    explained = {t for k in kinds for t in book.kinds[k].themes}
    extra = [t for t in themes if t not in explained]
    if extra:
        names = _join([f"'{catalog.themes[t].name}'" for t in extra])
        sentences.append(f"{'Covers' if not kinds else 'Also covers'} {names}, which the question is about.")
    if competencies:
        names = _join([f"'{catalog.competency_name(c)}'" for c in competencies])
        lead = "Shows" if not sentences else "Also shows"
        sentences.append(f"{lead} {names}, which the question tests.")
    return " ".join(sentences)


def suggest_stories(
    question: Question | str, stories: Sequence[StarStory], catalog: Catalog, limit: int = 3
) -> list[Suggestion]:
    """The best-fitting stories for a behavioural or culture bank question, best first.

    ``question`` is a catalog :class:`Question` or its id. Raises ``ValueError`` for an unknown id,
    a question of another type (see ``story_kinds().question_types``) or a negative ``limit``.
    """
    if isinstance(question, str):
        if question not in catalog.questions:
            raise ValueError(f"unknown question id '{question}'")
        question = catalog.questions[question]
    book = story_kinds()
    if question.type not in book.question_types:
        raise ValueError(
            f"question '{question.id}' is a {question.type} question; stories answer "
            f"{' and '.join(book.question_types)} questions"
        )
    if limit < 0:
        raise ValueError(f"limit must be 0 or more, got {limit!r}")
    asks = Asks(
        kinds=tuple(k.kind for k in question_kinds(question, catalog)),
        themes=tuple(question.themes),
        competencies=tuple(question.competencies),
    )
    out = [s for s in (fit(story, asks, catalog) for story in stories) if s is not None]
    out.sort(key=rank)
    return out[:limit]


@dataclass(frozen=True)
class Asks:
    """What a question (or a round of a loop) asks a story to show: kinds, themes and competencies."""

    kinds: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()


def fit(story: StarStory, asks: Asks, catalog: Catalog) -> Suggestion | None:
    """How well ``story`` fits ``asks`` (the weighted count in the module docstring), or None with no fit."""
    profile = story_profile(story, catalog)
    kinds = tuple(k for k in story_kinds().kinds if k in asks.kinds and k in profile.kind_ids)
    themes = tuple(t for t in catalog.themes if t in asks.themes and t in profile.themes)
    comp_order = [*catalog.dimensions, *catalog.components]
    comps = tuple(c for c in comp_order if c in asks.competencies and c in profile.competencies)
    score = KIND_WEIGHT * len(kinds) + THEME_WEIGHT * len(themes) + COMPETENCY_WEIGHT * len(comps)
    if not score:
        return None
    return Suggestion(story.id, story.title, score, _reason(kinds, themes, comps, catalog), kinds, themes, comps)


def rank(suggestion: Suggestion) -> tuple[int, int, str, str]:
    """The order of suggestions, best first: score, shared kinds, then title and id (never the bank's order)."""
    return (-suggestion.score, -len(suggestion.kinds), suggestion.title.casefold(), suggestion.story_id)
