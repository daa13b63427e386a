"""A real `pmprep serve` in a subprocess, and a scripted visitor that talks to it over HTTP.

Used by the end-to-end tests and by benchmarks/load.py, so both drive the app the same way.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

PMPREP = str(Path(sys.executable).with_name("pmprep"))
STARTUP_SECONDS = 60
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    output: list[str] = field(default_factory=list)  # everything the server printed, kept up to date
    reader: threading.Thread | None = None

    def stop(self, sig: int = signal.SIGINT) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        code = self.process.wait(timeout=30)
        if self.reader is not None:
            self.reader.join(timeout=30)
        return code


def database_for(home: Path) -> str | None:
    """On PostgreSQL runs, one database per data folder (a restart finds the same data)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    import psycopg

    name = "pmprep_e2e_" + hashlib.sha1(str(home).encode()).hexdigest()[:12]
    parts = urllib.parse.urlsplit(url)
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    return parts._replace(path="/" + name).geturl()


def start_server(home: Path, *extra: str, env: dict[str, str] | None = None) -> Server:
    """Start `pmprep serve --port 0` and return once it has printed the address it listens on."""
    environ = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "PMPREP_SECRET_KEY"}}
    environ.update({"PMPREP_HOME": str(home), "PYTHONUNBUFFERED": "1"})
    database = database_for(home)
    if database:
        environ["DATABASE_URL"] = database
    environ.update(env or {})
    process = subprocess.Popen(
        [PMPREP, "serve", "--port", "0", "--no-browser", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=environ,
    )
    lines: queue.Queue[str | None] = queue.Queue()
    output: list[str] = []

    def pump() -> None:
        # Read everything the server prints for as long as it runs: a pipe nobody reads fills up
        # (64 KB of log lines) and then blocks the server's next write, which once hung a test.
        for line in process.stdout:
            output.append(line.rstrip("\n"))
            lines.put(output[-1])
        lines.put(None)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    while True:
        line = lines.get(timeout=STARTUP_SECONDS)
        if line is None:
            process.wait(timeout=30)
            reader.join(timeout=30)
            return Server(process, "", output, reader)
        found = re.search(r"is running at (http://\S+/)", line)
        if found:
            return Server(process, found.group(1).rstrip("/"), output, reader)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    text: str
    seconds: float

    @property
    def location(self) -> str:
        return self.headers.get("location", "")


class Visitor:
    """One user with a browser's cookies and CSRF token, over a keep-alive HTTP connection.

    ``headers`` go with every request (and win over the visitor's own), as a reverse proxy would add
    them; ``source`` is the local address to connect from (any of 127.0.0.0/8), to be another peer.
    """

    def __init__(self, base: str, timeout: float = 60, headers: dict[str, str] | None = None, source: str = ""):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.timeout = timeout
        self.headers = dict(headers or {})
        self.source = source
        self.cookies: dict[str, str] = {}
        self.token = ""
        self.connection: http.client.HTTPConnection | None = None

    def _send(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> Reply:
        headers = {**headers, **self.headers, "Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=self.timeout, source_address=(self.source, 0) if self.source else None
                )
            started = time.perf_counter()
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
            except (ConnectionError, http.client.HTTPException) as exc:
                # The server closed an idle keep-alive connection: open a new one once.
                self.connection.close()
                self.connection = None
                if attempt == 2 or isinstance(exc, ConnectionRefusedError):
                    raise
                continue
            seconds = time.perf_counter() - started
            break
        for raw in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(raw).items():
                self.cookies[name] = morsel.value
        text = data.decode("utf-8", errors="replace")
        found = TOKEN.search(text)
        if found:
            self.token = found.group(1)
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, text, seconds)

    def get(self, path: str) -> Reply:
        return self._send("GET", path, None, {})

    def post(self, path: str, data: dict[str, str], json_reply: bool = False) -> Reply:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.token}).encode()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-CSRFToken": self.token,
            "Referer": f"http://{self.host}:{self.port}{path}",
        }
        if json_reply:
            headers["Accept"] = "application/json"
        return self._send("POST", path, body, headers)

    def post_json(self, path: str, data: object) -> Reply:
        return self._send("POST", path, json.dumps(data).encode(), {"Content-Type": "application/json"})

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    # The steps a candidate takes, shared by the tests and the load benchmark.
    def sign_up(self, username: str, password: str) -> Reply:
        self.get("/accounts/signup/")
        return self.post("/accounts/signup/", {"username": username, "password1": password, "password2": password})

    def log_in(self, username: str, password: str) -> Reply:
        self.get("/accounts/login/")
        return self.post("/accounts/login/", {"username": username, "password": password})
