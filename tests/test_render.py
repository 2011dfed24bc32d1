"""Rendering: pages per language, status phrases, sources, escaping, strict templates."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from pathlib import Path

import pytest
from build_options import OPTIONS, options
from jinja2 import DictLoader, Environment, UndefinedError

from imvo.history import Change, CovenantHistory, History
from imvo.model.content import Corpus, Covenant, DatedFact, SourcedText, StatusFact, Text
from imvo.model.dates import PartialDate, parse_partial_date
from imvo.outputs.open_data import covenants_csv
from imvo.render.facts import has_page, party_count, predecessors, status_phrase
from imvo.render.i18n import Translator
from imvo.render.markdown_text import (
    abbreviation_markup,
    abbreviations,
    first_sentence,
    md_block,
    md_plain,
    split_title,
)
from imvo.render.page_list import page_name
from imvo.render.renderer import Renderer, TocEntry, alternate_href, site_path, template_cache


def _page(corpus: Corpus, lang: str, key: str) -> str:
    pages = {page.key: page for page in Renderer(corpus, OPTIONS).language(lang)}
    return pages[key].html


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
        ("active", None, "nl", "Loopt sinds 4 juli 2016"),
        ("active", None, "en", "Running since 4 July 2016"),
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
    renderer = Renderer(fixture_corpus, OPTIONS)
    keys = {lang: [page.key for page in renderer.language(lang)] for lang in ("nl", "en")}
    assert keys["nl"] == keys["en"]
    assert "voorbeeld" in keys["nl"]


SOURCE_A = (
    '<details class="imvo-src"><summary>1 source</summary><ul><li>'
    '<a href="https://example.org/a">Uitgever A: Bron A</a></li></ul></details>'
    '<span class="imvo-src-print">[1]</span>'
)
SOURCE_B = (
    '<details class="imvo-src"><summary>1 source</summary><ul><li><cite>Bron B</cite></li>'
    '</ul></details><span class="imvo-src-print">[2]</span>'
)


def test_factsheet_shows_dates_sources_and_disputes(fixture_corpus: Corpus) -> None:
    english = _page(fixture_corpus, "en", "voorbeeld")
    # The status in the summary list: its tag and date on one line, its sources in the one
    # control below the list (not in the line).
    assert (
        '<div class="imvo-summary__row imvo-summary__row--status"><dt>Status</dt><dd><span '
        'class="imvo-status imvo-status--ended"><span class="imvo-status__icon" '
        'aria-hidden="true"></span>Ended</span> <span class="imvo-summary__date">June 2020'
        "</span></dd></div>"
    ) in english
    assert (
        '<details class="imvo-src imvo-summary__sources"><summary>Sources of these facts'
        '</summary><ul><li><strong>Status:</strong> <a href="https://example.org/a">Uitgever A: '
        'Bron A</a></li><li><strong>Unions:</strong> <a href="https://example.org/a">Uitgever A:'
        " Bron A</a></li></ul></details>"
    ) in english
    # Label and value on one row; the other date moves to the note below the key facts.
    assert (
        '<div><dt>Signed</dt><dd><time datetime="2016-07-04">4 July 2016</time> '
        f'<span class="imvo-see-note">(see below)</span>{SOURCE_A}</dd></div>'
    ) in english
    assert (
        f"<li><strong>Signed:</strong> Another source gives 5 July 2016{SOURCE_B}</li>"
    ) in english
    assert '<li id="bron-1">Uitgever A, <a href="https://example.org/a">Bron A</a>' in english
    # No numbered markers: one control per fact, naming its sources.
    assert "imvo-ref" not in english and "[1][" not in english
    dutch = _page(fixture_corpus, "nl", "voorbeeld")
    assert (
        'aria-hidden="true"></span>Afgelopen</span> <span class="imvo-summary__date">juni 2020'
    ) in dutch
    assert '<dd><time datetime="2016-08">augustus 2016</time><details' in dutch
    assert "<summary>1 bron</summary>" in dutch


def test_a_fact_with_two_sources_names_both_in_one_control(fixture_corpus: Corpus) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    term = covenant.term.model_copy(update={"sources": ["bron-b", "bron-a", "bron-b"]})
    corpus = dataclasses.replace(
        fixture_corpus, covenants={"voorbeeld": covenant.model_copy(update={"term": term})}
    )
    assert (
        '<div><dt>Term</dt><dd>3 years<details class="imvo-src"><summary>2 sources</summary>'
        '<ul><li><a href="https://example.org/a">Uitgever A: Bron A</a></li><li><cite>Bron B'
        '</cite></li></ul></details><span class="imvo-src-print">[1, 2]</span></dd></div>'
    ) in _page(corpus, "en", "voorbeeld")


def test_factsheet_shows_the_new_facts_in_the_reader_s_order(fixture_corpus: Corpus) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    assert covenant.complaints is not None
    complaints = covenant.complaints.model_copy(update={"sources": ["bron-a"]})
    sourced = covenant.model_copy(update={"complaints": complaints})
    corpus = dataclasses.replace(fixture_corpus, covenants={"voorbeeld": sourced})
    page = _page(corpus, "en", "voorbeeld")
    assert '<p class="imvo-tagline">Commitments on fair work in the example sector.</p>' in page
    assert (
        '<p class="imvo-checked">Facts checked on <time datetime="2026-11-29">29 November 2026'
        "</time>.</p>"
    ) in page
    assert (
        '<div><dt>Parties</dt><dd><a href="#parties">2 on this page</a>'
        '<span class="imvo-print-only">2 named</span><div class="imvo-count">'
        f" · 11 according to Uitgever A (July 2016){SOURCE_A}</div></dd></div>"
    ) in page
    assert (
        '<div class="imvo-summary__row imvo-summary__row--unions"><dt>Unions</dt><dd>FNV</dd></div>'
    ) in page
    assert (
        '<div><dt>Participants</dt><dd><div class="imvo-count">73 according to Bron B '
        f'<span class="imvo-see-note">(see below)</span>{SOURCE_B}</div></dd></div>'
    ) in page
    assert (
        "<li><strong>Participants:</strong> Source B also counts the companies that joined "
        "later.</li>"
    ) in page
    assert (
        '<div><dt>Chair</dt><dd><div class="imvo-count">Jan Voorbeeld (July 2016–2019)'
        f"{SOURCE_A}</div></dd></div>"
    ) in page
    # What came after the end follows the action box, out of the key facts.
    # Below the action box: where complaints go today, then what came after, then the
    # history of complaints in the covenant.
    assert (
        '<h2 id="complaints">What came next, and complaints now</h2>\n\n'
        '<div class="imvo-complaints-now"><strong>Complaints now:</strong> No source names a '
        'route</div>\n<div class="imvo-after-end" id="after-end">\n'
        '<p class="imvo-after-end__title">What came next</p>\n'
        "<div>No new agreement followed; complaints now go to the "
        f"NCP.{SOURCE_B}</div>\n</div>\n<p>Complaints go to the complaints committee.</p>\n"
        f"{SOURCE_A}\n"
    ) in page
    assert "<dt>What came next" not in page
    assert (
        '<section class="imvo-action" aria-labelledby="what-you-can-do">\n'
        '<h2 id="what-you-can-do">What can you do?</h2>\n<ol class="imvo-action__steps">\n'
        "<li>Ask your employer whether the company took part.</li>\n"
        "<li>Report abuses to your union.</li>\n</ol>\n"
        '<p class="imvo-action__more">'
    ) in page
    # With steps of its own, the union's role has a section further down, with its source.
    assert (
        '<h2 id="union-role">Unions in this agreement</h2>\n\n<div class="imvo-union-role">\n'
        "<p>The FNV sat on the steering committee.</p>\n"
        f'<div class="imvo-src-line">{SOURCE_B}</div>\n</div>'
    ) in page
    # The summary list, straight after it the action box, then complaints now and what came
    # after, the key facts with their notes, the check.
    order = ["imvo-summary", "what-you-can-do", "imvo-complaints-now", "imvo-after-end"]
    order += ["imvo-facts", "imvo-notes", "imvo-checked", 'id="summary"']
    order += ['id="goals"', 'id="parties"', 'id="milestones"', 'id="sources"']
    places = [page.index(marker) for marker in order]
    assert places == sorted(places)


def test_the_key_facts_show_the_newest_count_and_the_notes_the_earlier_ones(
    fixture_corpus: Corpus,
) -> None:
    """Counts of different dates: the newest up front, each earlier one noted with its source."""
    covenant = fixture_corpus.covenants["voorbeeld"]
    parties = covenant.counts[0]
    later = parties.model_copy(update={"number": 14, "as_of": parse_partial_date("2018-03")})
    later = later.model_copy(update={"sources": ["bron-b"]})
    changed = covenant.model_copy(update={"counts": [parties, later, *covenant.counts[1:]]})
    page = _page(dataclasses.replace(fixture_corpus, covenants={"voorbeeld": changed}), "en",
                 "voorbeeld")  # fmt: skip
    assert (
        '<div><dt>Parties</dt><dd><a href="#parties">2 on this page</a>'
        '<span class="imvo-print-only">2 named</span><div class="imvo-count">'
        f' · 14 according to Bron B (March 2018) <span class="imvo-see-note">(see below)</span>'
        f"{SOURCE_B}</div></dd></div>"
    ) in page
    assert (
        "<li><strong>Parties according to a source:</strong> Earlier: 11 according to Uitgever A "
        f"(July 2016).{SOURCE_A}</li>"
    ) in page
    assert page.index('id="what-you-can-do"') < page.index("Earlier: 11")
    assert page.index('<details class="imvo-notes" id="notes"') < page.index("Earlier: 11")


def test_absent_new_facts_stay_invisible(fixture_corpus: Corpus) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"].model_copy(
        update={
            "tagline": None,
            "checked": None,
            "chairs": [],
            "counts": [],
            "actions": [],
            "after_end": None,
        }
    )
    corpus = dataclasses.replace(fixture_corpus, covenants={"voorbeeld": covenant})
    page = _page(corpus, "en", "voorbeeld")
    # Without a tagline the summary opens with its own first sentence, said once.
    assert "imvo-tagline" not in page
    assert page.count("An agreement to test the fixture.") == 1
    for absent in ("Facts checked", "<dt>Chair", "imvo-count", "<dt>Participants", "came next"):
        assert absent not in page, absent
    assert (
        '<div><dt>Parties</dt><dd><a href="#parties">2 on this page</a>'
        '<span class="imvo-print-only">2 named</span></dd></div>' in page
    )
    # Without steps, the union's role fills the box, with its sources.
    assert (
        '<h2 id="what-you-can-do">What can you do?</h2>\n<p>The FNV sat on the steering '
        f"committee.</p>\n{SOURCE_B}\n"
    ) in page
    assert 'id="union-role"' not in page


def test_action_steps_are_cleaned_markdown(fixture_corpus: Corpus) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    steps = [
        {"nl": "x", "en": "Ask **now** <script>x()</script> at [NCP](https://e.org). <input>"},
        {"nl": "y", "en": "<form><select><option>z</option></select></form>Go."},
    ]
    actions = [Text.model_validate(step) for step in steps]
    changed = covenant.model_copy(update={"actions": actions})
    corpus = dataclasses.replace(fixture_corpus, covenants={"voorbeeld": changed})
    page = _page(corpus, "en", "voorbeeld")
    assert '<li>Ask <strong>now</strong>  at <a href="https://e.org">NCP</a>. </li>' in page
    for tag in ("<script", "<input", "<form", "<select"):
        assert tag not in page, tag


def test_the_party_count_leaves_out_withdrawn_parties_everywhere(fixture_corpus: Corpus) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    assert [p.role.value for p in covenant.parties] == ["signatory", "facilitator", "withdrawn"]
    assert party_count(covenant) == 2
    overview = _page(fixture_corpus, "nl", "overview")
    assert '<td><span class="imvo-cell-label">Partijen: </span>2</td>' in overview
    assert '<a href="#parties">2 op deze pagina</a>' in _page(fixture_corpus, "nl", "voorbeeld")
    rows = list(csv.DictReader(io.StringIO(covenants_csv(fixture_corpus))))
    assert [row["parties"] for row in rows] == ["2"]


def test_overview_rows_come_in_order_of_signing(fixture_corpus: Corpus) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    late = covenant.model_copy(update={"signed": DatedFact.model_validate({"date": "2019"})})
    undated = covenant.model_copy(update={"signed": None, "in_force": None})
    corpus = dataclasses.replace(
        fixture_corpus, covenants={"a-undated": undated, "b-late": late, "c-early": covenant}
    )
    overview = _page(corpus, "en", "overview")
    rows = re.findall(r'<td class="imvo-overview__name"><a href="([^"]+)\.html">', overview)
    assert rows == ["c-early", "b-late", "a-undated"]
    assert '<th scope="col" aria-sort="ascending">Signed</th>' in overview
    assert (
        '<td><span class="imvo-cell-label">Status: </span><span class="imvo-status '
        'imvo-status--ended"><span class="imvo-status__icon" aria-hidden="true"></span>Ended'
        "</span></td>"
    ) in overview


def test_home_puts_the_agreements_and_the_ways_in_before_the_text(fixture_corpus: Corpus) -> None:
    home = _page(fixture_corpus, "en", "index")
    assert (
        '<h3 class="imvo-card__title"><a href="voorbeeld.html">Example</a></h3>\n'
        '<p class="imvo-card__status"><span '
        'class="imvo-status imvo-status--ended"><span class="imvo-status__icon" '
        'aria-hidden="true"></span>Ended</span> <span class="imvo-card__years">2016–2020</span>'
        '</p>\n<p class="imvo-card__unions">Unions: FNV</p>\n<p class="imvo-card__pdf"><a '
        'href="pdf/voorbeeld.pdf" type="application/pdf">Handout to print (PDF, A4)</a></p>'
    ) in home
    # The tasks come first: a search for one's organisation that opens the finder with a
    # plain GET (no JavaScript needed), one's union on the parties page, what applies now.
    if has_page("participants"):
        assert (
            f'<form class="imvo-task imvo-task--find" action="{page_name("participants", "en")}'
            '.html" role="search">'
        ) in home
        assert '<input id="imvo-home-find" type="search" name="q"' in home
    assert '<li><a href="parties.html#party-fnv">FNV</a></li>' in home
    assert '<p class="imvo-tally"><span class="imvo-tally__item">Ended: 1</span></p>' in home
    assert home.index("imvo-tasks") < home.index('id="agreements"')
    links = re.findall(r'<li><a href="([^"]+)\.html">', home.split('id="ways-in"')[1])
    expected = ["overview", "parties", "timeline", "due-diligence"]
    if has_page("participants"):
        expected.insert(2, page_name("participants", "en"))
    if has_page("now"):
        expected.insert(-2, page_name("now", "en"))
    assert links == expected
    assert home.index('id="agreements"') < home.index('id="ways-in"') < home.index("Text of")


ENDED_TAG = (
    '<span class="imvo-status imvo-status--ended"><span class="imvo-status__icon" '
    'aria-hidden="true"></span>Ended</span>'
)


def test_parties_page_answers_which_agreements_an_organisation_signed(
    fixture_corpus: Corpus,
) -> None:
    page = _page(fixture_corpus, "en", "parties")
    assert (
        '<li class="imvo-org">\n<h3 id="party-fnv">FNV</h3>\n<p class="imvo-org__full">'
        'Federatie Nederlandse Vakbeweging</p>\n<dl class="imvo-org__roles">\n<div><dt>Signed'
        '</dt><dd><ul class="imvo-org__covenants"><li><a href="voorbeeld.html">Example</a> '
        f"{ENDED_TAG}</li></ul></dd></div>\n</dl>\n</li>"
    ) in page
    # Each agreement with its status beside it: "which of ours still run?"
    assert (
        '<div><dt>Withdrew from</dt><dd><ul class="imvo-org__covenants"><li><a '
        f'href="voorbeeld.html">Example</a> (1 May 2019) {ENDED_TAG}</li></ul></dd></div>'
    ) in page


def test_metadata_links_the_counterpart(fixture_corpus: Corpus) -> None:
    dutch = {p.key: p for p in Renderer(fixture_corpus, OPTIONS).language("nl")}
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
    english = {p.key: p for p in Renderer(fixture_corpus, OPTIONS).language("en")}
    assert english["voorbeeld"].meta["alternate"] == "../voorbeeld.html"
    assert english["voorbeeld"].meta["title"] == "Example Sector Agreement"


def test_pages_link_the_feed_exactly_when_the_build_writes_it(fixture_corpus: Corpus) -> None:
    """The feed needs the site's address and the history (outputs.post_steps)."""
    history = History(unavailable="not read")
    for site_url, given, linked in [
        ("https://x.org/imvo/", history, "feed.xml"),
        (None, history, None),
        ("https://x.org/imvo/", None, None),
    ]:
        renderer = Renderer(fixture_corpus, options(site_url=site_url), history=given)
        pages = renderer.language("en")
        assert [page.meta.get("feed") for page in pages] == [linked] * len(pages)


