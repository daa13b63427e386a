from __future__ import annotations

import json

from typer.testing import CliRunner

from pmprep.cli.main import app
from pmprep.outreach import MAX_MESSAGE_CHARS

runner = CliRunner()
GOOD = "Hi Sam, I read your post on download limits. How did you pick the success metric?"
REFERRAL = "Hi Jordan, huge fan! Could you refer me for the APM role?"


def one_line_error(result, text: str) -> None:
    assert result.exit_code == 2, result.output
    assert text in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_outreach_from_stdin_prints_score_verdict_flags_and_rewrite():
    result = runner.invoke(app, ["outreach", "-"], input=GOOD)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Send — 90/100 (checked as a LinkedIn connection note, inferred; 16 words, 81 characters)" in out
    assert "✓ “your post on download limits” names their work — Names their own work" in out
    assert "✓ “How did you pick the success metric?” one precise question (+20)" in out
    assert "How it reads:" in out
    assert "◆ Their own work: names their work (+5) — Names their work but no detail from it." in out
    assert "◆ The ask: a small ask (+5) — One concrete question" in out
    assert "“How did you pick the success metric”" in out
    assert "◆ About them or about you: about them — All about them and their work: 100% of its words." in out
    assert "Suggested rewrite:" in out and "Hi Sam, I read your post on download limits." in out


def test_outreach_quotes_each_problem_with_its_reason():
    result = runner.invoke(app, ["outreach", "-"], input=REFERRAL)
    assert result.exit_code == 0
    out = result.stdout
    assert "Do not send — 0/100" in out
    assert "✗ “refer me” a referral ask (-40) — Asks for a referral" in out
    assert "✗ “huge fan” generic flattery (-10)" in out
    assert "[their recent project: the post, talk or launch, by name]" in out


def test_outreach_json_from_a_file(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["outreach", str(path), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["score"], data["verdict"], data["channel"]) == (90, "send", "linkedin")
    assert [(s["id"], s["grade"], s["points"]) for s in data["signals"]] == [
        ("their_work", "named", 5),
        ("ask", "small", 5),
        ("focus", "them", 0),
    ]
    assert all(GOOD[f["start"] : f["end"]] == f["text"] for f in data["flags"])


def test_outreach_quotes_a_pitch_about_the_sender():
    pitch = (
        "Hi Taylor, I am a recent graduate with three years of experience in marketing. I have always been "
        "passionate about streaming. I would love to connect and learn from you."
    )
    result = runner.invoke(app, ["outreach", "-"], input=pitch)
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())  # Rich wraps long lines
    assert "Revise — 30/100" in out
    assert (
        "◆ About them or about you: mostly about you (-15) — Mostly about you: only 0% of its words are about them."
    ) in out
    assert "“I am a recent graduate with three years of experience in marketing”" in out
    assert "◆ The ask: a vague ask (-10)" in out and "“I would love to connect and learn from you”" in out


def test_outreach_channel_option_checks_a_long_note_as_linkedin(tmp_path):
    path = tmp_path / "note.txt"
    message = GOOD + " " + "I also read your talk notes on storage quotas for offline viewing. " * 4
    path.write_text(message, encoding="utf-8")
    data = json.loads(runner.invoke(app, ["outreach", str(path), "--channel", "linkedin", "--json"]).stdout)
    assert data["channel"] == "linkedin" and not data["channel_inferred"]
    assert [f["start"] for f in data["flags"] if f["kind"] == "too_long"] == [300]
    assert data["verdict"] == "revise"


def test_outreach_a_missing_file():
    result = runner.invoke(app, ["outreach", "/nonexistent/note.txt"])
    one_line_error(result, "cannot read /nonexistent/note.txt: No such file or directory")


def test_outreach_refuses_invalid_utf8(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes(b"Hi Ren\xe9e, how did you pick the metric?")
    one_line_error(runner.invoke(app, ["outreach", str(path)]), f"{path} is not UTF-8 text (bad byte at position 6)")


def test_outreach_refuses_an_empty_file(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("  \n\n ", encoding="utf-8")
    one_line_error(runner.invoke(app, ["outreach", str(path)]), f"{path} is empty: write the message first")


def test_outreach_refuses_empty_stdin():
    one_line_error(runner.invoke(app, ["outreach", "-"], input=""), "standard input is empty")


def test_outreach_refuses_an_oversized_message(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("x" * (MAX_MESSAGE_CHARS + 1), encoding="utf-8")
    one_line_error(
        runner.invoke(app, ["outreach", str(path)]), f"{path}: the message is 20,001 characters; the limit is 20,000"
    )


def test_outreach_refuses_an_unknown_channel():
    result = runner.invoke(app, ["outreach", "-", "--channel", "fax"], input=GOOD)
    one_line_error(result, "--channel must be linkedin or email, not 'fax'")


def test_outreach_help_names_the_argument():
    result = runner.invoke(app, ["outreach", "--help"])
    assert result.exit_code == 0 and "FILE|-" in result.stdout and "--channel" in result.stdout
