"""Settings read from the environment: a bad value is refused with a message naming the variable."""

from __future__ import annotations

import pytest

from pmprep.config import ConfigError, TrustedProxy, env_rate, public_host, public_url, trusted_proxy

FORWARDED = frozenset({"x-forwarded-for", "x-forwarded-proto"})


@pytest.fixture(autouse=True)
def clean(monkeypatch):
    for name in (
        "PMPREP_TRUSTED_PROXY",
        "PMPREP_TRUSTED_PROXY_HEADERS",
        "PMPREP_TRUSTED_PROXY_COUNT",
        "PMPREP_X_RATE",
        "PMPREP_PUBLIC_URL",
    ):
        monkeypatch.delenv(name, raising=False)


def test_no_proxy_by_default():
    assert trusted_proxy() is None


@pytest.mark.parametrize(
    "raw, address",
    [("127.0.0.1", "127.0.0.1"), (" 10.1.2.3 ", "10.1.2.3"), ("[::1]", "::1"), ("0:0::1", "::1"), ("*", "*")],
)
def test_a_proxy_address_trusts_forwarded_for_and_proto_by_default(monkeypatch, raw, address):
    monkeypatch.setenv("PMPREP_TRUSTED_PROXY", raw)
    assert trusted_proxy() == TrustedProxy(address, FORWARDED, 1)
    assert trusted_proxy().forwards_scheme


def test_headers_and_count_can_be_chosen(monkeypatch):
    monkeypatch.setenv("PMPREP_TRUSTED_PROXY", "127.0.0.1")
    monkeypatch.setenv("PMPREP_TRUSTED_PROXY_HEADERS", "Forwarded")
    monkeypatch.setenv("PMPREP_TRUSTED_PROXY_COUNT", "2")
    assert trusted_proxy() == TrustedProxy("127.0.0.1", frozenset({"forwarded"}), 2)
    monkeypatch.setenv("PMPREP_TRUSTED_PROXY_HEADERS", "x-forwarded-for")
    assert not trusted_proxy().forwards_scheme


@pytest.mark.parametrize(
    "env, message",
    [
        (
            {"PMPREP_TRUSTED_PROXY": "proxy.internal"},
            "PMPREP_TRUSTED_PROXY='proxy.internal' is not an IP address; give the one address the proxy connects from "
            "(such as 127.0.0.1), or * when nothing but the proxy can reach pmprep",
        ),
        (
            {"PMPREP_TRUSTED_PROXY": "192.0.2.1,192.0.2.2"},
            "PMPREP_TRUSTED_PROXY='192.0.2.1,192.0.2.2' is not an IP address; give the one address the proxy connects from "
            "(such as 127.0.0.1), or * when nothing but the proxy can reach pmprep",
        ),
        (
            {"PMPREP_TRUSTED_PROXY": "127.0.0.1", "PMPREP_TRUSTED_PROXY_HEADERS": "x-real-ip,x-forwarded-for"},
            "PMPREP_TRUSTED_PROXY_HEADERS='x-real-ip,x-forwarded-for' names x-real-ip; use some of forwarded, "
            "x-forwarded-by, x-forwarded-for, x-forwarded-host, x-forwarded-port, x-forwarded-proto",
        ),
        (
            {"PMPREP_TRUSTED_PROXY": "127.0.0.1", "PMPREP_TRUSTED_PROXY_HEADERS": " , "},
            "PMPREP_TRUSTED_PROXY_HEADERS=' , ' names no header; use some of forwarded, "
            "x-forwarded-by, x-forwarded-for, x-forwarded-host, x-forwarded-port, x-forwarded-proto",
        ),
        (
            {"PMPREP_TRUSTED_PROXY": "127.0.0.1", "PMPREP_TRUSTED_PROXY_HEADERS": "forwarded,x-forwarded-for"},
            "PMPREP_TRUSTED_PROXY_HEADERS can trust either forwarded or the x-forwarded-* headers, not both",
        ),
        (
            {"PMPREP_TRUSTED_PROXY": "127.0.0.1", "PMPREP_TRUSTED_PROXY_COUNT": "0"},
            "PMPREP_TRUSTED_PROXY_COUNT='0' must be at least 1",
        ),
        (
            {"PMPREP_TRUSTED_PROXY_HEADERS": "x-forwarded-for"},
            "PMPREP_TRUSTED_PROXY_HEADERS has no meaning without PMPREP_TRUSTED_PROXY (the proxy's address)",
        ),
        (
            {"PMPREP_TRUSTED_PROXY_COUNT": "2"},
            "PMPREP_TRUSTED_PROXY_COUNT has no meaning without PMPREP_TRUSTED_PROXY (the proxy's address)",
        ),
    ],
)
def test_a_bad_proxy_setting_is_refused(monkeypatch, env, message):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as refused:
        trusted_proxy()
    assert str(refused.value) == message


