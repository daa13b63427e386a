"""Estimation: assumptions, a segmented structure, arithmetic shown, a sanity check, a range."""

from __future__ import annotations

from dataclasses import replace

from pmprep.analysis.claims import is_quantity
from pmprep.analysis.judging import Context, Judgement, judge, part, sat
from pmprep.analysis.rubric import rubrics

# An estimate is worked in numbers: with fewer quantities than this, naming assumptions, a range or a
# sanity check is only the shape of an estimate, and those criteria stay below Solid.
FEWEST_QUANTITIES = 3
UNWORKED = 0.4  # the most those criteria earn then (Borderline)


def assumptions(ctx: Context) -> Judgement:
    found = ctx.hits("assumption")
    numbers = ctx.hits("number")
    return judge(
        part(0.7, sat(len({h.text.lower() for h in found}), 3), found, "assumptions.assumptions_stated"),
        part(0.3, sat(len(numbers), 4), numbers, "assumptions.numbers_work"),
    )


def segmentation(ctx: Context) -> Judgement:
    parts = ctx.hits("breakdown")
    posts = ctx.hits("signpost")
    return judge(
        part(0.65, sat(len({h.text.lower() for h in parts}), 2), parts, "segmentation.segmented_structure"),
        part(0.35, sat(len(posts), 2), posts, "segmentation.structure_signposted"),
    )


def arithmetic(ctx: Context) -> Judgement:
    maths = ctx.hits("arithmetic")
    numbers = ctx.hits("number")
    return judge(
        part(0.7, sat(len(maths), 3), maths, "arithmetic.arithmetic_shown"),
        part(0.3, sat(len(numbers), 8), numbers, "arithmetic.numbers"),
    )


def sanity_check(ctx: Context) -> Judgement:
    found = ctx.hits("sanity")
    return judge(part(1.0, sat(len(found), 1), found, "sanity_check.sanity_check"))


def range_answer(ctx: Context) -> Judgement:
    ranges = ctx.hits("range")
    late_numbers = ctx.hits_in_part("number", 0.7, 1.0)
    return judge(
        part(0.6, sat(len(ranges), 1), ranges, "range_answer.range"),
        part(0.4, sat(len(late_numbers), 1), late_numbers, "range_answer.final_number"),
    )


def worked_in_numbers(ctx: Context) -> bool:
    return sum(1 for h in ctx.hits("number") if is_quantity(h.text)) >= FEWEST_QUANTITIES


def _needs_numbers(criterion):
    """The criterion as judged, held at Borderline when the answer puts no numbers to work."""

    def judged(ctx: Context) -> Judgement:
        j = criterion(ctx)
        if j.strength <= UNWORKED or worked_in_numbers(ctx):
            return j
        advice = rubrics().advice
        return replace(
            j, strength=UNWORKED, missing=[*j.missing, advice["unworked_missing"]], advice=advice["unworked"]
        )

    judged.__name__ = criterion.__name__
    judged.__doc__ = criterion.__doc__
    return judged


CRITERIA = {
    "assumptions": _needs_numbers(assumptions),
    "segmentation": segmentation,
    "arithmetic": _needs_numbers(arithmetic),
    "sanity_check": _needs_numbers(sanity_check),
    "range_answer": _needs_numbers(range_answer),
}
