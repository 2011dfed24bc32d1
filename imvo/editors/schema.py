"""JSON Schema of the content files, exported from the content model for editors' tools.

The model (imvo/model/content.py) is the one source of truth; ``python build.py schema`` writes the
schemas to schema/, and a test fails when the committed files and the model differ. Content
files name their schema on their first line, so that editors such as VS Code (with the YAML
extension) complete and check fields while typing::

    # yaml-language-server: $schema=../../schema/covenant.schema.json
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from imvo.load import read_yaml
from imvo.messages.fields_nl import FIELDS_NL
from imvo.model.content import (
    ID_PATTERN,
    Covenant,
    DueDiligence,
    Glossary,
    HistorySettings,
    LawRules,
    ParticipantList,
    PartyRegistry,
)

SCHEMAS: dict[str, type[BaseModel]] = {
    "covenant": Covenant,
    "parties": PartyRegistry,
    "glossary": Glossary,
    "due-diligence": DueDiligence,
    "participants": ParticipantList,
    "law": LawRules,
    "history": HistorySettings,
}
"""The schema files by name (schema/<name>.schema.json) and the model each comes from."""

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"
PARTIES_FILE = Path(__file__).resolve().parents[2] / "content" / "parties.yaml"

_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_URL_PATTERN = "^(https?://|mailto:)"
_PATTERN_MESSAGES = {
    _DATE_PATTERN: 'Schrijf de datum als "2016-07-04", of "2016-07" of "2016", tussen '
    'aanhalingstekens. · Write the date as "2016-07-04", "2016-07" or "2016", in quotes.',
    _URL_PATTERN: "Een webadres dat met https:// begint. · A web address starting with https://.",
    ID_PATTERN: "Kleine letters, cijfers en streepjes, zoals fnv of save-the-children. · "
    "Lowercase letters, digits and hyphens, like fnv or save-the-children.",
}
"""What the YAML extension shows when a value does not fit a pattern (patternErrorMessage):
its own message would be the pattern itself."""

_FORMAT_HELP_NL = {
    _DATE_PATTERN: 'Schrijf hem als "2016-07-04", of "2016-07" of "2016" als alleen de maand '
    "of het jaar bekend is, tussen aanhalingstekens.",
    _URL_PATTERN: "Een webadres dat met https:// begint.",
}


def party_ids(path: Path = PARTIES_FILE) -> list[str]:
    """The party ids in content/parties.yaml, offered as choices while typing (none if the
    file cannot be read)."""
    loaded, _ = read_yaml(path, path.name) if path.is_file() else (None, [])
    parties = loaded.data.get("parties") if loaded is not None else None
    if not isinstance(parties, list):
        return []
    return sorted(
        {p["id"] for p in parties if isinstance(p, dict) and isinstance(p.get("id"), str)}
    )


def schema_of(name: str, ids: list[str] | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of content file, explained in Dutch and
    English, with the known party ids as choices for a covenant's parties."""
    model = SCHEMAS[name]
    body = model.model_json_schema(mode="validation")
    _explain_formats(body)
    for node in [body, *body.get("$defs", {}).values()]:
        _in_dutch(node, "")
    _pattern_messages(body)
    participation = body.get("$defs", {}).get("Participation", {}).get("properties", {})
    if "party" in participation:
        participation["party"]["examples"] = party_ids() if ids is None else ids
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.schema.json",
        **body,
    }


def schema_text(name: str) -> str:
    """The schema as it is written to disk: stable key order, two-space indent."""
    return _dumped(schema_of(name))


_FORMAT_HELP = {
    r"^\d{4}(-\d{2}(-\d{2})?)?$": 'Write it as "YYYY-MM-DD", "YYYY-MM" or "YYYY", in quotes.',
    "^(https?://|mailto:)": "A web address starting with https://.",
}


def _in_dutch(node: dict[str, Any], model: str) -> None:
    """Put the Dutch description before the English one on each field of one model."""
    model = model or str(node.get("title", ""))
    if not isinstance(node.get("properties"), dict):
        return
    for key, prop in node.get("properties", {}).items():
        dutch = FIELDS_NL.get(f"{model}.{key}")
        english = prop.get("description")
        if dutch is None or not english or english.startswith(dutch):
            continue
        help_nl = ""
        if "YYYY" in english:
            help_nl = _FORMAT_HELP_NL[_DATE_PATTERN]
        elif "https://" in english and "https://" not in dutch:
            help_nl = _FORMAT_HELP_NL[_URL_PATTERN]
        prop["description"] = f"{f'{dutch} {help_nl}'.strip()}\n\n{english}"


def _pattern_messages(node: Any) -> None:
    """A readable message for each pattern, in Dutch and English."""
    if isinstance(node, dict):
        message = _PATTERN_MESSAGES.get(node.get("pattern", ""))
        if message:
            node["patternErrorMessage"] = message
        for value in node.values():
            _pattern_messages(value)
    elif isinstance(node, list):
        for value in node:
            _pattern_messages(value)


def _explain_formats(node: Any) -> None:
    """Where a field's own description replaced a date's or address's help, add it back."""
    if isinstance(node, dict):
        help_text = _FORMAT_HELP.get(node.get("pattern", ""))
        description = node.get("description", "")
        if help_text and "YYYY" not in description and "https://" not in description:
            node["description"] = f"{description} {help_text}".strip()
        for value in node.values():
            _explain_formats(value)
    elif isinstance(node, list):
        for value in node:
            _explain_formats(value)


def write_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema to folder; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = folder / f"{name}.schema.json"
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(folder: Path = SCHEMA_DIR) -> list[str]:
    """The schema files that differ from the model (or are missing).

    The party ids offered as choices are left out of the comparison: a pull request that
    adds a party changes only content, and `build.py schema` refreshes the list."""
    stale = []
    for name in SCHEMAS:
        path = folder / f"{name}.schema.json"
        if not path.is_file():
            stale.append(path.name)
            continue
        try:
            committed = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            stale.append(path.name)
            continue
        choices = (
            committed.get("$defs", {})
            .get("Participation", {})
            .get("properties", {})
            .get("party", {})
            .get("examples")
            if isinstance(committed, dict)
            else None
        )
        expected = schema_of(name, choices if isinstance(choices, list) else None)
        if path.read_text(encoding="utf-8") != _dumped(expected):
            stale.append(path.name)
    return stale


def _dumped(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