@pytest.mark.parametrize(
    "raw, rate",
    [
        (None, "30/m"),
        ("", "30/m"),
        ("5/s", "5/s"),
        (" 100/H ", "100/h"),
        ("10/5m", "10/5m"),
        ("2/1000d", "2/1000d"),
        ("off", None),
        ("OFF", None),
    ],
)
def test_rates(monkeypatch, raw, rate):
    if raw is not None:
        monkeypatch.setenv("PMPREP_X_RATE", raw)
    assert env_rate("PMPREP_X_RATE", "30/m") == rate


@pytest.mark.parametrize("raw", ["30", "30/minute", "0/m", "30/0m", "-1/m", "30/m/s", "many"])
def test_a_bad_rate_is_refused(monkeypatch, raw):
    monkeypatch.setenv("PMPREP_X_RATE", raw)
    with pytest.raises(ConfigError) as refused:
        env_rate("PMPREP_X_RATE", "30/m")
    assert str(refused.value) == (
        f"PMPREP_X_RATE={raw!r} is not a rate; use a count per period such as 30/m "
        "(s, m, h or d), 10/5m for 10 per 5 minutes, or off"
    )


def test_no_public_url_by_default():
    assert public_url() is None and public_host(None) is None


@pytest.mark.parametrize(
    "raw, url, host",
    [
        ("http://192.168.1.20:8000", "http://192.168.1.20:8000", "192.168.1.20"),
        (" http://192.168.1.20:8000/ ", "http://192.168.1.20:8000", "192.168.1.20"),
        ("HTTPS://Prep.Example.org", "https://prep.example.org", "prep.example.org"),
        ("http://laptop.local:8000", "http://laptop.local:8000", "laptop.local"),
        ("http://[FE80::1]:8000", "http://[fe80::1]:8000", "[fe80::1]"),
    ],
)
def test_a_public_url_is_kept_as_scheme_host_and_port(monkeypatch, raw, url, host):
    monkeypatch.setenv("PMPREP_PUBLIC_URL", raw)
    assert public_url() == url and public_host(url) == host


@pytest.mark.parametrize(
    "raw, problems",
    [
        ("192.168.1.20:8000", "it must start with http:// or https://"),
        ("ftp://files.example.org", "it must start with http:// or https://"),
        ("http://", "it names no host"),
        ("http://under_score:8000", "'under_score' is not a host name or IP address"),
        ("http://laptop:80000", "its port is not a number from 1 to 65535"),
        ("http://dana:secret@laptop:8000", "it has a user name or password in it"),
        (
            "http://laptop:8000/pmprep/?x=1#top",
            "it has a path (/pmprep/), but pmprep is served at the root of its address; it has a query (?…); "
            "it has a fragment (#…)",
        ),
    ],
)
def test_a_bad_public_url_names_every_problem_and_the_form_to_use(monkeypatch, raw, problems):
    monkeypatch.setenv("PMPREP_PUBLIC_URL", raw)
    with pytest.raises(ConfigError) as caught:
        public_url()
    assert str(caught.value) == (
        f"PMPREP_PUBLIC_URL={raw!r} cannot be used to build links: {problems}. Give the address others open pmprep "
        "at, as http(s)://HOST[:PORT] with nothing after it, e.g. http://192.168.1.20:8000"
    )
