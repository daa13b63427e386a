"""pmprep's own scorecard for a mock round, built from the analyzer's feedback on its answers.

The analyzer scores rubric criteria (rubrics.yaml); the committee weighs competencies
(competencies.yaml). The bridge is content: competencies.yaml's ``criteria`` say which competencies
each criterion is evidence for (``Catalog.criterion_competencies``). A competency's rating is the mean
level of its criteria across the round's answers. In a case round, the case rule's
``trade_off_criteria`` (committee.yaml) say whether the trade-offs were quantified.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pmprep.analysis.feedback import CriterionResult, Feedback
from pmprep.bank.model import Catalog
from pmprep.committee.scorecard import Recommendation, Scorecard, Source

RATER = "pmprep"
NO_EVIDENCE = "no evidence in the answers"
EVIDENCE_QUOTES = 2
# A case round's trade-offs count as quantified when one of the case rule's criteria reaches this level.
TRADE_OFFS_QUANTIFIED_LEVEL = 3
# Lowest mean rating for each recommendation, best first.
RECOMMENDATION_CUTS = ((3.5, Recommendation.STRONG_YES), (2.75, Recommendation.YES), (2.0, Recommendation.NO))


@dataclass(frozen=True)
class _Rated:
    competency: str
    rating: int
    mean: float


def auto_scorecard(
    catalog: Catalog,
    round_id: str,
    competencies: Sequence[str],
    feedbacks: Sequence[Feedback],
    is_case: bool,
    *,
    names: Mapping[str, str] | None = None,
) -> Scorecard:
    """The AUTOMATIC scorecard for a round from the analyzer's feedback on its answers, with the
    catalog's criterion-to-competency map and case rule.

    Competencies no analysed criterion bears on are left unrated, with "no evidence" written
    against them. ``names`` (competency id -> display name) is used in the summary only.
    Raises ValueError when no competency of the round can be rated.
    """
    criteria = [c for fb in feedbacks for c in fb.criteria]
    shows = catalog.criterion_competencies
    rated: list[_Rated] = []
    evidence: dict[str, str] = {}
    for competency in competencies:
        bearing = [c for c in criteria if competency in shows.get(c.id, ())]
        evidence[competency] = _evidence(bearing)
        if bearing:
            levels = [c.level for c in bearing]
            rated.append(_Rated(competency, _mean_half_up(levels), sum(levels) / len(levels)))
    if not rated:
        raise ValueError(
            f"automatic scorecard for {round_id}: no analysed criterion bears on its "
            f"competencies ({', '.join(competencies) or 'none given'})"
        )

    mean = sum(r.rating for r in rated) / len(rated)
    # The weakest is the lowest rating; between equal ratings, the lower mean level, then round order.
    weakest = min(rated, key=lambda r: (r.rating, r.mean))
    weakest_name = (names or {}).get(weakest.competency, weakest.competency.replace("_", " "))
    summary = (
        f"Mean rating {mean:.2f} across {len(rated)} rated competencies; "
        f"the weakest is {weakest_name} at {weakest.rating}."
    )
    return Scorecard(
        round_id=round_id,
        source=Source.AUTOMATIC,
        rater=RATER,
        ratings={r.competency: r.rating for r in rated},
        recommendation=_recommendation(mean),
        evidence=evidence,
        summary=summary,
        trade_offs_quantified=(
            _trade_offs_quantified(criteria, catalog.case_rule.trade_off_criteria) if is_case else None
        ),
    )


def _mean_half_up(levels: Sequence[int]) -> int:
    # In whole numbers, so that a mean of exactly 2.5 becomes 3 (Python's round() would give 2).
    return (2 * sum(levels) + len(levels)) // (2 * len(levels))


def _recommendation(mean: float) -> Recommendation:
    return next((rec for cut, rec in RECOMMENDATION_CUTS if mean >= cut), Recommendation.STRONG_NO)


def _evidence(bearing: Sequence[CriterionResult]) -> str:
    """Up to two quotes from the highest-level criterion that has any (the first one on a tie)."""
    quoted = [c for c in bearing if c.evidence]
    if not quoted:
        return NO_EVIDENCE
    best = max(quoted, key=lambda c: c.level)  # max keeps the first of equals
    return "; ".join(f"“{e.text.strip()}” ({best.name})" for e in best.evidence[:EVIDENCE_QUOTES])


def _trade_offs_quantified(criteria: Sequence[CriterionResult], trade_off_criteria: Sequence[str]) -> bool | None:
    """True or False when a trade-off criterion was judged in the round; None when none was."""
    levels = [c.level for c in criteria if c.id in trade_off_criteria]
    if not levels:
        return None
    return max(levels) >= TRADE_OFFS_QUANTIFIED_LEVEL
