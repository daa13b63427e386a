"""Heavy text work for anonymous requests runs in worker processes, never on the request threads.

The JSON APIs analyse up to 200 KB of text for anyone who asks, and a practice answer can be as long. Done on a request thread, that
work holds Python's interpreter lock, and every other request (a health check, another user's
autosave) waits its turn. Here the work goes to a small pool of worker processes (its own
interpreters, its own CPU), so the server's threads stay free to answer everyone else:

- at most ``PMPREP_TEXT_WORKERS`` jobs run at once (1 by default; 0 runs them inline, as the
  command line does) and as many again may wait, so a burst can never tie up every server
  thread: an anonymous job beyond that is refused at once with :class:`Busy`, a signed-in user's
  own answer waits its turn (up to the time limit);
- a job that runs longer than ``PMPREP_TEXT_TIMEOUT`` seconds (10 by default) is stopped with its
  worker, which is replaced, and the caller gets :class:`TooSlow`.

Jobs are plain core functions (``pmprep.analysis.analyze``, ``pmprep.outreach.check``…) with
picklable arguments and results; exceptions they raise come back as they were raised.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections.abc import Callable
from multiprocessing.pool import AsyncResult, Pool
from typing import Any, Generic, TypeVar

from django.conf import settings

from pmprep.config import company, using_company

T = TypeVar("T")


class TextWorkError(Exception):
    """The job could not be worked out; the message says why, in words for the user."""


class Busy(TextWorkError):
    def __init__(self) -> None:
        super().__init__("pmprep is busy with other analyses; try again in a few seconds.")


class TooSlow(TextWorkError):
    def __init__(self) -> None:
        super().__init__("The analysis took too long and was stopped; send a shorter text.")


# The settings that say which company folders there are and which one is the default.
COMPANY_SETTINGS = ("PMPREP_CONTENT", "PMPREP_COMPANY")


def _served() -> tuple[str, tuple[str, ...]]:
    return company(), tuple(os.environ.get(name, "") for name in COMPANY_SETTINGS)


def _as_company(served: tuple[str, tuple[str, ...]], job: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``job`` as its caller would run it: with the caller's company folders and company (a worker started
    before they were set does not know them)."""
    company_id, settings_then = served
    for name, value in zip(COMPANY_SETTINGS, settings_then, strict=True):
        if os.environ.get(name, "") != value:
            if value:
                os.environ[name] = value
            else:
                os.environ.pop(name, None)
    with using_company(company_id):
        return job(*args, **kwargs)


def _warm() -> None:
    # Load the analyzer's content once per worker, before the first real job arrives.
    from pmprep.analysis import analyze

    analyze("Warm-up", "A first answer loads the rubrics.")


class TextWorkers:
    """A process pool with a bounded number of admitted jobs and a time limit per job."""

    def __init__(self, workers: int, timeout: float):
        self.workers = workers
        self.timeout = timeout
        self._admitted = threading.BoundedSemaphore(max(1, 2 * workers))
        self._lock = threading.Lock()
        self._pool: Pool | None = None

    def _current(self) -> Pool:
        with self._lock:
            if self._pool is None:
                # "spawn": a fresh interpreter that imports only the core, not the server's threads.
                context = multiprocessing.get_context("spawn")
                self._pool = context.Pool(self.workers, initializer=_warm)
            return self._pool

    def start(self) -> None:
        """Start the workers now rather than on the first job (the server calls this at start-up)."""
        if self.workers:
            self._current()

    def submit(self, job: Callable[..., T], *args: Any, _wait: float = 0, **kwargs: Any) -> Pending[T]:
        """Start a job, or raise :class:`Busy` when every place is taken (after ``_wait`` seconds)."""
        admitted = self._admitted.acquire(timeout=_wait) if _wait else self._admitted.acquire(blocking=False)
        if not admitted:
            raise Busy
        pending: Pending[T] = Pending(self)
        try:
            pending.start(self._current(), job, args, kwargs)
        except BaseException:
            pending.free()
            raise
        return pending

    def run(self, job: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``job(*args, **kwargs)``, worked out in a worker process (inline with no workers)."""
        if self.workers == 0:
            return job(*args, **kwargs)
        return self.submit(job, *args, **kwargs).result()

    def run_when_free(self, job: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Like :meth:`run`, but waits up to the time limit for a place: for a signed-in user's own
        answer, which should be judged a moment later rather than refused."""
        if self.workers == 0:
            return job(*args, **kwargs)
        return self.submit(job, *args, _wait=self.timeout, **kwargs).result()

    def _replace(self, pool: Pool) -> None:
        """Stop a pool whose worker overran (and any job it held); the next job starts a new one."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.terminate()

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()
            pool.join()


class Pending(Generic[T]):
    """A submitted job. Its place is freed the moment it ends (or is stopped), whether or not anyone
    has asked for the result yet; :meth:`result` waits for it."""

    def __init__(self, workers: TextWorkers):
        self._workers = workers
        self._freed = False
        self._free_lock = threading.Lock()

    def start(self, pool: Pool, job: Callable[..., T], args: tuple, kwargs: dict) -> None:
        self._pool = pool
        # The worker serves the company the caller serves (the user's choice), whatever its own default.
        self._result: AsyncResult = pool.apply_async(
            _as_company, (_served(), job, *args), kwargs, callback=self._done, error_callback=self._done
        )

    def _done(self, _outcome: object) -> None:
        self.free()

    def free(self) -> None:
        with self._free_lock:
            if not self._freed:
                self._freed = True
                self._workers._admitted.release()

    def result(self) -> T:
        try:
            return self._result.get(self._workers.timeout)
        except multiprocessing.TimeoutError:
            self._workers._replace(self._pool)
            self.free()  # a stopped job never calls back
            raise TooSlow from None


_shared: TextWorkers | None = None
_shared_lock = threading.Lock()


def text_workers() -> TextWorkers:
    """The process's pool, made from the settings on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = TextWorkers(settings.PMPREP_TEXT_WORKERS, settings.PMPREP_TEXT_TIMEOUT)
            # Stop the workers before the interpreter tears down the modules their pool needs.
            atexit.register(_shared.close)
        return _shared


def run(job: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run ``job(*args, **kwargs)`` in the shared pool (see the module's docstring)."""
    return text_workers().run(job, *args, **kwargs)


def run_when_free(job: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """:meth:`TextWorkers.run_when_free` in the shared pool."""
    return text_workers().run_when_free(job, *args, **kwargs)
