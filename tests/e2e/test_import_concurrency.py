"""Someone's large import never makes another user's save fail: on SQLite it writes in short
transactions, so a save from another connection waits a moment at most.

Before, the import held SQLite's write lock for its whole write phase: for these 12,000 records
about five seconds here (and 20 s, then "database is locked", for a larger file on a busier
machine). The other writer below gives up after two seconds, as a save that waited that long
would have, to the person typing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import time
import uuid

from pmprep.review.schedule import new_card
from tests.e2e.served import PMPREP

NOW = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
PATIENCE_SECONDS = 2.0
SAVE_EVERY = 0.05  # twenty saves a second, far more often than anyone's autosave


def _export(cards: int, contacts: int) -> dict:
    def stamp(i: int) -> str:
        return (NOW - dt.timedelta(minutes=i)).isoformat()

    review_cards = []
    for i in range(cards):
        card = new_card(NOW - dt.timedelta(minutes=i))
        review_cards.append(
            {
                "uid": str(uuid.uuid4()),
                "kind": "question",
                "key": f"q-{i}",
                "card": card,
                "due": card["due"],
                "reviews": 0,
                "card_before": None,
                "last_attempt": None,
                "created": stamp(i),
            }
        )
    people = [
        {
            "uid": str(uuid.uuid4()),
            "name": f"Person {i}",
            "role": "PM, Ads",
            "channel": "chat",
            "met_on": "2026-10-01",
            "question": "How did you pick the success metric?",
            "learned": "They weigh retention over sign-ups.",
            "round_id": "",
            "created": stamp(i),
        }
        for i in range(contacts)
    ]
    return {
        "format": "pmprep-export",
        "version": 1,
        "pmprep": "0.1.0",
        "exported_at": NOW.isoformat(),
        "account": {
            "username": "importer",
            "email": "",
            "first_name": "",
            "last_name": "",
            "track": "early_in",
            "interview_date": None,
            "date_joined": NOW.isoformat(),
        },
        "data": {"review_cards": review_cards, "contacts": people},
    }


def test_another_writer_is_never_locked_out_during_a_large_import(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update({"PMPREP_HOME": str(tmp_path)})
    subprocess.run([PMPREP, "export", "nobody"], env=env, capture_output=True, timeout=120)  # creates the database
    upload = tmp_path / "big.json"
    upload.write_text(json.dumps(_export(cards=8_000, contacts=4_000)))
    other = sqlite3.connect(tmp_path / "pmprep.sqlite3", timeout=PATIENCE_SECONDS, isolation_level=None)
    other.execute("CREATE TABLE someone_elses_saves (n INTEGER)")
    importing = subprocess.Popen(
        [PMPREP, "import", str(upload)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    saves = failures = 0
    while importing.poll() is None:
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("INSERT INTO someone_elses_saves VALUES (?)", (saves,))
            other.execute("COMMIT")
            saves += 1
            time.sleep(SAVE_EVERY)  # the other user's rhythm, not a wait for anything
        except sqlite3.OperationalError as exc:  # "database is locked": the save would have failed
            assert "locked" in str(exc)
            failures += 1
    output = importing.stdout.read()
    assert importing.returncode == 0, output
    assert "Imported 8000 review_cards, 4000 contacts." in " ".join(output.split())
    assert saves > 0 and failures == 0
