"""Which step of the expected structure each sentence serves, and how completely the answer follows it."""
from __future__ import annotations

from pmprep.analysis.feedback import OutlineItem
from pmprep.analysis.judging import Context

_STAR = [
    ("situation", "Situation", ("when",)),
    ("task", "Task", ("goal", "requirement")),
    ("action", "Action", ("i_action", "obstacle")),
    ("result", "Result", ("result", "baseline", "percent")),
    ("reflection", "Reflection", ("reflection",)),
]
_CASE = [
    ("problem", "Problem", ("problem_framing", "segment", "requirement")),
    ("hypothesis", "Hypothesis", ("hypothesis",)),
    ("data_needs", "Data needs", ("dimension", "data_check", "metric")),
    ("solution_options", "Solution options", ("option", "solution", "tech_concept")),
    ("trade_offs", "Trade-offs", ("tradeoff", "tech_tradeoff_dim", "risk")),
    ("recommendation", "Recommendation", ("recommendation", "choice", "timebox", "rollout")),
]
STEPS: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {
    "behavioral": _STAR,
    "culture": [("why", "Why (themes)", ("culture_theme", "rf_generic_why")), *_STAR[:4],
                ("contribution", "Contribution", ("contribution", "company_fact"))],
    "product_design": [
        ("user_need", "User need", ("problem_framing", "segment")),
        ("success_metrics", "Success metrics", ("north_star", "metric_unit", "guardrail", "metric")),
        ("solution_options", "Solution options", ("option", "solution")),
        ("trade_offs", "Trade-offs", ("tradeoff",)),
        ("recommendation", "Recommendation", ("choice", "recommendation", "timebox")),
        ("rollout", "Risks and rollout", ("risk", "rollout")),
    ],
    "metrics": [
        ("goal", "Goal", ("goal",)),
        ("north_star", "North-star metric", ("north_star", "metric_unit")),
        ("drivers", "Driver metrics", ("metric",)),
        ("guardrails", "Guardrails", ("guardrail",)),
        ("diagnosis", "Diagnosis", ("dimension", "data_check")),
        ("experiment", "Experiment", ("experiment_design", "rollout")),
    ],
    "technical": _CASE,
    "strategy": [
        ("problem", "Problem and context", ("goal", "market")),
        ("options", "Options", ("option",)),
        ("trade_offs", "Trade-offs", ("tradeoff", "risk")),
        ("metrics", "Metrics", ("metric", "guardrail")),
        ("recommendation", "Recommendation and phases", ("recommendation", "phase", "choice")),
    ],
    "estimation": [
        ("assumptions", "Assumptions", ("assumption",)),
        ("structure", "Structure", ("breakdown",)),
        ("arithmetic", "Arithmetic", ("arithmetic",)),
        ("sanity_check", "Sanity check", ("sanity",)),
        ("answer", "Answer with a range", ("range",)),
    ],
}
FRAMEWORK_NAMES = {
    "behavioral": "STAR (Situation, Task, Action, Result, Reflection)",
    "culture": "Why → a story of your own → what you would contribute",
    "product_design": "User need → Success metrics → Options → Trade-offs → Recommendation → Rollout",
    "metrics": "Goal → North star → Drivers → Guardrails → Diagnosis → Experiment",
    "technical": "Problem → Hypothesis → Data needs → Solution options → Trade-offs → Recommendation",
    "strategy": "Problem → Goal → Options → Trade-offs → Recommendation",
    "estimation": "Assumptions → Structure → Arithmetic → Sanity check → Answer",
}


def outline(ctx: Context) -> tuple[list[OutlineItem], float]:
    """One item per sentence, and a 0–1 coverage of the steps (present, and in order)."""
    steps = STEPS[ctx.question_type]
    per_sentence: dict[int, dict[str, int]] = {}
    for step_id, _, families in steps:
        for family in families:
            for index in ctx.signals.sentences_with(family):
                per_sentence.setdefault(index, {}).setdefault(step_id, 0)
                per_sentence[index][step_id] += 1
    names = {s[0]: s[1] for s in steps}
    order = {s[0]: i for i, s in enumerate(steps)}
    items: list[OutlineItem] = []
    sequence: list[int] = []
    for sentence in ctx.doc.sentences:
        counts = per_sentence.get(sentence.index)
        if counts:
            # The step with most hits wins; ties go to the step expected earliest.
            step = max(counts, key=lambda s: (counts[s], -order[s]))
            items.append(OutlineItem(sentence.index, sentence.start, sentence.end, step, names[step]))
            sequence.append(order[step])
        else:
            items.append(OutlineItem(sentence.index, sentence.start, sentence.end, None, "—"))
    present = len(set(sequence)) / len(steps)
    firsts: dict[int, int] = {}
    for pos, step in enumerate(sequence):
        firsts.setdefault(step, pos)
    ranked = [s for s, _ in sorted(firsts.items(), key=lambda kv: kv[1])]
    in_order = sum(1 for a, b in zip(ranked, ranked[1:]) if a < b) / max(1, len(ranked) - 1) if len(ranked) > 1 else 0.0
    return items, round(0.7 * present + 0.3 * in_order, 4)
