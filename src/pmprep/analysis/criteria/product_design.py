"""Product design: problem first, a segment, metrics before features, options, trade-offs, a v1, rollout."""
from __future__ import annotations

from pmprep.analysis.judging import Context, Judgement, Part, judge, numbers_near, sat


def _before_solutions(ctx: Context, family: str) -> float:
    first = ctx.first_offset(family)
    if first is None:
        return 0.0
    solution = ctx.first_offset("solution", "option")
    if solution is None or first < solution:
        return 1.0
    return 0.3


def problem_framing(ctx: Context) -> Judgement:
    framing = ctx.hits("problem_framing")
    early = [h for h in framing if ctx.position(h.start) <= 0.35]
    users = ctx.hits("user")
    return judge(
        Part(0.45, sat(len(framing), 2), framing, "the user problem is not restated or probed",
             "Start with \"Let me make sure I understand the user problem…\" and ask one clarifying question."),
        Part(0.3, sat(len(early), 1), early, "the problem comes after the solution", "Frame the problem before any idea."),
        Part(0.25, _before_solutions(ctx, "user"), users[:2], "no user before the first solution",
             "Name who is hurting and how before proposing anything."),
    )


def user_segment(ctx: Context) -> Judgement:
    segments = ctx.hits("segment")
    reasons = ctx.hits_near("reason", segments)
    return judge(
        Part(0.6, sat(len({h.text.lower() for h in segments}), 2), segments, "no specific user segment",
             "Pick one segment (e.g. first-time members on prepaid mobile plans) instead of \"all users\"."),
        Part(0.4, sat(len(reasons), 1), reasons, "no reason for the segment", "Say why that segment: its size, its pain, or its value."),
    )


def metrics_first(ctx: Context) -> Judgement:
    metrics = ctx.hits("metric")
    star = ctx.hits("north_star", "metric_unit")
    guard = ctx.hits("guardrail")
    return judge(
        Part(0.25, sat(len({h.text.lower() for h in metrics}), 3), metrics, "no success metric",
             "Name how you would know it worked before you propose anything."),
        Part(0.2, sat(len(star), 1), star, "no precise north star (unit and time window)",
             "Define one north-star metric with a unit and window, e.g. \"weekly hours streamed per new member\"."),
        Part(0.2, sat(len(guard), 1), guard, "no guardrail", "Add a guardrail that must not get worse (churn, latency, complaints)."),
        Part(0.35, _before_solutions(ctx, "metric"), metrics[:1], "metrics come only after the solutions",
             "Move the success metrics ahead of the solutions."),
    )


def options(ctx: Context) -> Judgement:
    opts = ctx.hits("option")
    solutions = ctx.hits("solution")
    choice = ctx.hits("choice", "recommendation")
    count = max(len(opts), min(3, len({h.text.lower() for h in solutions})))
    return judge(
        Part(0.55, sat(count, 3), opts or solutions, "fewer than three distinct options",
             "Lay out at least three genuinely different options before choosing."),
        Part(0.45, sat(len(choice), 1), choice, "no choice made by stated criteria",
             "Choose one and say by which criteria (impact, effort, confidence, time to learn)."),
    )


def tradeoffs(ctx: Context) -> Judgement:
    trade = ctx.hits("tradeoff")
    numbers = numbers_near(ctx, trade, window=1)
    return judge(
        Part(0.5, sat(len(trade), 2), trade, "no trade-offs", "Say what each option costs as well as what it gains."),
        Part(0.5, sat(len(numbers), 2), numbers, "trade-offs are not quantified",
             "Put numbers on the trade-off: \"+3% plays per session for ~40 ms more latency\"."),
    )


def scoped_v1(ctx: Context) -> Judgement:
    box = ctx.hits("timebox")
    dated = ctx.hits_near("timeframe", box) + [h for h in box if any(c.isdigit() for c in h.text)]
    return judge(
        Part(0.6, sat(len({h.text.lower() for h in box}), 2), box, "no first version or what comes after",
             "Scope a first version and what follows: \"in six weeks we ship X to one market, then Y\"."),
        Part(0.4, sat(len(dated), 1), dated, "the first version has no time box", "Give the first version a time box in weeks."),
    )


def risks_rollout(ctx: Context) -> Judgement:
    risks = ctx.hits("risk")
    roll = ctx.hits("rollout")
    return judge(
        Part(0.5, sat(len({h.text.lower() for h in risks}), 1), risks, "no risks", "Name the biggest risk and how you would mitigate it."),
        Part(0.5, sat(len({h.text.lower() for h in roll}), 2), roll, "no experiment or staged rollout",
             "Say how you would test it (A/B test, holdout) and roll it out in stages with a way back."),
    )


CRITERIA = {
    "problem_framing": problem_framing, "user_segment": user_segment, "metrics_first": metrics_first,
    "options": options, "tradeoffs": tradeoffs, "scoped_v1": scoped_v1, "risks_rollout": risks_rollout,
}
