"""`pmprep debrief FILE`: a real interview's transcript split into exchanges, each answer judged."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.markup import escape

from pmprep.cli.console import console, fail
from pmprep.plans.wording import plural

ANSWER_SHOWN = 240  # characters of each answer printed above its feedback (the --json output has it whole)


def _read(file: Path) -> str:
    from pmprep.debrief import MAX_CHARS

    try:
        size = file.stat().st_size
        if size > 4 * MAX_CHARS:  # more bytes than the most characters could take in UTF-8: refused unread
            fail(f"{file}: the file is {size:,} bytes; a transcript may have up to {MAX_CHARS:,} characters", code=2)
        data = file.read_bytes()
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror}", code=2)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        fail(f"{file}: not UTF-8 text (bad byte at position {exc.start})", code=2)


def debrief(
    file: Path = typer.Argument(..., help="A transcript: plain 'Name: words' lines, WebVTT (.vtt) or SRT (.srt)."),
    as_json: bool = typer.Option(
        False, "--json", help='Print {"exchanges": [{"question", "answer", "feedback"}]} as JSON.'
    ),
    candidate: str | None = typer.Option(
        None,
        "--candidate",
        help="Which speaker is you (default: a speaker labelled Me, I, Candidate or You; else the one who is not "
        "labelled Interviewer; else the one with more words).",
    ),
) -> None:
    """Split a real interview's transcript into the interviewer's questions and your answers, and judge each."""
    from pmprep.debrief import TranscriptError
    from pmprep.debrief import debrief as run

    text = _read(file)
    try:
        result = run(text, candidate=candidate)
    except TranscriptError as exc:
        fail(f"{file}: {exc}", code=2)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    t = result.transcript
    if t is not None:
        console.print(
            f"{len(result.exchanges)} exchanges between {escape(t.interviewer)} (interviewer) and "
            f"{escape(t.candidate)} (you), read as {t.format}.",
            soft_wrap=True,
        )
    for n, e in enumerate(result.exchanges, 1):
        fb = e.feedback
        console.rule(f"[bold]{n}[/] · line {e.line}")
        console.print(f"[bold]Q:[/] {escape(e.question)}", soft_wrap=True)
        shown = e.answer if len(e.answer) <= ANSWER_SHOWN else e.answer[: ANSWER_SHOWN - 1] + "…"
        console.print(f"[bold]A:[/] {escape(shown)}", soft_wrap=True)
        console.print(
            f"[bold]{fb.level_label}[/] — {fb.points}/100 · {escape(fb.question_type)} · {escape(fb.framework)}"
        )
        for c in fb.criteria:
            mark = "  " if c.level >= 3 else "▼ "
            console.print(f"  {mark}{escape(c.name)}: {c.level}/4", soft_wrap=True)
        for gap in fb.gaps:
            console.print(f"  Next time: {escape(gap.advice)}", soft_wrap=True)
        for flag in fb.red_flags:
            console.print(f"  [bold red]Red flag:[/] {escape(flag.name)} — {escape(flag.advice)}", soft_wrap=True)
        r = e.rambling
        fillers = ", ".join(f"“{f}”" for f in e.fillers) or "none"
        verdict = "runs long" if r.too_long else "wanders" if r.wandering else "to the point"
        console.print(
            f"  {plural(r.words, 'word')}, {plural(r.points, 'point')} ({r.words_per_point:g} words a point): {verdict}. "
            f"Fillers: {escape(fillers)}.",
            soft_wrap=True,
        )
