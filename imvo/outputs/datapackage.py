"""The open data described as a Frictionless Data Package: data/datapackage.json.

Open-data portals and tools (frictionless, CKAN) read the package to know each CSV file's
columns, their types, which are required, and how the files refer to each other: the
covenants by slug, the party registry by id, and the rows of parties and participants of
each covenant by those keys. The tests validate the built files against it with the
frictionless package, the way such portals do.
"""

from __future__ import annotations

import json
from typing import Any

from imvo.model.content import (
    Corpus,
    ParticipantKind,
    PartyKind,
    ResultBy,
    ResultKind,
    Role,
    Status,
)
from imvo.outputs import open_data as data

DATE_PATTERN = r"\d{4}(-\d{2}(-\d{2})?)?"
"""A date as precisely as it is known: YYYY, YYYY-MM or YYYY-MM-DD (a whole-value pattern)."""
SLUG_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"


def _text(name: str, description: str, *, required: bool = False) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": "string", "description": description}
    if required:
        field["constraints"] = {"required": True}
    return field


def _date(name: str, description: str) -> dict[str, Any]:
    return {
        "name": name,
        "type": "string",
        "format": "default",
        "description": f"{description} YYYY-MM-DD, or YYYY-MM or YYYY where only that is known.",
        "constraints": {"pattern": DATE_PATTERN},
    }


def _slug(name: str, description: str, *, required: bool = True) -> dict[str, Any]:
    constraints: dict[str, Any] = {"pattern": SLUG_PATTERN}
    if required:
        constraints["required"] = True
    return {"name": name, "type": "string", "description": description, "constraints": constraints}


def _enum(
    name: str, values: list[str], description: str, *, required: bool = True
) -> dict[str, Any]:
    constraints: dict[str, Any] = {"enum": values}
    if required:
        constraints["required"] = True
    return {"name": name, "type": "string", "description": description, "constraints": constraints}


def _integer(name: str, description: str, *, required: bool = False) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": "integer", "description": description}
    field["constraints"] = {"minimum": 0, **({"required": True} if required else {})}
    return field


def _covenant_fields() -> list[dict[str, Any]]:
    fields: dict[str, dict[str, Any]] = {
        "slug": {
            **_slug("slug", "The covenant's short name in addresses and file names."),
            "constraints": {"required": True, "unique": True, "pattern": SLUG_PATTERN},
        },
        "status": _enum("status", [s.value for s in Status], "Where the covenant stands."),
        "status_as_of": _date("status_as_of", "When the status was last checked."),
        "signed": _date("signed", "When it was signed."),
        "in_force": _date("in_force", "When it came into force."),
        "ended": _date("ended", "When it ended."),
        "term_months": _integer("term_months", "The planned term in months."),
        "successor": _slug("successor", "The slug of the covenant that followed.", required=False),
        "parties": _integer(
            "parties", "The number of signatories, supporters and facilitators.", required=True
        ),
        "signatories": _text("signatories", "The ids of the signatories, separated by ';'."),
        "participants_named": _integer(
            "participants_named", "How many participants this site names.", required=False
        ),
        "participants_total": _integer(
            "participants_total", "The newest count of participants a source gives."
        ),
        "participants_total_as_of": _date("participants_total_as_of", "When that count was true."),
        "participants_complete": {
            "name": "participants_complete",
            "type": "boolean",
            "description": "true when the editors say this site names every participant of "
            "the official list; false when the list of names is not complete.",
            "constraints": {"required": True},
        },
        "participants_list": _text(
            "participants_list", "The address of the official list of all participants."
        ),
    }
    required_text = {
        "name_nl",
        "name_en",
        "short_name_nl",
        "short_name_en",
        "sector_nl",
        "sector_en",
        "factsheet_nl",
        "factsheet_en",
        "pdf_nl",
        "pdf_en",
    }
    out = []
    for column in data.ALL_COVENANT_COLUMNS:
        if column in fields:
            out.append(fields[column])
        else:
            out.append(_text(column, column.replace("_", " "), required=column in required_text))
    return out


