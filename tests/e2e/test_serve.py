"""`pmprep serve` as a user runs it: a real WSGI server, data that survives a restart, a clean stop."""

from __future__ import annotations

import http.client
import json
import re
import socket
import time
import urllib.parse
import urllib.request

from tests.e2e.served import Visitor, start_server

PASSWORD = "a-long-practice-passphrase"


def test_serve_runs_waitress_and_prints_the_address(served):
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", served.url)
    with urllib.request.urlopen(served.url + "/healthz", timeout=30) as response:
        assert response.headers["Server"] == "pmprep"  # waitress's ident, not Django's runserver
        assert json.load(response)["status"] == "ok"
    page = Visitor(served.url).get("/loop/early_in/")
    assert page.status == 200 and "Case-study presentation" in page.text


def test_data_survives_a_restart_and_ctrl_c_stops_cleanly(tmp_path):
    first = start_server(tmp_path)
    assert first.url, first.output
    visitor = Visitor(first.url)
    assert visitor.sign_up("dana", PASSWORD).location == "/accounts/profile/"
    assert "Your track" in visitor.get("/accounts/profile/").text
    assert visitor.post("/accounts/profile/", {"track": "experienced"}).status == 302
    assert first.stop() == 0
    assert "pmprep stopped. Your data is saved." in first.output

    second = start_server(tmp_path)
    try:
        again = Visitor(second.url)
        assert again.log_in("dana", PASSWORD).location == "/"
        assert "You are preparing for the <strong>Experienced</strong> loop" in again.get("/").text
    finally:
        assert second.stop() == 0


def test_a_busy_port_gives_a_clear_message(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        server = start_server(tmp_path, "--port", str(port))
        assert server.process.wait(timeout=30) == 1
    out = "\n".join(server.output)
    assert f"cannot listen on 127.0.0.1:{port}" in out and "Try --port" in out


def test_broken_coach_content_stops_the_start_and_names_the_problem(tmp_path):
    overlay = tmp_path / "content" / "coach" / "questions"
    overlay.mkdir(parents=True)
    (overlay / "mine.yaml").write_text("questions:\n  - id: c-1\n    text: [broken\n", encoding="utf-8")
    server = start_server(tmp_path)
    assert server.process.wait(timeout=30) == 1
    out = "\n".join(server.output)
    assert "the content did not load, so pmprep did not start" in out
    assert "coach/questions/mine.yaml: is not valid YAML" in out


def test_a_bad_database_url_is_refused_with_a_message(tmp_path):
    server = start_server(tmp_path, env={"DATABASE_URL": "mysql://nobody@localhost/db"})
    assert server.process.wait(timeout=30) == 1
    assert "DATABASE_URL uses the scheme 'mysql'" in "\n".join(server.output)


def test_a_bad_trusted_proxy_stops_the_start_and_names_the_variable(tmp_path):
    server = start_server(tmp_path, env={"PMPREP_TRUSTED_PROXY": "proxy.internal"})
    assert server.process.wait(timeout=30) == 1
    assert "PMPREP_TRUSTED_PROXY='proxy.internal' is not an IP address" in "\n".join(server.output)


def test_https_without_a_trusted_proxy_stops_the_start_instead_of_redirecting_forever(tmp_path):
    server = start_server(tmp_path, env={"PMPREP_HTTPS": "1"})
    assert server.process.wait(timeout=30) == 1
    assert "PMPREP_HTTPS=1 needs PMPREP_TRUSTED_PROXY" in "\n".join(server.output)


def test_a_bad_rate_stops_the_start_and_names_the_variable(tmp_path):
    server = start_server(tmp_path, env={"PMPREP_API_RATE": "lots"})
    assert server.process.wait(timeout=30) == 1
    assert "PMPREP_API_RATE='lots' is not a rate" in "\n".join(server.output)


def _status(url: str, host: str, path: str = "/accounts/login/") -> int:
    """The status of a GET sent to this computer's loopback address with another Host header, as a browser on
    another computer of the network would send it (the request never leaves this computer)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": host})
        return connection.getresponse().status
    finally:
        connection.close()


def test_on_every_network_it_warns_prints_the_addresses_and_answers_to_them_only(tmp_path):
    from pmprep.cli.network import host_names, network_addresses

    server = start_server(tmp_path, "--host", "0.0.0.0")
    try:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.url), server.output
        port = urllib.parse.urlsplit(server.url).port
        deadline = time.monotonic() + 30
        while not any(line.startswith("Peer links are built on") for line in server.output):
            assert time.monotonic() < deadline, server.output
            time.sleep(0.1)
        out = "\n".join(server.output)
        assert "Warning: anyone on your network can now reach pmprep's sign-in page" in out
        assert "stop pmprep (Ctrl-C) when your session is done" in out
        addresses = network_addresses()
        for address in addresses:
            assert f"Others on your network open it at: http://{address}:{port}/" in out
        for host in [*addresses, *host_names(), "127.0.0.1", "localhost"]:
            assert _status(server.url, f"{host}:{port}") == 200, host
        # A name of some other site pointed at this computer (DNS rebinding) is refused.
        assert _status(server.url, f"rebound.example:{port}") == 400
    finally:
        assert server.stop() == 0


def test_the_public_url_is_answered_to_and_printed(tmp_path):
    server = start_server(tmp_path, env={"PMPREP_PUBLIC_URL": "http://prep-laptop.example:8000"})
    try:
        port = urllib.parse.urlsplit(server.url).port
        assert _status(server.url, "prep-laptop.example:8000") == 200
        assert _status(server.url, f"rebound.example:{port}") == 400
        deadline = time.monotonic() + 30
        while not any("(PMPREP_PUBLIC_URL)" in line for line in server.output):
            assert time.monotonic() < deadline, server.output
            time.sleep(0.1)
        assert "Peer links and the calendar feed use http://prep-laptop.example:8000 (PMPREP_PUBLIC_URL)." in (
            server.output
        )
    finally:
        assert server.stop() == 0


def test_a_bad_public_url_stops_the_start_and_says_what_to_give(tmp_path):
    server = start_server(tmp_path, env={"PMPREP_PUBLIC_URL": "192.168.1.20:8000/pmprep"})
    assert server.process.wait(timeout=30) == 1
    out = " ".join(" ".join(server.output).split())  # the message wraps at the terminal's width
    assert "PMPREP_PUBLIC_URL='192.168.1.20:8000/pmprep' cannot be used to build links" in out
    assert "http(s)://HOST[:PORT]" in out
