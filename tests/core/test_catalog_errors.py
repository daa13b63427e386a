"""Every class of content error is reported with its file, entry and field, and nothing loads."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pmprep.bank import ContentError, Problem, load_catalog

GOOD = """\
questions:
  - id: pd-good
    text: How would you make profile switching faster on TVs?
    type: product_design
    tracks: [early_in]
    rounds: [ei_case_presentation]
    competencies: [customer_obsession]
    difficulty: easy
    themes: [profile_switching]
    talking_points: [one, two, three]
    probes: [first probe, second probe]
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(folder: Path, **kwargs) -> list[Problem]:
    with pytest.raises(ContentError) as info:
        load_catalog(folder, **kwargs)
    return info.value.problems


def test_a_valid_folder_loads(company_folder):
    write(company_folder, "questions/a.yaml", GOOD)
    catalog = load_catalog(company_folder)
    assert list(catalog.questions) == ["pd-good"]
    assert catalog.sources["pd-good"] == "acme/questions/a.yaml"


def test_bad_yaml_names_the_file_and_line(company_folder):
    write(company_folder, "questions/a.yaml", "questions:\n  - id: x\n    text: [unclosed\n")
    [p] = problems_of(company_folder)
    assert p.file == "acme/questions/a.yaml"
    assert p.entry is None
    assert p.message.startswith("is not valid YAML at line 4, column 1:")


def test_missing_field_names_entry_and_field(company_folder):
    write(company_folder, "questions/a.yaml", GOOD.replace("    difficulty: easy\n", ""))
    assert problems_of(company_folder) == [
        Problem("acme/questions/a.yaml", "pd-good", "difficulty", "is required but missing")
    ]


def test_wrong_type_names_entry_field_and_value(company_folder):
    write(company_folder, "questions/a.yaml", GOOD.replace("difficulty: easy", "difficulty: 7"))
    [p] = problems_of(company_folder)
    assert (p.file, p.entry, p.field) == ("acme/questions/a.yaml", "pd-good", "difficulty")
    assert p.message == "input should be 'easy', 'medium' or 'hard' (got 7)"


def test_unknown_question_type_is_rejected(company_folder):
    write(company_folder, "questions/a.yaml", GOOD.replace("type: product_design", "type: brainteaser"))
    [p] = problems_of(company_folder)
    assert (p.entry, p.field) == ("pd-good", "type")
    assert p.message == (
        "unknown question type id 'brainteaser' (expected one of 'behavioral', 'product_design', "
        "'strategy', 'metrics', 'technical', 'estimation', 'culture')"
    )


def test_too_few_talking_points(company_folder):
    write(company_folder, "questions/a.yaml", GOOD.replace("[one, two, three]", "[one]"))
    [p] = problems_of(company_folder)
    assert (p.entry, p.field) == ("pd-good", "talking_points")
    assert p.message.startswith("list should have at least 3 items after validation, not 1")


def test_unknown_field_is_reported_not_ignored(company_folder):
    write(company_folder, "questions/a.yaml", GOOD + "    dificulty: hard\n")
    assert problems_of(company_folder) == [
        Problem("acme/questions/a.yaml", "pd-good", "dificulty", "is not a known field")
    ]


def test_unknown_round_and_competency_are_rejected(company_folder):
    text = GOOD.replace("[ei_case_presentation]", "[ei_lunch_chat]").replace("[customer_obsession]", "[charm]")
    write(company_folder, "questions/a.yaml", text)
    assert problems_of(company_folder) == [
        Problem("acme/questions/a.yaml", "pd-good", "competencies", "unknown competency id 'charm'"),
        Problem("acme/questions/a.yaml", "pd-good", "rounds", "unknown round id 'ei_lunch_chat'"),
    ]


def test_round_of_a_track_the_question_does_not_list(company_folder):
    write(company_folder, "questions/a.yaml", GOOD.replace("[ei_case_presentation]", "[ex_product_team]"))
    assert problems_of(company_folder) == [
        Problem(
            "acme/questions/a.yaml",
            "pd-good",
            "rounds",
            "round 'ex_product_team' belongs to track 'experienced', which the question's tracks do not list",
        )
    ]


def test_duplicate_id_across_files(company_folder):
    write(company_folder, "questions/a.yaml", GOOD)
    write(company_folder, "questions/b.yaml", GOOD)
    assert problems_of(company_folder) == [
        Problem("acme/questions/b.yaml", "pd-good", "id", "duplicate question id (also in acme/questions/a.yaml)")
    ]


