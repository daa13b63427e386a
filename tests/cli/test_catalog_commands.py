from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from pmprep.bank import SHIPPED
from pmprep.cli.main import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_questions_json_filters(catalog):
    result = run("questions", "--type", "technical", "--round", "ei_technical_deep_dive", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    expected = [
        q.id for q in catalog.questions.values() if q.type == "technical" and "ei_technical_deep_dive" in q.rounds
    ]
    assert [r["id"] for r in rows] == expected
    assert set(rows[0]) >= {
        "id",
        "text",
        "type",
        "tracks",
        "rounds",
        "competencies",
        "difficulty",
        "talking_points",
        "probes",
    }


def test_questions_by_dimension_includes_its_components(catalog):
    rows = json.loads(run("questions", "--competency", "data_literacy", "--json").stdout)
    ids = {r["id"] for r in rows}
    tagged_component = [q.id for q in catalog.questions.values() if "quantitative_metrics" in q.competencies]
    assert set(tagged_component) <= ids


def test_questions_search_table():
    result = run("questions", "--search", "buffering")
    assert result.exit_code == 0
    assert "question" in result.stdout and "buffering" in result.stdout.lower()


def test_questions_rejects_an_unknown_round():
    result = runner.invoke(app, ["questions", "--round", "lunch"])
    assert result.exit_code == 2
    assert "unknown round 'lunch'; expected one of:" in result.stderr


def test_loop_text_shows_rounds_and_calendar_warning():
    result = run("loop", "--track", "early_in", "--today", "2026-10-25")
    assert result.exit_code == 0
    out = result.stdout
    for text in ["Recruiter screen", "30 min", "Technical deep dive", "60 min", "Case-study presentation", "90 min"]:
        assert text in out
    assert "closes in 7 days" in out


def test_loop_json_for_both_tracks():
    data = json.loads(run("loop", "--json", "--today", "2026-11-22").stdout)
    assert [t["id"] for t in data] == ["early_in", "experienced"]
    assert [r["minutes"] for r in data[0]["rounds"]] == [30, 45, 60, 90]
    assert data[0]["calendar"]["warnings"][0].startswith("The application window closed on 1 Nov 2026")
    assert data[1]["calendar"] is None


def test_loop_rejects_a_bad_date():
    result = runner.invoke(app, ["loop", "--today", "tomorrow"])
    assert result.exit_code == 2 and "is not a date; expected YYYY-MM-DD" in result.stderr


def test_content_check_of_the_shipped_folder_prints_counts(catalog):
    result = run("content", "check", str(SHIPPED))
    assert result.exit_code == 0
    assert "OK" in result.stdout and str(len(catalog.questions)) in result.stdout


def test_content_check_json():
    data = json.loads(run("content", "check", str(SHIPPED), "--json").stdout)
    assert data["ok"] is True and data["counts"]["tracks"] == 2 and data["counts"]["rounds"] == 10


def test_content_check_reports_problems_and_fails(tmp_path):
    folder = tmp_path / "coach"
    (folder / "questions").mkdir(parents=True)
    (folder / "questions" / "extra.yaml").write_text(
        "questions:\n  - id: x-1\n    text: Hi\n    type: trivia\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["content", "check", str(folder)])
    assert result.exit_code == 1
    assert "problems" in result.stderr and "(nothing was loaded)" in result.stderr
    assert "coach/questions/extra.yaml › entry 'x-1' › field 'tracks': is required but missing" in result.stderr


def test_content_check_accepts_a_valid_overlay(tmp_path):
    folder = tmp_path / "coach"
    (folder / "questions").mkdir(parents=True)
    (folder / "questions" / "extra.yaml").write_text(
        """\
questions:
  - id: coach-q1
    text: How would you decide whether to bring back a retired feature?
    type: product_design
    tracks: [experienced]
    rounds: [ex_product_team]
    competencies: [customer_obsession]
    difficulty: medium
    talking_points: [a, b, c]
    probes: [d, e]
""",
        encoding="utf-8",
    )
    data = json.loads(run("content", "check", str(folder), "--json").stdout)
    assert data["ok"] is True


def test_content_check_of_a_company_folder(tmp_path):
    folder = tmp_path / "acme"
    shutil.copytree(SHIPPED, folder, ignore=shutil.ignore_patterns("questions", "primers", "strong_answers"))
    data = json.loads(run("content", "check", str(folder), "--json").stdout)
    assert data["counts"]["questions"] == 0 and data["counts"]["rounds"] == 10


def test_version():
    assert run("--version").stdout.startswith("pmprep ")
