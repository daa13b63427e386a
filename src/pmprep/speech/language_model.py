"""A trigram language model counted from sentences, smoothed, and written in the ARPA format PocketSphinx reads.

Interpolated Kneser-Ney: each order's counts are discounted by a fixed amount (estimated from how many
n-grams were seen once and twice) and the mass taken is given to the next lower order, whose counts are the
number of different words seen before an n-gram rather than its raw count (so "netflix" after many words
counts for more than "angeles" after one). Trigrams seen fewer than ``min_trigram_count`` times are left
out and their mass goes to the bigrams, which keeps the model small without unnormalising it.

The unigrams can be mixed with a background distribution (``background``, weight ``background_weight``):
words of everyday English that pmprep's content never uses still get a chance, so an answer that strays
from the content is not forced into its words.

The same sentences and settings give the same bytes: everything is written sorted, with fixed precision.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

START, END = "<s>", "</s>"
_NO_PROBABILITY = -99.0  # ARPA's log10 for "never predicted" (<s>)


@dataclass(frozen=True)
class Counts:
    """Raw trigram counts of sentences framed by <s> … </s>."""

    trigrams: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    bigrams: Counter[tuple[str, str]] = field(default_factory=Counter)
    sentences: int = 0


def count(sentences: Iterable[list[str]]) -> Counts:
    trigrams: Counter[tuple[str, str, str]] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    n = 0
    for words in sentences:
        if not words:
            continue
        n += 1
        padded = [START, *words, END]
        bigrams.update(zip(padded, padded[1:], strict=False))
        trigrams.update(zip(padded, padded[1:], padded[2:], strict=False))
    return Counts(trigrams, bigrams, n)


def _discount(counts: Iterable[int]) -> float:
    """Ney's estimate D = n1 / (n1 + 2 n2), from how many n-grams have count 1 and 2 (0.5 when undefined)."""
    of = Counter(counts)
    n1, n2 = of[1], of[2]
    return n1 / (n1 + 2 * n2) if n1 and n2 else 0.5


@dataclass(frozen=True)
class LanguageModel:
    """log10 probabilities and back-off weights of every n-gram kept, ready to write as ARPA."""

    unigrams: dict[str, tuple[float, float]]
    bigrams: dict[tuple[str, str], tuple[float, float]]
    trigrams: dict[tuple[str, str, str], float]
    sentences: int
    note: str

    @property
    def vocabulary(self) -> list[str]:
        return sorted(w for w in self.unigrams if w not in (START, END))

    def arpa(self) -> str:
        lines = [self.note, "", "\\data\\"]
        lines += [f"ngram 1={len(self.unigrams)}", f"ngram 2={len(self.bigrams)}", f"ngram 3={len(self.trigrams)}"]
        lines += ["", "\\1-grams:"]
        lines += [f"{p:.4f} {w} {b:.4f}" for w, (p, b) in sorted(self.unigrams.items())]
        lines += ["", "\\2-grams:"]
        lines += [f"{p:.4f} {v} {w} {b:.4f}" for (v, w), (p, b) in sorted(self.bigrams.items())]
        lines += ["", "\\3-grams:"]
        lines += [f"{p:.4f} {u} {v} {w}" for (u, v, w), p in sorted(self.trigrams.items())]
        lines += ["", "\\end\\", ""]
        return "\n".join(lines)


def _log10(p: float) -> float:
    return math.log10(p) if p > 0 else _NO_PROBABILITY


def build(
    counts: Counts,
    *,
    min_trigram_count: int = 2,
    background: Mapping[str, float] | None = None,
    background_weight: float = 0.0,
    note: str = "",
) -> LanguageModel:
    """The interpolated Kneser-Ney trigram model of ``counts``. ``background`` maps words to probabilities
    (they need not sum to 1; they are normalised) and gets ``background_weight`` of the unigram mass."""
    if not counts.bigrams:
        raise ValueError("no sentences to build a language model from")
    if not 0.0 <= background_weight < 1.0:
        raise ValueError(f"background_weight must be in [0, 1), not {background_weight}")

    # Trigram level: raw counts, those under the cut-off left out (their mass backs off).
    d3 = _discount(counts.trigrams.values())
    context3: dict[tuple[str, str], int] = defaultdict(int)
    for (u, v, _w), c in counts.trigrams.items():
        context3[(u, v)] += c
    kept3 = {g: c for g, c in counts.trigrams.items() if c >= min_trigram_count}
    kept_mass3: dict[tuple[str, str], float] = defaultdict(float)
    for (u, v, _w), c in kept3.items():
        kept_mass3[(u, v)] += c - d3
    gamma3 = {ctx: (total - kept_mass3[ctx]) / total for ctx, total in context3.items()}

    # Bigram level: how many different words came before each bigram (raw counts after <s>, which nothing
    # comes before).
    left_of_bigram: Counter[tuple[str, str]] = Counter((v, w) for (_u, v, w) in counts.trigrams)
    bigram_counts = {(v, w): (c if v == START else left_of_bigram[(v, w)]) for (v, w), c in counts.bigrams.items()}
    d2 = _discount(bigram_counts.values())
    context2: dict[str, int] = defaultdict(int)
    types2: dict[str, int] = defaultdict(int)
    for (v, _w), c in bigram_counts.items():
        context2[v] += c
        types2[v] += 1
    gamma2 = {v: d2 * types2[v] / total for v, total in context2.items()}

    # Unigram level: how many different words came before each word, mixed with the background.
    left_of_word: Counter[str] = Counter(w for (_v, w) in counts.bigrams)
    total1 = sum(left_of_word.values())
    p1 = {w: c / total1 for w, c in left_of_word.items()}
    if background and background_weight > 0:
        mass = sum(background.values())
        words = set(p1) | set(background)
        p1 = {
            w: (1 - background_weight) * p1.get(w, 0.0) + background_weight * background.get(w, 0.0) / mass
            for w in words
        }
    p1.pop(START, None)

    def p2(v: str, w: str) -> float:
        c = bigram_counts.get((v, w), 0)
        seen = max(c - d2, 0.0) / context2[v] if v in context2 else 0.0
        return seen + gamma2.get(v, 1.0) * p1.get(w, 0.0)

    unigrams = {w: (_log10(p), _log10(gamma2.get(w, 1.0))) for w, p in p1.items()}
    unigrams[START] = (_NO_PROBABILITY, _log10(gamma2.get(START, 1.0)))
    bigrams = {(v, w): (_log10(p2(v, w)), _log10(gamma3.get((v, w), 1.0))) for (v, w) in bigram_counts}
    trigrams = {
        (u, v, w): _log10((c - d3) / context3[(u, v)] + gamma3[(u, v)] * p2(v, w)) for (u, v, w), c in kept3.items()
    }
    header = (
        f"Interpolated Kneser-Ney trigram model of {counts.sentences} sentences; discounts "
        f"{d3:.4f} (trigrams), {d2:.4f} (bigrams); trigrams seen fewer than {min_trigram_count} times left out; "
        f"background unigram weight {background_weight}."
    )
    return LanguageModel(unigrams, bigrams, trigrams, counts.sentences, note or header)
