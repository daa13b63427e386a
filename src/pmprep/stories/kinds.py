"""Which kinds of story a story is, and which competencies and culture themes it shows — with the reason.

Rules (all explainable, all from ``story_kinds.yaml`` and the catalog):

- **Kinds.** A story is of a kind when the user chose that kind, or when the kind's cue rule matches
  the title or a STAR field (notes never count). The match keeps the cue and the words it found.
- **Competencies.** A story shows a competency when the user chose it, when one of its kinds lists it,
  or when the competency's cue rule matches.
- **Themes.** A story covers a theme when one of its kinds lists it or the theme's cue rule matches.
- **Questions.** A bank question asks for a kind when it cites one of the kind's question themes or
  its text matches the kind's question cues.

Everything comes out in a fixed order (kinds in file order, competencies and themes in catalog
order), so the same story always gives the same profile.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from pmprep.bank.model import Catalog
from pmprep.bank.schema import Question
from pmprep.stories.cues import SEARCH_FIELDS, CueHit, story_kinds
from pmprep.stories.story import StarStory


@dataclass(frozen=True)
class KindMatch:
    """A kind the story is, and why: chosen by the user, found by a cue, or both."""

    kind: str
    name: str
    chosen: bool
    hits: tuple[CueHit, ...]  # the main cue's hit first; empty when only chosen

    @property
    def cue(self) -> str | None:
        return self.hits[0].cue if self.hits else None

    @property
    def reason(self) -> str:
        parts = []
        if self.chosen:
            parts.append("You marked it as this kind of story.")
        if self.hits:
            parts.append(_hits_reason(self.hits))
        return " ".join(parts)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "name": self.name,
            "chosen": self.chosen,
            "cue": self.cue,
            "hits": [h.to_dict() for h in self.hits],
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Reason:
    """Why a story covers a competency or theme: ``source`` is "chosen", "kind" or "cue"."""

    source: str
    text: str
    kind: str | None = None
    hits: tuple[CueHit, ...] = ()

    def to_dict(self) -> dict:
        return {"source": self.source, "text": self.text, "kind": self.kind, "hits": [h.to_dict() for h in self.hits]}


@dataclass(frozen=True)
class StoryProfile:
    """A story's kinds, competencies and themes, each with its reasons."""

    story_id: str
    kinds: tuple[KindMatch, ...]
    competencies: dict[str, tuple[Reason, ...]] = field(default_factory=dict)
    themes: dict[str, tuple[Reason, ...]] = field(default_factory=dict)

    @property
    def kind_ids(self) -> tuple[str, ...]:
        return tuple(k.kind for k in self.kinds)

    def to_dict(self) -> dict:
        return {
            "story_id": self.story_id,
            "kinds": [k.to_dict() for k in self.kinds],
            "competencies": {c: [r.to_dict() for r in rs] for c, rs in self.competencies.items()},
            "themes": {t: [r.to_dict() for r in rs] for t, rs in self.themes.items()},
        }


def _hits_reason(hits: tuple[CueHit, ...]) -> str:
    found = " and ".join(f"'{h.text}' in the {h.field}" for h in hits)
    return f"Found {found}."


def _texts(story: StarStory) -> list[tuple[str, str]]:
    return [(f, story.field(f)) for f in SEARCH_FIELDS]


def detect_kinds(story: StarStory) -> list[KindMatch]:
    """The kinds ``story`` is, in the order of story_kinds.yaml: chosen ones and those a cue finds."""
    texts = _texts(story)
    out = []
    for kind in story_kinds().kinds.values():
        hits = tuple(kind.rule.match(texts))
        chosen = kind.id in story.kinds
        if chosen or hits:
            out.append(KindMatch(kind.id, kind.name, chosen, hits))
    return out


@lru_cache(maxsize=2048)
def story_profile(story: StarStory, catalog: Catalog) -> StoryProfile:
    """The kinds, competencies and themes ``story`` shows, each with its reasons.

    Ids the catalog does not know (a kinds file written for another catalog) are left out. A story is a
    value, so its profile is worked out once and shared (every page that shows coverage reads it): do not
    change the dictionaries it returns.
    """
    book = story_kinds()
    kinds = detect_kinds(story)
    texts = _texts(story)
    competencies: dict[str, list[Reason]] = {}
    themes: dict[str, list[Reason]] = {}
    for comp in story.competencies:
        competencies.setdefault(comp, []).append(Reason("chosen", "You chose it."))
    for match in kinds:
        kind = book.kinds[match.kind]
        because = Reason("kind", f"It shows {kind.phrase}.", kind=kind.id)
        for comp in kind.competencies:
            competencies.setdefault(comp, []).append(because)
        for theme in kind.themes:
            themes.setdefault(theme, []).append(because)
    for cue_rule in book.competency_rules:
        hits = tuple(cue_rule.rule.match(texts))
        if hits:
            competencies.setdefault(cue_rule.id, []).append(Reason("cue", _hits_reason(hits), hits=hits))
    for cue_rule in book.theme_rules:
        hits = tuple(cue_rule.rule.match(texts))
        if hits:
            themes.setdefault(cue_rule.id, []).append(Reason("cue", _hits_reason(hits), hits=hits))
    comp_order = [*catalog.dimensions, *catalog.components]
    return StoryProfile(
        story_id=story.id,
        kinds=tuple(kinds),
        competencies={c: tuple(competencies[c]) for c in comp_order if c in competencies},
        themes={t: tuple(themes[t]) for t in catalog.themes if t in themes},
    )


@dataclass(frozen=True)
class QuestionKind:
    kind: str
    reason: str  # "it cites the theme 'A failure'" or "'failed' in the question"


def question_kinds(question: Question, catalog: Catalog) -> list[QuestionKind]:
    """The kinds of story a bank question asks for, in the order of story_kinds.yaml."""
    out = []
    for kind in story_kinds().kinds.values():
        cited = [t for t in kind.question_themes if t in question.themes]
        if cited:
            name = catalog.themes[cited[0]].name if cited[0] in catalog.themes else cited[0]
            out.append(QuestionKind(kind.id, f"it cites the theme '{name}'"))
            continue
        hits = kind.question_rule.match([("question", question.text)])
        if hits:
            out.append(QuestionKind(kind.id, f"'{hits[0].text}' in the question"))
    return out
