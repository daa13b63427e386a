"""pmprep's own scorecard for a mock round, built from the analyzer's feedback on its answers.

The analyzer scores rubric criteria (rubrics.yaml); the committee weighs competencies
(competencies.yaml). ``CRITERION_COMPETENCIES`` is the bridge: which competencies a criterion is
evidence for. A competency's rating is the mean level of its criteria across the round's answers.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pmprep.analysis.feedback import CriterionResult, Feedback
from pmprep.committee.scorecard import Recommendation, Scorecard, Source

RATER = "pmprep"
NO_EVIDENCE = "no evidence in the answers"
EVIDENCE_QUOTES = 2
# A case round's trade-offs count as quantified when one of these criteria reaches this level.
TRADE_OFF_CRITERIA = ("tradeoffs", "options_tradeoffs", "metric_tradeoffs")
TRADE_OFFS_QUANTIFIED_LEVEL = 3
# Lowest mean rating for each recommendation, best first.
RECOMMENDATION_CUTS = ((3.5, Recommendation.STRONG_YES), (2.75, Recommendation.YES), (2.0, Recommendation.NO))

CRITERION_COMPETENCIES: Mapping[str, tuple[str, ...]] = {
    # Common to every type. Specificity and concision are about how an answer is told, not what it
    # shows, so they shape the analyzer's score but are no competency's evidence.
    "structure": ("case_solving",),
    "specificity": (),
    "concision": (),
    "conclusion": ("case_solving",),
    # Coverage of a bank question's talking points shapes the score; which competencies the points
    # bear on differs by question, so it is no competency's evidence by itself.
    "coverage": (),
    # Behavioural
    "situation": ("job_awareness", "customer_obsession"),
    "ownership": ("culture_leadership",),
    "actions": ("strategy_execution",),
    "result": ("strategy_execution", "data_literacy"),
    "reflection": ("culture_leadership",),
    "tradeoffs_stakeholders": ("scope_control", "culture_leadership"),
    # Product design
    "problem_framing": ("customer_obsession", "case_solving"),
    "user_segment": ("customer_obsession", "product_design"),
    "metrics_first": ("data_literacy", "quantitative_metrics"),
    "options": ("product_design", "case_solving"),
    "tradeoffs": ("case_solving", "quantitative_metrics"),
    "scoped_v1": ("scope_control", "strategy_execution"),
    "risks_rollout": ("scope_control",),
    # Metrics
    "goal_first": ("customer_obsession", "data_literacy"),
    "north_star": ("data_literacy", "quantitative_metrics"),
    "diagnosis": ("data_literacy", "quantitative_metrics"),
    "experiment": ("quantitative_metrics", "technical_fluency"),
    "metric_tradeoffs": ("quantitative_metrics", "case_solving"),
    # Technical
    "requirements": ("technical_judgment",),
    "concepts": ("technical_judgment", "technical_fluency"),
    "options_compared": ("technical_judgment", "technical_fluency"),
    "debugging": ("technical_fluency", "data_literacy"),
    "rollout_rollback": ("scope_control", "technical_fluency"),
    "honest_limits": ("technical_judgment", "culture_leadership"),  # candour about what you don't know
    # Strategy
    "goal_context": ("strategy_execution", "company_awareness"),
    "market_facts": ("company_awareness",),
    "netflix_advantage": ("company_awareness", "strategy_execution"),
    "options_tradeoffs": ("case_solving", "strategy_execution"),
    "success_metrics": ("data_literacy", "quantitative_metrics"),
    "risks": ("scope_control",),
    "phased_plan": ("strategy_execution", "scope_control"),
    # Estimation
    "assumptions": ("quantitative_metrics",),
    "segmentation": ("quantitative_metrics", "case_solving"),
    "arithmetic": ("quantitative_metrics",),
    "sanity_check": ("quantitative_metrics", "data_literacy"),
    "range_answer": ("quantitative_metrics",),
    # Culture
    "culture_themes": ("culture_leadership",),
    "personal_story": ("culture_leadership",),
    "company_knowledge": ("company_awareness",),
    "contribution": ("job_awareness",),
}


@dataclass(frozen=True)
class _Rated:
    competency: str
    rating: int
    mean: float


def auto_scorecard(round_id: str, competencies: Sequence[str], feedbacks: Sequence[Feedback],
                   is_case: bool, *, names: Mapping[str, str] | None = None) -> Scorecard:
    """The AUTOMATIC scorecard for a round from the analyzer's feedback on its answers.

    Competencies no analysed criterion bears on are left unrated, with "no evidence" written
    against them. ``names`` (competency id -> display name) is used in the summary only.
    Raises ValueError when no competency of the round can be rated.
    """
    criteria = [c for fb in feedbacks for c in fb.criteria]
    rated: list[_Rated] = []
    evidence: dict[str, str] = {}
    for competency in competencies:
        bearing = [c for c in criteria if competency in CRITERION_COMPETENCIES.get(c.id, ())]
        evidence[competency] = _evidence(bearing)
        if bearing:
            levels = [c.level for c in bearing]
            rated.append(_Rated(competency, _mean_half_up(levels), sum(levels) / len(levels)))
    if not rated:
        raise ValueError(f"automatic scorecard for {round_id}: no analysed criterion bears on its "
                         f"competencies ({', '.join(competencies) or 'none given'})")

    mean = sum(r.rating for r in rated) / len(rated)
    # The weakest is the lowest rating; between equal ratings, the lower mean level, then round order.
    weakest = min(rated, key=lambda r: (r.rating, r.mean))
    weakest_name = (names or {}).get(weakest.competency, weakest.competency.replace("_", " "))
    summary = (f"Mean rating {mean:.2f} across {len(rated)} rated competencies; "
               f"the weakest is {weakest_name} at {weakest.rating}.")
    return Scorecard(
        round_id=round_id,
        source=Source.AUTOMATIC,
        rater=RATER,
        ratings={r.competency: r.rating for r in rated},
        recommendation=_recommendation(mean),
        evidence=evidence,
        summary=summary,
        trade_offs_quantified=_trade_offs_quantified(criteria) if is_case else None,
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


def _trade_offs_quantified(criteria: Sequence[CriterionResult]) -> bool | None:
    """True or False when a trade-off criterion was judged in the round; None when none was."""
    levels = [c.level for c in criteria if c.id in TRADE_OFF_CRITERIA]
    if not levels:
        return None
    return max(levels) >= TRADE_OFFS_QUANTIFIED_LEVEL
