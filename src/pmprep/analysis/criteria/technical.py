"""Technical: requirements and scale, correct concepts, options compared with numbers, isolation, rollout, honesty."""
from __future__ import annotations

from pmprep.analysis.judging import Context, Judgement, Part, judge, numbers_near, sat


def requirements(ctx: Context) -> Judgement:
    reqs = ctx.hits("requirement", "problem_framing")
    scale = ctx.hits("scale")
    early = [h for h in reqs if ctx.position(h.start) <= 0.4]
    return judge(
        Part(0.45, sat(len({h.text.lower() for h in reqs}), 2), reqs, "requirements are not clarified",
             "Start by pinning down what must be true (freshness, latency, consistency) and what is out of scope."),
        Part(0.35, sat(len(scale), 1), scale, "no scale", "State the scale you are designing for (requests per second, members, regions)."),
        Part(0.2, sat(len(early), 1), early, "requirements come late", "Clarify before designing, not after."),
    )


def concepts(ctx: Context) -> Judgement:
    found = ctx.hits("tech_concept")
    distinct = len({h.text.lower() for h in found})
    return judge(
        Part(1.0, sat(distinct, 6), found, "few of the concepts this topic needs",
             "Use the mechanisms by name (edge cache, TTL, invalidation, p99 latency, failover…) and say how each applies."),
    )


def options_compared(ctx: Context) -> Judgement:
    dims = ctx.hits("tech_tradeoff_dim")
    trade = ctx.hits("tradeoff", "option")
    numbers = numbers_near(ctx, dims + trade)
    return judge(
        Part(0.35, sat(len({h.text.lower() for h in dims}), 3), dims, "options are not compared on latency, cost, reliability or freshness",
             "Compare at least two approaches on latency, cost, reliability and freshness."),
        Part(0.3, sat(len(trade), 2), trade, "no alternatives weighed", "Name the alternative you did not choose and why."),
        Part(0.35, sat(len(numbers), 2), numbers, "the comparison has no numbers",
             "Attach rough numbers: \"a 5-minute TTL serves 95% from cache but shows rows up to 5 minutes stale\"."),
    )


def debugging(ctx: Context) -> Judgement:
    steps = ctx.hits("hypothesis")
    cuts = ctx.hits("dimension")
    return judge(
        Part(0.6, sat(len({h.text.lower() for h in steps}), 3), steps, "no hypotheses or isolation steps",
             "Form hypotheses and test them in order: is it one region, one device, one release, one time of day?"),
        Part(0.4, sat(len({h.text.lower() for h in cuts}), 2), cuts, "no isolation by region, device, time or release",
             "Isolate by region, device, time and release before fixing anything."),
    )


def rollout_rollback(ctx: Context) -> Judgement:
    roll = ctx.hits("rollout")
    watch = ctx.hits("metric")
    return judge(
        Part(0.7, sat(len({h.text.lower() for h in roll}), 2), roll, "no staged rollout or rollback plan",
             "Ship behind a flag or canary to a small share of traffic, and say when you would roll back."),
        Part(0.3, sat(len(watch), 2), watch, "nothing watched during the rollout", "Say which metrics you would watch while ramping up."),
    )


def honest_limits(ctx: Context) -> Judgement:
    honest = ctx.hits("honest_limits")
    return judge(
        Part(1.0, sat(len(honest), 1), honest, "no honest statement of limits",
             "Say plainly where your knowledge stops: \"Here's what I know; I'd go deeper on X with the engineering lead\"."),
    )


CRITERIA = {"requirements": requirements, "concepts": concepts, "options_compared": options_compared,
            "debugging": debugging, "rollout_rollback": rollout_rollback, "honest_limits": honest_limits}
