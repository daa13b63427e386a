"""Rehearsal: how long to spend on each section of the talk, and what the panel will ask after it.

**Pacing.** The case talk is 20 to 30 minutes (the experienced track's published length; pmprep
uses the same slot for the early-in panel). Every section gets one minute; the rest of the talk
is shared out in half-minute steps by a weight that is half the section's importance
(``IMPORTANCE``, out of 100) and half its share of the words written, so a section you have more
to say about gets more time, but a short trade-offs section still gets a real slot. Steps go by
largest remainder (ties to the earlier section), so the slots add up to the talk exactly. Empty
sections keep their importance share: the plan does not jump about as the deck is filled in.

**Q&A probes.** Each panel role (design, data science, engineering) has questions aimed at the
sections it cares about. A role asks first about its sections that are weakest in the review
(empty, then needs work, then solid; ties in deck order), ``PROBES_PER_ROLE`` of them, then one of
the mock loop's general questions for that role (``pmprep.loops.loop.QA_PROBES``). The seed picks
the wording where a question has two, so rehearsals vary while staying reproducible.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from pmprep.analysis.text import tokenize
from pmprep.cases.deck import SECTIONS, Deck, SectionId
from pmprep.cases.review import DeckReview, SectionStatus, Severity, check_deck
from pmprep.clock import minutes_seconds
from pmprep.loops.loop import QA_PROBES

MIN_TALK_MINUTES = 20
MAX_TALK_MINUTES = 30
STEP_SECONDS = 30
MIN_SLOT_SECONDS = 60
PROBES_PER_ROLE = 2

# How much of the talk a section deserves before counting words (sums to 100). Trade-offs and the
# recommendation carry the committee's decision; data needs and risks are mostly for the Q&A.
IMPORTANCE: dict[SectionId, int] = {
    SectionId.PROBLEM: 12,
    SectionId.HYPOTHESIS: 10,
    SectionId.DATA_NEEDS: 8,
    SectionId.SOLUTION_OPTIONS: 12,
    SectionId.TRADE_OFFS: 14,
    SectionId.RECOMMENDATION: 14,
    SectionId.SUCCESS_METRICS: 12,
    SectionId.RISKS: 8,
    SectionId.ROLLOUT_PLAN: 10,
}

ROLE_NAMES = {"design": "Design", "data_science": "Data science", "engineering": "Engineering"}


@dataclass(frozen=True)
class SectionSlot:
    """One section's share of the talk, in seconds from the start."""

    section: SectionId
    start_seconds: int
    end_seconds: int
    words: int

    @property
    def seconds(self) -> int:
        return self.end_seconds - self.start_seconds

    @property
    def label(self) -> str:
        """ "2:30–5:00" — the slot as a rehearsal timer shows it."""
        return f"{minutes_seconds(self.start_seconds)}–{minutes_seconds(self.end_seconds)}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section.value,
            "start_seconds": self.start_seconds,
            "end_seconds": self.end_seconds,
            "words": self.words,
        }


@dataclass(frozen=True)
class PanelProbe:
    """A question one panel role asks after the talk; ``section`` is None for a general question."""

    role: str
    section: SectionId | None
    question: str
    reason: str

    @property
    def role_name(self) -> str:
        return ROLE_NAMES[self.role]

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "section": self.section.value if self.section else None,
            "question": self.question,
            "reason": self.reason,
        }


def pacing_plan(deck: Deck, minutes: int = 25) -> list[SectionSlot]:
    """The talk split across the nine sections, back to back, ending exactly at ``minutes``."""
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not MIN_TALK_MINUTES <= minutes <= MAX_TALK_MINUTES:
        raise ValueError(f"a case talk lasts {MIN_TALK_MINUTES} to {MAX_TALK_MINUTES} whole minutes (got {minutes!r})")
    words = {s: len(tokenize(deck.sections[s])) for s in SECTIONS}
    total_words = sum(words.values())
    total_importance = sum(IMPORTANCE.values())
    weight = {s: IMPORTANCE[s] / total_importance + (words[s] / total_words if total_words else 0.0) for s in SECTIONS}
    total_weight = sum(weight.values())

    spare_steps = (minutes * 60 - MIN_SLOT_SECONDS * len(SECTIONS)) // STEP_SECONDS
    exact = {s: spare_steps * weight[s] / total_weight for s in SECTIONS}
    steps = {s: int(exact[s]) for s in SECTIONS}
    by_remainder = sorted(SECTIONS, key=lambda s: (-(exact[s] - steps[s]), SECTIONS.index(s)))
    for s in by_remainder[: spare_steps - sum(steps.values())]:
        steps[s] += 1

    slots, clock = [], 0
    for s in SECTIONS:
        length = MIN_SLOT_SECONDS + steps[s] * STEP_SECONDS
        slots.append(SectionSlot(s, clock, clock + length, words[s]))
        clock += length
    return slots


