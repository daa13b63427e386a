"""Estimation: assumptions, a segmented structure, arithmetic shown, a sanity check, a range."""
from __future__ import annotations

from pmprep.analysis.judging import Context, Judgement, Part, judge, sat


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


CRITERIA = {"assumptions": assumptions, "segmentation": segmentation, "arithmetic": arithmetic,
            "sanity_check": sanity_check, "range_answer": range_answer}
