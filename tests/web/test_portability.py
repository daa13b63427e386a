"""Export and import of one user's data: complete, exact round trip, and refusal that changes nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from typer.testing import CliRunner

from pmprep.cli.main import app
from pmprep.web import portability
from pmprep.web.accounts.models import User
from pmprep.web.practice.models import Attempt, Draft
from tests.web.conftest import drafted, practised

pytestmark = pytest.mark.django_db(transaction=False)
FROZEN = dt.datetime(2026, 10, 5, 9, 30, tzinfo=dt.UTC)
NOTHING = {s.name: 0 for s in portability.SECTIONS}


@pytest.fixture
def alices_data(alice):
    alice.interview_date = dt.date(2026, 12, 1)
    alice.email = "alice@example.org"
    alice.save()
    with time_machine.travel(FROZEN, tick=False):
        practised(alice, "I led the onboarding redesign; completion rose from 52% to 61% in three weeks.")
        practised(alice, "Ünïcode answer — with “quotes” and <b>markup</b> kept as text.", question="Why Netflix?")
        drafted(alice, "Half-written draft about a pricing test", question_id="")
    return alice


def _wipe(user: User) -> None:
    Attempt.objects.filter(user=user).delete()
    Draft.objects.filter(user=user).delete()
    user.delete()


def test_every_user_owned_model_is_a_section_of_the_export():
    assert set(portability.owned_models()) == {s.model for s in portability.SECTIONS}


def test_the_export_is_versioned_and_complete(alices_data):
    with time_machine.travel(FROZEN, tick=False):
        document = portability.export_user(alices_data)
    assert (document["format"], document["version"], document["exported_at"]) == (
        "pmprep-export",
        1,
        "2026-10-05T09:30:00+00:00",
    )
    assert document["account"] == {
        "username": "alice",
        "email": "alice@example.org",
        "first_name": "",
        "last_name": "",
        "company": "",
        "track": "early_in",
        "interview_date": "2026-12-01",
        "date_joined": alices_data.date_joined.isoformat(),
    }
    assert [len(document["data"][k]) for k in ("attempts", "drafts")] == [2, 1]
    first = document["data"]["attempts"][0]
    assert set(first) == set(next(s for s in portability.SECTIONS if s.name == "attempts").fields)
    assert first["created"] == "2026-10-05T09:30:00+00:00"
    assert "password" not in json.dumps(document["account"])


def test_import_into_an_empty_instance_reproduces_the_data_exactly(alices_data):
    before = portability.export_user(alices_data, now=FROZEN)
    text = portability.dumps(before)
    _wipe(alices_data)
    assert not User.objects.exists() and not Attempt.objects.exists()

    owner, summary = portability.import_bytes(text.encode(), "alice.json")
    assert summary.account_created and summary.created == {**NOTHING, "attempts": 2, "drafts": 1}
    assert not owner.has_usable_password()
    assert portability.export_user(owner, now=FROZEN) == before


def test_importing_the_same_file_twice_changes_nothing(alices_data):
    document = portability.export_user(alices_data)
    _, summary = portability.import_document(document, "again.json", user=alices_data)
    assert summary.created == NOTHING
    assert summary.already_present == {**NOTHING, "attempts": 2, "drafts": 1}
    assert summary.describe() == "Imported nothing new; 3 already here were kept."
    assert Attempt.objects.count() == 2 and Draft.objects.count() == 1


def test_a_newer_draft_for_the_same_question_replaces_the_older_one(alices_data):
    document = portability.export_user(alices_data)
    Draft.objects.filter(user=alices_data).delete()
    with time_machine.travel(FROZEN - dt.timedelta(days=1), tick=False):
        drafted(alices_data, "older text")
    portability.import_document(document, "x.json", user=alices_data)
    assert list(Draft.objects.values_list("answer", flat=True)) == ["Half-written draft about a pricing test"]


def _refused(document_or_bytes) -> list[str]:
    counts = (User.objects.count(), Attempt.objects.count(), Draft.objects.count())
    raw = document_or_bytes if isinstance(document_or_bytes, bytes) else json.dumps(document_or_bytes).encode()
    with pytest.raises(portability.ImportProblem) as caught:
        portability.import_bytes(raw, "bad.json")
    assert (User.objects.count(), Attempt.objects.count(), Draft.objects.count()) == counts
    assert str(caught.value).startswith("bad.json was not imported (nothing was changed):")
    return caught.value.problems


def _valid(alice) -> dict:
    document = portability.export_user(alice)
    document["account"]["username"] = "carol"
    for section in document["data"].values():
        for row in section:
            row["uid"] = row["uid"][:-4] + "beef"
    return document


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"\xff\xfe\x00garbage", ["byte 0: the file is not UTF-8 text; expected a pmprep JSON export"]),
        (b'{"format": ', ["line 1, column 12: not valid JSON (the file ends before the JSON does)"]),
        (b"[" * 100_000 + b"]" * 100_000, ['"format": expected "pmprep-export"; this is not a pmprep export']),
        (
            b'{"name": "some-other-app", "items": []}',
            ['"format": expected "pmprep-export"; this is not a pmprep export'],
        ),
        (
            b'{"format": "pmprep-export", "version": 7}',
            ['"version": expected 1, found 7; this pmprep (0.1.0) reads version 1 exports'],
        ),
    ],
)
def test_malformed_or_foreign_files_are_refused_with_a_clear_reason(raw, expected, db):
    assert _refused(raw) == expected


def test_each_bad_field_is_named_and_nothing_is_written(alices_data):
    document = _valid(alices_data)
    document["data"]["attempts"][0]["score"] = "high"
    document["data"]["attempts"][1]["created"] = "yesterday"
    del document["data"]["drafts"][0]["answer"]
    document["data"]["drafts"][0]["colour"] = "red"
    document["data"]["horoscopes"] = []
    assert _refused(document) == [
        'data.attempts[0].score: expected a number (found "high")',
        "data.attempts[1].created: expected a date and time with its UTC offset, such as "
        '2026-10-05T09:30:00+00:00 (found "yesterday")',
        "data.drafts[0].colour: not a field of drafts",
        "data.drafts[0].answer: missing",
        "data.horoscopes: not a kind of data this pmprep knows",
    ]
    assert not User.objects.filter(username="carol").exists()


def test_a_level_out_of_range_and_a_bad_account_are_refused(alices_data):
    document = _valid(alices_data)
    document["data"]["attempts"][0]["level"] = -2
    document["account"]["username"] = "no spaces allowed!"
    problems = _refused(document)
    assert "data.attempts[0].level: -2 differs from the feedback's 1" in problems
    assert any(p.startswith("account.username: Enter a valid username") for p in problems)


def test_another_accounts_records_cannot_be_taken_over(alices_data, bob):
    document = portability.export_user(alices_data)
    with pytest.raises(portability.ImportProblem, match="already belong to another account on this server"):
        portability.import_document(document, "alice.json", user=bob)
    bob.refresh_from_db()
    assert not bob.attempts.exists() and bob.track == "experienced"


def test_web_export_then_import_into_a_fresh_account(client, alices_data, bob):
    client.force_login(alices_data)
    page = client.get(reverse("portability:data")).content.decode()
    assert "2 attempts" in page and "1 drafts" in page
    download = client.get(reverse("portability:export"))
    assert download.status_code == 200 and download["Cache-Control"] == "private, no-store"
    assert 'filename="pmprep-alice-' in download["Content-Disposition"]
    document = json.loads(download.content)
    _wipe(alices_data)

    carol = User.objects.create_user("carol", password="correct horse battery")
    client.force_login(carol)
    upload = SimpleUploadedFile("alice.json", download.content, content_type="application/json")
    response = client.post(reverse("portability:data"), {"file": upload})
    assert response.status_code == 302
    assert "Imported 2 attempts, 1 drafts." in client.get(reverse("portability:data")).content.decode()
    carol.refresh_from_db()
    assert (carol.track, carol.interview_date) == ("early_in", dt.date(2026, 12, 1))
    again = portability.export_user(carol)
    assert again["data"] == document["data"]


def test_web_import_of_a_bad_file_shows_the_problems_and_changes_nothing(client, bob):
    client.force_login(bob)
    upload = SimpleUploadedFile("notes.json", b'{"format": "pmprep-export", "version": 1, "account": 3, "data": {}}')
    response = client.post(reverse("portability:data"), {"file": upload})
    html = response.content.decode()
    assert response.status_code == 400
    assert (
        "The file was not imported, and nothing was changed" in html
        and "&quot;account&quot;: expected an object" in html
    )
    assert not bob.attempts.exists()


def test_web_import_without_a_file_says_so(client, bob):
    client.force_login(bob)
    response = client.post(reverse("portability:data"), {})
    assert response.status_code == 400 and "This field is required." in response.content.decode()


def test_cli_export_and_import_round_trip(alices_data, tmp_path):
    runner = CliRunner()
    target = tmp_path / "alice.json"
    result = runner.invoke(app, ["export", "alice", "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert "2 attempts, 1 drafts" in result.output
    before = json.loads(target.read_text())
    _wipe(alices_data)

    result = runner.invoke(app, ["import", str(target)])
    assert result.exit_code == 0, result.output
    assert "Imported 2 attempts, 1 drafts. Account: alice." in result.output
    assert "pmprep password alice" in result.output
    after = portability.export_user(User.objects.get(username="alice"))
    assert after["data"] == before["data"] and after["account"] == before["account"]


def test_cli_import_of_a_foreign_file_exits_2_and_changes_nothing(db, tmp_path):
    bad = tmp_path / "contacts.json"
    bad.write_text('{"contacts": []}')
    result = CliRunner().invoke(app, ["import", str(bad)])
    assert result.exit_code == 2
    assert "was not imported (nothing was changed)" in result.output and "this is not a pmprep export" in result.output
    assert not User.objects.exists()


def test_cli_export_of_an_unknown_user(db):
    result = CliRunner().invoke(app, ["export", "nobody"])
    assert result.exit_code == 1 and "there is no user 'nobody'" in result.output
