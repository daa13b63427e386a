"""Strategy: goal and context, market facts, Netflix's advantages, options, metrics, risks, a phased plan."""

from __future__ import annotations

import re

from pmprep.analysis.judging import Context, Judgement, judge, numbers_near, part, sat
from pmprep.analysis.signals import Hit
from pmprep.bounded_regex import bounded

_NOW = bounded(r"\b(?:now|today|currently|recently|this year|right now|at the moment|(?:19|20)\d\d)\b", re.I)


def goal_context(ctx: Context) -> Judgement:
    goals = ctx.hits("goal")
    now = [Hit("context", m.start(), m.end(), m.group(0)) for m in _NOW.finditer(ctx.doc.text)]
    return judge(
        part(0.55, sat(len(goals), 1), goals, "goal_context.goal"),
        part(0.45, sat(len(now), 1), now, "goal_context.context_why"),
    )


def market_facts(ctx: Context) -> Judgement:
    market = ctx.hits("market")
    numbers = numbers_near(ctx, market)
    return judge(
        part(0.6, sat(len({h.text.lower() for h in market}), 4), market, "market_facts.market_competitor"),
        part(0.4, sat(len(numbers), 2), numbers, "market_facts.market_facts"),
    )


def netflix_advantage(ctx: Context) -> Judgement:
    adv = ctx.hits("advantage")
    return judge(part(1.0, sat(len({h.text.lower() for h in adv}), 2), adv, "netflix_advantage.netflix_advantage"))


def options_tradeoffs(ctx: Context) -> Judgement:
    opts = ctx.hits("option")
    trade = ctx.hits("tradeoff")
    return judge(
        part(0.5, sat(len(opts), 2), opts, "options_tradeoffs.distinct_strategic"),
        part(0.5, sat(len(trade), 2), trade, "options_tradeoffs.options_weighed"),
    )


def success_metrics(ctx: Context) -> Judgement:
    metrics = ctx.hits("metric")
    guard = ctx.hits("guardrail")
    return judge(
        part(0.65, sat(len({h.text.lower() for h in metrics}), 3), metrics, "success_metrics.success_metrics"),
        part(0.35, sat(len(guard), 1), guard, "success_metrics.guardrail"),
    )


def risks(ctx: Context) -> Judgement:
    found = ctx.hits("risk")
    return judge(part(1.0, sat(len({h.text.lower() for h in found}), 2), found, "risks.risks"))


def phased_plan(ctx: Context) -> Judgement:
    phases = ctx.hits("phase", "timebox")
    rec = ctx.hits("recommendation", "choice")
    return judge(
        part(0.5, sat(len({h.text.lower() for h in phases}), 2), phases, "phased_plan.phased_plan"),
        part(0.5, sat(len(rec), 1), rec, "phased_plan.clear_recommendation"),
    )


CRITERIA = {
    "goal_context": goal_context,
    "market_facts": market_facts,
    "netflix_advantage": netflix_advantage,
    "options_tradeoffs": options_tradeoffs,
    "success_metrics": success_metrics,
    "risks": risks,
    "phased_plan": phased_plan,
}
