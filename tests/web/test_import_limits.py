"""An import applies the rules the pages apply, refuses early whatever the file holds, and never
silently merges into someone else's account."""

from __future__ import annotations

import copy
import io
import json
import re

import pytest
import time_machine
from typer.testing import CliRunner

from pmprep.cli.main import app
from pmprep.web import portability
from pmprep.web.accounts.models import User
from pmprep.web.loops.models import RoundScorecard
from pmprep.web.portability.export_reader import MAX_DEPTH, MAX_RECORDS, TooLarge, read_stream
from pmprep.web.practice.models import Attempt
from tests.web.test_import_round_trip import T0, alices_everything, every_kind_of_record  # noqa: F401

pytestmark = pytest.mark.django_db
HEAD = (
    '{"format": "pmprep-export", "version": 1, "account": {"username": "mallory", "email": "", "first_name": "", '
    '"last_name": "", "track": "", "interview_date": null, "date_joined": "2026-11-01T00:00:00+00:00"}, "data": '
)


def _refused(raw: bytes) -> portability.ImportProblem:
    before = (User.objects.count(), Attempt.objects.count())
    with pytest.raises(portability.ImportProblem) as caught:
        portability.import_bytes(raw, "hostile.json")
    assert (User.objects.count(), Attempt.objects.count()) == before
    return caught.value


def test_a_million_empty_attempts_stop_the_check_at_twenty_problems():
    problem = _refused((HEAD + '{"attempts": [' + ",".join(["{}"] * 1_000_000) + "]}}").encode())
    assert len(problem.problems) == portability.MAX_PROBLEMS and problem.stopped
    assert problem.problems[0] == "data.attempts[0].uid: missing"
    assert str(problem).endswith(f"… checking stopped after the first {portability.MAX_PROBLEMS} problems")


def test_a_section_over_its_limit_is_refused_as_it_is_read():
    raw = (HEAD + '{"contacts": [' + ",".join(["0"] * (MAX_RECORDS + 1)) + "]}}").encode()
    with pytest.raises(TooLarge) as caught:
        for _ in read_stream(io.BytesIO(raw)):
            pass
    assert str(caught.value) == "data.contacts: more than 20,000 records; the limit is 20,000 of each kind"


def test_a_record_nested_deeper_than_any_real_one_is_refused():
    deep = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    problem = _refused((HEAD + '{"attempts": [' + deep + "]}}").encode())
    assert problem.problems == ["data.attempts[0]: nested more than 32 levels deep; no pmprep record is"]


@pytest.fixture
def everything(alices_everything):  # noqa: F811
    _, document = alices_everything
    for section in document["data"].values():  # another person's copy of the same records
        for row in section:
            row["uid"] = row["uid"][:-4] + "beef"
            for name in {r for s in portability.SECTIONS for r in s.references}:  # every section's references
                if row.get(name):
                    row[name] = row[name][:-4] + "beef"
    document["account"]["username"] = "carol"
    return document


def _first(document, section, **match):
    return next(r for r in document["data"][section] if all(r.get(k) == v for k, v in match.items()))


def _problems(document) -> list[str]:
    with time_machine.travel(T0, tick=False):
        return _refused(json.dumps(document).encode()).problems


def test_the_untouched_file_imports(everything):
    with time_machine.travel(T0, tick=False):
        owner, summary = portability.import_bytes(json.dumps(everything).encode(), "everything.json")
    assert owner.username == "carol" and summary.created["round_scorecards"] == 5


