"""The simulated hiring committee: documented scorecards in, one explained decision out.

The committee weighs only documented, structured feedback, and decides only once the evidence its
rules need exists. Each track's must-pass competencies, bars and required rounds, and the case rule's
competency, are content (committee.yaml in the company folder; ``rules_for`` reads them); which rounds
are case rounds is each round's ``kind``. The rules, in the order they apply (``rule_text`` words them
for users):

1. Considered scorecards are those from any source but REFERRAL. A formal REFERRAL is documented
   feedback: it is listed as considered feedback but adds no ratings and no vote. Informal inputs
   (a chat, a verbal referral, praise) are listed as noted, not considered.
2. Each competency's average is taken over every considered rating, all sources counting equally,
   rounded half-up to two decimals; the rules compare the rounded figures the user sees.
3. The one exception that decides early: if any scorecard for a case round says the trade-offs were
   not quantified, the outcome is No hire at once, whatever the ratings, referrals and rounds still
   to come say ("strong pedigree, weak judgment").
4. Otherwise, until every required round is done and every must-pass competency has a rating, there
   is not enough evidence yet; the decision names what is missing. A round counts as done when it is
   in ``rounds_done`` or has a considered scorecard (a peer may have run it live).
5. Then, if a must-pass competency averages below the pass bar, the outcome is No hire, decided by
   the lowest such competency (ties broken by id).
6. Otherwise the overall average (the mean of the competency averages) decides: at or above the
   strong bar with no round recommending below Yes is a Strong hire; at or above the hire bar is
   a Hire; below it is No hire, decided by the lowest-average competency.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Any

from pmprep.bank.model import Catalog
from pmprep.committee.scorecard import MAX_RATING, InformalInput, Recommendation, Scorecard, Source

INFORMAL_REASON = "informal: the committee weighs only documented, structured feedback"


class Outcome(str, Enum):
    NO_HIRE = "no_hire"
    HIRE = "hire"
    STRONG_HIRE = "strong_hire"
    NOT_ENOUGH_EVIDENCE = "not_enough_evidence"

    @property
    def label(self) -> str:
        return {
            "no_hire": "No hire",
            "hire": "Hire",
            "strong_hire": "Strong hire",
            "not_enough_evidence": "Not enough evidence yet",
        }[self.value]


@dataclass(frozen=True, kw_only=True)
class Rules:
    """One track's bar. A must-pass competency averaging below ``pass_bar`` fails the loop.

    The company folder holds the policy (committee.yaml: pmprep's modelling choices, not the
    company's published rules); ``rules_for`` reads one track's from the catalog."""

    must_pass: tuple[str, ...]
    pass_bar: float
    hire_bar: float
    strong_bar: float
    case_round_ids: tuple[str, ...]
    required_round_ids: tuple[str, ...]
    case_competency: str  # whose evidence the case rule quotes


def rules_for(catalog: Catalog, track: str) -> Rules:
    """The committee's rules for ``track``: its policy in the catalog, with the track's case rounds
    (``kind: case`` in rounds.yaml) as the rounds the case rule watches."""
    policy = catalog.committee.get(track)
    if policy is None:
        raise ValueError(f"unknown track {track!r}; expected one of {', '.join(catalog.committee)}")
    return Rules(
        must_pass=tuple(policy.must_pass),
        pass_bar=policy.pass_bar,
        hire_bar=policy.hire_bar,
        strong_bar=policy.strong_bar,
        case_round_ids=tuple(r.id for r in catalog.rounds_for(track) if r.is_case),
        required_round_ids=tuple(policy.required_rounds),
        case_competency=catalog.case_rule.competency,
    )


def rule_text(rules: Rules, names: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The rules ``decide`` applies, in its order, as the committee page and the export show them."""
    name = _namer(names)
    return (
        "Only documented scorecards count: pmprep's, yours and your peers', each equally. Informal inputs are "
        "noted, not considered; a formal referral is listed but adds no ratings and no vote.",
        "Each competency is averaged across all its ratings, to two decimals.",
        "The one exception that decides early: as soon as a case round has a scorecard saying the trade-offs "
        "were not quantified, the outcome is No hire, whatever the other rounds say.",
        f"Otherwise the committee waits for the evidence: until every required round "
        f"({_join([name(r) for r in rules.required_round_ids])}) is done and every must-pass competency "
        f"({_join([name(c) for c in rules.must_pass])}) has at least one rating, there is not enough evidence "
        "yet. A round counts as done once it is finished or has a documented scorecard.",
        f"Then a must-pass competency averaging below {_num(rules.pass_bar)} is a No hire.",
        f"Otherwise the overall average (the mean of the competency averages) decides: {_num(rules.strong_bar)} "
        f"or more with no round recommending below Yes is a Strong hire, {_num(rules.hire_bar)} or more is a "
        "Hire, below that is a No hire.",
    )


Evidence = tuple[str, str, str]  # (round id, competency id, the evidence note as written)


@dataclass(frozen=True)
class Decision:
    """The committee's outcome, the one rule that decided it, and everything it did and did not weigh.

    ``evidence`` quotes the notes for the competency that decided a No hire (the case rule's
    competency for the case rule); it is empty for a hire or when evidence is missing.
    """

    outcome: Outcome
    deciding: str
    averages: dict[str, float]
    overall: float | None
    considered: tuple[Scorecard, ...]
    documented_referrals: tuple[Scorecard, ...]
    not_considered: tuple[tuple[InformalInput, str], ...]
    evidence: tuple[Evidence, ...]
    what_would_change: str
    flags: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value,
            "label": self.outcome.label,
            "deciding": self.deciding,
            "averages": dict(self.averages),
            "overall": self.overall,
            "considered": [s.to_dict() for s in self.considered],
            "documented_referrals": [s.to_dict() for s in self.documented_referrals],
            "not_considered": [{**i.to_dict(), "reason": r} for i, r in self.not_considered],
            "evidence": [list(e) for e in self.evidence],
            "what_would_change": self.what_would_change,
            "flags": list(self.flags),
        }


