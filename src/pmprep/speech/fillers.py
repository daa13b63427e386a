"""Phrase words and phrases in a timed transcript, and where they cluster (the list is data: fillers.yaml)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from pmprep.bank import ContentError, Problem
from pmprep.bank.errors import read_content_yaml

FILLERS_FILE = Path(__file__).with_name("fillers.yaml")


class Timed(Protocol):
    @property
    def word(self) -> str: ...
    @property
    def start(self) -> float: ...
    @property
    def end(self) -> float: ...


@dataclass(frozen=True)
class FillerRule:
    words: tuple[str, ...]
    not_after: frozenset[str]


@dataclass(frozen=True)
class FillerList:
    rules: tuple[FillerRule, ...]
    cluster_min: int
    cluster_within_s: float


@dataclass(frozen=True)
class Phrase:
    """Words of the transcript and when they were said, in seconds: a filler, or a cue the analyzer found."""

    text: str
    start: float
    end: float

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "start": round(self.start, 2), "end": round(self.end, 2)}


@dataclass(frozen=True)
class Cluster:
    start: float
    end: float
    fillers: int

    def to_dict(self) -> dict[str, object]:
        return {"start": round(self.start, 2), "end": round(self.end, 2), "fillers": self.fillers}


def load_fillers(path: Path) -> FillerList:
    """The filler file, refused with the file, entry and field of every problem."""
    where, raw = read_content_yaml(path)
    problems: list[Problem] = []
    if not isinstance(raw, dict):
        raise ContentError([Problem(where, None, None, "expected a mapping with cluster and fillers")])
    cluster = raw.get("cluster")
    if not isinstance(cluster, dict):
        problems.append(Problem(where, "cluster", None, "expected a mapping with min_fillers and within_s"))
        cluster = {}
    minimum, within = cluster.get("min_fillers", 3), cluster.get("within_s", 10)
    if not isinstance(minimum, int) or isinstance(minimum, bool) or minimum < 2:
        problems.append(Problem(where, "cluster", "min_fillers", "expected a whole number of 2 or more"))
    if not isinstance(within, int | float) or isinstance(within, bool) or within <= 0:
        problems.append(Problem(where, "cluster", "within_s", "expected a positive number of seconds"))
    rules = []
    items = raw.get("fillers")
    if not isinstance(items, list) or not items:
        problems.append(Problem(where, "fillers", None, "expected a non-empty list of fillers"))
        items = []
    for n, item in enumerate(items):
        entry = f"fillers[{n}]"
        if not isinstance(item, dict) or not isinstance(item.get("phrase"), str) or not item["phrase"].split():
            problems.append(Problem(where, entry, "phrase", "expected a phrase of lower-case words"))
            continue
        phrase = item["phrase"]
        if phrase != phrase.lower():
            problems.append(Problem(where, entry, "phrase", "expected lower case, as the recogniser writes words"))
        unknown = sorted(set(item) - {"phrase", "not_after"})
        problems.extend(Problem(where, entry, field, "is not a field of a filler") for field in unknown)
        not_after = item.get("not_after", [])
        if not isinstance(not_after, list) or not all(isinstance(w, str) and w for w in not_after):
            problems.append(Problem(where, entry, "not_after", "expected a list of words"))
            not_after = []
        rules.append(FillerRule(tuple(phrase.split()), frozenset(w.lower() for w in not_after)))
    if problems:
        raise ContentError(problems)
    # Longest phrases first, so "you know" is one filler, not "you" then "know".
    rules.sort(key=lambda r: -len(r.words))
    return FillerList(tuple(rules), int(minimum), float(within))


@lru_cache(maxsize=4)
def shipped_fillers(path: Path = FILLERS_FILE) -> FillerList:
    return load_fillers(path)


def filler_words() -> list[str]:
    """The one-word fillers (hesitations and the like), for the recogniser's vocabulary."""
    return sorted({r.words[0] for r in shipped_fillers().rules if len(r.words) == 1})


def find_fillers(words: Sequence[Timed], fillers: FillerList | None = None) -> list[Phrase]:
    """The fillers in a timed transcript, in order; each word belongs to one filler at most."""
    fillers = fillers or shipped_fillers()
    lower = [w.word.lower() for w in words]
    found: list[Phrase] = []
    i = 0
    while i < len(lower):
        for rule in fillers.rules:
            n = len(rule.words)
            if tuple(lower[i : i + n]) == rule.words and (i == 0 or lower[i - 1] not in rule.not_after):
                found.append(Phrase(" ".join(rule.words), words[i].start, words[i + n - 1].end))
                i += n
                break
        else:
            i += 1
    return found


def filler_clusters(found: Sequence[Phrase], fillers: FillerList | None = None) -> list[Cluster]:
    """Stretches where at least ``cluster_min`` fillers fall within ``cluster_within_s`` seconds of the first,
    merged when they overlap."""
    fillers = fillers or shipped_fillers()
    spans: list[list[float]] = []
    counts: list[int] = []
    for i in range(len(found)):
        j = i
        while j + 1 < len(found) and found[j + 1].start - found[i].start <= fillers.cluster_within_s:
            j += 1
        if j - i + 1 < fillers.cluster_min:
            continue
        start, end = found[i].start, found[j].end
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
            counts[-1] = sum(1 for f in found if spans[-1][0] <= f.start <= spans[-1][1])
        else:
            spans.append([start, end])
            counts.append(j - i + 1)
    return [Cluster(a, b, n) for (a, b), n in zip(spans, counts, strict=True)]
