"""Reading git: where the content lies in its repository, the first-parent commits that
touched it (one `git log`), and the text of file versions (one `git cat-file --batch`)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

GIT_TIMEOUT = 120
NULL_BLOB = "0" * 40
"""The blob of a file that a commit deleted."""


@dataclass(frozen=True)
class Paths:
    """Where the content folder lies in its repository."""

    top: Path
    content: str
    """The content folder, relative to the top of the repository ('content')."""

    @property
    def covenants(self) -> str:
        return f"{self.content}/covenants"

    @property
    def parties(self) -> str:
        return f"{self.content}/parties.yaml"

    def slug(self, path: str) -> str | None:
        """The covenant a path in the repository is the file of, if any."""
        folder, _, name = path.rpartition("/")
        if folder != self.covenants or not name.endswith(".yaml"):
            return None
        return name.removesuffix(".yaml")


@dataclass(frozen=True)
class _FileChange:
    path: str
    old_blob: str
    new_blob: str


@dataclass(frozen=True)
class Commit:
    sha: str
    day: date | None
    """None for a date Python cannot represent (git takes year 0 or 10000): such a commit
    moves no dates and makes no entry, but its versions count for the next comparison."""
    files: tuple[_FileChange, ...]


def commit_day(stamp: str) -> date | None:
    """The day of a committer date in seconds (UTC), or None when it is no number or a day
    outside what Python represents (years 1 to 9999)."""
    try:
        return datetime.fromtimestamp(int(stamp), UTC).date()
    except (ValueError, OverflowError, OSError):
        return None


def _git(root: Path, *args: str, stdin: str | None = None) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
        timeout=GIT_TIMEOUT,
        encoding="utf-8",
        errors="replace",
    ).stdout


def locate(content: Path) -> Paths | str:
    """Where ``content`` lies in its git repository, or why git cannot give its history."""
    try:
        top = Path(_git(content, "rev-parse", "--show-toplevel").strip()).resolve()
        shallow = _git(content, "rev-parse", "--is-shallow-repository").strip()
        _git(content, "rev-parse", "--verify", "HEAD")
    except (OSError, subprocess.SubprocessError):
        return "no git"
    if shallow == "true":
        return "shallow clone"
    try:
        inside = content.resolve().relative_to(top).as_posix()
    except ValueError:
        return "no git"
    return Paths(top, inside if inside != "." else "")


_MARK = "@@commit "


def read_commits(paths: Paths) -> list[Commit]:
    """The first-parent commits that touched the content folder, oldest first."""
    out = _git(
        paths.top,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--no-renames",
        "--raw",
        "--no-abbrev",
        f"--format={_MARK}%H %ct",
        "--",
        paths.content or ".",
    )
    commits: list[Commit] = []
    sha, stamp, files = "", "", []  # type: ignore[var-annotated]
    for line in out.splitlines():
        if line.startswith(_MARK):
            if sha:
                commits.append(Commit(sha, commit_day(stamp), tuple(files)))
            sha, _, stamp = line[len(_MARK) :].partition(" ")
            files = []
        elif line.startswith(":"):
            meta, _, path = line.partition("\t")
            parts = meta.split()
            if len(parts) >= 4:
                files.append(_FileChange(path, parts[2], parts[3]))
    if sha:
        commits.append(Commit(sha, commit_day(stamp), tuple(files)))
    commits.reverse()
    return commits


def read_blobs(root: Path, blobs: Iterable[str], limit: int) -> dict[str, tuple[bytes | None, int]]:
    """The bytes and size of each blob: its size first (one `git cat-file --batch-check`),
    then the bytes of those of at most `limit` bytes (one `git cat-file --batch`); a larger
    one is never read (None)."""
    wanted = sorted(set(blobs))
    if not wanted:
        return {}
    sizes: dict[str, int] = {}
    checked = _cat_file(root, "--batch-check", wanted).decode("ascii", "replace")
    for line in checked.splitlines():
        header = line.split()
        if len(header) >= 3 and header[1] == "blob" and header[2].isdigit():
            sizes[header[0]] = int(header[2])
    found: dict[str, tuple[bytes | None, int]] = {
        blob: (None, size) for blob, size in sizes.items() if size > limit
    }
    small = [blob for blob in wanted if sizes.get(blob, limit + 1) <= limit]
    raw = _cat_file(root, "--batch", small) if small else b""
    pos = 0
    for blob in small:
        end = raw.index(b"\n", pos)
        header = raw[pos:end].decode("ascii", "replace").split()
        pos = end + 1
        if len(header) < 3 or header[1] != "blob":
            continue
        size = int(header[2])
        found[blob] = (raw[pos : pos + size], size)
        pos += size + 1
    return found


def _cat_file(root: Path, mode: str, blobs: list[str]) -> bytes:
    return subprocess.run(
        ["git", "-C", str(root), "cat-file", mode],
        input=("\n".join(blobs) + "\n").encode(),
        capture_output=True,
        check=True,
        timeout=GIT_TIMEOUT,
    ).stdout
