"""Golden feedback: the analyzer's verdict on every labelled answer, kept so that a change to the analyzer
that moves a score or a level shows as a reviewed diff.

    python scripts/golden_feedback.py          # what moved since the golden files were written
    python scripts/golden_feedback.py --write  # after reviewing the moves: accept them

Each labelled file (tests/data/labelled/NAME.yaml) has a golden file, tests/data/golden/NAME.yaml: per
answer id, in sorted order and one block each, the analyzer's score and level, each criterion's level and
strength (3 places), the ids of the red flags and the first 60 characters of each note, from
``analyze(question, text, question_type=type, shape=shape)``. tests/core/analysis/test_golden_feedback.py
fails while the analyzer's output and the golden files differ.

Without ``--write`` it prints which answers moved (score or level, from what to what, beside the labelled
level) and which changed only in detail (a criterion, a red flag, a note), and exits with 1 when anything
differs. Deterministic: no randomness, no clock, no network.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import NamedTuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from pmprep.analysis import Feedback, analyze  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "labelled"
GOLDEN = ROOT / "tests" / "data" / "golden"
NOTE_CHARS = 60
_PLAIN = re.compile(r"[a-z][a-z0-9_-]*")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}  # plain, these read back as others
HEADER = (
    "# Golden feedback for tests/data/labelled/{name}: what the analyzer gives each answer.\n"
    "# Written by `python scripts/golden_feedback.py --write`; review a change here as a change of behaviour.\n"
)


def record(feedback: Feedback) -> dict:
    """What the golden file keeps of one answer's feedback."""
    return {
        "score": feedback.score,
        "level": feedback.level,
        "criteria": {c.id: {"level": c.level, "strength": round(c.strength, 3)} for c in feedback.criteria},
        "red_flags": [f.id for f in feedback.red_flags],
        "notes": [n[:NOTE_CHARS] for n in feedback.notes],
    }


def labelled_files() -> list[Path]:
    return sorted(LABELLED.glob("*.yaml"))


def golden_path(labelled: Path) -> Path:
    return GOLDEN / labelled.name


def current(labelled: Path) -> tuple[dict[str, dict], dict[str, int]]:
    """The analyzer's records for one labelled file's answers, and each answer's labelled level."""
    records, labels = {}, {}
    for q in yaml.safe_load(labelled.read_text(encoding="utf-8"))["questions"]:
        for a in q["answers"]:
            fb = analyze(q["question"], a["text"], question_type=q["type"], shape=q.get("shape"))
            records[a["id"]] = record(fb)
            labels[a["id"]] = a["level"]
    return records, labels


def _text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _key(name: str) -> str:
    """An id as a YAML key: plain when it can only read back as itself."""
    return name if _PLAIN.fullmatch(name) and name not in _YAML_WORDS else _text(name)


def dump(records: dict[str, dict], name: str) -> str:
    """A golden file: sorted keys, one block per answer, one line per criterion, so a diff reads per criterion."""
    out = [HEADER.format(name=name)]
    for answer_id in sorted(records):
        r = records[answer_id]
        out.append(f"\n{_key(answer_id)}:\n  criteria:{'' if r['criteria'] else ' {}'}\n")
        out += [
            f"    {_key(cid)}: {{level: {c['level']}, strength: {c['strength']!r}}}\n"
            for cid, c in sorted(r["criteria"].items())
        ]
        out.append(f"  level: {r['level']}\n")
        out.append(f"  notes: [{', '.join(_text(n) for n in r['notes'])}]\n")
        out.append(f"  red_flags: [{', '.join(_key(f) for f in r['red_flags'])}]\n")
        out.append(f"  score: {r['score']!r}\n")
    return "".join(out)


def load(path: Path) -> dict[str, dict]:
    """A golden file's records ({} when it does not exist yet)."""
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


class Change(NamedTuple):
    answer_id: str
    old: dict | None  # None: not in the golden file yet
    new: dict | None  # None: no longer in the labelled set
    labelled: int | None

    @property
    def moved(self) -> bool:
        """Whether the score or the level changed (an answer added or gone counts as moved)."""
        return (
            self.old is None
            or self.new is None
            or self.old["score"] != self.new["score"]
            or self.old["level"] != self.new["level"]
        )


def compare(old: dict[str, dict], new: dict[str, dict], labels: dict[str, int]) -> list[Change]:
    """Every answer whose record differs between the golden file (``old``) and the analyzer (``new``)."""
    return [
        Change(i, old.get(i), new.get(i), labels.get(i))
        for i in sorted(old.keys() | new.keys())
        if old.get(i) != new.get(i)
    ]


class Survey(NamedTuple):
    """One golden file beside the analyzer's current output for its labelled file."""

    golden: Path
    old: dict[str, dict]  # the golden file's records
    new: dict[str, dict]  # the analyzer's ({} when the labelled file is gone)
    labels: dict[str, int]


