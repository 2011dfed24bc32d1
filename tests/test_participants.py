"""Participants: the model, the editors' messages, the duplicate warning, the page, the export."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from build_options import options

from imvo.editors.check import run_check, yaml_files
from imvo.model.content import Corpus, ParticipantKind, ParticipantList
from imvo.outputs.open_data import (
    PARTICIPANT_COLUMNS,
    PARTICIPANTS_CSV,
    covenants_csv,
    dataset,
    participants_csv,
    write_data,
)
from imvo.participants import coverage, duplicates, index, organisations
from imvo.participants.names import normal, sort_key
from imvo.render import page_values
from imvo.render.renderer import Renderer

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"
WHEN = date(2026, 11, 21)
PARTICIPANTS = "content/participants/voorbeeld.yaml"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the fixture content in tmp_path/content."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES, target)
    return target


def problems(content: Path) -> list[str]:
    """What check reports, as an editor reads it."""
    return [p.text() for p in run_check(content, content.parent, WHEN).problems]


def write(content: Path, slug: str, text: str) -> None:
    """Write a participants file."""
    (content / "participants" / f"{slug}.yaml").write_text(text, encoding="utf-8")


def second_covenant(content: Path, slug: str = "tweede") -> None:
    """Add a second covenant to the content (a copy of the fixture's)."""
    text = (content / "covenants" / "voorbeeld.yaml").read_text(encoding="utf-8")
    (content / "covenants" / f"{slug}.yaml").write_text(text, encoding="utf-8")


SOURCES = """sources:
  - id: lijst
    title: Lijst
    url: https://example.org/lijst
default_sources: [lijst]
"""


# --- the model ------------------------------------------------------------------------------


def test_defaults_fill_in_what_an_entry_leaves_out(fixture_corpus: Corpus) -> None:
    listing = fixture_corpus.participants["voorbeeld"]
    bank, mode, textiel = listing.participants
    assert listing.kind_of(bank) == ParticipantKind.bank  # its own
    assert listing.kind_of(textiel) == ParticipantKind.company  # the file's default_kind
    assert listing.sources_of(mode) == ["lijst"]  # the file's default_sources
    assert mode.brands == ["Ebony", "Nuit"] and mode.group == "Mode Groep"
    assert str(mode.left) == "2019-03" and str(bank.joined) == "2016-07-04"
    assert fixture_corpus.participant_lines["voorbeeld"] == (15, 19, 23)


def test_a_participant_is_keyed_by_its_party_or_its_id() -> None:
    listing = ParticipantList.model_validate(
        {
            "participants": [
                {"name": "A", "party": "fnv", "id": "a"},
                {"name": "B", "id": "b"},
                {"name": "C"},
            ]
        }
    )
    assert [p.key for p in listing.participants] == ["fnv", "b", None]


def test_the_schema_names_every_field() -> None:
    from imvo.editors.schema import schema_of

    schema = schema_of("participants")
    fields = schema["$defs"]["Participant"]["properties"]
    assert {"name", "legal_name", "party", "kind", "brands", "group", "joined", "left"} <= set(
        fields
    )
    assert set(schema["properties"]) == {
        "sources",
        "default_sources",
        "default_kind",
        "counts",
        "official_list",
        "complete",
        "participants",
    }


def test_the_real_participants_files_name_their_schema() -> None:
    root = Path(__file__).resolve().parent.parent
    files = sorted((root / "content" / "participants").glob("*.yaml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schema/participants.schema.json"


# --- names in normal form -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ABN AMRO Bank N.V.", "abn amro bank"),
        ("ABN AMRO", "abn amro"),
        ("Coöperatieve Rabobank U.A.", "rabobank"),
        ("Stichting Pensioenfonds ABP", "pensioenfonds abp"),
        ("Ébène Mode B.V.", "ebene mode"),
        ("C&A Netherlands C.V.", "c a netherlands"),
        ("Jolo Fashion GmbH", "jolo fashion"),
    ],
)
def test_names_are_compared_without_case_accents_and_legal_forms(name: str, expected: str) -> None:
    assert normal(name) == expected


def test_letters_and_order_ignore_accents() -> None:
    assert index.letter("Ébène") == "E"
    assert index.letter("3D Textiel") == "#"
    names = ["Zeeman", "Ébène", "abn", "Dibella"]
    assert sorted(names, key=sort_key) == ["abn", "Dibella", "Ébène", "Zeeman"]


# --- editors' messages, word for word --------------------------------------------------------


def test_the_fixture_participants_are_valid(content: Path) -> None:
    assert problems(content) == []
    assert content / "participants" / "voorbeeld.yaml" in yaml_files(content)


def test_every_mistake_in_a_participants_file_is_one_line(content: Path) -> None:
    write(
        content,
        "voorbeeld",
        """sources:
  - id: lijst
    title: Lijst
  - id: lijst
    title: Nog een lijst
default_sources: [lijts]
counts:
  - of: parties
    number: 3
    sources: [lijst]
participants:
  - name: ABN AMRO
    party: abn
    joined: "2018"
    left: "2017-05"
  - name: abn amro
    sources: [elders]
""",
    )
    assert problems(content) == [
        f"{PARTICIPANTS}:4: second source, id: source id 'lijst' is used twice",
        f"{PARTICIPANTS}:6: first item: no source with id 'lijts' in this "
        "file's sources; did you mean 'lijst'?",
        f"{PARTICIPANTS}:8: first count, of: a participants file counts participants: "
        "write 'of: participants'",
        f"{PARTICIPANTS}:13: first participant, party: no party 'abn' in content/parties.yaml",
        f"{PARTICIPANTS}:15: first participant, left: left (2017-05) is before joined (2018)",
        f"{PARTICIPANTS}:16: second participant, name: 'abn amro' is already listed on "
        "line 12; list each participant once",
        f"{PARTICIPANTS}:17: second participant, first source: no source with id 'elders' in "
        "this file's sources",
    ]


def test_a_wrong_value_is_reported_on_its_line(content: Path) -> None:
    write(
        content,
        "voorbeeld",
        SOURCES
        + """participants:
  - name: Zonder Bron
    kind: bakkerij
  - name: Verkeerd Adres
    website: ftp://example.org
    joined: 2019
""",
    )
    assert problems(content) == [
        f"{PARTICIPANTS}:8: first participant, kind: expected one of company, bank, insurer, "
        "health_insurer, pension_fund, asset_manager, sector_association, other; "
        "got 'bakkerij'",
        f"{PARTICIPANTS}:10: second participant, website: expected a web address starting "
        "with https:// (or mailto:); got 'ftp://example.org'",
    ]


def test_dates_sources_and_both_left_fields(content: Path) -> None:
    write(
        content,
        "voorbeeld",
        """sources:
  - id: lijst
    title: Lijst
participants:
  - name: Zonder Bron
  - name: Twee Keer Weg
    left: "2019"
    left_by: "2020"
    sources: [lijst]
  - name: Te Vroeg Weg
    joined: "2019-06"
    left_by: "2019-05"
    sources: [lijst]
""",
    )
    assert problems(content) == [
        f"{PARTICIPANTS}:5: first participant: this participant has no source: add "
        "'sources: [<id>]', or 'default_sources' at the top of the file",
        f"{PARTICIPANTS}:8: second participant, left_by: give 'left' or 'left_by', not both",
        f"{PARTICIPANTS}:12: third participant, left_by: left_by (2019-05) is before joined "
        "(2019-06)",
    ]


def test_a_participants_file_is_named_after_its_covenant(content: Path) -> None:
    write(content, "voorbeelt", SOURCES + "participants:\n  - name: A\n")
    (content / "participants" / "notities.txt").write_text("x", encoding="utf-8")
    assert problems(content) == [
        "content/participants/notities.txt:1: (file): participants files are named "
        "after their covenant: <slug>.yaml",
        "content/participants/voorbeelt.yaml:1: (file): no covenant 'voorbeelt' in "
        "content/covenants/: a participants file has the name of its covenant's file; did you "
        "mean 'voorbeeld.yaml'?",
    ]


def test_a_participant_may_link_to_its_party(content: Path) -> None:
    write(content, "voorbeeld", SOURCES + "participants:\n  - name: FNV\n    party: fnv\n")
    assert problems(content) == []


# --- the duplicate warning ------------------------------------------------------------------


def test_check_warns_of_the_same_organisation_in_two_covenants(content: Path) -> None:
    second_covenant(content)
    write(content, "voorbeeld", SOURCES + "participants:\n  - name: ABN AMRO\n")
    write(
        content,
        "tweede",
        SOURCES + "participants:\n  - name: ING\n  - name: ABN AMRO Bank N.V.\n",
    )
    assert problems(content) == [
        "content/participants/voorbeeld.yaml:7: warning: first participant: 'ABN AMRO' may be "
        "the same organisation as 'ABN AMRO Bank N.V.' in content/participants/tweede.yaml:8; "
        "give both entries the same 'id' if it is, or each its own 'id' if it is not",
    ]


def test_the_duplicate_warning_is_worded_whole_in_dutch(content: Path) -> None:
    second_covenant(content)
    write(content, "voorbeeld", SOURCES + "participants:\n  - name: ABN AMRO\n")
    write(content, "tweede", SOURCES + "participants:\n  - name: ABN AMRO Bank N.V.\n")
    found = run_check(content, content.parent, WHEN).problems
    assert [(p.code, p.text("nl")) for p in found] == [
        (
            "possible-duplicate",
            "content/participants/voorbeeld.yaml:7: waarschuwing: eerste deelnemer: 'ABN AMRO' "
            "is misschien dezelfde organisatie als 'ABN AMRO Bank N.V.' in "
            "content/participants/tweede.yaml:7; geef beide regels dezelfde 'id' als dat zo is, "
            "of elk een eigen 'id' als dat niet zo is",
        )
    ]


def test_the_same_name_after_accents_and_legal_forms_is_a_duplicate(content: Path) -> None:
    second_covenant(content)
    write(content, "voorbeeld", SOURCES + "participants:\n  - name: Coöperatie Één B.V.\n")
    write(content, "tweede", SOURCES + "participants:\n  - name: een\n")
    assert len(problems(content)) == 1


@pytest.mark.parametrize(
    ("first", "second", "warned"),
    [
        ("    id: abn-amro\n", "    id: abn-amro\n", False),  # the same organisation
        ("    id: achmea\n", "    id: achmea-bank\n", False),  # said to be different
        ("    id: abn-amro\n", "", True),  # only one has an id: still a question
        ("    party: fnv\n", "    party: fnv\n", False),
    ],
)
def test_ids_answer_the_duplicate_question(
    content: Path, first: str, second: str, warned: bool
) -> None:
    second_covenant(content)
    write(content, "voorbeeld", SOURCES + "participants:\n  - name: ABN AMRO\n" + first)
    write(content, "tweede", SOURCES + "participants:\n  - name: ABN AMRO\n" + second)
    assert bool(problems(content)) is warned


def test_part_of_a_word_is_no_duplicate(content: Path) -> None:
    second_covenant(content)
    write(content, "voorbeeld", SOURCES + "participants:\n  - name: ING\n")
    write(content, "tweede", SOURCES + "participants:\n  - name: Woningbouw Ingenieurs\n")
    assert problems(content) == []


def test_the_duplicate_check_is_linear(fixture_corpus: Corpus) -> None:
    """20,000 entries in 200 covenants: an index, not a comparison of every pair."""
    import time

    from imvo.model.content import Participant

    many = {
        f"c{n}": ParticipantList(
            participants=[Participant(name=f"Bedrijf {n}-{i} B.V.") for i in range(100)]
        )
        for n in range(200)
    }
    corpus = dataclasses.replace(
        fixture_corpus,
        covenants={slug: fixture_corpus.covenants["voorbeeld"] for slug in many},
        participants=many,
    )
    started = time.perf_counter()
    assert duplicates.duplicates(corpus) == []
    assert time.perf_counter() - started < 20  # pairwise it took minutes


# --- the page -------------------------------------------------------------------------------


def _pages(corpus: Corpus, lang: str) -> dict[str, Any]:
    return {page.key: page for page in Renderer(corpus, options(pdf=False)).language(lang)}


def _html(page: Any) -> str:
    return str(page.html)


def test_the_page_lists_every_organisation_a_to_z_with_its_covenants(
    fixture_corpus: Corpus,
) -> None:
    page = _pages(fixture_corpus, "nl")["participants"]
    assert page.name == "doet-mijn-organisatie-mee"
    assert page.title == "Doet mijn organisatie mee?"
    html = _html(page)
    # One section per letter, in order, with a letter index that links to them.
    assert (
        html.index('id="letter-e"') < html.index('id="letter-v"') < html.index('id="letter-other"')
    )
    assert '<a href="#letter-e">E</a>' in html
    assert '<li id="org-ebene-mode" class="imvo-org" data-names="ebene mode | ebony | nuit | ' in (
        html
    )
    assert "(merken: Ebony, Nuit; onderdeel van Mode Groep)" in html
    assert "(officiële naam: Voorbeeld Bank N.V.)" in html
    assert '<a href="voorbeeld.html">Voorbeeld</a>' in html
    assert "aangesloten op 4 juli 2016" in html
    assert "<strong>vertrokken in maart 2019</strong>" in html
    assert 'Bron: <a href="https://example.org/deelnemers">Lijst van deelnemers</a>' in html
    assert 'data-legal-forms="nv bv ' in html and 'aria-live="polite"' in html
    assert '<label for="imvo-find">Zoek uw organisatie</label>' in html


def test_the_page_in_english(fixture_corpus: Corpus) -> None:
    page = _pages(fixture_corpus, "en")["participants"]
    assert page.name == "is-my-organisation-taking-part"
    assert page.meta["alternate"] == "../doet-mijn-organisatie-mee.html"
    html = _html(page)
    assert "joined on 4 July 2016" in html and "left in March 2019" in html
    assert "(brands: Ebony, Nuit; part of Mode Groep)" in html
    assert "Find your organisation" in html


def test_entries_of_one_organisation_in_two_covenants_are_listed_together(
    fixture_corpus: Corpus,
) -> None:
    listing = fixture_corpus.participants["voorbeeld"]
    corpus = dataclasses.replace(
        fixture_corpus,
        covenants={**fixture_corpus.covenants, "tweede": fixture_corpus.covenants["voorbeeld"]},
        participants={"voorbeeld": listing, "tweede": listing},
    )
    orgs = organisations.organisations(corpus)
    assert [org.name for org in orgs] == ["3D Textiel", "Ébène Mode", "Voorbeeld Bank"]
    assert [entry.slug for entry in orgs[1].entries] == ["tweede", "voorbeeld"]


def test_a_long_list_becomes_a_page_per_letter(
    fixture_corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page_values, "SPLIT_FROM", 2)
    pages = _pages(fixture_corpus, "en")
    index = _html(pages["participants"])
    assert 'href="is-my-organisation-taking-part-e.html">E</a> <span' in index
    assert "imvo-find" not in index  # the search field is on the letter pages
    letter = pages["participants-e"]
    assert letter.name == "is-my-organisation-taking-part-e" and not letter.in_nav
    assert letter.meta["alternate"] == "../doet-mijn-organisatie-mee-e.html"
    html = _html(letter)
    assert "Ébène Mode" in html and "Voorbeeld Bank" not in html
    assert 'aria-current="page"' in html and "imvo-find" in html
    assert "participants-other" in pages


def test_the_factsheet_lists_its_participants_compactly(fixture_corpus: Corpus) -> None:
    html = _html(_pages(fixture_corpus, "nl")["voorbeeld"])
    assert '<h2 id="participants">Deelnemende bedrijven en instellingen</h2>' in html
    assert (
        '<p class="imvo-coverage"><span class="imvo-coverage__named">Deze site noemt 3 van de 73 '
        'deelnemers.</span> (1 van hen is vertrokken.) <span class="imvo-coverage__source">Dat '
        'totaal geeft <cite>Bron B</cite>.</span> <span class="imvo-coverage__no-list">Een '
        "officiële lijst van alle deelnemers hebben wij niet gevonden.</span> "
        '<span class="imvo-coverage__missing">Staat uw organisatie er niet bij? Dan kan zij toch '
        "meedoen, want deze lijst is niet volledig. Vraag het bestuur, de directie of de "
        "ondernemingsraad van uw organisatie, of vraag het uw vakbond.</span></p>"
    ) in html
    assert (
        '<p class="imvo-participants__counts"><a href="https://example.org/deelnemers">Lijst van '
        "deelnemers</a> noemt 4 "
        "deelnemers.</p>"
    ) in html
    assert '<details class="imvo-participants__names">' in html
    assert "<summary>Toon alle 3 deelnemers</summary>" in html
    # A-Z with accents aside: Ébène between 3D and Voorbeeld.
    assert (
        html.index("<li>3D Textiel")
        < html.index("<li>Ébène Mode")
        < html.index("<li>Voorbeeld Bank")
    )
    assert "(vertrokken maart 2019)" in html
    assert 'href="doet-mijn-organisatie-mee.html"' in html


def test_a_covenant_without_participants_has_no_section(fixture_corpus: Corpus) -> None:
    corpus = dataclasses.replace(fixture_corpus, participants={})
    pages = _pages(corpus, "nl")
    assert 'id="participants"' not in _html(pages["voorbeeld"])
    assert "Er staan nog geen deelnemers op deze site." in _html(pages["participants"])


def test_the_home_page_and_the_overview_link_to_the_page(fixture_corpus: Corpus) -> None:
    root = Path(__file__).resolve().parent.parent
    assert "(doet-mijn-organisatie-mee.md)" in (root / "content/texts/index.nl.md").read_text()
    assert "(is-my-organisation-taking-part.md)" in (root / "content/texts/index.en.md").read_text()
    assert 'href="is-my-organisation-taking-part.html"' in _html(
        _pages(fixture_corpus, "en")["overview"]
    )


# --- open data ------------------------------------------------------------------------------


def test_participants_csv_has_one_row_per_covenant_and_organisation(
    fixture_corpus: Corpus,
) -> None:
    rows = list(csv.reader(io.StringIO(participants_csv(fixture_corpus))))
    assert rows[0] == list(PARTICIPANT_COLUMNS)
    assert rows[1:] == [
        [
            "voorbeeld", "Voorbeeld Bank", "Voorbeeld Bank N.V.", "", "", "bank", "", "", "",
            "2016-07-04", "", "", "lijst", "https://example.org/deelnemers",
            "Lijst van deelnemers",
        ],
        [
            "voorbeeld", "Ébène Mode", "", "", "", "company", "Ebony;Nuit", "Mode Groep", "",
            "", "2019-03", "", "lijst", "https://example.org/deelnemers", "Lijst van deelnemers",
        ],
        [
            "voorbeeld", "3D Textiel", "", "", "", "company", "", "", "", "", "", "", "lijst",
            "https://example.org/deelnemers", "Lijst van deelnemers",
        ],
    ]  # fmt: skip


def test_the_json_holds_each_participants_file_as_written(fixture_corpus: Corpus) -> None:
    item = dataset(fixture_corpus)["participants"][0]
    assert item["covenant"] == "voorbeeld"
    assert item["default_sources"] == ["lijst"] and item["default_kind"] == "company"
    assert item["counts"][0]["number"] == 4
    assert item["participants"][1]["brands"] == ["Ebony", "Nuit"]
    assert (
        ParticipantList.model_validate({k: v for k, v in item.items() if k != "covenant"})
        == (fixture_corpus.participants["voorbeeld"])
    )


def _validate(folder: Path) -> Any:
    from frictionless import validate

    return validate(str(folder / "datapackage.json"))


def _errors(report: Any) -> list[str]:
    return [f"{task.name}: {error.type}" for task in report.tasks for error in task.errors]


@pytest.fixture
def written(fixture_corpus: Corpus, tmp_path: Path) -> Path:
    """The fixture's open data written to tmp_path/data."""
    write_data(fixture_corpus, tmp_path)
    return tmp_path / "data"


def test_the_data_package_is_valid_frictionless(written: Path) -> None:
    report = _validate(written)
    assert _errors(report) == [] and report.valid
    package = json.loads((written / "datapackage.json").read_text(encoding="utf-8"))
    names = [resource["name"] for resource in package["resources"]]
    assert names == [
        "covenants",
        "parties",
        "covenant-parties",
        "covenant-participants",
        "covenant-results",
        "law-rules",
        "covenants-json",
    ]
    participants_schema = package["resources"][3]["schema"]
    assert participants_schema["primaryKey"] == ["covenant", "name"]
    assert participants_schema["foreignKeys"] == [
        {"fields": "covenant", "reference": {"resource": "covenants", "fields": "slug"}},
        {"fields": "party", "reference": {"resource": "parties", "fields": "id"}},
    ]


def test_the_data_package_of_the_real_content_is_valid(corpus: Corpus, tmp_path: Path) -> None:
    write_data(corpus, tmp_path)
    assert _errors(_validate(tmp_path / "data")) == []


def _edit_csv(path: Path, old: str, new: str) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    assert old in text
    path.write_bytes(("\ufeff" + text.replace(old, new, 1)).encode("utf-8"))


def test_a_participant_of_an_unknown_covenant_fails_the_package(written: Path) -> None:
    _edit_csv(
        written / PARTICIPANTS_CSV, "\r\nvoorbeeld,Voorbeeld Bank", "\r\nonbekend,Voorbeeld Bank"
    )
    assert _errors(_validate(written)) == ["covenant-participants: foreign-key"]


def test_a_participant_of_an_unknown_party_fails_the_package(written: Path) -> None:
    _edit_csv(written / PARTICIPANTS_CSV, "Voorbeeld Bank N.V.,,,", "Voorbeeld Bank N.V.,,geen,")
    assert _errors(_validate(written)) == ["covenant-participants: foreign-key"]


def test_a_bad_date_and_a_missing_name_fail_the_package(written: Path) -> None:
    _edit_csv(written / PARTICIPANTS_CSV, "2016-07-04", "4 juli 2016")
    _edit_csv(written / PARTICIPANTS_CSV, "voorbeeld,3D Textiel", "voorbeeld,")
    assert sorted(_errors(_validate(written))) == [
        "covenant-participants: constraint-error",
        "covenant-participants: constraint-error",
    ]


# --- in the browser -------------------------------------------------------------------------


@pytest.mark.browser
def test_a_fund_not_on_an_incomplete_list_is_told_what_that_means(
    served_site: Any, browser_page: Any
) -> None:
    browser_page.set_viewport_size({"width": 360, "height": 740})
    browser_page.goto(served_site.url("doet-mijn-organisatie-mee.html"))
    browser_page.get_by_label("Zoek uw organisatie").fill("Pensioenfonds Vervoer")
    browser_page.wait_for_timeout(400)
    assert browser_page.locator("li.imvo-org:not([hidden])").count() == 0
    assert browser_page.locator("form.imvo-find output").inner_text() == (
        "Geen organisatie gevonden. Probeer een kortere of andere naam. Staat uw organisatie er "
        "niet bij, dan kan zij toch meedoen: niet elke lijst op deze site is volledig. Hieronder "
        "leest u wat u kunt doen."
    )
    advice = browser_page.locator("p.imvo-not-listed")
    assert advice.is_visible()
    text = advice.inner_text()
    assert text.startswith(
        "Staat uw organisatie er niet bij? Dat betekent niet dat zij niet meedoet"
    )
    assert "verantwoordingsorgaan" in text and "vakbond" in text
    assert "Dan noemt geen bron die wij kennen haar als deelnemer" not in browser_page.content()
    pension = browser_page.locator("ul.imvo-coverage-list li", has_text="Pensioenfondsen")
    assert pension.is_visible()
    # The real content: how many it names changes as editors add funds, the sentence does not.
    assert re.match(
        r"Pensioenfondsen: Deze site noemt \d+ van de \d+ pensioenfondsen\. ", pension.inner_text()
    )
    width = browser_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360


@pytest.mark.browser
def test_the_search_field_finds_an_organisation_on_a_phone(
    served_site: Any, browser_page: Any
) -> None:
    browser_page.set_viewport_size({"width": 360, "height": 740})
    browser_page.goto(served_site.url("en/is-my-organisation-taking-part.html"))
    field = browser_page.get_by_label("Find your organisation")
    assert field.is_visible()
    results = browser_page.locator("form.imvo-find output")
    visible = "li.imvo-org:not([hidden])"
    for query, expected in [
        ("bijenkorf", "de Bijenkorf"),  # part of the name, any case
        ("Magazijn De Bijenkorf B.V.", "de Bijenkorf"),  # the legal name, legal form aside
        ("bruynzeel", "DKG Group"),  # a brand
        ("renewi", "Coolrec"),  # the parent group
    ]:
        field.fill(query)
        browser_page.wait_for_timeout(400)
        names = browser_page.locator(f"{visible} .imvo-org__name strong").all_inner_texts()
        assert names == [expected], query
        assert results.inner_text() == "1 organisation found"
    field.fill("zzzz")
    browser_page.wait_for_timeout(400)
    assert browser_page.locator(visible).count() == 0
    assert results.inner_text() == (
        "No organisation found. Try a shorter or different name. If your organisation is not "
        "listed, it may still take part: not every list on this site is complete. Below you can "
        "read what to do."
    )
    # Below the empty list: what that means and what to do, and where each full list is.
    advice = browser_page.locator("p.imvo-not-listed")
    assert advice.is_visible()
    assert advice.inner_text().startswith(
        "Is your organisation not listed? That does not mean it does not take part:"
    )
    assert "Then no source we know names it" not in browser_page.content()
    assert browser_page.locator("#coverage").is_visible()
    assert browser_page.locator("section.imvo-letter:not([hidden])").count() == 0
    field.fill("")
    browser_page.wait_for_timeout(400)
    assert results.inner_text() == ""
    # Nothing wider than the phone's screen.
    width = browser_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360


@pytest.mark.browser
def test_without_javascript_the_whole_list_shows(served_site: Any, chromium: Any) -> None:
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}
    )
    try:
        page = context.new_page()
        page.goto(served_site.url("doet-mijn-organisatie-mee.html"))
        assert not page.locator("form.imvo-find").is_visible()
        corpus = served_site.corpus
        assert page.locator("li.imvo-org").count() == len(organisations.organisations(corpus))
        letters = page.get_by_role("navigation", name="Organisaties van A tot Z")
        letters.get_by_role("link", name="B", exact=True).click()
        assert page.url.endswith("#letter-b")
    finally:
        context.close()


