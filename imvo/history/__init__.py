"""History: what changed in each covenant's facts, and when, read from git.

Every date here is a committer date of the published branch's first-parent history, never
the clock, so two builds of the same commit give the same pages. A change is described from
the data (the status, a date, a party), computed by comparing the content of a file before
and after each commit; commit messages are never shown (they are in one language and are
written for editors). Old versions of a file need not pass today's model: each is read into
a tolerant projection (`Projection`), and a version that cannot be read at all is passed
over. A build from a folder without git, or from a shallow clone, has no history: it says so
once, and the pages show no dates they cannot know.

Reading git stays cheap: one `git log` for the whole history, one `git cat-file --batch` for
the file versions not yet seen, and the projection of every file version is cached by its
blob hash (`.cache/history.json`), which never changes for the same bytes.

This module walks the commits and leaves out what editors hid (content/history.yaml); the
parts live apart: records.py (what the history says), projection.py (one version read and
two compared), git.py (reading git), cache.py (projections by blob, cached).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import yaml

from imvo.history.cache import Cache, projections
from imvo.history.git import NULL_BLOB, Commit, Paths, locate, read_commits
from imvo.history.projection import Projection, compare, project
from imvo.history.records import Change, CovenantHistory, History

__all__ = ["Change", "CovenantHistory", "History", "compare", "project", "read_history"]

HIDDEN_FILE = "history.yaml"
"""In the content folder: the editors' list of history entries to leave out."""


def _hidden(content: Path) -> list[tuple[str, str | None]]:
    """The editors' list of history entries to leave out: (commit prefix, covenant or None)."""
    path = content / HIDDEN_FILE
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return []
    found: list[tuple[str, str | None]] = []
    for item in data.get("hide", []) if isinstance(data, dict) else []:
        if isinstance(item, dict) and isinstance(item.get("commit"), str):
            covenant = item.get("covenant")
            found.append((item["commit"], covenant if isinstance(covenant, str) else None))
    return found


def _is_hidden(hidden: list[tuple[str, str | None]], slug: str, change: Change) -> bool:
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
                for slug, shown in sorted(current.items()):
                    for pid in sorted(renamed.keys() & shown.parties.keys()):
                        old, new = renamed[pid]
                        yield (
                            slug,
                            Change(commit.sha, commit.day, "party_renamed", pid, old, new),
                            commit,
                        )
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
            changes = compare(before, projection, commit.sha, commit.day)
            if not changes:
                yield slug, None, commit
            for change in changes:
                yield slug, change, commit


def read_history(content: Path, cache_file: Path | None = None) -> History:
    """The history of every covenant file in the content folder, from its git repository."""
    paths = locate(content)
    if isinstance(paths, str):
        return History(unavailable=paths)
    try:
        commits = read_commits(paths)
        cache = Cache(cache_file)
        covenants, parties = projections(paths, commits, cache)
        cache.save()
    except (OSError, subprocess.SubprocessError, ValueError):
        return History(unavailable="git failed")
    hidden = _hidden(content)
    changes: dict[str, list[Change]] = {}
    last: dict[str, date] = {}
    for slug, change, commit in _walk(paths, commits, covenants, parties):
        last[slug] = commit.day
        if change is not None and not _is_hidden(hidden, slug, change):
            changes.setdefault(slug, []).append(change)
    files: dict[str, date] = {}
    prefix = f"{paths.content}/" if paths.content else ""
    for commit in commits:
        for file in commit.files:
            if file.path.startswith(prefix):
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
    )
