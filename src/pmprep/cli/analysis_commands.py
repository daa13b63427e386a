"""`pmprep analyze` and `pmprep classify`: the analyzer from the terminal."""

from __future__ import annotations

import difflib
import json
import re
import sys
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from pmprep.cli.console import console, fail

# A bank id ("met-churn-voluntary"): lower-case words joined by hyphens, no spaces.
_ID_LIKE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
TYPES_HELP = "a question type of the company's question_types.yaml (shipped: behavioral, product_design, strategy, metrics, technical, estimation, culture)"


def _read_answer(file: Path | None) -> str:
    if file is not None and str(file) != "-":
        try:
            data = file.read_bytes()
        except OSError as exc:
            fail(f"cannot read {file}: {exc.strerror}")
        source = str(file)
    else:
        if sys.stdin.isatty():
            fail(
                "give the answer with --file FILE or on standard input (e.g. `pmprep analyze -q ... < answer.txt`)",
                code=2,
            )
        data = sys.stdin.buffer.read()
        source = "standard input"
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        fail(f"{source} is not UTF-8 text (bad byte at position {exc.start})", code=2)


def analyze(
    question: str = typer.Option(..., "--question", "-q", help="The question text, or a bank question id."),
    file: Path | None = typer.Option(
        None, "--file", "-f", help="A text file with the answer (default: standard input)."
    ),
    question_type: str | None = typer.Option(None, "--type", help=f"Override the question type: {TYPES_HELP}."),
    seconds: float | None = typer.Option(
        None,
        "--seconds",
        help="Time available for the answer, in seconds "
        "(default for a bank question: its round's budget, as in the web app).",
    ),
    track: str = typer.Option(
        "",
        "--track",
        help="Your track, for a bank question asked in rounds of several tracks: "
        "its budget comes from your track's round, as in the web app.",
    ),
    shape: str | None = typer.Option(
        None,
        "--shape",
        help="Override the answer shape detected from the question "
        "(metrics: define_metric, diagnose_change, design_experiment; technical: "
        "explain_how, design_system, debug_incident; product_design: new_product, "
        "improve_existing).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the full feedback as JSON."),
    audio: Path | None = typer.Option(
        None,
        "--audio",
        help="A recording of the answer instead of text (as for `pmprep speech`): its draft transcript is "
        "judged, and delivery is measured from the audio (under spoken in --json).",
    ),
) -> None:
    """Score an answer and explain it: criteria, levels, quoted evidence and advice."""
    from pmprep.analysis import AnswerTooLong
    from pmprep.analysis import analyze as run
    from pmprep.analysis.classify import bank_question
    from pmprep.config import active_catalog

    catalog = active_catalog()
    if track and track not in catalog.tracks:
        fail(f"--track: unknown track '{track}'; expected one of: {', '.join(catalog.tracks)}", code=2)
    stored = bank_question(question, catalog)
    if stored is None and _ID_LIKE.fullmatch(question.strip()):
        close = difflib.get_close_matches(question.strip(), list(catalog.questions), n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else " `pmprep questions` lists the ids."
        fail(
            f"there is no bank question with the id '{question.strip()}'.{hint} "
            "For a question of your own, give its words in quotes.",
            code=2,
        )
    if seconds is None and stored is not None:
        seconds = catalog.answer_seconds(stored.id, track)
    heard = None
    if audio is not None:
        from pmprep.cli.speech_commands import hear_recording, print_delivery

        if file is not None:
            fail("give the answer as --file or as --audio, not both", code=2)
        heard = hear_recording(audio, budget_s=seconds)
        answer = heard.transcript.text
        if not answer.strip():
            fail(f"no words were recognised in {audio}: nothing to judge", code=2)
    else:
        answer = _read_answer(file)
    if not answer.strip():
        fail("the answer is empty: write it in the file or pipe it on standard input", code=2)
    try:
        fb = run(stored or question, answer, question_type=question_type, seconds=seconds, shape=shape)
    except (AnswerTooLong, ValueError) as exc:
        fail(str(exc), code=2)
    if as_json:
        judged = fb.to_dict() if heard is None else {**fb.to_dict(), "spoken": heard.to_dict()}
        typer.echo(json.dumps(judged, indent=2, ensure_ascii=False))
        return
    console.print(f"[bold]{escape(fb.question)}[/]")
    if heard is not None:
        console.print(f"Judged from the draft transcript of {escape(str(audio))}: {escape(answer)}", soft_wrap=True)
    type_name = (
        catalog.question_types[fb.question_type].name
        if fb.question_type in catalog.question_types
        else fb.question_type
    )
    console.print(
        f"Type: {escape(type_name)} · answer shape: {escape(fb.shape_name)} · "
        f"structure to follow: {escape(fb.framework)}"
    )
    console.print(f"[bold]{fb.level_label}[/] — {fb.points}/100. {escape(fb.summary.split('. ', 1)[-1])}")
    for note in fb.notes:
        console.print(f"[yellow]Note:[/] {escape(note)}")
    table = Table(show_lines=True, expand=True)
    table.add_column("criterion", ratio=2)
    table.add_column("level", no_wrap=True)
    table.add_column("your words (evidence)", ratio=3)
    table.add_column("missing → advice", ratio=4)
    for c in fb.criteria:
        quotes = "; ".join(f"“{e.text}” ({e.signal})" for e in c.evidence[:4]) or "—"
        gap = ("; ".join(c.missing) + " → " if c.missing else "") + c.advice
        table.add_row(escape(c.name), f"{c.level}/4", escape(quotes), escape(gap))
    console.print(table)
    for flag in fb.red_flags:
        quoted = "; ".join(f"“{e.text}”" for e in flag.evidence[:3])
        console.print(f"[bold red]Red flag:[/] {escape(flag.name)} {escape(quoted)} — {escape(flag.advice)}")
    if fb.probes:
        console.print("[bold]An interviewer would ask next:[/]")
        for p in fb.probes:
            console.print(f"  • {escape(p.text)}")
    d = fb.delivery
    budget = f" (budget {d.budget_seconds:.0f} s)" if d.budget_seconds else ""
    console.print(
        f"Delivery: {d.words} words, ~{d.speaking_seconds:.0f} s spoken{budget}, {d.fillers} fillers, "
        f"{d.hedges} hedges, {d.average_sentence_words} words per sentence."
    )
    if heard is not None:
        print_delivery(heard)


def classify(
    text: str = typer.Argument(..., help="The question text, or a bank question id."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Say what type of question this is, which competencies it tests, and how sure pmprep is."""
    from pmprep.analysis import classify as run
    from pmprep.config import active_catalog

    c = run(text)
    if as_json:
        typer.echo(json.dumps(c.to_dict(), indent=2))
        return
    where = f"bank question {c.question_id}" if c.source == "bank" else "classified from its wording"
    catalog = active_catalog()
    kind = (
        catalog.question_types[c.question_type].name if c.question_type in catalog.question_types else c.question_type
    )
    tested = ", ".join(catalog.competency_name(x) for x in c.competencies)
    console.print(f"{escape(kind)} (confidence {c.confidence:.2f}; {where}); competencies: {escape(tested)}")
