"""Cue-word rules from ``story_kinds.yaml``: loading, validation and matching.

A rule matches when one of its cues is found in the fields it may look at (and, with ``with``
groups, one cue of each group too). A match is explained by the cue and the words it found, with
their field and character offsets, so every kind, competency or theme pmprep infers can be shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from pmprep.bank import SHIPPED, ContentError, Problem
from pmprep.bank.errors import read_content_yaml
from pmprep.bank.model import Catalog
from pmprep.bank.schema import TypeId
from pmprep.config import company_file
from pmprep.cue_words import CueSet, compile_cues, fold
from pmprep.stories.numbers import number_spans

KINDS_FILE = SHIPPED / "story_kinds.yaml"

# Where cue rules look, in this order (the first field with a match explains it). Notes are private
# jottings, so they never count as evidence.
SEARCH_FIELDS = ("title", "situation", "task", "action", "result", "reflection")

_Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_\-]*$", min_length=2, max_length=80)]
_Cue = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_Field = Annotated[str, StringConstraints(pattern=r"^(?:title|situation|task|action|result|reflection)$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class _RuleSpec(_Strict):
    cues: list[_Cue] = Field(min_length=1)
    with_: list[list[_Cue]] = Field(default=[], alias="with")
    fields: list[_Field] = []
    needs_number: bool = False


class _KindSpec(_RuleSpec):
    id: _Id
    name: _Text
    phrase: _Text
    shows: _Text
    themes: list[_Id] = []
    question_themes: list[_Id] | None = None
    competencies: list[_Id] = []
    question_cues: list[_Cue] = Field(min_length=1)


class _CueEntry(_RuleSpec):
    id: _Id


class _Target(_Strict):
    min: int = Field(ge=1)
    max: int = Field(ge=1)


class _File(_Strict):
    target: _Target
    question_types: list[TypeId] = Field(min_length=1)
    theme_groups: list[_Text] = Field(min_length=1)
    kinds: list[_KindSpec] = Field(min_length=1)
    competencies: list[_CueEntry] = []
    themes: list[_CueEntry] = []


@dataclass(frozen=True)
class CueHit:
    """Words a cue found: ``story.field(field)[start:end] == text``."""

    field: str
    start: int
    end: int
    text: str
    cue: str

    def to_dict(self) -> dict:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text, "cue": self.cue}


@dataclass(frozen=True)
class Rule:
    cues: CueSet
    with_: tuple[CueSet, ...] = ()
    fields: tuple[str, ...] = SEARCH_FIELDS
    needs_number: bool = False

    def match(self, texts: Sequence[tuple[str, str]]) -> list[CueHit]:
        """The hits that make this rule match ``texts`` ((field, text) pairs), or [] when it does not.

        The first hit is the main cue's; one more follows for each ``with`` group.
        """
        allowed = [(f, t) for f, t in texts if f in self.fields and t.strip()]
        if self.needs_number:
            allowed = [(f, t) for f, t in allowed if number_spans(t)]
        first = _first(self.cues, allowed)
        if first is None:
            return []
        hits = [first]
        for group in self.with_:
            hit = _first(group, allowed)
            if hit is None:
                return []
            hits.append(hit)
        return hits


def _first(cues: CueSet, texts: Sequence[tuple[str, str]]) -> CueHit | None:
    """The earliest cue hit: first field in order, then first position, then first cue listed."""
    for field, text in texts:
        m = cues.first(fold(text))
        if m is not None:
            return CueHit(field, m.start(), m.end(), text[m.start() : m.end()], cues.phrase_of(m))
    return None


def _rule(spec: _RuleSpec) -> Rule:
    return Rule(
        cues=compile_cues(spec.cues),
        with_=tuple(compile_cues(group) for group in spec.with_),
        fields=tuple(spec.fields) or SEARCH_FIELDS,
        needs_number=spec.needs_number,
    )


@dataclass(frozen=True)
class KindDef:
    """One kind of story the sources tell candidates to have ready."""

    id: str
    name: str
    phrase: str  # "a failure": "No story shows a failure"
    shows: str  # "a failure and what you learned": "Shows a failure and what you learned"
    themes: tuple[str, ...]  # themes a story of this kind covers
    question_themes: tuple[str, ...]  # themes that mark a question as asking for this kind
    competencies: tuple[str, ...]  # competencies a story of this kind shows
    rule: Rule  # cues in a story
    question_rule: Rule  # cues in a question's text (its one field is "question")


@dataclass(frozen=True)
class CueRule:
    id: str  # a competency or theme id
    rule: Rule


@dataclass(frozen=True)
class StoryKinds:
    """Everything ``story_kinds.yaml`` holds, compiled."""

    target_min: int
    target_max: int
    question_types: tuple[str, ...]
    theme_groups: tuple[str, ...]
    kinds: dict[str, KindDef]
    competency_rules: tuple[CueRule, ...]
    theme_rules: tuple[CueRule, ...]

    def check_against(self, catalog: Catalog) -> list[str]:
        """Ids this file names that ``catalog`` does not have (empty when they agree)."""
        competencies = {**catalog.dimensions, **catalog.components}
        problems = []
        for kind in self.kinds.values():
            problems += [
                f"kinds › {kind.id} › competencies: unknown competency '{c}'"
                for c in kind.competencies
                if c not in competencies
            ]
            problems += [
                f"kinds › {kind.id} › themes: unknown theme '{t}'"
                for t in (*kind.themes, *kind.question_themes)
                if t not in catalog.themes
            ]
        problems += [
            f"competencies › {r.id}: unknown competency" for r in self.competency_rules if r.id not in competencies
        ]
        problems += [f"themes › {r.id}: unknown theme" for r in self.theme_rules if r.id not in catalog.themes]
        groups = {t.group for t in catalog.themes.values()}
        problems += [f"theme_groups: unknown group '{g}'" for g in self.theme_groups if g not in groups]
        # The plan asks for one story of each kind (plan.yaml), and its core vault is the target's minimum.
        problems += [
            f"kinds › {k}: the plan (plan.yaml) has no story of this kind"
            for k in self.kinds
            if k not in catalog.story_tasks
        ]
        problems += [
            f"plan.yaml › stories › {k}: not a kind of story" for k in catalog.story_tasks if k not in self.kinds
        ]
        if catalog.core_stories != self.target_min:
            problems.append(f"target › min: {self.target_min}, but plan.yaml's core_stories is {catalog.core_stories}")
        return problems


def load_story_kinds(path: Path | str) -> StoryKinds:
    """Read and validate a story-kinds file; :class:`ContentError` lists every problem."""
    path = Path(path)
    where, raw = read_content_yaml(path)
    try:
        spec = _File.model_validate(raw)
    except ValidationError as exc:
        raise ContentError(
            [Problem(where, None, ".".join(str(p) for p in e["loc"]) or None, e["msg"]) for e in exc.errors()]
        ) from exc
    problems = []
    if spec.target.max < spec.target.min:
        problems.append(Problem(where, "target", "max", f"must not be less than min ({spec.target.min})"))
    for what, ids in (
        ("kind", [k.id for k in spec.kinds]),
        ("competency", [c.id for c in spec.competencies]),
        ("theme", [t.id for t in spec.themes]),
    ):
        problems += [Problem(where, i, "id", f"duplicate {what} id") for n, i in enumerate(ids) if i in ids[:n]]
    if problems:
        raise ContentError(problems)
    kinds = {
        k.id: KindDef(
            id=k.id,
            name=k.name,
            phrase=k.phrase,
            shows=k.shows,
            themes=tuple(k.themes),
            question_themes=tuple(k.themes if k.question_themes is None else k.question_themes),
            competencies=tuple(k.competencies),
            rule=_rule(k),
            question_rule=Rule(cues=compile_cues(k.question_cues), fields=("question",)),
        )
        for k in spec.kinds
    }
    return StoryKinds(
        target_min=spec.target.min,
        target_max=spec.target.max,
        question_types=tuple(spec.question_types),
        theme_groups=tuple(spec.theme_groups),
        kinds=kinds,
        competency_rules=tuple(CueRule(c.id, _rule(c)) for c in spec.competencies),
        theme_rules=tuple(CueRule(t.id, _rule(t)) for t in spec.themes),
    )


def story_kinds() -> StoryKinds:
    """The story kinds and cue rules of the company served (its own story_kinds.yaml, or the shipped one)."""
    return _story_kinds_of(company_file("story_kinds.yaml"))


@lru_cache(maxsize=8)
def _story_kinds_of(path: Path) -> StoryKinds:
    return load_story_kinds(path)
