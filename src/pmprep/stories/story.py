"""A STAR story as the candidate wrote it, validated, with ``to_dict``/``from_dict``.

Rules a story enforces when it is built (every problem is reported in one :class:`StoryError`):

- ``id`` and ``title`` are non-blank text; ``id`` at most 100 characters, ``title`` at most 200;
- ``situation``, ``task``, ``action``, ``result``, ``reflection`` and ``notes`` are text (empty is
  allowed: a story may be a draft), each at most 5,000 characters;
- ``tags`` is a list of at most 20 non-blank texts of at most 40 characters;
- ``kinds`` are ids from story_kinds.yaml and ``competencies`` ids from the shipped catalog's
  competencies (dimensions and components).

The STAR fields are kept exactly as written (no stripping), so character offsets into them
(evidence spans) stay valid for the text the user sees. Tags, kinds and competencies are
de-duplicated in order of first appearance.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pmprep.config import active_catalog
from pmprep.stories.cues import story_kinds

# The five parts of a story, in telling order. ``reflection`` is the fifth step the sources add to STAR.
STAR_FIELDS = ("situation", "task", "action", "result", "reflection")
TEXT_FIELDS = (*STAR_FIELDS, "notes")
LIST_FIELDS = ("tags", "kinds", "competencies")
KNOWN_FIELDS = ("id", "title", *TEXT_FIELDS, *LIST_FIELDS)

MAX_ID_CHARS = 100
MAX_TITLE_CHARS = 200
MAX_FIELD_CHARS = 5_000
MAX_TAGS = 20
MAX_TAG_CHARS = 40


class StoryError(ValueError):
    """A story that cannot be built; ``problems`` lists every bad field as ``"field: what is wrong"``."""

    def __init__(self, problems: Iterable[str]):
        self.problems = tuple(problems)
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the story: " + "; ".join(self.problems))


def _found(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if value is None:
        return "nothing"
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


@dataclass(frozen=True)
class StarStory:
    """One story in the bank. Lists are stored as tuples; ``to_dict`` gives lists back."""

    id: str
    title: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    reflection: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        problems = _problems({k: getattr(self, k) for k in KNOWN_FIELDS})
        if problems:
            raise StoryError(problems)
        object.__setattr__(self, "tags", _dedupe(t.strip() for t in self.tags))
        object.__setattr__(self, "kinds", _dedupe(self.kinds))
        object.__setattr__(self, "competencies", _dedupe(self.competencies))

    def field(self, name: str) -> str:
        """The text of a STAR field, the title or the notes, by name."""
        if name != "title" and name not in TEXT_FIELDS:
            raise KeyError(name)
        return getattr(self, name)

    def filled(self) -> list[str]:
        """The STAR fields that have text (not only whitespace), in telling order."""
        return [f for f in STAR_FIELDS if getattr(self, f).strip()]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            **{f: getattr(self, f) for f in TEXT_FIELDS},
            **{f: list(getattr(self, f)) for f in LIST_FIELDS},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StarStory:
        """Build a story from JSON-like data, reporting every bad, missing or unknown field in one error."""
        if not isinstance(data, Mapping):
            raise StoryError([f"story: expected a mapping of fields (found {_found(data)})"])
        problems = [f"{key}: is required" for key in ("id", "title") if key not in data]
        problems += _problems(data)
        problems += [f"{key}: is not a known field" for key in data if key not in KNOWN_FIELDS]
        if problems:
            raise StoryError(problems)
        fields: dict[str, Any] = {k: tuple(v) if k in LIST_FIELDS else v for k, v in data.items()}
        return cls(**fields)


def _problems(values: Mapping[str, Any]) -> list[str]:
    """Every type, length, blankness and unknown-id problem of the fields present, in field order."""
    problems: list[str] = []
    limits = {"id": MAX_ID_CHARS, "title": MAX_TITLE_CHARS, **{f: MAX_FIELD_CHARS for f in TEXT_FIELDS}}
    for key, limit in limits.items():
        if key not in values:
            continue
        value = values[key]
        if not isinstance(value, str):
            problems.append(f"{key}: expected text (found {_found(value)})")
        elif key in ("id", "title") and not value.strip():
            problems.append(f"{key}: must not be empty")
        elif len(value) > limit:
            problems.append(f"{key}: {len(value):,} characters; the limit is {limit:,}")
    known_kinds = story_kinds().kinds
    catalog = active_catalog()
    for key in LIST_FIELDS:
        if key not in values:
            continue
        items = values[key]
        if isinstance(items, str) or not isinstance(items, (list, tuple)):
            problems.append(f"{key}: expected a list of text (found {_found(items)})")
            continue
        if key == "tags" and len(items) > MAX_TAGS:
            problems.append(f"tags: {len(items)} tags; the limit is {MAX_TAGS}")
        for i, item in enumerate(items):
            where = f"{key}[{i}]"
            if not isinstance(item, str):
                problems.append(f"{where}: expected text (found {_found(item)})")
            elif key == "tags" and not item.strip():
                problems.append(f"{where}: must not be empty")
            elif key == "tags" and len(item.strip()) > MAX_TAG_CHARS:
                problems.append(f"{where}: {len(item.strip())} characters; the limit is {MAX_TAG_CHARS}")
            elif key == "kinds" and item not in known_kinds:
                problems.append(f"{where}: unknown kind '{item}' (one of: {', '.join(known_kinds)})")
            elif key == "competencies" and item not in catalog.dimensions and item not in catalog.components:
                problems.append(f"{where}: unknown competency '{item}'")
    return problems
