"""The classifier's cues are content (classifier_cues.yaml), and so is what each type tests when a typed-in
question has no similar bank question (question_types.yaml): broken files are refused with file, entry
and field."""

import shutil

import pytest

from pmprep.analysis.classify import CUES_FILE, classify, load_cues, shipped_cues
from pmprep.bank import SHIPPED, ContentError, Problem, load_catalog


def test_each_type_has_its_cues_and_a_cue_votes_with_its_weight():
    cues = shipped_cues()
    assert sorted(cues) == ["behavioral", "culture", "estimation", "metrics", "product_design", "strategy", "technical"]
    assert sum(len(c) for c in cues.values()) == 70
    assert max(w for c in cues.values() for _, w in c) == 7.0
    assert classify("Should Netflix enter the live concerts market?").question_type == "strategy"


def test_a_broken_cue_file_names_file_entry_and_field(tmp_path):
    text = CUES_FILE.read_text(encoding="utf-8")
    text = text.replace(
        "    - {weight: 5, pattern: '\\bhow many\\b'}", "    - {weight: 5, pattern: '\\bhow many(\\b'}", 1
    )
    text = text.replace(
        "{weight: 6, pattern: '\\btell me about (?:a|an|the|one)",
        "{weight: -6, pattern: '\\btell me about (?:a|an|the|one)",
        1,
    )
    text = text.replace("  technical:\n", "  technical:\n    - {weight: 2, pattern: 'kernel', colour: red}\n", 1)
    text += "  sales:\n    - {weight: 1, pattern: 'quota'}\n"
    folder = tmp_path / "acme"
    folder.mkdir()
    (folder / "classifier_cues.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_cues(folder / "classifier_cues.yaml")
    where = "acme/classifier_cues.yaml"
    problems = error.value.problems
    assert Problem(where, "behavioral[0]", "weight", "expected a positive number") in problems
    assert Problem(where, "technical[0]", "colour", "is not a field of a cue") in problems
    assert any(
        p.entry == "cues" and p.field == "sales" and p.message.startswith("is not a question type") for p in problems
    )
    assert [p.message.split(":")[0] for p in problems if p.entry.startswith("estimation")] == ["is not a valid pattern"]
    assert len(problems) == 4


def test_a_typed_in_question_with_no_near_neighbour_tests_its_types_competencies():
    fb = classify("zzqx qqzz?")
    assert (fb.question_type, fb.competencies, fb.confidence) == (
        "product_design",
        ["customer_obsession", "product_design"],
        0.0,
    )


def test_a_question_type_must_name_known_competencies(tmp_path):
    folder = tmp_path / "acme"
    shutil.copytree(SHIPPED, folder)
    path = folder / "question_types.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "competencies: [technical_judgment, technical_fluency]", "competencies: [technical_judgment, wizardry]"
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as error:
        load_catalog(folder)
    assert [str(p) for p in error.value.problems if p.field == "competencies"] == [
        str(Problem("acme/question_types.yaml", "technical", "competencies", "unknown competency id 'wizardry'"))
    ]
