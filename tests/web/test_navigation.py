"""The site navigation: grouped by intent, and exactly one link marked as the current page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from pmprep.web.navigation import SIGNED_IN, current_item
from tests.web.conftest import looped, practised


def _header(html: str) -> str:
    return html[html.index('<header class="site-header">') : html.index("</header>")]


def _current(html: str) -> list[str]:
    """The labels of the header's links marked aria-current="page"."""
    return re.findall(r'<a href="[^"]*" aria-current="page">([^<]+)</a>', _header(html))


@pytest.fixture
def pages(alice):
    loop = looped(alice)
    attempt = practised(alice, "I led the launch of a budgeting app to 40,000 users.")
    return {
        reverse("review:today"): "Today",
        reverse("practice:answer"): "Drill",
        reverse("practice:attempts"): "Drill",
        reverse("practice:attempt", args=[attempt.pk]): "Drill",
        reverse("loops:index"): "Mock loops",
        reverse("loops:loop", args=[loop.uid]): "Mock loops",
        reverse("loops:committee", args=[loop.uid]): "Mock loops",
        reverse("stories:index"): "Stories",
        reverse("stories:new"): "Stories",
        reverse("cases:index"): "Case decks",
        reverse("outreach:index"): "Outreach",
        reverse("outreach:contacts"): "Outreach",
        reverse("plans:index"): "Plan",
        reverse("plans:readiness"): "Readiness",
        reverse("progress:index"): "Progress",
        reverse("bank:questions"): "Question bank",
        reverse("bank:question", args=["beh-owned-end-to-end-what-to-build"]): "Question bank",
        reverse("bank:loop", args=["early_in"]): "The loop",
        reverse("bank:primers"): "Primers",
        reverse("accounts:profile"): "Your track",
        reverse("portability:data"): "Your data",
        reverse("accounts:delete"): "Your data",
        reverse("accounts:password_change"): "Password",
        reverse("home"): None,
    }


def test_every_page_marks_exactly_its_own_navigation_item(client, alice, pages):
    client.force_login(alice)
    for url, label in pages.items():
        html = client.get(url).content.decode()
        assert _current(html) == ([label] if label else []), url


def test_a_mock_loop_is_not_also_the_loop_reference_page():
    # bank:loop and loops:loop share the URL name "loop": only the namespace tells them apart.
    items = tuple(i for g in SIGNED_IN for i in g.items)
    assert current_item("loops", "loop", items).label == "Mock loops"
    assert current_item("bank", "loop", items).label == "The loop"


def test_the_navigation_is_grouped_by_intent(client, alice):
    client.force_login(alice)
    header = _header(client.get(reverse("home")).content.decode())
    groups = re.findall(r'<span class="nav-label" id="nav-[^"]+">([^<]+)<', header)
    assert groups == ["Practise", "Prepare", "Track", "Learn", "Account"]
    links = re.findall(r"<a href=\"[^\"]*\">([^<]+)</a>", header)
    assert links == [
        "Today", "Drill", "Mock loops",
        "Stories", "Case decks", "Portfolio", "Outreach", "Plan",
        "Progress", "Readiness", "Real rounds",
        "Question bank", "The loop", "Primers",
        "Your track", "Your data", "Password",
    ]  # fmt: skip


def test_a_visitor_sees_the_reference_pages_and_how_to_sign_in(client, db):
    header = _header(client.get(reverse("accounts:login")).content.decode())
    assert "Mock loops" not in header and "Log out" not in header
    assert re.findall(r"<a [^>]*>([^<]+)</a>", header) == [
        "Question bank",
        "The loop",
        "Primers",
        "Log in",
        "Sign up",
    ]
    assert _current(client.get(reverse("bank:primers")).content.decode()) == ["Primers"]


def _logout_token(html: str) -> str:
    return re.search(
        r'action="/accounts/logout/"[^>]*><input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"', html
    )[1]


def test_the_navigation_is_kept_per_visitor_with_a_fresh_csrf_token_each_time(client, alice, bob):
    # The markup is rendered once per visitor and page; the log-out form's token is not part of it.
    client.force_login(alice)
    first, second = (client.get(reverse("stories:index")).content.decode() for _ in range(2))
    assert _header(first).count("alice") == 2 and "bob" not in _header(first)
    assert _logout_token(first) != _logout_token(second)
    assert client.post(reverse("accounts:logout"), {"csrfmiddlewaretoken": _logout_token(second)}).status_code == 302
    client.force_login(bob)
    header = _header(client.get(reverse("stories:index")).content.decode())
    assert "alice" not in header and header.count("bob") == 2


def test_a_username_is_escaped_in_the_navigation(client, db):
    from pmprep.web.accounts.models import User

    client.force_login(User.objects.create_user("<b>eve</b>", password="a long enough passphrase"))
    header = _header(client.get(reverse("home")).content.decode())
    assert "<b>eve</b>" not in header and "&lt;b&gt;eve&lt;/b&gt;" in header
