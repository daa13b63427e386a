from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pmprep.bank import SHIPPED, Catalog, load_catalog


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


def uses_the_database(item: pytest.Item) -> bool:
    """A test that reads or writes the database: Django's marker or fixtures, or a real server (e2e)."""
    return (
        item.get_closest_marker("django_db") is not None
        or bool(
            {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"}
            & set(getattr(item, "fixturenames", ()))
        )
        or "e2e" in Path(str(item.path)).parts
    )


def pytest_collection_modifyitems(config, items):
    # scripts/test's second pass (on PostgreSQL) runs only what touches the database: the rest
    # already ran on SQLite and does not depend on the database in use.
    if os.environ.get("PMPREP_DATABASE_TESTS_ONLY") != "1":
        return
    kept = [item for item in items if uses_the_database(item)]
    config.hook.pytest_deselected(items=[item for item in items if not uses_the_database(item)])
    items[:] = kept


@pytest.fixture(autouse=True)
def empty_cache(request):
    """Each test starts with an empty cache: a rolled-back database reuses ids and data versions, so a value
    cached by an earlier test could otherwise be read as this test's (pmprep.web.data_version)."""
    if not uses_the_database(request.node):
        yield
        return
    from django.core.cache import cache

    cache.clear()
    yield
