"""A company folder's copy of one of the outreach checker's content files, for the tests of its loader.

Each test changes the shipped file's data, writes it to ``acme/`` and reads back the problems the loader
finds, so that both files' tests name a problem the same way: ``acme/<file>`` › entry › field.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from pmprep.bank import ContentError, Problem


def shipped(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write(tmp_path: Path, name: str, data: Any) -> Path:
    """``data`` (YAML's, or the file's text) as ``acme/name``."""
    folder = tmp_path / "acme"
    folder.mkdir(exist_ok=True)
    path = folder / name
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def problems(load: Callable[[Path], object], path: Path) -> list[Problem]:
    """Every problem ``load`` refuses the file at ``path`` for."""
    with pytest.raises(ContentError) as caught:
        load(path)
    return caught.value.problems
