"""Open data: the whole dataset as JSON, and as CSV (one row per covenant; one per party; one
per covenant and party; one per covenant and participant), described as a Frictionless Data
Package (datapackage.json) with a table schema per CSV file.

The shape is stable and documented on the site's data page: the JSON holds every covenant
exactly as its YAML file does (same field names, dates as written, with every field present,
null where unknown) plus its slug, and the party registry. Adding a field is a new minor
version; renaming or removing one a new major version (FORMAT_VERSION).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic_core import to_json

from imvo.model.content import LANGUAGES, Corpus, Covenant, Role
from imvo.participants.coverage import Coverage, coverage
from imvo.render.facts import party_count

FORMAT_VERSION = "2.2"
"""2.2: covenants.csv says how many participants the site names, the newest count, whether
the list is complete and where the official list is; 2.1 added the law rules; 2.0: a
source's `date` became `published`, beside `checked` (issue 26); 1.2 added results."""
FOLDER = "data"
"""Where the files land, at the root of the site: data/covenants.json and so on."""
JSON_FILE = "covenants.json"
COVENANTS_CSV = "covenants.csv"
PARTIES_CSV = "covenant-parties.csv"
PARTY_REGISTRY_CSV = "parties.csv"
PARTICIPANTS_CSV = "covenant-participants.csv"
RESULTS_CSV = "covenant-results.csv"
LAW_CSV = "law-rules.csv"
DATAPACKAGE = "datapackage.json"


def _party_count(covenant: Covenant) -> int:
    # The one count the overview and the factsheet show too (imvo/render/facts.py).
    return party_count(covenant)


def _date(fact: Any) -> str:
    return fact.date.iso() if fact is not None else ""


COVENANT_COLUMNS: dict[str, Callable[[str, Covenant], object]] = {
    "slug": lambda slug, c: slug,
    "name_nl": lambda slug, c: c.name.nl,
    "name_en": lambda slug, c: c.name.en,
    "short_name_nl": lambda slug, c: c.short_name.nl,
    "short_name_en": lambda slug, c: c.short_name.en,
    "sector_nl": lambda slug, c: c.sector.nl,
    "sector_en": lambda slug, c: c.sector.en,
    "status": lambda slug, c: c.status.value.value,
    "status_as_of": lambda slug, c: c.status.as_of.iso() if c.status.as_of else "",
    "signed": lambda slug, c: _date(c.signed),
    "in_force": lambda slug, c: _date(c.in_force),
    "ended": lambda slug, c: _date(c.ended),
    "term_months": lambda slug, c: c.term.months if c.term else "",
    "successor": lambda slug, c: c.successor or "",
    "parties": lambda slug, c: _party_count(c),
    "signatories": lambda slug, c: ";".join(p.party for p in c.parties if p.role == Role.signatory),
    "factsheet_nl": lambda slug, c: f"{slug}.html",
    "factsheet_en": lambda slug, c: f"en/{slug}.html",
    "pdf_nl": lambda slug, c: f"pdf/{slug}.pdf",
    "pdf_en": lambda slug, c: f"en/pdf/{slug}.pdf",
}
"""The columns of covenants.csv from the covenant file, in order, and how each is filled."""

COVERAGE_COLUMNS: dict[str, Callable[[Coverage | None], object]] = {
    "participants_named": lambda cov: cov.named if cov else "",
    "participants_total": lambda cov: cov.total.number if cov and cov.total else "",
    "participants_total_as_of": lambda cov: (
        cov.total.as_of.iso() if cov and cov.total and cov.total.as_of else ""
    ),
    "participants_complete": lambda cov: "true" if cov and cov.complete else "false",
    "participants_list": lambda cov: cov.official.url or "" if cov and cov.official else "",
}
"""The columns of covenants.csv after those: how many participants the site names, the
newest count a source gives, whether the editors say the list is complete, and the
address of the official list (imvo/participants/coverage.py: Coverage)."""

ALL_COVENANT_COLUMNS: tuple[str, ...] = (*COVENANT_COLUMNS, *COVERAGE_COLUMNS)
"""Every column of covenants.csv, in order."""

PARTY_COLUMNS: tuple[str, ...] = (
    "covenant",
    "party",
    "party_name_nl",
    "party_name_en",
    "party_kind",
    "role",
    "date",
)
"""The columns of covenant-parties.csv, in order."""

JSON_KEYS: tuple[str, ...] = (
    "format",
    "version",
    "languages",
    "covenants",
    "parties",
    "participants",
    "law",
)
"""The top-level keys of covenants.json, in order."""


