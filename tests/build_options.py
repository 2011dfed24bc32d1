"""The tests' build options: one moment for every build of the tests (21 November 2025),
handed to the stages as the command line hands them its own (imvo/build/options.py)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

from imvo.build.options import BuildOptions

MOMENT = datetime(2025, 11, 21, tzinfo=UTC)
"""The build's moment in the tests: SOURCE_DATE_EPOCH=1763683200."""

OPTIONS = BuildOptions(built=MOMENT)
"""A build of content/ into site/ with PDFs, no published address and Dutch messages."""


def options(**changes: Any) -> BuildOptions:
    """The tests' options with some changed (site=, pdf=, site_url=, built= ...)."""
    return dataclasses.replace(OPTIONS, **changes)
