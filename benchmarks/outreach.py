"""The outreach checker on the labelled set and the devset: how often it orders notes right, and how fast it is.

    python benchmarks/outreach.py [--split test|dev|all] [--old REF] [--details] [--runs N]

Prints figures only.

- Labelled set (tests/data/outreach/): notes to the same recipient, ranked; a pair is ordered right
  when the better note scores strictly higher (a tie is a miss). On the chosen split (default: test,
  never tuned on), beside two baselines on the same pairs: "longer wins" and the old checker, the
  one before the graded signals, run from ``git archive REF`` in a separate process (default REF:
  OLD_REF below; the figure is skipped when git or that commit is not there).
- Devset (tests/core/outreach_devset.py): "right" means a bad note is not "send" and a good note
  is "send"; a good note judged "revise" is counted apart, as the test suite allows a few.
- Times per message over N runs, plus one message at the 20,000-character limit.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from pmprep.outreach import MAX_MESSAGE_CHARS, Verdict, check  # noqa: E402
from tests.core.outreach.labelled_set import Note, load, longer_wins, ordered_right, pairs  # noqa: E402
from tests.core.outreach_devset import BAD, GOOD  # noqa: E402

# The last commit before the graded signals (the branch point of the outreach work).
OLD_REF = "ea3215f2e036ea896db8071f1c3f802ca580dff3"
_SCORE_ALL = (
    "import json, sys\nfrom pmprep.outreach import check\n"
    "json.dump([check(t).score for t in json.load(sys.stdin)], sys.stdout)\n"
)


def old_scores(ref: str, texts: Sequence[str]) -> list[int] | str:
    """Scores from the checker as it was at ``ref``, or why they could not be had."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "old.tar"
        made = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), ref, "src/pmprep"],
            capture_output=True,
            text=True,
            check=False,
        )
        if made.returncode:
            return f"git archive {ref} failed: {made.stderr.strip() or made.returncode}"
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src")}
        run = subprocess.run(
            [sys.executable, "-c", _SCORE_ALL],
            input=json.dumps(list(texts)),
            env=env,
            cwd=tmp,
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode:
            return f"the old checker failed: {run.stderr.strip().splitlines()[-1:]}"
        return json.loads(run.stdout)


def line(name: str, right: int, total: int, extra: str = "") -> str:
    return f"  {name:<28} {right:>4}/{total:<4} = {right / total:.3f}{extra}"


def labelled(split: str, old_ref: str, details: bool) -> None:
    recipients = load()
    found = pairs(recipients, split)
    if not found:
        sys.exit(f"no labelled pairs for split {split!r}")
    in_split = [r for r in recipients if split in ("all", r.split)]
    as_long = sum(len(worse.text) >= len(better.text) for better, worse in found)
    print(
        f"labelled set, {split} split: {len(found)} pairs over {len(in_split)} recipients "
        f"({sum(len(r.notes) for r in in_split)} notes; {as_long} pairs with the worse note as long or longer)"
    )
    texts = sorted({n.text for pair in found for n in pair})
    new = {t: check(t).score for t in texts}
    right, total = ordered_right(found, new.__getitem__)
    ties = sum(new[b.text] == new[w.text] for b, w in found)
    print(line("checker (this tree)", right, total, f"  (ties: {ties})"))
    old = old_scores(old_ref, texts)
    if isinstance(old, str):
        print(f"  old checker ({old_ref[:7]}): not run: {old}")
        old_map = None
    else:
        old_map = dict(zip(texts, old, strict=True))
        old_right, _ = ordered_right(found, old_map.__getitem__)
        old_ties = sum(old_map[b.text] == old_map[w.text] for b, w in found)
        print(line(f"old checker ({old_ref[:7]})", old_right, total, f"  (ties: {old_ties})"))
    print(line("longer wins", *longer_wins(found)))
    if details:
        _misses(found, new, old_map)


def _misses(found: Sequence[tuple[Note, Note]], new: dict[str, int], old: dict[str, int] | None) -> None:
    for better, worse in found:
        if new[better.text] <= new[worse.text]:
            was = f" (old {old[better.text]} vs {old[worse.text]})" if old else ""
            print(f"  miss: {better.id} {new[better.text]} vs {worse.id} {new[worse.text]}{was}")


def devset() -> None:
    good = Counter(check(e.text).verdict for e in GOOD)
    bad = Counter(check(e.text).verdict for e in BAD)
    right = good[Verdict.SEND] + len(BAD) - bad[Verdict.SEND]
    total = len(GOOD) + len(BAD)
    print(f"devset: {total} messages ({len(GOOD)} good, {len(BAD)} bad)")
    print(f"  accuracy (send vs not): {right}/{total} = {right / total:.1%}")
    print("  good: " + ", ".join(f"{v.value} {good[v]}" for v in Verdict))
    print("  bad:  " + ", ".join(f"{v.value} {bad[v]}" for v in Verdict))
    for e in GOOD + BAD:
        r = check(e.text)
        wrong = (r.verdict is Verdict.SEND) != (e.label == "good")
        if wrong or (e.label == "good" and r.verdict is not Verdict.SEND):
            what = "WRONG" if wrong else "revise"
            print(f"    {what}: {e.label} scored {r.score} ({r.verdict.value}): {e.text[:70]}…")


def timing(runs: int, texts: Sequence[str], timed: Callable[[str], object] = check) -> None:
    times = []
    for _ in range(runs):
        for text in texts:
            t = time.perf_counter()
            timed(text)
            times.append(time.perf_counter() - t)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(
        f"time per message: median {statistics.median(times) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms "
        f"({len(times)} checks)"
    )
    longest = ((" ".join(texts) + " ") * 10)[:MAX_MESSAGE_CHARS]
    t = time.perf_counter()
    timed(longest)
    print(f"one {len(longest):,}-character message: {(time.perf_counter() - t) * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["test", "dev", "all"], default="test")
    parser.add_argument("--old", default=OLD_REF, help="the git commit whose checker is the old baseline")
    parser.add_argument("--details", action="store_true", help="list the pairs the checker misses")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    labelled(args.split, args.old, args.details)
    devset()
    timing(args.runs, [e.text for e in GOOD + BAD])


if __name__ == "__main__":
    main()
