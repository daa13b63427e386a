"""Points per flag, the caps that keep one habit from sinking a message, and the verdict.

The rule (also in the package docstring):

- Start at BASE (60): a polite note with nothing good or bad in it needs revising.
- Each graded signal (their own work, the ask, about them or about you: ``signals.py``) adds its
  grade's points, from the content file. Naming their work and a small ask are worth what their
  grades say; the named-work and small-ask flags only mark where, so nothing is counted twice. The
  best note (a detail of their work, one precise question and nothing else asked, all about them)
  comes to 100 with no clamping, so every strength it lacks shows in its score.
- Each flag adds its kind's points, in message order, until the kind's cap is reached; later flags
  of that kind still show but add 0. A flag's ``points`` is what it actually added.
- Severe kinds (hiring ask, referral ask, résumé, feedback after a rejection) take 40 each, and the
  score is then held at SEVERE_CAP at most: no strength makes such a message worth sending.
- The score is clamped to 0–100. An empty message scores 0.
- Verdict: any severe flag, or a score under REVISE_AT with a problem flag, is "do not send"; a
  score of SEND_AT or more is "send", unless a blocking flag (a LinkedIn note over its limit, which
  would be cut) makes it "revise"; everything else is "revise". A note that trips no phrase rule is
  "revise" at worst, however low its grades put it: "do not send" is for what backfires.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from pmprep.outreach.report import Flag, Kind, Signal, Verdict

BASE = 60
SEVERE_CAP = 35
SEND_AT = 70
REVISE_AT = 40


@dataclass(frozen=True)
class Points:
    each: int
    cap: int  # the most (in size) that all flags of the kind together add or take


POINTS: dict[Kind, Points] = {
    Kind.HIRING_ASK: Points(-40, -80),
    Kind.REFERRAL_ASK: Points(-40, -80),
    Kind.RESUME: Points(-40, -80),
    Kind.REJECTION_FEEDBACK: Points(-40, -80),
    Kind.JOB_SEEKING: Points(-15, -15),
    Kind.BIG_ASK: Points(-10, -20),
    Kind.OPEN_ENDED: Points(-5, -10),
    Kind.FLATTERY: Points(-10, -20),
    Kind.MANY_QUESTIONS: Points(-8, -16),
    Kind.VAGUE_QUESTION: Points(-5, -5),
    Kind.TOO_LONG: Points(-20, -20),  # the flag carries its own size (see checker)
    # Naming their work and keeping the ask small are graded over the whole note (signals.py: their
    # own work, the ask); these flags mark where in the message, and add nothing of their own.
    Kind.NAMED_WORK: Points(0, 0),
    Kind.PRECISE_QUESTION: Points(20, 20),
    Kind.SMALL_ASK: Points(0, 0),
    Kind.RESEARCH_FRAMING: Points(5, 5),
}
# Praise beside a named piece of their work is a smaller fault than praise with nothing behind it.
FLATTERY_WITH_WORK = Points(-5, -10)
# Several questions dilute even a precise one.
PRECISE_AMONG_OTHERS = 10


def apply_points(flags: Sequence[Flag], *, named: bool, questions: int) -> list[Flag]:
    """The flags with ``points`` filled in, caps applied in message order.

    A flag that arrives with non-zero ``points`` (a length flag) keeps its own size, within its kind's cap.
    """
    used: dict[Kind, int] = {}
    out = []
    for f in flags:
        rule = FLATTERY_WITH_WORK if f.kind is Kind.FLATTERY and named else POINTS[f.kind]
        each = f.points or rule.each
        if f.kind is Kind.PRECISE_QUESTION and questions > 1:
            each = PRECISE_AMONG_OTHERS
        so_far = used.get(f.kind, 0)
        room = rule.cap - so_far
        add = max(each, room) if rule.cap < 0 else min(each, room)
        used[f.kind] = so_far + add
        out.append(replace(f, points=add))
    return out


def score_of(flags: Sequence[Flag], signals: Sequence[Signal] = ()) -> int:
    raw = BASE + sum(f.points for f in flags) + sum(s.points for s in signals)
    if any(f.kind.severe for f in flags):
        raw = min(raw, SEVERE_CAP)
    return max(0, min(100, raw))


def verdict_of(score: int, flags: Sequence[Flag], *, blocked: bool) -> Verdict:
    if any(f.kind.severe for f in flags) or (score < REVISE_AT and any(not f.good for f in flags)):
        return Verdict.DO_NOT_SEND
    if score >= SEND_AT and not blocked:
        return Verdict.SEND
    return Verdict.REVISE
