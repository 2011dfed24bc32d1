"""JSON Schema of the content files, exported from the content model for editors' tools.

The model (imvo/model.py) is the one source of truth; ``python build.py schema`` writes the
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

from imvo.model import Covenant, DueDiligence, Glossary, ParticipantList, PartyRegistry

SCHEMAS: dict[str, type[BaseModel]] = {
    "covenant": Covenant,
    "parties": PartyRegistry,
    "glossary": Glossary,
    "due-diligence": DueDiligence,
    "participants": ParticipantList,
}
"""The schema files by name (schema/<name>.schema.json) and the model each comes from."""

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


def schema_of(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of content file."""
    model = SCHEMAS[name]
    body = model.model_json_schema(mode="validation")
    _explain_formats(body)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.schema.json",
        **body,
    }


def schema_text(name: str) -> str:
    """The schema as it is written to disk: stable key order, two-space indent."""
    return json.dumps(schema_of(name), indent=2, ensure_ascii=False) + "\n"


_FORMAT_HELP = {
    r"^\d{4}(-\d{2}(-\d{2})?)?$": 'Write it as "YYYY-MM-DD", "YYYY-MM" or "YYYY", in quotes.',
    "^(https?://|mailto:)": "A web address starting with https://.",
}


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
    """The schema files that differ from the model (or are missing)."""
    stale = []
    for name in SCHEMAS:
        path = folder / f"{name}.schema.json"
        if not path.is_file() or path.read_text(encoding="utf-8") != schema_text(name):
            stale.append(path.name)
    return stale
