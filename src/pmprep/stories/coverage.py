"""How well a bank of stories covers what behavioural and culture questions ask for.

The matrix has one row per story and one column per:

- **kind** in story_kinds.yaml (launch, failure, conflict, …), in file order;
- **competency** that at least one behavioural or culture question of the catalog tests
  (dimensions first, then components, in catalog order);
- **theme** of the behavioural and culture groups of themes.yaml, in catalog order.

A cell holds the reasons the story covers that column (see :mod:`pmprep.stories.kinds`). A column
no story covers is a gap, named in plain words; a theme gap is left out when the gap of a kind that
covers that theme already says it ("No story shows a failure" stands for the theme 'A failure').

A story is **overused** when either rule holds (both are about leaning on one story, which an
interview loop of four or five rounds will expose):

1. it is the only story for ``SOLE_KINDS_LIMIT`` (3) or more kinds; or
2. the bank has at least ``SHARE_MIN_STORIES`` (3) stories and this one covers at least
   ``SHARE_LIMIT`` (60%) of all the cells the bank covers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pmprep.bank.model import Catalog
from pmprep.stories.cues import story_kinds
from pmprep.stories.kinds import Reason, StoryProfile, story_profile
from pmprep.stories.story import StarStory

SOLE_KINDS_LIMIT = 3
SHARE_LIMIT = 0.6
SHARE_MIN_STORIES = 3


@dataclass(frozen=True)
class Column:
    key: str  # "kind:failure", "competency:data_literacy", "theme:ethical_call"
    group: str  # "kind", "competency" or "theme"
    id: str
    name: str

    def to_dict(self) -> dict:
        return {"key": self.key, "group": self.group, "id": self.id, "name": self.name}


@dataclass(frozen=True)
class Gap:
    key: str
    message: str

    def to_dict(self) -> dict:
        return {"key": self.key, "message": self.message}


@dataclass(frozen=True)
class Overuse:
    story_id: str
    title: str
    rules: tuple[str, ...]  # "sole_kinds", "share"
    message: str

    def to_dict(self) -> dict:
        return {"story_id": self.story_id, "title": self.title, "rules": list(self.rules), "message": self.message}


@dataclass(frozen=True)
class Coverage:
    story_ids: tuple[str, ...]
    titles: dict[str, str]
    columns: tuple[Column, ...]
    cells: dict[str, dict[str, tuple[Reason, ...]]]  # story id -> column key -> reasons (covered cells only)
    gaps: tuple[Gap, ...]
    overused: tuple[Overuse, ...]
    count: int
    target_min: int
    target_max: int
    target_message: str

    def covers(self, story_id: str, key: str) -> bool:
        return key in self.cells.get(story_id, {})

    def stories_for(self, key: str) -> list[str]:
        """The stories covering a column, in bank order."""
        return [s for s in self.story_ids if key in self.cells[s]]

    def to_dict(self) -> dict:
        return {
            "stories": [{"id": s, "title": self.titles[s]} for s in self.story_ids],
            "columns": [c.to_dict() for c in self.columns],
            "cells": {s: {k: [r.to_dict() for r in rs] for k, rs in cells.items()} for s, cells in self.cells.items()},
            "gaps": [g.to_dict() for g in self.gaps],
            "overused": [o.to_dict() for o in self.overused],
            "count": self.count,
            "target_min": self.target_min,
            "target_max": self.target_max,
            "target_message": self.target_message,
        }


def columns(catalog: Catalog) -> list[Column]:
    """The matrix columns for ``catalog`` (see the module docstring for which and in what order)."""
    book = story_kinds()
    out = [Column(f"kind:{k.id}", "kind", k.id, k.name) for k in book.kinds.values()]
    tested = {c for q in catalog.questions.values() if q.type in book.question_types for c in q.competencies}
    out += [
        Column(f"competency:{c}", "competency", c, catalog.competency_name(c))
        for c in [*catalog.dimensions, *catalog.components]
        if c in tested
    ]
    out += [
        Column(f"theme:{t.id}", "theme", t.id, t.name) for t in catalog.themes.values() if t.group in book.theme_groups
    ]
    return out


def _cells(profile: StoryProfile, cols: list[Column]) -> dict[str, tuple[Reason, ...]]:
    by_kind = {
        k.kind: (Reason("chosen" if k.chosen else "cue", k.reason, kind=k.kind, hits=k.hits),) for k in profile.kinds
    }
    found: dict[str, Mapping[str, tuple[Reason, ...]]] = {
        "kind": by_kind,
        "competency": profile.competencies,
        "theme": profile.themes,
    }
    return {c.key: found[c.group][c.id] for c in cols if c.id in found[c.group]}


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _gap(column: Column) -> str:
    if column.group == "kind":
        return f"No story shows {story_kinds().kinds[column.id].phrase}"
    return f"No story covers the {column.group} '{column.name}'"


def _target(count: int, low: int, high: int) -> str:
    stories = f"{count} stor{'y' if count == 1 else 'ies'}"
    if count == 0:
        return f"You have no stories yet; the sources suggest {low}–{high}."
    if count < low:
        return f"You have {stories}; the sources suggest {low}–{high}."
    if count > high:
        return f"You have {stories}; the sources suggest {low}–{high}: keep the strongest and know each one well."
    return f"You have {stories}, within the {low}–{high} the sources suggest."


def coverage(stories: Sequence[StarStory], catalog: Catalog) -> Coverage:
    """The story × (kinds, competencies, themes) matrix, its gaps, overused stories and the 6–8 target."""
    ids = [s.id for s in stories]
    duplicates = sorted({i for n, i in enumerate(ids) if i in ids[:n]})
    if duplicates:
        raise ValueError(f"story ids must be unique; repeated: {', '.join(duplicates)}")
    book = story_kinds()
    cols = columns(catalog)
    cells = {s.id: _cells(story_profile(s, catalog), cols) for s in stories}
    empty = [c for c in cols if not any(c.key in cells[s] for s in ids)]
    # "No story shows a failure" already says "No story covers the theme 'A failure'".
    said = {t for c in empty if c.group == "kind" for t in book.kinds[c.id].themes}
    gaps = tuple(Gap(c.key, _gap(c)) for c in empty if not (c.group == "theme" and c.id in said))

    covered = {k for row in cells.values() for k in row}
    overused = []
    for story in stories:
        row = cells[story.id]
        rules, reasons = [], []
        sole = [
            k.removeprefix("kind:")
            for k in row
            if k.startswith("kind:") and all(k not in cells[o] for o in ids if o != story.id)
        ]
        if len(sole) >= SOLE_KINDS_LIMIT:
            rules.append("sole_kinds")
            reasons.append(f"it is your only story for {_join([book.kinds[k].phrase for k in sole])}")
        share = len(row) / len(covered) if covered else 0.0
        if len(stories) >= SHARE_MIN_STORIES and share >= SHARE_LIMIT:
            rules.append("share")
            reasons.append(f"it covers {len(row)} of the {len(covered)} cells your bank covers ({share:.0%})")
        if rules:
            message = (
                f"'{story.title}' carries too much: {'; '.join(reasons)}. One story cannot answer several "
                "rounds of the same loop; write another story for some of these."
            )
            overused.append(Overuse(story.id, story.title, tuple(rules), message))

    return Coverage(
        story_ids=tuple(ids),
        titles={s.id: s.title for s in stories},
        columns=tuple(cols),
        cells=cells,
        gaps=gaps,
        overused=tuple(overused),
        count=len(stories),
        target_min=book.target_min,
        target_max=book.target_max,
        target_message=_target(len(stories), book.target_min, book.target_max),
    )
