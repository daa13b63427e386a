"""A round's sheet as Markdown: short lines and plain lists, so that it reads on a phone."""

from __future__ import annotations

from pmprep.interview_week.sheet import RoundSheet

NO_STORIES = "_No story is on this round yet: add one from the portfolio._"
NO_DECK = "_No case deck yet: build one to carry its headline and numbers here._"


def _line(text: str) -> str:
    return " ".join(text.split())


def sheet_markdown(sheet: RoundSheet) -> str:
    lines = [f"# {_line(sheet.name)}", "", f"**{sheet.length}** · {_line(sheet.format)}", ""]
    lines += ["## Who interviews", ""] + [f"- {_line(p)}" for p in sheet.interviewers] + [""]
    lines += ["## What they listen for", ""] + [f"- {_line(s)}" for s in sheet.listen_for] + [""]
    lines += ["Avoid:", ""] + [f"- {_line(s)}" for s in sheet.avoid] + [""]
    lines += ["## Your stories", ""]
    if not sheet.stories:
        lines += [NO_STORIES, ""]
    for story in sheet.stories:
        lines.append(f"- **{_line(story.title)}** (for {_line(story.told_to)})")
        if story.numbers:
            lines.append(f"  - Numbers: {', '.join(_line(n) for n in story.numbers)}")
        if story.lesson:
            lines.append(f"  - Lesson: {_line(story.lesson)}")
    if sheet.stories:
        lines.append("")
    if sheet.uncovered:
        lines += [f"Not covered: {_line(sheet.uncovered)}", ""]
    if sheet.is_case:
        lines += ["## Your case", ""]
        if sheet.case is None:
            lines += [NO_DECK, ""]
        else:
            lines += [f"**{_line(sheet.case.title)}**", "", f"Headline: {_line(sheet.case.headline)}", ""]
            if sheet.case.numbers:
                lines += ["Numbers to remember:", ""] + [
                    f"{n}. {_line(x)}" for n, x in enumerate(sheet.case.numbers, 1)
                ]
                lines.append("")
    lines += ["## Frameworks", ""]
    lines += [f"- {_line(f.line)}" for f in sheet.frameworks] + [""]
    lines += ["## Questions to ask", ""]
    if sheet.questions_suggested:
        lines += ["_Suggested; pick your own on the questions page._", ""]
    lines += [f"- {_line(q)}" for q in sheet.questions] + [""]
    return "\n".join(lines)