# --- names that are not what they look like ------------------------------------------------


def test_a_name_with_a_decomposed_accent_is_the_same_name_twice(content: Path) -> None:
    write(
        content,
        "voorbeeld",
        SOURCES
        + "participants:\n  - name: \u00c9b\u00e8ne Mode\n  - name: E\u0301be\u0300ne mode\n",
    )
    assert problems(content) == [
        f"{PARTICIPANTS}:8: second participant, name: 'E\u0301be\u0300ne mode' is already "
        "listed on line 7; list each participant once",
    ]


def test_a_name_or_id_with_an_invisible_character_is_refused_by_name(content: Path) -> None:
    write(
        content,
        "voorbeeld",
        SOURCES
        + "participants:\n"
        + '  - name: "ABN\\u200bAMRO"\n'
        + '  - name: "\\u202eKnaB"\n'
        + '    brands: [Een, "Twee\\n"]\n'
        + '  - name: Derde\n    id: "derde\\u2066"\n',
    )
    before = (content / "participants" / "voorbeeld.yaml").read_bytes()
    advice = "remove it (type this part again, do not paste it from a web page or word processor)"
    assert problems(content) == [
        f"{PARTICIPANTS}:7: first participant, name: there is an invisible character (zero-width "
        f"space, U+200B) after 'ABN'; {advice}",
        f"{PARTICIPANTS}:8: second participant, name: there is an invisible character "
        f"(right-to-left override, U+202E) at the start; {advice}",
        f"{PARTICIPANTS}:9: second participant, second item: there is an invisible character (new "
        f"line, U+000A) after 'Twee'; {advice}",
        f"{PARTICIPANTS}:11: third participant, id: there is an invisible character (left-to-right "
        f"isolate, U+2066) after 'derde'; {advice}",
    ]
    assert (content / "participants" / "voorbeeld.yaml").read_bytes() == before


