"""Metrics: goal first, a precise north star with guardrails, segmented diagnosis, experiments, trade-offs."""
from __future__ import annotations

from pmprep.analysis.judging import Context, Judgement, Part, judge, numbers_near, sat


def goal_first(ctx: Context) -> Judgement:
    goals = ctx.hits("goal")
    first_goal, first_metric = ctx.first_offset("goal"), ctx.first_offset("metric")
    ordered = 1.0 if first_goal is not None and (first_metric is None or first_goal <= first_metric + 40) else (
        0.3 if first_goal is not None else 0.0)
    return judge(
        Part(0.5, sat(len(goals), 1), goals, "no goal stated", "Say what the product is for before choosing a metric."),
        Part(0.5, ordered, goals[:1], "metrics come before the goal", "Open with the goal, then derive the metric from it."),
    )


def north_star(ctx: Context) -> Judgement:
    star = ctx.hits("north_star")
    unit = ctx.hits("metric_unit")
    guard = ctx.hits("guardrail")
    metrics = ctx.hits("metric")
    return judge(
        Part(0.3, sat(len(star), 1), star, "no single north-star metric", "Pick one north-star metric and say why it reflects the goal."),
        Part(0.25, sat(len(unit), 1), unit, "the metric has no unit or time window",
             "Make it precise: unit and window, e.g. \"share of new members who finish a title within 7 days\"."),
        Part(0.25, sat(len(guard), 1), guard, "no guardrail metric", "Add guardrails that must not get worse."),
        Part(0.2, sat(len({h.text.lower() for h in metrics}), 4), metrics, "few driver metrics",
             "Name two or three driver metrics a team can move."),
    )


def diagnosis(ctx: Context) -> Judgement:
    cuts = ctx.hits("dimension")
    checks = ctx.hits("data_check")
    return judge(
        Part(0.5, sat(len({h.text.lower() for h in cuts}), 3), cuts, "no segmentation (region, device, new versus returning, time)",
             "Cut the data by region, device, new versus returning members and time before concluding."),
        Part(0.5, sat(len({h.text.lower() for h in checks}), 2), checks, "no check for data problems, seasonality or external causes",
             "Rule out a logging bug, seasonality and external events (a competitor launch, an outage) first."),
    )


def experiment(ctx: Context) -> Judgement:
    design = ctx.hits("experiment_design")
    roll = ctx.hits("rollout")
    numbers = numbers_near(ctx, design)
    return judge(
        Part(0.55, sat(len({h.text.lower() for h in design}), 3), design, "no experiment design (control, randomisation, duration, significance)",
             "Describe the test: control and treatment, the randomisation unit, how long, and what significance you need."),
        Part(0.2, sat(len(roll), 1), roll, "no test or rollout", "Say how the change would be tested before a full launch."),
        Part(0.25, sat(len(numbers), 1), numbers, "the experiment has no numbers", "Give the duration, sample or effect size in numbers."),
    )


def metric_tradeoffs(ctx: Context) -> Judgement:
    trade = ctx.hits("tradeoff")
    metric_trade = ctx.hits_near("metric", trade)
    guard = ctx.hits("guardrail")
    numbers = numbers_near(ctx, trade, window=1)
    return judge(
        Part(0.5, sat(len(metric_trade), 1), trade, "no trade-off between metrics",
             "Say which metric could rise at another's expense (watch time versus satisfaction) and how you would decide."),
        Part(0.25, sat(len(guard), 1), guard, "no guardrail to catch the trade-off", "Name the guardrail that protects against it."),
        Part(0.25, sat(len(numbers), 1), numbers, "the trade-off is not quantified", "Quantify the acceptable cost (\"up to 0.5 pp more churn\")."),
    )


CRITERIA = {"goal_first": goal_first, "north_star": north_star, "diagnosis": diagnosis,
            "experiment": experiment, "metric_tradeoffs": metric_tradeoffs}
