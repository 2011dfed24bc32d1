"""Results: what a covenant achieved, in the model, on the factsheet, in the open data."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from build_options import options
from pydantic import ValidationError

from imvo.build.orchestrate import build_site
from imvo.model.content import TOP_RESULTS, Corpus, Result, ResultBy, ResultSearch, Text
from imvo.outputs.open_data import RESULT_COLUMNS, results_csv, write_data
from imvo.render.i18n import format_number

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

_VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area", "base"}


class _Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: _Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[_Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[_Node]:
        found = []
        for child in self.children:
            if isinstance(child, _Node):
                if (tag is None or child.tag == tag) and (cls is None or cls in child.classes):
                    found.append(child)
                found.extend(child.find_all(tag, cls))
        return found


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        node: _Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def _dom(path: Path) -> _Node:
    tree = _Tree()
    tree.feed(path.read_text(encoding="utf-8"))
    return tree.root


def _section(root: _Node) -> list[_Node]:
    """The results section: the elements from its heading to the next h2."""
    body = next(n for n in root.find_all("article"))
    nodes = [c for c in body.children if isinstance(c, _Node)]
    start = next(i for i, n in enumerate(nodes) if n.tag == "h2" and n.attrs.get("id") == "results")
    end = next(i for i in range(start + 1, len(nodes)) if nodes[i].tag == "h2")
    return nodes[start:end]


@pytest.fixture(scope="module")
def fixture_site(fixture_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("results") / "site"
    build_site(fixture_corpus, options(site=site))
    return site


def _result(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "kind": "monitoring",
        "text": {"nl": "Tekst.", "en": "Text."},
        "by": "agreement",
        "sources": ["bron-a"],
    }
    return {**base, **changes}


def test_a_result_needs_a_source_and_a_known_kind_and_voice() -> None:
    assert Result.model_validate(_result()).by is ResultBy.agreement
    with pytest.raises(ValidationError) as missing:
        Result.model_validate(_result(sources=[]))
    assert missing.value.errors()[0]["loc"] == ("sources",)
    with pytest.raises(ValidationError) as kind:
        Result.model_validate(_result(kind="succes"))
    assert kind.value.errors()[0]["loc"] == ("kind",)
    with pytest.raises(ValidationError) as voice:
        Result.model_validate(_result(by="bank"))
    assert voice.value.errors()[0]["loc"] == ("by",)


def test_only_the_agreement_itself_is_not_independent() -> None:
    assert [voice.value for voice in ResultBy if not voice.independent] == ["agreement"]


def test_numbers_are_written_as_each_language_writes_them() -> None:
    assert format_number(1250, "nl") == "1.250"
    assert format_number(1250, "en") == "1,250"
    assert format_number(12.5, "nl") == "12,5"
    assert format_number(12.5, "en") == "12.5"
    assert format_number(48.0, "nl") == "48"


def test_the_factsheet_shows_the_top_results_first_and_the_rest_behind_one_control(
    fixture_site: Path, fixture_corpus: Corpus
) -> None:
    results = fixture_corpus.covenants["voorbeeld"].results
    assert len(results) == TOP_RESULTS + 1
    section = _section(_dom(fixture_site / "voorbeeld.html"))
    assert section[0].text() == "Wat heeft het opgeleverd?"
    top = section[1]
    assert top.tag == "ul" and "imvo-results" in top.classes
    shown = [li for li in top.children if isinstance(li, _Node)]
    assert [li.find_all("p", "imvo-result__by")[0].text() for li in shown] == [
        "Monitoring · Eigen rapportage van het convenant, maart 2020",
        "Evaluatie · Onafhankelijke evaluator: Onderzoeksbureau B",
        "Klacht · Eigen rapportage van het convenant",
    ]
    # The agreement's own claims are marked in bold, independent findings are not.
    assert [len(li.find_all("strong")) for li in shown] == [2, 0, 1]  # figure + own claim
    assert shown[0].find_all("p", "imvo-result__figure")[0].text() == (
        "48 bedrijven met een risicoanalyse (2019)"
    )
    more = section[2]
    assert more.tag == "details" and more.find_all("summary")[0].text() == "Nog 1 resultaat"
    assert more.find_all("p", "imvo-result__by")[0].text() == "Kritiek · Volgens een vakbond"
    # Every result carries its source control.
    assert len(top.find_all("details", "imvo-src")) == 3


def test_the_english_factsheet_says_who_says_it_in_english(fixture_site: Path) -> None:
    section = _section(_dom(fixture_site / "en" / "voorbeeld.html"))
    assert section[0].text() == "What did it achieve?"
    assert [p.text() for p in section[1].find_all("p", "imvo-result__by")] == [
        "Monitoring · The agreement's own report, March 2020",
        "Evaluation · Independent evaluator: Research bureau B",
        "Complaint · The agreement's own report",
    ]
    assert section[2].find_all("summary")[0].text() == "1 more result"


def test_no_results_found_is_said_with_the_searches_and_their_date(
    fixture_corpus: Corpus, tmp_path: Path
) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    searched = covenant.model_copy(
        update={
            "results": [],
            "results_searched": ResultSearch(
                date=covenant.checked,
                searches=[
                    Text(nl="eindevaluatie voorbeeldsector (Nederlands)", en="final evaluation")
                ],
            ),
        }
    )
    corpus = Corpus(**{**fixture_corpus.__dict__, "covenants": {"voorbeeld": searched}})
    build_site(corpus, options(site=tmp_path / "site"))
    section = _section(_dom(tmp_path / "site" / "voorbeeld.html"))
    assert [n.text() for n in section[1:3]] == [
        "We vonden geen resultaten van dit convenant. Gezocht op 29 november 2026:",
        "\neindevaluatie voorbeeldsector (Nederlands)\n",
    ]


def test_results_csv_has_one_row_per_result_in_the_files_order(fixture_corpus: Corpus) -> None:
    rows = list(csv.reader(io.StringIO(results_csv(fixture_corpus))))
    assert rows[0] == list(RESULT_COLUMNS)
    assert rows[1] == [
        "voorbeeld",
        "1",
        "monitoring",
        "agreement",
        "false",
        "",
        "",
        "2020-03",
        "De meeste bedrijven maakten een risicoanalyse.",
        "Most companies made a risk analysis.",
        "48",
        "bedrijven met een risicoanalyse",
        "companies with a risk analysis",
        "2019",
        "bron-a",
        "https://example.org/a",
    ]
    assert [(row[1], row[3], row[4]) for row in rows[2:]] == [
        ("2", "evaluator", "true"),
        ("3", "agreement", "false"),
        ("4", "union", "true"),
    ]


def test_results_are_in_the_json_and_the_valid_data_package(
    fixture_corpus: Corpus, tmp_path: Path
) -> None:
    from frictionless import validate

    write_data(fixture_corpus, tmp_path)
    folder = tmp_path / "data"
    report = validate(str(folder / "datapackage.json"))
    assert [e.type for t in report.tasks for e in t.errors] == []
    data = json.loads((folder / "covenants.json").read_text(encoding="utf-8"))
    item = data["covenants"][0]
    assert [r["kind"] for r in item["results"]] == [
        "monitoring",
        "evaluation",
        "complaint",
        "criticism",
    ]
    assert item["review"]["final_evaluation"] == "exists"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    results = next(r for r in package["resources"] if r["name"] == "covenant-results")
    assert results["path"] == "covenant-results.csv"
    assert results["schema"]["primaryKey"] == ["covenant", "number"]
