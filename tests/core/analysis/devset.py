"""The labelled development set in tests/data/answers, loaded once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[2] / "data" / "answers"
RANK = {"strong": 4, "average": 3, "weak": 2, "poor": 1}


@lru_cache(maxsize=1)
def groups() -> tuple[dict, ...]:
    out: list[dict] = []
    for path in sorted(DATA.glob("*.yaml")):
        out += yaml.safe_load(path.read_text(encoding="utf-8"))["groups"]
    return tuple(out)


def variant(group: dict, name: str) -> dict:
    return next(a for a in group["answers"] if a["variant"] == name)
