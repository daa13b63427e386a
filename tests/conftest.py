from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pmprep.catalog import SHIPPED, Catalog, load_catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(SHIPPED)


@pytest.fixture
def company_folder(tmp_path: Path) -> Path:
    """A copy of the shipped reference content with no questions, primers or strong answers."""
    folder = tmp_path / "acme"
    shutil.copytree(SHIPPED, folder, ignore=shutil.ignore_patterns("questions", "primers", "strong_answers"))
    (folder / "questions").mkdir()
    (folder / "primers").mkdir()
    return folder


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """Rich wraps at 80 columns when not on a terminal; tests read whole lines."""
    from pmprep.cli import console as terminal

    monkeypatch.setattr(terminal.console, "width", 200)
    monkeypatch.setattr(terminal.errors, "width", 200)
