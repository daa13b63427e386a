"""Culture: specific themes, tied to one's own story, knowledge of Netflix, and a contribution."""
from __future__ import annotations

from pmprep.analysis.judging import Context, Judgement, Part, judge, sat


def culture_themes(ctx: Context) -> Judgement:
    themes = ctx.hits("culture_theme")
    return judge(Part(1.0, sat(len({h.text.lower() for h in themes}), 2), themes, "no specific culture theme",
                      "Name the culture themes you mean (freedom and responsibility, context not control, candour)."))


def personal_story(ctx: Context) -> Judgement:
    mine = ctx.hits("i_action")
    specifics = ctx.hits("when", "number")
    linked = ctx.hits_near("i_action", ctx.hits("culture_theme"), window=1)
    return judge(
        Part(0.4, sat(len({h.text.lower() for h in mine}), 3), mine, "no story of your own", "Tell one short story of something you did."),
        Part(0.3, sat(len(specifics), 2), specifics, "the story has no specifics (when, how many)", "Give the story a when and a number."),
        Part(0.3, sat(len(linked), 1), linked, "the story is not tied to a culture theme",
             "Connect the story to the theme explicitly: \"that is what context, not control meant for me\"."),
    )


def company_knowledge(ctx: Context) -> Judgement:
    facts = ctx.hits("company_fact")
    return judge(Part(1.0, sat(len({h.text.lower() for h in facts}), 3), facts, "no knowledge of Netflix's product or business",
                      "Show you know the business: the ads tier, paid sharing, games, live events, local originals."))


def contribution(ctx: Context) -> Judgement:
    found = ctx.hits("contribution")
    return judge(Part(1.0, sat(len(found), 1), found, "nothing on what you would contribute",
                      "Say what you would bring and work on first (\"in my first 90 days I'd…\")."))


CRITERIA = {"culture_themes": culture_themes, "personal_story": personal_story,
            "company_knowledge": company_knowledge, "contribution": contribution}
