"""The case panel (``panel.yaml`` in the company folder): its roles, and what each asks after the talk.

Each role has a name, general questions (every mock loop's case round puts them to the user) and
questions aimed at the deck sections it pushes on (``pmprep.cases.pacing.qa_probes`` asks the weakest
first). A file with any problem is refused whole, every problem named with the file, the entry (the
role) and the field, as the other content loaders do.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from pmprep.bank import ContentError, Problem
from pmprep.bank.errors import problems_from, read_content_yaml
from pmprep.cases.deck import SectionId
from pmprep.config import active_catalog, company_file

_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]
_Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]


class _Role(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: _Id
    name: _Text
    general: list[_Text] = Field(min_length=1, max_length=10)
    sections: dict[str, list[_Text]] = Field(min_length=1)


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    roles: list[_Role] = Field(min_length=1, max_length=10)


@dataclass(frozen=True)
class PanelRole:
    id: str
    name: str
    general: tuple[str, ...]
    sections: dict[SectionId, tuple[str, ...]]  # in the file's order


@dataclass(frozen=True)
class Panel:
    roles: tuple[PanelRole, ...]

    def role(self, role_id: str) -> PanelRole:
        return next(r for r in self.roles if r.id == role_id)

    @property
    def general(self) -> tuple[str, ...]:
        """Every role's general questions, role by role."""
        return tuple(q for r in self.roles for q in r.general)


def load_panel(path: Path | str, company: str) -> Panel:
    """Read and validate a panel file, with ``{company}`` as the company's name."""
    where, raw = read_content_yaml(Path(path))
    try:
        spec = _File.model_validate(raw)
    except ValidationError as exc:
        raise ContentError(problems_from(where, exc, raw, lists=("roles",))) from exc
    problems: list[Problem] = []
    ids = [r.id for r in spec.roles]
    problems += [Problem(where, i, "id", "another role has this id") for n, i in enumerate(ids) if i in ids[:n]]
    known = [s.value for s in SectionId]
    for role in spec.roles:
        for key, questions in role.sections.items():
            if key not in known:
                problems.append(
                    Problem(
                        where, role.id, f"sections.{key}", f"is not a deck section (expected one of {', '.join(known)})"
                    )
                )
            elif not questions:
                problems.append(Problem(where, role.id, f"sections.{key}", "expected at least one question"))
    if problems:
        raise ContentError(problems)

    def named(text: str) -> str:
        return text.replace("{company}", company)

    return Panel(
        tuple(
            PanelRole(
                r.id,
                r.name,
                tuple(named(q) for q in r.general),
                {SectionId(k): tuple(named(q) for q in qs) for k, qs in r.sections.items()},
            )
            for r in spec.roles
        )
    )


def panel() -> Panel:
    """The panel of the company served (its own panel.yaml, or the shipped one)."""
    return _panel_of(company_file("panel.yaml"), active_catalog().company.name)


@lru_cache(maxsize=8)
def _panel_of(path: Path, company: str) -> Panel:
    return load_panel(path, company)
