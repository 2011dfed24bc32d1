"""The facts that pages show, each defined once: the status in words, the years, the party
count, the counts that sources give, the milestones, the groupings of parties and covenants.

The overview, the factsheet (and so its PDF), the home page, the timeline and the open data
all take these from here, so that they cannot disagree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from imvo.model.content import Corpus, CountOf, Covenant, Party, PartyKind, Role, Status
from imvo.model.dates import PartialDate
from imvo.render.i18n import Translator
from imvo.render.page_list import has_page as has_page  # for the templates (TEMPLATE_NAMES)

SIGNING_ROLES = frozenset({Role.signatory, Role.supporter, Role.facilitator})
"""The roles of the parties that count as taking part: not those that withdrew or declined."""


def party_count(covenant: Covenant) -> int:
    """How many parties the site names as taking part: the one count of every page and file.

    The overview, the factsheet (and so its PDF) and the CSV all show this number.
    """
    return sum(1 for participation in covenant.parties if participation.role in SIGNING_ROLES)


def counts_of(covenant: Covenant, of: str) -> list[Any]:
    """The numbers that sources give for the covenant's parties or participants."""
    return [count for count in covenant.counts if count.of == CountOf(of)]


def counts_up_front(covenant: Covenant, of: str) -> list[Any]:
    """The counts of a kind that the key facts show: the newest, all of them when they share
    that date (sources that disagree stand side by side), all when none is dated.

    The earlier ones go to the notes below the action box: the key facts stay short enough
    that the action box is on a phone's first two screens, and no number is left out.
    """
    counts = counts_of(covenant, of)
    dated = [count.as_of.latest() for count in counts if count.as_of is not None]
    if len(counts) <= 1 or not dated:
        return counts
    newest = max(dated)
    return [count for count in counts if count.as_of is not None and count.as_of.latest() == newest]


def count_phrase(covenant: Covenant, count: Any, t: Translator) -> str:
    """'11 volgens SER (juli 2016)': a number with the source that gives it, named short."""
    first = next(source for source in covenant.sources if source.id == count.sources[0])
    text = t("factsheet.count_by", n=count.number, source=first.publisher or first.title)
    return f"{text} ({t.date(count.as_of)})" if count.as_of else text


def years(covenant: Covenant, t: Translator) -> str:
    """'2016–2021', 'sinds 2023' / 'since 2023' or '': the years an agreement ran."""
    start = covenant.signed or covenant.in_force
    if start is None:
        return ""
    if covenant.ended is None:
        return t("home.since", year=start.date.year)
    if covenant.ended.date.year == start.date.year:
        return str(start.date.year)
    return f"{start.date.year}–{covenant.ended.date.year}"


def unions(covenant: Covenant, parties: dict[str, Party]) -> list[Party]:
    """The trade unions that take part (signatory, supporter), in the file's order."""
    return [
        parties[p.party]
        for p in covenant.parties
        if p.role in SIGNING_ROLES and parties[p.party].kind == PartyKind.trade_union
    ]


def facilitators(covenant: Covenant, parties: dict[str, Party]) -> list[Party]:
    """The parties that facilitated the covenant (the SER, for most)."""
    return [parties[p.party] for p in covenant.parties if p.role == Role.facilitator]


def status_phrase(covenant: Covenant, t: Translator) -> str:
    """'Afgelopen in juni 2020' / 'Ended June 2020': the status with its date."""
    status = covenant.status.value
    if status.has_ended and covenant.ended:
        date = covenant.ended.date
        return t(f"status.phrase.{status.value}", date=t.date(date), on_date=t.on_date(date))
    if status == Status.active:
        start = covenant.in_force or covenant.signed
        if start is None:
            return t("status.phrase.active_nodate")
        return t("status.phrase.active", date=t.date(start.date), on_date=t.on_date(start.date))
    if status == Status.unknown:
        # Unknown: no source says whether it still runs; as_of is the latest that saw it run.
        seen = covenant.status.as_of
        if seen is None:
            return t("status.unknown")
        return t("status.phrase.unknown", date=t.date(seen), on_date=t.on_date(seen))
    return t(f"status.phrase.{status.value}")


def status_date(covenant: Covenant, t: Translator) -> str:
    """The date beside the status tag: '31 december 2021', 'sinds 4 juli 2016' / 'since 4 July
    2016', 'laatste bericht: juli 2020' / 'last report: July 2020', or '' when none is known."""
    status = covenant.status.value
    if status.has_ended:
        return t.date(covenant.ended.date) if covenant.ended else ""
    if status == Status.active:
        start = covenant.in_force or covenant.signed
        return t("status.since", date=t.date(start.date)) if start else ""
    if status == Status.unknown and covenant.status.as_of is not None:
        return t("status.last_report", date=t.date(covenant.status.as_of))
    return ""


@dataclass(frozen=True)
class Note:
    """One remark of a factsheet's "about these data" notes: the fact it is on, the remark
    and the sources of the remark (none where the remark is the editors' own note)."""

    label: str
    text: str
    sources: tuple[str, ...] = ()


def notes(covenant: Covenant, t: Translator) -> list[Note]:
    """The remarks that stand below a factsheet's key facts instead of in them: the dates
    other sources give, the notes on dates, status, counts and chairs, and the counts older
    than the newest of their kind (which the key facts show)."""
    found: list[Note] = []
    for name, fact in covenant.dated_facts():
        label = t(f"factsheet.{name}")
        for other in fact.disputed:
            text = t("factsheet.disputed", date=t.date(other.date))
            found.append(Note(label, text, tuple(other.sources)))
        if fact.note:
            found.append(Note(label, fact.note.get(t.lang)))
    if covenant.status.note:
        found.append(Note(t("factsheet.status"), covenant.status.note.get(t.lang)))
    for count in covenant.counts:
        if count.note:
            found.append(Note(t(f"factsheet.count_label.{count.of.value}"), count.note.get(t.lang)))
    for of in ("parties", "participants"):
        up_front = counts_up_front(covenant, of)
        for count in counts_of(covenant, of):
            if count not in up_front:
                text = t("factsheet.earlier_count", count=count_phrase(covenant, count, t))
                found.append(Note(t(f"factsheet.count_label.{of}"), text, tuple(count.sources)))
    for chair in covenant.chairs:
        if chair.note:
            found.append(Note(chair.name, chair.note.get(t.lang)))
    return found


def noted(found: list[Note]) -> frozenset[str]:
    """The labels that have a note: their fact says 'see the notes' beside it."""
    return frozenset(note.label for note in found)


@dataclass(frozen=True)
class Milestone:
    """One dated event in a covenant's life, for its factsheet and the timeline."""

    date: PartialDate
    text: str
    sources: tuple[str, ...]


def milestones(covenant: Covenant, corpus: Corpus, t: Translator) -> list[Milestone]:
    """The covenant's dated events in order: signed, in force, parties leaving, end."""
    events: list[Milestone] = []
    for name, fact in covenant.dated_facts():
        events.append(Milestone(fact.date, t(f"factsheet.milestone.{name}"), tuple(fact.sources)))
    for participation in covenant.parties:
        if participation.date is None:
            continue
        party = corpus.parties[participation.party].name_in(t.lang)
        kind = {Role.withdrawn: "withdrawn", Role.declined: "declined"}.get(
            participation.role, "joined"
        )
        text = t(f"factsheet.milestone.{kind}", party=party)
        events.append(Milestone(participation.date, text, tuple(participation.sources)))
    if covenant.successor and covenant.ended:
        successor = corpus.covenants[covenant.successor].short_name.get(t.lang)
        events.append(
            Milestone(
                covenant.ended.date,
                t("factsheet.milestone.successor", name=successor),
                tuple(covenant.ended.sources),
            )
        )
    return sorted(events, key=lambda event: event.date.earliest())


def parties_by_kind(
    covenant: Covenant, parties: dict[str, Party]
) -> list[tuple[PartyKind, list[tuple[Party, Any]]]]:
    """The covenant's parties grouped by kind, in the order of the PartyKind list."""
    groups: dict[PartyKind, list[tuple[Party, Any]]] = defaultdict(list)
    for participation in covenant.parties:
        party = parties[participation.party]
        groups[party.kind].append((party, participation))
    return [(kind, groups[kind]) for kind in PartyKind if kind in groups]


def party_covenants(corpus: Corpus) -> dict[str, list[tuple[str, Any]]]:
    """For each party id, the covenants it took part in (slug, participation), by signing date."""
    found: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for slug in by_signing(corpus):
        for participation in corpus.covenants[slug].parties:
            found[participation.party].append((slug, participation))
    return found


