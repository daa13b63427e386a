"""Fit the analyzer's calibration (src/pmprep/content/netflix/calibration.yaml) on the labelled dev split.

    python scripts/fit_calibration.py [--write]

Two steps, both on the dev split of tests/data/labelled only (the test split is never read):

1. claims: the two shares (full, none) that set how much of its rubric score an answer keeps for the
   share of its words that make claims, chosen from a small grid for the share of pairs ordered right;
2. knots: a power curve, shown = 100 * (rubric / 100) ** gamma, written as knots every 5 points of the
   shown scale; gamma is chosen for exact agreement plus quadratic weighted kappa with the labelled overall
   levels (cuts 30, 50 and 70: Borderline, Solid, Outstanding), over the answers no gate caps (a gate's
   cap is already on the shown scale), among the curves that keep every shipped strong reference answer
   at Solid or better.

Prints what it found; ``--write`` saves it. Deterministic: the grids are fixed and ties go to the first.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from labelled import kappa, load  # noqa: E402  (benchmarks/labelled.py: the same set, the same kappa)

from pmprep.analysis import analyze, calibration  # noqa: E402
from pmprep.analysis.analyzer import SUBSTANCE_NOTE  # noqa: E402
from pmprep.analysis.calibration import CALIBRATION_FILE, Calibration  # noqa: E402
from pmprep.bank import shipped_catalog  # noqa: E402

CLAIMS_GRID = [(full, none) for full in (0.8, 0.9, 1.0) for none in (0.0, 0.1, 0.2, 0.3, 0.4)]
CUTS = (30.0, 50.0, 70.0)


def dev_items() -> list[tuple[str, dict, dict]]:
    return [(q["id"], q, a) for q in load("dev") for a in q["answers"]]


def scored(items, full: float, none: float) -> list[tuple[str, int, float, bool]]:
    """(question id, labelled level, score, capped by a gate) with identity knots."""
    calibration.shipped = lambda: Calibration(((0.0, 0.0), (100.0, 100.0)), full, none)
    out = []
    for qid, q, a in items:
        fb = analyze(q["question"], a["text"], question_type=q["type"], shape=q.get("shape"))
        out.append((qid, a["level"], fb.score, any(not n.startswith(SUBSTANCE_NOTE) for n in fb.notes)))
    return out


def pairs_right(rows) -> float:
    by_question = defaultdict(list)
    for qid, level, score, _ in rows:
        by_question[qid].append((level, score))
    right = total = 0
    for answers in by_question.values():
        for (la, sa), (lb, sb) in combinations(answers, 2):
            if la != lb:
                total += 1
                right += sa != sb and (sa > sb) == (la > lb)
    return right / total


def weakest_reference(full: float, none: float) -> float:
    """The lowest score (identity knots) of pmprep's shipped strong reference answers."""
    calibration.shipped = lambda: Calibration(((0.0, 0.0), (100.0, 100.0)), full, none)
    catalog = shipped_catalog()
    return min(analyze(a.question_id, a.answer).score for a in catalog.strong_answers.values())


def fit_cuts(rows, floor: float) -> tuple[tuple[float, float, float], float, float, float]:
    """The power curve (shown = 100 * (rubric / 100) ** gamma) that best matches the levels; one
    parameter, so the scale stays smooth where the labels cannot tell two levels apart. The curve must
    keep every shipped strong reference answer at Solid: its Solid cut may not be above ``floor``."""
    free = [(level, score) for _, level, score, capped in rows if not capped]
    want = [level for level, _ in free]
    best = None
    for step in range(25, 101):
        gamma = step / 100
        cuts = tuple(round(100 * (cut / 100) ** (1 / gamma), 1) for cut in CUTS)
        if cuts[1] > floor:
            continue
        got = [1 + sum(s >= c for c in cuts) for _, s in free]
        exact = sum(w == g for w, g in zip(want, got, strict=True)) / len(want)
        k = kappa(want, got)
        if best is None or exact + k > best[0] + 1e-12:
            best = (exact + k, cuts, gamma, exact, k)
    return best[1], best[2], best[3], best[4]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"save the fit to {CALIBRATION_FILE}")
    args = parser.parse_args()
    items = dev_items()
    results = [(pairs_right(scored(items, full, none)), -i, full, none) for i, (full, none) in enumerate(CLAIMS_GRID)]
    for right, _, full, none in results:
        print(f"claims full {full:.1f} none {none:.1f}: pairs ordered right {right:.3f}")
    right, _, full, none = max(results)
    floor = weakest_reference(full, none)
    cuts, gamma, exact, k = fit_cuts(scored(items, full, none), floor)
    print(
        f"chosen: claims full {full} none {none} (pairs {right:.3f}); gamma {gamma}: rubric scores {cuts} map "
        f"to {CUTS} (dev, ungated: exact {exact:.3f}, kappa {k:.3f}); weakest reference answer {floor}"
    )
    if args.write:
        knots = [[0, 0], *([round(100 * (x / 20) ** (1 / gamma), 2), x * 5] for x in range(1, 20)), [100, 100]]
        CALIBRATION_FILE.write_text(
            "# How the analyzer's rubric score becomes the score shown (pmprep.analysis.calibration).\n"
            "# Written by scripts/fit_calibration.py from the labelled set's dev split; the test split is never used.\n"
            f"claims: {{full: {full}, none: {none}}}\n"
            f"knots: {yaml.safe_dump(knots, default_flow_style=True, width=10_000).strip()}\n",
            encoding="utf-8",
        )
        print(f"wrote {CALIBRATION_FILE}")


if __name__ == "__main__":
    main()
