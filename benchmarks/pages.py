"""Pages: throughput and p95 of every main page for a user with a year of practice, against /healthz.

    python benchmarks/pages.py [--clients 8] [--seconds 3] [--rounds 3] [--threads 8] [--only bank,question]
                               [--queries] [--profile /questions/?type=metrics [--sort tottime]]

Makes a throw-away data folder holding one signed-in user with a year of history (hundreds of
attempts spread over the year with their review cards, stories, a plan, mock loops, case decks,
contacts, bookmarks), starts one real `pmprep serve` on it, signs the clients in, then for each page
has ``--clients`` threads, each with its own cookies over a keep-alive connection, request it as
fast as the server answers for ``--seconds`` in all, over ``--rounds`` turns of every page (the machine
may be shared: a change in its load then falls on every page alike). Prints each page's requests/s, its ratio to /healthz
(served to the same signed-in clients) and its p50/p95.

``--queries`` also renders each page once in this process (Django's test client on the same
database) and prints its SQL query count and time; ``--profile PATH`` prints the top of a cProfile
of rendering PATH 50 times in this process. Figures only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.e2e.served import Visitor, start_server  # noqa: E402

PASSWORD = "pages-benchmark-passphrase"
USERNAME = "bench"
ATTEMPTS = 400
ANSWERS = (
    "At a 40-person streaming start-up I led the onboarding redesign. Completion was 52%. I interviewed 12 new "
    "members, cut the plan picker to two choices and won over the billing engineer with a prototype. Completion "
    "rose to 61% in three weeks while refunds held. The trade-off was a slower pricing test.",
    "I would start from the member's problem: people abandon the first episode. My hypothesis is that autoplay "
    "previews start too loud, so I would test muting them for 10% of members. Success is a 2% rise in "
    "second-episode starts over two weeks, with churn as the guardrail.",
    "First I would clarify the goal and the segment, then size it: 80 million households, 30% on TV, two hours "
    "a day. I would pick one north-star metric, retention at 30 days, and guard it with support contacts.",
    "The system has three parts: the client player, the CDN edge and the origin. Buffering comes from the "
    "bitrate ladder; I would cache the first segments at the edge and measure start-up time at p95.",
)


@dataclass
class Page:
    name: str
    path: str
    timings: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.timings) / self.seconds if self.seconds else 0.0


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


# ---------------------------------------------------------------- the user's year, made with the models


def setup_django(home: Path) -> None:
    os.environ["PMPREP_HOME"] = str(home)
    os.environ["DJANGO_SETTINGS_MODULE"] = "pmprep.web.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def seed(now: dt.datetime, seed_value: int = 7) -> dict[str, str]:
    """One user with a year of practice; returns the paths of the pages that need an id."""
    from pmprep.analysis import analyze
    from pmprep.config import active_catalog
    from pmprep.plans import generate_plan
    from pmprep.web.accounts.models import User
    from pmprep.web.cases.models import CaseDeck
    from pmprep.web.loops.rounds import start_loop
    from pmprep.web.outreach.models import Contact
    from pmprep.web.plans.evidence import gather
    from pmprep.web.plans.models import SelfCheckAnswers, StudyPlan
    from pmprep.web.practice.models import Attempt
    from pmprep.web.practice.queue import record_attempt
    from pmprep.web.stories.bank import enqueue
    from pmprep.web.stories.models import Story

    catalog = active_catalog()
    rng = random.Random(seed_value)
    today = now.date()
    user = User.objects.create_user(
        USERNAME, password=PASSWORD, track="early_in", interview_date=today + dt.timedelta(days=30)
    )
    mine = [q for q in catalog.questions.values() if "early_in" in q.tracks]
    # Questions come back as people practise: about 150 distinct ones over 400 attempts.
    practised = rng.sample(mine, min(150, len(mine)))
    for i in range(ATTEMPTS):
        q = rng.choice(practised)
        answer = ANSWERS[i % len(ANSWERS)]
        fb = analyze(q.id, answer, seconds=rng.randint(90, 400))
        created = now - dt.timedelta(days=365 * (ATTEMPTS - i) / ATTEMPTS, minutes=rng.randint(0, 600))
        attempt = Attempt.objects.create(
            user=user,
            question_id=q.id,
            question_text=q.text,
            question_type=fb.question_type,
            answer=answer,
            seconds_budget=catalog.answer_seconds(q.id, "early_in"),
            seconds_taken=rng.randint(90, 400),
            score=fb.score,
            level=fb.level,
            feedback=fb.to_dict(),
            created=created,
        )
        record_attempt(attempt)
    for n in range(12):
        story = Story.objects.create(
            user=user,
            title=f"Story {n + 1}: the onboarding redesign",
            situation="At a 40-person streaming start-up, onboarding completion was 52%.",
            task="I owned completion for the quarter.",
            action="I interviewed 12 new members and cut the plan picker to two choices.",
            result="Completion rose to 61% in three weeks while refunds held.",
            reflection="I learned to agree the guardrail first.",
            tags=["growth"],
            created=now - dt.timedelta(days=300 - 20 * n),
        )
        enqueue(story, story.created)
    for days in (200, 90, 10):
        start_loop(user, catalog, "early_in", now - dt.timedelta(days=days))
    cases = [q for q in mine if catalog.in_case_round(q)][:2]
    for q in cases:
        CaseDeck.objects.create(user=user, title=q.text[:100], prompt=q.text, question_id=q.id)
    for n in range(6):
        Contact.objects.create(
            user=user,
            name=f"Contact {n}",
            role="PM, Ads",
            met_on=today - dt.timedelta(days=30 * n),
            question="How do you pick a metric?",
            learned="Retention over sign-ups.",
        )
    plan = generate_plan(
        "early_in",
        today,
        8,
        interview_date=user.interview_date,
        catalog=catalog,
        evidence=gather(user, catalog, today),
    )
    StudyPlan.objects.create(
        user=user, track="early_in", hours_per_week=8, interview_date=user.interview_date, data=plan.to_dict()
    )
    SelfCheckAnswers.objects.create(user=user, goal="PM at Netflix for its culture", industry="Streaming")
    _bookmark(user, practised[:10] + rng.sample(mine, 10), now)
    question = next(q for q in practised if q.type == "metrics")
    return {"question": f"/questions/{question.id}/"}


def _bookmark(user, questions, now: dt.datetime) -> None:
    from pmprep.web.bank.models import Bookmark

    for q in questions:
        Bookmark.objects.get_or_create(user=user, question_id=q.id, defaults={"created": now})


def pages(paths: dict[str, str]) -> list[Page]:
    return [
        Page("healthz", "/healthz"),
        Page("home", "/"),
        Page("bank", "/questions/?type=metrics"),
        Page("question", paths["question"]),
        Page("today", "/practice/today/"),
        Page("attempts", "/practice/attempts/"),
        Page("progress", "/progress/"),
        Page("plan", "/plan/"),
        Page("readiness", "/plan/readiness/"),
        Page("stories", "/stories/"),
        Page("mock loops", "/loops/"),
        Page("cases", "/cases/"),
        Page("outreach", "/outreach/"),
    ]


# ---------------------------------------------------------------- measuring over HTTP


def measure(visitors: list[Visitor], page: Page, seconds: float) -> None:
    """Every visitor requests the page back to back until the time is up."""
    lock = threading.Lock()
    start = threading.Barrier(len(visitors) + 1)

    def client(visitor: Visitor) -> None:
        start.wait()
        deadline = time.perf_counter() + seconds
        mine: list[float] = []
        errors = 0
        while time.perf_counter() < deadline:
            try:
                reply = visitor.get(page.path)
            except OSError:
                errors += 1
                continue
            if reply.status == 200:
                mine.append(reply.seconds)
            else:
                errors += 1
        with lock:
            page.timings.extend(mine)
            page.errors += errors

    threads = [threading.Thread(target=client, args=(v,), daemon=True) for v in visitors]
    for t in threads:
        t.start()
    start.wait()
    began = time.perf_counter()
    for t in threads:
        t.join()
    page.seconds += time.perf_counter() - began


def signed_in(url: str, clients: int) -> list[Visitor]:
    visitors = []
    for _ in range(clients):
        visitor = Visitor(url)
        reply = visitor.log_in(USERNAME, PASSWORD)
        if reply.status != 302:
            raise SystemExit(f"could not log in: HTTP {reply.status} {reply.text[:200]!r}")
        visitors.append(visitor)
    return visitors


def print_pages(measured: list[Page], clients: int, seconds: float) -> None:
    health = measured[0]
    print(f"pmprep pages: {clients} concurrent signed-in clients, {seconds:g} s a page, one `pmprep serve`")
    print(f"  {'page':<11} {'requests':>8} {'errors':>6} {'req/s':>8} {'ratio':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for page in measured:
        ratio = page.rate / health.rate if health.rate else float("nan")
        print(
            f"  {page.name:<11} {len(page.timings):>8} {page.errors:>6} {page.rate:>8.1f} {ratio:>6.2f} "
            f"{_pct(page.timings, 0.5) * 1000:>8.1f} {_pct(page.timings, 0.95) * 1000:>8.1f}"
        )
    print("  (ratio: the page's requests/s over /healthz's, served to the same clients)")


# ---------------------------------------------------------------- in this process: queries and profile


def print_queries(measured: list[Page]) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pmprep.web.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=USERNAME))
    print("in this process (Django's test client), after one warm-up request each:")
    print(f"  {'page':<11} {'queries':>7} {'ms':>8}")
    for page in measured:
        client.get(page.path)
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(page.path)
            ms = (time.perf_counter() - started) * 1000
        print(f"  {page.name:<11} {len(queries):>7} {ms:>8.1f}{'' if response.status_code == 200 else ' !'}")


def print_profile(path: str, repeat: int = 50, sort: str = "cumulative") -> None:
    import cProfile
    import pstats

    from django.test import Client

    from pmprep.web.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=USERNAME))
    client.get(path)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(repeat):
        client.get(path)
    profile.disable()
    print(f"profile of {repeat} renders of {path}:")
    pstats.Stats(profile).sort_stats(sort).print_stats(40)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=3.0, help="how long each page is requested in all")
    parser.add_argument("--rounds", type=int, default=3, help="the pages are measured in turn, this many times")
    parser.add_argument("--threads", type=int, default=8, help="waitress worker threads for the started server")
    parser.add_argument("--only", default="", help="comma-separated page names to measure (healthz always)")
    parser.add_argument("--queries", action="store_true", help="print each page's SQL query count too")
    parser.add_argument("--profile", default="", help="print a cProfile of rendering this path in-process")
    parser.add_argument("--sort", default="cumulative", help="the profile's order: cumulative or tottime")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="pmprep-pages-"))
    setup_django(home)
    started = time.perf_counter()
    from django.utils import timezone

    paths = seed(timezone.now())
    print(f"seeded a year of practice in {time.perf_counter() - started:.1f} s ({home})")
    measured = pages(paths)
    if args.only:
        wanted = {"healthz", *args.only.split(",")}
        measured = [p for p in measured if p.name in wanted]
    if args.queries:
        print_queries(measured)
    if args.profile:
        print_profile(args.profile, sort=args.sort)

    server = start_server(home, "--threads", str(args.threads))
    if not server.url:
        raise SystemExit("pmprep did not start:\n" + "\n".join(server.output))
    try:
        visitors = signed_in(server.url, args.clients)
        for page in measured:  # warm up: templates compiled, content loaded, connections open
            for visitor in visitors:
                visitor.get(page.path)
        # Rounds of every page in turn, so a change in the machine's load (it is shared) falls on every page
        # alike instead of on the pages measured while it lasted.
        for _ in range(args.rounds):
            for page in measured:
                measure(visitors, page, args.seconds / args.rounds)
        for visitor in visitors:
            visitor.close()
    finally:
        server.stop()
    print_pages(measured, args.clients, args.seconds)


if __name__ == "__main__":
    main()
