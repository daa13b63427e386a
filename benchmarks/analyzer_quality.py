"""Print how well the analyzer agrees with the labelled development set (tests/data/answers).

    python benchmarks/analyzer_quality.py [--details]

Figures: overall-level agreement, per-criterion agreement (exact and within one level),
pairwise ordering inside each group (stronger variant must score higher; a tie is a miss),
and the levels of the shipped strong reference answers.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import yaml

from pmprep.analysis import analyze
from pmprep.bank import shipped_catalog

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "answers"
RANK = {"strong": 4, "average": 3, "weak": 2, "poor": 1}


def load_groups() -> list[dict]:
    groups = []
    for path in sorted(DATA.glob("*.yaml")):
        groups += yaml.safe_load(path.read_text(encoding="utf-8"))["groups"]
    return groups


def main(details: bool = False) -> None:
    groups = load_groups()
    level_hits = level_total = within = 0
    crit_exact: dict[str, list[int]] = defaultdict(list)
    crit_near: dict[str, list[int]] = defaultdict(list)
    pairs_ok = pairs = 0
    by_type_pairs: dict[str, list[int]] = defaultdict(list)
    for g in groups:
        scored = []
        for a in g["answers"]:
            fb = analyze(g["question"], a["text"], question_type=g["type"])
            level_total += 1
            level_hits += fb.level == a["level"]
            within += abs(fb.level - a["level"]) <= 1
            for c in fb.criteria:
                if c.id not in a["criteria"]:
                    continue  # coverage is judged for bank questions and not labelled here
                want = a["criteria"][c.id]
                crit_exact[c.id].append(c.level == want)
                crit_near[c.id].append(abs(c.level - want) <= 1)
            scored.append((RANK[a["variant"]], fb.score, a["variant"], fb.level, a["level"]))
            if details:
                print(f"{g['id']:<34} {a['variant']:<8} want L{a['level']} got L{fb.level} {fb.score:5.1f}")
        for x, y in combinations(scored, 2):
            if x[0] == y[0]:
                continue
            hi, lo = (x, y) if x[0] > y[0] else (y, x)
            ok = hi[1] > lo[1]
            pairs += 1
            pairs_ok += ok
            by_type_pairs[g["type"]].append(ok)
            if details and not ok:
                print(f"   MISORDERED {g['id']}: {hi[2]} {hi[1]} <= {lo[2]} {lo[1]}")
    print(f"answers: {level_total} in {len(groups)} groups")
    print(f"overall level: exact {level_hits / level_total:.3f}, within one {within / level_total:.3f}")
    print(f"pairwise ordering inside groups: {pairs_ok}/{pairs} = {pairs_ok / pairs:.3f}")
    for t, oks in sorted(by_type_pairs.items()):
        print(f"   {t:<15} {sum(oks)}/{len(oks)}")
    exact = [v for vs in crit_exact.values() for v in vs]
    near = [v for vs in crit_near.values() for v in vs]
    print(f"criteria: exact {sum(exact) / len(exact):.3f}, within one {sum(near) / len(near):.3f}")
    if details:
        for cid in sorted(crit_exact):
            print(
                f"   {cid:<24} exact {sum(crit_exact[cid]) / len(crit_exact[cid]):.2f} near {sum(crit_near[cid]) / len(crit_near[cid]):.2f}"
            )
    catalog = shipped_catalog()
    levels = defaultdict(int)
    low = []
    for qid, sa in catalog.strong_answers.items():
        fb = analyze(qid, sa.answer)
        levels[fb.level] += 1
        if fb.level < 3:
            low.append((qid, fb.score))
    print(f"strong reference answers: {dict(sorted(levels.items()))} (level: count); below Solid: {low}")


if __name__ == "__main__":
    main("--details" in sys.argv)
