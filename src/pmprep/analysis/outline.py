"""Which step of the expected structure each sentence serves, and how completely the answer follows it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from pmprep.analysis.feedback import OutlineItem
from pmprep.analysis.judging import Context
from pmprep.bank import Catalog, ContentError, Problem
from pmprep.config import active_catalog

Step = tuple[str, str, tuple[str, ...]]  # (step id, name, the signal families that show it)


@dataclass(frozen=True)
class TypeFramework:
    """The structure a question type's answers follow: one definition, in the company folder's
    frameworks.yaml, shared by the bank page, the feedback page and this outline."""

    name: str
    steps: tuple[Step, ...]


def frameworks() -> dict[str, TypeFramework]:
    """Each question type's framework in the content served now (pmprep.config.active_catalog)."""
    return _frameworks_of(active_catalog())


@lru_cache(maxsize=8)
def _frameworks_of(catalog: Catalog) -> dict[str, TypeFramework]:
    return type_frameworks(catalog)


def type_frameworks(catalog: Catalog) -> dict[str, TypeFramework]:
    """Each question type's framework; refused with the file, entry and field when a step names no
    signal family, or one the analyzer does not have."""
    from pmprep.analysis.signals import families

    known = families()

    out: dict[str, TypeFramework] = {}
    problems: list[Problem] = []
    for info in catalog.question_types.values():
        framework = catalog.frameworks[info.framework]
        for n, step in enumerate(framework.steps):
            unknown = [f for f in step.signals if f not in known]
            if not step.signals or unknown:
                said = (
                    f"unknown signal families: {', '.join(unknown)}"
                    if unknown
                    else f"each step of a question type's framework ({info.id}) lists the signals that show it"
                )
                problems.append(
                    Problem(f"{catalog.company.id}/frameworks.yaml", framework.id, f"steps[{n}].signals", said)
                )
        out[info.id] = TypeFramework(framework.name, tuple((s.id, s.name, tuple(s.signals)) for s in framework.steps))
    if problems:
        raise ContentError(problems)
    return out


def outline(ctx: Context) -> tuple[list[OutlineItem], float]:
    """One item per sentence, and a 0–1 coverage of the steps (present, and in order)."""
    steps = frameworks()[ctx.question_type].steps
    per_sentence: dict[int, dict[str, int]] = {}
    for step_id, _, families in steps:
        for family in families:
            for index in ctx.signals.sentences_with(family):
                per_sentence.setdefault(index, {}).setdefault(step_id, 0)
                per_sentence[index][step_id] += 1
    names = {s[0]: s[1] for s in steps}
    order = {s[0]: i for i, s in enumerate(steps)}
    items: list[OutlineItem] = []
    sequence: list[int] = []
    for sentence in ctx.doc.sentences:
        counts = per_sentence.get(sentence.index)
        if counts:
            # The step with most hits wins; ties go to the step expected earliest.
            step = max(counts, key=lambda s: (counts[s], -order[s]))
            items.append(OutlineItem(sentence.index, sentence.start, sentence.end, step, names[step]))
            sequence.append(order[step])
        else:
            items.append(OutlineItem(sentence.index, sentence.start, sentence.end, None, "—"))
    present = len(set(sequence)) / len(steps)
    firsts: dict[int, int] = {}
    for pos, position in enumerate(sequence):
        firsts.setdefault(position, pos)
    ranked = [s for s, _ in sorted(firsts.items(), key=lambda kv: kv[1])]
    in_order = sum(1 for a, b in pairwise(ranked) if a < b) / max(1, len(ranked) - 1) if len(ranked) > 1 else 0.0
    return items, round(0.7 * present + 0.3 * in_order, 4)
