"""The rubric definitions (names and descriptions) shipped in the content folder."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pmprep.catalog import SHIPPED, ContentError, Problem
from pmprep.catalog.errors import read_content_yaml

TYPES = ("behavioral", "product_design", "strategy", "metrics", "technical", "estimation", "culture")


@dataclass(frozen=True)
class CriterionDef:
    id: str
    name: str
    what: str
    common: bool
    probe: str = ""  # what an interviewer asks when the answer falls short here


@dataclass(frozen=True)
class Rubrics:
    common: list[CriterionDef]
    by_type: dict[str, list[CriterionDef]]
    red_flags: dict[str, CriterionDef]
    levels: dict[int, str]
    anchors: dict[int, str]

    def for_type(self, question_type: str) -> list[CriterionDef]:
        return self.by_type[question_type] + self.common


@lru_cache(maxsize=1)
def rubrics() -> Rubrics:
    return load_rubrics(SHIPPED / "rubrics.yaml")


def load_rubrics(path: Path) -> Rubrics:
    """The rubric file, refused with the file, entry and field of every problem: each criterion and red
    flag needs an id, a name, what it means and the follow-up an interviewer asks when it is missing."""
    where, raw = read_content_yaml(path)
    problems: list[Problem] = []

    def defs(items, section: str, common: bool = False) -> list[CriterionDef]:
        if not isinstance(items, list):
            problems.append(Problem(where, section, None, "expected a list of criteria"))
            return []
        out = []
        for n, item in enumerate(items):
            entry = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else f"{section}[{n}]"
            if not isinstance(item, dict):
                problems.append(Problem(where, entry, None, "expected a mapping with id, name, what and probe"))
                continue
            bad = [f for f in ("id", "name", "what", "probe") if not isinstance(item.get(f), str) or not item[f].strip()]
            problems.extend(Problem(where, entry, f, "expected non-empty text") for f in bad)
            problems.extend(Problem(where, entry, f, "is not a field of a criterion")
                            for f in sorted(set(item) - {"id", "name", "what", "probe"}))
            if not bad:
                out.append(CriterionDef(item["id"], item["name"], item["what"], common, item["probe"].strip()))
        return out

    if not isinstance(raw, dict):
        raise ContentError([Problem(where, None, None, "expected a mapping with common, types and red_flags")])
    types = raw.get("types") if isinstance(raw.get("types"), dict) else {}
    for t in TYPES:
        if t not in types:
            problems.append(Problem(where, "types", t, "the question type has no criteria"))
    result = Rubrics(
        common=defs(raw.get("common"), "common", common=True),
        by_type={t: defs(types.get(t), f"types.{t}") for t in TYPES},
        red_flags={d.id: d for d in defs(raw.get("red_flags"), "red_flags")},
        levels={int(k): v for k, v in (raw.get("levels") or {}).items()},
        anchors={int(k): v for k, v in (raw.get("anchors") or {}).items()},
    )
    if problems:
        raise ContentError(problems)
    return result
