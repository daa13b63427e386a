"""Check a case deck section by section, with rules a candidate can read and argue with.

Every rule looks at one section's own words (or, for the two cross-section rules, at named
sections) through the analyzer's signal families (``pmprep.analysis.signals``) plus a few
patterns of its own, listed beside the rule. The rules, by section:

- **Any section**, empty (only whitespace): MISSING ``empty``.
- **Problem** names no metric, north star or goal (engagement, churn, "success means", "the goal
  is"…), so it never says what "better" means: WEAK ``problem_no_goal``.
- **Hypothesis** holds neither a number nor a metric, so nothing it predicts could be measured
  and proved wrong: WEAK ``hypothesis_not_falsifiable``.
- **Data needs** names no source or method — no data check (logs, year over year, outages…), no
  experiment design, no breakdown ("by country"), no test, and none of ``_SOURCE`` (survey,
  interviews, query, dashboard, funnel, cohort analysis…): WEAK ``data_needs_no_source``.
- **Solution options** counts as options the largest of: its non-empty lines (one option per
  line or bullet), its distinct labelled options ("Option A", "another option",
  "alternatively"), and a declared count ("three options" is 3). Fewer than two: WEAK
  ``too_few_options``; exactly two: TIP ``two_options`` (the framework asks for three).
- **Trade-offs** without a single number (3%, $2M, six weeks, 40 engineers…): WEAK
  ``trade_offs_no_numbers``.
- **Recommendation** with no choosing words (I recommend, I'd go with, we should, pick, choose,
  bet on…): WEAK ``recommendation_no_pick``; or one that commits to several at once ("do all
  three", "build both", "a mix of all"), quoted: WEAK ``recommendation_hedged``.
- **Success metrics** empty while Solution options or Recommendation names a metric
  (retention, churn, watch time…): MISSING ``metrics_after_solutions``, quoting the first such
  metric, in place of ``empty``. Filled but naming no metric: WEAK ``metrics_not_measurable``.
  A metric with no number, unit or window: TIP ``metrics_no_unit``. No guardrail (a metric that
  must not get worse): TIP ``metrics_no_guardrail``.
- **Risks** with no mitigation (mitigate, roll back, kill switch, monitor, alert, threshold,
  fallback, "if … we'll", "to limit"…): WEAK ``risks_no_mitigation``.
- **Rollout plan** with no time box — no period ("for 4 weeks", "6-week", "by Q3", "weekly"),
  no first step ("phase 1", "week 1", "sprint 1", "pilot", "MVP", "v1", "beta", "first version")
  and no share of members ("5% of members"): WEAK ``rollout_no_timebox``. No way back (roll
  back, kill switch, turn off, revert, stop, pause, holdout): TIP ``rollout_no_way_back``.
- **The whole deck** never mentions members, segments, regions, devices, plans or anything
  Netflix-specific: TIP ``not_netflix_specific`` (no section).

A section's status is EMPTY when it has no text, NEEDS_WORK when it has a MISSING or WEAK
finding, SOLID otherwise; tips never lower a status. The deck is ready when all nine are SOLID.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pmprep.analysis.signals import Hit, Signals
from pmprep.analysis.text import Doc
from pmprep.bounded_regex import bounded
from pmprep.cases.deck import SECTIONS, Deck, SectionId
from pmprep.config import active_catalog


class Severity(StrEnum):
    MISSING = "missing"  # a required part is not there at all
    WEAK = "weak"  # it is there, but a panel would mark it down
    TIP = "tip"  # worth doing; never lowers a status


class SectionStatus(StrEnum):
    EMPTY = "empty"
    NEEDS_WORK = "needs_work"
    SOLID = "solid"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True)
class Finding:
    """One thing to fix or consider.

    ``section`` is where to fix it (None for the deck as a whole). ``quote`` is the words that
    caused the finding, found at ``start``:``end`` in the text of ``quote_section`` (usually
    ``section`` itself; another section for cross-section rules).
    """

    code: str
    severity: Severity
    section: SectionId | None
    message: str
    quote: str | None = None
    quote_section: SectionId | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "section": self.section.value if self.section else None,
            "message": self.message,
            "quote": self.quote,
            "quote_section": self.quote_section.value if self.quote_section else None,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class DeckReview:
    findings: tuple[Finding, ...]
    statuses: dict[SectionId, SectionStatus]

    def for_section(self, section: SectionId | str) -> tuple[Finding, ...]:
        section = SectionId(section)
        return tuple(f for f in self.findings if f.section is section)

    @property
    def ready(self) -> bool:
        return all(s is SectionStatus.SOLID for s in self.statuses.values())

    def weakest(self) -> tuple[SectionId, ...]:
        """Sections that are not solid: empty ones first, then those needing work, in deck order."""
        order = {SectionStatus.EMPTY: 0, SectionStatus.NEEDS_WORK: 1}
        return tuple(
            sorted(
                (s for s in SECTIONS if self.statuses[s] is not SectionStatus.SOLID),
                key=lambda s: (order[self.statuses[s]], SECTIONS.index(s)),
            )
        )

    @property
    def readiness(self) -> str:
        """One line on the whole deck: ready, or what is left and where to start."""
        total = len(SECTIONS)
        if self.ready:
            return f"Ready to rehearse: all {total} sections are solid."
        counts = {status: sum(1 for s in self.statuses.values() if s is status) for status in SectionStatus}
        weak = counts[SectionStatus.NEEDS_WORK]
        following = next(s for s in SECTIONS if self.statuses[s] is not SectionStatus.SOLID)
        return (
            f"Not ready yet: {counts[SectionStatus.SOLID]} of {total} sections solid, "
            f"{counts[SectionStatus.EMPTY]} empty, {weak} {'needs' if weak == 1 else 'need'} work. "
            f"Next: {following.label}."
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "ready": self.ready,
            "readiness": self.readiness,
            "statuses": {s.value: self.statuses[s].value for s in SECTIONS},
            "findings": [f.to_dict() for f in self.findings],
        }


# ---------------------------------------------------------------- patterns of our own
# Run on Doc.folded (ASCII letters lower-cased), like the analyzer's families.


def _pattern(*alternatives: str) -> re.Pattern[str]:
    return bounded(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w])")


_SOURCE = _pattern(
    r"surveys?",
    r"(?:user |member )?interviews?",
    r"user research",
    r"usability (?:tests?|studies|study)",
    r"diary stud(?:y|ies)",
    r"focus groups?",
    r"quer(?:y|ies)",
    r"sql",
    r"(?:data )?warehouse",
    r"dashboards?",
    r"logs?",
    r"event data",
    r"viewing (?:data|history|logs)",
    r"funnel(?: analysis)?",
    r"cohort(?: analysis)?",
    r"regression",
    r"analy[sz](?:e|is|ing)",
    r"compare",
    r"comparing",
    r"(?:cut|split|segment)(?:ting|ing)? (?:\w+ )?by",
    r"benchmarks?",
    r"support tickets?",
    r"app store reviews?",
    r"(?:market|industry) reports?",
    r"panel data",
    r"qualitative",
    r"quantitative",
    r"pull(?:ing)? (?:the )?data",
    r"from (?:the )?\w+ team",
    r"test(?:ing)?",
)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "several": 3, "a few": 3}
_DECLARED_OPTIONS = bounded(
    r"(?<![\w-])(two|three|four|five|several|a few) (?:distinct |different |real )?"
    r"(?:options|approaches|ideas|solutions|levers|bets|directions|paths|alternatives)\b"
)
_PICK = _pattern(
    r"recommend\w*",
    r"pick(?:ing)?",
    r"choose|choosing|chose",
    r"go(?:ing)? with",
    r"bet(?:ting)? on",
    r"prioriti[sz]e",
    r"start with",
    r"my (?:call|choice|pick|answer)",
    r"we should",
    r"i(?:'d| would) (?:do|build|ship|launch)",
    r"the winner",
    r"(?:best|strongest) option",
)
_HEDGE = _pattern(
    r"(?:do|doing|build|building|ship|shipping|launch|launching|pursue|try|go with|pick|choose|recommend|"
    r"combine|combining) (?:all|both)(?: \w+)?",
    r"all (?:three|four|five|of them|the options)",
    r"(?:a )?(?:mix|combination|blend) of (?:all|both|the options|them|these)",
    r"everything at once",
    r"a bit of everything",
)
_LETTER = bounded(r"[a-z]")
_GENERIC_METRIC = bounded(r"^(?:measur|track|monitor)")
_MITIGATION = _pattern(
    r"mitigat\w*",
    r"roll(?:ing)?[- ]?back",
    r"kill[- ]switch",
    r"feature flags?",
    r"monitor\w*",
    r"alerts?",
    r"alerting",
    r"thresholds?",
    r"fallbacks?",
    r"fall back",
    r"guardrails?",
    r"holdouts?",
    r"plan b",
    r"contingency",
    r"(?:to|we'?d|we will|we'?ll|i'?d|i will|i'?ll) "
    r"(?:limit|reduce|cap|pause|stop|revert|contain|offset|avoid|prevent|address|handle)",
    r"if (?:\w+ ){1,7}(?:we|i)(?:'?ll|'?d| will| would)",
    r"start small",
    r"(?:by|through) (?:starting|limiting|capping|testing|piloting|phasing)",
    r"watch (?:for|out for)",
    r"(?:counter|address|reduce|limit)(?:ed|s)? (?:by|with|through)",
    r"so that we can",
    r"opt[- ](?:out|in)",
)
_TIMEBOX = _pattern(
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)[- ](?:days?|weeks?|months?|quarters?|sprints?)",
    r"(?:week|month|quarter|sprint|phase|stage|wave|step) (?:1|one)",
    r"q[1-4]",
    r"h[12]",
    r"pilot\w*",
    r"mvp",
    r"v1",
    r"beta",
    r"first (?:version|release|phase|wave|sprint|milestone)",
    r"\d+(?:\.\d+)?\s?% of (?:members|users|traffic|accounts|households|profiles|subscribers)",
    r"by (?:january|february|march|april|may|june|july|august|september|october|november|december)",
    r"(?:next|this) (?:week|month|quarter|sprint)",
)
_WAY_BACK = _pattern(
    r"roll(?:ing)?[- ]?back",
    r"kill[- ]switch",
    r"turn (?:it )?off",
    r"switch (?:it )?off",
    r"revert\w*",
    r"stop",
    r"pause",
    r"halt",
    r"holdouts?",
    r"feature flags?",
    r"undo",
    r"go/no[- ]go",
    r"no[- ]go",
)
_MEMBERS = _pattern(r"members?", r"subscribers?", r"households?", r"profiles?", r"users?", r"customers?")


# ---------------------------------------------------------------- the checker


class _Reading:
    """Each section's text analysed once, on first use."""

    def __init__(self, deck: Deck):
        self.deck = deck
        self._signals: dict[SectionId, Signals] = {}

    def text(self, section: SectionId) -> str:
        return self.deck.sections[section]

    def filled(self, section: SectionId) -> bool:
        return bool(self.text(section).strip())

    def signals(self, section: SectionId) -> Signals:
        found = self._signals.get(section)
        if found is None:
            found = self._signals[section] = Signals(Doc(self.text(section)))
        return found

    def hits(self, section: SectionId, *families: str) -> list[Hit]:
        sig = self.signals(section)
        return sorted((h for f in families for h in sig(f)), key=lambda h: h.start)

    def match(self, section: SectionId, pattern: re.Pattern[str]) -> Hit | None:
        doc = self.signals(section).doc
        m = pattern.search(doc.folded)
        return Hit("local", m.start(), m.end(), doc.text[m.start() : m.end()]) if m else None


