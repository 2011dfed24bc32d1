"""Projections: what one version of a covenant file says that a reader cares about, read
tolerantly (old versions need not pass today's model), and the changes between two."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from imvo.history.records import Change
from imvo.load import MAX_FILE_BYTES, parse_bytes
from imvo.messages.problems import Problem

DATE_FIELDS = ("signed", "in_force", "ended")
TEXT_FIELDS = (
    "name",
    "short_name",
    "tagline",
    "summary",
    "goals",
    "complaints",
    "complaints_now",
    "union_role",
    "actions",
    "after_end",
)


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
        """A projection back from the cache; ValueError for data of another shape."""
        made = cls(
            data["digest"],
            data["status"],
            data["dates"],
            data["term"],
            data["parties"],
            data["texts"],
        )
        texts = (made.dates, made.parties, made.texts)
        if not (
            isinstance(made.digest, str)
            and isinstance(made.status, str | None)
            and isinstance(made.term, str | None)
            and all(isinstance(m, dict) for m in texts)
            and all(isinstance(k, str) and isinstance(v, str) for m in texts for k, v in m.items())
        ):
            raise ValueError("a cached projection of another shape")
        return made


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)


def read_version(
    raw: bytes | None, size: int, shown: str
) -> tuple[dict[str, Any] | None, Problem | None]:
    """One old version of a content file as plain data, read by the loader with every limit
    a current file has (size, nesting, no aliases, unique keys that are words), or the
    problem that stops it (None for `raw`: larger than the loader's limit, `size` bytes)."""
    loaded, problems = parse_bytes(raw, size, shown)
    if loaded is None:
        return None, problems[0] if problems else None
    return loaded.data, None


def project(text: str) -> Projection | None:
    """A covenant file's version as a projection, or None when it cannot be read at all."""
    raw = text.encode("utf-8")
    data, _ = read_version(raw if len(raw) <= MAX_FILE_BYTES else None, len(raw), "")
    return None if data is None else project_data(data)


def _items(value: Any) -> list[Any]:
    """A list as written, or nothing when an old version has something else there."""
    return value if isinstance(value, list) else []


def project_data(data: dict[str, Any]) -> Projection:
    """The projection of one version's data (a mapping with words for keys, as the loader
    gives it; any value may have any kind in an old version)."""
    status = data.get("status")
    status_value = status.get("value") if isinstance(status, dict) else None
    dates: dict[str, str] = {}
    for name in DATE_FIELDS:
        fact = data.get(name)
        if isinstance(fact, dict) and isinstance(fact.get("date"), str | int):
            dates[name] = str(fact["date"])
    term = data.get("term")
    months = term.get("months") if isinstance(term, dict) else None
    parties: dict[str, str] = {}
    for part in _items(data.get("parties")):
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
        term=None if not isinstance(months, str | int | float) else str(months),
        parties=parties,
        texts=texts,
    )


def party_names(data: dict[str, Any]) -> dict[str, str]:
    """Party id -> Dutch name, from one version of parties.yaml's data."""
    names: dict[str, str] = {}
    for party in _items(data.get("parties")):
        if isinstance(party, dict) and isinstance(party.get("id"), str):
            name = party.get("name")
            if isinstance(name, dict):
                name = name.get("nl")
            names[party["id"]] = name if isinstance(name, str) else party["id"]
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