def test_paths_between_languages() -> None:
    assert site_path("nl", "overzicht") == "overzicht.html"
    assert site_path("en", "overview") == "en/overview.html"
    assert alternate_href("nl", "en", "overzicht", "overview") == "en/overview.html"
    assert alternate_href("en", "nl", "overview", "overzicht") == "../overzicht.html"


def test_plain_text_cannot_become_markup() -> None:
    assert md_plain("<script>alert(1)</script>") == (r"&lt;script&gt;alert\(1\)&lt;/script&gt;")
    assert md_plain("[x](javascript:alert(1))") == r"\[x\]\(javascript:alert\(1\)\)"


def test_missing_values_fail_instead_of_printing_blank(fixture_corpus: Corpus) -> None:
    renderer = Renderer(fixture_corpus, OPTIONS)
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


def test_every_page_leaves_the_render_stage_as_html_with_its_headings(
    fixture_corpus: Corpus,
) -> None:
    pages = Renderer(fixture_corpus, OPTIONS).language("nl")
    assert pages
    for page in pages:
        # A moved page is one block that search leaves out, its title inside it.
        assert page.html.startswith("<h1 id=" if page.key != "land-en-tuinbouw" else "<div"), page
        assert page.toc[0].level == 1, page.name
    factsheet = next(page for page in pages if page.key == "voorbeeld")
    ids = [entry.id for entry in factsheet.toc]
    assert ids[:6] == [
        "voorbeeld",
        "glance",
        "what-you-can-do",
        "complaints",
        "results",
        "key-facts",
    ]
    assert len(ids) == len(set(ids))
    assert all(f'id="{anchor}"' in factsheet.html for anchor in ids)


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
    # The short name is the title, the official name its caption.
    assert page.startswith(
        '<h1 id="voorbeeld">Voorbeeld</h1>\n<p class="imvo-official-name"><span '
        'class="imvo-visually-hidden">Officiële naam: </span>Convenant Voorbeeldsector</p>\n'
    )
    assert '<h2 id="sources">Bronnen</h2>' in page
    assert '<h3 id="vakbonden">Vakbonden <span class="imvo-party-group__n">(1)</span></h3>' in page


