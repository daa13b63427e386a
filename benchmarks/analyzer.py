"""Time the analyzer: p50/p95 per ~400-word answer, and cold start (import + first call) in a fresh process.

    python benchmarks/analyzer.py [--runs N]

Prints figures only; the goals (p95 <= 20 ms, cold start <= 1 s on the 2-core machine) are checked
by reading them, not by the test suite.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "answers"
COLD = (
    "import time; t=time.perf_counter(); from pmprep.analysis import analyze; "
    "analyze('How would you reduce buffering at peak hours?', 'I would start with the user problem.'); "
    "print(time.perf_counter()-t)"
)


def four_hundred_word_answers() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(DATA.glob("*.yaml")):
        for g in yaml.safe_load(path.read_text(encoding="utf-8"))["groups"]:
            for a in g["answers"]:
                words = a["text"].split()
                while len(words) < 400:  # bring every answer to about 400 words
                    words += a["text"].split()
                out.append((g["question"], " ".join(words[:400]), g["type"]))
    return out


def main(runs: int = 5) -> None:
    colds = []
    for _ in range(3):
        result = subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, check=True)
        colds.append(float(result.stdout.strip()))
    from pmprep.analysis import analyze

    answers = four_hundred_word_answers()
    analyze(*answers[0][:2])  # warm
    times = []
    for _ in range(runs):
        for question, answer, qtype in answers:
            t = time.perf_counter()
            analyze(question, answer, question_type=qtype)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"answers: {len(answers)} x {runs} runs, 400 words each")
    print(
        f"per answer: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms (goal p95 <= 20 ms)"
    )
    print(
        f"cold start (import + first call, fresh process): median {statistics.median(colds):.2f} s "
        f"over {len(colds)} starts (goal <= 1 s)"
    )


if __name__ == "__main__":
    main(int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5)