def test_the_invisible_character_is_named_in_dutch_too(content: Path) -> None:
    write(content, "voorbeeld", SOURCES + 'participants:\n  - name: "ABN\\u200bAMRO"\n')
    [problem] = run_check(content, content.parent, WHEN).problems
    assert problem.message_in("nl") == (
        "er staat een onzichtbaar teken (zero-width space, U+200B) na 'ABN'; haal het weg "
        "(typ dit stuk opnieuw, plak niet vanuit een webpagina of tekstverwerker)"
    )


def test_a_party_name_with_an_invisible_character_is_refused(content: Path) -> None:
    registry = content / "parties.yaml"
    registry.write_text(
        registry.read_text("utf-8").replace("name: FNV", 'name: "FNV\\u200d"', 1), "utf-8"
    )
    assert problems(content) == [
        "content/parties.yaml:3: first party, name: there is an invisible character (zero-width "
        "joiner, U+200D) after 'FNV'; remove it (type this part again, do not paste it from a "
        "web page or word processor)"
    ]


@pytest.mark.parametrize(
    ("name", "shown", "message"),
    [
        (
            "tweede\n.yaml",
            "content/covenants/tweede\\n.yaml",
            "the file name holds an invisible character (new line, U+000A) after 'tweede'; "
            "rename the file without it",
        ),
        (
            "tweede.yaml\n",
            "content/covenants/tweede.yaml\\n",
            "the file name holds an invisible character (new line, U+000A) after "
            "'tweede.yaml'; rename the file without it",
        ),
        (
            "\u202etweede.yaml",
            "content/covenants/\\u202etweede.yaml",
            "the file name starts with an invisible character (right-to-left override, "
            "U+202E); rename the file without it",
        ),
    ],
)
def test_a_file_name_with_an_invisible_character_is_no_slug(
    content: Path, name: str, shown: str, message: str
) -> None:
    text = (content / "covenants" / "voorbeeld.yaml").read_text("utf-8")
    (content / "covenants" / name).write_text(text, "utf-8")
    assert problems(content) == [f"{shown}:1: (file): {message}"]


