"""`pmprep questions`, `pmprep loop` and `pmprep content check`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer
from rich import box
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from pmprep.bank import Catalog, ContentError, load_catalog
from pmprep.bank.calendar import position
from pmprep.bank.query import QuestionFilter, find_questions, invalid_filter_values
from pmprep.bank.schema import Difficulty, Question
from pmprep.cli.console import console, errors, fail, fresh_console, on_terminal, paged
from pmprep.company_checks import check_files
from pmprep.config import ConfigError, content_folder, load_active_catalog


def _catalog() -> Catalog:
    try:
        return load_active_catalog()
    except (ContentError, ConfigError) as exc:
        fail(str(exc))


TERMINAL_LIMIT = 20  # questions shown on a terminal unless --limit says otherwise


def questions(
    track: str | None = typer.Option(None, help="Track id, e.g. early_in or experienced."),
    round: str | None = typer.Option(None, "--round", help="Round id, e.g. ei_technical_deep_dive."),
    type: str | None = typer.Option(
        None, "--type", help="A question type of the company's question_types.yaml, e.g. behavioral or metrics."
    ),
    competency: str | None = typer.Option(None, help="A dimension or component id, e.g. data_literacy."),
    difficulty: Difficulty | None = typer.Option(None, help="easy, medium or hard."),
    theme: str | None = typer.Option(None, help="A theme id, e.g. peak_buffering."),
    search: str | None = typer.Option(None, "--search", "-s", help="Words to search for in the questions."),
    limit: int | None = typer.Option(
        None,
        "--limit",
        "-n",
        min=0,
        metavar="N",
        help=f"Show the first N questions; 0 shows every one. Default: {TERMINAL_LIMIT} on a terminal, every one "
        "when the output goes to a pipe or a file (and with --json).",
    ),
    no_pager: bool = typer.Option(
        False, "--no-pager", help="On a terminal, print straight out instead of through a pager ($PAGER, else less)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """List questions from the bank, filtered and searched; each question's id is under its text."""
    catalog = _catalog()
    wanted = QuestionFilter(
        track=track,
        round=round,
        type=type,
        competency=competency,
        difficulty=difficulty.value if difficulty else None,
        theme=theme,
        text=search,
    )
    problems = invalid_filter_values(catalog, wanted)
    if problems:
        fail("; ".join(problems.values()), code=2)
    found = find_questions(catalog, wanted)
    if limit is None:
        limit = TERMINAL_LIMIT if on_terminal() and not as_json else 0
    shown = found[:limit] if limit else found
    if as_json:
        typer.echo(json.dumps([q.model_dump(mode="json") for q in shown], indent=2, ensure_ascii=False))
        return
    out = fresh_console()
    with paged(out, wanted=not no_pager):
        out.print(question_table(catalog, found, shown))
        if len(shown) < len(found):
            out.print()
            out.print(_more(len(shown), len(found)))


def question_table(catalog: Catalog, found: list[Question], shown: list[Question]) -> Table:
    """The questions as a table that reads at 80 columns: the text wraps, with its id under it (dimmed) where it
    takes no width from the text, and the type and level beside it."""
    count = f"{len(found)} question{'s' if len(found) != 1 else ''}"
    title = count if len(shown) == len(found) else f"{count} (the first {len(shown)} shown)"
    table = Table(
        title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, expand=True, leading=1, pad_edge=False
    )
    table.add_column("question", ratio=1, overflow="fold")
    table.add_column("type · level", max_width=22)
    for q in shown:
        table.add_row(
            Text.assemble(q.text, "\n", (q.id, "dim")),
            Text.assemble(catalog.question_types[q.type].name, "\n", (q.difficulty.value, "dim")),
        )
    return table


def _more(shown: int, total: int) -> str:
    more = min(total, shown + TERMINAL_LIMIT)
    return (
        f"{total - shown} more not shown: --limit {more} shows the first {more}, --limit 0 every one; "
        "or narrow the list with --type, --round, --difficulty or --search."
    )


