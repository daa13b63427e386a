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