def dataset(corpus: Corpus) -> dict[str, Any]:
    """The whole dataset as plain JSON values: every covenant (with its slug) and every party."""
    return {
        "format": "imvo-covenants",
        "version": FORMAT_VERSION,
        "languages": list(LANGUAGES),
        "covenants": [
            {"slug": slug, **corpus.covenants[slug].model_dump(mode="json")}
            for slug in sorted(corpus.covenants)
        ],
        "parties": [corpus.parties[pid].model_dump(mode="json") for pid in sorted(corpus.parties)],
        "participants": [
            {"covenant": slug, **corpus.participants[slug].model_dump(mode="json")}
            for slug in sorted(corpus.participants)
        ],
        "law": corpus.law.model_dump(mode="json"),
    }


def covenants_json(corpus: Corpus) -> str:
    """covenants.json: the dataset, indented, keys in model order, UTF-8 without escapes.

    Written by pydantic-core's serialiser: the same text as json.dumps(ensure_ascii=False,
    indent=2), which falls back to its slow pure-Python encoder when asked to indent.
    """
    return to_json(dataset(corpus), indent=2).decode("utf-8") + "\n"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""How a cell starts that a spreadsheet would run as a formula (OWASP's CSV injection list:
= + - @ TAB CR; also LF and the full-width forms some spreadsheets read the same way)."""


def safe_cell(value: object) -> object:
    """A cell a spreadsheet shows as text, never runs: a formula's start gets a ' before it.

    The files open in spreadsheets (the byte-order mark invites it), and a party named
    '=HYPERLINK(...)' would otherwise be a live formula. Leading spaces do not hide one.
    """
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(header: tuple[str, ...] | list[str], rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def covenants_csv(corpus: Corpus) -> str:
    """covenants.csv: one row per covenant, in order of slug."""
    rows = []
    for slug in sorted(corpus.covenants):
        row = [fill(slug, corpus.covenants[slug]) for fill in COVENANT_COLUMNS.values()]
        cov = coverage(corpus, slug)
        rows.append(row + [fill(cov) for fill in COVERAGE_COLUMNS.values()])
    return _csv(list(ALL_COVENANT_COLUMNS), rows)


def parties_csv(corpus: Corpus) -> str:
    """covenant-parties.csv: one row per covenant and party, in the covenant file's order."""
    rows: list[list[object]] = []
    for slug in sorted(corpus.covenants):
        for part in corpus.covenants[slug].parties:
            party = corpus.parties[part.party]
            rows.append(
                [
                    slug,
                    party.id,
                    party.name_in("nl"),
                    party.name_in("en"),
                    party.kind.value,
                    part.role.value,
                    part.date.iso() if part.date else "",
                ]
            )
    return _csv(PARTY_COLUMNS, rows)


REGISTRY_COLUMNS: tuple[str, ...] = (
    "id",
    "name_nl",
    "name_en",
    "full_name_nl",
    "full_name_en",
    "kind",
    "website",
)
"""The columns of parties.csv (the party registry), in order."""


def registry_csv(corpus: Corpus) -> str:
    """parties.csv: one row per organisation in the party registry, in order of id."""
    rows: list[list[object]] = []
    for pid in sorted(corpus.parties):
        party = corpus.parties[pid]
        rows.append(
            [
                party.id,
                party.name_in("nl"),
                party.name_in("en"),
                party.full_name_in("nl") or "",
                party.full_name_in("en") or "",
                party.kind.value,
                party.website or "",
            ]
        )
    return _csv(REGISTRY_COLUMNS, rows)


PARTICIPANT_COLUMNS: tuple[str, ...] = (
    "covenant",
    "name",
    "legal_name",
    "id",
    "party",
    "kind",
    "brands",
    "group",
    "website",
    "joined",
    "left",
    "left_by",
    "sources",
    "source_urls",
    "source_titles",
)
"""The columns of covenant-participants.csv, in order."""


def _iso(value: Any) -> str:
    return value.iso() if value is not None else ""


def participants_csv(corpus: Corpus) -> str:
    """covenant-participants.csv: one row per covenant and participant, with its sources."""
    rows: list[list[object]] = []
    for slug in sorted(corpus.participants):
        listing = corpus.participants[slug]
        by_id = {source.id: source for source in listing.sources}
        for p in listing.participants:
            found = [by_id[source_id] for source_id in listing.sources_of(p)]
            kind = listing.kind_of(p)
            rows.append(
                [
                    slug,
                    p.name,
                    p.legal_name or "",
                    p.id or "",
                    p.party or "",
                    kind.value if kind else "",
                    ";".join(p.brands),
                    p.group or "",
                    p.website or "",
                    _iso(p.joined),
                    _iso(p.left),
                    _iso(p.left_by),
                    ";".join(source.id for source in found),
                    ";".join(source.url or "" for source in found),
                    "; ".join(source.title for source in found),
                ]
            )
    return _csv(PARTICIPANT_COLUMNS, rows)