def survey() -> list[Survey]:
    """Every labelled file analysed beside its golden file, and every golden file left without a labelled one."""
    out = []
    for path in labelled_files():
        new, labels = current(path)
        out.append(Survey(golden_path(path), load(golden_path(path)), new, labels))
    named = {path.name for path in labelled_files()}
    out += [Survey(g, load(g), {}, {}) for g in sorted(GOLDEN.glob("*.yaml")) if g.name not in named]
    return out


def changes_in(surveys: list[Survey]) -> list[Change]:
    return [c for s in surveys for c in compare(s.old, s.new, s.labels)]


def compare_all() -> tuple[list[Change], int]:
    """The changes over every labelled file, and how many answers were analysed."""
    surveys = survey()
    return changes_in(surveys), sum(len(s.new) for s in surveys)


def _detail(old: dict, new: dict) -> str:
    """What changed inside one answer besides its score and level."""
    said = []
    old_c, new_c = old["criteria"], new["criteria"]
    for cid in sorted(old_c.keys() | new_c.keys()):
        a, b = old_c.get(cid), new_c.get(cid)
        if a == b:
            continue
        if a is None or b is None:
            said.append(f"{cid} {'added' if a is None else 'gone'}")
        else:
            said.append(f"{cid} {a['level']} ({a['strength']}) -> {b['level']} ({b['strength']})")
    if old["red_flags"] != new["red_flags"]:
        said.append(f"red flags {old['red_flags']} -> {new['red_flags']}")
    if old["notes"] != new["notes"]:
        said.append(f"notes {old['notes']} -> {new['notes']}")
    return "; ".join(said)


def _toward(change: Change) -> int:
    """+1 when a level move brings the answer closer to its labelled level, -1 further, 0 neither."""
    if change.old is None or change.new is None or change.labelled is None:
        return 0
    return abs(change.old["level"] - change.labelled) - abs(change.new["level"] - change.labelled)


def _line(c: Change) -> list[str]:
    """One moved answer: old -> new, the labelled level beside, and what changed inside it."""
    labelled = f"labelled {c.labelled}"
    if c.old is None:
        return [f"  {c.answer_id}: new, level {c.new['level']}, score {c.new['score']}; {labelled}"]
    if c.new is None:
        return [f"  {c.answer_id}: gone from the labelled set (was level {c.old['level']}, score {c.old['score']})"]
    if c.old["level"] != c.new["level"]:
        toward = _toward(c)
        said = f"level {c.old['level']} -> {c.new['level']}, score {c.old['score']} -> {c.new['score']}; {labelled}"
        said += " (closer to the label)" if toward > 0 else " (further from the label)" if toward < 0 else ""
    else:
        said = f"score {c.old['score']} -> {c.new['score']}, level {c.new['level']}; {labelled}"
    inside = _detail(c.old, c.new)
    return [f"  {c.answer_id}: {said}"] + ([f"      {inside}"] if inside else [])


def report(changes: list[Change], analysed: int) -> str:
    """A readable summary of what moved: level moves first, then score moves, answers added or gone, and
    changes in detail; each answer with golden -> now and its labelled level beside."""
    if not changes:
        return f"Golden feedback: all {analysed} labelled answers as in {GOLDEN.relative_to(ROOT)}/."
    levels = [c for c in changes if c.old and c.new and c.old["level"] != c.new["level"]]
    scores = [c for c in changes if c.old and c.new and c.old["level"] == c.new["level"] and c.moved]
    added_gone = [c for c in changes if c.old is None or c.new is None]
    detail = [c for c in changes if not c.moved]
    lines = [
        f"Golden feedback: of {analysed} labelled answers, {len(levels)} changed level, {len(scores)} only "
        f"their score, {len(detail)} only in detail; {len(added_gone)} added or gone."
    ]
    sections = (
        ("Level moved (golden -> now; the labelled level beside):", levels),
        ("Score moved, same level:", scores),
        ("Added or gone:", added_gone),
    )
    for title, group in sections:
        if group:
            lines.append(title)
            lines += [line for c in group for line in _line(c)]
    if detail:
        lines.append("Changed in detail (score and level unchanged):")
        lines += [f"  {c.answer_id}: {_detail(c.old, c.new)}" for c in detail]
    if levels:
        closer = sum(_toward(c) > 0 for c in levels)
        further = sum(_toward(c) < 0 for c in levels)
        lines.append(
            f"Of the level moves, {closer} came closer to the labelled level and {further} went further from it."
        )
    return "\n".join(lines)


def write(surveys: list[Survey]) -> int:
    """Write every golden file from the analyzer's output (removing those whose labelled file is gone); the
    number of answers written."""
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for s in surveys:
        if s.new:
            s.golden.write_text(dump(s.new, s.golden.name), encoding="utf-8")
        else:
            s.golden.unlink(missing_ok=True)
    return sum(len(s.new) for s in surveys)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the golden files from the current feedback")
    args = parser.parse_args(argv)
    surveys = survey()
    changes = changes_in(surveys)
    print(report(changes, sum(len(s.new) for s in surveys)))
    if args.write:
        if changes:
            print(f"Wrote {write(surveys)} answers' feedback to {GOLDEN.relative_to(ROOT)}/.")
        return 0
    return 1 if changes else 0


if __name__ == "__main__":
    sys.exit(main())
