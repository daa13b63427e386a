"""Mock-loop outcomes: each loop's committee decision, and how many loops ended in each.

Every loop counts, finished or not, with the decision the committee gives on what it has now (an
unfinished loop is usually "Not enough evidence yet"); ``rounds_done`` says how far it got. A loop
the committee cannot judge (a track it has no rules for) has no outcome and is not counted.
Outcomes are counted from the weakest to the strongest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pmprep.committee import Outcome

ORDER = (Outcome.NOT_ENOUGH_EVIDENCE, Outcome.NO_HIRE, Outcome.HIRE, Outcome.STRONG_HIRE)


@dataclass(frozen=True)
class LoopResult:
    key: str  # the loop's stable id, for links
    on: date
    track: str
    rounds_done: int
    rounds: int
    outcome: Outcome | None
    overall: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "on": self.on.isoformat(),
            "track": self.track,
            "rounds_done": self.rounds_done,
            "rounds": self.rounds,
            "outcome": self.outcome.value if self.outcome else None,
            "overall": self.overall,
        }


@dataclass(frozen=True)
class LoopOutcomes:
    loops: tuple[LoopResult, ...]  # oldest first
    counts: tuple[tuple[Outcome, int], ...]

    @property
    def empty(self) -> bool:
        return not self.loops

    def to_dict(self) -> dict[str, Any]:
        return {"loops": [r.to_dict() for r in self.loops], "counts": {o.value: n for o, n in self.counts}}


def loop_outcomes(results: Iterable[LoopResult]) -> LoopOutcomes:
    loops = tuple(sorted(results, key=lambda r: (r.on, r.key)))
    return LoopOutcomes(loops, tuple((o, sum(1 for r in loops if r.outcome is o)) for o in ORDER))