RESULT_COLUMNS: tuple[str, ...] = (
    "covenant",
    "number",
    "kind",
    "by",
    "independent",
    "by_name_nl",
    "by_name_en",
    "date",
    "text_nl",
    "text_en",
    "figure",
    "figure_unit_nl",
    "figure_unit_en",
    "figure_as_of",
    "sources",
    "source_urls",
)
"""The columns of covenant-results.csv, in order."""


def results_csv(corpus: Corpus) -> str:
    """covenant-results.csv: one row per result of a covenant, in the file's order (the
    editors' order of importance), with who says it and its sources."""
    rows: list[list[object]] = []
    for slug in sorted(corpus.covenants):
        covenant = corpus.covenants[slug]
        by_id = {source.id: source for source in covenant.sources}
        for number, result in enumerate(covenant.results, start=1):
            found = [by_id[source_id] for source_id in result.sources if source_id in by_id]
            figure = result.figure
            rows.append(
                [
                    slug,
                    number,
                    result.kind.value,
                    result.by.value,
                    "true" if result.by.independent else "false",
                    result.by_name.nl if result.by_name else "",
                    result.by_name.en if result.by_name else "",
                    _iso(result.date),
                    result.text.nl,
                    result.text.en,
                    f"{figure.value:g}" if figure else "",
                    figure.unit.nl if figure else "",
                    figure.unit.en if figure else "",
                    _iso(figure.as_of) if figure else "",
                    ";".join(source.id for source in found),
                    ";".join(source.url or "" for source in found),
                ]
            )
    return _csv(RESULT_COLUMNS, rows)


LAW_COLUMNS: tuple[str, ...] = (
    "law",
    "scope",
    "measure",
    "value",
    "unit",
    "article_nl",
    "article_en",
    "as_of",
    "sources",
    "source_urls",
)
"""The columns of law-rules.csv, in order."""

LAW_MEASURES: tuple[tuple[str, str, str], ...] = (
    ("eu", "employees_over", "employees"),
    ("eu", "turnover_over", "eur_million"),
    ("non_eu", "eu_turnover_over", "eur_million"),
    ("non_eu", "branch_turnover_over", "eur_million"),
    ("franchise", "royalties_over", "eur_million"),
    ("franchise", "turnover_over", "eur_million"),
    ("start_eu", "date", "date"),
    ("start_non_eu", "date", "date"),
)
"""The rows of each law in law-rules.csv: (scope, measure, unit); a law without the scope or
the measure (the CSDDD asks for no EU branch) has no row for it."""


def law_csv(corpus: Corpus) -> str:
    """law-rules.csv: one row per threshold and start date of the CSRD and the CSDDD, with its
    article, its "as of" date and its sources (content/law.yaml)."""
    rules = corpus.law
    by_id = {source.id: source for source in rules.sources}
    rows: list[list[object]] = []
    for key, law in rules.laws().items():
        for scope_name, measure, unit in LAW_MEASURES:
            scope = getattr(law, scope_name)
            value = getattr(scope, measure) if scope is not None else None
            if value is None:
                continue
            shown = (
                value.iso()
                if unit == "date"
                else (int(value) if float(value).is_integer() else value)
            )
            rows.append(
                [
                    key,
                    scope_name,
                    measure,
                    shown,
                    unit,
                    scope.article.nl,
                    scope.article.en,
                    scope.as_of.iso(),
                    ";".join(scope.sources),
                    ";".join(by_id[source_id].url or "" for source_id in scope.sources),
                ]
            )
    return _csv(LAW_COLUMNS, rows)


def write_data(corpus: Corpus, site: Path) -> list[Path]:
    """Write the data files and their datapackage.json into <site>/data/; return their paths."""
    from imvo.outputs.datapackage import (
        datapackage_json,  # the package describes this module's files
    )

    folder = site / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        JSON_FILE: covenants_json(corpus),
        # A byte-order mark, so that spreadsheet programs read the accents as UTF-8.
        COVENANTS_CSV: "\ufeff" + covenants_csv(corpus),
        PARTIES_CSV: "\ufeff" + parties_csv(corpus),
        PARTY_REGISTRY_CSV: "\ufeff" + registry_csv(corpus),
        PARTICIPANTS_CSV: "\ufeff" + participants_csv(corpus),
        RESULTS_CSV: "\ufeff" + results_csv(corpus),
        LAW_CSV: "\ufeff" + law_csv(corpus),
        DATAPACKAGE: datapackage_json(corpus),
    }
    paths = []
    for name, text in files.items():
        path = folder / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths
