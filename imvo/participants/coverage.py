"""How much of each covenant's list of participants the site names, against what the
sources count, and whether the editors call the list complete."""

from __future__ import annotations

from dataclasses import dataclass

from imvo.model.content import Corpus, Count, CountOf, ParticipantKind, Source


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
