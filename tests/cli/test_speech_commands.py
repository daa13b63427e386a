"""`pmprep speech` and `pmprep analyze --audio`, invoked as a user would, on a synthetic recording."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pmprep.cli.main import app
from tests.core.speech.conftest import VOICE, need_tools
from tests.core.speech.synthetic import answer

runner = CliRunner()
SAID = "Let me structure this in three parts. First, the users who travel often.", 2.5, "Overall, I would launch it."


@pytest.fixture(scope="module")
def recording(tmp_path_factory):
    need_tools()
    return answer(list(SAID), tmp_path_factory.mktemp("cli-speech") / "answer.wav", voice=VOICE)


@pytest.mark.speech
def test_speech_json_prints_the_transcript_words_pauses_and_rate(recording):
    result = runner.invoke(app, ["speech", str(recording.path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["transcript"].startswith("Let me structure this in three parts")
    assert [w["word"] for w in data["words"]][:3] == ["let", "me", "structure"]
    assert len(data["pauses"]) == 1 and abs(data["pauses"][0]["start"] - recording.pauses[0][0]) <= 0.3
    assert data["wpm"] > 100 and data["duration_s"] == pytest.approx(recording.duration_s, abs=0.05)
    assert data["fillers"] == [] and data["speech_s"] < data["duration_s"]


@pytest.mark.speech
def test_speech_prints_a_draft_to_correct_and_the_delivery(recording):
    result = runner.invoke(app, ["speech", str(recording.path), "--seconds", "60"])
    assert result.exit_code == 0, result.output
    assert "Draft transcript" in result.stdout and "correct it before it is judged" in result.stdout
    assert "Long pauses (2 s or more): " in result.stdout and "against a budget of 60 s" in result.stdout
    assert "never judge accent or fluency" in result.stdout


@pytest.mark.speech
def test_analyze_audio_judges_the_transcript_and_adds_what_was_heard(recording):
    question = "How would you improve Netflix for people who travel?"
    result = runner.invoke(app, ["analyze", "-q", question, "--audio", str(recording.path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["spoken"]["transcript"].startswith("Let me structure")
    structure = next(c for c in data["criteria"] if c["id"] == "structure")
    assert any(e["text"].lower().startswith("let me structure") for e in structure["evidence"])


def test_speech_refuses_a_file_that_is_not_a_recording_by_name(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not audio", encoding="utf-8")
    result = runner.invoke(app, ["speech", str(path)])
    assert result.exit_code == 2 and "notes.txt is not a WAV file" in result.stderr
    assert "Traceback" not in result.output


def test_analyze_refuses_both_a_file_and_a_recording(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("An answer.", encoding="utf-8")
    result = runner.invoke(app, ["analyze", "-q", "Why Netflix?", "--file", str(text), "--audio", str(text)])
    assert result.exit_code == 2 and "not both" in result.stderr
