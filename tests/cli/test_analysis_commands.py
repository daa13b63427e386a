from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pmprep.analysis import MAX_ANSWER_CHARS
from pmprep.cli.main import app

runner = CliRunner()
QUESTION = "Tell me about a time you changed a plan because of user research."
ANSWER = (
    "Last spring I led onboarding for a budgeting app with 40,000 monthly users. Interviews showed people quit "
    "at bank linking, so I cut two steps and tested it against the old flow for three weeks. Completion rose "
    "from 52% to 61%. I learned to test the riskiest step first."
)


def test_analyze_from_stdin_prints_a_table_with_quoted_evidence():
    result = runner.invoke(app, ["analyze", "-q", QUESTION], input=ANSWER)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Type: Behavioural" in out and "Quantified result" in out
    # The quote and what it shows, whichever line of its cell the table wraps them onto.
    cells = " ".join(line.split("│")[3].strip() for line in out.splitlines() if line.count("│") == 5)
    assert "“from 52% to 61%” (a baseline)" in cells
    assert "An interviewer would ask next:" in out


def test_analyze_json_from_a_file(tmp_path):
    path = tmp_path / "answer.txt"
    path.write_text(ANSWER, encoding="utf-8")
    result = runner.invoke(app, ["analyze", "-q", QUESTION, "--file", str(path), "--json", "--seconds", "120"])
    data = json.loads(result.stdout)
    assert data["question_type"] == "behavioral" and 0 <= data["score"] <= 100
    assert data["delivery"]["budget_seconds"] == 120.0
    evidence = [e for c in data["criteria"] for e in c["evidence"]]
    assert all(ANSWER[e["start"] : e["end"]] == e["text"] for e in evidence)


def test_analyze_a_bank_question_by_id(catalog):
    qid = next(iter(catalog.questions))
    data = json.loads(runner.invoke(app, ["analyze", "-q", qid, "--json"], input=ANSWER).stdout)
    assert data["question"] == catalog.questions[qid].text


def test_analyze_refuses_invalid_utf8(tmp_path):
    path = tmp_path / "answer.txt"
    path.write_bytes(b"caf\xe9 answer")
    result = runner.invoke(app, ["analyze", "-q", QUESTION, "--file", str(path)])
    assert result.exit_code == 2 and "is not UTF-8 text (bad byte at position 3)" in result.stderr


def test_analyze_refuses_an_oversized_answer():
    result = runner.invoke(app, ["analyze", "-q", QUESTION], input="x" * (MAX_ANSWER_CHARS + 1))
    assert result.exit_code == 2 and "the limit is 200,000" in result.stderr


def test_analyze_refuses_an_unknown_type():
    result = runner.invoke(app, ["analyze", "-q", QUESTION, "--type", "riddle"], input=ANSWER)
    assert result.exit_code == 2 and "question_type 'riddle' is not one of" in result.stderr


def test_analyze_a_missing_file():
    result = runner.invoke(app, ["analyze", "-q", QUESTION, "--file", "/nonexistent/answer.txt"])
    assert result.exit_code == 1 and "cannot read /nonexistent/answer.txt" in result.stderr


def test_classify_text_and_json():
    assert runner.invoke(app, ["classify", "How many golf balls fit in a bus?"]).stdout == (
        "Estimation (confidence 0.60; classified from its wording); competencies: Quantitative thinking and metrics, "
        "Data literacy\n"
    )
    data = json.loads(runner.invoke(app, ["classify", "Why Netflix?", "--json"]).stdout)
    assert data["question_type"] == "culture" and data["source"] == "rules"


def test_an_unknown_id_is_an_error_not_a_question(catalog):
    qid = next(iter(catalog.questions))
    result = runner.invoke(app, ["analyze", "-q", qid + "x"], input=ANSWER)
    assert result.exit_code == 2
    assert f"there is no bank question with the id '{qid}x'. Did you mean {qid}" in " ".join(result.stderr.split())


def test_an_id_with_nothing_close_points_at_the_list():
    result = runner.invoke(app, ["analyze", "-q", "zzz-qqq-www"], input=ANSWER)
    assert result.exit_code == 2 and "`pmprep questions` lists the ids" in " ".join(result.stderr.split())


def test_an_empty_answer_is_an_error():
    for given in ("", "  \n\t"):
        result = runner.invoke(app, ["analyze", "-q", QUESTION], input=given)
        assert result.exit_code == 2 and "the answer is empty" in result.stderr
        assert result.stdout == ""


def test_an_unknown_track_is_an_error():
    result = runner.invoke(app, ["analyze", "-q", QUESTION, "--track", "intern"], input=ANSWER)
    assert result.exit_code == 2 and "--track: unknown track 'intern'" in result.stderr


@pytest.mark.django_db
def test_the_terminal_and_the_web_give_one_answer_the_same_score(client, catalog):
    from pmprep.web.accounts.models import User
    from pmprep.web.practice.models import Attempt

    # A question asked in rounds of both tracks with different budgets: the track decides the budget.
    qid, q = next(
        (qid, q)
        for qid, q in catalog.questions.items()
        if len(
            {catalog.rounds[r].answer_minutes for r in q.rounds if catalog.rounds[r].track == "experienced"}
            | {catalog.rounds[q.rounds[0]].answer_minutes}
        )
        > 1
    )
    client.force_login(User.objects.create_user("dana", password="a-long-passphrase-1", track="experienced"))
    client.post("/practice/", {"question_id": qid, "question_text": q.text, "answer": ANSWER})
    web = Attempt.objects.get()
    cli = json.loads(
        runner.invoke(app, ["analyze", "-q", qid, "--track", "experienced", "--json"], input=ANSWER).stdout
    )
    assert (cli["score"], cli["delivery"]["budget_seconds"]) == (web.score, web.seconds_budget)
    assert cli == web.feedback
