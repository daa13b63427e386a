"""The data version: database triggers raise it on every write to a user's rows, and cached values follow it."""

from __future__ import annotations

import pytest
from django.db import connection

from pmprep.web.data_version import OWNED, cached, data_version, ensure_triggers, trigger_names
from pmprep.web.practice.models import Attempt, ReviewCard
from pmprep.web.stories.models import Story

pytestmark = pytest.mark.django_db


def _attempt(user, **fields) -> Attempt:
    defaults = dict(question_text="Why?", question_type="behavioral", answer="Because.", score=10, level=1, feedback={})
    return Attempt.objects.create(user=user, **{**defaults, **fields})


def _triggers() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {row[0] for row in cursor.fetchall()}


def test_every_owned_table_has_its_triggers_after_migrate():
    from django.apps import apps

    wanted = {n for label in OWNED for n in trigger_names(apps.get_model(label)._meta.db_table)}
    assert wanted <= _triggers()
    assert len(wanted) == len(OWNED) * (1 if connection.vendor == "postgresql" else 3)


def test_inserts_updates_and_deletes_raise_only_the_owners_version(alice, bob):
    assert data_version(alice) == 0
    attempt = _attempt(alice)
    assert (data_version(alice), data_version(bob)) == (1, 0)
    Attempt.objects.filter(pk=attempt.pk).update(score=20)  # a bulk update: no signal, still counted
    attempt.refresh_from_db()
    attempt.delete()
    assert (data_version(alice), data_version(bob)) == (3, 0)


def test_bulk_writes_count_once_a_row(alice):
    Story.objects.bulk_create([Story(user=alice, title=f"Story {i}") for i in range(3)])
    assert data_version(alice) == 3
    Story.objects.filter(user=alice).delete()
    assert data_version(alice) == 6


def test_ensure_triggers_can_run_again_without_doubling_the_count(alice):
    ensure_triggers()
    ReviewCard.objects.create(user=alice, kind="question", key="q", card={}, due="2026-12-04T10:00:00Z")
    assert data_version(alice) == 1


def test_a_cached_value_is_worked_out_again_after_a_write(alice):
    from datetime import date

    calls = []

    def compute():
        calls.append(1)
        return Attempt.objects.filter(user=alice).count()

    day = date(2026, 12, 4)
    assert cached(alice, "count", day, compute) == 0
    assert cached(alice, "count", day, compute) == 0
    assert len(calls) == 1
    _attempt(alice)
    assert cached(alice, "count", day, compute) == 1
    assert cached(alice, "count", date(2026, 12, 5), compute) == 1  # a new day: worked out again
    assert len(calls) == 3