def _resource(name: str, path: str, title: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "path": path,
        "title": title,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        # The files start with a byte-order mark, so that spreadsheets read them as UTF-8.
        "encoding": "utf-8-sig",
        "schema": schema,
    }


def descriptor(corpus: Corpus) -> dict[str, Any]:
    """The data package: every CSV file with its table schema and keys, and the JSON file."""
    _ = corpus  # the schema does not depend on the content; kept for future counts
    covenant_ref = {"resource": "covenants", "fields": "slug"}
    party_ref = {"resource": "parties", "fields": "id"}
    resources = [
        _resource(
            "covenants",
            data.COVENANTS_CSV,
            "One row per covenant",
            {
                "fields": _covenant_fields(),
                "primaryKey": ["slug"],
                "foreignKeys": [
                    {"fields": "successor", "reference": {"resource": "", "fields": "slug"}}
                ],
            },
        ),
        _resource(
            "parties",
            data.PARTY_REGISTRY_CSV,
            "The party registry: one row per organisation",
            {
                "fields": [
                    {
                        **_slug("id", "The party's id."),
                        "constraints": {"required": True, "unique": True, "pattern": SLUG_PATTERN},
                    },
                    _text("name_nl", "The name in Dutch.", required=True),
                    _text("name_en", "The name in English.", required=True),
                    _text("full_name_nl", "The full name in Dutch, where the name is short."),
                    _text("full_name_en", "The full name in English, where the name is short."),
                    _enum("kind", [k.value for k in PartyKind], "What kind of organisation."),
                    _text("website", "Its website."),
                ],
                "primaryKey": ["id"],
            },
        ),
        _resource(
            "covenant-parties",
            data.PARTIES_CSV,
            "One row per covenant and party",
            {
                "fields": [
                    _slug("covenant", "The covenant's slug."),
                    _slug("party", "The party's id."),
                    _text("party_name_nl", "The party's name in Dutch.", required=True),
                    _text("party_name_en", "The party's name in English.", required=True),
                    _enum("party_kind", [k.value for k in PartyKind], "What kind of organisation."),
                    _enum("role", [r.value for r in Role], "Its part in the covenant."),
                    _date("date", "When it joined, left or declined, where known."),
                ],
                "foreignKeys": [
                    {"fields": "covenant", "reference": covenant_ref},
                    {"fields": "party", "reference": party_ref},
                ],
            },
        ),
        _resource(
            "covenant-participants",
            data.PARTICIPANTS_CSV,
            "One row per covenant and participating enterprise, with its sources",
            {
                "fields": [
                    _slug("covenant", "The covenant's slug."),
                    _text("name", "The name as readers know it.", required=True),
                    _text("legal_name", "The legal name, where a source gives it."),
                    _slug("id", "An id shared by its rows in several covenants.", required=False),
                    _slug(
                        "party", "Its id in the party registry, if it is a party.", required=False
                    ),
                    _enum(
                        "kind",
                        [k.value for k in ParticipantKind],
                        "What kind of enterprise.",
                        required=False,
                    ),
                    _text("brands", "Brands it is known by, separated by ';'."),
                    _text("group", "The parent group."),
                    _text("website", "Its website."),
                    _date("joined", "When it joined, where a source says."),
                    _date("left", "When it left, where a source says."),
                    _date("left_by", "It left by this date at the latest (no exact date known)."),
                    _text("sources", "The ids of its sources, separated by ';'.", required=True),
                    _text("source_urls", "The addresses of its sources, separated by ';'."),
                    _text("source_titles", "The titles of its sources, separated by '; '."),
                ],
                "primaryKey": ["covenant", "name"],
                "foreignKeys": [
                    {"fields": "covenant", "reference": covenant_ref},
                    {"fields": "party", "reference": party_ref},
                ],
            },
        ),
        _resource(
            "covenant-results",
            data.RESULTS_CSV,
            "One row per result of a covenant: what it achieved or did not, who says so, and "
            "the source",
            {
                "fields": [
                    _slug("covenant", "The covenant's slug."),
                    {
                        **_integer(
                            "number", "Its place in the covenant's list (1 = first).", required=True
                        ),
                        "constraints": {"required": True, "minimum": 1},
                    },
                    _enum("kind", [k.value for k in ResultKind], "What kind of claim it is."),
                    _enum("by", [b.value for b in ResultBy], "Who says it."),
                    {
                        "name": "independent",
                        "type": "boolean",
                        "description": "false for the agreement's own report, true for anyone "
                        "else.",
                        "constraints": {"required": True},
                    },
                    _text("by_name_nl", "Who exactly, in Dutch, where given."),
                    _text("by_name_en", "Who exactly, in English, where given."),
                    _date("date", "When the source said it."),
                    _text("text_nl", "The claim in Dutch (Markdown).", required=True),
                    _text("text_en", "The claim in English (Markdown).", required=True),
                    {
                        "name": "figure",
                        "type": "number",
                        "description": "Its number, where the source gives one.",
                        "constraints": {"minimum": 0},
                    },
                    _text("figure_unit_nl", "What the number counts, in Dutch."),
                    _text("figure_unit_en", "What the number counts, in English."),
                    _date("figure_as_of", "When the number was true."),
                    _text("sources", "The ids of its sources, separated by ';'.", required=True),
                    _text("source_urls", "The addresses of its sources, separated by ';'."),
                ],
                "primaryKey": ["covenant", "number"],
                "foreignKeys": [{"fields": "covenant", "reference": covenant_ref}],
            },
        ),
    ]
    resources.append(
        _resource(
            "law-rules",
            data.LAW_CSV,
            "The CSRD and CSDDD thresholds and start dates, each with its article and sources",
            {
                "fields": [
                    _enum("law", ["csrd", "csddd"], "The directive."),
                    _enum(
                        "scope",
                        sorted({scope for scope, _measure, _unit in data.LAW_MEASURES}),
                        "Whom the rule is for: eu (companies and groups established in the "
                        "EU), non_eu, franchise (the CSDDD's franchise route), or the start "
                        "of the duties (start_eu, start_non_eu).",
                    ),
                    _enum(
                        "measure",
                        sorted({measure for _scope, measure, _unit in data.LAW_MEASURES}),
                        "What the value is: a threshold ('_over': covered above it, strictly "
                        "more) or the date the duties apply from.",
                    ),
                    _text(
                        "value",
                        "The threshold (a number; amounts in millions of euros) or the date "
                        "(YYYY-MM-DD).",
                        required=True,
                    ),
                    _enum("unit", ["employees", "eur_million", "date"], "The unit of the value."),
                    _text("article_nl", "The article of the directive, in Dutch.", required=True),
                    _text("article_en", "The article of the directive, in English.", required=True),
                    _date("as_of", "The date the rule was true as of."),
                    _text("sources", "The ids of its sources, separated by ';'.", required=True),
                    _text("source_urls", "The addresses of its sources, separated by ';'."),
                ],
                "primaryKey": ["law", "scope", "measure"],
            },
        )
    )
    columns = {
        "covenants": data.ALL_COVENANT_COLUMNS,
        "parties": data.REGISTRY_COLUMNS,
        "covenant-parties": data.PARTY_COLUMNS,
        "covenant-participants": data.PARTICIPANT_COLUMNS,
        "covenant-results": data.RESULT_COLUMNS,
        "law-rules": data.LAW_COLUMNS,
    }
    for resource in resources:  # the schema and the writer must name the same columns
        names = [field["name"] for field in resource["schema"]["fields"]]
        assert names == list(columns[resource["name"]]), resource["name"]
    resources.append(
        {
            "name": "covenants-json",
            "path": data.JSON_FILE,
            "title": "The whole dataset as JSON, as the content files hold it",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
        }
    )
    return {
        "name": "imvo-covenants",
        "title": "IMVO-convenanten / IRBC agreements",
        "description": "The Dutch IRBC agreements (IMVO-convenanten): covenants, parties and "
        "participating enterprises, every fact with its source.",
        "version": data.FORMAT_VERSION,
        "profile": "data-package",
        "resources": resources,
    }


def datapackage_json(corpus: Corpus) -> str:
    """datapackage.json as it is written: two-space indent, UTF-8 as it is."""
    return json.dumps(descriptor(corpus), ensure_ascii=False, indent=2) + "\n"
