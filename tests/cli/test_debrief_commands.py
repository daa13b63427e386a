"""`pmprep debrief FILE`, invoked as a user would."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pmprep.analysis import analyze
from pmprep.cli.main import app

runner = CliRunner()
TRANSCRIPT = (
    "Interviewer: How would you measure success for Netflix downloads?\n"
    "Me: Um, I would look at completion of downloaded titles within a week, then storage churn.\n"
    "Interviewer: Tell me about a time you failed.\n"
    "Me: In 2021 I launched a feature that cut retention by 2%. I rolled it back and learned to test first.\n"
)


def test_json_is_exactly_the_exchanges_with_the_analyzers_feedback(tmp_path):
    path = tmp_path / "call.txt"
    path.write_text(TRANSCRIPT)
    result = runner.invoke(app, ["debrief", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["exchanges"]
    assert [list(e) for e in data["exchanges"]] == [["question", "answer", "feedback"]] * 2
    first = data["exchanges"][0]
    assert first["question"] == "How would you measure success for Netflix downloads?"
    assert first["answer"] == "Um, I would look at completion of downloaded titles within a week, then storage churn."
    assert first["feedback"] == analyze(first["question"], first["answer"]).to_dict()


def test_it_prints_each_exchange_with_its_feedback(tmp_path):
    path = tmp_path / "call.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Priya>Tell me about a time you failed.\n\n"
        "00:00:04.000 --> 00:00:09.000\n<v Alex>Um, in 2021 I launched a feature that cut retention by 2%.\n"
    )
    result = runner.invoke(app, ["debrief", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "1 exchanges between Priya (interviewer) and Alex (you), read as vtt."
    assert "Q: Tell me about a time you failed." in lines
    assert any(line.endswith("Fillers: “um”.") for line in lines)


def test_candidate_chooses_the_speaker(tmp_path):
    path = tmp_path / "call.txt"
    path.write_text("Sam: Why Netflix?\nDana: The culture memo.\nSam: Why now?\nDana: Timing.\n")
    result = runner.invoke(app, ["debrief", str(path), "--json", "--candidate", "Sam"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Error: {path}: line 1: no question of Dana's is followed by an answer of Sam's: "
        "expected the interviewer's turn, then yours"
    )


def test_a_bad_file_is_one_line_naming_the_file_and_line_with_exit_code_2(tmp_path):
    path = tmp_path / "call.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:04,000\nA: Why?\n\n2\n00:00:05 --> 00:00:06\nB: Because.\n")
    result = runner.invoke(app, ["debrief", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {path}: line 6: expected a cue timing line like 00:00:01,000 --> 00:00:04,000, "
        "got '00:00:05 --> 00:00:06'\n"
    )


def test_a_missing_or_binary_file_is_refused_cleanly(tmp_path):
    missing = runner.invoke(app, ["debrief", str(tmp_path / "nope.txt")])
    assert (missing.exit_code, missing.stderr.strip()) == (
        2,
        f"Error: cannot read {tmp_path / 'nope.txt'}: No such file or directory",
    )
    binary = tmp_path / "call.txt"
    binary.write_bytes(b"Me: \xff\xfe")
    result = runner.invoke(app, ["debrief", str(binary)])
    assert (result.exit_code, result.stderr.strip()) == (2, f"Error: {binary}: not UTF-8 text (bad byte at position 4)")