def test_factsheets_link_their_pdf_only_when_the_build_makes_them(
    fixture_corpus: Corpus,
) -> None:
    link = (
        '<a href="pdf/voorbeeld.pdf" type="application/pdf">'
        "Handout of this factsheet to print (PDF)</a>"
    )
    assert link in _page(fixture_corpus, "en", "voorbeeld")
    pages = {p.key: p for p in Renderer(fixture_corpus, options(pdf=False)).language("en")}
    without = pages["voorbeeld"].html
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
    assert (
        '<h2 id="summary">Samenvatting</h2>\n\n<p class="imvo-tagline">Afspraken over eerlijk '
        'werk in de voorbeeldsector.</p>\n<h3 id="achtergrond">Achtergrond</h3>\n<p>Tekst.</p>'
    ) in page


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
        '<div><dt>Continues</dt><dd><a href="tweede.html">Example</a>, '
        '<a href="voorbeeld.html">Example</a></dd></div>'
    ) in page


def test_each_page_is_dated_by_the_last_change_of_what_it_shows(fixture_corpus: Corpus) -> None:
    from datetime import date

    history = History(
        {"voorbeeld": CovenantHistory(date(2026, 3, 1))},
        {
            "covenants/voorbeeld.yaml": date(2026, 3, 2),
            "texts/about.nl.md": date(2025, 1, 9),
            "glossary.yaml": date(2024, 5, 6),
            "law.yaml": date(2024, 2, 3),
            "texts/results.nl.md": date(2023, 1, 1),
        },
    )
    # The fixture content is in tests/fixtures/content: a page finds its file in the history
    # by its path inside the content folder, wherever that folder is.
    assert fixture_corpus.positions["law"].in_content == "law.yaml"
    pages = {p.key: p for p in Renderer(fixture_corpus, OPTIONS, history=history).language("nl")}
    assert pages["voorbeeld"].meta["lastmod"] == "2026-03-01"
    assert pages["about"].meta["lastmod"] == "2025-01-09"
    assert pages["glossary"].meta["lastmod"] == "2024-05-06"
    assert pages["overview"].meta["lastmod"] == "2026-03-02"
    assert pages["accessibility"].meta["lastmod"] == ""
    assert pages["law"].meta["lastmod"] == "2024-02-03"
    # The home page and the results show every covenant: the newest change of any file.
    assert pages["index"].meta["lastmod"] == "2026-03-02"
    assert pages["results"].meta["lastmod"] == "2026-03-02"