def check_deck(deck: Deck) -> DeckReview:
    """All findings for the deck, in deck order, and each section's status (see the module doc)."""
    reading = _Reading(deck)
    findings: list[Finding] = []
    for section in SECTIONS:
        findings += _SECTION_RULES[section](reading)
    findings += _deck_rules(reading)
    statuses = {}
    for section in SECTIONS:
        if not reading.filled(section):
            statuses[section] = SectionStatus.EMPTY
        elif any(f.section is section and f.severity is not Severity.TIP for f in findings):
            statuses[section] = SectionStatus.NEEDS_WORK
        else:
            statuses[section] = SectionStatus.SOLID
    return DeckReview(findings=tuple(findings), statuses=statuses)


def check_section(deck: Deck, section: SectionId | str) -> tuple[Finding, ...]:
    """The findings for one section, as the builder shows them while it is being filled."""
    return tuple(_SECTION_RULES[SectionId(section)](_Reading(deck)))


def _finding(
    code: str,
    severity: Severity,
    section: SectionId | None,
    message: str,
    hit: Hit | None = None,
    quote_section: SectionId | None = None,
) -> Finding:
    if hit is None:
        return Finding(code, severity, section, message)
    return Finding(
        code,
        severity,
        section,
        message,
        quote=hit.text,
        quote_section=quote_section or section,
        start=hit.start,
        end=hit.end,
    )


