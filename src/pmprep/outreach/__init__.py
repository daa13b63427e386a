"""The outreach checker: is this LinkedIn note or email to a Netflix PM worth sending? (no Django)

    from pmprep.outreach import check
    report = check("Hi Sam, I read your post on download limits. How did you pick the success metric?")
    report.score, report.verdict, report.flags, report.signals, report.suggestion

A coffee chat is never a route to a referral or an offer: a referral from a chat is ignored (a
formal one needs documented feedback from someone who has worked with you), a résumé sent after a
chat can be reported as back-channelling, and no feedback is given after a rejection. What a note
can do is get one precise answer that sharpens the case and technical preparation.

Two kinds of judgement, each pointing at the words that caused it:

- Phrase rules (``rules.py``, ``questions.py``, ``specifics.py``) flag spans
  (``message[start:end] == text``): what backfires (hiring and referral asks, résumés, feedback
  after a rejection, job hunting, big or open-ended asks, generic praise, several questions,
  length) and what works (their named work, one precise question, a small ask, framing as
  preparation). The phrases ``rules.py`` looks for, the reason each flag gives and the line
  between a small and a big ask of time are content (``content/netflix/outreach_rules.yaml``,
  loaded and validated by ``rule_content.py``).
- Graded signals (``signals.py``, cues and points in ``content/netflix/outreach_signals.yaml``,
  loaded and validated by ``cues.py``) judge the whole note, so an ordinary note that trips no
  rule still gets a score that says how good it is: how specifically it refers to the reader's
  own work, how concrete and small its ask is, and how much of it is about them rather than about
  the sender. Each quotes its evidence.

Scoring, in full (numbers in ``scoring.py`` and the content file):

- Start at 60. Flags: one precise question +20 (+10 if other questions dilute it), framing as
  preparation +5; job seeking -15 (cap -15), a big ask -10 (cap -20), an open-ended ask -5 (cap
  -10), generic flattery -10 (cap -20; -5, cap -10, when the note also names their work), each
  extra question -8 (cap -16), a vague question -5, length -20 for a LinkedIn note over 300
  characters, -10 for an email over 150 words (-20 over 250). The named-work and small-ask flags
  only mark where; their worth is in the grades.
- Grades: their own work +15 (a detail from it), +5 (named), -5 (generic praise or nothing of
  theirs); the ask +5 (one small, concrete question and nothing else), 0 (a precise question among
  other asks), -10 (several asks, a large ask or a vague one), -5 (nothing to answer); about them
  0 (all of it), -5 (65% or more of its words), -10 (40% or more), -15 (less).
- Severe problems (a hiring ask, a referral ask, a résumé, feedback after a rejection) take 40 each
  and hold the score at 35 at most: such a message is "do not send" whatever else it does well.
- Clamped to 0–100; an empty message scores 0. Verdict: severe, or under 40 with a problem flag,
  is "do not send"; 70 or more is "send" (unless a LinkedIn note is over its limit: "revise"); the
  rest is "revise", so a note that trips no rule is "revise" at worst.

Each content file is the company folder's own when it has one (``pmprep.config.company_file``),
else the shipped one; ``{company}`` in the phrase rules is the company served.

Negations are honoured where cheap ("I'm not asking for a referral", "no need for a call").
Deterministic, offline and fast; messages over 20,000 characters raise MessageTooLong.
"""

from __future__ import annotations

from pmprep.outreach.checker import MAX_MESSAGE_CHARS, MessageTooLong, check
from pmprep.outreach.report import Channel, Flag, Kind, NoteEvidence, OutreachReport, Signal, Verdict

__all__ = [
    "MAX_MESSAGE_CHARS",
    "Channel",
    "NoteEvidence",
    "Flag",
    "Kind",
    "MessageTooLong",
    "OutreachReport",
    "Signal",
    "Verdict",
    "check",
]
