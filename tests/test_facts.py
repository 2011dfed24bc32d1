"""Tests of imvo/render/facts.py: the facts pages show, each made once (the notes, the status
date)."""

from __future__ import annotations

import dataclasses

import pytest
from build_options import OPTIONS

from imvo.model.content import Corpus, Covenant, DatedFact, Status, StatusFact
from imvo.model.dates import parse_partial_date
from imvo.render.facts import (
    Note,
    cards_in_order,
    noted,
    notes,
    participation,
    signing_unions,
    status_date,
    status_tally,
)
from imvo.render.i18n import Translator
from imvo.render.renderer import Renderer


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


def test_the_home_page_lists_running_agreements_first_then_by_name(
    fixture_corpus: Corpus,
) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]

    def named(nl: str, en: str, status: str) -> Covenant:
        return covenant.model_copy(
            update={
                "short_name": covenant.short_name.model_copy(update={"nl": nl, "en": en}),
                "status": covenant.status.model_copy(update={"value": Status(status)}),
            }
        )

    covenants = {
        "a": named("Zout", "Salt", "ended"),
        "b": named("appels", "Apples", "unknown"),
        "c": named("Vis", "Fish", "active"),
        "d": named("Brood", "Bread", "active"),
    }
    corpus = dataclasses.replace(fixture_corpus, covenants=covenants)
    assert cards_in_order(corpus, "nl") == ["d", "c", "b", "a"]
    assert cards_in_order(corpus, "en") == ["d", "c", "b", "a"]
    covenants["a"] = named("Aarde", "Earth", "ended")
    assert cards_in_order(corpus, "en") == ["d", "c", "b", "a"]
    assert cards_in_order(corpus, "nl") == ["d", "c", "a", "b"]
    assert status_tally(corpus) == [(Status.active, 2), (Status.ended, 1), (Status.unknown, 1)]


def test_the_unions_that_signed_anything_by_name(fixture_corpus: Corpus) -> None:
    assert [party.id for party in signing_unions(fixture_corpus, "nl")] == ["fnv"]
    covenant = fixture_corpus.covenants["voorbeeld"]
    only_ser = covenant.model_copy(update={"parties": covenant.parties[1:2]})
    corpus = dataclasses.replace(fixture_corpus, covenants={"voorbeeld": only_ser})
    assert signing_unions(corpus, "en") == []


def test_an_organisation_s_own_participation_in_years(fixture_corpus: Corpus) -> None:
    from imvo.model.content import Participant

    ended = _covenant("ended", signed="2016-07-04", ended="2021-12-31")
    running = _covenant("active", signed="2019-03")
    unknown = _covenant("unknown", signed="2016")
    nl, en = Translator("nl"), Translator("en")
    plain = Participant(name="A")
    assert participation(ended, plain, nl) == "deed mee 2016–2021"
    assert participation(ended, plain, en) == "took part 2016–2021"
    joined = Participant(name="A", joined="2018-05", left="2019")
    assert participation(ended, joined, nl) == "deed mee 2018–2019"
    assert participation(ended, Participant(name="A", left_by="2016-12"), en) == (
        "took part in 2016"
    )
    assert participation(running, plain, nl) == "doet mee sinds 2019"
    assert participation(running, plain, en) == "has taken part since 2019"
    assert participation(unknown, plain, nl) == "deed mee vanaf 2016"
    undated = _covenant("ended", ended="2020")
    assert participation(undated, plain, en) == "took part until 2020"
    assert participation(_covenant("unknown"), plain, en) == ""
