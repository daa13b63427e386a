import pytest

from pmprep.cli import console as terminal


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """Rich wraps at 80 columns when not on a terminal; tests read whole lines."""
    monkeypatch.setattr(terminal.console, "width", 200)
    monkeypatch.setattr(terminal.errors, "width", 200)
