"""The build's moment: SOURCE_DATE_EPOCH, read in this one place.

Every date a build writes (the sitemap, 'today' on the timeline, a PDF's creation date,
the day check compares dates with) comes from it, so that two builds of the same content
give the same bytes (see reproducible-builds.org).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime


def source_date(epoch: str | None = None) -> datetime | None:
    """The moment of SOURCE_DATE_EPOCH (or of `epoch`), in UTC; None when it is not set or
    not a number of seconds."""
    stamp = epoch if epoch is not None else os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(stamp), UTC) if stamp.isdigit() else None