def test_a_participants_file_name_with_an_invisible_character_is_refused(content: Path) -> None:
    source = content / "participants" / "voorbeeld.yaml"
    source.rename(content / "participants" / "voorbeeld\u200b.yaml")
    assert problems(content) == [
        "content/participants/voorbeeld\\u200b.yaml:1: (file): the file name holds an invisible "
        "character (zero-width space, U+200B) after 'voorbeeld'; rename the file without it"
    ]


# --- how complete each list is ----------------------------------------------------------------

COMPLETE = """sources:
  - id: lijst
    title: Officiële lijst
    url: https://example.org/lijst
default_sources: [lijst]
default_kind: pension_fund
counts:
  - of: participants
    number: 2
    as_of: "2019-12"
    sources: [lijst]
  - of: participants
    number: 5
    as_of: "2018-12"
    sources: [lijst]
official_list: lijst
complete: true
participants:
  - name: Fonds Een
  - name: Fonds Twee
"""


def test_complete_needs_the_official_list_and_that_list_is_a_source(content: Path) -> None:
    write(content, "voorbeeld", SOURCES + "complete: true\nparticipants:\n  - name: Een\n")
    write(content, "tweede", SOURCES + "official_list: lijts\nparticipants:\n  - name: Twee\n")
    second_covenant(content)
    assert problems(content) == [
        "content/participants/tweede.yaml:6: official_list: no source with id 'lijts' in this "
        "file's sources; did you mean 'lijst'?",
        f"{PARTICIPANTS}:6: complete: 'complete: true' says that this file names every "
        "participant of the official list: add that list to 'sources' and its id as "
        "'official_list'",
    ]


