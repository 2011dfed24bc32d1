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
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import subprocess
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

HIDDEN_FILE = "history.yaml"
"""In the content folder: the editors' list of history entries to leave out."""
CACHE_VERSION = 1
"""Raise this when `project` changes, so that cached projections are made anew."""

GIT_TIMEOUT = 120
DATE_FIELDS = ("signed", "in_force", "ended")
TEXT_FIELDS = (
    "name",
    "short_name",
    "tagline",
    "summary",
    "goals",
    "complaints",
    "union_role",
    "actions",
    "after_end",
)
NULL_BLOB = "0" * 40

try:  # the C loader is ten times faster on long histories; PyYAML without libyaml has none
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


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

    def of(self, slug: str) -> CovenantHistory:
        """One covenant's history (empty when git does not know the file)."""
        return self.covenants.get(slug, CovenantHistory(None))

    def recent(self, limit: int) -> list[tuple[str, Change]]:
        """The newest changes across all covenants, newest first, for the news page."""
        every = [(slug, change) for slug, h in self.covenants.items() for change in h.changes]
        every.sort(key=lambda item: (item[1].day, item[1].commit, item[0]), reverse=True)
        return every[:limit]


# --- projections ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Projection:
    """What the comparison needs of one version of a covenant file, read tolerantly."""

    digest: str
    """A hash of the parsed data: equal when the page would show the same (comments and
    layout of the YAML do not count)."""
    status: str | None
    dates: dict[str, str]
    term: str | None
    parties: dict[str, str]
    """Party id -> role."""
    texts: dict[str, str]
    """Text field -> a hash of its value."""

    def to_json(self) -> dict[str, Any]:
        """The projection as plain data, for the cache."""
        return {
            "digest": self.digest,
            "status": self.status,
            "dates": self.dates,
            "term": self.term,
            "parties": self.parties,
            "texts": self.texts,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Projection:
        """A projection back from the cache."""
        return cls(
            data["digest"],
            data["status"],
            data["dates"],
            data["term"],
            data["parties"],
            data["texts"],
        )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)


def project(text: str) -> Projection | None:
    """A covenant file's version as a projection, or None when it cannot be read at all."""
    try:
        data = yaml.load(text, Loader=_Loader)  # a safe loader (CSafeLoader or SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    status = data.get("status")
    status_value = status.get("value") if isinstance(status, dict) else None
    dates: dict[str, str] = {}
    for name in DATE_FIELDS:
        fact = data.get(name)
        if isinstance(fact, dict) and fact.get("date") is not None:
            dates[name] = str(fact["date"])
    term = data.get("term")
    months = term.get("months") if isinstance(term, dict) else None
    parties: dict[str, str] = {}
    for part in data.get("parties") or []:
        if isinstance(part, dict) and isinstance(part.get("party"), str):
            parties[part["party"]] = _text(part.get("role"))
    texts = {
        name: hashlib.sha1(_canonical(data[name]).encode()).hexdigest()[:16]
        for name in TEXT_FIELDS
        if data.get(name) is not None
    }
    return Projection(
        digest=hashlib.sha1(_canonical(data).encode()).hexdigest(),
        status=status_value if isinstance(status_value, str) else None,
        dates=dates,
        term=None if months is None else str(months),
        parties=parties,
        texts=texts,
    )


def party_names(text: str) -> dict[str, str]:
    """Party id -> Dutch name, from one version of parties.yaml (empty when unreadable)."""
    try:
        data = yaml.load(text, Loader=_Loader)  # a safe loader (CSafeLoader or SafeLoader)
    except yaml.YAMLError:
        return {}
    names: dict[str, str] = {}
    if isinstance(data, dict):
        for party in data.get("parties") or []:
            if isinstance(party, dict) and isinstance(party.get("id"), str):
                name = party.get("name")
                if isinstance(name, dict):
                    name = name.get("nl")
                names[party["id"]] = str(name)
    return names


def compare(old: Projection | None, new: Projection, commit: str, day: date) -> list[Change]:
    """The changes a reader cares about between two versions of one covenant file."""
    if old is None:
        return [Change(commit, day, "published")]
    if old.digest == new.digest:
        return []
    found: list[Change] = []
    if old.status != new.status and new.status is not None:
        found.append(Change(commit, day, "status", "status", old.status, new.status))
    for name in DATE_FIELDS:
        before, after = old.dates.get(name), new.dates.get(name)
        if before == after:
            continue
        if before is None:
            found.append(Change(commit, day, "date_added", name, None, after))
        elif after is None:
            found.append(Change(commit, day, "date_removed", name, before, None))
        else:
            found.append(Change(commit, day, "date_changed", name, before, after, True))
    if old.term != new.term and new.term is not None:
        found.append(Change(commit, day, "term", "term", old.term, new.term, old.term is not None))
    for party in sorted(new.parties.keys() - old.parties.keys()):
        found.append(Change(commit, day, "party_added", party, None, new.parties[party]))
    for party in sorted(old.parties.keys() - new.parties.keys()):
        found.append(Change(commit, day, "party_removed", party, old.parties[party], None))
    for party in sorted(old.parties.keys() & new.parties.keys()):
        if old.parties[party] != new.parties[party]:
            found.append(
                Change(
                    commit,
                    day,
                    "role_changed",
                    party,
                    old.parties[party],
                    new.parties[party],
                    True,
                )
            )
    # In the order of the fields on the page, not alphabetical.
    edited = [name for name in TEXT_FIELDS if old.texts.get(name) != new.texts.get(name)]
    if edited:
        found.append(Change(commit, day, "text_edited", ",".join(edited)))
    return found


