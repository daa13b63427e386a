"""Fixtures for the end-to-end tests: a real `pmprep serve` (see served.py)."""
from __future__ import annotations

import pytest

from tests.e2e.served import start_server


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    server = start_server(tmp_path_factory.mktemp("served-home"))
    assert server.url, "\n".join(server.output)
    yield server
    server.stop()
