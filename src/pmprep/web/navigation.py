"""The site's navigation: links grouped by what the candidate means to do, and which one is the current page.

One place decides the current item for every URL, so exactly one link is marked: a page matches an item
by its URL's namespace and name ("plans:readiness"), or by its namespace alone ("plans:*"); an exact
match wins over a namespace. "The loop" (bank:loop) and a mock loop (loops:loop) share a URL name, which
is why a name is never matched without its namespace.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse


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
    """Context processor: the groups to show to this visitor, and the account links, current one marked."""
    signed_in = request.user.is_authenticated
    groups = SIGNED_IN if signed_in else SIGNED_OUT
    every = tuple(i for g in groups for i in g.items) + (ACCOUNT_ITEMS if signed_in else ())
    match = request.resolver_match
    here = current_item(match.namespace, match.url_name or "", every) if match else None

    def shown(group: Group) -> Shown:
        links = tuple(Link(i.label, reverse(i.url_name), i is here) for i in group.items)
        return Shown(group.label, links, group.folded, any(link.current for link in links))

    return {
        "nav_groups": [shown(g) for g in groups],
        "nav_account": shown(Group("Account", ACCOUNT_ITEMS, folded=True)) if signed_in else None,
    }