def test_the_news_page_lists_changes_in_words(fixture_corpus: Corpus) -> None:
    from datetime import date

    fixed = Change("c" * 40, date(2026, 2, 3), "status", "status", "active", "ended")
    history = History({"voorbeeld": CovenantHistory(date(2026, 2, 3), (fixed,))})
    english = {p.key: p for p in Renderer(fixture_corpus, OPTIONS, history=history).language("en")}
    assert (
        '<li><time datetime="2026-02-03">3 February 2026</time>: '
        '<a href="voorbeeld.html">Example</a><ul>\n<li>Status: running → ended</li>'
    ) in english["news"].html
    assert "There are no corrections yet." in english["corrections"].html
    unknown = {p.key: p for p in Renderer(fixture_corpus, OPTIONS).language("nl")}
    assert "De geschiedenis van de factsheets is niet beschikbaar" in "".join(unknown["news"].html)


def test_a_factsheet_shows_when_it_last_changed_what_changed_and_where_to_report(
    fixture_corpus: Corpus,
) -> None:
    from datetime import date

    added = Change("d" * 40, date(2026, 4, 7), "date_added", "ended", None, "2020-06")
    history = History({"voorbeeld": CovenantHistory(date(2026, 4, 7), (added,))})
    renderer = Renderer(
        fixture_corpus,
        options(
            report_url="https://github.com/org/repo/issues/new",
            site_url="https://org.github.io/repo/",
        ),
        history=history,
    )
    dutch = {p.key: p for p in renderer.language("nl")}["voorbeeld"].html
    assert 'Laatst gewijzigd op <time datetime="2026-04-07">7 april 2026</time>.</p>' in dutch
    assert (
        '<li><time datetime="2026-04-07">7 april 2026</time>: Einddatum toegevoegd: juni 2020</li>'
        in dutch
    )
    assert (
        '<a href="https://github.com/org/repo/issues/new?template=feit-corrigeren.yml&amp;title='
        "Correctie+%2F+Correction%3A+Convenant+Voorbeeldsector&amp;page=https%3A%2F%2Forg.github.io"
        '%2Frepo%2Fvoorbeeld.html">Meld een fout op deze pagina</a>'
    ) in dutch
    # Without a repository to report to, the link leads to the page that says how.
    english = "".join(
        {p.key: p for p in Renderer(fixture_corpus, OPTIONS).language("en")}["voorbeeld"].html
    )
    assert '<a href="corrections.html#report">Report an error on this page</a>' in english
    assert "What changed on this page is not known in this copy of the site." in english


