"""Write docs/cli.md, the command-line reference, from each command's --help.

    python scripts/cli_reference.py [--write]

Runs ``pmprep [COMMAND ...] --help`` for every command and sub-command of the Typer app through Typer's
testing CliRunner, on a fixed 100-column terminal without colour, so the page is the same on every
machine. Prints the page; ``--write`` saves it to docs/cli.md. tests/test_docs.py fails when the saved
page differs from what this prints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import typer.rich_utils  # noqa: E402 - after the path, like the pmprep import below
from typer.main import get_command  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from pmprep.cli.main import app  # noqa: E402

TARGET = ROOT / "docs" / "cli.md"
WIDTH = 100

HEADER = """\
# Command-line reference

Every `pmprep` command and what `--help` prints for it. This page is generated from the commands'
own help by `scripts/cli_reference.py`: do not edit it by hand. After changing a command, run
`python scripts/cli_reference.py --write` (the test suite fails while this page is out of date).
"""


def command_paths() -> list[tuple[str, ...]]:
    """Every command and sub-command of the app, as the words after ``pmprep``: () is pmprep itself."""
    paths: list[tuple[str, ...]] = []

    def walk(command, path: tuple[str, ...]) -> None:
        paths.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            if not sub.hidden:
                walk(sub, (*path, name))

    walk(get_command(app), ())
    return paths


def help_text(path: tuple[str, ...]) -> str:
    """What ``pmprep PATH --help`` prints on a 100-column terminal without colour."""
    # Typer reads its terminal settings once, from the environment, when it is imported: set them for
    # this run only, and put them back, so the page depends on neither the terminal nor FORCE_COLOR.
    fixed = {"MAX_WIDTH": WIDTH, "FORCE_TERMINAL": False, "COLOR_SYSTEM": None}
    saved = {name: getattr(typer.rich_utils, name) for name in fixed}
    try:
        for name, value in fixed.items():
            setattr(typer.rich_utils, name, value)
        result = CliRunner().invoke(
            app, [*path, "--help"], env={"COLUMNS": str(WIDTH), "NO_COLOR": "1"}, catch_exceptions=False
        )
    finally:
        for name, value in saved.items():
            setattr(typer.rich_utils, name, value)
    if result.exit_code != 0:
        raise SystemExit(f"pmprep {' '.join(path)} --help exited {result.exit_code}:\n{result.output}")
    lines = [line.rstrip() for line in result.output.splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def reference() -> str:
    """The whole page: a heading and a text block per command, in the app's order."""
    parts = [HEADER]
    for path in command_paths():
        parts.append(f"## `{' '.join(('pmprep', *path))}`\n\n```text\n{help_text(path)}\n```\n")
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"save the page to {TARGET.relative_to(ROOT)}")
    args = parser.parse_args()
    page = reference()
    if args.write:
        TARGET.write_text(page, encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)} ({len(command_paths())} commands)")
    else:
        sys.stdout.write(page)


if __name__ == "__main__":
    main()