def test_complete_is_a_yes_or_no_not_a_word(content: Path) -> None:
    write(content, "voorbeeld", COMPLETE.replace("complete: true", 'complete: "ja"'))
    assert problems(content) == [
        f"{PARTICIPANTS}:17: complete: expected true or false, without quotes; got 'ja'"
    ]


def _with_lists(content: Path, first: str, second: str) -> Corpus:
    from imvo.validate import load_content

    write(content, "voorbeeld", first)
    second_covenant(content)
    write(content, "tweede", second)
    return load_content(content, content.parent)


def test_the_newest_dated_count_is_the_total_and_complete_is_the_editors_word(
    content: Path,
) -> None:
    corpus = _with_lists(content, COMPLETE, COMPLETE.replace("complete: true\n", ""))
    complete = coverage.coverage(corpus, "voorbeeld")
    partial = coverage.coverage(corpus, "tweede")
    assert complete is not None and partial is not None
    # The fixture covenant's own count (73, undated) gives way to the newest dated one.
    assert (complete.named, complete.total.number if complete.total else None) == (2, 2)
    assert complete.complete and not partial.complete  # the same numbers: the editors decide
    assert complete.official is not None and complete.official.url == "https://example.org/lijst"
    assert not coverage.all_complete(corpus)


def test_a_complete_list_says_so_and_an_incomplete_one_what_to_do(content: Path) -> None:
    corpus = _with_lists(content, COMPLETE, COMPLETE.replace("complete: true\n", ""))
    pages = _pages(corpus, "en")
    assert (
        '<p class="imvo-coverage"><span class="imvo-coverage__named">This list is complete: this '
        "site names all 2 pension funds on the official list.</span> The full list: "
        '<a href="https://example.org/lijst">Officiële lijst</a>. '
        '<span class="imvo-coverage__missing">Is your organisation not listed? Then it is not on '
        "the official list either.</span></p>"
    ) in _html(pages["voorbeeld"])
    assert (
        '<p class="imvo-coverage"><span class="imvo-coverage__named">This site names 2 of the 2 '
        'pension funds.</span> <span class="imvo-coverage__source">That total is the newest count '
        'a source gives: <a href="https://example.org/lijst">Officiële lijst</a> (December '
        "2019).</span> The full list: "
        '<a href="https://example.org/lijst">Officiële lijst</a>. '
        '<span class="imvo-coverage__missing">Is your organisation not listed? It may still take '
        "part, because this list is not complete. Check the official list, ask your pension "
        "fund's board or its accountability body (verantwoordingsorgaan), or ask your "
        "union.</span></p>"
    ) in _html(pages["tweede"])
    finder = _html(pages["participants"])
    assert "Then no source we know names it as a participant" not in finder
    assert (
        "Is your organisation not listed? That does not mean it does not take part: for 1 of "
        "the 2 agreements this site does not name every participant."
    ) in finder
    assert 'data-none="No organisation found. Try a shorter or different name. If your' in finder


