"""Every criterion of every question type, one rule at a time: a short crafted answer with the exact
strength the criterion gives it (rounded to 4 places, as ``judging.judge`` rounds), its level and the words
it quotes as evidence. Values are pinned as written out, py-fsrs style: a change to a criterion's parts,
weights or saturation points shows here as a changed number.

A criterion is judged as the analyzer judges it (the type's function from its judging module, and
``criteria.common`` for the criteria every answer gets), on a ``Context`` whose signals are read without
the question's known words, so every sentence counts: which sentences are claims is pinned in
test_claims.py, and what the analyzer does on top (holding criteria below Solid when nothing is specific,
the coverage of a bank question's points) is pinned at the end through ``analyze()``.

A criterion added to a type, or to the rubric's common criteria, without a case here fails
``test_every_criterion_has_a_pinned_case``.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from pmprep.analysis import analyze
from pmprep.analysis.company_files import judges, question_types
from pmprep.analysis.criteria import common
from pmprep.analysis.judging import Context, Judgement, level_of
from pmprep.analysis.outline import outline
from pmprep.analysis.rubric import rubrics
from pmprep.analysis.signals import Signals
from pmprep.analysis.text import Doc

# The criteria every answer gets, judged by criteria.common (coverage is the analyzer's: see below).
COMMON = {
    "structure": lambda ctx: common.structure(ctx, outline(ctx)[1]),
    "specificity": common.specificity,
    "concision": common.concision,
    "conclusion": common.conclusion,
}


class Case(NamedTuple):
    question_type: str
    criterion: str
    answer: str
    strength: float
    level: int
    evidence: list[str]
    seconds: float | None = None


def judged(question_type: str, criterion: str, answer: str, seconds: float | None = None) -> Judgement:
    doc = Doc(answer)
    ctx = Context(doc, Signals(doc), "", question_type, seconds)
    return (judges(question_type).get(criterion) or COMMON[criterion])(ctx)


CASES = [
    # behavioral
    Case(
        "behavioral",
        "situation",
        "Last year I was the PM on a payments team of 6 engineers. We had a problem.",
        0.85,
        4,
        ["Last year", "team", "6 engineers"],
    ),
    Case("behavioral", "situation", "The app was slow.", 0.15, 1, ["app"]),
    Case(
        "behavioral",
        "ownership",
        "I decided to cut scope. I convinced design. We shipped it.",
        0.7,
        3,
        ["I decided", "I convinced"],
    ),
    Case("behavioral", "ownership", "We planned it and the team built it.", 0.0, 1, []),
    Case(
        "behavioral",
        "actions",
        "Our churn was high. I mapped the funnel. However, legal pushed back on the "
        "deadline. I rewrote the flow and I tested it. It worked.",
        0.9,
        4,
        ["I mapped", "However", "pushed back", "deadline", "I rewrote", "I tested"],
    ),
    Case("behavioral", "actions", "We had a deadline.", 0.175, 1, ["deadline"]),
    Case(
        "behavioral",
        "result",
        "We launched it. Sign-ups increased 12% within 3 months, up from 8%.",
        1.0,
        4,
        ["launched", "increased", "12%", "within 3 months", "up from", "8%"],
    ),
    Case("behavioral", "result", "Sign-ups increased 12%.", 0.6, 3, ["increased", "12%"]),
    Case(
        "behavioral",
        "reflection",
        "I learned a lot early on. It went fine. Then we shipped. Next time I would ask sooner.",
        1.0,
        4,
        ["I learned", "Next time"],
    ),
    Case(
        "behavioral", "reflection", "I learned to ask. It went fine. Later we shipped it all.", 0.325, 2, ["I learned"]
    ),
    Case(
        "behavioral",
        "tradeoffs_stakeholders",
        "I chose speed rather than polish, and I met engineering and legal.",
        0.75,
        4,
        ["rather than", "engineering", "legal"],
    ),
    Case("behavioral", "tradeoffs_stakeholders", "I did it alone.", 0.0, 1, []),
    # product design
    Case(
        "product_design",
        "problem_framing",
        "The pain point is that members lose their place. I'd ask who the users are. Then we'd build a feature.",
        1.0,
        4,
        ["The pain point", "members", "I'd ask", "users"],
    ),
    Case("product_design", "problem_framing", "We'd build a feature for users.", 0.075, 1, ["users"]),
    Case(
        "product_design",
        "user_segment",
        "I'd focus on new members because they churn most, then power users.",
        1.0,
        4,
        ["new members", "because", "most", "power users"],
    ),
    Case("product_design", "user_segment", "It is for students.", 0.3, 2, ["students"]),
    Case(
        "product_design",
        "metrics_first",
        "Success is measured by retention per member, with churn as a guardrail. Then we'd build a feature.",
        1.0,
        4,
        ["Success is", "measured", "retention", "per member", "churn", "guardrail"],
    ),
    Case(
        "product_design",
        "metrics_first",
        "We'd build a feature and track retention.",
        0.2717,
        2,
        ["track", "retention"],
    ),
    Case(
        "product_design",
        "options",
        "Option A is a reminder, alternatively a digest, or a third approach. I'd pick the digest.",
        1.0,
        4,
        ["Option A", "alternatively", "third approach", "I'd pick"],
    ),
    Case("product_design", "options", "We could add a banner.", 0.1833, 1, ["We could add"]),
    Case(
        "product_design",
        "tradeoffs",
        "The trade-off is speed rather than accuracy: 2 weeks versus 6 weeks.",
        1.0,
        4,
        ["trade-off", "rather than", "2 weeks", "versus", "6 weeks"],
    ),
    Case("product_design", "tradeoffs", "It is faster but it costs more.", 0.25, 2, ["but it costs"]),
    Case(
        "product_design",
        "scoped_v1",
        "A first version in 6 weeks, then expand to a v2.",
        1.0,
        4,
        ["first version", "in 6 weeks", "then expand", "v2"],
    ),
    Case("product_design", "scoped_v1", "Start with an MVP.", 0.3, 2, ["MVP"]),
    Case(
        "product_design",
        "risks_rollout",
        "The risk is privacy; we'd run an A/B test with a holdout.",
        1.0,
        4,
        ["risk", "privacy", "A/B test", "holdout"],
    ),
    Case("product_design", "risks_rollout", "We'd run a pilot.", 0.25, 2, ["pilot"]),
    # metrics
    Case(
        "metrics",
        "goal_first",
        "The goal is more viewing, so the metric is hours watched per member.",
        1.0,
        4,
        ["goal"],
    ),
    # the goal comes more than 40 characters after the first metric: ordered earns 0.3, not 1
    Case(
        "metrics",
        "goal_first",
        "I'd track retention and completion for every member profile. Later, the goal is growth.",
        0.65,
        3,
        ["goal"],
    ),
    Case(
        "metrics",
        "north_star",
        "The north star is hours per member, with churn as a guardrail and completion rate.",
        1.0,
        4,
        ["north star", "per member", "churn", "guardrail", "completion rate"],
    ),
    Case("metrics", "north_star", "We measure retention.", 0.1, 1, ["measure", "retention"]),
    Case(
        "metrics",
        "diagnosis",
        "I'd cut it by region, device and plan, then check logging and seasonality.",
        1.0,
        4,
        ["cut it by", "region", "device", "plan", "logging", "seasonality"],
    ),
    Case("metrics", "diagnosis", "Check the data by country.", 0.1667, 1, ["by country"]),
    Case(
        "metrics",
        "experiment",
        "Randomize by account with a control group; run it for 2 weeks with a sample size of 40,000 as an A/B test.",
        1.0,
        4,
        [
            "Randomize",
            "by account",
            "control group",
            "run it for",
            "2 weeks",
            "sample size",
            "40,000",
            "A/B test",
        ],
    ),
    Case("metrics", "experiment", "We'd run an experiment.", 0.2, 2, ["experiment"]),
    Case(
        "metrics",
        "metric_tradeoffs",
        "Retention versus revenue: we trade 1% of revenue for 3% retention, as long as churn holds.",
        1.0,
        4,
        ["versus", "1%", "3%", "as long as"],
    ),
    Case("metrics", "metric_tradeoffs", "There is a trade-off.", 0.0, 1, []),
    # technical
    Case(
        "technical",
        "requirements",
        "First I'd clarify the requirements: it must support 2 million concurrent streams.",
        1.0,
        4,
        ["I'd clarify", "requirements", "must support", "2 million concurrent"],
    ),
    Case("technical", "requirements", "It is a big system.", 0.0, 1, []),
    Case(
        "technical",
        "concepts",
        "A CDN with edge caches, a TTL, retries and a circuit breaker behind the API gateway.",
        1.0,
        4,
        ["CDN", "edge caches", "TTL", "retries", "circuit breaker", "API", "gateway"],
    ),
    Case("technical", "concepts", "It uses a database.", 0.1667, 1, ["database"]),
    Case(
        "technical",
        "options_compared",
        "Caching cuts latency to 20 ms rather than 200 ms, at the cost of freshness.",
        1.0,
        4,
        ["latency", "20 ms", "rather than", "200 ms", "at the cost of", "freshness"],
    ),
    Case("technical", "options_compared", "It is faster.", 0.1167, 1, ["faster"]),
    Case(
        "technical",
        "debugging",
        "My first check is a recent deploy; I'd rule out the CDN, then cut by region and device.",
        1.0,
        4,
        ["first check", "recent deploy", "I'd rule out", "by region", "device"],
    ),
    Case("technical", "debugging", "Something broke on Android.", 0.2, 2, ["Android"]),
    Case(
        "technical",
        "rollout_rollback",
        "A canary, then a staged rollout, watching error rate and latency, with a rollback.",
        1.0,
        4,
        ["canary", "staged", "rollout", "error rate", "latency", "rollback"],
    ),
    Case("technical", "rollout_rollback", "We'd use a feature flag.", 0.35, 2, ["feature flag"]),
    Case(
        "technical",
        "honest_limits",
        "My understanding is that it is cached at the edge.",
        1.0,
        4,
        ["My understanding is"],
    ),
    Case("technical", "honest_limits", "It is cached at the edge.", 0.0, 1, []),
    # strategy
    Case("strategy", "goal_context", "Today the goal is growth in India.", 1.0, 4, ["Today", "goal"]),
    Case("strategy", "goal_context", "We should grow.", 0.0, 1, []),
    Case(
        "strategy",
        "market_facts",
        "The market has Disney+ at 120 million and YouTube, with pricing at 5 dollars.",
        1.0,
        4,
        ["market", "Disney+", "120 million", "YouTube", "pricing", "5"],
    ),
    Case("strategy", "market_facts", "Competitors are strong.", 0.15, 1, ["Competitors"]),
    Case(
        "strategy",
        "netflix_advantage",
        "Our moat is personalisation and the brand.",
        1.0,
        4,
        ["Our moat", "personalisation", "brand"],
    ),
    Case("strategy", "netflix_advantage", "We have scale.", 0.5, 3, ["scale"]),
    Case(
        "strategy",
        "options_tradeoffs",
        "Option A is ads; alternatively bundles. Ads grow reach at the cost of brand, rather than price.",
        1.0,
        4,
        ["Option A", "alternatively", "at the cost of", "rather than"],
    ),
    Case("strategy", "options_tradeoffs", "Option A is ads.", 0.25, 2, ["Option A"]),
    Case(
        "strategy",
        "success_metrics",
        "We'd track revenue, churn and engagement, as long as retention holds.",
        1.0,
        4,
        ["track", "revenue", "churn", "engagement", "as long as", "retention"],
    ),
    Case("strategy", "success_metrics", "We'd track revenue.", 0.4333, 2, ["track", "revenue"]),
    Case(
        "strategy",
        "risks",
        "The risk is cannibalisation and a privacy backlash.",
        1.0,
        4,
        ["risk", "cannibalisation", "privacy"],
    ),
    Case("strategy", "risks", "There is one risk.", 0.5, 3, ["risk"]),
    Case(
        "strategy",
        "phased_plan",
        "A pilot in one test market, then expand in phase 2. I recommend we start there.",
        1.0,
        4,
        ["pilot", "test market", "then expand", "phase 2", "I recommend"],
    ),
    Case("strategy", "phased_plan", "Start with a pilot.", 0.5, 3, ["Start with", "pilot"]),
    # estimation
    Case(
        "estimation",
        "assumptions",
        "Assume 80 million households; roughly 2 screens each, about 3 hours a day, call it 480 million hours.",
        1.0,
        4,
        ["Assume", "80 million", "roughly", "2", "about 3 hours", "call it", "480 million"],
    ),
    # 0.7 as named, held at 0.4 (Borderline) because fewer than 3 quantities are worked through
    Case(
        "estimation",
        "assumptions",
        "I'd assume a share of households, roughly, and call it a base.",
        0.4,
        2,
        ["assume", "roughly", "call it"],
    ),
    Case(
        "estimation",
        "segmentation",
        "Break it down by country, then per household. First, the UK. Second, the US.",
        1.0,
        4,
        ["Break it down", "by country", "per household", "First", "Second"],
    ),
    Case("estimation", "segmentation", "Split it by region.", 0.325, 2, ["Split it by"]),
    # "2 x" is also a number ("2x"), so the multiplications quote overlapping spans; only one-digit
    # results count as "= 6" (see test_signal_families.KNOWN_BUGS)
    Case(
        "estimation",
        "arithmetic",
        "2 x 3 = 6 rooms, 6 x 4 comes to 24, in total 9 homes.",
        0.9625,
        4,
        ["2 x 3", "= 6", "6 x 4", "comes to", "24", "in total", "9"],
    ),
    Case(
        "estimation",
        "arithmetic",
        "Multiply the homes by the rooms, and that gives the total.",
        0.2333,
        2,
        ["that gives"],
    ),
    Case(
        "estimation",
        "sanity_check",
        "That seems reasonable against 3 other sources: 2 studies and 1 survey.",
        1.0,
        4,
        ["seems reasonable"],
    ),
    # 1.0 as named, held at 0.4: no numbers
    Case("estimation", "sanity_check", "Sanity check against a top-down view.", 0.4, 2, ["Sanity check", "top-down"]),
    Case(
        "estimation",
        "range_answer",
        "So between 1 and 5 million, say 3 million.",
        1.0,
        4,
        ["between 1 and 5", "3 million"],
    ),
    # 0.6 as named, held at 0.4: no numbers
    Case("estimation", "range_answer", "The range is wide.", 0.4, 2, ["range"]),
    # culture
    Case("culture", "culture_themes", "I value candor and the keeper test.", 1.0, 4, ["candor", "keeper test"]),
    Case("culture", "culture_themes", "I like freedom and responsibility.", 0.5, 3, ["freedom and responsibility"]),
    Case(
        "culture",
        "personal_story",
        "Last year I pushed back on my manager with direct feedback; I proposed 2 fixes.",
        0.8667,
        4,
        ["Last year", "I pushed", "I proposed", "2"],
    ),
    Case("culture", "personal_story", "I value direct feedback.", 0.0, 1, []),
    Case(
        "culture",
        "company_knowledge",
        "The ads tier, live events and games show Netflix is changing.",
        1.0,
        4,
        ["ads tier", "live events", "games"],
    ),
    Case("culture", "company_knowledge", "Netflix streams originals.", 0.3333, 2, ["originals"]),
    Case(
        "culture",
        "contribution",
        "In my first 90 days I'd focus on search.",
        1.0,
        4,
        ["In my first 90 days", "I'd focus on"],
    ),
    Case("culture", "contribution", "I admire the company.", 0.0, 1, []),
    # common
    Case(
        "behavioral",
        "structure",
        "Situation: last year churn was high. Then, I rewrote the cancel flow. As a "
        "result churn fell 12%. I learned to test early.",
        0.712,
        3,
        ["Situation:", "Then"],
    ),
    Case(
        "product_design",
        "structure",
        "First, the user problem: members lose their place. Second, I'd pick new "
        "members. Finally, success is retention per member, and we'd build a "
        "reminder.",
        0.745,
        4,
        ["First", "Second", "Finally"],
    ),
    Case("behavioral", "structure", "Churn was high.", 0.04, 1, []),
    Case(
        "behavioral",
        "specificity",
        "We cut churn 12% for 40,000 users in Brazil, for example on Vivo plans.",
        0.6,
        3,
        ["12%", "40,000 users", "Brazil", "for example", "Vivo"],
    ),
    Case("behavioral", "specificity", "Various things and stuff changed a lot, across 3 teams.", 0.0625, 1, ["3"]),
    # 16 words against the 180 a behavioural answer needs when no time is given: (16/180) ** 1.5 of the length
    # part (0.3); the rest is whole, as nothing is padding, run-on, repeated or filler
    Case(
        "behavioral",
        "concision",
        "Last year I cut churn 12% by rewriting the cancel flow for 40,000 users in Brazil.",
        0.708,
        3,
        [],
    ),
    Case(
        "behavioral",
        "concision",
        "Last year I cut churn 12% by rewriting the cancel flow for 40,000 users in Brazil.",
        1.0,
        4,
        [],
        seconds=10,
    ),
    # in a 10-second budget (25 words) the length is right; 4 fillers in 16 words cost the whole filler part
    Case(
        "behavioral",
        "concision",
        "Um, basically, last year I, you know, cut churn 12%, like, by rewriting the cancel flow.",
        0.9,
        4,
        [],
        seconds=10,
    ),
    # 41 of its 44 words in one run-on sentence: past half the answer, concision is Borderline at best (0.4)
    Case(
        "behavioral",
        "concision",
        "So last year we had this churn problem at the meal-kit company, and everyone had ideas, and the CEO wanted a "
        "new recipe feature, which was fine, and finance wanted reports, because the board asked, and I spent weeks "
        "in meetings. Churn fell 12%.",
        0.4,
        2,
        [],
        seconds=20,
    ),
    Case(
        "behavioral",
        "conclusion",
        "I rewrote the cancel flow for the support team in Brazil over two quarters. We "
        "tested it. Overall, churn fell 12%.",
        1.0,
        4,
        ["Overall", "fell", "12%"],
    ),
    Case(
        "product_design",
        "conclusion",
        "We'd build a reminder for new members on prepaid plans. We'd test it with "
        "5% of members. So my recommendation is to ship the reminder.",
        0.8,
        4,
        ["So my recommendation"],
    ),
    # "The result was" opens the answer, not its last 40%: only the last sentence's "shipped" counts
    Case(
        "behavioral",
        "conclusion",
        "The result was good. I rewrote the flow. We shipped it and moved on to other work.",
        0.35,
        2,
        ["shipped"],
    ),
]


def _id(case: Case) -> str:
    answer = case.answer if len(case.answer) <= 32 else case.answer[:30] + "..."
    return f"{case.question_type}.{case.criterion}: {answer}" + (f" ({case.seconds:g} s)" if case.seconds else "")


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_criterion_gives_exactly_this_strength_level_and_evidence(case):
    j = judged(case.question_type, case.criterion, case.answer, case.seconds)
    assert (j.strength, level_of(j.strength), [h.text for h in j.hits]) == (case.strength, case.level, case.evidence)


def test_every_criterion_has_a_pinned_case():
    pinned = {(c.question_type, c.criterion) for c in CASES}
    assert {(t, c) for t, c in pinned if c not in COMMON} == {(t, c) for t in question_types() for c in judges(t)}
    assert {c for _, c in pinned if c in COMMON} | {"coverage"} == {d.id for d in rubrics().common}


def test_levels_cut_at_the_documented_strengths():
    assert [level_of(s) for s in (0.0, 0.1999, 0.2, 0.4499, 0.45, 0.7199, 0.72, 1.0)] == [1, 1, 2, 2, 3, 3, 4, 4]


# What analyze() adds on top of the criterion functions.


def test_coverage_quotes_each_talking_point_covered_and_names_the_rest():
    answer = (
        "People at my gym could not find a free class, so the problem was simple: booking took ten minutes of "
        "scrolling. My part was the product manager: I owned the booking redesign. The result: we cut the time "
        "to find a class from 10 minutes to under 2 within one quarter."
    )
    c = analyze("beh-explain-project-to-non-expert", answer).criterion("coverage")
    assert (c.strength, c.level, c.weight) == (0.2941, 2, 1.0)  # 1 of 4 points, full credit at 85%
    assert [e.text for e in c.evidence] == [
        "The result: we cut the time to find a class from 10 minutes to under 2 within one quarter."
    ]
    assert c.missing == [
        "not covered: opens with the user problem in plain language before any technology or jargon",
        "not covered: states the candidate's own role in one sentence",
        "not covered: stays within about 90 seconds and stops at the point",
    ]


def test_a_typed_in_question_has_no_coverage_criterion():
    fb = analyze(
        "How would you explain a project to a non-expert?", "I built a booking feature.", question_type="behavioral"
    )
    assert "coverage" not in [c.id for c in fb.criteria]


UNSPECIFIC = (
    "The pain point is that viewers returning after a holiday cannot remember which episode they stopped on, "
    "so they abandon the show. I would ask who struggles most: busy parents watching in short bursts late at "
    "night, because their sessions are interrupted. We would build a resume card showing the exact scene, a "
    "quick recap, and a choice to restart the season. The risk is spoilers, so the recap stays inside "
    "episodes already watched, and we would run an experiment with a holdout before a staged rollout."
)


def test_with_nothing_specific_no_type_criterion_is_solid():
    fb = analyze(
        "How would you help members pick up a series where they left off?", UNSPECIFIC, question_type="product_design"
    )
    held = {c.id: (c.strength, c.level) for c in fb.criteria if c.advice == rubrics().advice["unsupported"]}
    assert held == {"problem_framing": (0.44, 2), "user_segment": (0.44, 2), "risks_rollout": (0.44, 2)}
    assert fb.criterion("specificity").strength == 0.0


# Analyzer bugs found by pinning each rule, and fixed: an accented name was split ("S", "Paulo"), and the A
# and B of "A/B" counted as names.
def test_an_accented_name_is_one_name():
    assert [h.text for h in judged("behavioral", "specificity", "We opened in São Paulo and Zürich.").hits] == [
        "São Paulo",
        "Zürich",
    ]


def test_an_ab_test_names_nothing():
    assert judged("behavioral", "specificity", "We ran an A/B test on it.").hits == []


def test_each_stretch_of_the_answer_is_quoted_once():
    from pmprep.analysis.judging import Part, judge
    from pmprep.analysis.signals import Hit

    # "about 3 hours a day": "about 3" and "3 hours" overlap, "hours" lies inside both.
    hits = [Hit("assumption", 0, 7, "about 3"), Hit("when", 6, 13, "3 hours"), Hit("unit", 8, 13, "hours")]
    later = [Hit("number", 20, 22, "24")]
    judged = judge(Part(0.5, 1.0, hits, "", ""), Part(0.5, 1.0, later, "", ""), Part(0.5, 0.0, [hits[1]], "", ""))
    assert [(h.start, h.end, h.text) for h in judged.hits] == [(0, 13, "about 3 hours"), (20, 22, "24")]
