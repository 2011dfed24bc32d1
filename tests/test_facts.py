"""Tests of imvo/facts.py: the facts pages show, each made once (the notes, the status date)."""

from __future__ import annotations

import dataclasses

import pytest
from build_options import OPTIONS

from imvo.facts import Note, noted, notes, status_date
from imvo.i18n import Translator
from imvo.model import Corpus, Covenant, DatedFact, StatusFact, parse_partial_date
from imvo.render import Renderer


def _covenant(status: str, **dates: str | None) -> Covenant:
    return Covenant(
        name={"nl": "N", "en": "N"},
        short_name={"nl": "N", "en": "N"},
        sector={"nl": "S", "en": "S"},
        status=StatusFact(value=status, as_of=dates.pop("as_of", None)),
        **{name: DatedFact(date=value) for name, value in dates.items() if value},
        summary={"nl": "x", "en": "x"},
    )


@pytest.mark.parametrize(
    ("status", "dates", "lang", "expected"),
    [
        ("ended", {"ended": "2021-12-31"}, "nl", "31 december 2021"),
        ("ended_early", {"ended": "2019-03"}, "en", "March 2019"),
        ("succeeded", {"ended": "2025"}, "nl", "2025"),
        ("ended", {}, "en", ""),
        ("active", {"signed": "2016-07-04"}, "nl", "sinds 4 juli 2016"),
        ("active", {"signed": "2016-07-04", "in_force": "2016-08"}, "en", "since August 2016"),
        ("active", {}, "en", ""),
        ("unknown", {"as_of": "2017-10"}, "nl", "laatste bericht oktober 2017"),
        ("unknown", {"as_of": "2017-10-12"}, "en", "last report 12 October 2017"),
        ("unknown", {}, "en", ""),
        ("in_preparation", {"signed": "2016-07-04"}, "nl", ""),
    ],
)
def test_the_date_beside_the_status_tag(
    status: str, dates: dict[str, str], lang: str, expected: str
) -> None:
    assert status_date(_covenant(status, **dates), Translator(lang)) == expected


def test_the_notes_gather_other_dates_remarks_and_earlier_counts(fixture_corpus: Corpus) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    parties = covenant.counts[0]
    later = parties.model_copy(
        update={"number": 14, "as_of": parse_partial_date("2018-03"), "sources": ["bron-b"]}
    )
    status = covenant.status.model_copy(
        update={"note": {"nl": "Eerder gestopt.", "en": "Stopped early."}}
    )
    changed = covenant.model_copy(
        update={"counts": [parties, later, *covenant.counts[1:]], "status": status}
    )
    found = notes(changed, Translator("en"))
    assert found == [
        Note("Signed", "Another source gives 5 July 2016", ("bron-b",)),
        Note("Status", "Stopped early."),
        Note("Participants", "Source B also counts the companies that joined later."),
        Note(
            "Parties according to a source",
            "Earlier: 11 according to Uitgever A (July 2016).",
            ("bron-a",),
        ),
    ]
    assert noted(found) == {"Signed", "Status", "Participants", "Parties according to a source"}
    dutch = notes(changed, Translator("nl"))
    assert dutch[0] == Note("Ondertekend", "Volgens een andere bron: 5 juli 2016", ("bron-b",))


def test_a_covenant_without_remarks_has_no_notes_and_no_notes_box(
    fixture_corpus: Corpus,
) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    signed = covenant.signed.model_copy(update={"disputed": []})
    counts = [count.model_copy(update={"note": None}) for count in covenant.counts]
    chairs = [chair.model_copy(update={"note": None}) for chair in covenant.chairs]
    plain = covenant.model_copy(update={"signed": signed, "counts": counts, "chairs": chairs})
    assert notes(plain, Translator("en")) == []
    corpus = dataclasses.replace(fixture_corpus, covenants={"voorbeeld": plain})
    pages = {page.key: page for page in Renderer(corpus, OPTIONS).language("en")}
    html = pages["voorbeeld"].html
    assert "imvo-notes" not in html and "(see below)" not in html
