from __future__ import annotations

import json
import re
import shlex
import shutil
import sys

import pytest
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


THREE_QUESTIONS = """\
questions:
  - id: acme-metrics-one
    text: Which one number would tell you that the new downloads feature is working, and which number would tell you it is hurting something else?
    type: metrics
    tracks: [experienced]
    rounds: [ex_product_team]
    competencies: [data_literacy]
    difficulty: medium
    talking_points: [a, b, c]
    probes: [d, e]
  - id: acme-design-two
    text: Design profiles for a shared family account.
    type: product_design
    tracks: [experienced]
    rounds: [ex_product_team]
    competencies: [customer_obsession]
    difficulty: easy
    talking_points: [a, b, c]
    probes: [d, e]
  - id: acme-a-question-id-long-enough-to-fold-at-forty-columns-wide
    text: Should the app ever autoplay trailers?
    type: product_design
    tracks: [experienced]
    rounds: [ex_product_team]
    competencies: [customer_obsession]
    difficulty: hard
    talking_points: [a, b, c]
    probes: [d, e]
"""
PLAIN_80 = {"COLUMNS": "80", "FORCE_COLOR": None, "TTY_COMPATIBLE": None, "PAGER": None}


@pytest.fixture
def three_questions(company_folder, monkeypatch):
    (company_folder / "questions" / "few.yaml").write_text(THREE_QUESTIONS, encoding="utf-8")
    monkeypatch.setenv("PMPREP_CONTENT", str(company_folder))
    monkeypatch.delenv("PMPREP_COMPANY", raising=False)
    return company_folder


def lines(result) -> list[str]:
    # Rich pads every line of a table to the full width; what a person reads is the rest.
    return [line.rstrip() for line in result.stdout.splitlines()]


def test_questions_read_at_80_columns_with_each_id_under_its_text(three_questions):
    result = runner.invoke(app, ["questions"], env=PLAIN_80, catch_exceptions=False)
    assert result.exit_code == 0
    assert lines(result) == [
        "3 questions",
        "question                                                          type · level",
        "─" * 80,
        "Which one number would tell you that the new downloads feature    Metrics",
        "is working, and which number would tell you it is hurting         medium",
        "something else?",
        "acme-metrics-one",
        "",
        "Design profiles for a shared family account.                      Product design",
        "acme-design-two                                                   easy",
        "",
        "Should the app ever autoplay trailers?                            Product design",
        "acme-a-question-id-long-enough-to-fold-at-forty-columns-wide      hard",
    ]
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_a_long_id_folds_on_a_narrow_terminal_instead_of_being_cut(three_questions):
    result = runner.invoke(
        app, ["questions", "--search", "autoplay"], env={**PLAIN_80, "COLUMNS": "40"}, catch_exceptions=False
    )
    assert lines(result) == [
        "1 question",
        "question                  type · level",
        "─" * 40,
        "Should the app ever       Product design",
        "autoplay trailers?        hard",
        "acme-a-question-id-long",
        "-enough-to-fold-at-fort",
        "y-columns-wide",
    ]


def test_a_limit_shows_the_first_questions_and_says_how_to_see_the_rest(three_questions):
    result = runner.invoke(app, ["questions", "--limit", "1"], env=PLAIN_80, catch_exceptions=False)
    assert lines(result) == [
        "3 questions (the first 1 shown)",
        "question                                                            type · level",
        "─" * 80,
        "Which one number would tell you that the new downloads feature is   Metrics",
        "working, and which number would tell you it is hurting something    medium",
        "else?",
        "acme-metrics-one",
        "",
        "2 more not shown: --limit 3 shows the first 3, --limit 0 every one; or narrow",
        "the list with --type, --round, --difficulty or --search.",
    ]


def test_piped_output_lists_every_question_and_never_pages(monkeypatch, catalog):
    from pmprep.cli import console as terminal

    monkeypatch.setattr(terminal._LessPager, "show", lambda self, content: pytest.fail("paged a pipe"))
    result = runner.invoke(app, ["questions"], env=PLAIN_80, catch_exceptions=False)
    assert result.stdout.startswith(f"{len(catalog.questions)} questions ")
    assert "more not shown" not in result.stdout


def test_a_terminal_gets_the_first_20_through_the_pager(monkeypatch, catalog):
    from pmprep.cli import catalog_commands
    from pmprep.cli import console as terminal

    paged: list[str] = []
    monkeypatch.setattr(catalog_commands, "on_terminal", lambda: True)
    monkeypatch.setattr(terminal, "_interactive", lambda: True)
    monkeypatch.setattr(terminal._LessPager, "show", lambda self, content: paged.append(content))
    result = runner.invoke(app, ["questions"], env=PLAIN_80, catch_exceptions=False)
    assert result.exit_code == 0 and result.stdout == ""
    (content,) = paged
    assert "(the first 20 shown)" in content and "more not shown: --limit 40 shows the first 40" in content
    ids = list(catalog.questions)
    assert all(f"\n{q} " in content for q in ids[:20]) and f"\n{ids[20]} " not in content


def test_no_pager_prints_straight_to_the_terminal(monkeypatch):
    from pmprep.cli import catalog_commands
    from pmprep.cli import console as terminal

    monkeypatch.setattr(catalog_commands, "on_terminal", lambda: True)
    monkeypatch.setattr(terminal, "_interactive", lambda: True)
    monkeypatch.setattr(terminal._LessPager, "show", lambda self, content: pytest.fail("paged with --no-pager"))
    result = runner.invoke(app, ["questions", "--no-pager", "--type", "metrics"], env=PLAIN_80)
    assert "(the first 20 shown)" in result.stdout


def test_the_pager_is_pager_with_colours_kept(tmp_path, monkeypatch):
    from pmprep.cli.console import _LessPager

    seen = tmp_path / "seen.txt"
    script = f"import os, sys; open({str(seen)!r}, 'w').write(os.environ['LESS'] + '|' + sys.stdin.read())"
    monkeypatch.setenv("PAGER", f"{sys.executable} -c {shlex.quote(script)}")
    monkeypatch.delenv("LESS", raising=False)
    _LessPager().show("page one\n")
    assert seen.read_text() == "FRX|page one\n"


def test_json_lists_every_question_on_a_terminal_too(monkeypatch, catalog):
    from pmprep.cli import catalog_commands

    monkeypatch.setattr(catalog_commands, "on_terminal", lambda: True)
    assert len(json.loads(run("questions", "--json").stdout)) == len(catalog.questions)
    assert len(json.loads(run("questions", "--json", "--limit", "2").stdout)) == 2


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


def test_content_check_reads_every_file_a_part_reads_on_first_use(tmp_path):
    folder = tmp_path / "acme"
    shutil.copytree(SHIPPED, folder, ignore=shutil.ignore_patterns("questions", "primers", "strong_answers"))
    (folder / "outreach_rules.yaml").write_text("rules: 5\n", encoding="utf-8")
    pressure = (folder / "pressure.yaml").read_text(encoding="utf-8")
    (folder / "pressure.yaml").write_text(re.sub(r"budget_share: .*", "budget_share: 7", pressure), encoding="utf-8")
    result = runner.invoke(app, ["content", "check", str(folder), "--json"])
    assert result.exit_code == 1
    assert [p["file"] + " " + str(p["field"]) for p in json.loads(result.stdout)["problems"]] == [
        "acme/outreach_rules.yaml None",
        "acme/outreach_rules.yaml None",
        "acme/pressure.yaml budget_share",
    ]


def test_version():
    assert run("--version").stdout.startswith("pmprep ")
