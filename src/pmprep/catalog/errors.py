"""Problems found in a content folder, reported all at once."""
from __future__ import annotations

from dataclasses import dataclass


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