@dataclass(frozen=True)
class _Verdict:
    outcome: Outcome
    deciding: str
    what_would_change: str
    evidence: tuple[Evidence, ...] = ()


def decide(
    rules: Rules,
    scorecards: Sequence[Scorecard],
    informal: Sequence[InformalInput] = (),
    rounds_done: Iterable[str] | None = None,
    names: Mapping[str, str] | None = None,
    expected: Mapping[str, Sequence[str]] | None = None,
) -> Decision:
    """Apply the module's rules with one track's ``rules`` (see ``rules_for``). ``names`` maps ids to
    display names for sentences; ``expected`` (round id -> competency ids) widens the no-evidence
    check beyond must-pass ones."""
    considered = tuple(s for s in scorecards if s.source is not Source.REFERRAL)
    ratings: dict[str, list[int]] = {}
    for card in considered:
        for competency, rating in card.ratings.items():
            ratings.setdefault(competency, []).append(rating)
    averages = {c: _mean(ratings[c]) for c in sorted(ratings)}
    overall = _mean(averages.values()) if averages else None
    name = _namer(names)
    done = {s.round_id for s in considered} | set(rounds_done or ())
    verdict = (
        _case_rule(rules, considered, name)
        or _evidence_rule(rules, averages, done, name)
        or _must_pass_rule(rules, considered, ratings, averages, name)
        or _overall_rule(rules, considered, ratings, averages, name)
    )
    flags = (
        _disagreements(considered, name)
        + _missing_evidence(rules, averages, expected, name)
        + _rounds_not_done(rules, done, expected, name)
    )
    return Decision(
        outcome=verdict.outcome,
        deciding=verdict.deciding,
        averages=averages,
        overall=overall,
        considered=considered,
        documented_referrals=tuple(s for s in scorecards if s.source is Source.REFERRAL),
        not_considered=tuple((i, INFORMAL_REASON) for i in informal),
        evidence=verdict.evidence,
        what_would_change=verdict.what_would_change,
        flags=tuple(flags),
    )


def _case_rule(rules: Rules, considered: Sequence[Scorecard], name: Callable[[str], str]) -> _Verdict | None:
    weak = [s for s in considered if s.round_id in rules.case_round_ids and s.trade_offs_quantified is False]
    if not weak:
        return None
    rounds = _join(list(dict.fromkeys(name(s.round_id) for s in weak)))
    raters = _join(list(dict.fromkeys(s.rater for s in weak)))
    return _Verdict(
        Outcome.NO_HIRE,
        f"No hire: the case lacked quantified trade-offs ({rounds}, rated by {raters}), "
        "which no rating or referral can outweigh.",
        f"A case with quantified trade-offs in {rounds}.",
        _quotes(weak, rules.case_competency),
    )


