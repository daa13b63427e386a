"""A simulated hiring committee: round scorecards in, one explained decision out (no Django)."""

from __future__ import annotations

from pmprep.committee.decision import INFORMAL_REASON, Decision, Outcome, Rules, decide, rule_text, rules_for
from pmprep.committee.scorecard import InformalInput, Recommendation, Scorecard, ScorecardError, Source

__all__ = [
    "INFORMAL_REASON",
    "Decision",
    "InformalInput",
    "Outcome",
    "Recommendation",
    "Rules",
    "Scorecard",
    "ScorecardError",
    "Source",
    "decide",
    "rule_text",
    "rules_for",
]
