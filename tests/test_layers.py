"""The architecture's layering, read from the source: the core never imports the web shell or Django, and
no two packages of either half import each other (a cycle means neither can change alone)."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "pmprep"


def _imports(path: Path) -> set[str]:
    """The pmprep modules a file imports, absolute or relative."""
    module = ".".join(path.relative_to(SRC).with_suffix("").parts)
    if path.name == "__init__.py":
        module = module.rsplit(".", 1)[0] + "._"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*module.split(".")[: -node.level], *([base] if base else [])])
            found.add(base)
    return {name for name in found if name == "pmprep" or name.startswith(("pmprep.", "django"))}


def _unit(module: str) -> str:
    """The package a module belongs to for layering: pmprep.web.<app> in the shell, pmprep.<package> in the
    core; a top-level module is its own unit."""
    parts = module.split(".")
    return ".".join(parts[:3] if parts[1:2] == ["web"] else parts[:2])


def _graph(root: Path) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for path in root.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        source = _unit(".".join(path.relative_to(SRC).with_suffix("").parts))
        for name in _imports(path):
            if name.startswith("pmprep") and _unit(name) != source:
                edges[source].add(_unit(name))
    return edges


def _cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle in the graph, as the list of its units, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


SHELLS = ("web", "cli")  # the Django shell and the Typer CLI, which opens the same database through Django


def test_the_core_imports_neither_django_nor_the_web_shell():
    offenders = sorted(
        f"{path.relative_to(SRC)}: {name}"
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] not in SHELLS
        for name in _imports(path)
        if name.startswith(("django", "pmprep.web"))
    )
    assert offenders == []


@pytest.mark.parametrize("half", ["core", "web"])
def test_no_two_packages_import_each_other(half):
    """In the shell the layers run accounts, practice, stories, review, plans, portability (which exports
    everything); a page that shows another app's data reaches down, never up."""
    edges = _graph(PACKAGE)
    edges = {
        a: {b for b in bs if b.startswith("pmprep.web.") == (half == "web")}
        for a, bs in edges.items()
        if a.startswith("pmprep.web.") == (half == "web")
    }
    assert _cycle(edges) is None


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) is None