def _must_pass_rule(
    rules: Rules,
    considered: Sequence[Scorecard],
    ratings: Mapping[str, list[int]],
    averages: Mapping[str, float],
    name: Callable[[str], str],
) -> _Verdict | None:
    failing = sorted((averages[c], c) for c in rules.must_pass if c in averages and averages[c] < rules.pass_bar)
    if not failing:
        return None
    (average, competency), others = failing[0], [name(c) for _, c in failing[1:]]
    also = f" ({_join(others)} also below)" if others else ""
    change = _lift(ratings[competency], lambda a: a >= rules.pass_bar)
    if change is None:  # only when more than fifty new ratings would be needed
        what = f"Raising {name(competency)} to {_num(rules.pass_bar)} would clear the must-pass bar."
    else:
        more, value, after = change
        what = (
            f"Raising {name(competency)} from {_num(average)} to {_num(after)} ({_count(more, value)}) "
            f"would clear the must-pass bar of {_num(rules.pass_bar)}."
        )
    return _Verdict(
        Outcome.NO_HIRE,
        f"No hire: must-pass competency {name(competency)} averages {_num(average)}, "
        f"below the bar of {_num(rules.pass_bar)}{also}.",
        what,
        _quotes(considered, competency),
    )


def _evidence_rule(
    rules: Rules, averages: Mapping[str, float], done: set[str], name: Callable[[str], str]
) -> _Verdict | None:
    rounds = [name(r) for r in rules.required_round_ids if r not in done]
    missing = [name(c) for c in rules.must_pass if c not in averages]
    if not rounds and not missing:
        return None
    parts = []
    if rounds:
        total = len(rules.required_round_ids)
        parts.append(
            f"{len(rounds)} of {total} required rounds {'is' if len(rounds) == 1 else 'are'} not done ({_join(rounds)})"
        )
    if missing:
        plural = len(missing) > 1
        parts.append(
            f"must-pass competenc{'ies' if plural else 'y'} {_join(missing)} "
            f"{'have' if plural else 'has'} no rating in any documented scorecard"
        )
    # A must-pass competency already below the bar is worth knowing, but more rounds can still lift it.
    failing = sorted((averages[c], c) for c in rules.must_pass if c in averages and averages[c] < rules.pass_bar)
    so_far = "".join(
        f" So far {name(c)} averages {_num(a)}, below the must-pass bar of {_num(rules.pass_bar)}." for a, c in failing
    )
    if rounds:
        what = f"Finish {_join(rounds)}" + (
            f", with documented scorecards that rate {_join(missing)} with written evidence." if missing else "."
        )
    else:
        what = f"A documented scorecard that rates {_join(missing)} with written evidence."
    return _Verdict(Outcome.NOT_ENOUGH_EVIDENCE, f"Not enough evidence yet: {', and '.join(parts)}.{so_far}", what)


def _overall_rule(
    rules: Rules,
    considered: Sequence[Scorecard],
    ratings: Mapping[str, list[int]],
    averages: Mapping[str, float],
    name: Callable[[str], str],
) -> _Verdict:
    overall = _mean(averages.values())
    below_yes = [s for s in considered if s.recommendation < Recommendation.YES]
    lowest = min(averages, key=lambda c: (averages[c], c))

    def lift_overall(target: float, goal: str) -> str:
        others = [a for c, a in averages.items() if c != lowest]
        change = _lift(ratings[lowest], lambda a: _mean([*others, a]) >= target)
        if change is None:
            return (
                f"Raising {name(lowest)} alone cannot bring the overall average from "
                f"{_num(overall)} to {_num(target)}; other competencies must rise too."
            )
        more, value, after = change
        return (
            f"Raising {name(lowest)} from {_num(averages[lowest])} to {_num(after)} "
            f"({_count(more, value)}) would lift the overall average from {_num(overall)} to "
            f"{_num(_mean([*others, after]))}, {goal}."
        )

    if overall >= rules.strong_bar and not below_yes:
        return _Verdict(
            Outcome.STRONG_HIRE,
            f"Strong hire: the overall average of {_num(overall)} reaches the strong bar of "
            f"{_num(rules.strong_bar)} and no round recommended below Yes.",
            "Nothing needs to change; a round recommending below Yes would make it a hire.",
        )
    if overall >= rules.strong_bar:
        blockers = _join([f"{name(s.round_id)} ({s.rater}) recommended {s.recommendation.label}" for s in below_yes])
        return _Verdict(
            Outcome.HIRE,
            f"Hire: the overall average of {_num(overall)} reaches the strong bar of "
            f"{_num(rules.strong_bar)}, but {blockers}.",
            "Every round recommending Yes or better would make it a strong hire.",
        )
    if overall >= rules.hire_bar:
        what = lift_overall(rules.strong_bar, "the strong bar")
        if below_yes:
            what += " No round may recommend below Yes."
        return _Verdict(
            Outcome.HIRE,
            f"Hire: the overall average of {_num(overall)} reaches the hire bar of "
            f"{_num(rules.hire_bar)} and every must-pass competency clears {_num(rules.pass_bar)}.",
            what,
        )
    return _Verdict(
        Outcome.NO_HIRE,
        f"No hire: the overall average of {_num(overall)} is below the hire bar of "
        f"{_num(rules.hire_bar)}; the weakest competency is {name(lowest)} at {_num(averages[lowest])}.",
        lift_overall(rules.hire_bar, "the hire bar"),
        _quotes(considered, lowest),
    )


