"""The outreach checker on the devset: how often it gets good and bad notes right, and how fast it is.

    python benchmarks/outreach.py [--runs N]

Prints figures only. "Right" means a bad note is not "send" and a good note is "send"; a good note
judged "revise" is counted apart, as the test suite allows a few. Times are per message, over N runs,
plus one message at the 20,000-character limit.
"""
from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pmprep.outreach import MAX_MESSAGE_CHARS, Verdict, check  # noqa: E402
from tests.core.outreach_devset import BAD, GOOD  # noqa: E402


def main(runs: int = 20) -> None:
    good = Counter(check(e.text).verdict for e in GOOD)
    bad = Counter(check(e.text).verdict for e in BAD)
    right = good[Verdict.SEND] + len(BAD) - bad[Verdict.SEND]
    total = len(GOOD) + len(BAD)
    print(f"devset: {total} messages ({len(GOOD)} good, {len(BAD)} bad)")
    print(f"accuracy (send vs not): {right}/{total} = {right / total:.1%}")
    print("good: " + ", ".join(f"{v.value} {good[v]}" for v in Verdict))
    print("bad:  " + ", ".join(f"{v.value} {bad[v]}" for v in Verdict))
    for e in GOOD + BAD:
        r = check(e.text)
        wrong = (r.verdict is Verdict.SEND) != (e.label == "good")
        if wrong or (e.label == "good" and r.verdict is not Verdict.SEND):
            what = "WRONG" if wrong else "revise"
            print(f"  {what}: {e.label} scored {r.score} ({r.verdict.value}): {e.text[:70]}…")

    times = []
    for _ in range(runs):
        for e in GOOD + BAD:
            t = time.perf_counter()
            check(e.text)
            times.append(time.perf_counter() - t)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"time per message: median {statistics.median(times) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms "
          f"({len(times)} checks)")
    longest = (" ".join(e.text for e in GOOD + BAD) + " ") * 10
    longest = longest[:MAX_MESSAGE_CHARS]
    t = time.perf_counter()
    check(longest)
    print(f"one {len(longest):,}-character message: {(time.perf_counter() - t) * 1000:.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 20)
