"""Where practice time goes: weakness weights, a fair split of drill slots, and what each drill aims at.

Rules (exact):

- The competencies of a track are those any of its rounds lists, in catalog order (the four
  dimensions, then the eight components).
- A competency's weakness weight is ``5 - level`` where ``level`` is its evidence level
  (see ``evidence.summarise``), and ``UNKNOWN_WEIGHT`` (3, as for a level of 2) with no evidence.
  A level-1 competency weighs 4, a level-4 one weighs 1: it keeps a little practice.
- ``S`` drill slots are split in proportion to the weights by the largest-remainder method: each
  competency first gets ``floor(S * w / W)``; the slots left go to the largest remainders, ties to
  the larger weight, then to catalog order.
- The drills are then interleaved so each competency's drills are spread evenly over the
  horizon: the ``j``-th (0-based) of a competency's ``n`` drills sits at ``(j + 1/2) / n``, and the
  drills are ordered by that position (ties in catalog order).
- A competency's drills cycle through the rounds that test it, weakest round first: rounds ordered
  by weakness weight (same rule, from round levels), then required before optional, then round
  order. Each drill asks for the question type most common among the catalog's questions for that
  competency, round and track (ties in the order the round lists its types).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from pmprep.bank.model import Catalog
from pmprep.bank.schema import Round
from pmprep.plans.evidence import LevelSummary

UNKNOWN_WEIGHT = Fraction(3)


def track_competencies(catalog: Catalog, track_id: str) -> list[str]:
    listed = {c for r in catalog.rounds_for(track_id) for c in r.competencies}
    return [c for c in [*catalog.dimensions, *catalog.components] if c in listed]


def weakness(summary: LevelSummary | None) -> Fraction:
    if summary is None or summary.level is None:
        return UNKNOWN_WEIGHT
    return 5 - Fraction(str(summary.level))


def split(slots: int, weights: Mapping[str, Fraction]) -> dict[str, int]:
    """Largest-remainder split of ``slots`` in proportion to ``weights`` (insertion order breaks ties)."""
    total = sum(weights.values())
    if slots <= 0 or total <= 0:
        return {k: 0 for k in weights}
    quotas = {k: slots * w / total for k, w in weights.items()}
    counts = {k: int(q) for k, q in quotas.items()}
    order = list(weights)
    left = slots - sum(counts.values())
    by_remainder = sorted(order, key=lambda k: (-(quotas[k] - counts[k]), -weights[k], order.index(k)))
    for k in by_remainder[:left]:
        counts[k] += 1
    return counts


def interleave(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """``(competency, j)`` pairs spread evenly: the j-th of n sits at (j + 1/2) / n."""
    order = list(counts)
    pairs = [(c, j) for c in order for j in range(counts[c])]
    return sorted(pairs, key=lambda p: (Fraction(2 * p[1] + 1, 2 * counts[p[0]]), order.index(p[0])))


@dataclass(frozen=True)
class DrillTarget:
    competency_id: str
    round_id: str
    question_type: str


def rounds_testing(
    catalog: Catalog, track_id: str, competency_id: str, round_levels: Mapping[str, LevelSummary]
) -> list[Round]:
    rounds = [r for r in catalog.rounds_for(track_id) if competency_id in r.competencies]
    return sorted(rounds, key=lambda r: (-weakness(round_levels.get(r.id)), r.optional, r.order))


def question_type_for(catalog: Catalog, track_id: str, competency_id: str, rnd: Round) -> str:
    counts = Counter(
        q.type
        for q in catalog.questions.values()
        if track_id in q.tracks and rnd.id in q.rounds and competency_id in q.competencies
    )
    types = list(rnd.question_types)
    return max(types, key=lambda t: (counts[t], -types.index(t)))


def drill_target(
    catalog: Catalog, track_id: str, competency_id: str, ordinal: int, round_levels: Mapping[str, LevelSummary]
) -> DrillTarget:
    """What the ``ordinal``-th (1-based) drill of a competency aims at."""
    rounds = rounds_testing(catalog, track_id, competency_id, round_levels)
    rnd = rounds[(ordinal - 1) % len(rounds)]
    return DrillTarget(competency_id, rnd.id, question_type_for(catalog, track_id, competency_id, rnd))


def spread(slots: int, weights: Mapping[str, Fraction]) -> list[tuple[str, int]]:
    """Split then interleave: the drill order for ``slots`` slots."""
    return interleave(split(slots, weights))


def weights_for(competencies: Sequence[str], levels: Mapping[str, LevelSummary]) -> dict[str, Fraction]:
    return {c: weakness(levels.get(c)) for c in competencies}
