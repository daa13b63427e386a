"""Strategy: goal and context, market facts, Netflix's advantages, options, metrics, risks, a phased plan."""
from __future__ import annotations

import re

from pmprep.analysis.judging import Context, Judgement, Part, judge, numbers_near, sat
from pmprep.analysis.signals import Hit
from pmprep.bounded_regex import bounded

_NOW = bounded(r"\b(?:now|today|currently|recently|this year|right now|at the moment|(?:19|20)\d\d)\b", re.I)


def goal_context(ctx: Context) -> Judgement:
    goals = ctx.hits("goal")
    now = [Hit("context", m.start(), m.end(), m.group(0)) for m in _NOW.finditer(ctx.doc.text)]
    return judge(
        Part(0.55, sat(len(goals), 1), goals, "no goal", "Say what Netflix is trying to achieve with this move."),
        Part(0.45, sat(len(now), 1), now, "no context for why now", "Explain why the question matters now (market shift, competitor move)."),
    )


def market_facts(ctx: Context) -> Judgement:
    market = ctx.hits("market")
    numbers = numbers_near(ctx, market)
    return judge(
        Part(0.6, sat(len({h.text.lower() for h in market}), 4), market, "no market or competitor facts",
             "Bring in the market: size, growth, and what Disney+, Prime Video or YouTube do."),
        Part(0.4, sat(len(numbers), 2), numbers, "market facts without numbers", "Size the market or the competitor gap with a number."),
    )


def netflix_advantage(ctx: Context) -> Judgement:
    adv = ctx.hits("advantage")
    return judge(Part(1.0, sat(len({h.text.lower() for h in adv}), 2), adv, "no Netflix advantage named",
                      "Build on a Netflix strength: personalisation, global reach, originals, brand."))


def options_tradeoffs(ctx: Context) -> Judgement:
    opts = ctx.hits("option")
    trade = ctx.hits("tradeoff")
    return judge(
        Part(0.5, sat(len(opts), 2), opts, "no distinct strategic options", "Lay out two or three distinct options (build, partner, buy, wait)."),
        Part(0.5, sat(len(trade), 2), trade, "options not weighed against each other", "Say what each option costs and risks."),
    )


def success_metrics(ctx: Context) -> Judgement:
    metrics = ctx.hits("metric")
    guard = ctx.hits("guardrail")
    return judge(
        Part(0.65, sat(len({h.text.lower() for h in metrics}), 3), metrics, "no success metrics",
             "Say how you would judge the strategy: subscribers, retention, revenue per member."),
        Part(0.35, sat(len(guard), 1), guard, "no guardrail", "Name what must not get worse (churn in core markets, brand)."),
    )


def risks(ctx: Context) -> Judgement:
    found = ctx.hits("risk")
    return judge(Part(1.0, sat(len({h.text.lower() for h in found}), 2), found, "no risks",
                      "Name the two biggest risks and how you would mitigate each."))


def phased_plan(ctx: Context) -> Judgement:
    phases = ctx.hits("phase", "timebox")
    rec = ctx.hits("recommendation", "choice")
    return judge(
        Part(0.5, sat(len({h.text.lower() for h in phases}), 2), phases, "no phased plan", "Sequence it: a pilot, a decision point, then scale."),
        Part(0.5, sat(len(rec), 1), rec, "no clear recommendation", "Commit to a recommendation in one sentence."),
    )


CRITERIA = {"goal_context": goal_context, "market_facts": market_facts, "netflix_advantage": netflix_advantage,
            "options_tradeoffs": options_tradeoffs, "success_metrics": success_metrics, "risks": risks,
            "phased_plan": phased_plan}
