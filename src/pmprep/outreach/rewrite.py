"""The suggested rewrite: the user's own specifics in the shape that works, placeholders where they are missing.

It keeps only what helps: the person's name, the piece of their work the user named, the one
precise question, and adds the framing and the small ask. Everything that backfires (the referral
ask, the résumé, the praise, the extra questions) is left out rather than reworded.
"""

from __future__ import annotations

import re

from pmprep.bounded_regex import bounded
from pmprep.outreach.questions import Question
from pmprep.outreach.report import Channel
from pmprep.outreach.specifics import LISTENED, READ, WATCHED, NamedWork
from pmprep.outreach.text import squash

NAME = "[their first name]"
WORK = "[their recent project: the post, talk or launch, by name]"
QUESTION = "[one precise question about it, e.g. how did you measure its success?]"
SENDER = "[your name]"
FRAMING = "I'm preparing for product case interviews"
LINKEDIN_NOTE_CHARS = 300


def _work_sentence(work: NamedWork | None) -> str:
    if work is None:
        return f"I've been studying {WORK}."
    phrase = work.phrase
    first, _, rest = phrase.partition(" ")
    if first in {"Your", "The", "That", "This", "You"}:
        phrase = f"{first.lower()} {rest}"
    if work.form == "you_did":
        return f"I saw that {phrase}."
    noun = (work.noun or "").lower()
    verb = (
        "I read"
        if noun in READ
        else "I watched"
        if noun in WATCHED
        else "I listened to"
        if noun in LISTENED
        else "I've been studying"
    )
    return f"{verb} {phrase}."


# "Would you be open to a call to discuss how you measure X?" becomes "I'd love to know how you measure X.":
# the rewrite carries its own small ask, so the question must not carry a second one.
_WRAPPED = bounded(
    r"^(?:would|could|can|will|do|might|may)\b[^?]*?\b(?P<clause>(?:how|why|what|which|whether|when|"
    r"where)\b[^?]+)\?\s*$",
    re.IGNORECASE,
    limit=2_000,
)


def _question(question: Question | None) -> str:
    if question is None:
        return QUESTION
    text = squash(question.text)
    wrapped = _WRAPPED.match(text)
    if wrapped:
        return f"I'd love to know {wrapped.group('clause').rstrip()}."
    text = text[:1].upper() + text[1:]
    return text if text.endswith(("?", ".", "!")) else text + "."


def suggest(
    *, name: str | None, sender: str | None, work: NamedWork | None, question: Question | None, channel: Channel
) -> str:
    hello = f"Hi {name or NAME},"
    work_line = _work_sentence(work)
    ask = _question(question)
    if channel is Channel.LINKEDIN:
        note = f"{hello} {work_line} {ask} {FRAMING}; a two-line reply is plenty. Thanks!"
        if len(note) > LINKEDIN_NOTE_CHARS:  # the framing is the part that can go
            note = f"{hello} {work_line} {ask} A two-line reply is plenty. Thanks!"
        return note
    about = "about it" if work is not None else "for you"
    return (
        f"{hello}\n\n{work_line} {FRAMING} and have one question {about}.\n\n{ask}\n\n"
        f"A two-line reply is plenty; no call needed.\n\nThanks,\n{sender or SENDER}"
    )
