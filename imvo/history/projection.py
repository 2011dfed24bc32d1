"""Projections: what one version of a covenant file says that a reader cares about, read
tolerantly (old versions need not pass today's model), and the changes between two."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from imvo.history.records import Change

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

try:  # the C loader is ten times faster on long histories; PyYAML without libyaml has none
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


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
