"""How well questions are typed, on questions written apart from the classifier (tests/data/classifier_heldout.yaml).

    python benchmarks/classifier.py [--misses]

The held-out file is never used to build or tune the classifier. Printed: accuracy of the question type
beside the majority-type baseline, per type, and the answer shape's accuracy within the types that
have several shapes (beside the most common shape per type).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from pmprep.analysis import classify  # noqa: E402
from pmprep.analysis.shapes import shape_of, shipped_shapes  # noqa: E402

HELDOUT = ROOT / "tests" / "data" / "classifier_heldout.yaml"


def main() -> None:
    items = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))["questions"]
    right = [classify(q["text"]).question_type == q["type"] for q in items]
    majority, count = Counter(q["type"] for q in items).most_common(1)[0]
    print(
        f"question type: {sum(right) / len(items):.3f} ({sum(right)}/{len(items)}); "
        f"majority class ({majority}): {count / len(items):.3f}"
    )
    per: dict[str, list[bool]] = defaultdict(list)
    for q, ok in zip(items, right, strict=True):
        per[q["type"]].append(ok)
    for t, oks in sorted(per.items()):
        print(f"  {t:<15} {sum(oks)}/{len(oks)}")
    several = {t for t, shapes in shipped_shapes().items() if len(shapes) > 1}
    shaped = [q for q in items if q["type"] in several]
    hits = [shape_of(q["text"], q["type"]).id == q["shape"] for q in shaped]
    common = {t: Counter(q["shape"] for q in shaped if q["type"] == t).most_common(1)[0][0] for t in several}
    base = [q["shape"] == common[q["type"]] for q in shaped]
    print(
        f"answer shape (given the type): {sum(hits) / len(shaped):.3f} ({sum(hits)}/{len(shaped)}); "
        f"most common shape per type: {sum(base) / len(shaped):.3f}"
    )
    if "--misses" in sys.argv:
        for q, ok in zip(items, right, strict=True):
            if not ok:
                print(f"  type {q['type']:<15} got {classify(q['text']).question_type:<15} {q['text']}")


if __name__ == "__main__":
    main()