def test_the_compiled_templates_follow_a_filter_that_starts_taking_the_context(
    tmp_path: Path,
) -> None:
    """Jinja compiles how a filter is called into the template: a filter that became
    `pass_context` gets the template compiled again, though the template's text is the same."""
    from jinja2 import pass_context

    templates = {"t.j2": "{{ 'x' | f }}"}
    plain_env = Environment(loader=DictLoader(templates), bytecode_cache=template_cache(tmp_path))
    plain_env.filters["f"] = lambda value: value.upper()
    assert plain_env.get_template("t.j2").render() == "X"
    later = Environment(loader=DictLoader(templates), bytecode_cache=template_cache(tmp_path))
    later.filters["f"] = pass_context(lambda context, value: f"{context['y']}{value}")
    assert later.get_template("t.j2").render(y="y") == "yx"


def test_each_page_is_rendered_with_its_own_context(fixture_corpus: Corpus) -> None:
    """The state of a page is the value handed to its template, not the renderer's: two
    pages rendered in turn keep their own headings and anchors."""
    from imvo.render.renderer import PageContext

    renderer = Renderer(fixture_corpus, OPTIONS)
    fields = renderer.fields("nl", {"overzicht"})
    first = PageContext("nl", "a", None, fields)
    second = PageContext("nl", "b", None, fields)
    template = renderer.env.from_string("{{ '## Kop' | md }}{{ heading(2, 'eigen', 'E', 'E') }}")
    assert template.render(page=first) == '<h2 id="kop">Kop</h2><h2 id="eigen">E</h2>'
    assert template.render(page=second) == '<h2 id="kop">Kop</h2><h2 id="eigen">E</h2>'
    assert (
        first.parts.toc
        == second.parts.toc
        == [
            TocEntry(2, "kop", "Kop"),
            TocEntry(2, "eigen", "E"),
        ]
    )
    assert template.render(page=first) == '<h2 id="kop_1">Kop</h2><h2 id="eigen">E</h2>'
    assert len(second.parts.toc) == 2


