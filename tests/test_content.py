"""The real content: complete in both languages, every fact with a source, shown as written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from imvo.model.content import Corpus, Covenant, Text
from imvo.render.i18n import Translator
from imvo.render.page_list import TEXT_PAGES

SEED_COVENANTS = {
    "textiel",
    "banken",
    "bosbeheer",
    "goud",
    "plantaardige-eiwitten",
    "voedingsmiddelen",
    "verzekeringen",
    "pensioenfondsen",
    "natuursteen",
    "metaal",
    "sierteelt",
    "steenkool",
}
"""The covenants the seeds name (issue: all covenants and explainer texts)."""


def texts(value: Any, where: str = "") -> Iterator[tuple[str, Text]]:
    """Every bilingual text inside a content object, with its path."""
    if isinstance(value, Text):
        yield where, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), f"{where}.{name}".lstrip("."))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, f"{where}[{index}]")


def test_every_covenant_of_the_seeds_is_there(corpus: Corpus) -> None:
    assert set(corpus.covenants) >= SEED_COVENANTS


def test_every_text_is_written_in_both_languages(corpus: Corpus) -> None:
    missing = [
        f"{slug}: {where}"
        for slug, covenant in corpus.covenants.items()
        for where, text in texts(covenant)
        if not text.nl.strip() or not text.en.strip()
    ]
    assert missing == []
    assert {key: sorted(corpus.texts[key]) for key in TEXT_PAGES} == {
        key: ["en", "nl"] for key in TEXT_PAGES
    }


def dated_facts(covenant: Covenant) -> Iterator[tuple[str, list[str]]]:
    """Every dated or sourced fact of a covenant, with the sources it names."""
    for name, fact in covenant.dated_facts():
        yield name, fact.sources
        for index, other in enumerate(fact.disputed):
            yield f"{name}.disputed[{index}]", other.sources
    yield "status", covenant.status.sources
    if covenant.term is not None:
        yield "term", covenant.term.sources
    for index, part in enumerate(covenant.parties):
        yield f"parties[{index}]", part.sources


def test_every_fact_names_a_source(corpus: Corpus) -> None:
    unsourced = [
        f"{slug}: {where}"
        for slug, covenant in corpus.covenants.items()
        for where, sources in dated_facts(covenant)
        if not sources
    ]
    assert unsourced == []


def test_every_disputed_date_names_two_sources(corpus: Corpus) -> None:
    disputes = 0
    for slug, covenant in corpus.covenants.items():
        for name, fact in covenant.dated_facts():
            for other in fact.disputed:
                disputes += 1
                assert fact.sources, f"{slug}: {name} has no source of its own"
                assert other.sources, f"{slug}: {name}.disputed has no source"
                assert set(other.sources) - set(fact.sources), (
                    f"{slug}: {name} and its disputed value name the same sources"
                )
                assert other.date != fact.date, f"{slug}: {name} disputes itself"
    # food, proteins, gold, natural stone; banking's "July 2020" was the date of its final
    # report, not a second end date, so it is no longer a dispute (issue 18)
    assert disputes >= 4


def page_text(site: Path, lang: str, slug: str) -> str:
    """The visible text of a factsheet's article, with tags dropped (not spaced: an
    abbreviation keeps its hyphen, "IMVO-convenant")."""
    path = site / (f"{slug}.html" if lang == "nl" else f"{lang}/{slug}.html")
    article = re.search(r"<article[^>]*>(.*)</article>", path.read_text("utf-8"), re.S)
    assert article is not None
    return " ".join(unescape(re.sub(r"<[^>]+>", "", article.group(1))).split())


def test_banking_says_when_it_ended_in_each_language(built_site: Path) -> None:
    english, dutch = page_text(built_site, "en", "banken"), page_text(built_site, "nl", "banken")
    assert "Ended June 2020" in english
    assert "Afgelopen juni 2020" in dutch  # the status tag and its date
    # July 2020 is the date of the final monitoring report, not a second end date (issue 18).
    assert "final report is dated 13 July 2020" in english
    assert "Het eindrapport van de monitoringcommissie is van 13 juli 2020" in dutch
    assert "Another source gives July 2020" not in english
    assert "Volgens een andere bron: juli 2020" not in dutch


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_factsheets_show_what_the_yaml_says(built_site: Path, corpus: Corpus, lang: str) -> None:
    t = Translator(lang)
    for slug, covenant in corpus.covenants.items():
        shown = page_text(built_site, lang, slug)
        assert " ".join(covenant.name.get(lang).split()) in shown, slug
        for _, fact in covenant.dated_facts():
            assert t.date(fact.date) in shown, (slug, fact.date)
            for other in fact.disputed:
                assert t.date(other.date) in shown, (slug, other.date)
        for part in covenant.parties:
            assert corpus.parties[part.party].name_in(lang) in shown, (slug, part.party)
        for source in covenant.sources:
            assert source.title in shown, (slug, source.id)
            if source.url:
                assert source.url in shown, (slug, source.url)


def test_due_diligence_follows_the_oecd_and_places_each_cnv_step_once(corpus: Corpus) -> None:
    steps = corpus.due_diligence.steps
    assert [step.id for step in steps] == [
        "embed",
        "identify",
        "prevent",
        "track",
        "communicate",
        "remedy",
    ]
    cnv = [name.get("nl") for step in steps for name in step.cnv_steps]
    assert cnv == [
        "Beleidsbepaling",
        "Risicoanalyse",
        "Prioritering",
        "Uitvoering",
        "Monitoring",
        "Communiceren",
    ]
    # The OECD puts prioritising inside step 2 and has remediation as step 6, which CNV lacks.
    assert [name.get("en") for name in steps[1].cnv_steps] == ["Risk analysis", "Prioritisation"]
    assert steps[5].cnv_steps == []
    assert "oecd-guidance" in {source.id for source in corpus.due_diligence.sources}


def test_agriculture_and_horticulture_is_history_not_a_covenant(corpus: Corpus) -> None:
    # The talks ended without an agreement (imvoconvenanten.nl, "Gesprekken convenant land-
    # en tuinbouwsector stopgezet"): no factsheet, but a section on the how-it-works page.
    assert "land-en-tuinbouw" not in corpus.covenants
    assert "### Land- en tuinbouw" in corpus.texts["how-it-works"]["nl"]
    assert "### Agriculture and horticulture" in corpus.texts["how-it-works"]["en"]
    assert "land-tuinbouwsector-stopgezet" in corpus.texts["how-it-works"]["nl"]


def test_natural_stone_has_its_second_term_as_metals_has(corpus: Corpus) -> None:
    first = corpus.covenants["natuursteen"]
    second = corpus.covenants["trustone-tweede-termijn"]
    assert first.status.value.value == "succeeded"
    assert first.successor == "trustone-tweede-termijn"
    assert first.ended is not None and first.ended.date.iso() == "2024"
    assert second.status.value.value == "active"
    assert second.in_force is not None and second.in_force.date.iso() == "2025-02"
    source = next(s for s in second.sources if s.id == "pianoo-trustone-tweede-termijn")
    assert str(source.url).startswith("https://pianoo.nl/nl/actueel/nieuws/natuursteensector")
    assert source.published is None
    parties = {part.party for part in second.parties}
    assert {"fnv", "cnv", "acv-bie", "noa", "bnsa", "actionaid", "arisa", "wsm"} <= parties
    assert not parties & {"minister-bhos", "vlaamse-overheid", "rijksoverheid"}


def test_the_weekend_dates_in_the_content_are_checked_and_pass_strict() -> None:
    from datetime import date

    from imvo.editors.check import exit_code, run_check

    root = Path(__file__).resolve().parent.parent
    result = run_check(root / "content", root, date(2026, 12, 7))
    assert [p.text("en") for p in result.problems if p.severity != "hint"] == []
    assert exit_code(result, strict=True) == 0


@pytest.mark.parametrize(
    ("slug", "fact", "day"),
    [("metaal", "in_force", "2019-06-01"), ("pensioenfondsen", "ended", "2022-12-31")],
)
def test_a_correct_weekend_date_carries_a_note_that_it_was_checked(
    corpus: Corpus, slug: str, fact: str, day: str
) -> None:
    from datetime import date

    dated = dict(corpus.covenants[slug].dated_facts())[fact]
    assert dated.date.iso() == day
    assert date.fromisoformat(day).weekday() >= 5
    assert dated.note is not None
    assert "nagekeken" in dated.note.nl and "checked the date" in dated.note.en
