"""Technical: requirements and scale, correct concepts, options compared with numbers, isolation, rollout, honesty."""

from __future__ import annotations

from pmprep.analysis.judging import Context, Judgement, judge, numbers_near, part, sat


def requirements(ctx: Context) -> Judgement:
    reqs = ctx.hits("requirement", "problem_framing")
    scale = ctx.hits("scale")
    early = [h for h in reqs if ctx.position(h.start) <= 0.4]
    return judge(
        part(0.45, sat(len({h.text.lower() for h in reqs}), 2), reqs, "requirements.requirements_clarified"),
        part(0.35, sat(len(scale), 1), scale, "requirements.scale"),
        part(0.2, sat(len(early), 1), early, "requirements.requirements_come"),
    )


def concepts(ctx: Context) -> Judgement:
    found = ctx.hits("tech_concept")
    distinct = len({h.text.lower() for h in found})
    return judge(
        part(1.0, sat(distinct, 6), found, "concepts.concepts_this"),
    )


def options_compared(ctx: Context) -> Judgement:
    dims = ctx.hits("tech_tradeoff_dim")
    trade = ctx.hits("tradeoff", "option")
    numbers = numbers_near(ctx, dims + trade)
    return judge(
        part(0.35, sat(len({h.text.lower() for h in dims}), 3), dims, "options_compared.options_compared"),
        part(0.3, sat(len(trade), 2), trade, "options_compared.alternatives_weighed"),
        part(0.35, sat(len(numbers), 2), numbers, "options_compared.comparison_numbers"),
    )


def debugging(ctx: Context) -> Judgement:
    steps = ctx.hits("hypothesis")
    cuts = ctx.hits("dimension")
    return judge(
        part(0.6, sat(len({h.text.lower() for h in steps}), 3), steps, "debugging.hypotheses_isolation"),
        part(0.4, sat(len({h.text.lower() for h in cuts}), 2), cuts, "debugging.isolation_region"),
    )


def rollout_rollback(ctx: Context) -> Judgement:
    roll = ctx.hits("rollout")
    watch = ctx.hits("metric")
    return judge(
        part(0.7, sat(len({h.text.lower() for h in roll}), 2), roll, "rollout_rollback.staged_rollout"),
        part(0.3, sat(len(watch), 2), watch, "rollout_rollback.nothing_watched"),
    )


def honest_limits(ctx: Context) -> Judgement:
    honest = ctx.hits("honest_limits")
    return judge(
        part(1.0, sat(len(honest), 1), honest, "honest_limits.honest_statement"),
    )


CRITERIA = {
    "requirements": requirements,
    "concepts": concepts,
    "options_compared": options_compared,
    "debugging": debugging,
    "rollout_rollback": rollout_rollback,
    "honest_limits": honest_limits,
}