@pytest.mark.parametrize(
    "change, expected",
    [
        # A peer link lives at most a week, as the form offers.
        (
            lambda d: _first(d, "peer_links").update(expires="9999-01-01T00:00:00+00:00"),
            "data.peer_links[0].expires: 9999-01-01T00:00:00+00:00 is outside the years 2000–2199",
        ),
        (
            lambda d: _first(d, "peer_links").update(expires="2026-12-31T00:00:00+00:00"),
            "data.peer_links[0].expires: a link works for at most 168 hours after it is made",
        ),
        (
            lambda d: _first(d, "attempts").update(answer="an answer with a \x00 null"),
            "data.attempts[0].answer: contains a null character",
        ),
        (
            lambda d: _first(d, "attempts").update(question_text="q" * 300_000),
            "data.attempts[0].question_text: 300,000 characters; the limit is",
        ),
        (lambda d: _first(d, "attempts")["feedback"].update(criteria="none"), "data.attempts[0].feedback: criteria"),
        (lambda d: _first(d, "attempts").update(feedback={"score": 99}), "data.attempts[0].feedback"),
        (
            lambda d: _first(d, "attempts").update(created="NaN"),
            "data.attempts[0].created: expected a date and time with its UTC offset, such as 2026-10-05T09:30:00+00:00 "
            '(found "NaN")',
        ),
        (
            lambda d: _first(d, "attempts").update(created="9999-99-99T00:00:00+00:00"),
            "data.attempts[0].created: expected a date and time with its UTC offset",
        ),
        (
            lambda d: _first(d, "attempts").update(created="0000-01-01T00:00:00+00:00"),
            "data.attempts[0].created: expected a date and time with its UTC offset",
        ),
        (
            lambda d: _first(d, "attempts").update(created=1.5),
            "data.attempts[0].created: expected a date and time with its UTC offset, such as 2026-10-05T09:30:00+00:00 "
            "(found a number)",
        ),
        (
            lambda d: _first(d, "contacts").update(met_on="1999-12-31"),
            "data.contacts[0].met_on: 1999-12-31 is outside the years 2000–2199",
        ),
    ],
)
def test_a_record_the_pages_would_refuse_is_refused(everything, change, expected):
    document = copy.deepcopy(everything)
    change(document)
    problems = _problems(document)
    assert any(p.startswith(expected) for p in problems), problems


def test_a_number_of_5000_digits_is_refused_plainly(everything):
    document = copy.deepcopy(everything)
    _first(document, "attempts").update(seconds_taken=424242)
    raw = json.dumps(document).replace("424242", "9" * 5_000, 1).encode()
    with time_machine.travel(T0, tick=False):
        problems = _refused(raw).problems
    start = raw.index(b"9" * 5_000) + 1
    [problem] = problems
    found = re.fullmatch(r"line 1, column (\d+): not valid JSON \(a number too large\)", problem)
    assert found and start <= int(found.group(1)) <= start + 5_000, problem


def test_a_peer_scorecard_that_no_link_produced_is_refused(everything):
    document = copy.deepcopy(everything)
    link = _first(document, "peer_links", used=_first(document, "peer_links")["used"])
    link.update(scorecard=None, used=None)
    assert _problems(document) == [
        f"data.round_scorecards[{[c['source'] for c in document['data']['round_scorecards']].index('peer')}].source: "
        "a peer scorecard comes from a peer link, and no link in the file or this account produced this one"
    ]


def test_a_second_self_scorecard_for_a_round_is_refused(everything):
    document = copy.deepcopy(everything)
    cards = document["data"]["round_scorecards"]
    forged = dict(_first(document, "round_scorecards", source="self"), uid="6f0ef3e1-0000-4000-8000-00000000beef")
    cards.append(forged)
    assert _problems(document) == [
        f"data.round_scorecards[{len(cards) - 1}].source: the round already has a self scorecard in the file"
    ]
    assert not RoundScorecard.objects.filter(user__username="carol").exists()


def test_the_cli_does_not_merge_a_file_into_an_existing_account_of_the_same_name(alice, tmp_path):
    path = tmp_path / "alice.json"
    document = portability.export_user(alice)
    document["data"]["contacts"] = []
    path.write_text(json.dumps(document))
    result = CliRunner().invoke(app, ["import", str(path)])
    said = " ".join(result.output.split())
    assert result.exit_code == 2
    assert "there is already an account 'alice' here" in said and f"pmprep import {path} --user alice" in said
    assert CliRunner().invoke(app, ["import", str(path), "--user", "alice"]).exit_code == 0


def test_one_value_longer_than_any_record_holds_is_refused_as_it_is_read():
    # 8 MB of emoji in one string: the JSON parser re-read such a string with every chunk (minutes for 50 MB).
    problem = _refused((HEAD + '{"attempts": [{"answer": "' + "\U0001f600" * 2_000_000 + '"}]}}').encode())
    assert problem.problems == [
        "byte 5242880: one value runs on for more than 4 MB; no pmprep record holds one that long"
    ]
