"""The labelled set (tests/data/labelled) is what benchmarks/labelled.py measures the analyzer on: these
tests keep it well formed and able to tell a good analyzer from a length-gamed one."""

from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest
import yaml

from pmprep.analysis import analyze
from pmprep.analysis.company_files import question_types
from pmprep.analysis.rubric import rubrics
from pmprep.analysis.shapes import shipped_shapes

DATA = Path(__file__).resolve().parents[2] / "data" / "labelled"
KINDS = {
    "strong",
    "solid",
    "terse_strong",
    "spoken",
    "notes",
    "non_native",
    "bait",
    "off_topic",
    "shallow",
    "non_answer",
    "rambling",
}
QUESTIONS = [
    q for path in sorted(DATA.glob("*.yaml")) for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
]
ANSWERS = [(q, a) for q in QUESTIONS for a in q["answers"]]


def test_the_set_is_big_and_covers_every_type_shape_and_kind():
    assert len(ANSWERS) >= 600
    assert {q["type"] for q in QUESTIONS} == set(question_types())
    shapes = {(q["type"], q["shape"]) for q in QUESTIONS}
    assert shapes == {(t, s.id) for t, options in shipped_shapes().items() for s in options}
    assert {a["kind"] for _, a in ANSWERS} == KINDS
    assert {q["split"] for q in QUESTIONS} == {"dev", "test"}
    assert len({q["company"] for q in QUESTIONS}) >= 10  # not only Netflix


def test_ids_are_unique():
    ids = Counter([q["id"] for q in QUESTIONS] + [a["id"] for _, a in ANSWERS])
    assert [i for i, n in ids.items() if n > 1] == []


@pytest.mark.parametrize("question, answer", ANSWERS, ids=[a["id"] for _, a in ANSWERS])
def test_every_label_names_the_rubric_criteria_with_levels_one_to_four(question, answer):
    wanted = {c.id for c in rubrics().for_type(question["type"])}
    labelled = set(answer["criteria"])
    assert labelled <= wanted and wanted - labelled <= {"coverage"}, sorted(labelled ^ wanted)
    assert all(level in (1, 2, 3, 4) for level in (answer["level"], *answer["criteria"].values()))
    assert answer["kind"] in KINDS and answer["text"].strip()


def test_length_does_not_win_the_pairs():
    """At least half of the pairs of different levels have the worse answer as long or longer."""
    pairs = against_length = 0
    for q in QUESTIONS:
        for a, b in combinations(q["answers"], 2):
            if a["level"] == b["level"]:
                continue
            worse, better = sorted((a, b), key=lambda x: x["level"])
            pairs += 1
            against_length += len(worse["text"].split()) >= len(better["text"].split())
    assert against_length / pairs >= 0.5


def test_no_labelled_answer_gets_a_level_that_contradicts_its_words():
    """Over the whole set: "missing" only below Solid, "keep this" only at Outstanding."""
    for q, a in ANSWERS:
        for c in analyze(q["question"], a["text"], question_type=q["type"]).criteria:
            if c.level >= 3:
                assert c.missing == [], (a["id"], c.id, c.level, c.missing)
            if c.level <= 3:
                assert not c.advice.startswith("Keep this"), (a["id"], c.id, c.level, c.advice)
