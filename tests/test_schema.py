"""The JSON Schema for editors' tools: exported from the model, committed, and true to it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from imvo.editors.schema import SCHEMA_DIR, SCHEMAS, schema_of, stale_schemas, write_schemas
from imvo.load import read_yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"


def test_committed_schemas_match_the_model() -> None:
    assert stale_schemas() == [], "run: python build.py schema"


def test_a_changed_model_makes_the_schema_stale(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    (tmp_path / "parties.schema.json").write_text("{}\n", encoding="utf-8")
    assert stale_schemas(tmp_path) == ["parties.schema.json"]


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schemas_are_valid_json_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema_of(name))


def _properties(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            found.append((f"{where}.{key}", value))
        for key, value in node.items():
            found += _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for value in node:
            found += _properties(value, where)
    return found


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_field_is_explained(name: str) -> None:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    missing = [where for where, prop in _properties(schema) if not prop.get("description")]
    assert missing == []


def test_a_date_field_says_how_to_write_it() -> None:
    signed = schema_of("covenant")["$defs"]["DatedFact"]["properties"]["date"]
    assert signed["description"] == (
        'De datum. Schrijf hem als "2016-07-04", of "2016-07" of "2016" als alleen de maand of '
        "het jaar bekend is, tussen aanhalingstekens.\n\n"
        'The date. Write it as "YYYY-MM-DD", "YYYY-MM" or "YYYY", in quotes.'
    )
    assert signed["patternErrorMessage"] == (
        'Schrijf de datum als "2016-07-04", of "2016-07" of "2016", tussen aanhalingstekens. · '
        'Write the date as "2016-07-04", "2016-07" or "2016", in quotes.'
    )


def test_every_field_has_a_dutch_description() -> None:
    from imvo.messages.fields_nl import FIELDS_NL
    from imvo.validate.models import inner_model

    seen: set[type] = set()
    missing: list[str] = []

    def walk(model: Any) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            if f"{model.__name__}.{name}" not in FIELDS_NL:
                missing.append(f"{model.__name__}.{name}")
            inner = inner_model(info.annotation)
            if inner is not None:
                walk(inner)

    for model in SCHEMAS.values():
        walk(model)
    assert missing == []


def test_known_party_ids_are_offered_and_do_not_make_the_schema_stale(tmp_path: Path) -> None:
    party = schema_of("covenant", ["cnv", "fnv"])["$defs"]["Participation"]["properties"]
    assert party["party"]["examples"] == ["cnv", "fnv"]
    assert (
        "fnv" in schema_of("covenant")["$defs"]["Participation"]["properties"]["party"]["examples"]
    )
    write_schemas(tmp_path)
    path = tmp_path / "covenant.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["$defs"]["Participation"]["properties"]["party"]["examples"].append("nieuw")
    path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert stale_schemas(tmp_path) == []
    schema["$defs"]["Participation"]["properties"]["party"]["description"] = "changed"
    path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert stale_schemas(tmp_path) == ["covenant.schema.json"]


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("covenant", FIXTURES / "covenants" / "voorbeeld.yaml"),
        ("parties", FIXTURES / "parties.yaml"),
        ("glossary", FIXTURES / "glossary.yaml"),
        ("due-diligence", FIXTURES / "due-diligence.yaml"),
    ],
)
def test_valid_content_passes_the_schema(name: str, path: Path) -> None:
    loaded, problems = read_yaml(path, path.name)
    assert problems == [] and loaded is not None
    jsonschema.validate(loaded.data, schema_of(name))


def test_the_schema_catches_what_an_editor_types_wrong() -> None:
    loaded, _ = read_yaml(FIXTURES / "covenants" / "voorbeeld.yaml", "voorbeeld.yaml")
    assert loaded is not None
    data = {**loaded.data, "statuss": {"value": "ended"}}
    validator = jsonschema.Draft202012Validator(schema_of("covenant"))
    messages = [error.message for error in validator.iter_errors(data)]
    assert messages == ["Additional properties are not allowed ('statuss' was unexpected)"]


def test_real_content_files_name_their_schema() -> None:
    covenants = sorted((ROOT / "content" / "covenants").glob("*.yaml"))
    first_lines = {
        path.name: path.read_text(encoding="utf-8").splitlines()[0] for path in covenants
    }
    assert first_lines == {
        name: "# yaml-language-server: $schema=../../schema/covenant.schema.json"
        for name in first_lines
    }
    parties = (ROOT / "content" / "parties.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert parties == "# yaml-language-server: $schema=../schema/parties.schema.json"


def test_a_source_has_a_publication_and_a_viewed_date_and_no_old_date() -> None:
    source = schema_of("covenant")["$defs"]["Source"]["properties"]
    assert {"published", "checked"} <= set(source)
    assert "date" not in source
    assert source["published"]["description"].startswith("Wanneer de bron verscheen")
    assert "Never the day you viewed it." in source["published"]["description"]
