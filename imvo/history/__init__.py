"""History: what changed in each covenant's facts, and when, read from git.

Every date here is a committer date of the published branch's first-parent history, never
the clock, so two builds of the same commit give the same pages. A change is described from
the data (the status, a date, a party), computed by comparing the content of a file before
and after each commit; commit messages are never shown (they are in one language and are
written for editors). Old versions of a file need not pass today's model: each is read by
the loader (imvo/load/, with every limit a current file has: size, nesting, no aliases,
unique keys that are words) into a tolerant projection (`Projection`), and a version that
cannot be read at all is passed over with one warning; so is a commit whose date cannot be
right. No old version can stop or exhaust a build. A build from a folder without git, or
from a shallow clone, has no history: it says so once, and the pages show no dates they
cannot know.

Reading git stays cheap: one `git log` for the whole history, one `git cat-file --batch` for
the file versions not yet seen (sizes first: one over the loader's limit is never read), and
the projection of every file version is cached by its blob hash (`.cache/history.json`),
which never changes for the same bytes.

This module walks the commits and leaves out what editors hid (content/history.yaml); the
parts live apart: records.py (what the history says), projection.py (one version read and
two compared), git.py (reading git), cache.py (projections by blob, cached).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from imvo.history.cache import Cache, Unread, projections, unread_reason
from imvo.history.git import NULL_BLOB, Commit, Paths, locate, read_commits
from imvo.history.projection import Projection, compare, project
from imvo.history.records import Change, CovenantHistory, History
from imvo.messages.problems import Problem
from imvo.model.content import HistorySettings
from imvo.validate import HISTORY_FILE, load_history_settings

__all__ = ["Change", "CovenantHistory", "History", "compare", "project", "read_history"]

Hidden = list[tuple[str, str | None]]
"""The editors' entries to leave out: (commit prefix, covenant or None for every one)."""


def _hidden(content: Path, settings: HistorySettings | None) -> tuple[Hidden, list[Problem]]:
    """What content/history.yaml leaves out: from the settings the build loaded with the
    content, else read here by the loader as every content file is (its problems returned,
    never read as empty)."""
    problems: list[Problem] = []
    if settings is None:
        settings, problems = load_history_settings(content / HISTORY_FILE, content.parent)
    return [(entry.commit, entry.covenant) for entry in settings.hide], problems


def _is_hidden(hidden: Hidden, slug: str, change: Change) -> bool:
    return any(
        change.commit.startswith(prefix) and covenant in (None, slug) for prefix, covenant in hidden
    )


def _walk(
    paths: Paths,
    commits: list[Commit],
    covenants: dict[str, Projection | None],
    parties: dict[str, dict[str, str]],
) -> Iterator[tuple[str, Change | None, Commit]]:
    """Every (covenant, change) in order; a change of None only moves 'last changed'."""
    current: dict[str, Projection] = {}
    names: dict[str, str] = {}
    for commit in commits:
        for file in commit.files:
            if file.path == paths.parties:
                new_names = parties.get(file.new_blob, {}) if file.new_blob != NULL_BLOB else {}
                renamed = {
                    pid: (names[pid], name)
                    for pid, name in new_names.items()
                    if pid in names and names[pid] != name
                }
                names = new_names
                if commit.day is None:
                    continue
                for slug, shown in sorted(current.items()):
                    for pid in sorted(renamed.keys() & shown.parties.keys()):
                        old, new = renamed[pid]
                        change = Change(commit.sha, commit.day, "party_renamed", pid, old, new)
                        yield slug, change, commit
                continue
            name = paths.slug(file.path)
            if name is None:
                continue
            if file.new_blob == NULL_BLOB:
                current.pop(name, None)
                continue
            projection = covenants.get(file.new_blob)
            if projection is None:
                continue  # a version that cannot be read: nothing to compare
            slug = name
            before = current.get(slug)
            current[slug] = projection
            if before is not None and before.digest == projection.digest:
                continue
            if commit.day is None:
                continue  # a date that cannot be right: its version counts, it makes no entry
            changes = compare(before, projection, commit.sha, commit.day)
            if not changes:
                yield slug, None, commit
            for change in changes:
                yield slug, change, commit


def read_history(
    content: Path, cache_file: Path | None = None, settings: HistorySettings | None = None
) -> History:
    """The history of every covenant file in the content folder, from its git repository.

    `settings` is content/history.yaml as the build loaded it (read here when not given).
    Nothing in git stops it: an old version that cannot be read and a commit whose date
    cannot be right are left out, each with one warning on `History.warnings`.
    """
    paths = locate(content)
    if isinstance(paths, str):
        return History(unavailable=paths)
    try:
        commits = read_commits(paths)
        cache = Cache(cache_file)
        covenants, parties, unread = projections(paths, commits, cache)
        cache.save()
    except (OSError, subprocess.SubprocessError, ValueError):
        return History(unavailable="git failed")
    hidden, warnings = _hidden(content, settings)
    warnings += _left_out(paths, commits, unread)
    changes: dict[str, list[Change]] = {}
    last: dict[str, date] = {}
    for slug, change, commit in _walk(paths, commits, covenants, parties):
        if commit.day is not None:
            last[slug] = commit.day
        if change is not None and not _is_hidden(hidden, slug, change):
            changes.setdefault(slug, []).append(change)
    files: dict[str, date] = {}
    prefix = f"{paths.content}/" if paths.content else ""
    for commit in commits:
        for file in commit.files:
            if file.path.startswith(prefix) and commit.day is not None:
                files[file.path[len(prefix) :]] = commit.day
    order = {commit.sha: index for index, commit in enumerate(commits)}

    def newest_first(found: list[Change]) -> tuple[Change, ...]:
        # Newest commit first; within one commit, the order of the fields (sort is stable).
        return tuple(sorted(found, key=lambda change: order[change.commit], reverse=True))

    return History(
        {
            slug: CovenantHistory(day, newest_first(changes.get(slug, [])))
            for slug, day in last.items()
        },
        files,
        warnings=tuple(warnings),
    )


def _left_out(paths: Paths, commits: list[Commit], unread: dict[str, Unread]) -> list[Problem]:
    """One warning for each commit whose date cannot be right and for each old version that
    cannot be read, the first time it was committed, oldest first."""
    found: list[Problem] = []
    told: set[str] = set()
    folder = paths.content or "."
    for commit in commits:
        short = commit.sha[:12]
        if commit.day is None:
            found.append(
                Problem.of(folder, 1, "(history)", "history-bad-date", "warning",
                           commit=short)
            )  # fmt: skip
        for file in commit.files:
            reason = unread.get(file.new_blob)
            if reason is None or file.new_blob in told:
                continue
            told.add(file.new_blob)
            line, field, why = unread_reason(reason)
            found.append(
                Problem.of(file.path, line, field, "history-version-unreadable", "warning",
                           commit=short, reason=why)
            )  # fmt: skip
    return found
