"""Stopping: SIGTERM and SIGHUP end a build as Ctrl-C does, and no worker outlives it.

CI and `timeout` stop a job with SIGTERM, a closed terminal sends SIGHUP. By default either
ends the process on the spot: the temporary build folder stayed behind, and workers whose
parent was gone waited for work for good. Raised as an exception instead, they run the
same clean-up as Ctrl-C: the workers are killed, the temporary folder is removed, the
existing site stays as it was, and the command exits non-zero.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from types import FrameType
from typing import Any

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Interrupted(KeyboardInterrupt):
    """A stop asked for by a signal; `signum` says which."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        super().__init__(signum)
        self.signum = signum


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


@contextmanager
def signals_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise Interrupted (a KeyboardInterrupt).

    Only the main thread can set handlers; elsewhere the block changes nothing. Workers
    forked inside the block inherit the handlers, so a signal sent only to a worker ends
    its task with Interrupted, which its parent sees and stops on.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {signum: signal.signal(signum, _interrupt) for signum in SIGNALS}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


@contextmanager
def worker_pool(
    workers: int,
    context: BaseContext,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers are killed, not waited for, when the block is left by
    an exception (Ctrl-C, SIGTERM, a failure): a stopped build ends at once, all of it.

    `initializer(*initargs)` runs in each worker as it starts (with fork, the arguments are
    inherited, not pickled)."""
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=initializer, initargs=initargs
    )
    try:
        yield pool
    except BaseException:
        stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's worker processes (they hold nothing that needs cleaning up)."""
    # The executor keeps its processes in a private mapping: no public way reaches them.
    processes = dict(getattr(pool, "_processes", None) or {})
    for process in processes.values():
        if process.is_alive():
            process.kill()
    for process in processes.values():
        process.join(timeout=5)


@contextmanager
def held_signals() -> Iterator[None]:
    """Within the block, Ctrl-C, SIGTERM and SIGHUP wait: the swap of the site is never cut
    in half (the old site renamed away, the new one not yet in place)."""
    held = {signal.SIGINT, *SIGNALS}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