def test_every_problem_is_reported_at_once(company_folder):
    write(company_folder, "questions/a.yaml", GOOD.replace("difficulty: easy", "difficulty: 7"))
    write(company_folder, "questions/b.yaml", "questions: {}\n")
    write(
        company_folder,
        "rounds.yaml",
        (company_folder / "rounds.yaml")
        .read_text()
        .replace("minutes: 45\n    minutes_max: 60", "minutes: 45\n    minutes_max: 30"),
    )
    found = {(p.file, p.field) for p in problems_of(company_folder)}
    assert found == {
        ("acme/questions/a.yaml", "difficulty"),
        ("acme/questions/b.yaml", "questions"),
        ("acme/rounds.yaml", "minutes_max"),
    }


def test_file_that_is_not_a_list(company_folder):
    write(company_folder, "questions/a.yaml", "questions: {}\n")
    assert problems_of(company_folder) == [
        Problem("acme/questions/a.yaml", None, "questions", "expected a list, got a mapping")
    ]


def test_entry_that_is_not_a_mapping(company_folder):
    write(company_folder, "questions/a.yaml", "questions:\n  - just a string\n")
    assert problems_of(company_folder) == [
        Problem("acme/questions/a.yaml", "#1", None, "expected a mapping of fields, got text")
    ]


def test_invalid_utf8(company_folder):
    (company_folder / "questions" / "a.yaml").write_bytes(b"questions:\n  - id: \xff\xfe\n")
    assert problems_of(company_folder) == [Problem("acme/questions/a.yaml", None, None, "is not UTF-8 text")]


def test_missing_reference_file(company_folder):
    (company_folder / "rounds.yaml").unlink()
    found = problems_of(company_folder)
    assert Problem("acme/rounds.yaml", None, None, "is missing from the company folder") in found


def test_primer_without_front_matter(company_folder):
    write(company_folder, "primers/cdn.md", "# CDN\nText\n")
    assert problems_of(company_folder) == [
        Problem("acme/primers/cdn.md", "cdn", None, "must start with a '---' front-matter block (title, summary)")
    ]


def test_question_linking_a_missing_primer(company_folder):
    write(company_folder, "questions/a.yaml", GOOD + "    primers: [no-such-primer]\n")
    assert problems_of(company_folder) == [
        Problem("acme/questions/a.yaml", "pd-good", "primers", "unknown primer id 'no-such-primer'")
    ]


def test_overlay_needs_a_base(tmp_path):
    write(tmp_path / "extra", "questions/a.yaml", GOOD)
    [p] = problems_of(tmp_path / "extra")
    assert p.file == "extra/company.yaml" and "needs company.yaml" in p.message


def test_overlay_adds_questions_to_a_base(company_folder, tmp_path):
    base = load_catalog(company_folder)
    write(tmp_path / "coach", "questions/mine.yaml", GOOD)
    merged = load_catalog(tmp_path / "coach", base=base)
    assert list(merged.questions) == ["pd-good"]
    assert merged.rounds == base.rounds


def test_overlay_duplicate_of_base_question(company_folder, tmp_path):
    write(company_folder, "questions/a.yaml", GOOD)
    base = load_catalog(company_folder)
    write(tmp_path / "coach", "questions/mine.yaml", GOOD)
    assert problems_of(tmp_path / "coach", base=base) == [
        Problem("coach/questions/mine.yaml", "pd-good", "id", "duplicate question id (also in acme/questions/a.yaml)")
    ]


def test_error_message_lists_every_problem(company_folder):
    write(company_folder, "questions/a.yaml", GOOD.replace("difficulty: easy", "difficulty: 7"))
    with pytest.raises(ContentError) as info:
        load_catalog(company_folder)
    assert str(info.value).startswith(
        "1 problem in the content:\n  - acme/questions/a.yaml › entry 'pd-good' › field 'difficulty': "
    )


def test_strong_answer_for_an_unknown_question(company_folder):
    write(company_folder, "questions/a.yaml", GOOD)
    write(
        company_folder,
        "strong_answers/a.yaml",
        "strong_answers:\n  - question_id: pd-good\n    answer: Fine.\n  - question_id: pd-gone\n    answer: Hm.\n",
    )
    assert problems_of(company_folder) == [
        Problem("acme/strong_answers/a.yaml", "pd-gone", "question_id", "unknown question id 'pd-gone'")
    ]


def test_two_strong_answers_for_one_question(company_folder):
    write(company_folder, "questions/a.yaml", GOOD)
    write(
        company_folder,
        "strong_answers/a.yaml",
        "strong_answers:\n  - question_id: pd-good\n    answer: One.\n  - question_id: pd-good\n    answer: Two.\n",
    )
    [p] = problems_of(company_folder)
    assert (p.entry, p.field) == ("pd-good", "question_id")
    assert p.message == "the question already has a strong answer (in acme/strong_answers/a.yaml)"
