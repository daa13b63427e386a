"""`pmprep outreach`: check a LinkedIn note or email to a PM at the company before sending it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.markup import escape

from pmprep.cli.console import console, fail

VERDICT_STYLE = {"send": "bold green", "revise": "bold yellow", "do not send": "bold red"}
CHANNEL_NAMES = {"linkedin": "a LinkedIn connection note", "email": "an email"}


def _short(text: str) -> str:
    """One line, at most 90 characters."""
    quoted = " ".join(text.split())
    return quoted if len(quoted) <= 90 else quoted[:87] + "…"


def _read_message(file: str) -> tuple[str, str]:
    """The message and a name for it in errors; every bad input stops with one line and exit code 2."""
    if file == "-":
        data, source = sys.stdin.buffer.read(), "standard input"
    else:
        try:
            data = Path(file).read_bytes()
        except OSError as exc:
            fail(f"cannot read {file}: {exc.strerror or exc}", code=2)
        source = file
    try:
        text = data.decode("utf-8-sig")  # a BOM from a Windows editor is not part of the message
    except UnicodeDecodeError as exc:
        fail(f"{source} is not UTF-8 text (bad byte at position {exc.start})", code=2)
    if not text.strip():
        fail(f"{source} is empty: write the message first", code=2)
    return text, source


def outreach(
    file: str = typer.Argument(
        ..., metavar="FILE|-", help="A text file with the message, or - to read standard input."
    ),
    channel: str | None = typer.Option(
        None, "--channel", help="linkedin (a connection note, 300 characters at most) or email; inferred if left out."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
) -> None:
    """Check an outreach message to a PM at the company you prepare for: score, verdict, flagged phrases with reasons, and a rewrite.

    Three grades of the whole note move the score, each quoting your words: how much it shows of their own work,
    how small and concrete the ask is, and whether it is about them or about you. The rewrite keeps your
    specifics (their name, their work, your one question) and leaves placeholders for the rest.
    """
    from pmprep.outreach import Channel, MessageTooLong, check

    if channel is not None and channel.strip().lower() not in {c.value for c in Channel}:
        fail(f"--channel must be linkedin or email, not {channel!r}", code=2)
    message, source = _read_message(file)
    try:
        report = check(message, channel=channel)
    except MessageTooLong as exc:
        fail(f"{source}: {exc}", code=2)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    style = VERDICT_STYLE[report.verdict.value]
    how = "inferred" if report.channel_inferred else "as asked"
    console.print(
        f"[{style}]{report.verdict.label}[/] — {report.score}/100 "
        f"(checked as {CHANNEL_NAMES[report.channel.value]}, {how}; {report.words} words, "
        f"{report.characters} characters)"
    )
    console.print(escape(report.summary))
    for flag in report.problems + report.strengths:
        mark = "[green]✓[/]" if flag.good else "[red]✗[/]"
        quoted = _short(flag.text)
        points = f" ({flag.points:+d})" if flag.points else ""
        console.print(f"  {mark} “{escape(quoted)}” [dim]{escape(flag.kind.label)}{points}[/] — {escape(flag.reason)}")
    if report.signals:
        console.print("[bold]How it reads:[/]")
    for signal in report.signals:
        points = f" ({signal.points:+d})" if signal.points else ""
        quotes = " ".join(f"“{escape(_short(e.text))}”" for e in signal.evidence)
        console.print(
            f"  [cyan]◆[/] {escape(signal.name)}: {escape(signal.label)}{points} — {escape(signal.reason)}"
            + (f" {quotes}" if quotes else "")
        )
    for note in report.notes:
        console.print(f"  [yellow]•[/] {escape(note)}")
    console.print("[bold]Suggested rewrite:[/]")
    for line in report.suggestion.splitlines() or [""]:
        console.print(f"  {escape(line)}")
