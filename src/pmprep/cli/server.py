"""`pmprep serve`: migrate, load the content, and serve the app with waitress (a real WSGI server)."""

from __future__ import annotations

import os
import signal
import sys
import threading
import webbrowser
from typing import Any

import typer

from pmprep.cli.console import fail
from pmprep.cli.network import host_names, network_addresses


def setup_django() -> None:
    """Configure Django for a command; a bad setting stops here with a clear message."""
    from pmprep.config import ConfigError

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pmprep.web.settings")
    try:
        import django

        django.setup()
    except ConfigError as exc:
        fail(str(exc))


def _can_open_browser() -> bool:
    # Without a display, Python's webbrowser falls back to text browsers that would take over
    # the terminal the server is printing to; only open one where a graphical session exists.
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def _proxy_options(settings) -> dict[str, Any]:
    """waitress's options for PMPREP_TRUSTED_PROXY: only that peer's forwarded headers are applied
    (waitress rewrites REMOTE_ADDR and wsgi.url_scheme from them); anyone else's are dropped."""
    proxy = settings.TRUSTED_PROXY
    if settings.HTTPS and (proxy is None or not proxy.forwards_scheme):
        # waitress speaks plain HTTP, so https reaches pmprep only through a proxy; unless pmprep
        # believes that proxy's X-Forwarded-Proto, every request looks like http and is redirected.
        fail(
            "PMPREP_HTTPS=1 needs PMPREP_TRUSTED_PROXY, the address your HTTPS proxy connects from, "
            "with x-forwarded-proto (or forwarded) among PMPREP_TRUSTED_PROXY_HEADERS; "
            "otherwise every request would be redirected to https again and again."
        )
    if proxy is None:
        return {}
    return {
        "trusted_proxy": proxy.address,
        "trusted_proxy_count": proxy.count,
        "trusted_proxy_headers": set(proxy.headers),
    }


LOOPBACK = ("127.0.0.1", "localhost", "::1")
EVERY_NETWORK = ("0.0.0.0", "::")
DEFAULT_HOSTS = "127.0.0.1,localhost,[::1]"


def _allowed_hosts(host: str, addresses: list[str], names: list[str]) -> str | None:
    """PMPREP_ALLOWED_HOSTS for listening on ``host``, or None to leave the setting as it is.

    Django refuses (400) a request whose Host header it does not know. On every network, pmprep answers to
    this computer's own addresses and names, and nothing else: a page on some other site that points a
    name of its own at this computer (DNS rebinding) is refused. A value the user set is kept as it is.
    PMPREP_PUBLIC_URL's host is added by the settings, whatever this gives.
    """
    given = os.environ.get("PMPREP_ALLOWED_HOSTS")
    if host in LOOPBACK:
        return None
    if host in EVERY_NETWORK:
        if given is not None:
            return None
        return ",".join([DEFAULT_HOSTS, *addresses, *names])
    return f"{given if given is not None else DEFAULT_HOSTS},{_bracketed(host)}"


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _shared_lines(host: str, port: int, addresses: list[str], public_url: str | None) -> list[str]:
    """What to tell someone whose pmprep others on their network can reach: the risk, and the addresses."""
    lines = [
        "Warning: anyone on your network can now reach pmprep's sign-in page, and make an account. Give every "
        "account a strong password, and stop pmprep (Ctrl-C) when your session is done.",
    ]
    if host in EVERY_NETWORK:
        if addresses:
            lines += [f"Others on your network open it at: {_url(a, port)}" for a in addresses]
        else:
            lines.append(
                "pmprep found no network address of this computer: others open it at http://YOUR-ADDRESS:"
                f"{port}/ (see your network settings), with YOUR-ADDRESS in PMPREP_PUBLIC_URL or "
                "PMPREP_ALLOWED_HOSTS so pmprep answers to it."
            )
    if public_url is None:
        if host in EVERY_NETWORK:
            suggestion = f"http://{addresses[0] if addresses else 'YOUR-ADDRESS'}:{port}"
        else:
            suggestion = _url(host, port).rstrip("/")
        lines.append(
            "Peer links are built on the address your browser opened pmprep at. For links that work on another "
            f"computer when you open pmprep here, start it with PMPREP_PUBLIC_URL={suggestion}"
        )
    return lines