def test_a_page_carries_the_content_file_behind_it(fixture_corpus: Corpus) -> None:
    pages = {page.key: page for page in Renderer(fixture_corpus, OPTIONS).language("en")}
    sources = {key: page.source.path if page.source else None for key, page in pages.items()}
    fixture = "tests/fixtures/content"
    assert sources["voorbeeld"] == f"{fixture}/covenants/voorbeeld.yaml"
    assert sources["about"] == f"{fixture}/texts/about.en.md"
    assert sources["glossary"] == f"{fixture}/glossary.yaml"
    assert sources["due-diligence"] == f"{fixture}/due-diligence.yaml"
    assert sources["overview"] is None  # made from all the content, no one file
    assert pages["voorbeeld"].source is fixture_corpus.positions["voorbeeld"]


def test_complaints_now_is_one_line_at_the_top_and_opens_the_complaints_section(
    fixture_corpus: Corpus,
) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    now = SourcedText(nl="Het merk of het NCP", en="The brand or the NCP", sources=["bron-b"])
    corpus = dataclasses.replace(
        fixture_corpus, covenants={"voorbeeld": covenant.model_copy(update={"complaints_now": now})}
    )
    page = _page(corpus, "en", "voorbeeld")
    assert (
        '<div class="imvo-summary__row imvo-summary__row--complaints-now"><dt>Complaints now</dt>'
        "<dd>The brand or the NCP</dd></div>"
    ) in page
    assert "<li><strong>Complaints now:</strong> <cite>Bron B</cite></li>" in page
    assert (
        '<h2 id="complaints">What came next, and complaints now</h2>\n\n'
        '<div class="imvo-complaints-now"><strong>Complaints now:</strong> '
        f"The brand or the NCP{SOURCE_B}</div>"
    ) in page
    # Without the field, the row says that no source names a route: no default of its own.
    without = _page(fixture_corpus, "nl", "voorbeeld")
    assert "<dt>Klachten nu</dt><dd>Geen bron noemt een weg</dd>" in without
    assert "Het merk" not in without


