"""The projection of every file version, by its blob hash: read from git once, then kept
between builds in one JSON file (`.cache/history.json`), since a blob never changes."""

from __future__ import annotations

import json
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from imvo.history.git import NULL_BLOB, Commit, Paths, read_blobs
from imvo.history.projection import Projection, party_names, project

CACHE_VERSION = 1
"""Raise this when `project` changes, so that cached projections are made anew."""


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


def projections(
    paths: Paths, commits: list[Commit], cache: Cache
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
    texts = read_blobs(paths.top, missing)
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
