"""Two saves of one round's scorecard racing each other: the database keeps one, and neither save
sees a 500.

The threads run real requests through the test client, each on its own database connection, in the
worst order a race can take: both find no scorecard yet, then one writes and finishes, then the other
writes. Django's ``execute_wrapper`` holds each thread at those two points, so the order is forced,
not hoped for.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse

from pmprep.web.loops.models import LoopRound, RoundScorecard
from tests.web.conftest import looped

pytestmark = pytest.mark.django_db(transaction=True)
WAIT = 30  # seconds; only reached if the interleaving itself is broken, so the test fails, not hangs
TABLE = RoundScorecard._meta.db_table


@dataclass
class _Thread:
    checked: bool = False
    writing: bool = False
    first: bool = False


class WorstOrder:
    """Both requests look for an existing scorecard before either writes; then one writes and its
    request ends before the other writes."""

    def __init__(self) -> None:
        self.both_checked = threading.Barrier(2, timeout=WAIT)
        self.first_writer = threading.Lock()
        self.first_done = threading.Event()

    def run(self, post) -> object:
        state = _Thread()

        def hold(execute, sql, params, many, context):
            verb = sql.lstrip().split(None, 1)[0].upper()
            if not state.checked and verb == "SELECT" and TABLE in sql:
                result = execute(sql, params, many, context)
                state.checked = True
                self.both_checked.wait()
                return result
            if state.checked and not state.writing and verb in ("BEGIN", "INSERT"):
                state.writing = True
                state.first = self.first_writer.acquire(blocking=False)
                if not state.first:
                    assert self.first_done.wait(WAIT), "the first save never finished"
            return execute(sql, params, many, context)

        try:
            with connection.execute_wrapper(hold):
                return post()
        finally:
            if state.first:
                self.first_done.set()
            connection.close()


def race(*posts) -> list:
    order, results = WorstOrder(), [None] * len(posts)

    def worker(i: int) -> None:
        try:
            results[i] = order.run(posts[i])
        except BaseException as exc:  # reported by the test, not lost in the thread
            results[i] = exc

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(posts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(WAIT * 2)
    return results


def test_two_self_scorecards_saved_at_once_leave_one_and_no_error(alice):
    loop = looped(alice)
    LoopRound.objects.filter(loop=loop, order=1).update(status=LoopRound.DONE)
    target = reverse("loops:scorecard", args=[loop.uid, 1])
    clients = [Client(raise_request_exception=False), Client(raise_request_exception=False)]
    for client in clients:
        client.force_login(alice)

    def save(client: Client, rating: str):
        return lambda: client.post(
            target,
            {
                "rating_job_awareness": rating,
                "recommendation": rating,
                "evidence_job_awareness": f"Rated {rating}: named the role's scope.",
            },
            follow=True,
        )

    results = race(save(clients[0], "2"), save(clients[1], "3"))

    assert [getattr(r, "status_code", r) for r in results] == [200, 200]
    messages = sorted(m.message for r in results for m in r.context["messages"])
    assert messages == [
        "You have already scored this round.",
        "Your scorecard is saved; the committee weighs it with the others.",
    ]
    (card,) = RoundScorecard.objects.filter(loop_round__loop=loop)
    assert (card.source, card.rater) == ("self", "alice")


def test_the_database_refuses_a_second_self_or_automatic_scorecard_for_a_round(alice):
    loop = looped(alice)
    r = loop.rounds.get(order=1)

    def add(source: str, rater: str) -> RoundScorecard:
        return RoundScorecard.objects.create(
            user=alice,
            loop=loop,
            loop_round=r,
            source=source,
            rater=rater,
            ratings={"job_awareness": 3},
            evidence={"job_awareness": "said so"},
            recommendation=3,
        )

    add("self", "alice")
    add("automatic", "pmprep")
    for source, rater in (("self", "alice"), ("automatic", "pmprep")):
        with pytest.raises(IntegrityError), transaction.atomic():
            add(source, rater)
    # Peers are one per link, and a round may have many; referrals belong to the loop.
    add("peer", "Priya")
    add("peer", "Omar")
    RoundScorecard.objects.create(
        user=alice, loop=loop, loop_round=None, source="referral", rater="Sam", recommendation=4
    )
    RoundScorecard.objects.create(
        user=alice, loop=loop, loop_round=None, source="referral", rater="Dana", recommendation=3
    )
    assert sorted(RoundScorecard.objects.values_list("source", flat=True)) == [
        "automatic",
        "peer",
        "peer",
        "referral",
        "referral",
        "self",
    ]


def test_the_migration_keeps_the_first_of_duplicates_the_race_left_behind(alice):
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("loops", "0001_initial")], [("loops", "0003_one_self_scorecard_per_round")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        old = executor.loader.project_state(before).apps
        Loop, Round, Card = (old.get_model("loops", m) for m in ("MockLoop", "LoopRound", "RoundScorecard"))
        loop = Loop.objects.create(user_id=alice.pk, track="early_in")
        r = Round.objects.create(user_id=alice.pk, loop=loop, round_id="ei_recruiter_screen", order=1, minutes=30)
        made = [
            Card.objects.create(
                user_id=alice.pk,
                loop=loop,
                loop_round=r,
                source=source,
                rater=rater,
                ratings={"job_awareness": n},
                evidence={"job_awareness": "x"},
                recommendation=n,
            )
            for source, rater, n in (
                ("self", "alice", 2),
                ("self", "alice", 3),
                ("automatic", "pmprep", 3),
                ("automatic", "pmprep", 4),
                ("peer", "Priya", 3),
                ("peer", "Omar", 1),
            )
        ]
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)
    kept = RoundScorecard.objects.order_by("id").values_list("id", flat=True)
    assert list(kept) == [made[0].pk, made[2].pk, made[4].pk, made[5].pk]
