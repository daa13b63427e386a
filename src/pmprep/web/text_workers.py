"""Heavy text work for anonymous requests runs in worker processes, never on the request threads.

The JSON APIs analyse up to 200 KB of text for anyone who asks. Done on a request thread, that
work holds Python's interpreter lock, and every other request (a health check, another user's
autosave) waits its turn. Here the work goes to a small pool of worker processes (its own
interpreters, its own CPU), so the server's threads stay free to answer everyone else:

- at most ``PMPREP_TEXT_WORKERS`` jobs run at once (1 by default; 0 runs them inline, as the
  command line does) and as many again may wait, so a burst can never tie up every server
  thread: a job beyond that is refused at once with :class:`Busy`;
- a job that runs longer than ``PMPREP_TEXT_TIMEOUT`` seconds (10 by default) is stopped with its
  worker, which is replaced, and the caller gets :class:`TooSlow`.

Jobs are plain core functions (``pmprep.analysis.analyze``, ``pmprep.outreach.check``…) with
picklable arguments and results; exceptions they raise come back as they were raised.
"""
from __future__ import annotations

import atexit
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.pool import AsyncResult, Pool
from typing import Any, Generic, TypeVar

from django.conf import settings

T = TypeVar("T")


class Busy(Exception):
    """Every worker is busy and the queue is full: try again in a moment."""


class TooSlow(Exception):
    """The job ran past the time limit and was stopped."""


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

    def submit(self, job: Callable[..., T], *args: Any, **kwargs: Any) -> Pending[T]:
        """Start a job, or raise :class:`Busy` at once when every place is taken."""
        if not self._admitted.acquire(blocking=False):
            raise Busy
        try:
            pool = self._current()
            return Pending(self, pool, pool.apply_async(job, args, kwargs))
        except BaseException:
            self._admitted.release()
            raise

    def run(self, job: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``job(*args, **kwargs)``, worked out in a worker process (inline with no workers)."""
        if self.workers == 0:
            return job(*args, **kwargs)
        return self.submit(job, *args, **kwargs).result()

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
    """A submitted job; :meth:`result` waits for it (once) and frees its place."""

    def __init__(self, workers: TextWorkers, pool: Pool, result: AsyncResult):
        self._workers, self._pool, self._result = workers, pool, result

    def result(self) -> T:
        try:
            return self._result.get(self._workers.timeout)
        except multiprocessing.TimeoutError:
            self._workers._replace(self._pool)
            raise TooSlow from None
        finally:
            self._workers._admitted.release()


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
