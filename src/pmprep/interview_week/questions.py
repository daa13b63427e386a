"""The shipped questions to ask the interviewer (``questions_to_ask.yaml`` in the company folder).

A set holds the questions for one kind of round (its ``rounds``) and, in a case round, one role of the
panel (``panel_role``, a panel.yaml role). A file with any problem is refused whole, every problem named
with the file, the entry (the set) and the field, as the other content loaders do.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from pmprep.bank import ContentError, Problem
from pmprep.bank.errors import problems_from, read_content_yaml
from pmprep.bank.model import Catalog
from pmprep.cases.panel import panel
from pmprep.config import active_catalog, content_folder

MIN_QUESTIONS = 4
_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
_Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]


class _Set(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: _Id
    name: _Text
    rounds: list[_Id] = Field(min_length=1)
    panel_role: _Id | None = None
    questions: list[_Text] = Field(min_length=MIN_QUESTIONS, max_length=20)


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sets: list[_Set] = Field(min_length=1)


@dataclass(frozen=True)
class QuestionSet:
    id: str
    name: str
    rounds: tuple[str, ...]
    panel_role: str | None
    questions: tuple[str, ...]


@dataclass(frozen=True)
class QuestionsToAsk:
    sets: tuple[QuestionSet, ...]

    def for_round(self, round_id: str) -> list[QuestionSet]:
        """The sets for a round, in file order: one set, or one per panel role in a case round."""
        return [s for s in self.sets if round_id in s.rounds]

    def shipped(self, round_id: str) -> list[str]:
        """Every shipped question for a round, set by set, without repeats."""
        return list(dict.fromkeys(q for s in self.for_round(round_id) for q in s.questions))


def load_questions_to_ask(path: Path | str, catalog: Catalog, role_ids: tuple[str, ...]) -> QuestionsToAsk:
    """Read and validate a questions-to-ask file against ``catalog``'s rounds and the panel's ``role_ids``."""
    where, raw = read_content_yaml(Path(path))
    try:
        spec = _File.model_validate(raw)
    except ValidationError as exc:
        raise ContentError(problems_from(where, exc, raw, lists=("sets",))) from exc
    problems: list[Problem] = []
    ids = [s.id for s in spec.sets]
    problems += [Problem(where, i, "id", "another set has this id") for n, i in enumerate(ids) if i in ids[:n]]
    for item in spec.sets:
        for k, round_id in enumerate(item.rounds):
            if round_id not in catalog.rounds:
                problems.append(Problem(where, item.id, f"rounds[{k}]", f"'{round_id}' is not a round in rounds.yaml"))
        if item.panel_role is not None and item.panel_role not in role_ids:
            expected = ", ".join(role_ids)
            problems.append(
                Problem(where, item.id, "panel_role", f"'{item.panel_role}' is not a panel role (expected {expected})")
            )
        seen = [q.casefold() for q in item.questions]
        problems += [
            Problem(where, item.id, f"questions[{n}]", "repeats an earlier question of this set")
            for n, q in enumerate(seen)
            if q in seen[:n]
        ]
    if problems:
        raise ContentError(problems)
    name = catalog.company.name
    return QuestionsToAsk(
        tuple(
            QuestionSet(
                s.id,
                s.name,
                tuple(s.rounds),
                s.panel_role,
                tuple(q.replace("{company}", name) for q in s.questions),
            )
            for s in spec.sets
        )
    )


def questions_to_ask() -> QuestionsToAsk:
    """The questions of the company served: its own questions_to_ask.yaml, or none.

    Unlike the rules files, there is no shipped fallback: the questions name one company's rounds, so a
    company folder without the file has no shipped questions and its users write their own."""
    own = content_folder() / "questions_to_ask.yaml"
    if not own.is_file():
        return QuestionsToAsk(())
    return _questions_of(own, active_catalog(), tuple(r.id for r in panel().roles))


@lru_cache(maxsize=8)
def _questions_of(path: Path, catalog: Catalog, role_ids: tuple[str, ...]) -> QuestionsToAsk:
    return load_questions_to_ask(path, catalog, role_ids)
