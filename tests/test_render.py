"""Rendering: pages per language, status phrases, sources, escaping, strict templates."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, UndefinedError

from imvo.history import Change, CovenantHistory, History
from imvo.i18n import Translator
from imvo.model import Corpus, Covenant, DatedFact, PartialDate, StatusFact
from imvo.render import (
    Renderer,
    abbreviation_markup,
    abbreviations,
    alternate_href,
    first_sentence,
    md_block,
    md_plain,
    predecessors,
    site_path,
    split_title,
    stash_html,
    status_phrase,
    template_cache,
    unstash_html,
)


def _page(corpus: Corpus, lang: str, key: str) -> str:
    pages = {page.key: page for page in Renderer(corpus).language(lang)}
    return unstash_html(pages[key].markdown, list(pages[key].blocks))


def _covenant(status: str, ended: str | None, signed: str | None = "2016-07-04") -> Covenant:
    return Covenant(
        name={"nl": "N", "en": "N"},
        short_name={"nl": "N", "en": "N"},
        sector={"nl": "S", "en": "S"},
        status=StatusFact(value=status),
        signed=DatedFact(date=signed) if signed else None,
        ended=DatedFact(date=ended) if ended else None,
        summary={"nl": "x", "en": "x"},
    )


@pytest.mark.parametrize(
    ("status", "ended", "lang", "expected"),
    [
        ("ended", "2020-06", "nl", "Afgelopen in juni 2020"),
        ("ended", "2020-06", "en", "Ended June 2020"),
        ("ended", "2021-12-31", "nl", "Afgelopen op 31 december 2021"),
        ("ended", "2021-12-31", "en", "Ended 31 December 2021"),
        ("ended_early", "2019-03-19", "en", "Ended early on 19 March 2019"),
        ("active", None, "nl", "Lopend sinds 4 juli 2016"),
        ("active", None, "en", "Active since 4 July 2016"),
    ],
)
def test_status_phrases(status: str, ended: str | None, lang: str, expected: str) -> None:
    assert status_phrase(_covenant(status, ended), Translator(lang)) == expected


@pytest.mark.parametrize(
    ("as_of", "lang", "expected"),
    [
        ("2017-10", "nl", "Status onbekend: het laatste bericht dat het liep is van oktober 2017"),
        ("2017-10", "en", "Status unknown: last reported running in October 2017"),
        ("2017-10-12", "en", "Status unknown: last reported running on 12 October 2017"),
        ("2019", "nl", "Status onbekend: het laatste bericht dat het liep is van 2019"),
    ],
)
def test_unknown_status_phrase_gives_the_latest_source_that_saw_it_running(
    as_of: str, lang: str, expected: str
) -> None:
    covenant = _covenant("unknown", None).model_copy(
        update={"status": StatusFact.model_validate({"value": "unknown", "as_of": as_of})}
    )
    assert status_phrase(covenant, Translator(lang)) == expected


def test_in_preparation_has_no_date() -> None:
    covenant = _covenant("in_preparation", None, signed=None)
    assert status_phrase(covenant, Translator("en")) == "In preparation"


def test_every_page_has_a_counterpart(fixture_corpus: Corpus) -> None:
    renderer = Renderer(fixture_corpus)
    keys = {lang: [page.key for page in renderer.language(lang)] for lang in ("nl", "en")}
    assert keys["nl"] == keys["en"]
    assert "voorbeeld" in keys["nl"]


def test_factsheet_shows_dates_sources_and_disputes(fixture_corpus: Corpus) -> None:
    english = _page(fixture_corpus, "en", "voorbeeld")
    assert (
        '<p class="imvo-lead"><strong><span class="imvo-status imvo-status--ended"><span '
        'class="imvo-status__icon" aria-hidden="true"></span>Ended June 2020</span></strong>'
    ) in english
    assert (
        '<dd>4 July 2016<sup class="imvo-ref"><a href="#bron-1" aria-label="source 1">[1]</a>'
        '</sup><br><span class="imvo-disputed">Another source gives 5 July 2016<sup '
        'class="imvo-ref"><a href="#bron-2" aria-label="source 2">[2]</a></sup></span></dd>'
    ) in english
    assert '<li id="bron-1">Uitgever A, <a href="https://example.org/a">Bron A</a>' in english
    dutch = _page(fixture_corpus, "nl", "voorbeeld")
    assert 'aria-hidden="true"></span>Afgelopen in juni 2020</span></strong>' in dutch
    assert "<dd>augustus 2016<sup" in dutch


def test_metadata_links_the_counterpart(fixture_corpus: Corpus) -> None:
    dutch = {p.key: p for p in Renderer(fixture_corpus).language("nl")}
    assert dutch["overview"].meta == {
        "title": "Overzicht van de convenanten",
        "description": dutch["overview"].meta["description"],
        "alternate": "en/overview.html",
        "alternate_lang": "en",
        "here": "overzicht.html",
        "there": "en/overview.html",
        "page_key": "overview",
        "lastmod": "",
    }
    english = {p.key: p for p in Renderer(fixture_corpus).language("en")}
    assert english["voorbeeld"].meta["alternate"] == "../voorbeeld.html"
    assert english["voorbeeld"].meta["title"] == "Example Sector Agreement"


def test_paths_between_languages() -> None:
    assert site_path("nl", "overzicht") == "overzicht.html"
    assert site_path("en", "overview") == "en/overview.html"
    assert alternate_href("nl", "en", "overzicht", "overview") == "en/overview.html"
    assert alternate_href("en", "nl", "overview", "overzicht") == "../overzicht.html"


def test_plain_text_cannot_become_markup() -> None:
    assert md_plain("<script>alert(1)</script>") == (r"&lt;script&gt;alert\(1\)&lt;/script&gt;")
    assert md_plain("[x](javascript:alert(1))") == r"\[x\]\(javascript:alert\(1\)\)"


def test_missing_values_fail_instead_of_printing_blank(fixture_corpus: Corpus) -> None:
    renderer = Renderer(fixture_corpus)
    template = renderer.env.from_string("{{ nothing_here }}")
    with pytest.raises(UndefinedError):
        template.render()


def test_text_titles_and_descriptions() -> None:
    assert split_title("# Over deze site\n\nTekst.\n") == ("Over deze site", "Tekst.\n")
    assert first_sentence("Het **eerste** convenant. Daarna meer.") == "Het eerste convenant."


def test_partial_dates_render_in_overview(fixture_corpus: Corpus) -> None:
    overview = _page(fixture_corpus, "nl", "overview")
    assert '<time datetime="2016-07-04">4 juli 2016</time>' in overview
    assert PartialDate(2016, 7, 4).iso() == "2016-07-04"


def test_finished_html_blocks_are_stashed_and_put_back() -> None:
    markdown = (
        '# T\n\n<dl class="x">\n<dt>a</dt><dd>b</dd>\n</dl>\n\nText with <span>x</span>.\n\n'
        "<div>\n\nopen div\n\n</div>\n\n```\n<p>code</p>\n\n<p>still code</p>\n```\n"
    )
    stashed, blocks = stash_html(markdown)
    assert blocks == ('<dl class="x">\n<dt>a</dt><dd>b</dd>\n</dl>',)
    assert stashed == markdown.replace(blocks[0], "<!--imvo-block-0-->")
    assert unstash_html("<h1>T</h1>\n<!--imvo-block-0-->\n", list(blocks)) == (
        '<h1>T</h1>\n<dl class="x">\n<dt>a</dt><dd>b</dd>\n</dl>\n'
    )


def test_html_blocks_in_a_row_go_behind_one_placeholder() -> None:
    markdown = '<h2 id="a">A</h2>\n\n<p>x</p>\n\n\nText.\n\n<h2 id="b">B</h2>\n'
    stashed, blocks = stash_html(markdown)
    assert stashed == "<!--imvo-block-0-->\n\n\nText.\n\n<!--imvo-block-1-->\n"
    assert blocks == ('<h2 id="a">A</h2>\n\n<p>x</p>', '<h2 id="b">B</h2>')
    assert unstash_html(stashed, list(blocks)) == markdown


def test_abbreviations_per_language(fixture_corpus: Corpus) -> None:
    assert abbreviations(fixture_corpus, "nl") == {
        "OESO": "Organisatie voor Economische Samenwerking en Ontwikkeling"
    }
    assert abbreviations(fixture_corpus, "en") == {
        "OECD": "Organisation for Economic Co-operation and Development"
    }


def test_abbreviations_in_headings_are_marked_and_the_rest_escaped() -> None:
    mark = abbreviation_markup({"OR": "Ondernemingsraad", "OESO": "Organisatie <voor> & meer"})
    assert mark("Wat kan het OR-lid & de ORGANISATIE?") == (
        'Wat kan het <abbr title="Ondernemingsraad">OR</abbr>-lid &amp; de ORGANISATIE?'
    )
    assert mark("OESO") == '<abbr title="Organisatie &lt;voor&gt; &amp; meer">OESO</abbr>'
    assert abbreviation_markup({})("<b>") == "&lt;b&gt;"


def test_factsheet_headings_are_html_with_the_anchors_of_markdown(
    fixture_corpus: Corpus,
) -> None:
    page = _page(fixture_corpus, "nl", "voorbeeld")
    assert page.startswith("\n# Convenant Voorbeeldsector\n")
    assert '<h2 id="sources">Bronnen</h2>' in page
    assert '<h3 id="vakbonden">Vakbonden</h3>' in page


def test_factsheets_link_their_pdf_only_when_the_build_makes_them(
    fixture_corpus: Corpus,
) -> None:
    link = '<a href="pdf/voorbeeld.pdf" type="application/pdf">Download this factsheet as a PDF</a>'
    assert link in _page(fixture_corpus, "en", "voorbeeld")
    pages = {p.key: p for p in Renderer(fixture_corpus, pdf_links=False).language("en")}
    without = unstash_html(pages["voorbeeld"].markdown, list(pages["voorbeeld"].blocks))
    assert "pdf/voorbeeld.pdf" not in without


def test_quotes_in_a_title_stay_text_and_out_of_the_anchor() -> None:
    assert md_plain('Nieuw & "bijzonder" <b>') == r'Nieuw &amp; "bijzonder" &lt;b&gt;'


def test_description_keeps_the_text_of_links_and_drops_markup() -> None:
    assert first_sentence("Zie [banken](banken.md) en <b>dit</b>. Meer.") == "Zie banken en dit."


def test_compiled_templates_are_cached_where_the_folder_can_be_written(tmp_path: Path) -> None:
    cache = template_cache(tmp_path / "jinja")
    assert cache is not None
    templates = {"t.j2": "{{ 1 + 1 }}"}
    env = Environment(loader=DictLoader(templates), bytecode_cache=cache)
    assert env.get_template("t.j2").render() == "2"
    assert len(list((tmp_path / "jinja").iterdir())) == 1
    templates["t.j2"] = "{{ 2 + 2 }}"  # a changed template is compiled again, never reused
    fresh = Environment(
        loader=DictLoader(templates), bytecode_cache=template_cache(tmp_path / "jinja")
    )
    assert fresh.get_template("t.j2").render() == "4"
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert template_cache(blocked / "jinja") is None


def test_a_placeholder_typed_into_a_text_stays_text() -> None:
    stashed, blocks = stash_html('<h2 id="a">A</h2>\n\nSee <!--imvo-block-0-->.\n')
    assert stashed == "<!--imvo-block-0-->\n\nSee &lt;!--imvo-block-0-->.\n"
    assert blocks == ('<h2 id="a">A</h2>',)


@pytest.mark.parametrize(
    ("lang", "key", "none"),
    [
        ("nl", "overview", "<p>Er staan nog geen convenanten op deze site.</p>"),
        (
            "en",
            "timeline",
            "<p>There are no agreements on this site yet, so the timeline is empty.</p>",
        ),
    ],
)
def test_a_site_without_covenants_says_so(
    fixture_corpus: Corpus, lang: str, key: str, none: str
) -> None:
    empty = dataclasses.replace(fixture_corpus, covenants={})
    page = _page(empty, lang, key)
    assert none in page
    assert "<table" not in page and "<svg" not in page and "<ol" not in page
    assert none not in _page(fixture_corpus, lang, key)


@pytest.mark.parametrize(
    ("markdown", "top", "expected"),
    [
        ("# Kop\n\nTekst", 3, "### Kop\n\nTekst"),
        ("## Kop\n#Hashtag\n##### Diep", 3, "#### Kop\n###Hashtag\n###### Diep"),
        ("```\n# code\n```\n# Kop", 3, "```\n# code\n```\n### Kop"),
        ("`# code` op een regel\n# Kop", 2, "`# code` op een regel\n## Kop"),
        ("Tekst met # erin\n  # ingesprongen", 3, "Tekst met # erin\n  # ingesprongen"),
        ("# Kop", 1, "# Kop"),
    ],
)
def test_md_block_puts_an_editor_s_headings_below_the_page_s_own(
    markdown: str, top: int, expected: str
) -> None:
    assert md_block(markdown, top) == expected


def test_a_heading_in_a_factsheet_field_is_a_sub_heading_of_its_section(
    fixture_corpus: Corpus,
) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    summary = covenant.summary.model_copy(update={"nl": "# Achtergrond\n\nTekst."})
    changed = covenant.model_copy(update={"summary": summary})
    corpus = dataclasses.replace(fixture_corpus, covenants={"voorbeeld": changed})
    page = _page(corpus, "nl", "voorbeeld")
    assert '<h2 id="summary">Samenvatting</h2>\n\n### Achtergrond\n\nTekst.\n' in page


def test_first_sentence_reads_only_the_start_of_a_long_text() -> None:
    # Each of these took from 9 to 50 s when the patterns scanned ahead from every '<' or '['.
    assert first_sentence("[" * 100_000) == ""
    assert first_sentence("<" * 100_000) == "<" * 300
    assert first_sentence("Kort. " + "[a](" * 50_000) == "Kort."


def test_a_covenant_that_follows_two_names_both(fixture_corpus: Corpus) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    names = {"nl": "Nieuw", "en": "New"}
    new = covenant.model_copy(update={"short_name": covenant.short_name.model_copy(update=names)})
    corpus = dataclasses.replace(
        fixture_corpus,
        covenants={
            "voorbeeld": covenant.model_copy(update={"successor": "nieuw"}),
            "tweede": covenant.model_copy(update={"successor": "nieuw"}),
            "nieuw": new,
        },
    )
    assert predecessors(corpus) == {"nieuw": ["tweede", "voorbeeld"]}
    page = _page(corpus, "en", "nieuw")
    assert (
        '<dt>Continues</dt>\n<dd><a href="tweede.html">Example</a>, '
        '<a href="voorbeeld.html">Example</a></dd>'
    ) in page


def test_each_page_is_dated_by_the_last_change_of_what_it_shows(fixture_corpus: Corpus) -> None:
    from datetime import date

    history = History(
        {"voorbeeld": CovenantHistory(date(2026, 3, 1))},
        {
            "covenants/voorbeeld.yaml": date(2026, 3, 2),
            "texts/about.nl.md": date(2025, 1, 9),
            "glossary.yaml": date(2024, 5, 6),
        },
    )
    pages = {p.key: p for p in Renderer(fixture_corpus, history=history).language("nl")}
    assert pages["voorbeeld"].meta["lastmod"] == "2026-03-01"
    assert pages["about"].meta["lastmod"] == "2025-01-09"
    assert pages["glossary"].meta["lastmod"] == "2024-05-06"
    assert pages["overview"].meta["lastmod"] == "2026-03-02"
    assert pages["accessibility"].meta["lastmod"] == ""


def test_the_news_page_lists_changes_in_words(fixture_corpus: Corpus) -> None:
    from datetime import date

    fixed = Change("c" * 40, date(2026, 2, 3), "status", "status", "active", "ended")
    history = History({"voorbeeld": CovenantHistory(date(2026, 2, 3), (fixed,))})
    english = {p.key: p for p in Renderer(fixture_corpus, history=history).language("en")}
    assert (
        '<li><time datetime="2026-02-03">3 February 2026</time>: '
        '<a href="voorbeeld.html">Example</a><ul>\n<li>Status: running → ended</li>'
    ) in "".join(english["news"].blocks)
    assert "There are no corrections yet." in "".join(english["corrections"].blocks)
    unknown = {p.key: p for p in Renderer(fixture_corpus).language("nl")}
    assert "De geschiedenis van de factsheets is niet beschikbaar" in "".join(
        unknown["news"].blocks
    )