def _empty(section: SectionId) -> Finding:
    return _finding("empty", Severity.MISSING, section, f"{section.label} is empty. {section.hint}")


def _problem(r: _Reading) -> Iterator[Finding]:
    s = SectionId.PROBLEM
    if not r.filled(s):
        yield _empty(s)
    elif not r.hits(s, "metric", "north_star", "goal"):
        yield _finding(
            "problem_no_goal",
            Severity.WEAK,
            s,
            'The problem never says what "better" means. Name the metric that is hurting or '
            "the outcome you want (for example hours watched per member per week), so every "
            "later section can be judged against it.",
        )


def _hypothesis(r: _Reading) -> Iterator[Finding]:
    s = SectionId.HYPOTHESIS
    if not r.filled(s):
        yield _empty(s)
    elif not r.hits(s, "number", "metric"):
        yield _finding(
            "hypothesis_not_falsifiable",
            Severity.WEAK,
            s,
            "Nothing here could be measured and proved wrong. State a prediction with a metric "
            'or a number ("the drop is concentrated in mobile-only members: their watch time '
            'fell 15%, the rest is flat").',
        )


def _data_needs(r: _Reading) -> Iterator[Finding]:
    s = SectionId.DATA_NEEDS
    if not r.filled(s):
        yield _empty(s)
    elif not r.hits(s, "data_check", "experiment_design", "breakdown", "rollout") and not r.match(s, _SOURCE):
        yield _finding(
            "data_needs_no_source",
            Severity.WEAK,
            s,
            "You say what you want to know but not where the data comes from or how you would "
            "get it. Name the source or method: viewing logs cut by country and device, a "
            "survey, an A/B test, a year-over-year comparison.",
        )


