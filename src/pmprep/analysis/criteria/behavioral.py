"""STAR stories: situation, ownership, actions and obstacles, a quantified result, reflection."""

from __future__ import annotations

import re

from pmprep.analysis.judging import Context, Judgement, judge, numbers_near, part, sat
from pmprep.analysis.signals import Hit
from pmprep.bounded_regex import bounded

_CONTEXT = bounded(
    r"\b(?:team|company|startup|product|app|project|club|class|course|internship|org(?:ani[sz]ation)?|"
    r"department|group|agency|bank|platform|service|launch|my role|as (?:a|an|the) [a-z]+)\b",
    re.I,
)


def situation(ctx: Context) -> Judgement:
    when = ctx.hits("when")
    opening = [s for s in ctx.doc.sentences[:3]]
    open_end = opening[-1].end if opening else 0
    scale = [h for h in ctx.hits("number") if h.start < open_end]
    context = [Hit("context", m.start(), m.end(), m.group(0)) for m in _CONTEXT.finditer(ctx.doc.text[:open_end])]
    return judge(
        part(0.3, sat(len(when), 1), when, "situation.when_where"),
        part(0.4, sat(len(scale), 1), scale, "situation.scale_set"),
        part(0.3, sat(len(context), 2), context[:4], "situation.setting_described"),
    )


def ownership(ctx: Context) -> Judgement:
    mine = ctx.hits("i_action")
    i_words, we_words = ctx.signals.count("i_word"), ctx.signals.count("we_word")
    share = i_words / max(1, i_words + we_words)
    return judge(
        part(0.6, sat(len({h.text.lower() for h in mine}), 4), mine, "ownership.decisions_visible"),
        part(0.4, sat(share, 0.55), [], "ownership.we_part"),
    )


def actions(ctx: Context) -> Judgement:
    mine = ctx.hits("i_action")
    obstacles = ctx.hits("obstacle")
    middle = [h for h in mine if 0.15 <= ctx.position(h.start) <= 0.85]
    return judge(
        part(0.4, sat(len(mine), 4), mine, "actions.concrete_actions"),
        part(0.35, sat(len({h.text.lower() for h in obstacles}), 2), obstacles, "actions.obstacle_pushback"),
        part(0.25, sat(len(middle), 2), middle, "actions.middle_story"),
    )


def result(ctx: Context) -> Judgement:
    outcomes = ctx.hits("result")
    numbers = numbers_near(ctx, outcomes, window=1) or ctx.hits_in_part("percent", 0.4, 1.0)
    baseline = ctx.hits("baseline")
    frame = ctx.hits_near("timeframe", outcomes, window=1)
    return judge(
        part(0.3, sat(len(outcomes), 1), outcomes, "result.outcome"),
        part(0.3, sat(len(numbers), 1), numbers, "result.result_number"),
        part(0.2, sat(len(baseline), 1), baseline, "result.baseline_compare"),
        part(0.2, sat(len(frame), 1), frame, "result.time_frame"),
    )


def reflection(ctx: Context) -> Judgement:
    lessons = ctx.hits("reflection")
    late = [h for h in lessons if ctx.position(h.start) >= 0.55]
    return judge(
        part(0.65, sat(len({h.text.lower() for h in lessons}), 2), lessons, "reflection.lesson"),
        part(0.35, sat(len(late), 1), late, "reflection.lesson_where"),
    )


def tradeoffs_stakeholders(ctx: Context) -> Judgement:
    trade = ctx.hits("tradeoff")
    people = ctx.hits("stakeholder")
    return judge(
        part(0.5, sat(len(trade), 2), trade, "tradeoffs_stakeholders.trade_off"),
        part(0.5, sat(len({h.text.lower() for h in people}), 2), people, "tradeoffs_stakeholders.stakeholders"),
    )


CRITERIA = {
    "situation": situation,
    "ownership": ownership,
    "actions": actions,
    "result": result,
    "reflection": reflection,
    "tradeoffs_stakeholders": tradeoffs_stakeholders,
}
