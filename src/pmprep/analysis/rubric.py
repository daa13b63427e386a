"""The rubric definitions (names and descriptions) shipped in the content folder."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from pmprep.catalog import SHIPPED

TYPES = ("behavioral", "product_design", "strategy", "metrics", "technical", "estimation", "culture")


@dataclass(frozen=True)
class CriterionDef:
    id: str
    name: str
    what: str
    common: bool


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
    raw = yaml.safe_load((SHIPPED / "rubrics.yaml").read_text(encoding="utf-8"))

    def defs(items: list[dict], common: bool = False) -> list[CriterionDef]:
        return [CriterionDef(i["id"], i["name"], i["what"], common) for i in items]

    return Rubrics(
        common=defs(raw["common"], common=True),
        by_type={t: defs(raw["types"][t]) for t in TYPES},
        red_flags={d.id: d for d in defs(raw["red_flags"])},
        levels={int(k): v for k, v in raw["levels"].items()},
        anchors={int(k): v for k, v in raw["anchors"].items()},
    )