def loop(
    track: str | None = typer.Option(None, help="A track id, e.g. early_in (default: every track)."),
    today: str | None = typer.Option(None, help="Date to place on the calendar, YYYY-MM-DD (default: today)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
) -> None:
    """Show a track's interview loop: rounds, durations, interviewers, signals and the calendar."""
    catalog = _catalog()
    if track and track not in catalog.tracks:
        fail(f"unknown track '{track}'; expected one of: {', '.join(catalog.tracks)}", code=2)
    try:
        day = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        fail(f"--today {today!r} is not a date; expected YYYY-MM-DD", code=2)
    tracks = [catalog.tracks[track]] if track else list(catalog.tracks.values())
    if as_json:
        out = []
        for t in tracks:
            cal = catalog.calendars.get(t.calendar) if t.calendar else None
            out.append(
                {
                    **t.model_dump(mode="json"),
                    "rounds": [r.model_dump(mode="json") for r in catalog.rounds_for(t.id)],
                    "calendar": position(cal, day).to_dict() if cal else None,
                }
            )
        typer.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    for t in tracks:
        console.rule(f"[bold]{escape(t.name)}[/]")
        console.print(f"{escape(t.audience)}\n[dim]Timeline:[/] {escape(t.process_length)}")
        cal = catalog.calendars.get(t.calendar) if t.calendar else None
        if cal:
            pos = position(cal, day)
            for w in pos.windows:
                start = w.start.isoformat() if w.start else "…"
                console.print(f"  {escape(w.name)}: {start} → {w.end.isoformat()}  [{w.status}]")
            for warning in pos.warnings:
                console.print(f"[bold yellow]Warning:[/] {escape(warning)}")
            for note in pos.notes:
                console.print(f"[cyan]Note:[/] {escape(note)}")
        table = Table(show_lines=True, expand=True)
        table.add_column("#", no_wrap=True)
        table.add_column("round", ratio=1)
        table.add_column("time", no_wrap=True)
        table.add_column("who", ratio=1)
        table.add_column("what it assesses", ratio=2)
        for r in catalog.rounds_for(t.id):
            name = r.name + (" (technical roles only)" if r.optional else "")
            table.add_row(
                str(r.order),
                escape(name),
                r.duration_label,
                escape(r.interviewer),
                escape("\n".join(f"• {a}" for a in r.assesses)),
            )
        console.print(table)


def content_check(
    folder: Path | None = typer.Argument(
        None, help="A company folder, or an overlay folder of questions/primers (default: the content in use)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
) -> None:
    """Validate a content folder and print what it holds, or every problem with file, entry and field."""
    try:
        target = folder or content_folder()
        if (Path(target) / "company.yaml").exists():
            catalog = load_catalog(target)
            # The files the analyzer, the outreach checker and the rest read when first used.
            if problems := check_files(Path(target), catalog):
                raise ContentError(problems)
        else:
            catalog = load_catalog(target, base=load_catalog(content_folder()))
    except ContentError as exc:
        if as_json:
            typer.echo(json.dumps({"ok": False, "problems": [p.to_dict() for p in exc.problems]}, indent=2))
            raise typer.Exit(1) from None
        errors.print(
            f"[bold red]{len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''}[/] "
            f"in {escape(str(target))} (nothing was loaded):"
        )
        for p in exc.problems:
            errors.print(f"  • {escape(str(p))}")
        raise typer.Exit(1) from None
    except ConfigError as exc:
        fail(str(exc))
    counts = catalog.counts()
    by_type = catalog.counts_by_type()
    if as_json:
        typer.echo(
            json.dumps({"ok": True, "folder": str(target), "counts": counts, "questions_by_type": by_type}, indent=2)
        )
        return
    console.print(f"[bold green]OK[/] {escape(str(target))} — {escape(catalog.company.name)}")
    table = Table(show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, n in counts.items():
        table.add_row(name, str(n))
    for name, n in by_type.items():
        table.add_row(f"  questions: {name}", str(n))
    console.print(table)
