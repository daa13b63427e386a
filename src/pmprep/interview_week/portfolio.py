"""The story portfolio of a loop: which story to tell in which round, to which interviewer, and why.

A loop is its rounds in order (:func:`loop_rounds`). Each round has its interviewers: one person, or
the case round's panel (the roles of panel.yaml). An interviewer's ``key`` is who they are across the
loop: by default each round has its own people, but two rounds whose interviewer the user named alike
(case and spacing ignored) share one person.

What a round asks a story to show (:class:`pmprep.stories.Asks`): its competencies (rounds.yaml), and,
when it asks behavioural or culture questions, the ``LIKELY_KINDS`` story kinds and ``LIKELY_THEMES``
themes that most of its bank questions ask for (ties in file order). Fit is the story bank's own
score (:func:`pmprep.stories.fit`); nothing here scores a second way.

The rules:

1. **No interviewer hears a story twice** (``interviewer_repeat``): one person never hears one story in
   two rounds.
2. **No panel hears one story twice** (``panel_repeat``): one round never holds one story twice, even
   when two members of its panel would each hear it once.

A story may come back in a later round with other interviewers, but fresh stories come first.

How :func:`plan_portfolio` assigns, round by round in loop order, slot by slot (at most
``STORY_SLOTS`` stories in a round that asks for stories, ``OTHER_SLOTS`` in a technical or case round,
where one story backs your answers with experience): among the stories that break no rule, the one
that best fits what the round still lacks (the kinds and competencies no story chosen for it covers
yet) is taken, a story not yet used in the loop before any reused one, ties by the bank's ranking
(score, shared kinds, title, id). A round stops taking stories when none covers anything it lacks.
In a panel, each story goes to the member with fewest stories so far (ties in panel order).

The user's swaps (:class:`Swap`) are applied after that, in order, and the whole portfolio is checked
again: every broken rule is named, nothing is refused.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from pmprep.bank.model import Catalog
from pmprep.cases.panel import panel
from pmprep.stories import Asks, StarStory, Suggestion, fit, question_kinds, rank, story_kinds, story_profile

STORY_SLOTS = 3
OTHER_SLOTS = 1
LIKELY_KINDS = 3
LIKELY_THEMES = 3

INTERVIEWER_REPEAT = "interviewer_repeat"
PANEL_REPEAT = "panel_repeat"
RULES = {
    INTERVIEWER_REPEAT: "No interviewer hears a story twice",
    PANEL_REPEAT: "No panel hears one story twice",
}


@dataclass(frozen=True)
class Interviewer:
    key: str  # who they are across the loop
    role: str  # "The hiring manager (a product manager)", "Design"
    name: str = ""  # as the user typed it; empty when not given
    slot: str = ""  # "<round id>/<role id>": where in the loop they sit, whatever their name

    @property
    def label(self) -> str:
        return f"{self.name} ({self.role})" if self.name else self.role

    def to_dict(self) -> dict:
        return {"key": self.key, "role": self.role, "name": self.name, "slot": self.slot}


@dataclass(frozen=True)
class LoopRound:
    """One round of a loop as the portfolio sees it."""

    round_id: str
    name: str
    interviewers: tuple[Interviewer, ...]
    asks: Asks
    asks_stories: bool  # it asks behavioural or culture questions

    @property
    def slots(self) -> int:
        return STORY_SLOTS if self.asks_stories else OTHER_SLOTS

    def interviewer(self, key: str) -> Interviewer | None:
        return next((i for i in self.interviewers if i.key == key), None)


@dataclass(frozen=True)
class Swap:
    """Put ``story_id`` on ``round_id`` for ``interviewer_key``, in place of ``replaces`` when given.

    With no ``story_id`` the swap only takes ``replaces`` off the round."""

    round_id: str
    interviewer_key: str
    story_id: str | None = None
    replaces: str | None = None

    def to_dict(self) -> dict:
        return {
            "round_id": self.round_id,
            "interviewer_key": self.interviewer_key,
            "story_id": self.story_id,
            "replaces": self.replaces,
        }


@dataclass(frozen=True)
class Assignment:
    round_id: str
    interviewer_key: str
    story_id: str
    title: str
    kinds: tuple[str, ...]  # of the round's likely kinds, those this story covers first in the round
    competencies: tuple[str, ...]  # likewise for the round's competencies
    swapped: bool  # placed by the user
    reason: str

    def to_dict(self) -> dict:
        return {
            "round_id": self.round_id,
            "interviewer_key": self.interviewer_key,
            "story_id": self.story_id,
            "title": self.title,
            "kinds": list(self.kinds),
            "competencies": list(self.competencies),
            "swapped": self.swapped,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Broken:
    rule: str  # INTERVIEWER_REPEAT or PANEL_REPEAT
    story_id: str
    round_ids: tuple[str, ...]
    message: str

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "story_id": self.story_id,
            "round_ids": list(self.round_ids),
            "message": self.message,
        }


@dataclass(frozen=True)
class RoundPlan:
    round: LoopRound
    assignments: tuple[Assignment, ...]
    uncovered_kinds: tuple[str, ...]
    uncovered_competencies: tuple[str, ...]
    uncovered_message: str  # "" when nothing is left uncovered

    def to_dict(self) -> dict:
        return {
            "round_id": self.round.round_id,
            "name": self.round.name,
            "interviewers": [i.to_dict() for i in self.round.interviewers],
            "assignments": [a.to_dict() for a in self.assignments],
            "uncovered_kinds": list(self.uncovered_kinds),
            "uncovered_competencies": list(self.uncovered_competencies),
            "uncovered_message": self.uncovered_message,
        }


@dataclass(frozen=True)
class Portfolio:
    rounds: tuple[RoundPlan, ...]
    broken: tuple[Broken, ...]
    skipped: tuple[str, ...] = field(default=())  # swaps that no longer apply, and why

    @property
    def ok(self) -> bool:
        return not self.broken

    def plan(self, round_id: str) -> RoundPlan:
        return next(p for p in self.rounds if p.round.round_id == round_id)

    def to_dict(self) -> dict:
        return {
            "rounds": [p.to_dict() for p in self.rounds],
            "broken": [b.to_dict() for b in self.broken],
            "skipped": list(self.skipped),
            "ok": self.ok,
        }


def _key(name: str) -> str:
    return "name:" + " ".join(name.casefold().split())


def round_asks(round_id: str, catalog: Catalog) -> tuple[Asks, bool]:
    """What a round asks a story to show, and whether it asks behavioural or culture questions at all."""
    book = story_kinds()
    rnd = catalog.rounds[round_id]
    questions = [q for q in catalog.questions.values() if round_id in q.rounds and q.type in book.question_types]
    kind_order = list(book.kinds)
    theme_order = list(catalog.themes)
    kinds = Counter(k.kind for q in questions for k in question_kinds(q, catalog))
    themes = Counter(t for q in questions for t in q.themes if t in catalog.themes)
    likely_kinds = sorted(kinds, key=lambda k: (-kinds[k], kind_order.index(k)))[:LIKELY_KINDS]
    likely_themes = sorted(themes, key=lambda t: (-themes[t], theme_order.index(t)))[:LIKELY_THEMES]
    comp_order = [*catalog.dimensions, *catalog.components]
    asks = Asks(
        kinds=tuple(k for k in kind_order if k in likely_kinds),
        themes=tuple(t for t in theme_order if t in likely_themes),
        competencies=tuple(c for c in comp_order if c in rnd.competencies),
    )
    return asks, bool(set(rnd.question_types) & set(book.question_types))


def loop_rounds(round_ids: Sequence[str], catalog: Catalog, names: Mapping[str, str] | None = None) -> list[LoopRound]:
    """The portfolio's view of a loop's rounds, in the order given.

    ``names`` maps an interviewer slot (``"<round id>/<role id>"``; the role id is ``interviewer`` for a
    round of one person, a panel.yaml role id in a case round) to the name the user typed."""
    names = names or {}
    out = []
    for round_id in round_ids:
        if round_id not in catalog.rounds:
            raise ValueError(f"unknown round '{round_id}'")
        rnd = catalog.rounds[round_id]
        roles = [(r.id, r.name) for r in panel().roles] if rnd.is_case else [("interviewer", rnd.interviewer)]
        people = []
        for role_id, role in roles:
            slot = f"{round_id}/{role_id}"
            name = " ".join(str(names.get(slot, "")).split())[:80]
            people.append(Interviewer(_key(name) if name else slot, role, name, slot))
        asks, asks_stories = round_asks(round_id, catalog)
        out.append(LoopRound(round_id, rnd.name, tuple(people), asks, asks_stories))
    return out


def _lacks(rnd: LoopRound, covered_kinds: set[str], covered_comps: set[str]) -> Asks:
    return Asks(
        kinds=tuple(k for k in rnd.asks.kinds if k not in covered_kinds),
        themes=rnd.asks.themes,
        competencies=tuple(c for c in rnd.asks.competencies if c not in covered_comps),
    )


def _needs_left(asks: Asks) -> bool:
    return bool(asks.kinds or asks.competencies)


def _covers(story: StarStory, asks: Asks, catalog: Catalog) -> tuple[tuple[str, ...], tuple[str, ...]]:
    profile = story_profile(story, catalog)
    return (
        tuple(k for k in asks.kinds if k in profile.kind_ids),
        tuple(c for c in asks.competencies if c in profile.competencies),
    )


@dataclass
class _Placed:
    round_id: str
    interviewer_key: str
    story_id: str
    swapped: bool = False


def _auto(loop: Sequence[LoopRound], stories: Sequence[StarStory], catalog: Catalog) -> list[_Placed]:
    placed: list[_Placed] = []
    heard: dict[str, set[str]] = {}  # interviewer key -> story ids
    used: set[str] = set()
    for rnd in loop:
        mine: list[_Placed] = []
        kinds: set[str] = set()
        comps: set[str] = set()
        keys = [i.key for i in rnd.interviewers]
        while len(mine) < rnd.slots:
            lacks = _lacks(rnd, kinds, comps)
            if not _needs_left(lacks):
                break
            in_round = {p.story_id for p in mine}
            candidates: list[tuple[bool, Suggestion]] = []
            for story in stories:
                if story.id in in_round or any(story.id in heard.get(k, ()) for k in keys):
                    continue
                found = fit(story, Asks(lacks.kinds, (), lacks.competencies), catalog)
                if found is not None:
                    candidates.append((story.id in used, found))
            if not candidates:
                break
            _, best = min(candidates, key=lambda c: (c[0], *rank(c[1])))
            story = next(s for s in stories if s.id == best.story_id)
            got_kinds, got_comps = _covers(story, lacks, catalog)
            kinds.update(got_kinds)
            comps.update(got_comps)
            counts = Counter(p.interviewer_key for p in mine)
            to = min(keys, key=lambda k: (counts[k], keys.index(k)))
            mine.append(_Placed(rnd.round_id, to, story.id))
            used.add(story.id)
        for p in mine:
            for k in keys:
                heard.setdefault(k, set()).add(p.story_id)
        placed += mine
    return placed


def swap_problem(swap: Swap, loop: Sequence[LoopRound], stories: Sequence[StarStory]) -> str | None:
    """Why ``swap`` cannot be applied to this loop and bank (unknown round, interviewer or story), or None."""
    rnd = next((r for r in loop if r.round_id == swap.round_id), None)
    if rnd is None:
        return f"the round '{swap.round_id}' is not in this loop"
    if rnd.interviewer(swap.interviewer_key) is None:
        return f"'{swap.interviewer_key}' is not an interviewer of {rnd.name}"
    ids = {s.id for s in stories}
    if swap.story_id is None and swap.replaces is None:
        return "choose a story to put on the round, or one to take off it"
    if swap.story_id is not None and swap.story_id not in ids:
        return f"the story '{swap.story_id}' is not in your bank"
    if swap.replaces is not None and swap.replaces not in ids:
        return f"the story '{swap.replaces}' is not in your bank"
    return None


def _apply(placed: list[_Placed], swap: Swap) -> list[_Placed]:
    out = list(placed)
    at = len(out)
    if swap.replaces is not None:
        gone = next((n for n, p in enumerate(out) if p.round_id == swap.round_id and p.story_id == swap.replaces), None)
        if gone is not None:
            at = gone
            del out[gone]
    if swap.story_id is not None:
        if swap.replaces is None:
            # After the round's last story, so the loop's order is kept.
            rounds_after = [n for n, p in enumerate(out) if p.round_id == swap.round_id]
            at = rounds_after[-1] + 1 if rounds_after else len(out)
        out.insert(at, _Placed(swap.round_id, swap.interviewer_key, swap.story_id, swapped=True))
    return out


def _join(items: Sequence[str]) -> str:
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _reason(
    who: Interviewer,
    title: str,
    kinds: Sequence[str],
    comps: Sequence[str],
    swapped: bool,
    elsewhere: Sequence[str],
    heard_by_them: Sequence[str],
    catalog: Catalog,
) -> str:
    book = story_kinds()
    shown = [book.kinds[k].phrase for k in kinds] + [f"'{catalog.competency_name(c)}'" for c in comps]
    covers = f"covers {_join(shown)}" if shown else "covers nothing this round still lacks"
    if swapped:
        covers = f"your choice; {covers}"
    if heard_by_them:
        where = f"{who.label} hears it in {_join(list(heard_by_them))} too, which breaks a rule"
    elif elsewhere:
        where = f"also told in {_join(list(elsewhere))}, to other interviewers"
    else:
        where = "not used elsewhere with this interviewer"
    return f"{who.label}: '{title}' — {covers}; {where}."


def _uncovered(rnd: LoopRound, kinds: Sequence[str], comps: Sequence[str], catalog: Catalog) -> str:
    if not kinds and not comps:
        return ""
    book = story_kinds()
    parts = []
    if kinds:
        parts.append(f"no story shows {_join([book.kinds[k].phrase for k in kinds])}")
    if comps:
        names = [f"'{catalog.competency_name(c)}'" for c in comps]
        parts.append(f"none covers {_join(names)}")
    text = "; ".join(parts)
    return f"{rnd.name}: {text}."


def _check(loop: Sequence[LoopRound], placed: Sequence[_Placed], titles: Mapping[str, str]) -> list[Broken]:
    names = {r.round_id: r.name for r in loop}
    broken = []
    for rnd in loop:
        told = Counter(p.story_id for p in placed if p.round_id == rnd.round_id)
        for story_id, times in told.items():
            if times > 1:
                to = [
                    rnd.interviewer(p.interviewer_key).label  # type: ignore[union-attr]
                    for p in placed
                    if p.round_id == rnd.round_id and p.story_id == story_id
                ]
                broken.append(
                    Broken(
                        PANEL_REPEAT,
                        story_id,
                        (rnd.round_id,),
                        f"{RULES[PANEL_REPEAT]}: '{titles[story_id]}' is told {times} times in {rnd.name} "
                        f"(to {_join(to)}), and everyone in the room hears each telling.",
                    )
                )
    by_person: dict[str, list[tuple[str, str]]] = {}  # key -> (round id, story id) in loop order
    label: dict[str, str] = {}
    for rnd in loop:
        stories = list(dict.fromkeys(p.story_id for p in placed if p.round_id == rnd.round_id))
        for person in {i.key: i for i in rnd.interviewers}.values():
            label.setdefault(person.key, person.label)
            by_person.setdefault(person.key, []).extend((rnd.round_id, s) for s in stories)
    for key, heard in by_person.items():
        rounds_of: dict[str, list[str]] = {}
        for round_id, story_id in heard:
            rounds_of.setdefault(story_id, []).append(round_id)
        for story_id, round_ids in rounds_of.items():
            if len(round_ids) > 1:
                broken.append(
                    Broken(
                        INTERVIEWER_REPEAT,
                        story_id,
                        tuple(round_ids),
                        f"{RULES[INTERVIEWER_REPEAT]}: {label[key]} hears '{titles[story_id]}' in "
                        f"{_join([names[r] for r in round_ids])}.",
                    )
                )
    return broken


def plan_portfolio(
    loop: Sequence[LoopRound], stories: Sequence[StarStory], catalog: Catalog, swaps: Iterable[Swap] = ()
) -> Portfolio:
    """The loop's portfolio: the automatic assignment, then ``swaps`` in order, checked against the rules.

    A swap that no longer fits (its story was deleted, its round left the loop) is skipped and said so in
    ``skipped``; call :func:`swap_problem` before storing a new one."""
    ids = [s.id for s in stories]
    if len(set(ids)) != len(ids):
        raise ValueError("story ids must be unique")
    by_id = {s.id: s for s in stories}
    placed = _auto(loop, stories, catalog)
    skipped = []
    for swap in swaps:
        problem = swap_problem(swap, loop, stories)
        if problem:
            skipped.append(f"A swap was skipped: {problem}.")
        else:
            placed = _apply(placed, swap)
    titles = {s.id: s.title for s in stories}
    names = {r.round_id: r.name for r in loop}
    by_round = {r.round_id: r for r in loop}
    plans = []
    for rnd in loop:
        mine = [p for p in placed if p.round_id == rnd.round_id]
        kinds: set[str] = set()
        comps: set[str] = set()
        out = []
        for p in mine:
            lacks = _lacks(rnd, kinds, comps)
            got_kinds, got_comps = _covers(by_id[p.story_id], lacks, catalog)
            kinds.update(got_kinds)
            comps.update(got_comps)
            who = rnd.interviewer(p.interviewer_key)
            assert who is not None  # swaps are checked against the round's interviewers
            other_rounds = list(
                dict.fromkeys(o.round_id for o in placed if o.story_id == p.story_id and o.round_id != rnd.round_id)
            )
            theirs = [r for r in other_rounds if by_round[r].interviewer(who.key) is not None]
            reason = _reason(
                who,
                titles[p.story_id],
                got_kinds,
                got_comps,
                p.swapped,
                [names[r] for r in other_rounds if r not in theirs],
                [names[r] for r in theirs],
                catalog,
            )
            out.append(
                Assignment(
                    rnd.round_id,
                    p.interviewer_key,
                    p.story_id,
                    titles[p.story_id],
                    got_kinds,
                    got_comps,
                    p.swapped,
                    reason,
                )
            )
        left = _lacks(rnd, kinds, comps)
        plans.append(
            RoundPlan(
                rnd, tuple(out), left.kinds, left.competencies, _uncovered(rnd, left.kinds, left.competencies, catalog)
            )
        )
    return Portfolio(tuple(plans), tuple(_check(loop, placed, titles)), tuple(skipped))
