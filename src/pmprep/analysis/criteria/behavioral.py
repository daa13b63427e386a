"""STAR stories: situation, ownership, actions and obstacles, a quantified result, reflection."""
from __future__ import annotations

import re

from pmprep.analysis.judging import Context, Judgement, Part, judge, numbers_near, sat
from pmprep.analysis.signals import Hit
from pmprep.bounded_regex import bounded

_CONTEXT = bounded(r"\b(?:team|company|startup|product|app|project|club|class|course|internship|org(?:ani[sz]ation)?|"
                   r"department|group|agency|bank|platform|service|launch|my role|as (?:a|an|the) [a-z]+)\b", re.I)


def situation(ctx: Context) -> Judgement:
    when = ctx.hits("when")
    opening = [s for s in ctx.doc.sentences[:3]]
    open_end = opening[-1].end if opening else 0
    scale = [h for h in ctx.hits("number") if h.start < open_end]
    context = [Hit("context", m.start(), m.end(), m.group(0)) for m in _CONTEXT.finditer(ctx.doc.text[:open_end])]
    return judge(
        Part(0.3, sat(len(when), 1), when, "no when or where", "Open with when and where it happened (\"Last spring, at a 40-person fintech…\")."),
        Part(0.4, sat(len(scale), 1), scale, "no scale in the set-up (how many users, how big a team)",
             "Give the scale in the first two sentences: users, revenue, team size or deadline."),
        Part(0.3, sat(len(context), 2), context[:4], "the setting is not described",
             "Say what the product and your role were before the story starts."),
    )


def ownership(ctx: Context) -> Judgement:
    mine = ctx.hits("i_action")
    i_words, we_words = ctx.signals.count("i_word"), ctx.signals.count("we_word")
    share = i_words / max(1, i_words + we_words)
    return judge(
        Part(0.6, sat(len({h.text.lower() for h in mine}), 4), mine,
             "your own decisions are not visible (few \"I decided / I did\")",
             "Say what YOU decided and did: \"I proposed…\", \"I cut…\", \"I convinced…\"."),
        Part(0.4, sat(share, 0.55), [], "mostly \"we\", so your part cannot be seen",
             "Keep \"we\" for the team's work and \"I\" for your decisions; interviewers score only what you did."),
    )


def actions(ctx: Context) -> Judgement:
    mine = ctx.hits("i_action")
    obstacles = ctx.hits("obstacle")
    middle = [h for h in mine if 0.15 <= ctx.position(h.start) <= 0.85]
    return judge(
        Part(0.4, sat(len(mine), 4), mine, "few concrete actions", "List the two or three concrete steps you took, in order."),
        Part(0.35, sat(len({h.text.lower() for h in obstacles}), 2), obstacles,
             "no obstacle or pushback", "Include what got in the way (a sceptical engineer, a deadline, bad data) and how you handled it."),
        Part(0.25, sat(len(middle), 2), middle, "the middle of the story has no actions",
             "Spend the middle of the answer on actions, not background."),
    )


def result(ctx: Context) -> Judgement:
    outcomes = ctx.hits("result")
    numbers = numbers_near(ctx, outcomes, window=1) or ctx.hits_in_part("percent", 0.4, 1.0)
    baseline = ctx.hits("baseline")
    frame = ctx.hits_near("timeframe", outcomes, window=1)
    return judge(
        Part(0.3, sat(len(outcomes), 1), outcomes, "no outcome", "State what happened as a result of your actions."),
        Part(0.3, sat(len(numbers), 1), numbers, "the result has no number", "Quantify the result: a percentage, a count or money."),
        Part(0.2, sat(len(baseline), 1), baseline, "no baseline to compare with", "Give the before and after: \"from 52% to 61%\"."),
        Part(0.2, sat(len(frame), 1), frame, "no time frame for the result", "Say over what period: \"within six weeks of launch\"."),
    )


def reflection(ctx: Context) -> Judgement:
    lessons = ctx.hits("reflection")
    late = [h for h in lessons if ctx.position(h.start) >= 0.55]
    return judge(
        Part(0.65, sat(len({h.text.lower() for h in lessons}), 2), lessons, "no lesson",
             "Close with what you learned and what you now do differently."),
        Part(0.35, sat(len(late), 1), late, "the lesson is not where it lands (at the end)",
             "Put the lesson at the end and show where you applied it since."),
    )


def tradeoffs_stakeholders(ctx: Context) -> Judgement:
    trade = ctx.hits("tradeoff")
    people = ctx.hits("stakeholder")
    return judge(
        Part(0.5, sat(len(trade), 2), trade, "no trade-off", "Name the trade-off you accepted and what it cost (\"we shipped without X, which meant…\")."),
        Part(0.5, sat(len({h.text.lower() for h in people}), 2), people, "no stakeholders",
             "Name who else was involved (engineering, design, legal, your manager) and how you brought them along."),
    )


CRITERIA = {
    "situation": situation, "ownership": ownership, "actions": actions, "result": result,
    "reflection": reflection, "tradeoffs_stakeholders": tradeoffs_stakeholders,
}