def test_the_unions_row_says_none_where_no_union_takes_part(fixture_corpus: Corpus) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    parties = [p for p in covenant.parties if p.party != "fnv"]
    corpus = dataclasses.replace(
        fixture_corpus, covenants={"voorbeeld": covenant.model_copy(update={"parties": parties})}
    )
    assert "<dt>Vakbonden</dt><dd>Geen</dd>" in _page(corpus, "nl", "voorbeeld")
    assert "<dt>Unions</dt><dd>None</dd>" in _page(corpus, "en", "voorbeeld")


def test_a_source_shows_when_it_was_published_and_viewed_never_one_for_the_other(
    fixture_corpus: Corpus,
) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    first, second = covenant.sources
    sources = [
        first.model_copy(update={"published": PartialDate(2023, 5, 12)}),
        second.model_copy(update={"checked": PartialDate(2024, 6, 19)}),
    ]
    corpus = dataclasses.replace(
        fixture_corpus,
        covenants={"voorbeeld": covenant.model_copy(update={"sources": sources})},
    )
    english = _page(corpus, "en", "voorbeeld")
    assert '<span class="imvo-source-dates">(published on 12 May 2023)</span>' in english
    assert (
        '<cite>Bron B</cite> <span class="imvo-source-dates">(publication date unknown; '
        "viewed on 19 June 2024)</span>"
    ) in english
    dutch = _page(corpus, "nl", "voorbeeld")
    assert '<span class="imvo-source-dates">(gepubliceerd op 12 mei 2023)</span>' in dutch
    assert "(publicatiedatum onbekend; bekeken op 19 juni 2024)" in dutch


def test_due_diligence_shows_the_cycle_first_and_the_reader_s_part_in_the_action_box(
    fixture_corpus: Corpus,
) -> None:
    page = _page(fixture_corpus, "en", "due-diligence")
    # The cycle straight under the title, the introduction after it.
    assert page.split("</h1>\n", 1)[1].startswith('<figure class="imvo-dd-figure">')
    steps = len(fixture_corpus.due_diligence.steps)
    assert page.count(
        '<div class="imvo-action imvo-dd-action">\n<p class="imvo-dd-action__title">'
    ) == (steps)


def test_the_timeline_links_a_first_term_to_its_second_and_back(fixture_corpus: Corpus) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    second = covenant.model_copy(
        update={
            "short_name": covenant.short_name.model_copy(update={"nl": "Tweede", "en": "Second"})
        }
    )
    corpus = dataclasses.replace(
        fixture_corpus,
        covenants={
            "voorbeeld": covenant.model_copy(update={"successor": "tweede"}),
            "tweede": second,
        },
    )
    page = _page(corpus, "en", "timeline")
    assert '. Followed by <a href="tweede.html">Second</a>.</li>' in page
    assert '. Follows <a href="voorbeeld.html">Example</a>.</li>' in page
