"""Metrics: goal first, a precise north star with guardrails, segmented diagnosis, experiments, trade-offs."""

from __future__ import annotations

from pmprep.analysis.judging import Context, Judgement, judge, numbers_near, part, sat


def goal_first(ctx: Context) -> Judgement:
    goals = ctx.hits("goal")
    first_goal, first_metric = ctx.first_offset("goal"), ctx.first_offset("metric")
    ordered = (
        1.0
        if first_goal is not None and (first_metric is None or first_goal <= first_metric + 40)
        else (0.3 if first_goal is not None else 0.0)
    )
    return judge(
        part(0.5, sat(len(goals), 1), goals, "goal_first.goal_stated"),
        part(0.5, ordered, goals[:1], "goal_first.metrics_come"),
    )


def north_star(ctx: Context) -> Judgement:
    star = ctx.hits("north_star")
    unit = ctx.hits("metric_unit")
    guard = ctx.hits("guardrail")
    metrics = ctx.hits("metric")
    return judge(
        part(0.3, sat(len(star), 1), star, "north_star.single_north"),
        part(0.25, sat(len(unit), 1), unit, "north_star.metric_unit"),
        part(0.25, sat(len(guard), 1), guard, "north_star.guardrail_metric"),
        part(0.2, sat(len({h.text.lower() for h in metrics}), 4), metrics, "north_star.driver_metrics"),
    )


def diagnosis(ctx: Context) -> Judgement:
    cuts = ctx.hits("dimension")
    checks = ctx.hits("data_check")
    return judge(
        part(0.5, sat(len({h.text.lower() for h in cuts}), 3), cuts, "diagnosis.segmentation_region"),
        part(0.5, sat(len({h.text.lower() for h in checks}), 2), checks, "diagnosis.check_data"),
    )


def experiment(ctx: Context) -> Judgement:
    design = ctx.hits("experiment_design")
    roll = ctx.hits("rollout")
    numbers = numbers_near(ctx, design)
    return judge(
        part(0.55, sat(len({h.text.lower() for h in design}), 3), design, "experiment.experiment_design"),
        part(0.2, sat(len(roll), 1), roll, "experiment.test_rollout"),
        part(0.25, sat(len(numbers), 1), numbers, "experiment.experiment_numbers"),
    )


def metric_tradeoffs(ctx: Context) -> Judgement:
    trade = ctx.hits("tradeoff")
    metric_trade = ctx.hits_near("metric", trade)
    guard = ctx.hits("guardrail")
    numbers = numbers_near(ctx, trade, window=1)
    return judge(
        part(0.5, sat(len(metric_trade), 1), trade, "metric_tradeoffs.trade_off"),
        part(0.25, sat(len(guard), 1), guard, "metric_tradeoffs.guardrail_catch"),
        part(0.25, sat(len(numbers), 1), numbers, "metric_tradeoffs.trade_off_2"),
    )


CRITERIA = {
    "goal_first": goal_first,
    "north_star": north_star,
    "diagnosis": diagnosis,
    "experiment": experiment,
    "metric_tradeoffs": metric_tradeoffs,
}
