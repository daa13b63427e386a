"""`pmprep export`, `import`, `backup` and `password`: a user's data and the database itself."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import typer
from rich.markup import escape

from pmprep.cli.console import console, fail
from pmprep.cli.server import setup_django
from pmprep.config import ConfigError, private_file


def _migrated() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def export(
    username: str = typer.Argument(..., help="Whose data to export."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File to write (default pmprep-USER-DATE.json here; - for standard output)."
    ),
    without_recordings: bool = typer.Option(
        False, "--without-recordings", help="Leave out the spoken answers' recordings (audio and transcripts)."
    ),
) -> None:
    """Write one user's complete data as a versioned JSON file."""
    setup_django()
    _migrated()
    from django.utils import timezone

    from pmprep.web.accounts.models import User
    from pmprep.web.portability import dumps, export_user

    user = User.objects.filter(username=username).first()
    if user is None:
        fail(f"there is no user '{username}' in this pmprep ({_where()})")
    document = export_user(user, recordings=not without_recordings)
    text = dumps(document)
    if output is not None and str(output) == "-":
        sys.stdout.write(text)
        return
    path = output or Path(f"pmprep-{username}-{timezone.localdate():%Y-%m-%d}.json")
    try:
        private_file(path).write_text(text, encoding="utf-8")
    except (OSError, ConfigError) as exc:
        fail(f"cannot write {path}: {getattr(exc, 'strerror', None) or exc}")
    counts = ", ".join(f"{len(rows)} {name}" for name, rows in document["data"].items())
    console.print(f"Wrote {escape(str(path))}: {counts}.")


def import_(
    file: Path = typer.Argument(..., help="An export file, or - for standard input."),
    user: str | None = typer.Option(
        None,
        "--user",
        help="Add the file's data to this existing account (by default the import "
        "creates the account named in the file, and refuses when it exists).",
    ),
) -> None:
    """Add an export file's data to this pmprep. A file with any problem changes nothing."""
    with _opened(file) as (stream, source):
        setup_django()
        _migrated()
        from pmprep.web.accounts.models import User
        from pmprep.web.portability import AccountExists, ImportProblem, import_file

        target = None
        if user is not None:
            target = User.objects.filter(username=user).first()
            if target is None:
                fail(f"there is no user '{user}' in this pmprep ({_where()})", code=2)
        try:
            owner, summary = import_file(stream, source, user=target)
        except ImportProblem as exc:
            fail(escape(str(exc)), code=2)
        except AccountExists as exc:
            name = escape(exc.username)
            fail(
                f"{escape(source)} was not imported (nothing was changed): it is the account '{name}', and "
                f"there is already an account '{name}' here. To add the file's data to that account, run "
                f"`pmprep import {escape(str(file))} --user {name}`; to import it as a separate account, change "
                f'"username" under "account" in the file first.',
                code=2,
            )
    console.print(f"{escape(summary.describe())} Account: {escape(owner.username)}.")
    if summary.account_created:
        console.print(f"The account is new here: set its password with `pmprep password {escape(owner.username)}`.")


@contextmanager
def _opened(file: Path) -> Iterator[tuple[IO[bytes], str]]:
    """The file to import as a seekable stream (the import reads it twice); standard input is spooled."""
    if str(file) == "-":
        with tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024) as spool:
            shutil.copyfileobj(sys.stdin.buffer, spool)
            yield spool, "standard input"
        return
    try:
        stream = file.open("rb")
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror}", code=2)
    with stream:
        yield stream, str(file)


def password(username: str = typer.Argument(..., help="The account whose password to set.")) -> None:
    """Set a user's password (asks twice; the same rules as the sign-up form)."""
    setup_django()
    _migrated()
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from pmprep.web.accounts.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        fail(f"there is no user '{username}' in this pmprep ({_where()})")
    new = typer.prompt("New password", hide_input=True, confirmation_prompt=True)
    try:
        validate_password(new, user)
    except ValidationError as exc:
        fail(" ".join(exc.messages))
    user.set_password(new)
    user.save(update_fields=["password"])
    console.print(f"Password set for {escape(username)}.")


def _where() -> str:
    from django.conf import settings

    return str(settings.DATABASES["default"]["NAME"])


def backup(
    to: Path | None = typer.Option(
        None, "--to", help="File to write (default: PMPREP_HOME/backups/pmprep-DATE-TIME…)."
    ),
) -> None:
    """Copy the whole database consistently, also while `pmprep serve` is running."""
    setup_django()
    from django.conf import settings

    db = settings.DATABASES["default"]
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = Path(settings.PMPREP_HOME) / "backups"
    if db["ENGINE"].endswith("sqlite3"):
        target = to or folder / f"pmprep-{stamp}.sqlite3"
        _backup_sqlite(Path(db["NAME"]), target)
    else:
        target = to or folder / f"pmprep-{stamp}.dump"
        _backup_postgres(db, target)
    console.print(f"Backed up the database to {escape(str(target))} ({target.stat().st_size / 1024:,.0f} KiB).")


def _backup_sqlite(source: Path, target: Path) -> None:
    if not source.exists():
        fail(f"there is no database at {source} yet: run `pmprep serve` once first")
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    # SQLite's online backup copies a consistent snapshot while the server keeps writing.
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(private_file(partial))
    try:
        src.backup(dst)
        ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
        # One self-contained file: no -wal or -shm beside it.
        dst.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        fail(f"the backup failed: {exc}")
    finally:
        dst.close()
        src.close()
    if ok != "ok":
        partial.unlink(missing_ok=True)
        fail(f"the copy did not pass SQLite's integrity check ({ok}); nothing was written")
    partial.replace(target)


def _backup_postgres(db: Mapping[str, Any], target: Path) -> None:
    dump = shutil.which("pg_dump")
    if dump is None:
        fail("pg_dump was not found: install the PostgreSQL client tools (e.g. apt-get install postgresql-client)")
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = private_file(target.with_name(target.name + ".partial"))
    env = {"PGPASSWORD": str(db.get("PASSWORD") or "")}
    command = [
        dump,
        "--format=custom",
        f"--file={partial}",
        "--no-owner",
        f"--host={db.get('HOST') or 'localhost'}",
        f"--port={db.get('PORT') or 5432}",
        f"--username={db.get('USER') or ''}",
        str(db["NAME"]),
    ]
    result = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True)
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        fail(f"pg_dump failed: {result.stderr.strip()}")
    partial.replace(target)
