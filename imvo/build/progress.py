"""Which page a language's worker is making, and since when: the slow-page watch."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import Future, wait
from dataclasses import dataclass, field
from multiprocessing.sharedctypes import RawArray, RawValue
from typing import Any


@dataclass(frozen=True)
class Progress:
    """Which page a language's worker is making, and since when; shared with the parent.

    Made before the workers fork, in shared memory, so that the parent can see a page that
    takes too long even while the worker is stuck inside one regular expression.
    """

    page: Any = field(default_factory=lambda: RawArray("c", 512))
    started: Any = field(default_factory=lambda: RawValue("d", 0.0))
    """time.monotonic() when the page began, 0 between pages."""
    pid: Any = field(default_factory=lambda: RawValue("i", 0))

    def begin(self, uri: str) -> None:
        """The worker begins a page (name.md)."""
        self.page.value = uri.encode("utf-8")[:511]
        self.started.value = time.monotonic()

    def end(self) -> None:
        """The worker is between pages."""
        self.started.value = 0.0

    def current(self) -> str | None:
        """The page the worker is making, if it is inside one."""
        return self.name() if self.started.value else None

    def name(self) -> str:
        """The page the worker began last."""
        return str(self.page.value.decode("utf-8", "replace"))

    def seconds(self) -> float:
        """How long the worker has been on its page (0 between pages)."""
        started = float(self.started.value)
        return time.monotonic() - started if started else 0.0


@dataclass(frozen=True)
class Stuck:
    """A worker the watch stopped: its language, the page it was on, and why (one page took
    too long, or the whole site did)."""

    lang: str
    page: str
    whole_site: bool = False


def watch(
    futures: list[Future[tuple[float, float]]],
    progress: dict[str, Progress],
    most: float,
    deadline: float = float("inf"),
) -> list[Stuck]:
    """Wait for the workers; stop any that spends more than `most` seconds on one page, and
    every one still working at `deadline` (time.monotonic()), and say which."""
    pending = set(futures)
    while pending:
        done, pending = wait(pending, timeout=0.25)
        for future in done:
            # A worker stopped by a signal of its own: the whole build stops, now.
            stopped = future.exception()
            if isinstance(stopped, KeyboardInterrupt):
                raise stopped
        stuck = _too_slow(progress, most)
        if not stuck and pending and time.monotonic() > deadline:
            stuck = _stop_all(progress)
        if stuck:
            return stuck
    return []


def _too_slow(progress: dict[str, Progress], most: float) -> list[Stuck]:
    """Any worker stuck on one page too long; those are stopped."""
    stuck = []
    for lang, record in progress.items():
        if record.seconds() > most and record.pid.value:
            stuck.append(Stuck(lang, record.name()))
            os.kill(record.pid.value, signal.SIGKILL)
            record.end()
    return stuck


def _stop_all(progress: dict[str, Progress]) -> list[Stuck]:
    """When the whole site has taken too long: every worker is stopped, and the pages in
    progress named (or, between pages, the page each began last)."""
    working = {lang: record for lang, record in progress.items() if record.pid.value}
    in_page = {lang: record for lang, record in working.items() if record.current()}
    stuck = [
        Stuck(lang, record.name(), whole_site=True) for lang, record in (in_page or working).items()
    ]
    for record in working.values():
        os.kill(record.pid.value, signal.SIGKILL)
        record.end()
    return stuck
