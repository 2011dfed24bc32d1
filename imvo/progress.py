"""Which page a language's worker is making, and since when: the slow-page watch."""

from __future__ import annotations

import time
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
