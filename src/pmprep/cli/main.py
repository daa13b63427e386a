"""The `pmprep` command line: a thin layer over the same core and database as the web app."""

from __future__ import annotations

import os

import typer

from pmprep import __version__
from pmprep.cli import (
    analysis_commands,
    ask_commands,
    catalog_commands,
    data_commands,
    debrief_commands,
    outreach_commands,
    server,
    speech_commands,
)
from pmprep.config import companies

app = typer.Typer(
    name="pmprep",
    help="Offline practice and preparation for Product Manager interviews (Netflix, or the company you choose with --company).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("serve")(server.serve)
app.command("questions")(catalog_commands.questions)
app.command("loop")(catalog_commands.loop)
app.command("analyze")(analysis_commands.analyze)
app.command("classify")(analysis_commands.classify)
app.command("speech")(speech_commands.speech)
app.command("debrief")(debrief_commands.debrief)
app.command("outreach")(outreach_commands.outreach)
app.command("ask")(ask_commands.ask)
app.command("export")(data_commands.export)
app.command("import")(data_commands.import_)
app.command("backup")(data_commands.backup)
app.command("password")(data_commands.password)
content = typer.Typer(help="Validate content folders (questions, rounds, primers).", no_args_is_help=True)
content.command("check")(catalog_commands.content_check)
app.add_typer(content, name="content")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pmprep {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    company: str = typer.Option(
        "",
        "--company",
        metavar="ID",
        help="The company to work as (default: PMPREP_COMPANY, else netflix): its bank, loop and rounds.",
    ),
) -> None:
    """Offline practice and preparation for Product Manager interviews (Netflix, or the company you choose with --company)."""
    if company:
        known = companies()
        if company not in known:
            typer.echo(f"--company {company!r} is not a company folder; expected one of {', '.join(known)}", err=True)
            raise typer.Exit(2)
        # The whole command serves it, and so do the server's threads and workers (`serve`): for as long
        # as the command runs.
        before = os.environ.get("PMPREP_COMPANY")
        os.environ["PMPREP_COMPANY"] = company
        ctx.call_on_close(
            lambda: (
                os.environ.pop("PMPREP_COMPANY") if before is None else os.environ.__setitem__("PMPREP_COMPANY", before)
            )
        )


if __name__ == "__main__":  # pragma: no cover
    app()
