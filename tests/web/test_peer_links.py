"""Links handed to someone else (a peer's round, the calendar feed) work from their computer: built on
PMPREP_PUBLIC_URL when it is set, else on the host the browser came in on, with a copy button beside them."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from pmprep.web.links import absolute_url, local_only
from pmprep.web.loops.models import PeerLink
from pmprep.web.plans.models import StudyPlan
from tests.web.conftest import looped

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_page(client, alice):
    """The candidate's round page, after making one peer link: (loop, link, the page's HTML) for a host."""
    client.force_login(alice)
    loop = looped(alice)

    def page(host: str = "testserver") -> tuple[PeerLink, str]:
        client.post(reverse("loops:create_link", args=[loop.uid, 1]), {"hours": "24"}, HTTP_HOST=host)
        link = PeerLink.objects.latest("created")
        html = client.get(reverse("loops:round", args=[loop.uid, 1]), HTTP_HOST=host).content.decode()
        return link, html

    return page


def _shown_link(html: str, link: PeerLink) -> str:
    return re.search(rf'<input id="link-{link.uid}" class="link-url" type="text" readonly value="([^"]+)">', html)[1]


def test_without_a_public_url_the_link_uses_the_host_the_browser_came_in_on(round_page, settings):
    settings.PMPREP_PUBLIC_URL = None
    settings.ALLOWED_HOSTS = ["testserver", "192.168.1.20"]
    link, html = round_page("192.168.1.20:8000")
    assert _shown_link(html, link) == f"http://192.168.1.20:8000/peer/{link.token}/"
    assert "open on this computer only" not in html


def test_a_public_url_is_what_the_peer_link_is_built_on(round_page, settings):
    settings.PMPREP_PUBLIC_URL = "http://192.168.1.20:8000"
    link, html = round_page("127.0.0.1:8000")
    assert _shown_link(html, link) == f"http://192.168.1.20:8000/peer/{link.token}/"
    assert "open on this computer only" not in html


def test_a_link_on_this_computers_own_address_says_how_to_share_it(round_page, settings):
    settings.PMPREP_PUBLIC_URL = None
    link, html = round_page("127.0.0.1:8000")
    assert _shown_link(html, link) == f"http://127.0.0.1:8000/peer/{link.token}/"
    assert "so they open on this computer only" in html
    assert "<code>pmprep serve --host 0.0.0.0</code>" in html and "<code>PMPREP_PUBLIC_URL</code>" in html


def test_the_copy_button_waits_for_its_script_and_reports_in_a_live_region(round_page):
    link, html = round_page()
    assert (
        f'<span data-copy-holder hidden><button type="button" class="button small secondary" data-copy="link-{link.uid}">'
        "Copy link</button> "
        f'<span class="small" role="status" aria-live="polite" data-copy-status="link-{link.uid}"></span></span>'
    ) in html
    assert re.search(r'<script src="/static/pmprep/copy\.js" defer></script>', html)
    assert "onclick" not in html  # the policy allows no inline script


def test_the_copy_script_is_served_by_pmprep(client):
    response = client.get("/static/pmprep/copy.js")
    assert response.status_code == 200
    assert b"navigator.clipboard" in b"".join(response.streaming_content)


def test_the_calendar_feed_address_is_built_on_the_public_url(client, alice, settings):
    settings.PMPREP_PUBLIC_URL = "https://prep.example.org"
    client.force_login(alice)
    client.post(reverse("plans:generate"), {"track": "early_in", "hours_per_week": "8"})
    client.post(reverse("plans:feed_switch"), {"action": "new"})
    token = StudyPlan.objects.get().feed_token
    html = client.get(reverse("plans:index")).content.decode()
    assert f'value="https://prep.example.org{reverse("plans:feed", args=[token])}"' in html


def test_absolute_url_prefers_the_public_url(rf, settings):
    request = rf.get("/", HTTP_HOST="127.0.0.1:8000")
    settings.PMPREP_PUBLIC_URL = None
    assert absolute_url(request, "/peer/x/") == "http://127.0.0.1:8000/peer/x/"
    settings.PMPREP_PUBLIC_URL = "http://[fe80::1]:8000"
    assert absolute_url(request, "/peer/x/") == "http://[fe80::1]:8000/peer/x/"


@pytest.mark.parametrize(
    "url, local",
    [
        ("http://127.0.0.1:8000/", True),
        ("http://127.3.4.5/", True),
        ("http://localhost:8000/", True),
        ("http://[::1]:8000/", True),
        ("http://192.168.1.20:8000/", False),
        ("http://laptop.local:8000/", False),
        ("https://prep.example.org/", False),
    ],
)
def test_local_only(url, local):
    assert local_only(url) is local
