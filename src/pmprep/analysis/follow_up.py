"""Follow-up probes after an answer, and feedback on the candidate's reply to one.

An interviewer does not stop at the first answer: they probe the gap they heard. The probes
come from the analyzer's feedback (gaps and red flags first); the reply is judged together
with the original answer, as the interviewer hears the whole exchange, and the outcome says
whether the reply closed the gap the probe was about.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from pmprep.analysis.analyzer import analyze
from pmprep.analysis.feedback import Evidence, Feedback, FollowUpOutcome, Probe, score_points
from pmprep.bank.schema import Question

SEPARATOR = "\n\n"
SOLID = 3


def choose_follow_ups(feedback: Feedback, asked: Iterable[str] = (), limit: int = 2) -> list[Probe]:
    """One or two probes from the feedback: a red flag's probe, then the biggest gaps.

    The analyzer lists its probes in that order already (a red flag first, then criteria by how
    far below Solid they are); the question's own stock probe is used only when there is no gap.
    Probes already asked in this conversation are skipped.
    """
    seen = set(asked)
    fresh = [p for p in feedback.probes if p.text not in seen]
    targeted = [p for p in fresh if p.targeted]
    return (targeted or fresh)[:limit]


@dataclass(frozen=True)
class FollowUp:
    """The reply to one probe: feedback on the whole exchange, with evidence inside the reply."""

    probe: str
    criterion: str | None
    criterion_name: str
    before: int | None  # the criterion's level after the first answer
    after: int | None  # …and with the reply added
    score_before: float
    feedback: Feedback  # on original + reply; spans and outline point into the reply; its follow_up is set

    @property
    def closed(self) -> bool:
        return self.after is not None and self.after >= SOLID

    def outcome(self) -> str:
        if self.criterion is None:
            return f"Score with your reply: {self.feedback.points}/100 (was {score_points(self.score_before)})."
        if self.after is not None and self.before is not None and self.after > self.before:
            verdict = "closed" if self.closed else "narrowed"
            return (
                f"Your reply {verdict} the gap: {self.criterion_name.lower()} went from level {self.before} "
                f"to {self.after}."
            )
        return f"{self.criterion_name} is still at level {self.after}: the reply did not add what the probe asked for."


def _into_reply(evidence: list[Evidence], offset: int) -> list[Evidence]:
    return [replace(e, start=e.start - offset, end=e.end - offset) for e in evidence if e.start >= offset]


def reply_to_probe(
    question: str | Question, answer: str, first: Feedback, probe: Probe, reply: str, seconds: float | None = None
) -> FollowUp:
    """Judge ``reply`` to ``probe`` (one of ``choose_follow_ups``) given the first answer's feedback."""
    if not reply.strip():
        raise ValueError("Write a reply to the follow-up question.")
    offset = len(answer) + len(SEPARATOR)
    whole = analyze(question, answer + SEPARATOR + reply, question_type=first.question_type, seconds=seconds)
    criteria = [replace(c, evidence=_into_reply(c.evidence, offset)) for c in whole.criteria]
    flags = [replace(f, evidence=_into_reply(f.evidence, offset)) for f in whole.red_flags]
    outline = [replace(o, start=o.start - offset, end=o.end - offset) for o in whole.outline if o.start >= offset]
    feedback = replace(whole, criteria=criteria, red_flags=[f for f in flags if f.evidence], outline=outline)
    criterion = probe.criterion
    before = next((c.level for c in first.criteria if c.id == criterion), None)
    after = next((c.level for c in whole.criteria if c.id == criterion), None)
    name = next((c.name for c in whole.criteria if c.id == criterion), "")
    result = FollowUp(probe.text, criterion, name, before, after, first.score, feedback)
    told = FollowUpOutcome(criterion, name, before, after, result.outcome())
    return replace(result, feedback=replace(feedback, follow_up=told))


__all__ = ["FollowUp", "choose_follow_ups", "reply_to_probe"]