def _option_count(r: _Reading, s: SectionId) -> int:
    text = r.text(s)
    lines = sum(1 for line in text.splitlines() if line.strip())
    labelled = len(
        {
            h.text.lower()
            for h in r.hits(s, "option")
            if not _DECLARED_OPTIONS.fullmatch(h.text.lower()) and _LETTER.search(h.text.lower())
        }
    )  # a bare "1." is already a line
    declared = max((_NUMBER_WORDS[m.group(1)] for m in _DECLARED_OPTIONS.finditer(r.signals(s).doc.folded)), default=0)
    return max(lines, labelled, declared)


def _solution_options(r: _Reading) -> Iterator[Finding]:
    s = SectionId.SOLUTION_OPTIONS
    if not r.filled(s):
        yield _empty(s)
        return
    count = _option_count(r, s)
    if count < 2:
        yield _finding(
            "too_few_options",
            Severity.WEAK,
            s,
            "Only one option. A panel wants real alternatives to compare: write at least two "
            "(ideally three), one per line.",
        )
    elif count == 2:
        yield _finding(
            "two_options",
            Severity.TIP,
            s,
            "Two options; a third distinct one shows you explored the space before choosing.",
        )


def _trade_offs(r: _Reading) -> Iterator[Finding]:
    s = SectionId.TRADE_OFFS
    if not r.filled(s):
        yield _empty(s)
    elif not r.hits(s, "number"):
        yield _finding(
            "trade_offs_no_numbers",
            Severity.WEAK,
            s,
            "No numbers: the cost and benefit of each option are not quantified. Put a rough "
            'size on each, with the assumption behind it ("one team for six weeks; reaches '
            'about 40% of affected members"). Committees have turned down well-referred '
            "candidates for exactly this.",
        )


def _recommendation(r: _Reading) -> Iterator[Finding]:
    s = SectionId.RECOMMENDATION
    if not r.filled(s):
        yield _empty(s)
        return
    hedge = r.match(s, _HEDGE)
    if hedge:
        yield _finding(
            "recommendation_hedged",
            Severity.WEAK,
            s,
            "This commits to several options at once. Pick one to do first and say why it wins; "
            "the others can follow if it works.",
            hedge,
        )
    elif not r.hits(s, "recommendation", "choice") and not r.match(s, _PICK):
        yield _finding(
            "recommendation_no_pick",
            Severity.WEAK,
            s,
            'It does not say which option you choose. Open with the pick ("I recommend option B because…").',
        )


