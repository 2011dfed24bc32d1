"""The projection of every file version, by its blob hash: read from git once, then kept
between builds in one JSON file (`.cache/history.json`), since a blob never changes."""

from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from imvo.history.git import NULL_BLOB, Commit, Paths, read_blobs
from imvo.history.projection import Projection, party_names, project_data, read_version
from imvo.load import MAX_FILE_BYTES
from imvo.messages import Msg, msg
from imvo.messages.problems import Problem

CACHE_VERSION = 2
"""Raise this when `project` changes, so that cached projections are made anew (2: versions
read by the loader, with its limits, and the reason a version cannot be read kept)."""


class Cache:
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
        # A name of this process's own: two builds at once (the tests run side by side)
        # each write their whole file, and the last rename wins.
        tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"version": CACHE_VERSION, "blobs": self.data}), "utf-8")
        tmp.replace(self.path)


PARALLEL_FROM = 400
"""From this many file versions not yet cached, they are read by two processes: reading YAML
is most of the time of a first build from a long history (about 5 ms a version)."""


Unread = dict[str, Any]
"""Why a version cannot be read, as cache data: the loader's line, field, code and parameters."""


def _msg_json(value: Any) -> Any:
    if isinstance(value, Msg):
        return {"msg": value.code, "params": {k: _msg_json(v) for k, v in value.params}}
    return value


def _msg_back(value: Any) -> Any:
    if isinstance(value, dict) and "msg" in value:
        params = {str(k): _msg_back(v) for k, v in dict(value["params"]).items()}
        return msg(str(value["msg"]), **params)  # KeyError for a code no catalog has
    return value


def unread_json(problem: Problem | None) -> Unread:
    """A loader's problem with a version as cache data (no file: a blob may have several)."""
    if problem is None:  # pragma: no cover - the loader always says why
        return {"line": 1, "field": "(file)", "reason": {"msg": "yaml-other", "params": {}}}
    reason = Msg(problem.code, problem.params) if problem.code else msg("yaml-other")
    return {"line": problem.line, "field": problem.field, "reason": _msg_json(reason)}


def unread_reason(unread: Unread) -> tuple[int, str, Msg]:
    """The line, field and reason of a version that cannot be read, back from cache data."""
    return int(unread["line"]), str(unread["field"]), _msg_back(unread["reason"])


def _usable(stored: Any, party_file: bool) -> bool:
    """Whether a cache entry can be read back (a cache written by another version, or
    damaged, is read again from git, never trusted into a crash)."""
    if not isinstance(stored, dict):
        return False
    try:
        if stored.get("unread") is not None:
            unread_reason(stored["unread"])
        if party_file:
            names = stored["parties"]
            return isinstance(names, dict) and all(
                isinstance(k, str) and isinstance(v, str) for k, v in names.items()
            )
        data = stored["projection"]
        if data is not None:
            Projection.from_json(data)
        return data is not None or stored.get("unread") is not None
    except (KeyError, TypeError, ValueError, AttributeError):
        return False


Item = tuple[str, bytes | None, int]
"""A version to read: its blob, its bytes (None when larger than the loader's limit), size."""


def _project_one(item: Item) -> tuple[str, dict[str, Any]]:
    blob, raw, size = item
    data, problem = read_version(raw, size, "")
    if data is None:
        return blob, {"projection": None, "unread": unread_json(problem)}
    return blob, {"projection": project_data(data).to_json()}


def _parties_one(item: Item) -> tuple[str, dict[str, Any]]:
    blob, raw, size = item
    data, problem = read_version(raw, size, "")
    if data is None:
        return blob, {"parties": {}, "unread": unread_json(problem)}
    return blob, {"parties": party_names(data)}


def _project_all(items: list[Item]) -> list[tuple[str, dict[str, Any]]]:
    """The projection of each version, as cache data; in two processes for many."""
    if len(items) < PARALLEL_FROM:
        return [_project_one(item) for item in items]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        return list(pool.map(_project_one, items, chunksize=100))


def projections(
    paths: Paths, commits: list[Commit], cache: Cache
) -> tuple[dict[str, Projection | None], dict[str, dict[str, str]], dict[str, Unread]]:
    """The projection of every covenant version and the party names of every version of
    parties.yaml, by blob, and why each version that cannot be read cannot, by blob."""
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
    missing = sorted(
        b for b in covenant_blobs | party_blobs if not _usable(cache.get(b), b in party_blobs)
    )
    read = read_blobs(paths.top, missing, MAX_FILE_BYTES)
    items = [(blob, *read.get(blob, (b"", 0))) for blob in missing]
    for item in items:
        if item[0] in party_blobs:
            cache.put(*_parties_one(item))
    for blob, stored in _project_all([item for item in items if item[0] not in party_blobs]):
        cache.put(blob, stored)
    covenants: dict[str, Projection | None] = {}
    unread: dict[str, Unread] = {}
    for blob in covenant_blobs | party_blobs:
        stored = cache.get(blob) or {}
        if stored.get("unread"):
            unread[blob] = stored["unread"]
        if blob in covenant_blobs:
            data = stored.get("projection")
            covenants[blob] = None if data is None else Projection.from_json(data)
    parties = {blob: (cache.get(blob) or {}).get("parties", {}) for blob in party_blobs}
    return covenants, parties, unread
