"""The building blocks criteria are made of: a context, parts with credit, and a judgement."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from pmprep.analysis.rubric import rubrics
from pmprep.analysis.signals import Hit, Signals
from pmprep.analysis.text import Doc

# Strength thresholds for levels 2, 3 and 4 (below the first is level 1).
LEVEL_CUTS = (0.2, 0.45, 0.72)


def level_of(strength: float) -> int:
    return 1 + sum(strength >= cut for cut in LEVEL_CUTS)


def sat(n: float, enough: float) -> float:
    """Credit that grows with a count and saturates at ``enough``."""
    if enough <= 0:
        return 1.0
    return max(0.0, min(1.0, n / enough))


@dataclass
class Context:
    doc: Doc
    signals: Signals
    question: str
    question_type: str
    seconds: float | None = None

    @cached_property
    def content_end(self) -> int:
        """Where the last informative sentence ends: padding after it does not move anything earlier."""
        informative = self.signals.informative
        if not informative:
            return max(1, len(self.doc.text))
        return max(1, self.doc.sentences[informative[-1]].end)

    def position(self, offset: int) -> float:
        """Where an offset falls in the answer's substance, 0.0 (start) to 1.0 (end)."""
        return min(1.0, offset / self.content_end)

    def hits(self, *families: str) -> list[Hit]:
        out: list[Hit] = []
        for f in families:
            out.extend(self.signals(f))
        return out

    def distinct(self, *families: str) -> int:
        return len({h.text.lower() for f in families for h in self.signals(f)})

    def first_offset(self, *families: str) -> int | None:
        offsets = [h.start for f in families for h in self.signals(f)]
        return min(offsets) if offsets else None

    def hits_in_part(self, family: str, start: float, end: float) -> list[Hit]:
        """Hits whose position in the answer lies between ``start`` and ``end`` (0–1)."""
        return [h for h in self.signals(family) if start <= self.position(h.start) <= end]

    def hits_near(self, family: str, anchors: Iterable[Hit], window: int = 0) -> list[Hit]:
        """Hits of ``family`` in the same sentence (± window sentences) as any anchor."""
        wanted: set[int] = set()
        for a in anchors:
            s = self.doc.sentence_at(a.start)
            if s is not None:
                wanted.update(range(s.index - window, s.index + window + 1))
        return self.signals.in_sentences(family, wanted)


@dataclass
class Part:
    weight: float
    credit: float
    hits: list[Hit]
    missing: str
    advice: str


@dataclass
class Judgement:
    strength: float
    hits: list[Hit]
    missing: list[str]
    advice: str
    notes: list[str] = field(default_factory=list)


def part(weight: float, credit: float, hits: list[Hit], name: str, **values: object) -> Part:
    """A part of a criterion, with its words from rubrics.yaml: ``name`` is "criterion.part", and
    ``values`` fill the {placeholders} of its text."""
    missing, advice = rubrics().parts[name]
    if values:
        missing, advice = missing.format(**values), advice.format(**values)
    return Part(weight, credit, hits, missing, advice)


def judge(*parts: Part) -> Judgement:
    total = sum(p.weight for p in parts) or 1.0
    strength = sum(p.weight * max(0.0, min(1.0, p.credit)) for p in parts) / total
    # Each stretch of the answer is quoted once: a hit inside another ("lesson" in "the lesson") is left
    # out, and two that overlap ("about 3" and "3 hours") are quoted as one ("about 3 hours").
    found = sorted((h for p in parts if p.credit > 0 for h in p.hits), key=lambda h: (h.start, -h.end))
    hits: list[Hit] = []
    for h in found:
        if not hits or h.start >= hits[-1].end:
            hits.append(h)
        elif h.end > hits[-1].end:
            last = hits[-1]
            hits[-1] = last._replace(end=h.end, text=last.text + h.text[last.end - h.start :])
    missing = [p.missing for p in parts if p.credit < 0.5 and p.missing]
    weakest = max(parts, key=lambda p: (p.weight * (1 - min(1.0, p.credit)), p.weight))
    advice = weakest.advice if weakest.credit < 1 else rubrics().advice["keep"]
    return Judgement(round(strength, 4), hits, missing, advice)


def numbers_near(ctx: Context, anchors: Iterable[Hit], window: int = 0) -> list[Hit]:
    return ctx.hits_near("number", anchors, window)
