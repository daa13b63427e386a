"""Export and import of one user's data as a versioned JSON document.

An import reads the file twice, as a stream. The first pass checks every record with the rules
that govern it where it is typed (``import_rules``, ``import_check``) and writes nothing, so a
file with any problem changes nothing; checking stops after ``MAX_PROBLEMS`` problems. The second
pass writes (``import_writer``). Memory stays bounded whatever the file holds: one record at a
time, each at most ``MAX_RECORD_VALUES`` values, at most ``MAX_RECORDS`` records of each kind.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import IO, Any

from django.utils import timezone

from pmprep.web.accounts.models import User
from pmprep.web.portability.export_format import (
    ACCOUNT_FIELDS,
    FORMAT,
    SECTIONS,
    VERSION,
    Section,
    dumps,
    export_user,
    owned_models,
)
from pmprep.web.portability.export_reader import (
    MAX_DEPTH,
    MAX_RECORD_VALUES,
    MAX_RECORDS,
    Entry,
    FileError,
    TooLarge,
    read_document,
    read_stream,
)
from pmprep.web.portability.import_check import AccountExists, FirstPass
from pmprep.web.portability.import_problems import MAX_PROBLEMS, ImportProblem, TooManyProblems
from pmprep.web.portability.import_writer import ImportSummary, Writer

__all__ = [
    "ACCOUNT_FIELDS",
    "FORMAT",
    "MAX_DEPTH",
    "MAX_PROBLEMS",
    "MAX_RECORDS",
    "MAX_RECORD_VALUES",
    "SECTIONS",
    "VERSION",
    "AccountExists",
    "ImportProblem",
    "ImportSummary",
    "Section",
    "dumps",
    "export_user",
    "import_bytes",
    "import_document",
    "import_file",
    "owned_models",
]


def import_file(stream: IO[bytes], source: str, user: User | None = None) -> tuple[User, ImportSummary]:
    """Add an export file's records to `user` (or to a new account named as in the file).

    `stream` is read twice, so it must be seekable (an upload, a file, or bytes in a BytesIO).
    Records already here (same uid, same owner) are kept as they are, so importing twice changes
    nothing. Any problem raises ImportProblem before a single row is written; a file naming an
    existing account when no `user` is given raises AccountExists.
    """
    return _import(lambda: read_stream(stream), source, user)


def import_bytes(raw: bytes, source: str, user: User | None = None) -> tuple[User, ImportSummary]:
    return import_file(io.BytesIO(raw), source, user)


def import_document(document: dict[str, Any], source: str, user: User | None = None) -> tuple[User, ImportSummary]:
    """The same as ``import_file`` for a document already in memory."""
    return _import(lambda: read_document(document), source, user)


def _import(entries: Callable[[], Iterator[Entry]], source: str, user: User | None) -> tuple[User, ImportSummary]:
    today = timezone.localdate()
    check = FirstPass(user, source, today)
    try:
        for entry in entries():
            check.take(entry)
        findings = check.finish()
    except TooManyProblems:
        raise ImportProblem(source, check.problems.found, stopped=True) from None
    except (FileError, TooLarge) as exc:
        raise ImportProblem(source, [*check.problems.found, str(exc)][:MAX_PROBLEMS]) from None
    if check.problems:
        raise ImportProblem(source, check.problems.found)

    owner = user
    created = owner is None
    if owner is None:
        owner = User(**findings.account)
        owner.set_unusable_password()
    writer = Writer(owner, findings, source, today)
    with writer.whole():
        writer.start(created, findings.account)
        for entry in entries():
            writer.take(entry)
        summary = writer.finish()
    summary.account_created = created
    return owner, summary