def by_signing(corpus: Corpus) -> list[str]:
    """The covenants' slugs in order of signing (or entry into force); undated ones last."""

    def key(slug: str) -> tuple[bool, tuple[int, int, int], str]:
        covenant = corpus.covenants[slug]
        start = covenant.signed or covenant.in_force
        return (start is None, start.date.earliest() if start else (0, 0, 0), slug)

    return sorted(corpus.covenants, key=key)


def roles_of(entries: list[tuple[str, Any]]) -> list[tuple[Role, list[tuple[str, Any]]]]:
    """A party's covenants grouped by its role in them, in the order of the Role list."""
    groups: dict[Role, list[tuple[str, Any]]] = defaultdict(list)
    for slug, participation in entries:
        groups[participation.role].append((slug, participation))
    return [(role, groups[role]) for role in Role if role in groups]


def cards_by_sector(corpus: Corpus, lang: str) -> list[tuple[str, list[str]]]:
    """The covenants grouped by sector (sectors in alphabetical order), each by signing date."""
    groups: dict[str, list[str]] = defaultdict(list)
    for slug in by_signing(corpus):
        groups[corpus.covenants[slug].sector.get(lang)].append(slug)
    return sorted(groups.items(), key=lambda item: item[0].casefold())


def cards_in_order(corpus: Corpus, lang: str) -> list[str]:
    """The covenants as the home page lists them: the running ones first, then the rest,
    each group by short name (A-Z in the language)."""

    def key(slug: str) -> tuple[bool, str, str]:
        covenant = corpus.covenants[slug]
        running = covenant.status.value == Status.active
        return (not running, covenant.short_name.get(lang).casefold(), slug)

    return sorted(corpus.covenants, key=key)


def status_tally(corpus: Corpus) -> list[tuple[Status, int]]:
    """How many covenants have each status, in the order of the Status list; none left out
    that has one, none listed that has none."""
    counts: dict[Status, int] = defaultdict(int)
    for covenant in corpus.covenants.values():
        counts[covenant.status.value] += 1
    order = [Status.active, Status.in_preparation, Status.ended, Status.ended_early]
    order += [Status.succeeded, Status.unknown]
    return [(status, counts[status]) for status in order if counts[status]]


def signing_unions(corpus: Corpus, lang: str) -> list[Party]:
    """The trade unions that took part in at least one covenant, by name: the way in for a
    union official ("which agreements did my union sign?")."""
    found = {
        participation.party
        for covenant in corpus.covenants.values()
        for participation in covenant.parties
        if participation.role in SIGNING_ROLES
        and corpus.parties[participation.party].kind == PartyKind.trade_union
    }
    unions = [corpus.parties[party] for party in found]
    return sorted(unions, key=lambda party: (party.name_in(lang).casefold(), party.id))


def participation(covenant: Covenant, participant: Any, t: Translator) -> str:
    """An organisation's own part in a covenant, in years: 'deed mee 2016–2019' / 'took part
    2016–2019', 'doet mee sinds 2019' / 'has taken part since 2019', 'deed mee vanaf 2016'
    / 'took part from 2016' where no source says how long; '' when no year is known.

    It starts when the organisation joined (else when the covenant began) and ends when it
    left (or by when it had left), else when the covenant ended."""
    begun = covenant.signed or covenant.in_force
    start = participant.joined or (begun.date if begun else None)
    left = participant.left or participant.left_by
    end = left or (covenant.ended.date if covenant.ended else None)
    if start is None:
        return t("participants.took_part_until", end=end.year) if end is not None else ""
    if end is not None:
        if end.year == start.year:
            return t("participants.took_part_in", year=start.year)
        return t("participants.took_part", start=start.year, end=end.year)
    if covenant.status.value == Status.active:
        return t("participants.takes_part", start=start.year)
    return t("participants.took_part_from", start=start.year)


def predecessors(corpus: Corpus) -> dict[str, list[str]]:
    """For each covenant that follows others, the slugs of those before it, by slug."""
    found: dict[str, list[str]] = defaultdict(list)
    for slug in sorted(corpus.covenants):
        successor = corpus.covenants[slug].successor
        if successor:
            found[successor].append(slug)
    return dict(found)


TEMPLATE_NAMES = (
    "status_phrase", "party_count", "counts_of", "counts_up_front", "count_phrase", "years",
    "unions", "has_page", "by_signing", "roles_of", "cards_by_sector", "facilitators",
    "parties_by_kind", "milestones", "status_date", "notes", "noted", "cards_in_order",
    "status_tally", "signing_unions", "participation",
)  # fmt: skip
"""The facts the templates call by name."""
