"""Validation: check every loaded file against the model, then across files.

Everything is checked before anything is written, and every problem is reported: one bad
file never hides another. This module reads the content folder step by step (load_content)
and runs the work on many files side by side. The jobs live apart:

- files.py: paths as editors see them, which files may be read, one file read and checked;
- models.py: one file against its model, pydantic's errors as editors' lines;
- covenant_rules.py, participant_rules.py, sources.py: the checks across fields and files;
- jobs.py: the work on one covenant or participants file (it may run in another process);
- texts.py: the explainer texts; hints.py: "did you mean".
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from imvo.build.interrupt import worker_pool
from imvo.messages.problems import ContentError, Problem
from imvo.model.content import (
    Corpus,
    Covenant,
    DueDiligence,
    Glossary,
    HistorySettings,
    LawRules,
    ParticipantList,
    Party,
    PartyRegistry,
)
from imvo.model.positions import Positions
from imvo.validate.covenant_rules import successor_circles
from imvo.validate.files import (
    FileCheck,
    covenant_files,
    linked_folder,
    load_model_file,
    participant_files,
    raw_party_ids,
    read_checked,
    shown_path,
)
from imvo.validate.hints import NameHints, unknown_source
from imvo.validate.jobs import (
    CovenantJob,
    CovenantRead,
    Item,
    ParticipantsJob,
    covenant_chunk,
    participant_chunk,
)
from imvo.validate.law_rules import law_problems, placeholder_problems
from imvo.validate.models import check_model
from imvo.validate.sources import source_refs
from imvo.validate.texts import load_texts, pages_have_texts

__all__ = [
    "PARALLEL_FROM",
    "ContentError",
    "FileCheck",
    "NameHints",
    "check_model",
    "linked_folder",
    "load_content",
    "load_history_settings",
    "load_participants",
    "load_texts",
    "source_refs",
    "unknown_source",
]

PARALLEL_FROM = 200
"""From this many covenant files on they are read by two processes: at 1,000 covenants
this took reading and checking them from about 1.1 s to about 0.6 s."""


def load_content(
    content: Path, root: Path | None = None, file_check: FileCheck | None = None
) -> Corpus:
    """Load and validate all content; raise ContentError with every problem found.

    `file_check` is run on every YAML file that could be read, where it was read, and its
    problems are reported with the rest (check uses it for warnings). Covenant files are
    read by two processes side by side from PARALLEL_FROM files on.
    """
    root = root if root is not None else content.parent
    if not content.is_dir():
        raise ContentError([Problem.of(shown_path(content, root), 1, "(folder)", "folder-missing")])

    parties, known, problems = _load_parties(content / "parties.yaml", root, file_check)
    glossary, found = load_model_file(content / "glossary.yaml", Glossary, root, file_check)
    problems += found
    due_diligence, found = load_model_file(
        content / "due-diligence.yaml", DueDiligence, root, file_check
    )
    problems += found
    law, found = load_model_file(content / "law.yaml", LawRules, root, file_check)
    problems += found
    history, found = load_history_settings(content / HISTORY_FILE, root, file_check)
    problems += found
    if law is not None:
        problems += law_problems(*law)

    covenant_dir = content / "covenants"
    readable, shown_by_slug, refused, found = covenant_files(covenant_dir, root)
    problems += found
    # Without a readable parties.yaml (its own line says why) no party id can be checked:
    # reporting every covenant's parties as unknown would bury that one cause.
    hints = NameHints(known) if known is not None else None
    job = CovenantJob(known, set(shown_by_slug), file_check, hints)
    covenants, positions, found = _load_covenants(job, covenant_dir, shown_by_slug)
    problems += found

    # Without a readable covenants folder (its own line says why) no participants file can be
    # matched to its covenant: reporting each one as unmatched would bury that one cause.
    # The participants files are checked against the same ids as the covenants (the ids
    # parties.yaml writes, also of entries its model refused), or not at all when it could
    # not be read: one mistake in the registry is one message, not one per reference.
    participants, participant_lines, found = load_participants(
        content / "participants",
        root,
        set(shown_by_slug) if readable else None,
        known,
        file_check,
        refused,
    )
    problems += found

    texts, text_positions, found = load_texts(content / "texts", root)
    problems += found
    problems += pages_have_texts(content / "texts", root, texts, found)
    if law is not None:
        problems += placeholder_problems(texts, law[0], content / "texts", root)

    if problems or glossary is None or due_diligence is None or law is None:
        raise ContentError(problems)
    return Corpus(
        covenants=covenants,
        parties=parties,
        texts=texts,
        glossary=glossary[0],
        due_diligence=due_diligence[0],
        law=law[0],
        history=history,
        participants=participants,
        participant_lines=participant_lines,
        positions=_in_content(
            {
                **positions,
                "glossary": glossary[1].positions,
                "due-diligence": due_diligence[1].positions,
                "law": law[1].positions,
                **text_positions,
            },
            shown_path(content, root),
        ),
    )


def _in_content(positions: dict[str, Positions], folder: str) -> dict[str, Positions]:
    """Each file's positions with its path inside the content folder (`folder`, as editors
    see it), so that a page finds its file in the site's history by its source alone."""
    return {
        key: replace(found, in_content=found.path.removeprefix(f"{folder}/"))
        for key, found in positions.items()
    }