def serve(
    host: str = typer.Option(
        "127.0.0.1",
        help="Address to listen on. 0.0.0.0 lets others on your network (a study group, a peer interviewer) "
        "reach pmprep at this computer's address; pmprep prints the addresses and answers to them only.",
    ),
    port: int = typer.Option(8000, min=0, max=65535, help="Port to listen on (0 picks a free one)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open a browser window."),
    threads: int = typer.Option(8, min=1, max=64, help="Worker threads."),
) -> None:
    """Start pmprep: migrate the database, load the content and serve on http://HOST:PORT/.

    Peer links and the calendar feed are built on PMPREP_PUBLIC_URL when it is set (e.g.
    http://192.168.1.20:8000), else on the address the browser opened pmprep at.
    """
    addresses = network_addresses() if host in EVERY_NETWORK else []
    allowed = _allowed_hosts(host, addresses, host_names() if host in EVERY_NETWORK else [])
    if allowed is not None:
        os.environ["PMPREP_ALLOWED_HOSTS"] = allowed
    setup_django()

    from django.conf import settings
    from django.core.management import call_command
    from waitress.server import MultiSocketServer, create_server

    from pmprep.bank import ContentError
    from pmprep.config import active_catalog

    try:
        catalog = active_catalog()
    except ContentError as exc:
        fail(f"the content did not load, so pmprep did not start.\n{exc}")
    call_command("migrate", interactive=False, verbosity=0)

    from pmprep.web.wsgi import application

    try:
        server = create_server(
            application,
            host=host,
            port=port,
            threads=threads,
            ident="pmprep",
            clear_untrusted_proxy_headers=True,
            **_proxy_options(settings),
        )
    except OSError as exc:
        fail(
            f"cannot listen on {host}:{port} ({exc.strerror or exc}). "
            f"Is another pmprep running? Try --port {port + 1 if port else 8001}."
        )
    # A host name with several addresses (localhost as 127.0.0.1 and ::1) gets a server per address.
    if isinstance(server, MultiSocketServer):
        listening = server.effective_listen[0][1]
    else:
        listening = server.effective_port  # type: ignore[attr-defined]  # set in __init__; types-waitress omits it
    url = _url(host, listening)
    db = settings.DATABASES["default"]
    where = (
        db["NAME"] if db["ENGINE"].endswith("sqlite3") else f"{db['ENGINE'].rsplit('.', 1)[-1]} database {db['NAME']}"
    )
    # Plain lines (not Rich): scripts and tests read the address from them, so they must not wrap.
    typer.echo(f"pmprep: {len(catalog.questions)} questions; data in {settings.PMPREP_HOME}; database {where}")
    typer.echo(f"pmprep is running at {url} (press Ctrl-C to stop)")
    if host not in LOOPBACK:
        for line in _shared_lines(host, listening, addresses, settings.PMPREP_PUBLIC_URL):
            typer.echo(line)
    if settings.PMPREP_PUBLIC_URL:
        typer.echo(f"Peer links and the calendar feed use {settings.PMPREP_PUBLIC_URL} (PMPREP_PUBLIC_URL).")
    sys.stdout.flush()
    if not no_browser and _can_open_browser():
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
    # A service manager or `kill` sends SIGTERM: stop as cleanly as on Ctrl-C.
    signal.signal(signal.SIGTERM, _interrupt)
    # A thread waiting for the interpreter lock gets it within a millisecond instead of five, so a
    # page that does heavy work of its own delays a health check or an autosave by little.
    sys.setswitchinterval(0.001)
    from pmprep.web.text_workers import text_workers

    workers = text_workers()
    workers.start()
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        workers.close()
    typer.echo("pmprep stopped. Your data is saved.")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