# --- reading git -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Paths:
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
class _Commit:
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


def _locate(content: Path) -> _Paths | str:
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
    return _Paths(top, inside if inside != "." else "")


_MARK = "@@commit "


def _commits(paths: _Paths) -> list[_Commit]:
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
    commits: list[_Commit] = []
    sha, day, files = "", date.min, []  # type: ignore[var-annotated]
    for line in out.splitlines():
        if line.startswith(_MARK):
            if sha:
                commits.append(_Commit(sha, day, tuple(files)))
            sha, stamp = line[len(_MARK) :].split()
            day = datetime.fromtimestamp(int(stamp), UTC).date()
            files = []
        elif line.startswith(":"):
            meta, _, path = line.partition("\t")
            parts = meta.split()
            if len(parts) >= 4:
                files.append(_FileChange(path, parts[2], parts[3]))
    if sha:
        commits.append(_Commit(sha, day, tuple(files)))
    commits.reverse()
    return commits


def _read_blobs(root: Path, blobs: Iterable[str]) -> dict[str, str]:
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


class _Cache:
    """Projections by blob hash, kept between builds in one JSON file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.data: dict[str, Any] = {}
        self.dirty = False
        if path is not None and path.is_file():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
                if loaded.get("version") == CACHE_VERSION:
                    self.data = loaded.get("blobs", {})
            except (OSError, ValueError, AttributeError):
                self.data = {}

    def get(self, blob: str) -> Any:
        return self.data.get(blob)

    def put(self, blob: str, value: Any) -> None:
        self.data[blob] = value
        self.dirty = True

    def save(self) -> None:
        if self.path is None or not self.dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"version": CACHE_VERSION, "blobs": self.data}), "utf-8")
        tmp.replace(self.path)


PARALLEL_FROM = 400
"""From this many file versions not yet cached, they are read by two processes: reading YAML
is most of the time of a first build from a long history (about 5 ms a version)."""


def _project_one(item: tuple[str, str]) -> tuple[str, dict[str, Any] | None]:
    blob, text = item
    projection = project(text)
    return blob, None if projection is None else projection.to_json()


def _project_all(items: list[tuple[str, str]]) -> list[tuple[str, dict[str, Any] | None]]:
    """The projection of each (blob, text), as cache data; in two processes for many."""
    if len(items) < PARALLEL_FROM:
        return [_project_one(item) for item in items]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        return list(pool.map(_project_one, items, chunksize=100))


def _projections(
    paths: _Paths, commits: list[_Commit], cache: _Cache
) -> tuple[dict[str, Projection | None], dict[str, dict[str, str]]]:
    covenant_blobs: set[str] = set()
    party_blobs: set[str] = set()
    for commit in commits:
        for change in commit.files:
            if change.new_blob == NULL_BLOB:
                continue
            if change.path == paths.parties:
                party_blobs.add(change.new_blob)
            elif paths.slug(change.path):
                covenant_blobs.add(change.new_blob)
    missing = sorted(b for b in covenant_blobs | party_blobs if cache.get(b) is None)
    texts = _read_blobs(paths.top, missing)
    for blob in missing:
        if blob in party_blobs:
            cache.put(blob, {"parties": party_names(texts.get(blob, ""))})
    todo = [(blob, texts.get(blob, "")) for blob in missing if blob not in party_blobs]
    for blob, projected in _project_all(todo):
        cache.put(blob, {"projection": projected})
    covenants: dict[str, Projection | None] = {}
    for blob in covenant_blobs:
        stored = cache.get(blob) or {}
        data = stored.get("projection")
        covenants[blob] = None if data is None else Projection.from_json(data)
    parties = {blob: (cache.get(blob) or {}).get("parties", {}) for blob in party_blobs}
    return covenants, parties


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
    paths: _Paths,
    commits: list[_Commit],
    covenants: dict[str, Projection | None],
    parties: dict[str, dict[str, str]],
) -> Iterator[tuple[str, Change | None, _Commit]]:
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
    paths = _locate(content)
    if isinstance(paths, str):
        return History(unavailable=paths)
    try:
        commits = _commits(paths)
        cache = _Cache(cache_file)
        covenants, parties = _projections(paths, commits, cache)
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
