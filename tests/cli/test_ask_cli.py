from __future__ import annotations

import json

from typer.testing import CliRunner

from pmprep.cli.main import app
from pmprep.interview_week import MAX_QUESTION_CHARS

runner = CliRunner()


def one_line_error(result, text: str) -> None:
    assert result.exit_code == 2, result.output
    assert text in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_good_question_is_passed():
    result = runner.invoke(app, ["ask", "Which metric does your team look at first?", "--round", "ei_hiring_manager"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        "Ask it in Hiring-manager behavioural interview: one question only this interviewer can answer."
    )


def test_each_flag_is_printed_with_its_quote():
    result = runner.invoke(app, ["ask", "What's the culture like? And the pay?", "--round", "ei_hiring_manager"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert out.startswith("Rework it in Hiring-manager behavioural interview: ✗ Generic: “What's the culture like”.")
    assert "✗ Pay, too early: “the pay”." in out
    assert "✗ Several questions in one: “And the pay?”." in out


def test_json_output_is_the_report():
    result = runner.invoke(app, ["ask", "What is the salary range?", "--round", "ei_recruiter_screen", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "question": "What is the salary range?",
        "round_id": "ei_recruiter_screen",
        "ok": True,
        "flags": [],
        "summary": "Ask it: one question only this interviewer can answer.",
    }


def test_bad_input_gets_one_line():
    result = runner.invoke(app, ["ask", "Why?", "--round", "nope"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--round: unknown round 'nope'; the rounds are ei_recruiter_screen, " in " ".join(result.stderr.split())
    one_line_error(runner.invoke(app, ["ask", "   "]), "the question is empty")
    one_line_error(runner.invoke(app, ["ask", "?" * (MAX_QUESTION_CHARS + 1)]), "the limit is 1,000")
