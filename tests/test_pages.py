"""The generated pages: parties, glossary, open data, overview table; on a phone and with JS."""

from __future__ import annotations

import gzip
import html as htmllib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from build_options import OPTIONS

from imvo.model.content import Corpus, Role
from imvo.outputs.open_data import COVENANT_COLUMNS, PARTY_COLUMNS
from imvo.outputs.search import BUNDLE, language_folder
from imvo.render.i18n import Translator
from imvo.render.page_list import MOVED_PAGES, RESERVED_NAMES, TEXT_PAGES, page_name


def _read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def _indexed(site: Path, lang: str) -> set[str]:
    """The addresses of the pages in a language's Pagefind index."""
    found = set()
    for path in (language_folder(site, lang) / BUNDLE / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        found.add(json.loads(data[data.index(b"{") :])["url"])  # after Pagefind's signature
    return found


def _party_section(html: str, party: str) -> str:
    return html.split(f'<h3 id="party-{party}">', 1)[1].split("<h", 1)[0]


def test_parties_page_lists_the_covenants_cnv_signed(built_site: Path, corpus: Corpus) -> None:
    section = _party_section(_read(built_site, "partijen.html"), "cnv")
    assert section.startswith(
        'CNV</h3>\n<p class="imvo-org__full">Christelijk Nationaal Vakverbond</p>\n'
        '<dl class="imvo-org__roles">\n<div><dt>Tekende</dt>\n<dd><ul class="imvo-org__covenants">'
        '<li><a href="textiel.html">Kleding en textiel</a> <span class="imvo-status '
        'imvo-status--ended">'
    )
    cnv = {
        slug: (c.signed or c.in_force).date.earliest()  # type: ignore[union-attr]
        for slug, c in corpus.covenants.items()
        if any(p.party == "cnv" and p.role == Role.signatory for p in c.parties)
    }
    signed = sorted(cnv, key=lambda slug: (cnv[slug], slug))
    row = section.split("<div><dt>Tekende</dt>\n<dd>", 1)[1].split("</dd></div>", 1)[0]
    # The agreements it signed, one a line with its status, in order of signing.
    assert re.findall(r'<a href="([^"]+)\.html">', row) == signed
    english = _party_section(_read(built_site, "en/parties.html"), "cnv")
    assert (
        '<div><dt>Signed</dt>\n<dd><ul class="imvo-org__covenants"><li><a href="textiel.html">'
        "Garments and textile</a> <span"
    ) in english


@pytest.mark.parametrize(("page", "lang"), [("partijen.html", "nl"), ("en/parties.html", "en")])
def test_parties_page_has_every_party_under_its_kind(
    built_site: Path, corpus: Corpus, page: str, lang: str
) -> None:
    html = _read(built_site, page)
    ids = re.findall(r'<h3 id="party-([^"]+)">', html)
    assert sorted(ids) == sorted(corpus.parties)
    kinds = re.findall(r'<h2 id="([a-z-]+)">([^<]+)</h2>', html)
    t = Translator(lang)
    used = {p.kind for p in corpus.parties.values()}
    assert [title for _, title in kinds] == [
        t(f"kind.{kind.value}") for kind in type(next(iter(used))) if kind in used
    ]


@pytest.mark.parametrize(("page", "lang"), [("begrippen.html", "nl"), ("en/glossary.html", "en")])
def test_glossary_lists_every_term(built_site: Path, corpus: Corpus, page: str, lang: str) -> None:
    html = _read(built_site, page)
    terms = [htmllib.unescape(term) for term in re.findall(r"<dt>([^<]+)</dt>", html)]
    expected = []
    for entry in corpus.glossary.entries:
        term = entry.term.get(lang)
        if entry.abbreviation:
            term += f" ({entry.abbreviation.get(lang)})"
        expected.append(term)
    assert sorted(terms) == sorted(expected)


@pytest.mark.parametrize(
    ("page", "base"), [("open-data.html", "data/"), ("en/open-data.html", "../data/")]
)
def test_data_page_links_the_files_and_documents_every_column(
    built_site: Path, page: str, base: str
) -> None:
    html = _read(built_site, page)
    for name, kind in (
        ("covenants.json", "application/json"),
        ("covenants.csv", "text/csv"),
        ("covenant-parties.csv", "text/csv"),
    ):
        assert f'<a href="{base}{name}" type="{kind}">{name}</a>' in html
        assert (built_site / page).parent.joinpath(base, name).resolve().is_file()
    for column in (*COVENANT_COLUMNS, *PARTY_COLUMNS):
        assert f"<tr><td><code>{column}</code></td><td>" in html


def test_overview_has_the_whole_table_and_a_hidden_filter(built_site: Path, corpus: Corpus) -> None:
    html = _read(built_site, "overzicht.html")
    rows = re.findall(r'<tr data-status="(\w+)" data-sector="[^"]*" data-year="(\d*)">', html)
    assert len(rows) == len(corpus.covenants)
    assert '<form class="imvo-filter" hidden="">' in html
    assert '<output aria-live="polite" data-value="{n} van de {m} convenanten getoond">' in html
    assert '<a href="tijdlijn.html">Bekijk alle convenanten op een tijdlijn</a>' in html


def _open(browser_page: Any, path: Path, width: int = 1280) -> Any:
    browser_page.set_viewport_size({"width": width, "height": 800})
    browser_page.goto(path.resolve().as_uri())
    return browser_page


@pytest.mark.parametrize(
    "page", ["tijdlijn.html", "en/timeline.html", "due-diligence.html", "overzicht.html"]
)
def test_pages_do_not_scroll_sideways_on_a_phone(
    built_site: Path, browser_page: Any, page: str
) -> None:
    view = _open(browser_page, built_site / page, width=360)
    assert view.evaluate("document.documentElement.scrollWidth") <= 360


def test_overview_filter_and_sort_with_the_keyboard(
    built_site: Path, corpus: Corpus, browser_page: Any
) -> None:
    view = _open(browser_page, built_site / "overzicht.html")
    assert view.locator("form.imvo-filter").is_visible()
    status = view.get_by_label("Status", exact=True)
    status.focus()
    status.select_option("ended")
    ended = sum(1 for c in corpus.covenants.values() if c.status.value.value == "ended")
    assert view.locator("table.imvo-overview tbody tr:visible").count() == ended
    assert view.locator("form.imvo-filter output").text_content() == (
        f"{ended} van de {len(corpus.covenants)} convenanten getoond"
    )
    view.get_by_role("button", name="Alles tonen").press("Enter")
    assert view.locator("table.imvo-overview tbody tr:visible").count() == len(corpus.covenants)
    header = view.get_by_role("button", name="Convenant", exact=True)
    header.focus()
    view.keyboard.press("Enter")
    assert view.locator("th").first.get_attribute("aria-sort") == "ascending"
    names = view.locator("table.imvo-overview tbody td:first-child").all_text_contents()
    assert names == sorted(names, key=str.casefold)


@pytest.mark.parametrize(("folder", "lang"), [("", "nl"), ("en/", "en")])
def test_a_moved_page_points_to_the_new_place_and_is_not_indexed(
    built_site: Path, folder: str, lang: str
) -> None:
    assert MOVED_PAGES, "the test needs at least one moved page"
    for old, moved in MOVED_PAGES.items():
        html = _read(built_site, f"{folder}{old}.html")
        assert '<meta name="robots" content="noindex">' in html
        assert "http-equiv" not in html  # a plain page, never a redirect
        target = page_name(moved.target, lang)
        anchor = moved.anchors[lang]
        assert f'<a href="{target}.html#{anchor}">' in html
        assert f'id="{anchor}"' in _read(built_site, f"{folder}{target}.html")
        indexed = _indexed(built_site, lang)
        assert f"/{target}.html" in indexed and f"/{old}.html" not in indexed
        assert f'href="{old}.html"' not in _read(built_site, f"{folder}index.html")


def test_moved_names_cannot_be_taken_by_a_covenant(corpus: Corpus) -> None:
    assert set(MOVED_PAGES) <= RESERVED_NAMES
    assert not set(MOVED_PAGES) & set(corpus.covenants)
    for moved in MOVED_PAGES.values():
        assert moved.target in TEXT_PAGES or moved.target in corpus.covenants


@pytest.mark.parametrize(
    ("folder", "now", "linked_from"),
    [
        ("", "wat-geldt-nu", ("index", "hoe-werkt-een-convenant")),
        ("en/", "what-applies-now", ("index", "how-it-works")),
    ],
)
def test_what_applies_now_is_in_the_menu_and_linked_from_home_and_how_it_works(
    built_site: Path, folder: str, now: str, linked_from: tuple[str, ...]
) -> None:
    page = _read(built_site, f"{folder}{now}.html")
    assert "CSDDD" in page and "CSRD" in page
    for name in linked_from:
        html = _read(built_site, f"{folder}{name}.html")
        assert html.count(f'href="{now}.html"') >= 2  # the menu and the text itself


def test_every_declared_page_has_its_template_and_its_functions() -> None:
    from imvo.render.page_list import SITE_PAGES
    from imvo.render.page_values import EXPAND, VALUES

    templates = Path(__file__).resolve().parent.parent / "templates" / "pages"
    for entry in SITE_PAGES:
        assert (templates / f"{entry.kind}.html.j2").is_file(), entry.key
        assert not entry.values or entry.values in VALUES, entry.key
        assert not entry.expand or entry.expand in EXPAND, entry.key
        assert bool(entry.names) or bool(entry.expand), entry.key
        if entry.names:
            assert sorted(entry.names) == ["en", "nl"], entry.key
    keys = [entry.key for entry in SITE_PAGES]
    assert len(keys) == len(set(keys))


def test_the_menu_comes_from_the_declaration(fixture_corpus: Corpus) -> None:
    from imvo.render.page_list import NAV_ORDER, SITE_PAGES
    from imvo.render.page_values import nav
    from imvo.render.renderer import Renderer

    assert (
        tuple(
            entry.key
            for entry in sorted(SITE_PAGES, key=lambda entry: entry.menu or 0)
            if entry.menu is not None
        )
        == NAV_ORDER
    )
    pages = Renderer(fixture_corpus, OPTIONS).language("en")
    menu = [next(iter(item.values())) for item in nav(pages)]
    assert menu == [f"{page_name(key, 'en')}.md" for key in NAV_ORDER]
    assert menu[:3] == ["index.md", "overview.md", "is-my-organisation-taking-part.md"]


def test_the_link_check_knows_every_declared_page(fixture_corpus: Corpus) -> None:
    from imvo.participants.index import by_letter
    from imvo.participants.organisations import organisations
    from imvo.render.page_list import NAMED_PAGES
    from imvo.render.page_values import page_names

    letters = by_letter(organisations(fixture_corpus))
    for lang in ("nl", "en"):
        names = page_names(fixture_corpus, letters, lang)
        assert {entry.names[lang] for entry in NAMED_PAGES.values()} <= names
        assert set(fixture_corpus.covenants) | set(MOVED_PAGES) <= names
        assert {page_name(key, lang) for key in TEXT_PAGES} <= names