HISTORY_FILE = "history.yaml"
"""In the content folder, optional: what the site's history leaves out (HistorySettings)."""


def load_history_settings(
    path: Path, root: Path, file_check: FileCheck | None = None
) -> tuple[HistorySettings, list[Problem]]:
    """content/history.yaml read as every content file is (an ordinary file, no link, size
    limit, no aliases) and checked against its model; nothing to leave out without it. A
    file that is there but wrong is an error, never read as empty."""
    if not os.path.lexists(path):
        return HistorySettings(), []
    value, _, problems = read_checked(path, shown_path(path, root), HistorySettings, file_check)
    return (value if value is not None else HistorySettings()), problems


def _load_parties(
    path: Path, root: Path, file_check: FileCheck | None
) -> tuple[dict[str, Party], set[str] | None, list[Problem]]:
    """The parties by id, the ids covenants are checked against, and every problem.

    One wrong field in parties.yaml stops the registry, but its ids are still as written:
    covenants are checked against those, so that one mistake gives one message, not one
    "no party" for every covenant of every party in it (None: not even those could be read).
    """
    registry, problems = load_model_file(path, PartyRegistry, root, file_check)
    if registry is None:
        return {}, raw_party_ids(path, root), problems
    model, loaded = registry
    parties: dict[str, Party] = {}
    for index, party in enumerate(model.parties):
        if party.id in parties:
            problems.append(loaded.problem(("parties", index, "id"), "party-twice", id=party.id))
        parties[party.id] = party
    return parties, set(parties), problems


def _load_covenants(
    job: CovenantJob, folder: Path, shown_by_slug: dict[str, str]
) -> tuple[dict[str, Covenant], dict[str, Positions], list[Problem]]:
    """Every covenant file read and checked, in slug order (side by side when there are
    many), then the successors of all of them together."""
    items = [
        (folder / f"{slug}.yaml", shown, slug) for slug, shown in sorted(shown_by_slug.items())
    ]
    reads: list[CovenantRead] = _in_parallel(covenant_chunk, job, items)
    problems: list[Problem] = []
    covenants: dict[str, Covenant] = {}
    successor_lines: dict[str, int] = {}
    positions: dict[str, Positions] = {}
    for read in reads:
        problems += read.problems
        if read.covenant is not None:
            covenants[read.slug] = read.covenant
            successor_lines[read.slug] = read.successor_line
            if read.positions is not None:
                positions[read.slug] = read.positions
    problems += successor_circles(covenants, successor_lines, shown_by_slug)
    return dict(sorted(covenants.items())), dict(sorted(positions.items())), problems


def load_participants(
    folder: Path,
    root: Path,
    slugs: set[str] | None,
    party_ids: set[str] | None,
    file_check: FileCheck | None = None,
    refused: frozenset[str] = frozenset(),
) -> tuple[dict[str, ParticipantList], dict[str, tuple[int, ...]], list[Problem]]:
    """Read content/participants/<slug>.yaml, one optional file per covenant, and check each.

    Returns the lists by slug, the line of each entry by slug, and every problem. Slugs is
    None when the covenants folder could not be read: then no file is matched to a covenant,
    but each is still checked on its own. `refused` holds the names (in lower case) of
    covenant files that are there but were refused for their name: a participants file of
    that name is checked on its own, without a second message about the same file.
    party_ids is None when parties.yaml could not be read: then party ids are not checked.
    """
    found: dict[str, ParticipantList] = {}
    lines: dict[str, tuple[int, ...]] = {}
    if not folder.is_dir():
        return found, lines, []
    items, problems = participant_files(folder, root, slugs, refused)
    job = ParticipantsJob(party_ids, file_check)
    for slug, value, entry_lines, file_problems in _in_parallel(participant_chunk, job, items):
        problems += file_problems
        if value is not None:
            found[slug] = value
            lines[slug] = entry_lines
    return found, lines, problems


J = TypeVar("J")
R = TypeVar("R")


def _in_parallel(work: Callable[[J, list[Item]], list[R]], job: J, items: list[Item]) -> list[R]:
    """Run `work` over the files, by two processes side by side from PARALLEL_FROM files on."""
    workers = min(2, os.cpu_count() or 1)
    if len(items) < PARALLEL_FROM or workers < 2:
        return work(job, items)
    size = -(-len(items) // (2 * workers))  # a few chunks each, so that neither waits long
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")
    with worker_pool(workers, context) as pool:
        return [result for done in pool.map(work, [job] * len(chunks), chunks) for result in done]