def test_only_where_every_list_is_complete_no_source_names_a_missing_organisation(
    content: Path,
) -> None:
    corpus = _with_lists(content, COMPLETE, COMPLETE)
    assert coverage.all_complete(corpus)
    finder = _html(_pages(corpus, "nl")["participants"])
    assert (
        "Staat uw organisatie er niet bij? Dan noemt geen bron die wij kennen haar als deelnemer."
    ) in finder
    assert 'data-none="Geen organisatie gevonden. Probeer een kortere of andere naam."' in finder
    assert '<li><a href="tweede.html">Voorbeeld</a>: <span class="imvo-coverage__named">' in finder


def test_a_list_with_more_names_than_the_count_says_both(content: Path) -> None:
    three = COMPLETE.replace("complete: true\n", "") + "  - name: Fonds Drie\n"
    corpus = _with_lists(content, three, COMPLETE)
    html = _html(_pages(corpus, "nl")["voorbeeld"])
    assert (
        '<span class="imvo-coverage__named">Deze site noemt 3 pensioenfondsen.</span> '
        '<span class="imvo-coverage__source">De nieuwste telling van een bron komt op 2: '
        '<a href="https://example.org/lijst">Officiële lijst</a> (december 2019).</span>'
    ) in html


def test_the_open_data_says_whether_each_list_is_complete(content: Path) -> None:
    corpus = _with_lists(content, COMPLETE, COMPLETE.replace("complete: true\n", ""))
    rows = list(csv.DictReader(io.StringIO(covenants_csv(corpus))))
    assert [
        (r["slug"], r["participants_named"], r["participants_total"],
         r["participants_total_as_of"], r["participants_complete"], r["participants_list"])
        for r in rows
    ] == [
        ("tweede", "2", "2", "2019-12", "false", "https://example.org/lijst"),
        ("voorbeeld", "2", "2", "2019-12", "true", "https://example.org/lijst"),
    ]  # fmt: skip
    listing = dataset(corpus)["participants"][1]
    assert (listing["covenant"], listing["complete"], listing["official_list"]) == (
        "voorbeeld",
        True,
        "lijst",
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_pdf_says_how_complete_its_list_is_and_where_the_full_list_is(
    built_site: Path, corpus: Corpus, lang: str
) -> None:
    from pdf_text import pdf_text

    from imvo.outputs import pdf

    named = {"nl": "Deze site noemt", "en": "This site names"}[lang]
    missing = {"nl": "Staat uw organisatie er niet bij?", "en": "Is your organisation not listed?"}
    checked = 0
    for cov in coverage.coverages(corpus):
        if cov.slug not in corpus.participants:
            continue
        text = pdf_text(pdf.pdf_path(built_site, cov.slug, lang)).whole
        assert named in text, cov.slug
        assert missing[lang] in text, cov.slug
        if cov.official is not None and cov.official.url:
            # Printed links show their address: the full list can be found from paper.
            assert cov.official.url.split("//", 1)[1][:30] in text.replace(" ", ""), cov.slug
        checked += 1
    assert checked >= 10


def test_a_source_title_with_an_invisible_character_is_refused(content: Path) -> None:
    write(
        content,
        "voorbeeld",
        SOURCES.replace("title: Lijst", 'title: "Lijst\\u2060"') + "participants:\n  - name: Een\n",
    )
    assert problems(content) == [
        f"{PARTICIPANTS}:3: first source, title: there is an invisible character (word joiner, "
        "U+2060) after 'Lijst'; remove it (type this part again, do not paste it from a web page "
        "or word processor)"
    ]
