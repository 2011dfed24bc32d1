"""What the history says: the changes a reader cares about, per covenant, newest first."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from imvo.messages.problems import Problem


@dataclass(frozen=True)
class Change:
    """One change a reader cares about, in one commit.

    ``kind`` is one of: ``published`` (the factsheet appeared), ``status``, ``date_added``,
    ``date_changed``, ``date_removed``, ``term``, ``party_added``, ``party_removed``,
    ``role_changed``, ``party_renamed``, ``text_edited``. ``subject`` names what changed (a
    date field, a party id, the text fields); ``old`` and ``new`` are the values as written
    in the content (an ISO date, a status value, a role). ``corrected`` marks a fact that had
    a value and was given another one: a correction, not news.
    """

    commit: str
    day: date
    kind: str
    subject: str = ""
    old: str | None = None
    new: str | None = None
    corrected: bool = False


@dataclass(frozen=True)
class CovenantHistory:
    """The history of one covenant file: its last change and its changes, newest first."""

    last_changed: date | None
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class History:
    """The history of all covenants, or why there is none."""

    covenants: dict[str, CovenantHistory] = field(default_factory=dict)
    files: dict[str, date] = field(default_factory=dict)
    """The day of the last commit that changed each content file, by its path inside the
    content folder ('texts/about.nl.md'): the last change of the pages that are not
    factsheets."""
    unavailable: str | None = None
    """Why there is no history ('no git', 'shallow clone'), or None when there is."""
    warnings: tuple[Problem, ...] = ()
    """One line for each old version that could not be read and each commit whose date
    cannot be right: what the history leaves out (the build prints them)."""

    def of(self, slug: str) -> CovenantHistory:
        """One covenant's history (empty when git does not know the file)."""
        return self.covenants.get(slug, CovenantHistory(None))

    def recent(self, limit: int) -> list[tuple[str, Change]]:
        """The newest changes across all covenants, newest first, for the news page."""
        every = [(slug, change) for slug, h in self.covenants.items() for change in h.changes]
        every.sort(key=lambda item: (item[1].day, item[1].commit, item[0]), reverse=True)
        return every[:limit]
