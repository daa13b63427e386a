"""Culture: specific themes, tied to one's own story, knowledge of Netflix, and a contribution."""

from __future__ import annotations

from pmprep.analysis.judging import Context, Judgement, judge, part, sat


def culture_themes(ctx: Context) -> Judgement:
    themes = ctx.hits("culture_theme")
    return judge(part(1.0, sat(len({h.text.lower() for h in themes}), 2), themes, "culture_themes.specific_culture"))


def personal_story(ctx: Context) -> Judgement:
    mine = ctx.hits("i_action")
    specifics = ctx.hits("when", "number")
    linked = ctx.hits_near("i_action", ctx.hits("culture_theme"), window=1)
    return judge(
        part(0.4, sat(len({h.text.lower() for h in mine}), 3), mine, "personal_story.story"),
        part(0.3, sat(len(specifics), 2), specifics, "personal_story.story_specifics"),
        part(0.3, sat(len(linked), 1), linked, "personal_story.story_tied"),
    )


def company_knowledge(ctx: Context) -> Judgement:
    facts = ctx.hits("company_fact")
    return judge(part(1.0, sat(len({h.text.lower() for h in facts}), 3), facts, "company_knowledge.knowledge_netflix"))


def contribution(ctx: Context) -> Judgement:
    found = ctx.hits("contribution")
    return judge(part(1.0, sat(len(found), 1), found, "contribution.nothing_would"))


CRITERIA = {
    "culture_themes": culture_themes,
    "personal_story": personal_story,
    "company_knowledge": company_knowledge,
    "contribution": contribution,
}
