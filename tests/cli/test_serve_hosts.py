"""`pmprep serve --host`: which host names pmprep answers to, and what it tells the user when others can reach it.
(The server itself runs in tests/e2e/test_serve.py.)"""

from __future__ import annotations

import pytest

from pmprep.cli.network import host_names, network_addresses
from pmprep.cli.server import _allowed_hosts, _shared_lines


@pytest.fixture(autouse=True)
def no_hosts_setting(monkeypatch):
    monkeypatch.delenv("PMPREP_ALLOWED_HOSTS", raising=False)


def test_on_this_computer_only_the_setting_is_left_alone():
    assert _allowed_hosts("127.0.0.1", [], []) is None
    assert _allowed_hosts("localhost", [], []) is None


def test_on_every_network_pmprep_answers_to_this_computers_addresses_and_names_only():
    assert _allowed_hosts("0.0.0.0", ["192.168.1.20"], ["laptop", "laptop.local"]) == (
        "127.0.0.1,localhost,[::1],192.168.1.20,laptop,laptop.local"
    )
    assert "*" not in _allowed_hosts("::", [], [])


def test_a_hosts_setting_of_the_users_own_is_kept_on_every_network(monkeypatch):
    monkeypatch.setenv("PMPREP_ALLOWED_HOSTS", "prep.example.org")
    assert _allowed_hosts("0.0.0.0", ["192.168.1.20"], ["laptop"]) is None


def test_one_chosen_address_is_added_to_the_hosts():
    assert _allowed_hosts("192.168.1.20", [], []) == "127.0.0.1,localhost,[::1],192.168.1.20"
    assert _allowed_hosts("fe80::1", [], []) == "127.0.0.1,localhost,[::1],[fe80::1]"


def test_on_every_network_it_warns_and_prints_the_addresses_to_use():
    assert _shared_lines("0.0.0.0", 8000, ["10.0.0.5", "192.168.1.20"], None) == [
        "Warning: anyone on your network can now reach pmprep's sign-in page, and make an account. Give every "
        "account a strong password, and stop pmprep (Ctrl-C) when your session is done.",
        "Others on your network open it at: http://10.0.0.5:8000/",
        "Others on your network open it at: http://192.168.1.20:8000/",
        "Peer links are built on the address your browser opened pmprep at. For links that work on another "
        "computer when you open pmprep here, start it with PMPREP_PUBLIC_URL=http://10.0.0.5:8000",
    ]


def test_with_a_public_url_it_does_not_suggest_one():
    lines = _shared_lines("0.0.0.0", 8000, ["192.168.1.20"], "http://192.168.1.20:8000")
    assert not any("PMPREP_PUBLIC_URL=" in line for line in lines)


def test_without_a_known_address_it_says_how_to_find_one():
    lines = _shared_lines("0.0.0.0", 8000, [], None)
    assert "pmprep found no network address of this computer" in lines[1]
    assert lines[-1].endswith("PMPREP_PUBLIC_URL=http://YOUR-ADDRESS:8000")


def test_the_network_addresses_leave_out_loopback_and_link_local():
    for address in network_addresses():
        assert not address.startswith(("127.", "169.254.")), address
    assert all(name == name.lower() and name != "localhost" for name in host_names())
