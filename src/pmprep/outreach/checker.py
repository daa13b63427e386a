"""``check``: one outreach message in, an explained score, a verdict and a rewrite out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from pmprep.bounded_regex import bounded
from pmprep.outreach import rules
from pmprep.outreach.cues import shipped_signal_cues
from pmprep.outreach.questions import Question, find_questions, judge
from pmprep.outreach.report import Channel, Flag, Kind, OutreachReport, Signal, Verdict
from pmprep.outreach.rewrite import LINKEDIN_NOTE_CHARS, suggest
from pmprep.outreach.rule_content import shipped_phrase_rules
from pmprep.outreach.scoring import apply_points, score_of, verdict_of
from pmprep.outreach.signals import grade_note, vague_wording
from pmprep.outreach.specifics import NamedWork, named_work, recipient, sender
from pmprep.outreach.text import fold, word_spans

MAX_MESSAGE_CHARS = 20_000
EMAIL_WORDS = 150  # past this a stranger's email gets skimmed
EMAIL_WORDS_VERY_LONG = 250
TOO_LONG_EMAIL, TOO_LONG_VERY = -10, -20
TOO_LONG_NOTE = -20


class MessageTooLong(ValueError):
    """The message is over MAX_MESSAGE_CHARS: no outreach note is that long, and checking it would waste time."""


# Polite logistics ("would you be open to…", "could we chat?") is an ask, not a second question.
_LOGISTICS = bounded(
    r"\b(?:would|could|can|will|do|might) you (?:be )?(?:open|willing|available|free|able|mind|have (?:time|a (?:few|"
    r"couple|moment|minute)|\d+|any time))\b|\b(?:could|can|shall|may) (?:we|i) (?:chat|talk|connect|meet|speak|ask|"
    r"send|reach)\b|\bwould (?:it|that) be (?:ok|okay|possible|alright|all right)\b|\bmind if i\b"
)
_ASKS = frozenset({Kind.BIG_ASK, Kind.OPEN_ENDED, Kind.JOB_SEEKING, Kind.SMALL_ASK, Kind.FLATTERY})
_EMAIL_SHAPE = bounded(r"^\s*(?:subject|re|fwd?)\s*:|^\s*dear\b|\n[ \t]*\n")

PRECISE_REASON = (
    "One precise question ({why}): easy to answer in two lines, and the answer feeds your case "
    "and technical preparation."
)
VAGUE_REASON = "A vague question: {why}. Ask how or why about one decision, metric or trade-off in their work."
MANY_REASON = (
    "Another question. Each extra one makes a reply more work and less likely; keep the single most precise one."
)
VAGUE_WORDING = "it asks for their thoughts or advice in general, not about one decision, metric or trade-off"
NAMED_REASON = (
    "Names their own work, which shows you did your homework and gives them something concrete to "
    "answer about. What it earns is in the grade for their own work."
)


def check(message: str, *, channel: Channel | str | None = None) -> OutreachReport:
    """Judge an outreach message (a LinkedIn note or an email) to a Netflix PM.

    ``channel`` is "linkedin" (a connection note, cut at 300 characters) or "email"; by default it is
    inferred from the length and shape of the message. Raises MessageTooLong over MAX_MESSAGE_CHARS
    and ValueError for an unknown channel.
    """
    if not isinstance(message, str):
        raise TypeError(f"message must be a str, not {type(message).__name__}")
    if len(message) > MAX_MESSAGE_CHARS:
        raise MessageTooLong(
            f"the message is {len(message):,} characters; the limit is {MAX_MESSAGE_CHARS:,} "
            f"(an outreach note should be a few hundred)"
        )
    chosen = Channel.parse(channel) if channel is not None else None
    folded = fold(message)
    used = chosen or _infer_channel(message, folded)
    if not message.strip():
        return OutreachReport(
            score=0,
            verdict=Verdict.DO_NOT_SEND,
            channel=used,
            channel_inferred=chosen is None,
            flags=[],
            suggestion=suggest(name=None, sender=None, work=None, question=None, channel=used),
            summary="Do not send: the message is empty.",
            notes=["The message is empty: there is nothing to check."],
            characters=len(message),
            words=0,
        )

    matches = _dedupe(rules.scan(folded, shipped_phrase_rules()))
    flags = [Flag(m.start, m.end, message[m.start : m.end], m.kind, m.reason, m.kind.good) for m in matches]
    works = named_work(message, folded)
    flags += [Flag(w.start, w.end, w.text, Kind.NAMED_WORK, NAMED_REASON, True) for w in works]
    chosen_question, question_flags, substantive, softened = _questions(message, folded, flags, named=bool(works))
    flags = [f for f in flags if f not in softened] + question_flags
    length = _length_flag(message, used)
    if length:
        flags.append(length)
    flags.sort(key=lambda f: (f.start, -f.end, f.kind.value))
    flags = apply_points(flags, named=bool(works), questions=substantive)

    signals = grade_note(message, folded, shipped_signal_cues(), works, flags)
    score = score_of(flags, signals)
    blocked = length is not None and used is Channel.LINKEDIN
    verdict = verdict_of(score, flags, blocked=blocked)
    name = recipient(message)
    notes = _notes(name, works, chosen_question, used, chosen is None, message)
    return OutreachReport(
        score=score,
        verdict=verdict,
        channel=used,
        channel_inferred=chosen is None,
        flags=flags,
        suggestion=suggest(
            name=name, sender=sender(message), work=works[0] if works else None, question=chosen_question, channel=used
        ),
        summary=_summary(verdict, flags, notes, signals),
        notes=notes,
        characters=len(message),
        words=len(word_spans(message)),
        signals=signals,
    )


def _infer_channel(message: str, folded: str) -> Channel:
    if len(message.strip()) > LINKEDIN_NOTE_CHARS or _EMAIL_SHAPE.search(folded.strip("\n")):
        return Channel.EMAIL
    return Channel.LINKEDIN


def _dedupe(matches: Iterable[rules.Match]) -> list[rules.Match]:
    """One flag per span: overlapping matches of a kind merge into one, and no problem sits inside a graver one.

    "could you pass my résumé to the hiring manager" is one referral ask; the résumé inside it needs no
    flag of its own.
    """
    ordered = sorted(matches, key=lambda m: (m.start, -m.end))
    kept: list[rules.Match] = []
    for m in ordered:
        same = next((i for i, k in enumerate(kept) if k.kind is m.kind and m.start < k.end and k.start < m.end), None)
        if same is None:
            kept.append(m)
        elif m.end > kept[same].end:
            kept[same] = replace(kept[same], end=m.end)

    def inside_graver(m: rules.Match) -> bool:
        return any(
            k is not m
            and not k.kind.good
            and k.start <= m.start
            and m.end <= k.end
            and (k.kind.severe or not m.kind.severe)
            for k in kept
        )

    return [m for m in kept if m.kind.good or not inside_graver(m)]


def _overlaps(q: Question, flags: Sequence[Flag], kinds: Iterable[Kind] | None = None) -> bool:
    wanted = set(kinds) if kinds is not None else None
    return any(f.start < q.end and q.start < f.end and (wanted is None or f.kind in wanted) for f in flags)


def _masked(folded: str, q: Question, flags: Sequence[Flag]) -> str:
    """The question with the asks inside it blanked out, so "a 30-minute call to pick your brain" is not its topic."""
    chars = list(folded[q.start : q.end])
    for f in flags:
        if f.kind in _ASKS and f.start < q.end and q.start < f.end:
            for i in range(max(f.start, q.start), min(f.end, q.end)):
                chars[i - q.start] = " "
    return "".join(chars)


def _questions(
    message: str, folded: str, flags: Sequence[Flag], *, named: bool
) -> tuple[Question | None, list[Flag], int, list[Flag]]:
    """The question kept for the rewrite, the flags for every question, how many real questions there are,
    and the open-ended flags a precise question makes moot.

    A question that carries an ask ("could you refer me?", "any tips?", "would you have 15 minutes?")
    is judged as that ask, not counted again as a question; a precise question wrapped in an ask
    ("could you share any insights on how you measured X?", "a 15-minute call to discuss how you
    chose Y?") still counts as precise, judged on its words without the ask.
    """
    severe = [f for f in flags if f.kind.severe]
    substantive: list[Question] = []
    softened: list[Flag] = []
    for q in find_questions(message, folded, named):
        if _overlaps(q, severe):
            continue
        if _overlaps(q, flags, _ASKS):
            precise, why = judge(_masked(folded, q, flags), named)
            q = replace(q, precise=precise, why=why)
        if q.precise and vague_wording(shipped_signal_cues(), folded[q.start : q.end]):
            q = replace(q, precise=False, why=VAGUE_WORDING)
        if q.precise:
            substantive.append(q)
            softened += [f for f in flags if f.kind is Kind.OPEN_ENDED and q.start <= f.start and f.end <= q.end]
        elif _overlaps(q, flags, _ASKS) or _LOGISTICS.search(folded, q.start, q.end):
            continue
        else:
            substantive.append(q)
    if not substantive:
        return None, [], 0, softened
    main = next((q for q in substantive if q.precise), substantive[0])
    out = []
    for q in substantive:
        if q is main and q.precise:
            out.append(Flag(q.start, q.end, q.text, Kind.PRECISE_QUESTION, PRECISE_REASON.format(why=q.why), True))
        elif q is main:
            out.append(Flag(q.start, q.end, q.text, Kind.VAGUE_QUESTION, VAGUE_REASON.format(why=q.why), False))
        else:
            out.append(Flag(q.start, q.end, q.text, Kind.MANY_QUESTIONS, MANY_REASON, False))
    return (main if main.precise else None), out, len(substantive), softened


def _length_flag(message: str, channel: Channel) -> Flag | None:
    lead = len(message) - len(message.lstrip())
    end = len(message.rstrip())
    if channel is Channel.LINKEDIN:
        if end - lead <= LINKEDIN_NOTE_CHARS:
            return None
        cut = lead + LINKEDIN_NOTE_CHARS
        return Flag(
            cut,
            end,
            message[cut:end],
            Kind.TOO_LONG,
            f"A LinkedIn connection note holds {LINKEDIN_NOTE_CHARS} characters and this one has "
            f"{end - lead}, so everything from here on is cut off. Keep the name, their work and one "
            "question.",
            False,
            TOO_LONG_NOTE,
        )
    words = word_spans(message)
    if len(words) <= EMAIL_WORDS:
        return None
    start = words[EMAIL_WORDS][0]
    return Flag(
        start,
        end,
        message[start:end],
        Kind.TOO_LONG,
        f"{len(words)} words: past about {EMAIL_WORDS}, a stranger's email gets skimmed or left for later. "
        "Everything from here on is over; cut to the name, their work, one question and a small ask.",
        False,
        TOO_LONG_VERY if len(words) > EMAIL_WORDS_VERY_LONG else TOO_LONG_EMAIL,
    )


def _notes(
    name: str | None,
    works: Sequence[NamedWork],
    question: Question | None,
    channel: Channel,
    inferred: bool,
    message: str,
) -> list[str]:
    notes = []
    if name is None:
        notes.append("No name in the greeting: open with their first name.")
    if not works:
        notes.append("It does not name their work: mention one recent post, talk, launch or paper of theirs.")
    if question is None:
        notes.append("No precise question: ask one, about how or why they decided something or how they measured it.")
    if inferred and channel is Channel.EMAIL:
        why = (
            f"it is over {LINKEDIN_NOTE_CHARS} characters, more than a LinkedIn connection note holds"
            if len(message.strip()) > LINKEDIN_NOTE_CHARS
            else "it reads like an email"
        )
        notes.append(f"Checked as an email ({why}); choose the channel to check it as a LinkedIn note.")
    elif inferred:
        notes.append(
            f"Checked as a LinkedIn connection note ({LINKEDIN_NOTE_CHARS} characters at most); choose "
            "the channel to check it as an email."
        )
    return notes


def _labels(flags: Iterable[Flag]) -> str:
    return ", ".join(dict.fromkeys(f.kind.label for f in flags))


def _summary(verdict: Verdict, flags: Sequence[Flag], notes: Sequence[str], signals: Sequence[Signal]) -> str:
    severe = [f for f in flags if f.kind.severe]
    problems = [_labels(f for f in flags if not f.good)] if any(not f.good for f in flags) else []
    weak = [s.label for s in signals if s.points < 0]
    if severe:
        return (
            f"Do not send: it contains {_labels(severe)}. A referral from a chat is ignored (a formal one "
            "needs documented feedback from someone who has worked with you), and no one gives feedback "
            "after a rejection, so this can only be declined, and it may count against you."
        )
    if verdict is Verdict.SEND:
        strengths = [f.kind.label for f in flags if f.good and f.points] + [s.label for s in signals if s.points > 0]
        fix = problems + weak
        also = f" Worth fixing: {', '.join(fix)}." if fix else ""
        return f"Send: {', '.join(dict.fromkeys(strengths))}.{also}"
    ask_graded = any(s.id == "ask" and s.points < 0 for s in signals)  # its label already says what is wrong
    missing = [n.split(":")[0] for n in notes if n.startswith("No precise") and not ask_graded]
    parts = problems + weak + [m[0].lower() + m[1:] for m in missing]
    head = "Revise" if verdict is Verdict.REVISE else "Do not send as written"
    return f"{head}: {'; '.join(dict.fromkeys(parts)) or 'nothing stands out'}. The suggestion keeps your specifics."
