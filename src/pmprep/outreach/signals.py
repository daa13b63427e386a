"""The graded signals: three judgements of the whole note, each quoting the words that decided it.

The phrase rules (``rules.py``, their patterns in ``outreach_rules.yaml``) flag what a note says;
an ordinary note that trips none of them still differs in degree, and these grades say by how much:

- **Their own work**: does the note cite a detail of something the reader did, wrote, shipped or
  said ("you said listeners skip the DJ less when…"), only name it ("your post on offline mode"),
  or offer praise that could go to anyone ("I admire Netflix")? This grade holds all the points
  for their work; a named-work flag marks where, and its points are counted inside the grade.
- **The ask**: one concrete question answerable in a reply, a precise question among other asks,
  several asks, a large ask (a meeting, a walkthrough, a review of the sender's work, a way in), a
  vague one (to connect, for thoughts or advice), or nothing to answer.
- **About them or about you**: the share of the note's words in sentences about the reader and
  their work against sentences about the sender's own CV, plans or pitch.

The cue patterns, grades, points and reasons are content (``outreach_signals.yaml``); this module
holds how they are combined. Every pattern is bounded, and each cue list is scanned once over the
whole note, so a grade costs time linear in the note.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from pmprep.analysis.text import split_sentences
from pmprep.bounded_regex import bounded
from pmprep.outreach.cues import Grade, SignalCues, SignalSpec
from pmprep.outreach.questions import SPECIFIC
from pmprep.outreach.report import Flag, Kind, NoteEvidence, Signal
from pmprep.outreach.specifics import NamedWork, specific_words
from pmprep.outreach.text import word_spans

MAX_QUOTE = 200  # characters of a sentence quoted as evidence
MAX_EVIDENCE = 3
_GREETING = bounded(
    r"^(?:hi|hello|hey|dear|hiya|hola|hej|oi|ola|olá|bonjour|ciao|hallo|tere|greetings|good "
    r"(?:morning|afternoon|evening))\b[^,:!\n.?]{0,40}[,:!\u2014\u2013-]?\s*"
)
_TRAILING = ".!?;:,— \n\t"
_ASK_FLAGS = {
    Kind.BIG_ASK: "large",
    Kind.HIRING_ASK: "large",
    Kind.REFERRAL_ASK: "large",
    Kind.REJECTION_FEEDBACK: "large",
    Kind.OPEN_ENDED: "vague",
}
_QUESTION_FLAGS = frozenset({Kind.PRECISE_QUESTION, Kind.VAGUE_QUESTION, Kind.MANY_QUESTIONS})


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class Note:
    """The message, its folded form and its sentences, with position lookups shared by the signals."""

    def __init__(self, text: str, folded: str):
        self.text = text
        self.folded = folded
        self.sentences = split_sentences(text)
        self._starts = [s.start for s in self.sentences]

    def sentence_of(self, pos: int) -> int:
        """The index of the sentence that holds position ``pos`` (the one before it, between sentences)."""
        return max(0, bisect_right(self._starts, pos) - 1)

    def sentence_span(self, index: int) -> Span:
        s = self.sentences[index]
        start = s.start
        greeting = _GREETING.match(self.folded, s.start, s.end)
        if greeting and greeting.end() < s.end:
            start = greeting.end()
        return Span(start, s.end)

    def quote(self, start: int, end: int) -> NoteEvidence:
        """The words from ``start`` to ``end``, without trailing punctuation, cut at a word under MAX_QUOTE."""
        while end > start and self.text[end - 1] in _TRAILING:
            end -= 1
        if end - start > MAX_QUOTE:
            cut = self.text.rfind(" ", start, start + MAX_QUOTE)
            end = cut if cut > start else start + MAX_QUOTE
        return NoteEvidence(start, end, self.text[start:end])

    def quote_sentence(self, index: int) -> NoteEvidence:
        span = self.sentence_span(index)
        return self.quote(span.start, span.end)

    def quote_to_sentence_end(self, start: int) -> NoteEvidence:
        return self.quote(start, self.sentences[self.sentence_of(start)].end)

    @cached_property
    def words_per_sentence(self) -> list[int]:
        counts = [0] * len(self.sentences)
        for start, _ in word_spans(self.text):
            counts[self.sentence_of(start)] += 1
        return counts


def _spans(matches: Iterable[re.Match[str]]) -> list[Span]:
    return [Span(*m.span()) for m in matches if m.end() > m.start()]


def _first_apart(spans: Iterable[Span]) -> list[Span]:
    """Spans in order of position, each one that overlaps an earlier kept one left out."""
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not any(s.start < k.end and k.start < s.end for k in kept):
            kept.append(s)
    return kept


def _inside(span: Span, containers: Sequence[Span]) -> bool:
    return any(c.start <= span.start and span.end <= c.end for c in containers)


def _signal(spec: SignalSpec, grade: Grade, points: int, evidence: list[NoteEvidence], **fill: str) -> Signal:
    return Signal(
        spec.id,
        spec.name,
        grade.id,
        grade.label,
        points,
        grade.reason.format(**fill) if fill else grade.reason,
        evidence[:MAX_EVIDENCE],
    )


def vague_wording(cues: SignalCues, folded_question: str) -> bool:
    """Whether a question the checker found precise is worded as a vague ask after all: two vague
    phrases ("hear more about how you think about X in general"), or one with no decision, metric
    or trade-off to answer about ("could you share any advice for a PM moving into payments?")."""
    vague = sum(1 for _ in cues.ask.cues["vague"].finditer(folded_question))
    return vague >= 2 or (vague == 1 and SPECIFIC.search(folded_question) is None)


def sender_sentences(note: Note, cues: SignalCues) -> set[int]:
    """Sentences about the sender's own CV, plans or pitch."""
    return {note.sentence_of(m.start()) for m in cues.focus.cues["sender"].finditer(note.folded)}


