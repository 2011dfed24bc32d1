"""The comparison of all covenants: its rows come from fields of their own, not from prose."""

from __future__ import annotations

from pathlib import Path

from build_options import options

from imvo.model.content import Corpus, Evaluation
from imvo.model.dates import PartialDate
from imvo.render.comparison import months_between, rows
from imvo.render.i18n import Translator


def test_months_between_needs_both_months() -> None:
    assert months_between(PartialDate(2016, 7, 4), PartialDate(2021, 12, 31)) == 65
    assert months_between(PartialDate(2016, 10), PartialDate(2020, 6)) == 44
    assert months_between(PartialDate(2016), PartialDate(2020, 6)) is None
    assert months_between(PartialDate(2016, 10), PartialDate(2020)) is None


def test_the_fixture_row_in_both_languages(fixture_corpus: Corpus) -> None:
    (nl,) = rows(fixture_corpus, Translator("nl"))
    assert (nl.slug, nl.name, nl.years, nl.months) == ("voorbeeld", "Voorbeeld", "2016–2020", 47)
    assert nl.companies == ["73 volgens Bron B"]
    assert (nl.complaints_received, nl.complaints_decided) == (3, 1)
    assert nl.evaluation is Evaluation.exists
    assert nl.verdict == "Goede samenwerking, weinig effect in de keten."
    assert (nl.results, nl.independent) == (4, 2)
    assert nl.sources == ("bron-a", "bron-b")
    assert nl.after == "Er kwam geen nieuw convenant; klachten gaan nu naar het NCP."
    assert nl.after_sources == ("bron-b",)
    (en,) = rows(fixture_corpus, Translator("en"))
    assert (en.name, en.verdict) == ("Example", "Good cooperation, little effect in the chain.")
    assert en.companies == ["73 according to Bron B"]


def test_a_covenant_without_a_review_is_unknown_not_zero(corpus: Corpus) -> None:
    found = {row.slug: row for row in rows(corpus, Translator("nl"))}
    assert set(found) == set(corpus.covenants)
    for slug, row in found.items():
        if corpus.covenants[slug].review is None:
            assert (row.complaints_received, row.complaints_decided) == (None, None), slug
            assert row.evaluation is Evaluation.unknown, slug


def test_the_page_shows_every_covenant_without_sideways_scrolling_markup(
    tmp_path: Path, corpus: Corpus
) -> None:
    from imvo.build.orchestrate import build_site

    build_site(corpus, options(site=tmp_path / "site"))
    for name in ("werkten-de-convenanten.html", "en/did-the-agreements-work.html"):
        html = (tmp_path / "site" / name).read_text(encoding="utf-8")
        assert html.count('class="imvo-compare__item"') == len(corpus.covenants), name
        assert "<table" not in html.split('class="imvo-compare"')[1], name