def _success_metrics(r: _Reading) -> Iterator[Finding]:
    s = SectionId.SUCCESS_METRICS
    if not r.filled(s):
        named = _named_metric(r, SectionId.SOLUTION_OPTIONS) or _named_metric(r, SectionId.RECOMMENDATION)
        if named:
            where, hit = named
            yield _finding(
                "metrics_after_solutions",
                Severity.MISSING,
                s,
                f'A metric first appears in {where.label} ("{hit.text}"), after the solutions, '
                "and Success metrics is empty. Define success before choosing: one north-star "
                "metric with a unit and window, and its guardrails.",
                hit,
                where,
            )
        else:
            yield _empty(s)
        return
    if not r.hits(s, "metric", "north_star"):
        yield _finding(
            "metrics_not_measurable",
            Severity.WEAK,
            s,
            "No measurable metric is named. Say what you would count (retention, hours watched, "
            "completion rate…), for whom and over what window.",
        )
        return
    if not r.hits(s, "number", "metric_unit", "timeframe"):
        yield _finding(
            "metrics_no_unit",
            Severity.TIP,
            s,
            'Give the metric a unit, window or target ("hours per member per week, +3% in eight weeks").',
        )
    if not r.hits(s, "guardrail"):
        yield _finding(
            "metrics_no_guardrail",
            Severity.TIP,
            s,
            "Add a guardrail: a metric that must not get worse (start-up time, cancellations, support contacts).",
        )


def _named_metric(r: _Reading, section: SectionId) -> tuple[SectionId, Hit] | None:
    if not r.filled(section):
        return None
    for hit in r.hits(section, "metric", "north_star"):
        if not _GENERIC_METRIC.match(hit.text.lower()):
            return section, hit
    return None


def _risks(r: _Reading) -> Iterator[Finding]:
    s = SectionId.RISKS
    if not r.filled(s):
        yield _empty(s)
    elif not r.match(s, _MITIGATION) and not r.hits(s, "guardrail"):
        yield _finding(
            "risks_no_mitigation",
            Severity.WEAK,
            s,
            "Risks are named but not what you would do about them. For each: how you would "
            "notice (which metric, what threshold) and the mitigation or way back.",
        )


def _rollout_plan(r: _Reading) -> Iterator[Finding]:
    s = SectionId.ROLLOUT_PLAN
    if not r.filled(s):
        yield _empty(s)
        return
    if not r.match(s, _TIMEBOX) and not r.hits(s, "timeframe"):
        yield _finding(
            "rollout_no_timebox",
            Severity.WEAK,
            s,
            'No time-boxed first version. Say who gets it first and for how long ("a pilot '
            'for 5% of members in two countries for four weeks"), then what result lets it grow.',
        )
    if not r.match(s, _WAY_BACK):
        yield _finding(
            "rollout_no_way_back",
            Severity.TIP,
            s,
            "Say how you would stop or roll back if the guardrails move the wrong way.",
        )


def _deck_rules(r: _Reading) -> Iterator[Finding]:
    filled = [s for s in SECTIONS if r.filled(s)]
    if not filled:
        return
    if not any(r.hits(s, "dimension", "segment", "company_fact") or r.match(s, _MEMBERS) for s in filled):
        yield _finding(
            "not_netflix_specific",
            Severity.TIP,
            None,
            f"Nothing ties the case to {active_catalog().company.name}: mention the people affected and where "
            "they are (regions, devices, plans).",
        )


_SECTION_RULES: dict[SectionId, Callable[[_Reading], Iterator[Finding]]] = {
    SectionId.PROBLEM: _problem,
    SectionId.HYPOTHESIS: _hypothesis,
    SectionId.DATA_NEEDS: _data_needs,
    SectionId.SOLUTION_OPTIONS: _solution_options,
    SectionId.TRADE_OFFS: _trade_offs,
    SectionId.RECOMMENDATION: _recommendation,
    SectionId.SUCCESS_METRICS: _success_metrics,
    SectionId.RISKS: _risks,
    SectionId.ROLLOUT_PLAN: _rollout_plan,
}
