"""Word error rate: how far a transcript is from what was said, in word substitutions, deletions and
insertions over the words said (a minimum edit distance, so the same pair always gives the same figure)."""

from __future__ import annotations

from collections.abc import Sequence


def edit_distance(reference: Sequence[str], hypothesis: Sequence[str]) -> int:
    """The fewest word substitutions, deletions and insertions that turn ``hypothesis`` into ``reference``."""
    previous = list(range(len(hypothesis) + 1))
    for i, said in enumerate(reference, 1):
        current = [i]
        for j, heard in enumerate(hypothesis, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (said != heard)))
        previous = current
    return previous[-1]


def word_error_rate(reference: Sequence[str], hypothesis: Sequence[str]) -> float:
    """Edit distance over the reference's length (1.0 for an empty reference with any hypothesis)."""
    if not reference:
        return 0.0 if not hypothesis else 1.0
    return edit_distance(reference, hypothesis) / len(reference)
