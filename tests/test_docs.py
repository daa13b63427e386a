"""The documentation keeps up with the code, as datasette's test_docs.py does: every command is in the
CLI reference (docs/cli.md, generated from --help and kept current), every environment setting pmprep
reads is in the README or docs/, and every kind of file in the company folder is in the content guide."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from pmprep.bank import SHIPPED
from scripts import cli_reference

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "pmprep"
README = ROOT / "README.md"
DOCS = ROOT / "docs"
CLI_REFERENCE = DOCS / "cli.md"
CONTENT_GUIDE = DOCS / "content-guide.md"

# Variables the code reads that are not pmprep's settings, and why.
NOT_SETTINGS = {
    "DISPLAY": "whether a graphical session can open a browser (`serve`)",
    "WAYLAND_DISPLAY": "the same, under Wayland",
    "DJANGO_SETTINGS_MODULE": "set by pmprep itself to its own settings module",
}
# How the code reads the environment: os.environ.get / os.environ[...] / os.getenv, and
# pmprep.config's helpers (env_bool, env_int, env_list, env_rate), which take the variable's name first.
ENV_READERS = {"get", "getenv", "setdefault", "env_bool", "env_int", "env_list", "env_rate"}


def _called_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Attribute):
        if func.attr in ("get", "setdefault") and not _is_environ(func.value):
            return None  # some other mapping's get
        return func.attr
    return func.id if isinstance(func, ast.Name) else None


def _is_environ(node: ast.expr) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "environ") or (
        isinstance(node, ast.Name) and node.id == "environ"
    )


def environment_names() -> dict[str, str]:
    """Every environment variable named by a string in src/pmprep where it is read, with where."""
    found: dict[str, str] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            arg: ast.expr | None = None
            if isinstance(node, ast.Call) and _called_name(node) in ENV_READERS and node.args:
                arg = node.args[0]
            elif isinstance(node, ast.Subscript) and _is_environ(node.value):
                arg = node.slice
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.setdefault(arg.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def documentation() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in [README, *sorted(DOCS.rglob("*.md"))])


def content_kinds() -> list[str]:
    """The kinds of file in the shipped company folder: each YAML file by name, and each folder as
    ``folder/*.ext`` for every extension its files have."""
    kinds = []
    for entry in sorted(SHIPPED.iterdir()):
        if entry.is_dir():
            kinds += [f"{entry.name}/*{ext}" for ext in sorted({p.suffix for p in entry.iterdir() if p.is_file()})]
        elif entry.suffix in (".yaml", ".yml"):
            kinds.append(entry.name)
    return kinds


def test_the_cli_reference_is_generated_from_the_current_help():
    assert CLI_REFERENCE.read_text(encoding="utf-8") == cli_reference.reference(), (
        "docs/cli.md is out of date with the commands' --help: run `python scripts/cli_reference.py --write`"
    )


@pytest.mark.parametrize("path", cli_reference.command_paths(), ids=lambda p: " ".join(("pmprep", *p)))
def test_every_command_has_a_section_in_the_cli_reference(path):
    heading = f"## `{' '.join(('pmprep', *path))}`"
    assert heading in CLI_REFERENCE.read_text(encoding="utf-8").splitlines(), (
        f"{heading} is missing from docs/cli.md: run `python scripts/cli_reference.py --write`"
    )


@pytest.mark.parametrize("path", [p for p in cli_reference.command_paths() if p], ids=" ".join)
def test_every_command_is_in_the_readme(path):
    command = " ".join(("pmprep", *path))
    assert f"`{command}" in README.read_text(encoding="utf-8"), f"{command} is missing from README.md's Terminal list"


def test_the_readme_links_the_cli_reference():
    assert "(docs/cli.md)" in README.read_text(encoding="utf-8")


def test_the_environment_scan_finds_the_settings_it_should():
    # A scan that stopped finding reads would pass the next test vacuously.
    assert {
        "PMPREP_HOME",
        "PMPREP_SECRET_KEY",
        "DATABASE_URL",
        "PMPREP_DEBUG",
        "PMPREP_TEXT_WORKERS",
        "PMPREP_TRUSTED_PROXY_COUNT",
    } <= set(environment_names())


def test_every_environment_setting_is_documented():
    text = documentation()
    missing = [
        f"{name} (read at {where})"
        for name, where in environment_names().items()
        if name not in NOT_SETTINGS and not re.search(rf"\b{re.escape(name)}\b", text)
    ]
    assert not missing, (
        "settings read from the environment but missing from README.md and docs/ "
        f"(document them, or add them to NOT_SETTINGS with the reason): {', '.join(missing)}"
    )


def test_the_content_kinds_are_found():
    kinds = content_kinds()
    assert {"company.yaml", "rubrics.yaml", "questions/*.yaml", "primers/*.md"} <= set(kinds)


@pytest.mark.parametrize("kind", content_kinds())
def test_every_content_file_kind_is_in_the_content_guide(kind):
    assert f"`{kind}`" in CONTENT_GUIDE.read_text(encoding="utf-8"), (
        f"{kind} (in {SHIPPED.relative_to(ROOT)}) is missing from docs/content-guide.md"
    )
