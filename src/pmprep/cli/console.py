"""Terminal output shared by the commands: one Rich console, a pager for long output, and a clean way to fail."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import NoReturn

import typer
from rich.console import Console
from rich.pager import Pager

console = Console(highlight=False, soft_wrap=False)
errors = Console(stderr=True, highlight=False)


def fail(message: str, code: int = 1) -> NoReturn:
    errors.print(f"[bold red]Error:[/] {message}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


def on_terminal() -> bool:
    """Whether standard output is a terminal a person reads (not a pipe or a file)."""
    return sys.stdout.isatty()


def fresh_console() -> Console:
    """A console measured now: the width comes from the terminal, or from COLUMNS (80 when neither says)."""
    return Console(highlight=False, soft_wrap=False)


class _LessPager(Pager):
    """$PAGER, else ``less``, with colours kept. ``less -FRX`` quits at once when the text fits on one
    screen and leaves it there; Python's own pager (pydoc) would show the colour codes as text."""

    def show(self, content: str) -> None:
        command = shlex.split(os.environ.get("PAGER", "").strip() or "less")
        if not command or shutil.which(command[0]) is None:
            sys.stdout.write(content)
            return
        env = dict(os.environ)
        env.setdefault("LESS", "FRX")
        try:
            subprocess.run(command, input=content, text=True, env=env, check=False)
        except OSError:
            sys.stdout.write(content)


@contextmanager
def paged(out: Console, wanted: bool) -> Iterator[None]:
    """Send what ``out`` prints inside the block through a pager, when ``wanted`` and both ends are a
    terminal; never when the output is piped or saved."""
    with out.pager(pager=_LessPager(), styles=True) if wanted and _interactive() else nullcontext():
        yield


def _interactive() -> bool:
    # As pydoc decides: a pager needs a person at the keyboard as well as a terminal to draw on.
    return on_terminal() and sys.stdin.isatty()
