"""The analyzer still gives every labelled answer (tests/data/labelled) the feedback in its golden file
(tests/data/golden): a change that moves a score, a level, a criterion, a red flag or a note fails here
with the answers that moved, until the move is reviewed and accepted with
``python scripts/golden_feedback.py --write``."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "golden_feedback.py"


def _script():
    spec = importlib.util.spec_from_file_location("golden_feedback", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


golden = _script()


def test_the_analyzer_gives_every_labelled_answer_its_golden_feedback():
    changes, analysed = golden.compare_all()
    assert analysed >= 600
    if changes:
        pytest.fail(
            f"{golden.report(changes, analysed)}\n\nIf these moves are intended, review them and run "
            "`python scripts/golden_feedback.py --write`, then commit the golden files with the change.",
            pytrace=False,
        )


def _record(score: float, level: int, **criteria: tuple[int, float]) -> dict:
    return {
        "score": score,
        "level": level,
        "red_flags": [],
        "notes": [],
        "criteria": {cid: {"level": lv, "strength": s} for cid, (lv, s) in criteria.items()},
    }


OLD = {
    "a": _record(58.0, 3, concepts=(4, 0.833), honest_limits=(1, 0.0)),
    "b": _record(43.7, 2, concepts=(2, 0.333)),
    "c": _record(20.0, 1, concepts=(1, 0.1)),
    "d": _record(40.0, 2),
    "gone": _record(10.0, 1),
}
NEW = {
    "a": _record(48.2, 2, concepts=(3, 0.5), honest_limits=(1, 0.0)),
    "b": _record(43.7, 2, concepts=(2, 0.4)),
    "c": {**_record(31.0, 2, concepts=(1, 0.1)), "red_flags": ["dont_know"]},
    "d": _record(41.5, 2),
    "fresh": _record(70.5, 4),
}
LABELS = {"a": 3, "b": 2, "c": 2, "d": 1, "fresh": 4}


def test_the_report_lists_each_moved_answer_beside_its_labelled_level():
    assert golden.report(golden.compare(OLD, NEW, LABELS), 6) == "\n".join(
        [
            "Golden feedback: of 6 labelled answers, 2 changed level, 1 only their score, 1 only in detail; 2 added or gone.",
            "Level moved (golden -> now; the labelled level beside):",
            "  a: level 3 -> 2, score 58.0 -> 48.2; labelled 3 (further from the label)",
            "      concepts 4 (0.833) -> 3 (0.5)",
            "  c: level 1 -> 2, score 20.0 -> 31.0; labelled 2 (closer to the label)",
            "      red flags [] -> ['dont_know']",
            "Score moved, same level:",
            "  d: score 40.0 -> 41.5, level 2; labelled 1",
            "Added or gone:",
            "  fresh: new, level 4, score 70.5; labelled 4",
            "  gone: gone from the labelled set (was level 1, score 10.0)",
            "Changed in detail (score and level unchanged):",
            "  b: concepts 2 (0.333) -> 2 (0.4)",
            "Of the level moves, 1 came closer to the labelled level and 1 went further from it.",
        ]
    )


def test_nothing_moved_says_so():
    assert golden.compare(OLD, OLD, LABELS) == []
    assert golden.report([], 620) == "Golden feedback: all 620 labelled answers as in tests/data/golden/."


def test_a_golden_file_reads_back_as_written_one_block_per_answer(tmp_path):
    records = {
        "b": {**NEW["c"], "notes": ["Much of this answer: “names” topics"]},
        "a": NEW["a"],
        "yes": {**_record(0.0, 1), "red_flags": ["no"]},
    }  # words YAML would read as booleans
    text = golden.dump(records, "x.yaml")
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    assert golden.load(path) == records
    assert text.index("\na:\n") < text.index("\nb:\n")  # sorted
    assert "    concepts: {level: 3, strength: 0.5}\n" in text  # one line per criterion
    assert golden.load(tmp_path / "missing.yaml") == {}
