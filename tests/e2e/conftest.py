"""A real `pmprep serve` (waitress) in a subprocess, on loopback, with its own data folder."""
from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PMPREP = str(Path(sys.executable).with_name("pmprep"))
STARTUP_SECONDS = 60


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    output: list[str] = field(default_factory=list)

    def stop(self, sig: int = signal.SIGINT) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        code = self.process.wait(timeout=30)
        self.output.extend(self.process.stdout.read().splitlines())
        return code


def start_server(home: Path, *extra: str, env: dict[str, str] | None = None) -> Server:
    """Start `pmprep serve --port 0` and return once it has printed the address it listens on."""
    environ = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "PMPREP_SECRET_KEY"}}
    environ.update({"PMPREP_HOME": str(home), "PYTHONUNBUFFERED": "1"}, **(env or {}))
    process = subprocess.Popen([PMPREP, "serve", "--port", "0", "--no-browser", *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environ)
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        for line in process.stdout:
            lines.put(line.rstrip("\n"))
            if "is running at" in line:
                break
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen: list[str] = []
    while True:
        line = lines.get(timeout=STARTUP_SECONDS)
        if line is None:
            process.wait(timeout=30)
            return Server(process, "", seen + process.stdout.read().splitlines())
        seen.append(line)
        found = re.search(r"is running at (http://\S+/)", line)
        if found:
            return Server(process, found.group(1).rstrip("/"), seen)


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    server = start_server(tmp_path_factory.mktemp("served-home"))
    assert server.url, "\n".join(server.output)
    yield server
    server.stop()
