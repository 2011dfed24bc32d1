"""News: the history's changes in words in both languages, and the Atom feeds."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from imvo.history import Change, CovenantHistory, History
from imvo.history.news import atom_feed, corrections, describe, items
from imvo.model.content import Corpus
from imvo.model.dates import PartialDate
from imvo.render.i18n import Translator
from imvo.validate import load_content

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"
DAY = date(2026, 3, 5)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_content(FIXTURE, FIXTURE.parent)


def change(kind: str, subject: str = "", old: str | None = None, new: str | None = None) -> Change:
    return Change("a" * 40, DAY, kind, subject, old, new, kind.endswith("changed"))


CASES = [
    (change("published"), "Factsheet op de site gezet", "Factsheet published"),
    (
        change("status", "status", "active", "ended"),
        "Status: loopt → afgelopen",
        "Status: running → ended",
    ),
    (
        change("date_added", "ended", None, "2023-07-05"),
        "Einddatum toegevoegd: 5 juli 2023",
        "End date added: 5 July 2023",
    ),
    (
        change("date_changed", "signed", "2017-06-17", "2017-06-19"),
        "Datum van ondertekening gecorrigeerd: 17 juni 2017 → 19 juni 2017",
        "Date of signing corrected: 17 June 2017 → 19 June 2017",
    ),
    (
        change("date_removed", "in_force", "2020-06", None),
        "Datum van inwerkingtreding weggehaald (was juni 2020)",
        "Date of entry into force removed (was June 2020)",
    ),
    (
        change("party_added", "fnv", None, "signatory"),
        "Partij toegevoegd: FNV (ondertekenaar)",
        "Party added: FNV (signatory)",
    ),
    (
        change("role_changed", "fnv", "supporter", "signatory"),
        "Rol van FNV gecorrigeerd: ondersteuner → ondertekenaar",
        "Role of FNV corrected: supporter → signatory",
    ),
    (
        change("party_removed", "gone", "signatory", None),
        "Partij weggehaald: gone (was ondertekenaar)",
        "Party removed: gone (was signatory)",
    ),
    (
        change("text_edited", "goals,summary"),
        "Tekst bewerkt: doelen, samenvatting",
        "Text edited: goals, summary",
    ),
    (
        change("term", "term", None, "60"),
        "Looptijd toegevoegd: 60 maanden",
        "Term added: 60 months",
    ),
]


@pytest.mark.parametrize(("made", "nl", "en"), CASES, ids=[c[0].kind for c in CASES])
def test_each_change_in_words(corpus: Corpus, made: Change, nl: str, en: str) -> None:
    assert describe(made, corpus, Translator("nl")) == nl
    assert describe(made, corpus, Translator("en")) == en


def _history() -> History:
    first = Change("b" * 40, date(2026, 1, 2), "published")
    fixed = Change(
        "c" * 40, date(2026, 2, 3), "date_changed", "signed", "2016-07-04", "2016-07-05", True
    )
    status = Change("c" * 40, date(2026, 2, 3), "status", "status", "active", "ended")
    gone = Change("d" * 40, date(2026, 2, 4), "published")
    return History(
        {
            "voorbeeld": CovenantHistory(date(2026, 2, 3), (fixed, status, first)),
            "removed-since": CovenantHistory(date(2026, 2, 4), (gone,)),
        }
    )


def test_news_groups_one_commit_and_leaves_out_covenants_no_longer_on_the_site(
    corpus: Corpus,
) -> None:
    found = items(_history(), corpus, Translator("en"), 10)
    assert [(i.slug, i.day, i.lines, i.corrected) for i in found] == [
        (
            "voorbeeld",
            date(2026, 2, 3),
            ("Date of signing corrected: 4 July 2016 → 5 July 2016", "Status: running → ended"),
            True,
        ),
        ("voorbeeld", date(2026, 1, 2), ("Factsheet published",), False),
    ]
    assert [i.commit for i in corrections(_history(), corpus, Translator("en"))] == ["c" * 40]


def test_the_feed_is_atom_with_absolute_ids_and_links(corpus: Corpus) -> None:
    text = atom_feed(
        _history(), corpus, Translator("en"), "https://org.github.io/repo", PartialDate(2026, 5)
    )
    root = ET.fromstring(text)
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert root.findtext(f"{ATOM}id") == "https://org.github.io/repo/en/feed.xml"
    assert root.findtext(f"{ATOM}updated") == "2026-02-03T00:00:00Z"
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        "https://org.github.io/repo/en/voorbeeld.html#cccccccccccc",
        "https://org.github.io/repo/en/voorbeeld.html#bbbbbbbbbbbb",
    ]
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Example: corrected", "Example"]
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [  # type: ignore[union-attr]
        "https://org.github.io/repo/en/voorbeeld.html"
    ] * 2
    for entry in entries:
        assert entry.findtext(f"{ATOM}updated")
        assert entry.findtext(f"{ATOM}summary")


def test_a_feed_without_history_is_valid_and_dated_by_the_build(corpus: Corpus) -> None:
    text = atom_feed(
        History(unavailable="no git"),
        corpus,
        Translator("nl"),
        "https://x.org/",
        PartialDate(2026, 5, 1),
    )
    root = ET.fromstring(text)
    assert root.findtext(f"{ATOM}id") == "https://x.org/feed.xml"
    assert root.findtext(f"{ATOM}updated") == "2026-05-01T00:00:00Z"
    assert root.findall(f"{ATOM}entry") == []
