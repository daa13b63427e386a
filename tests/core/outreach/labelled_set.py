"""The labelled outreach set (tests/data/outreach/*.yaml): notes grouped by recipient, ranked within a group.

Shared by the sanity-floor test and ``benchmarks/outreach.py``. Within a recipient, rank 1 is the
best note; every two notes of different ranks make a pair, and a scorer orders a pair right when
the better note scores strictly higher (a tie is a miss). Recipients, not notes, are split into
"dev" (may be looked at while tuning) and "test" (never tuned on), so that no recipient's notes
sit on both sides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[2] / "data" / "outreach"
SPLITS = ("dev", "test")


class LabelledSetError(ValueError):
    """The labelled set is malformed; the message names the file, the entry and the field."""


@dataclass(frozen=True)
class Note:
    id: str
    rank: int
    text: str
    why: str


@dataclass(frozen=True)
class Recipient:
    id: str
    split: str
    recipient: str
    notes: tuple[Note, ...]
    file: str

    def pairs(self) -> list[tuple[Note, Note]]:
        """Every (better, worse) pair of notes of different ranks."""
        return [(a, b) if a.rank < b.rank else (b, a) for a, b in combinations(self.notes, 2) if a.rank != b.rank]


def _problem(file: str, entry: str | None, field: str | None, message: str) -> str:
    where = file + (f" › entry '{entry}'" if entry else "") + (f" › field '{field}'" if field else "")
    return f"{where}: {message}"


def load(folder: Path = DATA) -> list[Recipient]:
    """Every recipient of every file, in file order; LabelledSetError lists every problem at once."""
    problems: list[str] = []
    recipients: list[Recipient] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.yaml")):
        name = path.name
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            problems.append(_problem(name, None, None, f"cannot be read: {exc}"))
            continue
        items = raw.get("recipients") if isinstance(raw, dict) else None
        if not isinstance(items, list) or not items:
            problems.append(_problem(name, None, "recipients", "expected a non-empty list of recipients"))
            continue
        for n, item in enumerate(items):
            rid = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else f"recipients[{n}]"
            if not isinstance(item, dict):
                problems.append(_problem(name, rid, None, "expected a mapping with id, split, recipient and notes"))
                continue
            if rid in seen:
                problems.append(_problem(name, rid, "id", "is used by an earlier recipient"))
            seen.add(rid)
            if item.get("split") not in SPLITS:
                problems.append(_problem(name, rid, "split", f"expected one of {', '.join(SPLITS)}"))
            if not isinstance(item.get("recipient"), str) or not item["recipient"].strip():
                problems.append(_problem(name, rid, "recipient", "expected who the notes are to"))
            notes = []
            raw_notes = item.get("notes")
            if not isinstance(raw_notes, list) or len(raw_notes) < 2:
                problems.append(_problem(name, rid, "notes", "expected at least two notes to the same recipient"))
                raw_notes = []
            for k, note in enumerate(raw_notes):
                nid = note.get("id") if isinstance(note, dict) and isinstance(note.get("id"), str) else f"notes[{k}]"
                if not isinstance(note, dict):
                    problems.append(_problem(name, f"{rid}/{nid}", None, "expected a mapping with id, rank, why, text"))
                    continue
                if nid in seen:
                    problems.append(_problem(name, nid, "id", "is used by an earlier note"))
                seen.add(nid)
                rank, text, why = note.get("rank"), note.get("text"), note.get("why")
                if not isinstance(rank, int) or isinstance(rank, bool) or rank < 1:
                    problems.append(_problem(name, nid, "rank", "expected a whole number from 1 (the best note)"))
                if not isinstance(text, str) or not text.strip():
                    problems.append(_problem(name, nid, "text", "expected the note's text"))
                if not isinstance(why, str) or not why.strip():
                    problems.append(_problem(name, nid, "why", "expected a few words on what makes it better or worse"))
                if isinstance(rank, int) and isinstance(text, str) and isinstance(why, str):
                    notes.append(Note(nid, rank, text, why))
            if notes and len({n.rank for n in notes}) < 2:
                problems.append(_problem(name, rid, "notes", "all notes have the same rank, so there is no pair"))
            recipients.append(Recipient(rid, str(item.get("split")), str(item.get("recipient")), tuple(notes), name))
    if not recipients and not problems:
        problems.append(_problem(str(folder), None, None, "has no *.yaml files"))
    if problems:
        raise LabelledSetError(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the labelled "
            "outreach set:\n" + "\n".join(f"  - {p}" for p in problems)
        )
    return recipients


def pairs(recipients: Iterable[Recipient], split: str | None = None) -> list[tuple[Note, Note]]:
    return [p for r in recipients if split in (None, "all", r.split) for p in r.pairs()]


def ordered_right(pair_list: Iterable[tuple[Note, Note]], score: Callable[[str], float]) -> tuple[int, int]:
    """(pairs whose better note scores strictly higher, all pairs)."""
    got = [score(better.text) > score(worse.text) for better, worse in pair_list]
    return sum(got), len(got)


def longer_wins(pair_list: Iterable[tuple[Note, Note]]) -> tuple[int, int]:
    """The length baseline: the longer note (in characters) is taken as the better one."""
    return ordered_right(pair_list, len)
