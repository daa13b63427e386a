"""The site's navigation: links grouped by what the candidate means to do, and which one is the current page.

One place decides the current item for every URL, so exactly one link is marked: a page matches an item
by its URL's namespace and name ("plans:readiness"), or by its namespace alone ("plans:*"); an exact
match wins over a namespace. "The loop" (bank:loop) and a mock loop (loops:loop) share a URL name, which
is why a name is never matched without its namespace.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString, mark_safe

from pmprep.web.data_version import CSRF_SLOT, with_csrf


@dataclass(frozen=True)
class Item:
    label: str
    url_name: str  # what the link reverses to
    matches: tuple[str, ...]  # "namespace:name" or "namespace:*"


@dataclass(frozen=True)
class Group:
    label: str
    items: tuple[Item, ...]
    folded: bool = False  # on a wide screen, a menu of its own instead of a row of links


PRACTISE = Group(
    "Practise",
    (
        Item("Today", "review:today", ("review:*",)),
        Item("Drill", "practice:answer", ("practice:*",)),
        Item("Mock loops", "loops:index", ("loops:*",)),
    ),
)
PREPARE = Group(
    "Prepare",
    (
        Item("Stories", "stories:index", ("stories:*",)),
        Item("Case decks", "cases:index", ("cases:*",)),
        Item("Portfolio", "week:index", ("week:*",)),
        Item("Outreach", "outreach:index", ("outreach:*",)),
        Item("Plan", "plans:index", ("plans:*",)),
    ),
)
TRACK = Group(
    "Track",
    (
        Item("Progress", "progress:index", ("progress:*",)),
        Item("Readiness", "plans:readiness", ("plans:readiness",)),
        Item("Real rounds", "debrief:index", ("debrief:*", "plans:calibration")),
    ),
    folded=True,  # with Practise and Prepare in full, a row of its own would not fit 1280 px
)
LEARN_ITEMS = (
    Item("Question bank", "bank:questions", ("bank:questions", "bank:question")),
    Item("The loop", "bank:loop_index", ("bank:loop_index", "bank:loop")),
    Item("Primers", "bank:primers", ("bank:primers", "bank:primer")),
)
ACCOUNT_ITEMS = (
    Item("Your track", "accounts:profile", ("accounts:profile",)),
    Item("Your data", "portability:data", ("portability:*", "accounts:delete")),
    Item("Password", "accounts:password_change", ("accounts:password_change",)),
)

SIGNED_IN = (PRACTISE, PREPARE, TRACK, Group("Learn", LEARN_ITEMS, folded=True))
SIGNED_OUT = (Group("Learn", LEARN_ITEMS),)


def current_item(namespace: str, url_name: str, items: tuple[Item, ...]) -> Item | None:
    """The item a page with this namespace and URL name belongs to, if any."""
    exact = f"{namespace}:{url_name}"
    for pattern in (exact, f"{namespace}:*"):
        for item in items:
            if pattern in item.matches:
                return item
    return None


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    current: bool


@dataclass(frozen=True)
class Shown:
    label: str
    links: tuple[Link, ...]
    folded: bool
    current: bool  # holds the current page


def navigation(request: HttpRequest) -> dict[str, object]:
    """Context processor: the navigation as markup (``nav_html``), current link marked. It is the same for
    every request by one visitor to one page, so it is rendered once for each (nav_markup); only the
    log-out form's CSRF input is put in per request."""
    signed_in = request.user.is_authenticated
    match = request.resolver_match
    namespace, url_name = (match.namespace, match.url_name or "") if match else ("", "")
    username = request.user.get_username() if signed_in else ""
    # Signed out, the log-in and sign-up links are marked by the page's view name.
    view_name = "" if signed_in or not match else match.view_name

    def markup() -> SafeString:
        html = nav_markup(signed_in, namespace, url_name, username, view_name, get_script_prefix())
        return with_csrf(html, request) if signed_in else mark_safe(html)  # safe: our template's output

    return {"nav_html": SimpleLazyObject(markup)}


@lru_cache(maxsize=1024)
def nav_markup(signed_in: bool, namespace: str, url_name: str, username: str, view_name: str, prefix: str) -> str:
    """The navigation's markup for one visitor and page (``prefix``, the script prefix, is part of every
    address reversed here, so it is part of the key)."""
    groups = SIGNED_IN if signed_in else SIGNED_OUT
    every = tuple(i for g in groups for i in g.items) + (ACCOUNT_ITEMS if signed_in else ())
    here = current_item(namespace, url_name, every) if namespace or url_name else None

    def shown(group: Group) -> Shown:
        links = tuple(Link(i.label, reverse(i.url_name), i is here) for i in group.items)
        return Shown(group.label, links, group.folded, any(link.current for link in links))

    context = {
        "nav_groups": [shown(g) for g in groups],
        "nav_account": shown(Group("Account", ACCOUNT_ITEMS, folded=True)) if signed_in else None,
        "username": username,
        "view_name": view_name,
        "csrf_input": CSRF_SLOT,
    }
    return str(render_to_string("_nav.html", context))
