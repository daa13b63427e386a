"""A real interview's transcript read into the interviewer's questions and the candidate's answers.

Three formats, told apart by their first line that is not blank:

- **WebVTT** (first line ``WEBVTT``): cues of an optional id, a timing line ``00:00:01.000 --> 00:00:04.000``
  (with optional settings after it) and text; ``NOTE``, ``STYLE`` and ``REGION`` blocks are left out.
- **SRT** (first line a cue number, the next a timing line ``00:00:01,000 --> 00:00:04,000``).
- **Plain** speaker-labelled lines, ``Name: words``, with any two names.

Who speaks: in VTT and SRT a cue's ``<v Name>`` voice tag, else a ``Name:`` prefix in its text. A label is a
name of at most four words that starts with a letter and holds no colon, then a colon followed by a space, a
letter or the end of the line (not a digit), so "The ratio was 3:1" is words, not the speaker "The ratio was 3". A time may stand
before the label (``[00:01:23]``, ``00:01:23``, ``(1:23)``) or after the name (``Alex (0:42):``,
``Alex 2m 5s:``), and a line of a name and a time alone (``Priya Shah  0:05``) labels the lines under it.
Lines without a label continue the speaker before them; lines before the first label are a heading and are
left out. A name used as a label on one line only, when two other names are used on more, is taken as words
of the line ("Note: …"). More than two speakers are refused, naming them.

Which speaker is the candidate (:func:`read_transcript`'s rule, in this order): the one the caller names;
the one labelled as the candidate in the company's ``debrief.yaml`` (Me, I, Candidate, You…); the other one
when a speaker is labelled as the interviewer there (Interviewer, Recruiter…); else the speaker with more
words, and on a tie the one who spoke second.

Exchanges: consecutive lines of one speaker make one turn; each interviewer turn and the candidate's reply
make an exchange. An interviewer turn with no question mark answered in a few words ("Okay.") is not a
question yet: it joins the interviewer's next turn and the short reply is left out. A reply before the
first question and the interviewer's last words with no reply are left out.

Every step is linear in the text: the size is checked before anything else, lines are split once, and each
pattern is anchored at the start of one line with bounded repeats (pmprep.bounded_regex).
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from pmprep.bounded_regex import bounded
from pmprep.debrief.rules import DebriefRules, shipped_rules

MAX_CHARS = 1_000_000  # characters: a two-hour call's transcript is about 150,000
MAX_LINES = 40_000
MAX_NAME_WORDS = 4

PLAIN, VTT, SRT = "plain", "vtt", "srt"
VTT_TIMING_EXAMPLE = "00:00:01.000 --> 00:00:04.000"
SRT_TIMING_EXAMPLE = "00:00:01,000 --> 00:00:04,000"

_CLOCK = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?"
_LEADING_TIME = bounded(rf"\s*(?:\[{_CLOCK}\]|\({_CLOCK}\)|{_CLOCK})\s*(?:[-–—|]\s*)?")
_NAME = r"[^\W\d_][\w'’.\- ]{0,39}?"
_TIME_SUFFIX = rf"\[{_CLOCK}\]|\({_CLOCK}\)|\d{{1,3}}m ?\d{{1,2}}s|\d{{1,4}}(?:\.\d{{1,3}})?s"
_LABEL = bounded(rf"(?P<name>{_NAME})\s{{0,8}}(?:{_TIME_SUFFIX})?\s{{0,8}}:(?:\s|$|(?=[^\W\d_]))")
_NAME_AND_TIME = bounded(rf"(?P<name>{_NAME})\s{{1,8}}(?:\({_CLOCK}\)|\[{_CLOCK}\]|{_CLOCK})\s*$")
_VTT_STAMP = r"(?:\d{2,3}:)?\d{2}:\d{2}\.\d{3}"
_VTT_TIMING = bounded(rf"{_VTT_STAMP}[ \t]+-->[ \t]+{_VTT_STAMP}(?:[ \t].{{0,500}})?")
_SRT_STAMP = r"\d{1,3}:\d{2}:\d{2},\d{3}"
_SRT_TIMING = bounded(rf"{_SRT_STAMP}[ \t]+-->[ \t]+{_SRT_STAMP}(?:[ \t].{{0,500}})?")
_VOICE = bounded(r"<v(?:\.[\w.\-]{0,40})?[ \t]+(?P<name>[^>]{1,80})>")
_TAG = bounded(r"</?[A-Za-z][^>]{0,200}>|<\d[^>]{0,40}>")
_QUOTED = 60  # characters of a bad line quoted in an error


class TranscriptError(ValueError):
    """A transcript pmprep cannot read: ``line`` (1-based, or None for the whole text) and what was expected."""

    def __init__(self, message: str, line: int | None = None):
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


@dataclass(frozen=True)
class Turn:
    """What one speaker said without the other speaking, and the line it starts on."""

    speaker: str
    text: str
    line: int


@dataclass(frozen=True)
class Exchange:
    """An interviewer's question (or questions) and the candidate's answer; ``line`` is where the question starts."""

    question: str
    answer: str
    line: int


@dataclass(frozen=True)
class Transcript:
    format: str  # plain, vtt or srt
    candidate: str
    interviewer: str
    turns: tuple[Turn, ...]
    exchanges: tuple[Exchange, ...]


@dataclass(frozen=True)
class _Said:
    line: int
    speaker: str | None  # None: the line continues the speaker before it
    text: str
    raw: str  # the line as written, kept for a label that turns out to be words


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _quote(line: str) -> str:
    line = line.strip()
    return line if len(line) <= _QUOTED else line[: _QUOTED - 1] + "…"


def _labelled(line_no: int, line: str) -> _Said:
    """One plain line: its speaker (or None) and its words."""
    stripped = line.strip()
    for text in (stripped, _without_leading_time(stripped)):
        if text is None:
            continue
        if (m := _LABEL.match(text)) and len(m.group("name").split()) <= MAX_NAME_WORDS:
            return _Said(line_no, " ".join(m.group("name").split()), text[m.end() :].strip(), stripped)
        if (m := _NAME_AND_TIME.match(text)) and len(m.group("name").split()) <= MAX_NAME_WORDS:
            return _Said(line_no, " ".join(m.group("name").split()), "", stripped)
    return _Said(line_no, None, stripped, stripped)


def _without_leading_time(line: str) -> str | None:
    m = _LEADING_TIME.match(line)
    return line[m.end() :] if m and m.end() else None


def _plain(lines: list[str]) -> list[_Said]:
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        said = _labelled(n, line)
        if said.speaker is None and _without_leading_time(said.text) == "":
            continue  # a timestamp alone on its line
        out.append(said)
    return out


def _blocks(lines: list[str], first: int) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines from index ``first``, each line with its 1-based number."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for i in range(first, len(lines)):
        if lines[i].strip():
            current.append((i + 1, lines[i].strip()))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _cues(lines: list[str], kind: str) -> list[_Said]:
    timing, example = (_VTT_TIMING, VTT_TIMING_EXAMPLE) if kind == VTT else (_SRT_TIMING, SRT_TIMING_EXAMPLE)
    start = 0
    if kind == VTT:
        # The header block (WEBVTT and any header lines under it) ends at the first blank line.
        start = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    out: list[_Said] = []
    for block in _blocks(lines, start):
        head = block[0][1]
        if kind == VTT and (head in ("STYLE", "REGION") or head == "NOTE" or head.startswith(("NOTE ", "NOTE\t"))):
            continue
        at = 0 if "-->" in head else 1
        if at >= len(block) or "-->" not in block[at][1]:
            n, bad = block[min(1, len(block) - 1)]
            raise TranscriptError(f"expected a cue timing line like {example}, got '{_quote(bad)}'", n)
        n, line = block[at]
        if not timing.fullmatch(line):
            raise TranscriptError(f"expected a cue timing line like {example}, got '{_quote(line)}'", n)
        payload = block[at + 1 :]
        voice = _VOICE.match(payload[0][1]) if payload else None
        for n, text in payload:
            words = html.unescape(_TAG.sub("", text)).strip()
            if not words:
                continue
            if voice is not None:
                out.append(_Said(n, " ".join(voice.group("name").split()), words, words))
            else:
                out.append(_labelled(n, words))
    return out


def _format_of(lines: list[str]) -> str:
    filled = [line.strip() for line in lines[:50] if line.strip()][:2]
    if not filled:
        return PLAIN
    if filled[0].startswith("WEBVTT"):
        return VTT
    if filled[0].isdigit() and len(filled) > 1 and "-->" in filled[1]:
        return SRT
    if "-->" in filled[0]:
        return SRT if "," in filled[0].split("-->")[0] else VTT
    return PLAIN


def _speakers(said: list[_Said]) -> list[_Said]:
    """The lines with stray one-off labels taken as words, checked for one speaker or more than two."""
    first_line = said[0].line if said else 1
    counts = Counter(_key(s.speaker) for s in said if s.speaker)
    if not counts:
        raise TranscriptError(
            "no speaker labels found: expected each turn to start with its speaker's name and a colon, "
            "as in 'Interviewer: …' and 'Me: …' (or a <v Name> voice tag in a VTT cue)",
            first_line,
        )
    if len(counts) > 2:
        regular = [k for k, c in counts.items() if c >= 2]
        if len(regular) >= 2:
            strays = {k for k, c in counts.items() if c == 1}
            said = [_Said(s.line, None, s.raw, s.raw) if s.speaker and _key(s.speaker) in strays else s for s in said]
            counts = Counter(_key(s.speaker) for s in said if s.speaker)
    names: dict[str, str] = {}
    first_at: dict[str, int] = {}
    for s in said:
        if s.speaker and _key(s.speaker) not in names:
            names[_key(s.speaker)] = s.speaker
            first_at[_key(s.speaker)] = s.line
    if len(names) == 1:
        (only,) = names.values()
        raise TranscriptError(
            f"only one speaker ({only}) is labelled: a debrief needs the interviewer's questions and your answers, "
            "each turn starting with its speaker's name and a colon",
            first_line,
        )
    if len(names) > 2:
        third = list(names)[2]
        listed = ", ".join(names.values())
        raise TranscriptError(
            f"more than two speakers ({listed}): pmprep reads a conversation between the interviewer and you; "
            "label the other voices' lines with one of those two names, or take them out",
            first_at[third],
        )
    return said


def _turns(said: list[_Said]) -> list[Turn]:
    turns: list[Turn] = []
    speaker: str | None = None
    parts: list[str] = []
    line = 0
    for s in said:
        if s.speaker is not None and (speaker is None or _key(s.speaker) != _key(speaker)):
            if speaker is not None and parts:
                turns.append(Turn(speaker, " ".join(parts), line))
            speaker, parts, line = s.speaker, [], s.line
        if speaker is None:
            continue  # a heading before the first label
        if s.text:
            if not parts:
                line = s.line
            parts.append(s.text)
    if speaker is not None and parts:
        turns.append(Turn(speaker, " ".join(parts), line))
    # A speaker whose label stood with no words, then spoke again, makes two turns in a row: join them.
    merged: list[Turn] = []
    for t in turns:
        if merged and _key(merged[-1].speaker) == _key(t.speaker):
            merged[-1] = Turn(merged[-1].speaker, f"{merged[-1].text} {t.text}", merged[-1].line)
        else:
            merged.append(t)
    return merged


def _candidate(turns: list[Turn], names: list[str], chosen: str | None, rules: DebriefRules) -> str:
    keys = [_key(n) for n in names]
    if chosen is not None:
        if _key(chosen) not in keys:
            raise TranscriptError(f"'{chosen}' is not a speaker here; the speakers are {names[0]} and {names[1]}")
        return names[keys.index(_key(chosen))]
    marked = [k in rules.candidate_labels for k in keys]
    if marked.count(True) == 1:
        return names[marked.index(True)]
    asking = [k in rules.interviewer_labels for k in keys]
    if asking.count(True) == 1:
        return names[asking.index(False)]
    words = Counter[str]()
    for t in turns:
        words[_key(t.speaker)] += len(t.text.split())
    if words[keys[0]] != words[keys[1]]:
        return names[0] if words[keys[0]] > words[keys[1]] else names[1]
    return names[1]


def _exchanges(turns: list[Turn], interviewer: str, rules: DebriefRules) -> list[Exchange]:
    out: list[Exchange] = []
    asked: list[str] = []
    line = 0
    for i, t in enumerate(turns):
        if _key(t.speaker) == _key(interviewer):
            if not asked:
                line = t.line
            asked.append(t.text)
            continue
        if not asked:
            continue  # the candidate spoke before any question (a greeting)
        small = (
            i + 1 < len(turns)
            and not any("?" in part for part in asked)
            and len(t.text.split()) <= rules.small_talk_reply_words
        )
        if small:
            continue  # "Okay." to a remark: the question is still to come
        out.append(Exchange(" ".join(asked), t.text, line))
        asked = []
    return out


def read_transcript(text: str, candidate: str | None = None, rules: DebriefRules | None = None) -> Transcript:
    """The transcript's turns and exchanges (see the module's docstring for the rules);
    :class:`TranscriptError` says which line is wrong and what was expected."""
    if len(text) > MAX_CHARS:
        raise TranscriptError(
            f"the transcript is {len(text):,} characters; the limit is {MAX_CHARS:,} (one interview at a time)"
        )
    rules = rules or shipped_rules()
    lines = text.removeprefix("\ufeff").splitlines()
    if len(lines) > MAX_LINES:
        raise TranscriptError(f"the transcript has {len(lines):,} lines; the limit is {MAX_LINES:,}")
    if not any(line.strip() for line in lines):
        raise TranscriptError("the transcript is empty: paste the interview's lines, 'Interviewer: …' and 'Me: …'", 1)
    kind = _format_of(lines)
    said = _speakers(_plain(lines) if kind == PLAIN else _cues(lines, kind))
    turns = _turns(said)
    names: list[str] = []
    for t in turns:
        if _key(t.speaker) not in [_key(n) for n in names]:
            names.append(t.speaker)
    if len(names) < 2:
        raise TranscriptError(
            f"only one speaker ({names[0] if names else 'nobody'}) says anything: a debrief needs the "
            "interviewer's questions and your answers",
            said[0].line,
        )
    me = _candidate(turns, names, candidate, rules)
    interviewer = names[1] if me == names[0] else names[0]
    exchanges = _exchanges(turns, interviewer, rules)
    if not exchanges:
        raise TranscriptError(
            f"no question of {interviewer}'s is followed by an answer of {me}'s: expected the interviewer's turn, "
            "then yours",
            turns[0].line,
        )
    return Transcript(kind, me, interviewer, tuple(turns), tuple(exchanges))
