"""`pmprep ask`: check a question you mean to ask the interviewer at the end of a round."""

from __future__ import annotations

import json

import typer
from rich.markup import escape

from pmprep.cli.console import console, fail


def ask(
    question: str = typer.Argument(..., metavar="QUESTION", help="The question, in quotes."),
    round_id: str | None = typer.Option(
        None, "--round", metavar="ROUND_ID", help="The round you will ask it in (pay is fine only in the first)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Check a question to ask the interviewer: flags a generic question, one the careers page answers, pay
    after the recruiter screen, asking how you did, and several questions in one, each quoting your words."""
    from pmprep.config import active_catalog
    from pmprep.interview_week import QuestionError, check_question

    catalog = active_catalog()
    if round_id is not None and round_id not in catalog.rounds:
        fail(f"--round: unknown round {round_id!r}; the rounds are {', '.join(catalog.rounds)}", code=2)
    try:
        report = check_question(question, round_id, catalog=catalog)
    except QuestionError as exc:
        fail(f"{exc}", code=2)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    where = f" in {catalog.rounds[round_id].name}" if round_id else ""
    if report.ok:
        console.print(f"[bold green]Ask it[/]{escape(where)}: one question only this interviewer can answer.")
        return
    console.print(f"[bold yellow]Rework it[/]{escape(where)}:")
    for flag in report.flags:
        console.print(
            f"  [red]✗[/] {escape(flag.kind.label.capitalize())}: “{escape(flag.text)}”. {escape(flag.reason)}"
        )
