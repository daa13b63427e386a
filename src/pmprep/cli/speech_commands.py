"""`pmprep speech`: a recorded answer heard offline (timed words, pauses, rate, fillers), and the helpers
`pmprep analyze --audio` uses to judge one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from pmprep.cli.console import console, fail

if TYPE_CHECKING:
    from pmprep.speech import SpokenAnswer

FILE_HELP = (
    "A recording: WAV (16 kHz mono or better; other rates and stereo are converted), or WebM, Ogg, MP4/M4A, "
    "MP3 or FLAC when ffmpeg is installed."
)


def hear_recording(file: Path, *, budget_s: float | None = None, stock_model: bool = False) -> SpokenAnswer:
    """The recording heard, or a clean failure that names the file and what was expected."""
    from pmprep.bank import ContentError
    from pmprep.speech import STOCK, AudioError, RecognizerError, transcribe
    from pmprep.speech.recognizer import DOMAIN

    try:
        return transcribe(file, settings=STOCK if stock_model else DOMAIN, budget_s=budget_s)
    except AudioError as exc:
        fail(str(exc), code=2)
    except (RecognizerError, ContentError) as exc:
        fail(str(exc))


def print_delivery(heard: SpokenAnswer) -> None:
    """The delivery figures measured from the audio, in a few lines."""
    d = heard.delivery
    budget = ""
    if d.budget_s:
        over = d.over_budget_s or 0.0
        budget = f" against a budget of {d.budget_s:.0f} s ({'+' if over > 0 else ''}{over:.0f} s)"
    rate = f"{d.wpm:.0f} words a minute" if d.wpm is not None else "no rate (no words heard)"
    console.print(
        f"Spoken delivery: {d.duration_s:.1f} s recorded, {d.speech_s:.1f} s speaking{budget}; {d.words} words, {rate}."
    )
    windows = [f"{w.start:.0f}–{w.end:.0f} s: {w.wpm:.0f}" for w in d.rate_windows if w.wpm is not None]
    if len(windows) > 1:
        console.print(f"  Rate through the answer (words a minute): {'; '.join(windows)}")
    pauses = ", ".join(f"{p.start:.1f}–{p.end:.1f} s" for p in d.long_pauses) or "none"
    console.print(f"  Long pauses (2 s or more): {pauses}")
    fillers = ", ".join(f"“{f.text}” at {f.start:.1f} s" for f in d.fillers) or "none heard"
    console.print(f"  Fillers: {escape(fillers)}")
    for c in d.filler_clusters:
        console.print(f"  Filler cluster: {c.fillers} fillers between {c.start:.1f} and {c.end:.1f} s")
    if d.first_signpost is not None and d.before_signpost_share is not None:
        console.print(
            f"  First signpost: “{escape(d.first_signpost.text)}” at {d.first_signpost.start:.1f} s "
            f"({d.before_signpost_share:.0%} of the speaking time before it)"
        )
    if d.conclusion is not None:
        console.print(f"  Conclusion in the last 15 s: “{escape(d.conclusion.text)}” at {d.conclusion.start:.1f} s")
    for note in d.notes:
        console.print(f"  [dim]{escape(note)}[/]")


def speech(
    file: Path = typer.Argument(..., help=FILE_HELP, show_default=False),
    as_json: bool = typer.Option(
        False,
        "--json",
        help="Print JSON: transcript, words (word, start, end in seconds), pauses (start, end), wpm, fillers, "
        "duration_s, speech_s, and the other delivery figures under delivery.",
    ),
    seconds: float | None = typer.Option(None, "--seconds", help="Time available for the answer, in seconds."),
    stock_model: bool = typer.Option(
        False, "--stock-model", help="Use PocketSphinx's stock English language model instead of pmprep's own."
    ),
) -> None:
    """Hear a recorded answer offline: draft transcript, word timings, long pauses, rate and fillers.

    Nothing leaves the machine: PocketSphinx recognises the words with the English model inside its package
    and pmprep's language model built from its own content. Delivery figures count words, time and pauses;
    they never judge accent or fluency. `pmprep analyze --audio FILE` judges what was said.
    """
    heard = hear_recording(file, budget_s=seconds, stock_model=stock_model)
    if as_json:
        typer.echo(json.dumps(heard.to_dict(), indent=2, ensure_ascii=False))
        return
    console.print(f"[bold]Draft transcript[/] ({escape(heard.engine)}; correct it before it is judged):")
    console.print(escape(heard.transcript.text) if heard.words else "[dim](no words recognised)[/]", soft_wrap=True)
    if heard.words:
        timed = "  ".join(f"{w.word} {w.start:.2f}–{w.end:.2f}" for w in heard.words)
        console.print(f"[bold]Words[/] (start–end, seconds): {escape(timed)}", soft_wrap=True)
    print_delivery(heard)
