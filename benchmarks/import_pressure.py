"""Import pressure: what a hostile or very large export file costs the server, and other users.

    python benchmarks/import_pressure.py [--quick]

Prints two tables (figures only; nothing is asserted here):

(a) peak memory of one web import (the real view, reached through Django's WSGI handler with the
    upload streamed from disk as waitress hands it over) per MB uploaded, for adversarial files
    beside a legitimate export of about the same size. Each file is imported in its own
    subprocess, whose peak resident memory (VmHWM, reset just before the request) is compared
    with its resident memory just before; a subprocess is capped at ``MEMORY_CAP_MB`` so a
    runaway import is reported instead of taking the machine down.
(b) the longest wait another user's autosave-like write sees while a 15,000-record import runs
    on a SQLite file database (the shipped settings: WAL, IMMEDIATE transactions, 20 s busy
    timeout). The writer saves a draft in a loop from its own connection, 20 times a second.

``memory_figures()`` and ``write_wait_figures()`` return the rows that ``print_memory()`` and
``print_write_waits()`` print; benchmarks/hostile.py calls them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
MEMORY_CAP_MB = 8192
CHILD_SECONDS = 600
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
ANSWER = (
    "I led the onboarding redesign at a streaming start-up. Completion was 52% and I set a target of 60% "
    "in one quarter. I interviewed 12 new members, found that the plan picker confused them, and ran an "
    "A/B test with 40,000 sign-ups against a guardrail on refunds. Completion rose to 61% in three weeks "
    "and refunds did not move. I learned to agree the guardrail before the test starts. "
)


# ---------------------------------------------------------------- files


def _header() -> dict[str, Any]:
    return {
        "format": "pmprep-export",
        "version": 1,
        "pmprep": "0.1.0",
        "exported_at": NOW.isoformat(),
        "account": {
            "username": "someone",
            "email": "",
            "first_name": "",
            "last_name": "",
            "track": "early_in",
            "interview_date": None,
            "date_joined": NOW.isoformat(),
        },
    }


def _write_with_data(path: Path, data_json: bytes) -> Path:
    head = json.dumps(_header())[:-1].encode()
    path.write_bytes(head + b', "data": ' + data_json + b"}")
    return path


def _stamp(i: int) -> str:
    return (NOW - timedelta(minutes=i)).isoformat()


class Legit:
    """Records as pmprep writes them: real analyzer feedback, FSRS cards, stories, contacts, drafts."""

    def __init__(self) -> None:
        sys.path.insert(0, str(ROOT / "src"))
        from pmprep.analysis import analyze
        from pmprep.bank import SHIPPED, load_catalog
        from pmprep.review.schedule import new_card

        self.feedback = analyze("Tell me about a launch you led.", ANSWER * 2, seconds=300).to_dict()
        self.new_card = new_card
        self.question_ids = list(load_catalog(SHIPPED).questions)

    def attempt(self, i: int) -> dict[str, Any]:
        return {
            "uid": str(uuid.uuid4()),
            "question_id": "",
            "question_text": "Tell me about a launch you led.",
            "question_type": self.feedback["question_type"],
            "answer": ANSWER * 2,
            "seconds_budget": 300,
            "seconds_taken": 120,
            "score": self.feedback["score"],
            "level": self.feedback["level"],
            "feedback": self.feedback,
            "parent": None,
            "probe": "",
            "probe_criterion": "",
            "self_ratings": {},
            "created": _stamp(i),
            "loop_round": None,
        }

    def review_card(self, i: int) -> dict[str, Any]:
        card = self.new_card(NOW - timedelta(minutes=i))
        return {
            "uid": str(uuid.uuid4()),
            "kind": "question",
            "key": f"bench-{i}",
            "card": card,
            "due": card["due"],
            "reviews": 0,
            "card_before": None,
            "last_attempt": None,
            "created": _stamp(i),
        }

    def story(self, i: int) -> dict[str, Any]:
        return {
            "uid": str(uuid.uuid4()),
            "title": f"Onboarding redesign {i}",
            "situation": ANSWER[:200],
            "task": "I owned completion.",
            "action": ANSWER[200:380],
            "result": "Completion rose from 52% to 61%.",
            "reflection": "Agree the guardrail first.",
            "notes": "",
            "tags": ["growth"],
            "kinds": [],
            "competencies": [],
            "created": _stamp(i),
            "updated": _stamp(i),
        }

    def contact(self, i: int) -> dict[str, Any]:
        return {
            "uid": str(uuid.uuid4()),
            "name": f"Person {i}",
            "role": "PM, Ads",
            "channel": "chat",
            "met_on": "2026-10-01",
            "question": "How did you pick the success metric?",
            "learned": "They weigh retention over sign-ups.",
            "round_id": "",
            "created": _stamp(i),
        }

    def draft(self, i: int) -> dict[str, Any]:
        return {
            "uid": str(uuid.uuid4()),
            "question_id": self.question_ids[i],
            "question_text": "",
            "answer": ANSWER[:300],
            "seconds_taken": 42,
            "revision": 3,
            "updated": _stamp(i),
        }

    def document(self, counts: dict[str, int]) -> dict[str, Any]:
        makers: dict[str, Callable[[int], dict[str, Any]]] = {
            "attempts": self.attempt,
            "drafts": self.draft,
            "review_cards": self.review_card,
            "stories": self.story,
            "contacts": self.contact,
        }
        return {**_header(), "data": {name: [makers[name](i) for i in range(n)] for name, n in counts.items()}}

    def of_size(self, path: Path, size: int) -> Path:
        """A legitimate export of about ``size`` bytes, mostly attempts (as a long-time user's is)."""
        per_attempt = len(json.dumps(self.attempt(0)))
        attempts = max(1, size // per_attempt - 20)
        path.write_text(json.dumps(self.document({"attempts": attempts, "drafts": 10, "review_cards": 10})))
        return path


def adversarial_files(folder: Path, quick: bool = False) -> list[tuple[str, Path]]:
    """The hostile shapes, each written once into ``folder``."""
    big = 8 * MB if quick else 50 * MB - 4096
    files: list[tuple[str, Path]] = []
    n = 1_000_000 if not quick else 200_000
    files.append(
        (
            f"{n:,} empty objects as attempts",
            _write_with_data(folder / "empty-objects.json", b'{"attempts": [' + b",".join([b"{}"] * n) + b"]}"),
        )
    )
    count = big // 3
    files.append(
        (
            f"{big / MB:.0f} MB of {{}} records",
            _write_with_data(folder / "tiny-objects.json", b'{"attempts": [' + b",".join([b"{}"] * count) + b"]}"),
        )
    )
    files.append(
        (
            f"{big / MB:.0f} MB of [] records",
            _write_with_data(folder / "tiny-lists.json", b'{"informal_notes": [' + b",".join([b"[]"] * count) + b"]}"),
        )
    )
    files.append(
        (
            f"{big / MB:.0f} MB of 0 records",
            _write_with_data(folder / "tiny-numbers.json", b'{"contacts": [' + b",".join([b"0"] * (big // 2)) + b"]}"),
        )
    )
    note = {
        "uid": "",
        "loop": "00000000-0000-4000-8000-000000000000",
        "kind": "chat",
        "who": "x",
        "note": "x",
        "created": NOW.isoformat(),
    }
    one = len(json.dumps(note)) + 40
    rows = b",".join(json.dumps({**note, "uid": str(uuid.UUID(int=i))}).encode() for i in range(big // one))
    files.append(
        (
            f"{big / MB:.0f} MB of small notes ({big // one:,})",
            _write_with_data(folder / "small-notes.json", b'{"informal_notes": [' + rows + b"]}"),
        )
    )
    files.append(
        (
            f"one {big / MB:.0f} MB string",
            _write_with_data(folder / "huge-string.json", b'{"attempts": [{"answer": "' + b"a" * (big - 400) + b'"}]}'),
        )
    )
    files.append(
        (
            f"one {big / MB:.0f} MB string of emoji",
            _write_with_data(
                folder / "huge-emoji.json", b'{"attempts": [{"answer": "' + "😀".encode() * ((big - 400) // 4) + b'"}]}'
            ),
        )
    )
    depth = min(big // 2, 10 * MB)
    files.append(
        (
            f"nested {depth:,} deep",
            _write_with_data(
                folder / "deep.json", b'{"attempts": [{"feedback": ' + b"[" * depth + b"]" * depth + b"}]}"
            ),
        )
    )
    files.append(
        (
            f"{big / MB:.0f} MB of numbers in one feedback",
            _write_with_data(
                folder / "wide-feedback.json",
                b'{"attempts": [{"feedback": [' + b",".join([b"0.5"] * (big // 4)) + b"]}]}",
            ),
        )
    )
    return files


# ---------------------------------------------------------------- (a) memory


@dataclass(frozen=True)
class MemoryRow:
    name: str
    megabytes: float
    peak_mb: float | None  # the import's rise in resident memory; None when it ran out of the cap
    seconds: float
    outcome: str

    @property
    def per_mb(self) -> float | None:
        return None if self.peak_mb is None else self.peak_mb / self.megabytes


def _child_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    env.update(
        {
            "PMPREP_HOME": str(home),
            "DJANGO_SETTINGS_MODULE": "pmprep.web.settings",
            "PMPREP_SECRET_KEY": "benchmark-secret-key-that-is-long-enough-0123456789-abcdefghijkl",
        }
    )
    return env


def _run_child(kind: str, path: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="pmprep-pressure-") as home:
        try:
            done = subprocess.run(
                [sys.executable, __file__, "--child", kind, str(path)],
                env=_child_env(Path(home)),
                capture_output=True,
                text=True,
                timeout=CHILD_SECONDS,
            )
        except subprocess.TimeoutExpired:
            return {"error": f"no answer in {CHILD_SECONDS} s"}
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
    return {"error": f"exit {done.returncode}: {tail[:120]}"}


def measure_memory(name: str, path: Path) -> MemoryRow:
    size = path.stat().st_size / MB
    got = _run_child("memory", path)
    if "error" in got:
        return MemoryRow(name, size, None, 0.0, got["error"])
    return MemoryRow(name, size, got["peak_mb"], got["seconds"], got["outcome"])


def memory_figures(quick: bool = False) -> list[MemoryRow]:
    rows: list[MemoryRow] = []
    legit = Legit()
    with tempfile.TemporaryDirectory(prefix="pmprep-files-") as folder:
        for name, path in adversarial_files(Path(folder), quick):
            rows.append(measure_memory(name, path))
            path.unlink()
        for size in (3 * MB, 8 * MB) if quick else (3 * MB, 50 * MB - 4096):
            path = legit.of_size(Path(folder) / "legit.json", size)
            rows.append(measure_memory(f"legitimate export, {size / MB:.0f} MB", path))
            path.unlink()
    return rows


def print_memory(rows: list[MemoryRow]) -> None:
    print("(a) peak memory of one web import, per MB uploaded")
    print(f"  {'file':<42} {'MB':>6} {'peak MB':>9} {'MB/MB':>7} {'s':>6}  outcome")
    for r in rows:
        peak = f"{r.peak_mb:9.0f}" if r.peak_mb is not None else f"{'>' + str(MEMORY_CAP_MB):>9}"
        per = f"{r.per_mb:7.1f}" if r.per_mb is not None else f"{'-':>7}"
        print(f"  {r.name:<42} {r.megabytes:6.1f} {peak} {per} {r.seconds:6.1f}  {r.outcome[:90]}")


# ---------------------------------------------------------------- (b) write waits


@dataclass(frozen=True)
class WaitRow:
    records: int
    megabytes: float
    import_seconds: float
    outcome: str
    writes: int
    failed: int
    longest_wait: float
    p99_wait: float


def write_wait_figures(records: int = 15_000) -> WaitRow:
    legit = Legit()
    attempts = records // 5
    drafts = min(300, len(legit.question_ids))
    counts = {
        "attempts": attempts,
        "review_cards": attempts,
        "drafts": drafts,
        "stories": (records - 2 * attempts - drafts) // 2,
    }
    counts["contacts"] = records - sum(counts.values())
    with tempfile.TemporaryDirectory(prefix="pmprep-files-") as folder:
        path = Path(folder) / "large.json"
        path.write_text(json.dumps(legit.document(counts)))
        got = _run_child("waits", path)
        size = path.stat().st_size / MB
    if "error" in got:
        return WaitRow(records, size, 0.0, got["error"], 0, 0, 0.0, 0.0)
    return WaitRow(
        records, size, got["seconds"], got["outcome"], got["writes"], got["failed"], got["longest"], got["p99"]
    )


def print_write_waits(row: WaitRow) -> None:
    print(f"(b) another user's autosave during a {row.records:,}-record import ({row.megabytes:.0f} MB, SQLite file)")
    print(f"  import: {row.import_seconds:.1f} s, {row.outcome[:90]}")
    print(
        f"  autosaves: {row.writes}, failed: {row.failed}, longest wait {row.longest_wait * 1000:.0f} ms, "
        f"p99 {row.p99_wait * 1000:.0f} ms"
    )


# ---------------------------------------------------------------- children


def _status(path: str) -> dict[str, int]:
    found = {}
    for line in Path(path).read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) // 1024
    return found


def _django_user():
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from pmprep.web.accounts.models import User

    return User.objects.create_user("bench", password=None, track="early_in")


def _session_cookie(user) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _post_upload(cookie: str, upload: Path, body: Path) -> tuple[int, str]:
    """POST the file to the data page the way waitress does: the body read from a file."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.urls import reverse

    csrf = "a" * 32
    boundary = "pressure" + uuid.uuid4().hex
    with body.open("wb") as out, upload.open("rb") as source:
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{upload.name}"\r\n'
            f"Content-Type: application/json\r\n\r\n".encode()
        )
        while chunk := source.read(MB):
            out.write(chunk)
        out.write(f"\r\n--{boundary}--\r\n".encode())
    status: list[str] = []
    with body.open("rb") as stream:
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": reverse("accounts:data"),
            "SCRIPT_NAME": "",
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1:8000",
            "wsgi.url_scheme": "http",
            "wsgi.input": stream,
            "wsgi.errors": sys.stderr,
            "CONTENT_LENGTH": str(body.stat().st_size),
            "CONTENT_TYPE": f"multipart/form-data; boundary={boundary}",
            "HTTP_COOKIE": f"{cookie}; csrftoken={csrf}",
            "HTTP_X_CSRFTOKEN": csrf,
        }
        parts = WSGIHandler()(environ, lambda s, headers, exc=None: status.append(s))
        page = b"".join(parts).decode(errors="replace")
    code = int(status[0].split()[0])
    if code == 400:
        import html
        import re

        problems = [
            html.unescape(re.sub(r"<[^>]+>", "", p)).strip() for p in re.findall(r"<li[^>]*>(.*?)</li>", page, re.S)
        ]
        problems = [p for p in problems if p.startswith(("data", "account", '"', "line", "byte", "the ", "The "))]
        return code, "refused: " + (problems[0] if problems else "400")
    return code, "imported" if code == 302 else f"HTTP {code}"


def _child_memory(path: Path) -> None:
    import gc
    import time

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP_MB * MB, MEMORY_CAP_MB * MB))
    user = _django_user()
    cookie = _session_cookie(user)
    body = Path(os.environ["PMPREP_HOME"]) / "body.bin"
    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")  # resets the peak (VmHWM) to the current size
    before = _status("/proc/self/status")["VmRSS"]
    start = time.perf_counter()
    try:
        code, outcome = _post_upload(cookie, path, body)
    except MemoryError:
        print(json.dumps({"error": f"MemoryError at the {MEMORY_CAP_MB} MB cap"}))
        return
    seconds = time.perf_counter() - start
    peak = _status("/proc/self/status")["VmHWM"]
    print(json.dumps({"peak_mb": peak - before, "seconds": seconds, "outcome": outcome, "code": code}))


def _child_waits(path: Path) -> None:
    import threading
    import time

    from django.db import OperationalError, connection, transaction

    user = _django_user()
    from pmprep.web.accounts.models import User
    from pmprep.web.practice.models import Draft

    other = User.objects.create_user("other", password=None)
    cookie = _session_cookie(user)
    body = Path(os.environ["PMPREP_HOME"]) / "body.bin"
    waits: list[float] = []
    failed = [0]
    done = threading.Event()

    def autosave() -> None:
        n = 0
        while not done.is_set():
            n += 1
            start = time.perf_counter()
            try:
                with transaction.atomic():
                    Draft.objects.update_or_create(
                        user=other,
                        question_id="",
                        defaults={
                            "question_text": "My own question",
                            "answer": f"typing {n}",
                            "updated": datetime.now(UTC),
                        },
                    )
            except OperationalError:
                failed[0] += 1
            waits.append(time.perf_counter() - start)
            time.sleep(0.05)
        connection.close()

    writer = threading.Thread(target=autosave)
    writer.start()
    start = time.perf_counter()
    try:
        code, outcome = _post_upload(cookie, path, body)
    finally:
        seconds = time.perf_counter() - start
        done.set()
        writer.join()
    ordered = sorted(waits)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "outcome": outcome,
                "writes": len(waits),
                "failed": failed[0],
                "longest": ordered[-1] if ordered else 0.0,
                "p99": ordered[int(len(ordered) * 0.99)] if ordered else 0.0,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller files (8 MB instead of 50 MB), for a smoke run")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path = args.child
        {"memory": _child_memory, "waits": _child_waits}[kind](Path(path))
        return
    print_memory(memory_figures(quick=args.quick))
    print()
    print_write_waits(write_wait_figures(3_000 if args.quick else 15_000))


if __name__ == "__main__":
    main()
