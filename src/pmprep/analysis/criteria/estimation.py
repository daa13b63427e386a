"""Estimation: assumptions, a segmented structure, arithmetic shown, a sanity check, a range."""
from __future__ import annotations

from dataclasses import replace

from pmprep.analysis.claims import is_quantity
from pmprep.analysis.judging import Context, Judgement, Part, judge, sat

# An estimate is worked in numbers: with fewer quantities than this, naming assumptions, a range or a
# sanity check is only the shape of an estimate, and those criteria stay below Solid.
FEWEST_QUANTITIES = 3
UNWORKED = 0.4  # the most those criteria earn then (Borderline)


def assumptions(ctx: Context) -> Judgement:
    found = ctx.hits("assumption")
    numbers = ctx.hits("number")
    return judge(
        Part(0.7, sat(len({h.text.lower() for h in found}), 3), found, "assumptions are not stated",
             "State each assumption out loud (\"assume 2.5 people per household…\") with where it comes from."),
        Part(0.3, sat(len(numbers), 4), numbers, "few numbers to work with", "Put a number on every assumption."),
    )


def segmentation(ctx: Context) -> Judgement:
    parts = ctx.hits("breakdown")
    posts = ctx.hits("signpost")
    return judge(
        Part(0.65, sat(len({h.text.lower() for h in parts}), 2), parts, "no segmented structure",
             "Break the quantity into segments you can estimate (by device, region, plan)."),
        Part(0.35, sat(len(posts), 2), posts, "the structure is not signposted", "Announce the segments before the maths."),
    )


def arithmetic(ctx: Context) -> Judgement:
    maths = ctx.hits("arithmetic")
    numbers = ctx.hits("number")
    return judge(
        Part(0.7, sat(len(maths), 3), maths, "the arithmetic is not shown", "Show each step: \"50M households × 20% × 2 streams = 20M\"."),
        Part(0.3, sat(len(numbers), 8), numbers, "few numbers", "Carry numbers through every step."),
    )


def sanity_check(ctx: Context) -> Judgement:
    found = ctx.hits("sanity")
    return judge(Part(1.0, sat(len(found), 1), found, "no sanity check",
                      "Check the result another way or against a known figure before you commit to it."))


def range_answer(ctx: Context) -> Judgement:
    ranges = ctx.hits("range")
    late_numbers = ctx.hits_in_part("number", 0.7, 1.0)
    return judge(
        Part(0.6, sat(len(ranges), 1), ranges, "no range", "Give the answer as a range and say what would move it."),
        Part(0.4, sat(len(late_numbers), 1), late_numbers, "no final number at the end", "End with the number itself."),
    )


def worked_in_numbers(ctx: Context) -> bool:
    return sum(1 for h in ctx.hits("number") if is_quantity(h.text)) >= FEWEST_QUANTITIES


def _needs_numbers(criterion):
    """The criterion as judged, held at Borderline when the answer puts no numbers to work."""
    def judged(ctx: Context) -> Judgement:
        j = criterion(ctx)
        if j.strength <= UNWORKED or worked_in_numbers(ctx):
            return j
        return replace(j, strength=UNWORKED, missing=[*j.missing, "the estimate is not worked in numbers"],
                       advice="An estimate is numbers: give each assumption a value, multiply them through and "
                              "end with the figure and its range.")
    judged.__name__ = criterion.__name__
    judged.__doc__ = criterion.__doc__
    return judged


CRITERIA = {"assumptions": _needs_numbers(assumptions), "segmentation": segmentation,
            "arithmetic": _needs_numbers(arithmetic), "sanity_check": _needs_numbers(sanity_check),
            "range_answer": _needs_numbers(range_answer)}
