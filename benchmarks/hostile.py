"""Hostile input: what the worst text, the worst import and a busy analysis cost, beside ordinary use.

    python benchmarks/hostile.py [--quick] [--runs N] [--only text|health|import]

Prints (figures only; nothing is asserted here):

1. for each text path (analyzer, classifier, outreach checker, story feedback, case-deck checks),
   the time per KB at the path's size limit for every pathological shape in tests/hostile_text.py
   (the shapes the suite's linear-time tests run), the worst shape, and ordinary prose of the same
   size beside it (the best of N runs, so other work on the machine counts as little as possible);
2. how long /healthz takes on a real `pmprep serve` while maximum-size analyses run through the
   JSON API, beside the same server idle;
3. from benchmarks/import_pressure.py: an import's peak memory per MB uploaded for adversarial
   files beside a legitimate one, and the longest write wait another user sees during a
   15,000-record import.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tests.core.test_linear_time import PATHS  # noqa: E402  the same runs as the suite, at full size
from tests.hostile_text import SHAPES, prose  # noqa: E402

FULL_SIZE = {"analyzer": 200_000, "classifier": 200_000}  # the suite runs these two at a quarter
QUESTION = "How would you measure churn for Netflix, and why does it matter whether a cancellation was voluntary?"


def best_of(runs: int, work, text: str) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work(text)
        times.append(time.perf_counter() - started)
    return min(times)


def text_paths(runs: int, quick: bool) -> None:
    print("1. Text paths at their size limit: milliseconds per KB (best of", runs, "runs)")
    shapes = dict(list(SHAPES.items())[:8]) if quick else SHAPES
    for path, (limit, work) in sorted(PATHS.items()):
        size = FULL_SIZE.get(path, limit)
        work("warm-up text for the first call")
        kb = size / 1024
        ordinary = best_of(runs, work, prose(size)) / kb * 1000
        rows = sorted(
            ((best_of(runs, work, make(size)) / kb * 1000, name) for name, make in shapes.items()), reverse=True
        )
        worst, name = rows[0]
        print(
            f"\n  {path}: {size / 1000:,.0f} KB; ordinary prose {ordinary:.2f} ms/KB ({ordinary * kb / 1000:.2f} s); "
            f"worst shape '{name}' {worst:.2f} ms/KB ({worst * kb / 1000:.2f} s), {worst / ordinary:.1f}x prose"
        )
        for per_kb, shape in rows:
            print(f"    {shape:28} {per_kb:7.2f} ms/KB  {per_kb * kb / 1000:6.2f} s")


def health_under_load(seconds: float = 10.0) -> None:
    from tests.e2e.served import Visitor, start_server

    print("\n2. /healthz on a real `pmprep serve` (20 requests a second)")
    server = start_server(Path(tempfile.mkdtemp(prefix="pmprep-hostile-")), env={"PMPREP_API_RATE": "off"})
    try:
        idle = _probe(server.url, seconds / 2)
        stop = threading.Event()
        analyses: list[float] = []
        answer = SHAPES["digit-dot run"](200_000)

        def analyse() -> None:
            visitor = Visitor(server.url, timeout=120)
            while not stop.is_set():
                reply = visitor.post_json("/api/analyze", {"question": QUESTION, "answer": answer})
                if reply.status == 200:
                    analyses.append(reply.seconds)

        worker = threading.Thread(target=analyse, daemon=True)
        worker.start()
        while not analyses:  # the first answer has come back: the analysis loop is running
            time.sleep(0.05)
        busy = _probe(server.url, seconds)
        stop.set()
        worker.join()
        for label, lat in (("idle", idle), ("while 200 KB analyses run back to back", busy)):
            print(
                f"  {label:40} p50 {statistics.median(lat) * 1000:6.1f} ms  p95 "
                f"{_pct(lat, 0.95) * 1000:6.1f} ms  max {max(lat) * 1000:6.1f} ms  ({len(lat)} requests)"
            )
        print(
            f"  each 200 KB analysis through the API took {statistics.median(analyses):.2f} s (median of {len(analyses)})"
        )
    finally:
        server.stop()


def _probe(url: str, seconds: float) -> list[float]:
    from tests.e2e.served import Visitor

    probe = Visitor(url)
    probe.get("/healthz")  # the first request loads what every request needs: not part of the figure
    out: list[float] = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        reply = probe.get("/healthz")
        assert reply.status == 200, reply.status
        out.append(reply.seconds)
        time.sleep(0.05)
    return out


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def imports(quick: bool) -> None:
    import import_pressure

    print("\n3. Imports")
    import_pressure.print_memory(import_pressure.memory_figures(quick=quick))
    import_pressure.print_write_waits(import_pressure.write_wait_figures(records=2_000 if quick else 15_000))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer shapes, smaller files")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=["text", "health", "import"])
    args = parser.parse_args()
    if args.only in (None, "text"):
        text_paths(args.runs, args.quick)
    if args.only in (None, "health"):
        health_under_load(4.0 if args.quick else 10.0)
    if args.only in (None, "import"):
        imports(args.quick)


if __name__ == "__main__":
    main()
