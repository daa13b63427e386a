"""`pmprep serve` behind a TLS proxy: PMPREP_TRUSTED_PROXY's forwarded headers are believed, nobody else's.

The proxy is played by visitors connecting from 127.0.0.1 with X-Forwarded-Proto/-For; another
peer is a visitor connecting from 127.0.0.2. The addresses in X-Forwarded-For are only header text.
"""

from __future__ import annotations

import pytest

from tests.e2e.served import Visitor, start_server

PASSWORD = "a-long-practice-passphrase"
# A period of 1,000 days: a counting window cannot end in the middle of a test.
LIMITS = {"PMPREP_API_RATE": "2/1000d", "PMPREP_LOGIN_FAILURE_LIMIT": "2"}
QUESTION = {"question": "How would you measure the success of downloads?"}


def _server(tmp_path_factory, name: str, env: dict[str, str]):
    server = start_server(tmp_path_factory.mktemp(name), env={**LIMITS, **env})
    assert server.url, "\n".join(server.output)
    return server


@pytest.fixture(scope="module")
def tls(tmp_path_factory):
    server = _server(tmp_path_factory, "tls", {"PMPREP_HTTPS": "1", "PMPREP_TRUSTED_PROXY": "127.0.0.1"})
    yield server
    server.stop()


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    server = _server(tmp_path_factory, "plain", {"PMPREP_TRUSTED_PROXY": "127.0.0.1"})
    yield server
    server.stop()


def _client(server, forwarded_for: str = "", proto: str = "https", source: str = "127.0.0.1") -> Visitor:
    where = server.url.removeprefix("http://")
    headers = {"X-Forwarded-Proto": proto, "Referer": f"{proto}://{where}/"}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    return Visitor(server.url, headers=headers, source=source)


def test_https_through_the_trusted_proxy_serves_pages_instead_of_redirecting_forever(tls):
    where = tls.url.removeprefix("http://")
    visitor = _client(tls, "203.0.113.10")
    page = visitor.get("/accounts/login/")
    assert page.status == 200 and "<h1>Log in</h1>" in page.text
    assert page.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
    assert visitor.sign_up("dana", PASSWORD).location == "/accounts/profile/"
    assert "Your track" in visitor.get("/accounts/profile/").text
    # Plain http through the proxy is still sent to https, once.
    plain = _client(tls, "203.0.113.10", proto="http").get("/accounts/login/")
    assert (plain.status, plain.location) == (301, f"https://{where}/accounts/login/")


def test_an_untrusted_peer_cannot_claim_https(tls):
    where = tls.url.removeprefix("http://")
    forged = _client(tls, "203.0.113.11", source="127.0.0.2").get("/accounts/login/")
    assert (forged.status, forged.location) == (301, f"https://{where}/accounts/login/")


def test_clients_behind_the_proxy_are_throttled_and_locked_out_apart(tls):
    first, second = _client(tls, "203.0.113.21"), _client(tls, "203.0.113.22")
    assert [first.post_json("/api/classify", QUESTION).status for _ in range(3)] == [200, 200, 429]
    assert second.post_json("/api/classify", QUESTION).status == 200

    assert _client(tls, "203.0.113.30").sign_up("erin", PASSWORD).status == 302
    attacker, owner = _client(tls, "203.0.113.31"), _client(tls, "203.0.113.32")
    assert attacker.log_in("erin", "not the password").status == 200
    assert attacker.log_in("erin", "not the password").status == 429
    assert attacker.log_in("erin", PASSWORD).status == 429
    assert owner.log_in("erin", PASSWORD).location == "/"


def test_an_untrusted_peers_forwarded_for_is_ignored(plain):
    first = _client(plain, "203.0.113.41", proto="http", source="127.0.0.2")
    second = _client(plain, "203.0.113.42", proto="http", source="127.0.0.2")
    assert [first.post_json("/api/classify", QUESTION).status for _ in range(2)] == [200, 200]
    refused = second.post_json("/api/classify", QUESTION)
    assert refused.status == 429 and 1 <= int(refused.headers["retry-after"]) <= 86_400_000
    # The proxy's own clients still have their own counts.
    assert _client(plain, "203.0.113.43", proto="http").post_json("/api/classify", QUESTION).status == 200