# ---------------------------------------------------------------- Q&A

# Our own wording. Each role asks about the sections its discipline pushes on; where there are
# two wordings the seed picks one.
SECTION_PROBES: dict[str, dict[SectionId, tuple[str, ...]]] = {
    "design": {
        SectionId.PROBLEM: (
            "Who exactly is the member with this problem, and what did you see or hear that tells you "
            "it is real for them?",
            "Describe the moment in the member's week when this problem bites. What are they trying to do?",
        ),
        SectionId.HYPOTHESIS: ("What would a member say in an interview if your hypothesis were wrong?",),
        SectionId.SOLUTION_OPTIONS: (
            "Sketch the first screen of your favourite option. What does a member who has never seen it "
            "understand in five seconds?",
            "Which option changes the experience least for members who are happy today?",
        ),
        SectionId.RISKS: (
            "Who could this confuse or annoy — kids' profiles, shared households, people on a TV remote — "
            "and how would you find out before launch?",
        ),
    },
    "data_science": {
        SectionId.SUCCESS_METRICS: (
            "What is your north-star metric, its unit and window, and how big a change would you need "
            "to see to call this a success?",
            "Which guardrail would make you stop even if the main metric went up?",
        ),
        SectionId.HYPOTHESIS: (
            "What result in the data would prove your hypothesis wrong, and what would you do then?",
        ),
        SectionId.DATA_NEEDS: (
            "Which exact cut of the data would you pull first, and what would you compare it against?",
            "How would you tell a real drop from a logging change, seasonality or an outage?",
        ),
        SectionId.TRADE_OFFS: (
            "Where do your numbers come from? Which assumption, if it were off by half, would change "
            "your recommendation?",
        ),
    },
    "engineering": {
        SectionId.ROLLOUT_PLAN: (
            "What ships in the first version, to whom, and what do you cut if it takes twice as long?",
            "How would you roll this back in an hour if the guardrails moved the wrong way?",
        ),
        SectionId.SOLUTION_OPTIONS: (
            "Which option is the cheapest to build, and which needs work on every device family?",
        ),
        SectionId.TRADE_OFFS: ("What does each option cost in engineering time and in load on the service?",),
        SectionId.RISKS: (
            "What fails at Netflix scale or on low-end devices, and how would you notice before members do?",
        ),
    },
}


def qa_probes(deck: Deck, seed: str = "", review: DeckReview | None = None) -> list[PanelProbe]:
    """Questions from each panel role, the deck's weakest sections first (see the module doc).

    ``review`` may be passed when the caller already has ``check_deck(deck)``.
    """
    review = review if review is not None else check_deck(deck)
    rank = {SectionStatus.EMPTY: 0, SectionStatus.NEEDS_WORK: 1, SectionStatus.SOLID: 2}
    probes: list[PanelProbe] = []
    for role, by_section in SECTION_PROBES.items():
        targets = sorted(by_section, key=lambda s: (rank[review.statuses[s]], SECTIONS.index(s)))
        for section in targets[:PROBES_PER_ROLE]:
            question = _pick(by_section[section], seed, role, section.value)
            probes.append(PanelProbe(role, section, question, _reason(review, section)))
        general = QA_PROBES[role]
        probes.append(
            PanelProbe(role, None, _pick(general, seed, role, "general"), "A question this role asks of any case.")
        )
    return probes


def _pick(options: tuple[str, ...], *key: str) -> str:
    digest = hashlib.sha256(":".join(key).encode()).digest()
    return options[digest[0] % len(options)]


def _reason(review: DeckReview, section: SectionId) -> str:
    status = review.statuses[section]
    if status is SectionStatus.EMPTY:
        return f"{section.label} is empty."
    if status is SectionStatus.NEEDS_WORK:
        first = next(f for f in review.for_section(section) if f.severity is not Severity.TIP)
        return f"{section.label} needs work: {first.message}"
    return f"{section.label} is solid; expect to defend it."
