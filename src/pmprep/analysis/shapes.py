"""Answer shapes within a question type (``shapes.yaml``): which one a question asks for, and how it
shifts the weight of the type's criteria."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from pmprep.analysis.company_files import question_types
from pmprep.analysis.rubric import rubrics
from pmprep.bank import SHIPPED, ContentError, Problem
from pmprep.bank.errors import read_content_yaml
from pmprep.config import company_file
from pmprep.cue_words import CueSet, compile_cues, fold

SHAPES_FILE = SHIPPED / "shapes.yaml"
# A type with one shape has it implicitly: its id and name.
SINGLE = {
    "behavioral": ("story", "A story from your experience"),
    "culture": ("fit", "Motivation and fit"),
    "strategy": ("strategy", "A strategic choice"),
    "estimation": ("estimation", "An estimate"),
}

_Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", min_length=2, max_length=40)]
_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
_Cue = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]


class _ShapeSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: _Id
    name: _Text
    what: _Text
    cues: list[_Cue] = []
    weights: dict[_Id, Annotated[float, Field(gt=0, le=3)]] = {}


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    shapes: dict[_Id, list[_ShapeSpec]]


@dataclass(frozen=True)
class Shape:
    id: str
    name: str
    what: str
    cues: CueSet | None  # None: the type's default
    weights: MappingProxyType  # criterion id -> multiplier

    def weight(self, criterion_id: str) -> float:
        return self.weights.get(criterion_id, 1.0)


def load_shapes(path: Path | str) -> dict[str, tuple[Shape, ...]]:
    """Read and validate a shapes file; :class:`ContentError` names file, entry and field."""
    path = Path(path)
    where, raw = read_content_yaml(path)
    try:
        spec = _File.model_validate(raw)
    except ValidationError as exc:
        raise ContentError(
            [Problem(where, None, ".".join(str(p) for p in e["loc"]) or None, e["msg"]) for e in exc.errors()]
        ) from exc
    problems: list[Problem] = []
    out: dict[str, tuple[Shape, ...]] = {}
    for qtype, specs in spec.shapes.items():
        if qtype not in question_types():
            problems.append(
                Problem(where, qtype, None, f"not a question type (expected one of {', '.join(question_types())})")
            )
            continue
        criteria = {c.id for c in rubrics().for_type(qtype)}
        ids = [s.id for s in specs]
        for n, s in enumerate(specs):
            entry = f"{qtype} › {s.id}"
            if s.id in ids[:n]:
                problems.append(Problem(where, entry, "id", "duplicate shape id"))
            last = n == len(specs) - 1
            if last and s.cues:
                problems.append(
                    Problem(where, entry, "cues", "the last shape of a type is its default and has no cues")
                )
            if not last and not s.cues:
                problems.append(Problem(where, entry, "cues", "required (only the last shape, the default, has none)"))
            problems += [
                Problem(where, entry, f"weights.{c}", f"not a criterion of {qtype} questions")
                for c in s.weights
                if c not in criteria
            ]
        out[qtype] = tuple(
            Shape(s.id, s.name, s.what, compile_cues(s.cues) if s.cues else None, MappingProxyType(dict(s.weights)))
            for s in specs
        )
    if problems:
        raise ContentError(problems)
    types = question_types()
    # A type with one shape only: named in SINGLE, or after the type.
    for qtype in [*(t for t in SINGLE if t in types), *(t for t in types if t not in SINGLE)]:
        sid, name = SINGLE.get(qtype, (qtype, qtype.replace("_", " ").capitalize()))
        out.setdefault(qtype, (Shape(sid, name, name + ".", None, MappingProxyType({})),))
    return out


def shipped_shapes() -> dict[str, tuple[Shape, ...]]:
    """The answer shapes of the company served (its own shapes.yaml, or the shipped one), for its types."""
    return _shapes_of(company_file("shapes.yaml"), question_types())


@lru_cache(maxsize=8)
def _shapes_of(path: Path, types: tuple[str, ...]) -> dict[str, tuple[Shape, ...]]:
    return load_shapes(path)


def shape_of(question: str, question_type: str, shapes: dict[str, tuple[Shape, ...]] | None = None) -> Shape:
    """The shape ``question`` asks for within ``question_type``: the first whose cues it contains."""
    options = (shapes or shipped_shapes())[question_type]
    folded = fold(question[:5000])
    for shape in options:
        if shape.cues is None or shape.cues.first(folded):
            return shape
    return options[-1]


def shape_type(shape_id: str) -> str | None:
    """The question type a shape belongs to (None for no shape of that id)."""
    return next((t for t, shapes in shipped_shapes().items() for s in shapes if s.id == shape_id), None)


def shape_named(question_type: str, shape_id: str) -> Shape:
    """A type's shape by id; ``ValueError`` names the ones there are."""
    options = shipped_shapes()[question_type]
    for shape in options:
        if shape.id == shape_id:
            return shape
    raise ValueError(f"shape {shape_id!r} is not one of {question_type}'s: {', '.join(s.id for s in options)}")
