"""The outreach checker: is this LinkedIn note or email to a Netflix PM worth sending? (no Django)

    from pmprep.outreach import check
    report = check("Hi Sam, I read your post on download limits. How did you pick the success metric?")
    report.score, report.verdict, report.flags, report.suggestion

A coffee chat is never a route to a referral or an offer: employees cannot advocate informally, a
résumé sent after a chat can be reported as back-channelling, and no feedback is given after a
rejection. What a note can do is get one precise answer that sharpens the case and technical
preparation. So the checker flags what backfires (hiring and referral asks, résumés, feedback after
a rejection, job hunting, big or open-ended asks, generic praise, several questions, length) and
rewards what works (naming the person's own recent work, one precise question, a small ask, framing
as preparation). Every flag points at the words that caused it (``message[start:end] == text``).

Scoring, in full (numbers in ``scoring.py``):

- Start at 60. Strengths add: naming their work +15, one precise question +20 (+10 if other
  questions dilute it), a small ask +5, framing as preparation +5; each counts once.
- Problems take away, each kind up to a cap: job seeking -15 (cap -15), a big ask -10 (cap -20),
  an open-ended ask -5 (cap -10), generic flattery -10 (cap -20; -5, cap -10, when the note also
  names their work), each extra question -8 (cap -16), a vague question -5, length -20 for a
  LinkedIn note over 300 characters, -10 for an email over 150 words (-20 over 250).
- Severe problems (a hiring ask, a referral ask, a résumé, feedback after a rejection) take 40 each
  and hold the score at 35 at most: such a message is "do not send" whatever else it does well.
- Clamped to 0–100; an empty message scores 0. Verdict: severe or under 40 is "do not send"; 70
  or more is "send" (unless a LinkedIn note is over its limit: "revise"); the rest is "revise".

Negations are honoured where cheap ("I'm not asking for a referral", "no need for a call").
Deterministic, offline and fast; messages over 20,000 characters raise MessageTooLong.
"""
from __future__ import annotations

from pmprep.outreach.checker import MAX_MESSAGE_CHARS, MessageTooLong, check
from pmprep.outreach.report import Channel, Flag, Kind, OutreachReport, Verdict

__all__ = ["MAX_MESSAGE_CHARS", "Channel", "Flag", "Kind", "MessageTooLong", "OutreachReport", "Verdict", "check"]
