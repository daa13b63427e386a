"""The version of a user's data, and values worked out from it cached until it changes.

Pages such as home, progress, the plan and readiness read hundreds of a user's rows and work out the same
figures on every request. :func:`cached` keeps such a value in the process's cache under a key that holds
the user's *data version*: a counter in ``pmprep_data_version`` that database triggers raise on every
insert, update and delete of a row the user owns. Triggers, not Django signals, because they also see bulk
writes (an import, a cascade), the command line and a second process on the same database: whatever
writes, the next read has a new key and works the value out again. The key also holds what the value
depends on besides the rows: the day, the user's company, track and interview date, and the content.

The triggers are (re)made after every ``migrate`` (a ``post_migrate`` handler), so a migration that
rebuilds a table (SQLite drops a table's triggers with it) never leaves it without them. A table joins by
its model's label in :data:`OWNED`; it needs a ``user_id`` column. Drafts are left out on purpose: they are
saved as the user types, and no cached value reads them.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest
from django.template.backends.utils import csrf_input
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString, mark_safe

from pmprep.config import active_catalog

T = TypeVar("T")
TABLE = "pmprep_data_version"
TIMEOUT = 24 * 3600  # a day: the key holds the day anyway
# Where a cached form's CSRF input goes: random for each process, so no text a user types can hold it.
CSRF_SLOT = mark_safe(f"<!--csrf-{secrets.token_hex(16)}-->")  # safe: a template writes it as it is

_SQLITE = """
CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN
    INSERT OR IGNORE INTO {version} (user_id, version) VALUES ({row}.user_id, 0);
    UPDATE {version} SET version = version + 1 WHERE user_id = {row}.user_id;
END
"""
_POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION pmprep_bump_data_version() RETURNS trigger AS $$
DECLARE owner bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN owner := OLD.user_id; ELSE owner := NEW.user_id; END IF;
    INSERT INTO {TABLE} (user_id, version) VALUES (owner, 1)
        ON CONFLICT (user_id) DO UPDATE SET version = {TABLE}.version + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""
_POSTGRES = """
CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION pmprep_bump_data_version()
"""
_EVENTS = {"INSERT": "NEW", "UPDATE": "NEW", "DELETE": "OLD"}


# Every model of rows a user owns, except drafts.
OWNED = (
    "bank.Bookmark",
    "cases.CaseDeck",
    "debrief.RealRound",
    "debrief.RealExchange",
    "interview_week.PortfolioSwap",
    "interview_week.InterviewerName",
    "interview_week.AskedQuestion",
    "loops.MockLoop",
    "loops.LoopRound",
    "loops.RoundScorecard",
    "loops.InformalNote",
    "loops.PeerLink",
    "outreach.Contact",
    "plans.StudyPlan",
    "plans.SelfCheckAnswers",
    "practice.Attempt",
    "practice.ReviewCard",
    "speech.Recording",
    "stories.Story",
)


def trigger_names(table: str, vendor: str | None = None) -> list[str]:
    """The triggers that raise the version for ``table``: one on PostgreSQL, one per event on SQLite."""
    if (vendor or connection.vendor) == "postgresql":
        return [f"pmprep_version_{table}"]
    return [f"pmprep_version_{table}_{event.lower()}" for event in _EVENTS]


def ensure_triggers(using: str = "default", **_: object) -> None:
    """Make every owned table's triggers, replacing any there are (a ``post_migrate`` handler)."""
    from django.apps import apps
    from django.db import connections

    db = connections[using]
    existing = set(db.introspection.table_names())
    if TABLE not in existing:
        return  # migrated only part of the way
    tables = [t for t in (apps.get_model(label)._meta.db_table for label in OWNED) if t in existing]
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            cursor.execute(_POSTGRES_FUNCTION)
        for table in tables:
            names = trigger_names(table, db.vendor)
            if db.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {names[0]} ON {table}")
                cursor.execute(_POSTGRES.format(name=names[0], table=table))
                continue
            for name, (event, row) in zip(names, _EVENTS.items(), strict=True):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
                cursor.execute(_SQLITE.format(name=name, event=event, table=table, version=TABLE, row=row))


def data_version(user) -> int:
    """How many writes ``user``'s rows have seen (0 before the first)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {TABLE} WHERE user_id = %s", [user.pk])
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def user_data_key(user, day: date) -> str:
    """What a value worked out from ``user``'s data depends on: their data version, the day, their company,
    track and interview date, and the content."""
    catalog = active_catalog()
    parts = (user.pk, data_version(user), day.isoformat(), user.company, user.track, user.interview_date)
    return ":".join(str(part) for part in (*parts, catalog.company.id, id(catalog)))


def cached(user, name: str, day: date, compute: Callable[[], T]) -> T:
    """``compute()``, or the value it gave for the same user, data version, day and content."""
    key = f"pmprep:{name}:{user_data_key(user, day)}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, TIMEOUT)
    return found


def data_key(request: HttpRequest) -> dict[str, object]:
    """A context processor: ``user_data_key`` for Django's ``{% cache %}`` tag around form-free markup,
    worked out only by a template that uses it (``{% cache 86400 name user_data_key page.number %}``)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"user_data_key": SimpleLazyObject(lambda: user_data_key(user, timezone.localdate()))}


def cached_html(
    user, name: str, day: date, template: str, context: Callable[[], dict], request: HttpRequest | None = None
) -> SafeString:
    """``template`` rendered with ``context()``, kept like :func:`cached`. A form's CSRF token belongs to one
    browser (the user may have several), so markup with forms is rendered with ``{{ csrf_input }}`` in
    place of ``{% csrf_token %}``, and :func:`with_csrf` puts each response's own token there: given
    ``request``, this does it. A fragment cached inside another is given no request, so that the outer one
    keeps its places for tokens rather than one browser's token."""

    def render() -> str:
        return str(render_to_string(template, {**context(), "csrf_input": CSRF_SLOT}))

    html = cached(user, name, day, render)
    return with_csrf(html, request) if request is not None else mark_safe(html)  # our own template's output


def render_with_csrf(template: str, context: dict, request: HttpRequest) -> SafeString:
    """``template`` rendered at once (not kept), with ``{{ csrf_input }}`` and any cached fragment's places
    for tokens given this response's token."""
    return with_csrf(str(render_to_string(template, {**context, "csrf_input": CSRF_SLOT})), request)


def with_csrf(html: str, request: HttpRequest) -> SafeString:
    """``html`` with this response's CSRF input wherever a cached form has its place for one."""
    return mark_safe(html.replace(CSRF_SLOT, str(csrf_input(request))))  # our own templates' output
