"""What pmprep writes to disk is its owner's alone: the data folder, the database (and SQLite's
-wal/-shm files beside it), backups and exports."""

from __future__ import annotations

import os
import stat
import subprocess

from tests.e2e.served import PMPREP, Visitor, start_server


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_database_backups_and_exports_are_readable_by_their_owner_only(tmp_path):
    home = tmp_path / "home"  # pmprep makes it
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update({"PMPREP_HOME": str(home)})
    old = os.umask(0o022)  # the usual default, under which files come out world-readable
    try:
        server = start_server(home, env={"DATABASE_URL": ""})
        try:
            assert Visitor(server.url).sign_up("ada", "a-long-practice-passphrase").status == 302
            database = home / "pmprep.sqlite3"
            assert mode(home) == 0o700
            assert {
                name: mode(home / name) for name in ("pmprep.sqlite3", "pmprep.sqlite3-wal", "pmprep.sqlite3-shm")
            } == {name: 0o600 for name in ("pmprep.sqlite3", "pmprep.sqlite3-wal", "pmprep.sqlite3-shm")}
            backup = subprocess.run([PMPREP, "backup"], env=env, capture_output=True, text=True, timeout=120)
            assert backup.returncode == 0, backup.stderr
            [copy] = (home / "backups").iterdir()
            assert (mode(home / "backups"), mode(copy)) == (0o700, 0o600)
            export = subprocess.run(
                [PMPREP, "export", "ada", "-o", str(tmp_path / "ada.json")],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert export.returncode == 0, export.stderr
            assert mode(tmp_path / "ada.json") == 0o600
        finally:
            server.stop()
    finally:
        os.umask(old)
    assert mode(database) == 0o600


def test_an_existing_database_is_made_private_on_start(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update({"PMPREP_HOME": str(tmp_path)})
    subprocess.run([PMPREP, "export", "nobody"], env=env, capture_output=True, timeout=120)
    (tmp_path / "pmprep.sqlite3").chmod(0o644)  # as an earlier pmprep left it
    subprocess.run([PMPREP, "export", "nobody"], env=env, capture_output=True, timeout=120)
    assert mode(tmp_path / "pmprep.sqlite3") == 0o600
