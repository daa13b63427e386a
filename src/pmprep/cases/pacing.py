"""Rehearsal: how long to spend on each section of the talk, and what the panel will ask after it.

**Pacing.** The case talk is 20 to 30 minutes (the experienced track's published length; pmprep
uses the same slot for the early-in panel). Every section gets one minute; the rest of the talk
is shared out in half-minute steps by a weight that is half the section's importance
(``IMPORTANCE``, out of 100) and half its share of the words written, so a section you have more
to say about gets more time, but a short trade-offs section still gets a real slot. Steps go by
largest remainder (ties to the earlier section), so the slots add up to the talk exactly. Empty
sections keep their importance share: the plan does not jump about as the deck is filled in.

**Q&A probes.** Each panel role (``panel.yaml`` in the company folder: design, data science and
engineering as shipped) has questions aimed at the sections it cares about. A role asks first about
its sections that are weakest in the review (empty, then needs work, then solid; ties in deck order),
``PROBES_PER_ROLE`` of them, then one of its general questions (those a mock loop's case round asks).
The seed picks the wording where a question has two, so rehearsals vary while staying reproducible.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from pmprep.analysis.text import tokenize
from pmprep.cases.deck import SECTIONS, Deck, SectionId
from pmprep.cases.panel import panel
from pmprep.cases.review import DeckReview, SectionStatus, Severity, check_deck
from pmprep.clock import minutes_seconds

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
        return panel().role(self.role).name

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


def qa_probes(deck: Deck, seed: str = "", review: DeckReview | None = None) -> list[PanelProbe]:
    """Questions from each panel role, the deck's weakest sections first (see the module doc).

    ``review`` may be passed when the caller already has ``check_deck(deck)``.
    """
    review = review if review is not None else check_deck(deck)
    rank = {SectionStatus.EMPTY: 0, SectionStatus.NEEDS_WORK: 1, SectionStatus.SOLID: 2}
    probes: list[PanelProbe] = []
    for role in panel().roles:
        by_section = role.sections
        targets = sorted(by_section, key=lambda s: (rank[review.statuses[s]], SECTIONS.index(s)))
        for section in targets[:PROBES_PER_ROLE]:
            question = _pick(by_section[section], seed, role.id, section.value)
            probes.append(PanelProbe(role.id, section, question, _reason(review, section)))
        probes.append(
            PanelProbe(
                role.id, None, _pick(role.general, seed, role.id, "general"), "A question this role asks of any case."
            )
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