def references(note: Note, cues: SignalCues, works: Sequence[NamedWork]) -> list[Span]:
    """Where the note points at something the reader did, said or shipped, earliest first."""
    found = [Span(w.start, w.end) for w in works]
    for m in cues.their_work.cues["references"].finditer(note.folded):
        what = m.groupdict().get("what")
        if what is not None and not specific_words(what):
            continue  # "the new feature you shipped" names nothing
        found.append(Span(*m.span()))
    return _first_apart(found)


def their_work(
    note: Note, cues: SignalCues, works: Sequence[NamedWork], flags: Sequence[Flag], senders: set[int]
) -> Signal:
    """How specifically the note refers to the reader's own work.

    A detail counts when it sits in a sentence that points at their work or in the sentence right
    after one, and that sentence is not about the sender ("I read your post and have led two
    launches myself" names nothing of theirs in its second half).
    """
    spec = cues.their_work
    refs = references(note, cues, works)
    near = {i for r in refs for i in (note.sentence_of(r.start), note.sentence_of(r.start) + 1)} - senders
    details = [
        s for s in _first_apart(_spans(spec.cues["details"].finditer(note.folded))) if note.sentence_of(s.start) in near
    ]
    # A named-work flag's own points (none in the shipped rules) are part of this grade, never added twice.
    already = sum(f.points for f in flags if f.kind is Kind.NAMED_WORK)
    if refs and details:
        grade = spec.grade("specific")
        detail = details[0].start
        # "You wrote that most members…" is quoted from "You", the reference the detail belongs to.
        start = min((r.start for r in refs if r.start <= detail <= r.end), default=detail)
        evidence = [note.quote(refs[0].start, refs[0].end), note.quote_to_sentence_end(start)]
        if evidence[1].start < evidence[0].end:  # the detail is inside the first reference
            evidence = [note.quote(refs[0].start, max(evidence[0].end, evidence[1].end))]
    elif refs:
        grade = spec.grade("named")
        evidence = [note.quote(r.start, r.end) for r in refs]
    else:
        generic = _first_apart(_spans(spec.cues["generic"].finditer(note.folded)))
        grade = spec.grade("generic" if generic else "none")
        evidence = [note.quote(g.start, g.end) for g in generic]
    return _signal(spec, grade, grade.points - already, evidence)


