"""What the outreach checker's two content files share: how a pattern is written, and where a problem is.

``outreach_signals.yaml`` (loaded by ``cues``) and ``outreach_rules.yaml`` (loaded by
``rule_content``) hold regular expressions on the folded note (``pmprep.outreach.text.fold``) in
one dialect, so that a content author learns it once: a space stands for any run of whitespace, so
a phrase broken over two lines still matches, and every repeat is capped by ``pmprep.bounded_regex``,
so no note can make a pattern slow. Both files name a problem the same way too: the file, the entry
and the field, every problem at once.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from pmprep.bank import Problem
from pmprep.bounded_regex import bounded

_SPACE = r"\s+"
MAX_PATTERN_CHARS = 600

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]
PatternText = Annotated[str, StringConstraints(min_length=1, max_length=MAX_PATTERN_CHARS)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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


def validation_problems(where: str, exc: ValidationError, named: frozenset[str] = frozenset()) -> list[Problem]:
    """pydantic's errors as problems. The entry is the top-level key, or in a section of ``named``
    entries (``rules``) the section and the entry's name (``rules.resumes``); the field is the rest."""
    problems = []
    for error in exc.errors():
        loc = error["loc"]
        cut = 2 if len(loc) > 1 and loc[0] in named else 1
        problems.append(Problem(where, ".".join(str(p) for p in loc[:cut]) or None, _field(loc[cut:]), error["msg"]))
    return problems


def _field(loc: tuple[Any, ...]) -> str | None:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or None
