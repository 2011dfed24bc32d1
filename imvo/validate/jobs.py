"""The work on one file that may run in another process: a covenant file or a participants
file read, checked against its model and against what it needs to know of the others.

Only plain results travel back (the model, the problems, the lines that later stages need),
so the jobs can run side by side (see load_content).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from imvo.messages.problems import Problem
from imvo.model.content import Covenant, ParticipantList
from imvo.model.positions import Positions
from imvo.validate.covenant_rules import cross_check_covenant, raw_cross_check
from imvo.validate.files import FileCheck, read_checked
from imvo.validate.hints import NameHints
from imvo.validate.participant_rules import cross_check_participants

Item = tuple[Path, str, str]
"""A file to read: its path, its name as editors see it, its slug."""


@dataclass(frozen=True)
class CovenantJob:
    """What reading a covenant file needs to know of the others."""

    party_ids: set[str] | None
    """None when parties.yaml could not be read: then party ids are not checked."""
    slugs: set[str]
    file_check: FileCheck | None
    hints: NameHints | None = None
    """Did-you-mean for unknown party ids."""


class CovenantRead(NamedTuple):
    """One covenant file as read and checked (the line map stays in the process that read it)."""

    slug: str
    covenant: Covenant | None
    problems: list[Problem]
    successor_line: int = 1
    """The line of its 'successor', for the check of all successors together."""
    positions: Positions | None = None
    """Where each value of the file was written (see Corpus.positions)."""


def load_covenant(job: CovenantJob, path: Path, shown: str, slug: str) -> CovenantRead:
    """Read one covenant file, check it against the model and against the other files."""
    covenant, loaded, problems = read_checked(path, shown, Covenant, job.file_check)
    if covenant is None and loaded is not None:
        # One mistake must not hide the next: the references of a file the model refused
        # are still checked, from the plain data, where they can be read.
        problems += raw_cross_check(loaded, job.party_ids, job.slugs, problems)
    if covenant is None or loaded is None:
        return CovenantRead(slug, covenant, problems)
    problems += cross_check_covenant(slug, covenant, loaded, job.party_ids, job.slugs, job.hints)
    successor_line = loaded.line_of(("successor",))
    return CovenantRead(slug, covenant, problems, successor_line, loaded.positions)


def covenant_chunk(job: CovenantJob, items: list[Item]) -> list[CovenantRead]:
    """Read and check some covenant files."""
    return [load_covenant(job, path, shown, slug) for path, shown, slug in items]


@dataclass(frozen=True)
class ParticipantsJob:
    """What reading a participants file needs to know of the others."""

    party_ids: set[str] | None
    """None when parties.yaml could not be read: then party ids are not checked."""
    file_check: FileCheck | None


ParticipantsRead = tuple[str, ParticipantList | None, tuple[int, ...], list[Problem]]


def participant_chunk(job: ParticipantsJob, items: list[Item]) -> list[ParticipantsRead]:
    """Read and check some participants files: (slug, list, line of each entry, problems)."""
    out: list[ParticipantsRead] = []
    for path, shown, slug in items:
        value, loaded, problems = read_checked(path, shown, ParticipantList, job.file_check)
        if value is None or loaded is None:
            out.append((slug, None, (), problems))
            continue
        problems += cross_check_participants(value, loaded, job.party_ids)
        entry_lines = tuple(
            loaded.line_of(("participants", index)) for index in range(len(value.participants))
        )
        out.append((slug, value, entry_lines, problems))
    return out
