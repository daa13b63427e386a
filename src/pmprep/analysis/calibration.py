"""One calibrated scale: how the rubric's weighted score becomes the score and level a candidate sees.

The rubric's weighted score orders answers; it does not by itself mean the same thing in every type,
and it is lower for everyone once credit needs substance (pmprep.analysis.claims). ``calibration.yaml``
in the company folder holds a monotone, piecewise-linear map from that score to the 0–100 scale whose
30, 50 and 70 are the cuts for Borderline, Solid and Outstanding, and the two shares that set how much
of its score an answer keeps for the share of its words that make claims.

``scripts/fit_calibration.py`` fits both on the labelled set's dev split (tests/data/labelled); the
test split is never used for fitting. A monotone map never changes which of two answers scores higher
unless one of them is capped by a gate.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from pmprep.bank import SHIPPED, ContentError, Problem
from pmprep.bank.errors import read_content_yaml
from pmprep.config import company_file

CALIBRATION_FILE = SHIPPED / "calibration.yaml"
# Even an answer with no claims keeps this share of its rubric score, so hollow answers are still ordered
# among themselves (and a gate, not this, is what holds them down).
KEPT_FLOOR = 0.1


@dataclass(frozen=True)
class Calibration:
    knots: tuple[tuple[float, float], ...]  # (rubric score, shown score), both rising, from (0, 0) to (100, 100)
    claims_full: float  # an answer with this share of its words in claims keeps its whole score
    claims_none: float  # and one with this share or less keeps KEPT_FLOOR of it

    def score(self, raw: float) -> float:
        """The shown score for a rubric score (both 0–100)."""
        i = max(1, min(len(self.knots) - 1, bisect_right(self.knots, raw, key=lambda knot: knot[0])))
        (x0, y0), (x1, y1) = self.knots[i - 1], self.knots[i]
        return max(0.0, min(100.0, y0 + (y1 - y0) * (raw - x0) / (x1 - x0)))

    def kept(self, claim_share: float) -> float:
        """The share of its rubric score an answer keeps, given the share of its words that make claims."""
        span = self.claims_full - self.claims_none
        return max(KEPT_FLOOR, min(1.0, (claim_share - self.claims_none) / span))


IDENTITY = Calibration(((0.0, 0.0), (100.0, 100.0)), 1.0, 0.2)


def shipped() -> Calibration:
    """The calibration of the company served (its own calibration.yaml, or the shipped one)."""
    return _calibration_of(company_file("calibration.yaml"))


@lru_cache(maxsize=8)
def _calibration_of(path: Path) -> Calibration:
    return load_calibration(path)


def load_calibration(path: Path) -> Calibration:
    """Read and check a calibration file; :class:`ContentError` names the file, the field and what was expected."""
    where, raw = read_content_yaml(path)
    problems: list[Problem] = []
    if not isinstance(raw, dict) or set(raw) != {"knots", "claims"}:
        raise ContentError([Problem(where, None, None, "expected the fields knots and claims")])
    knots = raw["knots"]
    if not (
        isinstance(knots, list)
        and len(knots) >= 2
        and all(isinstance(k, list) and len(k) == 2 and all(_number(v) for v in k) for k in knots)
    ):
        problems.append(Problem(where, None, "knots", "expected a list of [rubric score, shown score] pairs"))
    else:
        pairs = tuple((float(x), float(y)) for x, y in knots)
        if pairs[0] != (0.0, 0.0) or pairs[-1] != (100.0, 100.0):
            problems.append(Problem(where, None, "knots", "expected the first pair [0, 0] and the last [100, 100]"))
        if any(b[0] <= a[0] or b[1] < a[1] for a, b in pairwise(pairs)):
            problems.append(
                Problem(where, None, "knots", "expected rubric scores rising and shown scores never falling")
            )
    claims = raw["claims"]
    if not (
        isinstance(claims, dict)
        and set(claims) == {"full", "none"}
        and all(_number(v) for v in claims.values())
        and 0 <= claims["none"] < claims["full"] <= 1
    ):
        problems.append(Problem(where, None, "claims", "expected full and none, shares with 0 <= none < full <= 1"))
    if problems:
        raise ContentError(problems)
    return Calibration(pairs, float(claims["full"]), float(claims["none"]))


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 100
