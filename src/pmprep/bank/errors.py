"""Problems found in a content folder, reported all at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# libyaml's parser when PyYAML has it: the same results as the pure-Python one, several times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content: which file, which entry, which field, and what."""

    file: str
    entry: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.entry:
            where += f" › entry '{self.entry}'"
        if self.field:
            where += f" › field '{self.field}'"
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, str | None]:
        return {"file": self.file, "entry": self.entry, "field": self.field, "message": self.message}


class ContentError(Exception):
    """Raised when a content folder cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the content:\n{lines}")


def read_content_yaml(path: Path) -> tuple[str, Any]:
    """A content file's name as problems cite it (``netflix/shapes.yaml``) and its parsed YAML;
    :class:`ContentError` when it cannot be read or parsed."""
    where = f"{path.parent.name}/{path.name}"
    try:
        return where, yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ContentError([Problem(where, None, None, f"cannot be read: {exc}")]) from exc


def problems_from(
    where: str, error: Any, raw: Any = None, lists: tuple[str, ...] = (), named: frozenset[str] = frozenset()
) -> list[Problem]:
    """A pydantic ``ValidationError`` on a content file as problems. The entry is the first step of each
    error's location; for an item of one of ``lists`` (a list of entries with ids, read from ``raw``) its
    ``id``, or its position when it has none; for an entry of one of the ``named`` sections (a mapping of
    names to entries) the section and the name (``rules.resumes``). The field is the rest of the location
    (``grades.small.reason``, ``general[1]``)."""
    out = []
    for e in error.errors():
        loc = tuple(e["loc"])
        entry: str | None = str(loc[0]) if loc else None
        rest = loc[1:]
        if loc[:1] and loc[0] in lists and len(loc) > 1 and isinstance(loc[1], int):
            items = raw.get(loc[0]) if isinstance(raw, dict) else None
            item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
            name = item.get("id") if isinstance(item, dict) else None
            entry, rest = (name if isinstance(name, str) else f"{loc[0]}[{loc[1]}]"), loc[2:]
        elif loc[:1] and loc[0] in named and len(loc) > 1:
            entry, rest = f"{loc[0]}.{loc[1]}", loc[2:]
        field = ""
        for part in rest:
            field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else str(part))
        out.append(Problem(where, entry, field or None, e["msg"]))
    return out