def _disagreements(considered: Sequence[Scorecard], name: Callable[[str], str]) -> list[str]:
    """Raters two or more levels apart on the same competency in the same round."""
    seen: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for card in considered:
        for competency, rating in card.ratings.items():
            seen.setdefault((card.round_id, competency), []).append((card.rater, rating))
    flags = []
    for (round_id, competency), rated in seen.items():
        for i, (rater_a, a) in enumerate(rated):
            flags += [
                f"{name(round_id)} · {name(competency)}: {rater_a} rated {a}, {rater_b} rated {b}"
                for rater_b, b in rated[i + 1 :]
                if abs(a - b) >= 2
            ]
    return flags


def _missing_evidence(
    rules: Rules,
    averages: Mapping[str, float],
    expected: Mapping[str, Sequence[str]] | None,
    name: Callable[[str], str],
) -> list[str]:
    wanted = [c for comps in (expected or {}).values() for c in comps] + list(rules.must_pass)
    return [f"{name(c)}: no evidence in any documented scorecard" for c in dict.fromkeys(wanted) if c not in averages]


def _rounds_not_done(
    rules: Rules, done: set[str], expected: Mapping[str, Sequence[str]] | None, name: Callable[[str], str]
) -> list[str]:
    required = [f"{name(r)}: not done yet" for r in rules.required_round_ids if r not in done]
    # A round the loop planned beyond the required ones (the optional technical deep dive) is named
    # too, but the committee does not wait for it.
    optional = [
        f"{name(r)} (optional): not done yet; the committee does not wait for it"
        for r in (expected or {})
        if r not in rules.required_round_ids and r not in done
    ]
    return required + optional


def _lift(ratings: Sequence[int], reaches: Callable[[float], bool], most: int = 50) -> tuple[int, int, float] | None:
    """The fewest extra ratings of one value (3 or 4; the lower value on a tie) after which
    ``reaches(new average)`` holds, as (how many, the value, the new average)."""
    best: tuple[int, int, float] | None = None
    for value in (MAX_RATING - 1, MAX_RATING):
        for more in range(1, most + 1):
            after = _mean([*ratings, *[value] * more])
            if reaches(after):
                if best is None or more < best[0]:
                    best = (more, value, after)
                break
    return best


def _quotes(cards: Iterable[Scorecard], competency: str) -> tuple[Evidence, ...]:
    return tuple(
        (s.round_id, competency, s.evidence[competency]) for s in cards if s.evidence.get(competency, "").strip()
    )


def _mean(values: Iterable[float]) -> float:
    numbers = [Decimal(str(v)) for v in values]
    return float((sum(numbers, Decimal(0)) / len(numbers)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _namer(names: Mapping[str, str] | None) -> Callable[[str], str]:
    return lambda key: (names or {}).get(key) or key.replace("_", " ")


def _num(x: float) -> str:
    """2.25 -> "2.25", 2.5 -> "2.5", 3.0 -> "3.0"."""
    text = f"{x:.2f}"
    return text[:-1] if text.endswith("0") else text


_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count(more: int, value: int) -> str:
    how_many = _WORDS[more] if more < len(_WORDS) else str(more)
    return f"{how_many} more rating{'s' if more != 1 else ''} of {value}"


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
