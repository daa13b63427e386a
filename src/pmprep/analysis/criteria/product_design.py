"""Product design: problem first, a segment, metrics before features, options, trade-offs, a v1, rollout."""

from __future__ import annotations

from pmprep.analysis.judging import Context, Judgement, judge, numbers_near, part, sat


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
        part(0.45, sat(len(framing), 2), framing, "problem_framing.user_problem"),
        part(0.3, sat(len(early), 1), early, "problem_framing.problem_comes"),
        part(0.25, _before_solutions(ctx, "user"), users[:2], "problem_framing.user_before"),
    )


def user_segment(ctx: Context) -> Judgement:
    segments = ctx.hits("segment")
    reasons = ctx.hits_near("reason", segments)
    return judge(
        part(0.6, sat(len({h.text.lower() for h in segments}), 2), segments, "user_segment.specific_user"),
        part(0.4, sat(len(reasons), 1), reasons, "user_segment.reason_segment"),
    )


def metrics_first(ctx: Context) -> Judgement:
    metrics = ctx.hits("metric")
    star = ctx.hits("north_star", "metric_unit")
    guard = ctx.hits("guardrail")
    return judge(
        part(0.25, sat(len({h.text.lower() for h in metrics}), 3), metrics, "metrics_first.success_metric"),
        part(0.2, sat(len(star), 1), star, "metrics_first.precise_north"),
        part(0.2, sat(len(guard), 1), guard, "metrics_first.guardrail"),
        part(0.35, _before_solutions(ctx, "metric"), metrics[:1], "metrics_first.metrics_come"),
    )


def options(ctx: Context) -> Judgement:
    opts = ctx.hits("option")
    solutions = ctx.hits("solution")
    choice = ctx.hits("choice", "recommendation")
    count = max(len(opts), min(3, len({h.text.lower() for h in solutions})))
    return judge(
        part(0.55, sat(count, 3), opts or solutions, "options.fewer_than"),
        part(0.45, sat(len(choice), 1), choice, "options.choice_made"),
    )


def tradeoffs(ctx: Context) -> Judgement:
    trade = ctx.hits("tradeoff")
    numbers = numbers_near(ctx, trade, window=1)
    return judge(
        part(0.5, sat(len(trade), 2), trade, "tradeoffs.trade_offs"),
        part(0.5, sat(len(numbers), 2), numbers, "tradeoffs.trade_offs_2"),
    )


def scoped_v1(ctx: Context) -> Judgement:
    box = ctx.hits("timebox")
    dated = ctx.hits_near("timeframe", box) + [h for h in box if any(c.isdigit() for c in h.text)]
    return judge(
        part(0.6, sat(len({h.text.lower() for h in box}), 2), box, "scoped_v1.first_version"),
        part(0.4, sat(len(dated), 1), dated, "scoped_v1.first_version_2"),
    )


def risks_rollout(ctx: Context) -> Judgement:
    risks = ctx.hits("risk")
    roll = ctx.hits("rollout")
    return judge(
        part(0.5, sat(len({h.text.lower() for h in risks}), 1), risks, "risks_rollout.risks"),
        part(0.5, sat(len({h.text.lower() for h in roll}), 2), roll, "risks_rollout.experiment_staged"),
    )


CRITERIA = {
    "problem_framing": problem_framing,
    "user_segment": user_segment,
    "metrics_first": metrics_first,
    "options": options,
    "tradeoffs": tradeoffs,
    "scoped_v1": scoped_v1,
    "risks_rollout": risks_rollout,
}
