"""How well the analyzer agrees with the labelled set (tests/data/labelled), beside trivial baselines.

    python benchmarks/labelled.py [--split test|dev|all] [--details]

The set's questions are split into "dev" (may be looked at while tuning) and "test" (never tuned on);
the default reports the test split. Printed, each beside its baseline on the same items:

- pairs: within a question, every two answers of different levels; the analyzer is right when the
  better one scores higher (a tie is a miss). "Longer wins" is right when the better one is longer.
  Also printed: the share of pairs whose worse answer is as long or longer, which is what keeps the
  set from being won by length.
- overall level: exact, within one, and quadratic weighted kappa, per type; the majority level is
  the baseline.
- per criterion: exact and within one.
- per kind of answer (bait, off_topic, non_answer...): the share held at Borderline or below, for
  the kinds labelled so.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from pmprep.analysis import analyze  # noqa: E402

DATA = ROOT / "tests" / "data" / "labelled"
LEVELS = (1, 2, 3, 4)


def load(split: str) -> list[dict]:
    questions = []
    for path in sorted(DATA.glob("*.yaml")):
        for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            if split == "all" or q["split"] == split:
                questions.append(q)
    return questions


def kappa(want: list[int], got: list[int]) -> float:
    """Quadratic weighted kappa over levels 1–4."""
    n = len(want)
    if not n:
        return float("nan")
    observed = Counter(zip(want, got, strict=True))
    a, b = Counter(want), Counter(got)
    num = den = 0.0
    for i in LEVELS:
        for j in LEVELS:
            w = (i - j) ** 2 / (len(LEVELS) - 1) ** 2
            num += w * observed[(i, j)]
            den += w * a[i] * b[j] / n
    return 1 - num / den if den else 1.0


def words(text: str) -> int:
    return len(text.split())


def share(flags: list[bool]) -> str:
    return f"{sum(flags) / len(flags):.3f} ({sum(flags)}/{len(flags)})" if flags else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["test", "dev", "all"], default="test")
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    questions = load(args.split)
    if not questions:
        sys.exit(f"no labelled questions in {DATA} for split {args.split!r}")

    pair_ok, pair_longer, pair_worse_long = [], [], []
    by_type_pairs: dict[str, list[bool]] = defaultdict(list)
    by_type_longer: dict[str, list[bool]] = defaultdict(list)
    levels: dict[str, list[tuple[int, int]]] = defaultdict(list)
    criteria: dict[str, list[tuple[int, int]]] = defaultdict(list)
    held: dict[str, list[bool]] = defaultdict(list)
    for q in questions:
        scored = []
        for a in q["answers"]:
            fb = analyze(q["question"], a["text"], question_type=q["type"])
            scored.append((a["level"], fb.score, words(a["text"])))
            levels[q["type"]].append((a["level"], fb.level))
            for c in fb.criteria:
                if c.id in a["criteria"]:
                    criteria[c.id].append((a["criteria"][c.id], c.level))
            held[a["kind"]].append(fb.level <= 2)
            if args.details:
                print(
                    f"{a['id']:<16} {a['kind']:<13} want L{a['level']} got L{fb.level} {fb.score:5.1f}  "
                    f"{words(a['text'])} words"
                )
        for x, y in combinations(scored, 2):
            if x[0] == y[0]:
                continue
            better, worse = (x, y) if x[0] > y[0] else (y, x)
            ok, longer = better[1] > worse[1], better[2] > worse[2]
            pair_ok.append(ok)
            pair_longer.append(longer)
            pair_worse_long.append(worse[2] >= better[2])
            by_type_pairs[q["type"]].append(ok)
            by_type_longer[q["type"]].append(longer)

    answers = sum(len(q["answers"]) for q in questions)
    print(f"labelled set, split {args.split}: {len(questions)} questions, {answers} answers, {len(pair_ok)} pairs")
    print(f"  pairs whose worse answer is as long or longer: {share(pair_worse_long)}")
    print(f"pairs ordered right: analyzer {share(pair_ok)}; longer wins {share(pair_longer)}")
    for t in sorted(by_type_pairs):
        print(f"  {t:<15} analyzer {share(by_type_pairs[t])}; longer wins {share(by_type_longer[t])}")
    print("overall level: exact / within one / quadratic weighted kappa (majority level beside it)")
    everything = [p for ps in levels.values() for p in ps]
    for t, pairs in sorted(levels.items()) + [("all", everything)]:
        want = [w for w, _ in pairs]
        got = [g for _, g in pairs]
        majority = Counter(want).most_common(1)[0][0]
        base = [majority] * len(want)
        print(
            f"  {t:<15} {share([w == g for w, g in pairs])} / {share([abs(w - g) <= 1 for w, g in pairs])} / "
            f"{kappa(want, got):.3f}   majority L{majority}: {share([w == majority for w in want])} / "
            f"{share([abs(w - majority) <= 1 for w in want])} / {kappa(want, base):.3f}"
        )
    print("per criterion: exact / within one")
    for cid, pairs in sorted(criteria.items()):
        print(f"  {cid:<24} {share([w == g for w, g in pairs])} / {share([abs(w - g) <= 1 for w, g in pairs])}")
    print("held at Borderline or below, per kind of answer")
    for kind, flags in sorted(held.items()):
        print(f"  {kind:<15} {share(flags)}")


if __name__ == "__main__":
    main()
