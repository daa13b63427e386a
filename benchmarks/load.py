"""Load: N concurrent simulated candidates against a real `pmprep serve` on loopback.

    python benchmarks/load.py [--users 50] [--iterations 3] [--think 1.0] [--ramp 25] [--threads 8]
                              [--database-url postgres://…] [--url http://127.0.0.1:8000]

Each user logs in, then repeats a drill: opens a question, types (three autosaves, with think
time between them as a person types), submits, reads the feedback, and opens the dashboard
(home) and the attempt history. A separate probe hits the bare health endpoint throughout the
same run for comparison. Prints throughput, p50/p95/max per step and for all pages, and errors.

Without --url it starts `pmprep serve --port 0` with a throw-away data folder (and the given
database: an empty PostgreSQL database for --database-url). Figures only; nothing is asserted
here (the suite runs a small bounded version of the same run to check that it works).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.e2e.served import Visitor, start_server  # noqa: E402

PASSWORD = "load-test-passphrase-123"
# The expected status of each step; anything else (or no answer) is an error.
EXPECTED = {
    "login": 302,
    "drill": 200,
    "autosave": 200,
    "submit": 302,
    "feedback": 200,
    "dashboard": 200,
    "history": 200,
    "health": 200,
}
# Password checks (Argon2) are slow on purpose; they are reported apart from the pages.
NOT_PAGES = {"login", "health"}


@dataclass
class Report:
    seconds: float = 0.0
    timings: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    examples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, step: str, seconds: float, ok: bool, detail: str = "") -> None:
        with self.lock:
            self.timings[step].append(seconds)
            if not ok:
                self.errors[step] += 1
                if len(self.examples) < 5:
                    self.examples.append(f"{step}: {detail}")

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    def pages(self) -> list[float]:
        return [t for step, ts in self.timings.items() if step not in NOT_PAGES for t in ts]


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def _questions(n: int, seed: int) -> list[str]:
    from pmprep.bank import shipped_catalog

    ids = sorted(shipped_catalog().questions)
    return random.Random(seed).sample(ids, n)


class Candidate(threading.Thread):
    def __init__(
        self,
        url: str,
        name: str,
        iterations: int,
        think: float,
        report: Report,
        start: threading.Barrier,
        delay: float = 0.0,
    ):
        super().__init__(daemon=True)
        self.url, self.name_, self.iterations, self.think, self.delay = url, name, iterations, think, delay
        self.report, self.start_together = report, start
        self.random = random.Random(name)

    def _step(self, step: str, call) -> object | None:
        started = time.perf_counter()
        try:
            reply = call()
        except OSError as exc:
            self.report.record(step, time.perf_counter() - started, False, repr(exc))
            return None
        ok = reply.status == EXPECTED[step]
        self.report.record(step, reply.seconds, ok, f"HTTP {reply.status} {reply.text[:120]!r}")
        return reply if ok else None

    def _pause(self) -> None:
        if self.think:
            time.sleep(self.think * self.random.uniform(0.5, 1.5))

    def run(self) -> None:
        visitor = Visitor(self.url)
        self.start_together.wait()
        time.sleep(self.delay)  # users arrive over the ramp-up, not all in the same instant
        visitor.get("/accounts/login/")
        if not self._step(
            "login", lambda: visitor.post("/accounts/login/", {"username": self.name_, "password": PASSWORD})
        ):
            return
        for question in _questions(self.iterations, seed=hash(self.name_) & 0xFFFF):
            self._pause()
            if not self._step("drill", lambda: visitor.get(f"/practice/?question={question}")):
                continue
            text = ""
            for sentence in (
                "I would start from the member's problem: people abandon the first episode.",
                " My hypothesis is that autoplay previews start too loud, so I would test muting them for 10% of members.",
                " Success is a 2% rise in second-episode starts over two weeks, with churn as the guardrail.",
            ):
                self._pause()
                text += sentence
                self._step(
                    "autosave",
                    lambda: visitor.post("/practice/draft", {"question_id": question, "answer": text}, json_reply=True),
                )
            submitted = self._step(
                "submit",
                lambda: visitor.post("/practice/", {"question_id": question, "question_text": "x", "answer": text}),
            )
            if submitted:
                self._pause()
                self._step("feedback", lambda: visitor.get(submitted.location))
            self._pause()
            self._step("dashboard", lambda: visitor.get("/"))
            self._step("history", lambda: visitor.get("/practice/attempts/"))
        visitor.close()


class HealthProbe(threading.Thread):
    def __init__(self, url: str, report: Report, stop: threading.Event, every: float = 0.1):
        super().__init__(daemon=True)
        self.url, self.report, self.stop_, self.every = url, report, stop, every

    def run(self) -> None:
        visitor = Visitor(self.url)
        while not self.stop_.wait(self.every):
            try:
                reply = visitor.get("/healthz")
                self.report.record("health", reply.seconds, reply.status == 200, f"HTTP {reply.status}")
            except OSError as exc:
                self.report.record("health", 0.0, False, repr(exc))
        visitor.close()


def sign_up(url: str, names: list[str], parallel: int = 4) -> None:
    """Create the accounts before the measured run (sign-up is not part of the figures)."""
    pending = list(names)
    lock = threading.Lock()

    def worker() -> None:
        while True:
            with lock:
                if not pending:
                    return
                name = pending.pop()
            visitor = Visitor(url)
            reply = visitor.sign_up(name, PASSWORD)
            if reply.status != 302:
                raise SystemExit(f"could not sign up {name}: HTTP {reply.status}")
            visitor.close()

    threads = [threading.Thread(target=worker) for _ in range(parallel)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def run(url: str, users: int, iterations: int, think: float, ramp: float = 0.0, prefix: str = "candidate") -> Report:
    names = [f"{prefix}{n:03d}" for n in range(users)]
    sign_up(url, names)
    report = Report()
    start = threading.Barrier(users + 1)
    stop = threading.Event()
    candidates = [
        Candidate(url, name, iterations, think, report, start, delay=ramp * i / users) for i, name in enumerate(names)
    ]
    probe = HealthProbe(url, report, stop)
    for c in candidates:
        c.start()
    start.wait()
    began = time.perf_counter()
    probe.start()
    for c in candidates:
        c.join()
    report.seconds = time.perf_counter() - began
    stop.set()
    probe.join()
    return report


def print_report(report: Report, users: int, think: float, where: str) -> None:
    requests = sum(len(v) for k, v in report.timings.items() if k != "health")
    print(f"pmprep load: {users} concurrent users, think time ~{think:g} s, {where}")
    print(
        f"  {requests} requests in {report.seconds:.1f} s = {requests / report.seconds:.1f} requests/s; "
        f"errors {report.error_count}"
    )
    print(f"  {'step':<10} {'count':>6} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    order = ["login", "drill", "autosave", "submit", "feedback", "dashboard", "history", "health"]
    for step in order:
        ts = report.timings.get(step, [])
        if ts:
            print(
                f"  {step:<10} {len(ts):>6} {report.errors.get(step, 0):>6} {_pct(ts, 0.5) * 1000:>8.1f} "
                f"{_pct(ts, 0.95) * 1000:>8.1f} {max(ts) * 1000:>8.1f}"
            )
    pages = report.pages()
    print(
        f"  {'all pages':<10} {len(pages):>6} {sum(v for k, v in report.errors.items() if k not in NOT_PAGES):>6} "
        f"{_pct(pages, 0.5) * 1000:>8.1f} {_pct(pages, 0.95) * 1000:>8.1f} {max(pages) * 1000:>8.1f}"
    )
    print(f"  (pages = every step but login and health; mean {statistics.mean(pages) * 1000:.1f} ms)")
    for example in report.examples:
        print(f"  error example: {example}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--iterations", type=int, default=3, help="drills per user")
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between a user's actions (0: none)")
    parser.add_argument("--ramp", type=float, default=None, help="seconds over which users arrive (default users/2)")
    parser.add_argument("--threads", type=int, default=8, help="waitress worker threads for the started server")
    parser.add_argument("--database-url", default="", help="serve from this (empty) database instead of SQLite")
    parser.add_argument("--url", default="", help="use a running pmprep instead of starting one")
    args = parser.parse_args()
    server = None
    if args.url:
        url, where = args.url.rstrip("/"), f"running server {args.url}"
    else:
        env = {"DATABASE_URL": args.database_url} if args.database_url else {}
        env["PMPREP_SIGNUP_RATE"] = "off"  # every simulated user signs up from this one address
        server = start_server(Path(tempfile.mkdtemp(prefix="pmprep-load-")), "--threads", str(args.threads), env=env)
        if not server.url:
            raise SystemExit("pmprep did not start:\n" + "\n".join(server.output))
        url = server.url
        where = f"pmprep serve --threads {args.threads} on {'PostgreSQL' if args.database_url else 'SQLite'}"
    try:
        ramp = args.users / 2 if args.ramp is None else args.ramp
        report = run(url, args.users, args.iterations, args.think, ramp)
    finally:
        if server:
            server.stop()
    print_report(report, args.users, args.think, f"{where}, arriving over {ramp:g} s")


if __name__ == "__main__":
    main()
