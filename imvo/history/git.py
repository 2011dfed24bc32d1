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
    day: date
    files: tuple[_FileChange, ...]


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
    sha, day, files = "", date.min, []  # type: ignore[var-annotated]
    for line in out.splitlines():
        if line.startswith(_MARK):
            if sha:
                commits.append(Commit(sha, day, tuple(files)))
            sha, stamp = line[len(_MARK) :].split()
            day = datetime.fromtimestamp(int(stamp), UTC).date()
            files = []
        elif line.startswith(":"):
            meta, _, path = line.partition("\t")
            parts = meta.split()
            if len(parts) >= 4:
                files.append(_FileChange(path, parts[2], parts[3]))
    if sha:
        commits.append(Commit(sha, day, tuple(files)))
    commits.reverse()
    return commits


def read_blobs(root: Path, blobs: Iterable[str]) -> dict[str, str]:
    """The text of each blob, read in one `git cat-file --batch`."""
    wanted = sorted(set(blobs))
    if not wanted:
        return {}
    raw = subprocess.run(
        ["git", "-C", str(root), "cat-file", "--batch"],
        input=("\n".join(wanted) + "\n").encode(),
        capture_output=True,
        check=True,
        timeout=GIT_TIMEOUT,
    ).stdout
    texts: dict[str, str] = {}
    pos = 0
    for blob in wanted:
        end = raw.index(b"\n", pos)
        header = raw[pos:end].decode().split()
        pos = end + 1
        if len(header) < 3 or header[1] != "blob":
            continue
        size = int(header[2])
        texts[blob] = raw[pos : pos + size].decode("utf-8", errors="replace")
        pos += size + 1
    return texts
