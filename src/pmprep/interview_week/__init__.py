"""Interview week: the story portfolio of a loop, questions to ask the interviewer, and a sheet for each round.

    from pmprep.interview_week import loop_rounds, plan_portfolio, check_question, round_sheet
    loop = loop_rounds([r.id for r in catalog.rounds_for("early_in")], catalog)
    portfolio = plan_portfolio(loop, stories, catalog, swaps)
    portfolio.plan("ei_hiring_manager").assignments[0].reason

Pure (no Django): values in, values out.
"""

from __future__ import annotations

from pmprep.interview_week.portfolio import (
    INTERVIEWER_REPEAT,
    PANEL_REPEAT,
    RULES,
    Assignment,
    Broken,
    Interviewer,
    LoopRound,
    Portfolio,
    RoundPlan,
    Swap,
    loop_rounds,
    plan_portfolio,
    round_asks,
    swap_problem,
)

__all__ = [
    "INTERVIEWER_REPEAT",
    "PANEL_REPEAT",
    "RULES",
    "Assignment",
    "Broken",
    "Interviewer",
    "LoopRound",
    "Portfolio",
    "RoundPlan",
    "Swap",
    "loop_rounds",
    "plan_portfolio",
    "round_asks",
    "swap_problem",
]
