"""What the outreach checker's two content files share: how they are read, how a pattern is written, and
where a problem is.

``outreach_signals.yaml`` (loaded by ``cues``) and ``outreach_rules.yaml`` (loaded by
``rule_content``) hold regular expressions on the folded note (``pmprep.outreach.text.fold``) in
one dialect, so that a content author learns it once: a space stands for any run of whitespace, so
a phrase broken over two lines still matches, and every repeat is capped by ``pmprep.bounded_regex``,
so no note can make a pattern slow. Both files name a problem the same way too: the file, the entry
and the field, every problem at once.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from pmprep.bank import ContentError, Problem
from pmprep.bank.errors import problems_from, read_content_yaml
from pmprep.bounded_regex import bounded

_SPACE = r"\s+"
MAX_PATTERN_CHARS = 600

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]
PatternText = Annotated[str, StringConstraints(min_length=1, max_length=MAX_PATTERN_CHARS)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Model = TypeVar("Model", bound=Strict)


def read_validated(path: Path, model: type[Model], named: frozenset[str] = frozenset()) -> tuple[str, Model]:
    """The file's name as problems cite it, and its YAML as ``model``; :class:`ContentError` when it cannot be
    read or does not fit. ``named``: the sections whose entries a problem names (``rules.resumes``)."""
    where, raw = read_content_yaml(path)
    try:
        return where, model.model_validate(raw)
    except ValidationError as exc:
        raise ContentError(problems_from(where, exc, named=named)) from exc


def compile_pattern(where: str, entry: str, field: str, text: str, problems: list[Problem]) -> re.Pattern[str] | None:
    """``text`` compiled (a space for any whitespace, every repeat bounded), or None with the problem noted."""
    try:
        pattern = bounded(text.replace(" ", _SPACE))
    except re.error as exc:
        problems.append(Problem(where, entry, field, f"is not a valid pattern: {exc}"))
        return None
    if pattern.search("") is not None:
        problems.append(Problem(where, entry, field, "matches empty text, so it would match everywhere"))
        return None
    return pattern
