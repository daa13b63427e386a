"""Interview week: the story portfolio of a loop, questions to ask the interviewer, and a sheet for each round.

    from pmprep.interview_week import loop_rounds, plan_portfolio, check_question, round_sheet, sheet_markdown
    loop = loop_rounds([r.id for r in catalog.rounds_for("early_in")], catalog)
    portfolio = plan_portfolio(loop, stories, catalog, swaps)
    portfolio.plan("ei_hiring_manager").assignments[0].reason

Pure (no Django): values in, values out.
"""

from __future__ import annotations

from pmprep.interview_week.checker import MAX_QUESTION_CHARS, QuestionError, check_question
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
from pmprep.interview_week.question_report import QuestionFlag, QuestionKind, QuestionReport
from pmprep.interview_week.questions import QuestionSet, QuestionsToAsk, questions_to_ask
from pmprep.interview_week.sheet import RoundSheet, case_summary, round_sheet
from pmprep.interview_week.sheet_document import sheet_document, sheet_markdown, sheet_pdf

__all__ = [
    "MAX_QUESTION_CHARS",
    "QuestionError",
    "QuestionFlag",
    "QuestionKind",
    "QuestionReport",
    "QuestionSet",
    "QuestionsToAsk",
    "RoundSheet",
    "case_summary",
    "check_question",
    "questions_to_ask",
    "round_sheet",
    "sheet_document",
    "sheet_markdown",
    "sheet_pdf",
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
