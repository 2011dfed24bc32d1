"""'Did you mean': the known name closest to one that is not known, and the messages for an
unknown source id or party id that carry it."""

from __future__ import annotations

import difflib
from collections import defaultdict


def closest(name: str, names: list[str]) -> str | None:
    """The name among `names` closest to `name`, if one is close enough (the one helper)."""
    close = difflib.get_close_matches(name, names, n=1)
    return close[0] if close else None


def unknown_source(ref: str, known: set[str]) -> tuple[str, dict[str, str]]:
    """The message for a source id a file does not have, with the closest id it does have."""
    close = closest(ref, sorted(known))
    if close:
        return "unknown-source-close", {"id": ref, "close": close}
    return "unknown-source", {"id": ref}


def unknown_party(party: str, close: str | None) -> tuple[str, dict[str, str]]:
    """The message for a party id parties.yaml does not have, with the closest id it has."""
    if close:
        return "unknown-party-close", {"id": party, "close": close}
    return "unknown-party", {"id": party}


def _deletions(name: str) -> set[str]:
    """The name and every name one letter shorter that it gives."""
    return {name} | {name[:index] + name[index + 1 :] for index in range(len(name))}


class NameHints:
    """'Did you mean' for a name among many, with a bounded search.

    difflib compares a name with every candidate: 300 unknown ids among 10,000 parties
    took `check` 42 s. Up to FULL_SEARCH names every one is compared, as before. Among more,
    only the names that share a one-letter deletion with the unknown name are compared
    (found in an index: a letter too many, too few, wrong or two letters swapped), so
    each look-up costs the same whatever the number of names. Each name is looked up once.
    """

    FULL_SEARCH = 1000

    def __init__(self, names: set[str]) -> None:
        self.names = sorted(names)
        self._index: dict[str, list[str]] | None = None
        self.found: dict[str, str | None] = {}

    def _candidates(self, name: str) -> list[str]:
        if len(self.names) <= self.FULL_SEARCH:
            return self.names
        if self._index is None:  # made on the first unknown name only
            self._index = defaultdict(list)
            for known in self.names:
                for shorter in _deletions(known):
                    self._index[shorter].append(known)
        index = self._index
        return sorted({known for shorter in _deletions(name) for known in index.get(shorter, ())})

    def closest(self, name: str) -> str | None:
        """The known name closest to `name`, if one is close enough."""
        if name not in self.found:
            self.found[name] = closest(name, self._candidates(name))
        return self.found[name]
