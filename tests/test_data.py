"""Open data: the JSON round-trips to the content model and matches the YAML; the CSV shape."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import yaml

from imvo.model.content import Corpus, Covenant, LawRules, Party
from imvo.outputs.open_data import (
    ALL_COVENANT_COLUMNS,
    PARTY_COLUMNS,
    covenants_csv,
    covenants_json,
    dataset,
)

ROOT = Path(__file__).resolve().parent.parent


def _contains(expected: Any, actual: Any, where: str) -> None:
    """Every value written in the YAML is in the JSON, at the same place."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for key, value in expected.items():
            _contains(value, actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), where
        for index, (one, other) in enumerate(zip(expected, actual, strict=True)):
            _contains(one, other, f"{where}[{index}]")
    else:
        assert actual == expected, where


def _json(built_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((built_site / "data" / "covenants.json").read_text("utf-8"))
    return data


def test_json_round_trips_to_the_content(built_site: Path, corpus: Corpus) -> None:
    data = _json(built_site)
    assert list(data) == [
        "format", "version", "languages", "covenants", "parties", "participants", "law",
    ]  # fmt: skip
    assert (data["format"], data["version"], data["languages"]) == (
        "imvo-covenants",
        "2.2",
        ["nl", "en"],
    )
    slugs = [item["slug"] for item in data["covenants"]]
    assert slugs == sorted(corpus.covenants)
    for item in data["covenants"]:
        fields = {key: value for key, value in item.items() if key != "slug"}
        assert Covenant.model_validate(fields) == corpus.covenants[item["slug"]]
    assert {p["id"]: Party.model_validate(p) for p in data["parties"]} == corpus.parties
    assert LawRules.model_validate(data["law"]) == corpus.law


def test_json_matches_the_yaml_files(built_site: Path, corpus: Corpus) -> None:
    data = _json(built_site)
    for item in data["covenants"]:
        path = ROOT / "content" / "covenants" / f"{item['slug']}.yaml"
        written = yaml.safe_load(path.read_text(encoding="utf-8"))
        _contains(written, item, item["slug"])
    # Every field is present, null where the YAML leaves it out.
    assert all(set(item) == {"slug", *Covenant.model_fields} for item in data["covenants"])


def test_fixture_dataset_exact(fixture_corpus: Corpus) -> None:
    item = dataset(fixture_corpus)["covenants"][0]
    assert item["slug"] == "voorbeeld"
    assert item["signed"] == {
        "date": "2016-07-04",
        "sources": ["bron-a"],
        "disputed": [{"date": "2016-07-05", "sources": ["bron-b"]}],
        "note": None,
    }
    assert item["ended"]["date"] == "2020-06"
    assert item["successor"] is None


def test_fixture_covenants_csv_exact(fixture_corpus: Corpus) -> None:
    assert covenants_csv(fixture_corpus).split("\r\n") == [
        ",".join(ALL_COVENANT_COLUMNS),
        "voorbeeld,Convenant Voorbeeldsector,Example Sector Agreement,Voorbeeld,Example,"
        "Voorbeeldsector,Example sector,ended,,2016-07-04,2016-08,2020-06,36,,2,fnv,"
        "voorbeeld.html,en/voorbeeld.html,pdf/voorbeeld.pdf,en/pdf/voorbeeld.pdf,3,73,,false,",
        "",
    ]


def test_built_csv_files_have_one_row_per_covenant_and_per_party(
    built_site: Path, corpus: Corpus
) -> None:
    raw = (built_site / "data" / "covenants.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row["slug"] for row in rows] == sorted(corpus.covenants)
    for row in rows:
        covenant = corpus.covenants[row["slug"]]
        assert row["name_nl"] == covenant.name.nl
        assert row["status"] == covenant.status.value.value
        assert row["signed"] == (covenant.signed.date.iso() if covenant.signed else "")
    text = (built_site / "data" / "covenant-parties.csv").read_text(encoding="utf-8-sig")
    pairs = list(csv.DictReader(io.StringIO(text)))
    assert list(pairs[0]) == list(PARTY_COLUMNS)
    expected = [
        (slug, part.party, part.role.value)
        for slug in sorted(corpus.covenants)
        for part in corpus.covenants[slug].parties
    ]
    assert [(p["covenant"], p["party"], p["role"]) for p in pairs] == expected


def test_json_is_written_as_json_dumps_would_write_it(corpus: Corpus) -> None:
    text = covenants_json(corpus)
    assert text == json.dumps(dataset(corpus), ensure_ascii=False, indent=2) + "\n"
    assert "é" in text or "ë" in text  # UTF-8 as it is, not \u escapes