def the_ask(note: Note, cues: SignalCues, flags: Sequence[Flag]) -> Signal:
    """How concrete and small the note's ask is.

    Asks are its questions (as the checker found them: precise, vague, extra) and the sentences
    that ask for a call, advice, time or a way in. Cue words inside the precise question are part
    of it ("could you share any insights on how you measured X?" is one precise question).
    """
    spec = cues.ask
    questions = [f for f in flags if f.kind in _QUESTION_FLAGS]
    precise = [Span(f.start, f.end) for f in questions if f.kind is Kind.PRECISE_QUESTION]
    asked = [Span(f.start, f.end) for f in questions]
    by_kind: dict[str, list[Span]] = {}
    for name in ("small", "vague", "large", "several"):
        by_kind[name] = [s for s in _spans(spec.cues[name].finditer(note.folded)) if not _inside(s, precise)]
    # "A quick 15-minute call" is a small ask, as the phrase rules have it, not a large one.
    bounded_call = {note.sentence_of(f.start) for f in flags if f.kind is Kind.SMALL_ASK}
    by_kind["large"] = [s for s in by_kind["large"] if note.sentence_of(s.start) not in bounded_call]
    for f in flags:
        if f.kind in _ASK_FLAGS and not _inside(Span(f.start, f.end), precise):
            by_kind[_ASK_FLAGS[f.kind]].append(Span(f.start, f.end))
        elif f.kind is Kind.SMALL_ASK:
            by_kind["small"].append(Span(f.start, f.end))
    extra = _first_apart(by_kind["vague"] + by_kind["large"])
    # One ask per sentence beyond the questions: "I'd love to connect and hear your thoughts" is one.
    question_sentences = {note.sentence_of(q.start) for q in asked}
    ask_sentences = {note.sentence_of(s.start) for s in extra} - question_sentences
    count = len(asked) + len(ask_sentences)

    def said(spans: Iterable[Span]) -> list[NoteEvidence]:
        """Each ask quoted whole: a question as found, any other ask by its sentence, one quote a sentence."""
        out, seen = [], set()
        for span in sorted(spans, key=lambda x: x.start):
            index = note.sentence_of(span.start)
            if index in seen:
                continue
            seen.add(index)
            out.append(note.quote(span.start, span.end) if span in asked else note.quote_sentence(index))
        return out

    if not asked and not extra:
        grade, evidence = spec.grade("none"), []
    elif by_kind["several"] or count >= spec.several_at:
        grade, evidence = spec.grade("several"), said(by_kind["several"] + asked + extra)
    elif precise:
        small = _first_apart(by_kind["small"])
        if count == 1 and not extra:
            grade = spec.grade("small")
            evidence = [note.quote(precise[0].start, precise[0].end)] + [note.quote(x.start, x.end) for x in small[:1]]
        else:
            grade, evidence = spec.grade("fair"), said(precise[:1] + extra)
    elif by_kind["large"]:
        grade, evidence = spec.grade("large"), said(by_kind["large"])
    else:
        grade, evidence = spec.grade("vague"), said(by_kind["vague"] + asked)
    return _signal(spec, grade, grade.points, evidence)


def focus(note: Note, cues: SignalCues, refs: Sequence[Span], flags: Sequence[Flag], senders: set[int]) -> Signal:
    """The share of the note's words about the reader, against those about the sender.

    A sentence is about them when it talks to or about them ("you", "your", their named work, a
    question to them) once politeness is set aside ("thank you", "hope you're well", "would you be
    open"); about the sender when it gives their own CV, plans or pitch; a sentence that does both
    counts half to each side. Greetings, sign-offs and framing ("I'm preparing for a case") count
    for neither.
    """
    spec = cues.focus
    courtesy = _spans(spec.cues["courtesy"].finditer(note.folded))
    about_them = {
        note.sentence_of(s.start)
        for s in _spans(spec.cues["recipient"].finditer(note.folded))
        if not _inside(s, courtesy)
    }
    about_them |= {note.sentence_of(r.start) for r in refs}
    about_them |= {note.sentence_of(f.start) for f in flags if f.kind in _QUESTION_FLAGS}
    words = note.words_per_sentence
    them = sum(words[i] * (0.5 if i in senders else 1.0) for i in about_them)
    you = sum(words[i] * (0.5 if i in about_them else 1.0) for i in senders)
    if them + you == 0:
        grade = spec.grade("none")
        return _signal(spec, grade, grade.points, [], share="0%")
    share = them / (them + you)
    grade = cues.focus_grade(share)
    shown = sorted(senders) if senders else sorted(about_them - senders)
    return _signal(spec, grade, grade.points, [note.quote_sentence(i) for i in shown], share=f"{share:.0%}")


def grade_note(
    text: str, folded: str, cues: SignalCues, works: Sequence[NamedWork], flags: Sequence[Flag]
) -> list[Signal]:
    """The three graded signals of a note, given the checker's flags (with their points) and named works."""
    note = Note(text, folded)
    senders = sender_sentences(note, cues)
    refs = references(note, cues, works)
    return [
        their_work(note, cues, works, flags, senders),
        the_ask(note, cues, flags),
        focus(note, cues, refs, flags, senders),
    ]
