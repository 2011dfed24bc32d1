"""Participants across covenants: names made comparable, organisations grouped, duplicates found.

A reader looks an organisation up by any part of its name, legal name, brand or parent
group, however they write it ("abn amro", "ABN AMRO Bank N.V."), so names are compared in one
normal form: no accents, no case, no legal forms, words only. The same form is written into
the page for its search field, whose script applies the same rule to what the reader types
(the legal forms reach it from the page, so the list lives only in imvo/participants/names.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from imvo.model.content import (
    Corpus,
    Count,
    CountOf,
    Participant,
    ParticipantKind,
    ParticipantList,
    Source,
)
from imvo.participants.names import LEGAL_FORMS, normal, same, sort_key, words

__all__ = ["LEGAL_FORMS", "normal", "sort_key", "words"]
# The normal form of names lives in imvo/participants/names.py; these are re-exported for the
# templates.


SPLIT_FROM = 2000
"""From this many organisations on, the A-Z list is one page per letter: a single page of
100,000 names would be tens of megabytes, more than a phone can load."""


def letter_slug(letter: str) -> str:
    """The part of a letter's anchor or page name: 'a' for A, 'other' for '#'."""
    return "other" if letter == "#" else letter.lower()


def letter(text: str) -> str:
    """The letter a name is listed under: A-Z, or '#' for a digit or other sign."""
    first = sort_key(text)[0][:1].upper()
    return first if "A" <= first <= "Z" else "#"


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


def anchors(orgs: list[Organisation]) -> list[str]:
    """The anchor of each organisation, in order; two names that differ only in legal form
    or accents would share one, so the later ones get a number."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for org in orgs:
        base = org.anchor
        seen[base] += 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def by_letter(orgs: list[Organisation]) -> list[tuple[str, list[tuple[str, Organisation]]]]:
    """The organisations under their letters, each with its anchor: [('A', [(anchor, org)])]."""
    groups: dict[str, list[tuple[str, Organisation]]] = defaultdict(list)
    for anchor, org in zip(anchors(orgs), orgs, strict=True):
        first = org.order[0][:1].upper()
        groups[first if "A" <= first <= "Z" else "#"].append((anchor, org))
    return sorted(groups.items(), key=lambda item: (item[0] == "#", item[0]))


@dataclass(frozen=True)
class Duplicate:
    """Two entries in two covenants whose names look like the same organisation."""

    slug: str
    index: int
    name: str
    other_slug: str
    other_index: int
    other_name: str


def duplicates(corpus: Corpus) -> list[Duplicate]:
    """Entries in different covenants that are likely the same organisation.

    Two entries look alike when their names (or legal names) in normal form are equal or the
    words of one occur in a row in the other, and they do not both carry an id (a party id or
    an id): the same id says they are one organisation, different ids say they are not.
    Each pair is reported once, at the later entry.
    """
    names: list[tuple[tuple[str, ...], str, int, Participant]] = []
    for slug, index, _listing, entry in entries(corpus):
        participant = entry.participant
        for text in dict.fromkeys(filter(None, (participant.name, participant.legal_name))):
            found = words(text)
            if found:
                names.append((found, slug, index, participant))
    # Each name's words, as an index: a name contains another when some run of its words is
    # that other name's words, so looking up every run of every name finds each pair in time
    # linear in the number of names (a name has a handful of words).
    by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for position, (found, *_rest) in enumerate(names):
        by_words[found].append(position)
    reported: set[tuple[str, int, str, int]] = set()
    result: list[Duplicate] = []
    for found, slug, index, participant in names:
        size = len(found)
        runs = {found[start:end] for start in range(size) for end in range(start + 1, size + 1)}
        for run in runs:
            for position in by_words.get(run, ()):
                _other, other_slug, other_index, other_participant = names[position]
                if other_slug == slug or (participant.key and other_participant.key):
                    continue
                first, second = sorted([(slug, index), (other_slug, other_index)])
                pair = (*first, *second)
                if pair in reported:
                    continue
                reported.add(pair)
                a = corpus.participants[first[0]].participants[first[1]]
                b = corpus.participants[second[0]].participants[second[1]]
                result.append(Duplicate(second[0], second[1], b.name, first[0], first[1], a.name))
    return sorted(result, key=lambda d: (d.slug, d.index, d.other_slug, d.other_index))


# --- how much of each covenant's list this site names -------------------------------------


@dataclass(frozen=True)
class Coverage:
    """What the site names of one covenant's participants, against what the sources count.

    Whether the list is complete is the editors' statement (`complete:` in the participants
    file, with the official list as its source): it is never worked out from the numbers.
    """

    slug: str
    named: int
    """The entries in the participants file."""
    left: int
    """Of those, how many left (on a date a source gives, or by one)."""
    kind: ParticipantKind | None
    """The kind every entry shares (for 'pension funds'), None when they differ."""
    total: Count | None
    """The newest dated count a source gives (of the covenant file or the participants
    file), the highest where several share that date; an undated one only when none is
    dated; None when no source gives a number."""
    total_sources: tuple[Source, ...]
    """The sources of that count."""
    complete: bool
    official: Source | None
    """The official list of participants, where a reader finds every name."""

    @property
    def more_than_counted(self) -> bool:
        """Whether the site names more than the newest count (entries that left, or joined
        after that count): then 'n of the total' would not read right."""
        return self.total is not None and self.named > self.total.number


def _newest(counts: list[tuple[Count, dict[str, Source]]]) -> tuple[Count, dict[str, Source]]:
    dated = [item for item in counts if item[0].as_of is not None]
    if dated:
        return max(dated, key=lambda item: (item[0].as_of.latest(), item[0].number))  # type: ignore[union-attr]
    return max(counts, key=lambda item: item[0].number)


def coverage(corpus: Corpus, slug: str) -> Coverage | None:
    """How much of one covenant's participants the site names; None when it has neither a
    participants file nor a count of participants."""
    covenant = corpus.covenants.get(slug)
    if covenant is None:
        return None
    listing = corpus.participants.get(slug)
    own = {source.id: source for source in covenant.sources}
    counts = [(c, own) for c in covenant.counts if c.of == CountOf.participants]
    if listing is not None:
        theirs = {source.id: source for source in listing.sources}
        counts += [(c, theirs) for c in listing.counts if c.of == CountOf.participants]
    if listing is None and not counts:
        return None
    entries = listing.participants if listing is not None else []
    kinds = {listing.kind_of(p) for p in entries} if listing is not None else set()
    total, by_id = _newest(counts) if counts else (None, {})
    official = None
    if listing is not None and listing.official_list is not None:
        official = next((s for s in listing.sources if s.id == listing.official_list), None)
    return Coverage(
        slug=slug,
        named=len(entries),
        left=sum(1 for p in entries if p.left is not None or p.left_by is not None),
        kind=kinds.pop() if len(kinds) == 1 else None,
        total=total,
        total_sources=tuple(by_id[i] for i in total.sources if i in by_id) if total else (),
        complete=listing is not None and listing.complete,
        official=official,
    )


def coverages(corpus: Corpus) -> list[Coverage]:
    """The coverage of every covenant with participants or a count of them, by slug."""
    found = (coverage(corpus, slug) for slug in sorted(corpus.covenants))
    return [item for item in found if item is not None]


def all_complete(corpus: Corpus) -> bool:
    """Whether every covenant's list of participants is complete by the editors' word: only
    then may the site say that no source names an organisation it does not list."""
    return all(item.complete for item in coverages(corpus))
