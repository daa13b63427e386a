"""Heavy text work runs in worker processes: same results, bounded admission, a time limit."""

from __future__ import annotations

import json
import multiprocessing
import os

import pytest

from pmprep.analysis import AnswerTooLong, analyze
from pmprep.web.text_workers import Busy, TextWorkers, TooSlow, text_workers
from tests.hostile_text import SHAPES

QUESTION = "How would you measure churn for Netflix?"
ANSWER = (
    "First, the goal: fewer members leave. I'd measure monthly voluntary churn by tenure cohort, with "
    "involuntary churn (failed payments) apart, and A/B test a pause option on 5% of members for four weeks."
)


def wait_for(event) -> bool:
    """A job that holds its worker until the test lets it go (the event comes from a Manager)."""
    return event.wait(60)


@pytest.fixture
def manager():
    with multiprocessing.get_context("spawn").Manager() as m:
        yield m


@pytest.fixture
def workers():
    pool = TextWorkers(workers=1, timeout=60)
    yield pool
    pool.close()


def test_a_job_gives_what_the_core_gives(workers):
    assert (
        workers.run(analyze, QUESTION, ANSWER, seconds=120).to_dict()
        == analyze(QUESTION, ANSWER, seconds=120).to_dict()
    )


def test_a_job_runs_in_another_process(workers):
    assert workers.run(os.getpid) != os.getpid()


def test_the_cores_refusal_comes_back_as_it_was_raised(workers):
    with pytest.raises(AnswerTooLong, match="the limit is 200,000"):
        workers.run(analyze, QUESTION, "a" * 200_001)


def test_jobs_beyond_the_running_and_the_waiting_one_are_refused_at_once(workers, manager):
    release = manager.Event()
    running = workers.submit(wait_for, release)
    waiting = workers.submit(wait_for, release)
    with pytest.raises(Busy):
        workers.submit(analyze, QUESTION, ANSWER)
    release.set()
    assert (running.result(), waiting.result()) == (True, True)
    assert workers.run(analyze, QUESTION, ANSWER).level in (1, 2, 3, 4)  # the places are free again


def hold(event, seconds: float) -> bool:
    """A job that keeps its worker for a while, then ends by itself."""
    return event.wait(seconds)


def test_a_signed_in_users_answer_waits_for_a_place_instead_of_being_refused(workers, manager):
    never = manager.Event()
    held = [workers.submit(hold, never, 2), workers.submit(hold, never, 2)]
    with pytest.raises(Busy):
        workers.run(os.getpid)  # an anonymous job is refused at once
    assert workers.run_when_free(os.getpid) != os.getpid()  # this one waited for the first to end
    assert [h.result() for h in held] == [False, False]


def test_a_job_over_the_time_limit_is_stopped_and_its_worker_replaced(manager):
    # A worker's start (a fresh interpreter that warms the analyzer) is not what is timed: on a busy machine
    # it can take more than the one second the stuck job is given.
    workers = TextWorkers(workers=1, timeout=60)
    try:
        first_pid = workers.run(os.getpid)
        workers.timeout = 1
        with pytest.raises(TooSlow):
            workers.run(wait_for, manager.Event())  # never set: it would hold the worker for a minute
        workers.timeout = 60
        assert workers.run(os.getpid) != first_pid
        assert workers.run(analyze, QUESTION, ANSWER).to_dict() == analyze(QUESTION, ANSWER).to_dict()
    finally:
        workers.close()


def test_no_workers_means_inline():
    assert TextWorkers(workers=0, timeout=1).run(os.getpid) == os.getpid()


@pytest.mark.django_db
def test_the_api_answers_a_maximum_size_hostile_answer(client):
    answer = SHAPES["digit-dot run"](200_000)
    response = client.post(
        "/api/analyze", json.dumps({"question": QUESTION, "answer": answer}), content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json() == json.loads(json.dumps(analyze(QUESTION, answer).to_dict()))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, body",
    [
        ("/api/analyze", {"question": QUESTION, "answer": ANSWER}),
        ("/api/classify", {"question": QUESTION}),
        ("/api/outreach", {"message": "Hi Sam, how did you pick the success metric for downloads?"}),
    ],
)
def test_when_every_worker_is_taken_the_api_says_so_plainly(client, manager, path, body):
    shared = text_workers()
    release = manager.Event()
    held = [shared.submit(wait_for, release), shared.submit(wait_for, release)]
    try:
        response = client.post(path, json.dumps(body), content_type="application/json")
    finally:
        release.set()
        assert [h.result() for h in held] == [True, True]
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert response.json() == {"error": "pmprep is busy with other analyses; try again in a few seconds.", "fields": {}}
    assert client.post(path, json.dumps(body), content_type="application/json").status_code == 200
