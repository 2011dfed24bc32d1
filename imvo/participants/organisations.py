"""Participants across covenants: every entry, and the entries grouped into organisations.

A reader looks an organisation up by any part of its name, legal name, brand or parent
group, however they write it ("abn amro", "ABN AMRO Bank N.V."), so names are compared in one
normal form: no accents, no case, no legal forms, words only. The same form is written into
the page for its search field, whose script applies the same rule to what the reader types
(the legal forms reach it from the page, so the list lives only in imvo/participants/names.py).
The A-Z list is in index.py, the look-alikes in duplicates.py, how complete each covenant's
list is in coverage.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from imvo.model.content import (
    Corpus,
    Participant,
    ParticipantKind,
    ParticipantList,
)
from imvo.participants.names import normal, same, sort_key, words


@dataclass(frozen=True)
class Entry:
    """One participant in one covenant."""

    slug: str
    participant: Participant
    kind: ParticipantKind | None
    sources: tuple[str, ...]


@dataclass
class Organisation:
    """One organisation with its entries in every covenant it took part in."""

    name: str
    entries: list[Entry] = field(default_factory=list)
    order: tuple[str, str] = ("", "")
    """Where it goes in the A-Z list (sort_key of its name), worked out once."""

    @property
    def anchor(self) -> str:
        """Its anchor on the A-Z page: org-<words of its name>, unique per page."""
        return "org-" + ("-".join(words(self.name)) or "x")

    def names(self) -> list[str]:
        """Every name, legal name, brand and group its entries give, each once."""
        found: dict[str, str] = {}
        for entry in self.entries:
            p = entry.participant
            for text in (p.name, p.legal_name, *p.brands, p.group):
                if text:
                    found.setdefault(same(text), text)
        return list(found.values())

    def details(self) -> tuple[list[str], list[str], list[str]]:
        """Its other legal names, brands and parent groups across its entries, each once."""
        legal: dict[str, str] = {}
        brands: dict[str, str] = {}
        groups: dict[str, str] = {}
        for entry in self.entries:
            p = entry.participant
            for text in (p.name, p.legal_name):
                if text and same(text) != same(self.name):
                    legal.setdefault(same(text), text)
            for brand in p.brands:
                brands.setdefault(same(brand), brand)
            if p.group:
                groups.setdefault(same(p.group), p.group)
        return list(legal.values()), list(brands.values()), list(groups.values())

    def search_text(self) -> str:
        """The words the page's search field looks in, in normal form."""
        return " | ".join(dict.fromkeys(normal(text) for text in self.names()))


def in_order(listing: ParticipantList) -> list[Participant]:
    """The participants of one file in A-Z order, accents and case aside."""
    return sorted(listing.participants, key=lambda p: sort_key(p.name))


def entries(corpus: Corpus) -> Iterator[tuple[str, int, ParticipantList, Entry]]:
    """Every participant of every covenant: (slug, index, its file, the entry)."""
    for slug in sorted(corpus.participants):
        if slug not in corpus.covenants:  # validation prevents it; a test corpus may not
            continue
        listing = corpus.participants[slug]
        for index, participant in enumerate(listing.participants):
            entry = Entry(
                slug,
                participant,
                listing.kind_of(participant),
                tuple(listing.sources_of(participant)),
            )
            yield slug, index, listing, entry


def organisations(corpus: Corpus) -> list[Organisation]:
    """Every organisation, A-Z: entries that share a party id or id are one organisation,
    and so are entries without one that have the same name in normal form."""
    by_key: dict[str, Organisation] = {}
    for _slug, _index, _listing, entry in entries(corpus):
        participant = entry.participant
        key = f"id:{participant.key}" if participant.key else f"name:{normal(participant.name)}"
        if key not in by_key:
            by_key[key] = Organisation(participant.name, order=sort_key(participant.name))
        by_key[key].entries.append(entry)
    return sorted(by_key.values(), key=lambda org: org.order)
