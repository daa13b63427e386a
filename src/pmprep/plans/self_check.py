"""The three-question self-check: a career goal with its "why", a target industry, a structured plan.

Each answer is ``clear``, ``vague`` or ``missing``, with the reasons and plain advice:

- **Goal.** Missing when it has no words. Vague when it has fewer than ``MIN_GOAL_WORDS`` (8)
  words, when it gives no reason (none of "because", "since", "so that", "so I can", "in order
  to", "why", "reason", "driven by", "motivated by"), or when its reason is generic ("love
  <the company>", "love watching", "great/big company", "perks", "prestige", "salary", "money").
- **Industry.** Missing when empty. Vague when, once filler words ("the", "industry", "sector",
  "I'm not sure"…) are set aside, nothing is left but broad words ("tech", "software",
  "anything"…). A clear answer outside the company's industry (``company.yaml``'s ``industry``:
  its name, the words that say an answer is about it, what to keep following) gets a note to
  connect it.
- **Plan.** Clear when the user has a structured plan, missing otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from pmprep.bank.schema import Company
from pmprep.bounded_regex import bounded

MIN_GOAL_WORDS = 8
_WORD = bounded(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_REASON = bounded(r"\b(because|since|so that|so i can|so i could|in order to|why|reasons?|driven by|motivated by)\b")
_GENERIC = (
    r"love watching|love the shows|great company|big company|famous company|perks|prestige|salary|money|pays well"
)
_FILLER = {
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "in",
    "to",
    "for",
    "industry",
    "industries",
    "sector",
    "space",
    "field",
    "area",
    "market",
    "i",
    "i'm",
    "im",
    "am",
    "not",
    "sure",
    "maybe",
    "yet",
    "know",
    "don't",
    "dont",
    "do",
    "really",
    "some",
    "kind",
    "sort",
    "something",
    "like",
    "probably",
    "related",
}
_BROAD = {
    "tech",
    "technology",
    "technologies",
    "software",
    "internet",
    "it",
    "anything",
    "any",
    "everything",
    "whatever",
    "idk",
    "unsure",
    "startup",
    "startups",
    "business",
    "product",
    "products",
    "companies",
    "company",
    "big",
    "many",
    "various",
    "general",
    "consumer",
    "digital",
    "online",
    "web",
}


class AnswerStatus(StrEnum):
    CLEAR = "clear"
    VAGUE = "vague"
    MISSING = "missing"


@dataclass(frozen=True)
class CheckAnswer:
    id: str  # goal, industry, plan
    question: str
    answer: str
    status: AnswerStatus
    reasons: tuple[str, ...]
    advice: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "question": self.question,
            "answer": self.answer,
            "status": self.status.value,
            "reasons": list(self.reasons),
            "advice": self.advice,
        }


@dataclass(frozen=True)
class SelfCheck:
    answers: tuple[CheckAnswer, ...]
    clear: int
    summary: str
    next_step: str

    def answer(self, answer_id: str) -> CheckAnswer:
        return next(a for a in self.answers if a.id == answer_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "answers": [a.to_dict() for a in self.answers],
            "clear": self.clear,
            "summary": self.summary,
            "next_step": self.next_step,
        }


@lru_cache(maxsize=8)
def _generic(company: str) -> re.Pattern[str]:
    # The goal is read as its words joined by spaces, so the company's name is too ("Big-tech" is "big tech").
    return bounded(rf"\b(love {re.escape(' '.join(_words(company)))}|{_GENERIC})\b")


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _goal(goal: str, company: Company) -> CheckAnswer:
    question = "What is your career goal, and why?"
    words = _words(goal)
    lowered = " ".join(words)
    if not words:
        return CheckAnswer(
            "goal",
            question,
            goal,
            AnswerStatus.MISSING,
            ("no answer",),
            "Write one or two sentences: the role you want next and why, tied to something you have done.",
        )
    reasons: list[str] = []
    advice: list[str] = []
    if len(words) < MIN_GOAL_WORDS:
        reasons.append(f"only {len(words)} word{'s' if len(words) != 1 else ''} (fewer than {MIN_GOAL_WORDS})")
        advice.append("Say more: which role, what problem you want to work on, and why now.")
    if not _REASON.search(lowered):
        reasons.append("no reason given")
        advice.append('Add the why: finish the sentence with "because …" and tie it to something you have done.')
    if generic := _generic(company.name).search(lowered):
        reasons.append(f'a generic reason ("{generic.group(0)}")')
        advice.append(
            "Swap the generic reason for a specific one: a product decision you admire or a "
            "culture-memo theme you have lived, told through your own story."
        )
    if reasons:
        return CheckAnswer("goal", question, goal, AnswerStatus.VAGUE, tuple(reasons), " ".join(advice))
    return CheckAnswer(
        "goal",
        question,
        goal,
        AnswerStatus.CLEAR,
        (),
        f'Clear. Turn it into a 60-second "why {company.name}, why now" answer and try it in a recruiter-screen drill.',
    )


def _industry(industry: str, company: Company) -> CheckAnswer:
    market = company.industry
    question = "Which industry are you targeting?"
    words = _words(industry)
    if not words:
        return CheckAnswer(
            "industry",
            question,
            industry,
            AnswerStatus.MISSING,
            ("no answer",),
            f"Name the industry you are aiming at; for {company.name} that is {market.name}, "
            "and knowing its competitors is part of the interview.",
        )
    meaningful = [w for w in words if w not in _FILLER]
    if not meaningful or all(w in _BROAD for w in meaningful):
        return CheckAnswer(
            "industry",
            question,
            industry,
            AnswerStatus.VAGUE,
            ("too broad",),
            f"Too broad to prepare for: name the industry (for {company.name}, {market.name}) "
            "and two or three competitors you will follow.",
        )
    if not any(w in market.words for w in words):
        return CheckAnswer(
            "industry",
            question,
            industry,
            AnswerStatus.CLEAR,
            (f"outside {market.name}",),
            f"Clear, but {company.name} competes in {market.name}: be ready to say how "
            "what you know from your industry carries over.",
        )
    return CheckAnswer(
        "industry",
        question,
        industry,
        AnswerStatus.CLEAR,
        (),
        f"Clear. Keep following it: {market.follow}; your plan's research sessions cover them.",
    )


def _plan(has_plan: bool) -> CheckAnswer:
    question = "Do you have a structured preparation plan?"
    if has_plan:
        return CheckAnswer(
            "plan",
            question,
            "yes",
            AnswerStatus.CLEAR,
            (),
            "Good. Keep it current: regenerate it when your interview date or weekly hours "
            "change, and tick tasks off as you go.",
        )
    return CheckAnswer(
        "plan",
        question,
        "no",
        AnswerStatus.MISSING,
        ("no plan",),
        "Make one: a week-by-week plan from your interview date and the hours you have, "
        "with mock loops, stories and drills on your weak spots.",
    )


def self_check(goal: str, industry: str, has_plan: bool, company: Company) -> SelfCheck:
    """The first breakdown: one answer per question, a count of clear answers, and the next step, in the
    words of the company prepared for."""
    answers = (_goal(goal, company), _industry(industry, company), _plan(has_plan))
    clear = sum(1 for a in answers if a.status is AnswerStatus.CLEAR)
    first_gap = next((a for a in answers if a.status is not AnswerStatus.CLEAR), None)
    if first_gap is None:
        summary = "3 of 3 answers are clear: you know where you are going, where, and how."
        next_step = "Move on to practice: your readiness check will now follow your answers and mock loops."
    else:
        summary = f"{clear} of 3 answers are clear."
        next_step = first_gap.advice
    return SelfCheck(answers, clear, summary, next_step)
