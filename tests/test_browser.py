"""Behaviour in a real browser: language switch, search per language, narrow screens."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_fixtures import ServedSite, serving, type_search

from imvo.render.i18n import Translator
from imvo.validate import load_content

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"
LONG = "Arbeidsomstandighedenconvenantverlengingsovereenkomstenonderhandelingsresultaat"
"""A word longer than a phone is wide, as Dutch compounds can be."""

pytestmark = pytest.mark.browser


def _search_words(site: ServedSite) -> tuple[str, str, str]:
    """A covenant slug, a Dutch word and an English word of its short name that differ."""
    assert site.corpus is not None
    for slug, covenant in site.corpus.covenants.items():
        dutch = covenant.short_name.get("nl").split()[0]
        english = covenant.short_name.get("en").split()[0]
        if dutch.lower() != english.lower() and min(len(dutch), len(english)) >= 4:
            return slug, dutch, english
    raise AssertionError("no covenant whose Dutch and English short names differ")


def _search(page: Any, site: ServedSite, lang_folder: str, word: str) -> list[str]:
    """Type a word into the search of a language's home page; return the result pages."""
    page.goto(site.url(f"{lang_folder}index.html"), wait_until="load")
    page.click(".md-search__input")
    type_search(page, word)
    t = Translator("en" if lang_folder else "nl")
    page.wait_for_function(
        "(busy) => !busy.includes(document.querySelector('.md-search-result__meta').textContent)",
        arg=[t("search.initial"), t("search.loading")],
    )
    hrefs: list[str] = page.eval_on_selector_all(
        ".md-search-result__link", "links => links.map(a => a.getAttribute('href'))"
    )
    assert [href for href in hrefs if "/" in href or ":" in href] == []  # relative links
    links: list[str] = page.eval_on_selector_all(
        ".md-search-result__link", "links => links.map(a => a.origin + a.pathname)"
    )
    return links


@pytest.mark.parametrize(("start", "target"), [("", "en/"), ("en/", "")])
def test_language_switch_on_a_factsheet_lands_on_the_same_factsheet(
    served_site: ServedSite, browser_page: Any, start: str, target: str
) -> None:
    """Clicking the language switch on a factsheet opens that factsheet in the other language."""
    slug, _, _ = _search_words(served_site)
    browser_page.goto(served_site.url(f"{start}{slug}.html"), wait_until="load")
    with browser_page.expect_navigation():
        browser_page.click(".imvo-lang__link")
    assert browser_page.url == served_site.url(f"{target}{slug}.html")
    assert browser_page.evaluate("() => document.documentElement.lang") == (
        "en" if target else "nl"
    )


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["dutch", "english"])
def test_search_finds_a_covenant_by_a_word_of_the_sites_language(
    prefix: str, served_site: ServedSite, browser_page: Any
) -> None:
    """A word of the site's language finds the covenant there; only that language's pages
    come up, also for a word of the other language."""
    slug, dutch, english = _search_words(served_site)
    own, foreign = (english, dutch) if prefix else (dutch, english)

    def other_language(link: str) -> bool:
        return link.startswith(served_site.url("en/")) != bool(prefix)

    found = _search(browser_page, served_site, prefix, own)
    assert served_site.url(f"{prefix}{slug}.html") in found
    assert [link for link in found if other_language(link)] == []
    other = _search(browser_page, served_site, prefix, foreign)
    assert [link for link in other if other_language(link)] == []


def test_search_loads_nothing_until_the_reader_reaches_the_field(
    served_site: ServedSite, browser_page: Any
) -> None:
    """A page loads no search code or index; reaching the field loads the language's own."""
    asked: list[str] = []

    def note(request: Any) -> None:
        asked.append(request.url)

    browser_page.on("request", note)
    try:
        browser_page.goto(served_site.url("en/index.html"), wait_until="networkidle")
        assert [url for url in asked if "search" in url or "pagefind" in url] == []
        browser_page.focus(".md-search__input")
        browser_page.wait_for_function("() => document.getElementById('__search').checked")
        browser_page.wait_for_load_state("networkidle")
    finally:
        browser_page.remove_listener("request", note)
    loaded = [url for url in asked if "pagefind" in url]
    assert served_site.url("en/pagefind/pagefind.js") in loaded
    assert [url for url in loaded if not url.startswith(served_site.url("en/pagefind/"))] == []


def test_search_from_a_file_on_disk_says_where_it_works(
    served_site: ServedSite, browser_page: Any
) -> None:
    """Browsers load no modules from disk: the search says so instead of doing nothing."""
    browser_page.goto((served_site.root / "index.html").as_uri(), wait_until="load")
    browser_page.click(".md-search__input")
    browser_page.keyboard.type("convenant")
    offline = Translator("nl")("search.offline")
    browser_page.wait_for_function(
        "(text) => document.querySelector('.md-search-result__meta').textContent === text",
        arg=offline,
    )


def _assert_fits_360_pixels(page: Any, site: ServedSite, name: str) -> None:
    """Open a page 360 pixels wide; it must not scroll sideways."""
    assert (site.root / name).is_file(), f"{name} is not in the built site"
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site.url(name), wait_until="load")
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1]


@pytest.mark.parametrize(
    "name",
    [
        "overzicht.html",
        "en/overview.html",
        "tijdlijn.html",
        "en/timeline.html",
        "werkten-de-convenanten.html",
        "en/did-the-agreements-work.html",
    ],
)
def test_no_horizontal_page_scroll_at_360_pixels(
    served_site: ServedSite, browser_page: Any, name: str
) -> None:
    """The overview and the timeline fit a 360-pixel-wide phone: the page never scrolls sideways."""
    _assert_fits_360_pixels(browser_page, served_site, name)


@pytest.fixture(scope="module")
def long_words_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The fixture content with very long words in names, texts, sources and a party."""
    folder = tmp_path_factory.mktemp("long-words")
    content = folder / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8")
    for old, new in [
        ("  nl: Convenant Voorbeeldsector\n", f"  nl: Convenant {LONG}{LONG}\n"),
        ("  nl: Voorbeeld\n", f"  nl: {LONG}\n"),
        ("  en: Example\n", f"  en: {LONG}\n"),
        ("  nl: Voorbeeldsector\n", f"  nl: Sector{LONG}\n"),
        ("  en: Example sector\n", f"  en: Sector{LONG}\n"),
        ("  nl: Een convenant om", f"  nl: https://example.org/{'a' * 150} {LONG}{LONG} om"),
        ("    title: Bron A\n", f"    title: Bron {LONG}{LONG}\n"),
        ("    url: https://example.org/a\n", f"    url: https://example.org/{'b' * 200}\n"),
    ]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    covenant.write_text(text, "utf-8")
    parties = content / "parties.yaml"
    parties.write_text(
        parties.read_text("utf-8").replace("    name: FNV\n", f"    name: FNV{LONG}\n", 1), "utf-8"
    )
    with serving(load_content(content, folder), folder / "served", pdf=False) as site:
        yield site


@pytest.mark.parametrize(
    "name",
    [
        "voorbeeld.html",
        "en/voorbeeld.html",
        "overzicht.html",
        "en/overview.html",
        "partijen.html",
        "en/parties.html",
        "tijdlijn.html",
        "en/timeline.html",
    ],
)
def test_long_words_never_make_a_page_scroll_sideways_at_360_pixels(
    long_words_site: ServedSite, browser_page: Any, name: str
) -> None:
    _assert_fits_360_pixels(browser_page, long_words_site, name)
    assert LONG in browser_page.content()


@pytest.mark.parametrize("name", ["overzicht.html", "en/overview.html"])
def test_overview_needs_no_sideways_scrolling_at_320_pixels(
    served_site: ServedSite, browser_page: Any, name: str
) -> None:
    """Below its breakpoint the overview's rows are cards: every status shows at 320 px."""
    browser_page.set_viewport_size({"width": 320, "height": 740})
    browser_page.goto(served_site.url(name), wait_until="load")
    widths = browser_page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1] == 320
    rights = browser_page.eval_on_selector_all(
        ".imvo-overview .imvo-status", "els => els.map(e => e.getBoundingClientRect().right)"
    )
    assert served_site.corpus is not None
    assert len(rights) == len(served_site.corpus.covenants)
    assert max(rights) <= 320


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["dutch", "english"])
def test_factsheet_answers_and_the_first_step_are_on_the_first_phone_screen(
    served_site: ServedSite, browser_page: Any, prefix: str
) -> None:
    """On a 360x740 phone: the status, the unions, where complaints go now and what applies
    now, each in one line, and the whole first step of "what you can do", lie within the
    first 740 px of every factsheet; the whole action box within the first two screens; the
    title in at most two lines."""
    assert served_site.corpus is not None
    browser_page.set_viewport_size({"width": 360, "height": 740})
    for slug in served_site.corpus.covenants:
        browser_page.goto(served_site.url(f"{prefix}{slug}.html"), wait_until="load")
        box = browser_page.evaluate(
            """() => {
              const rect = s => document.querySelector(s).getBoundingClientRect();
              const rows = ['status', 'unions', 'complaints-now', 'applies-now'].map(name => {
                const dd = document.querySelector(`.imvo-summary__row--${name} dd`);
                const line = parseFloat(getComputedStyle(dd).lineHeight);
                const style = getComputedStyle(dd);
                const inner = dd.getBoundingClientRect().height
                  - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
                return {name, bottom: dd.getBoundingClientRect().bottom + scrollY,
                        lines: Math.round(inner / line)};
              });
              const h1 = document.querySelector('h1');
              return {rows,
                      step: rect('.imvo-action__steps li').bottom + scrollY,
                      action: rect('.imvo-action').bottom + scrollY,
                      title: Math.round(h1.getBoundingClientRect().height
                                        / parseFloat(getComputedStyle(h1).lineHeight))};
            }"""
        )
        for row in box["rows"]:
            assert row["bottom"] <= 740, (slug, row)
            assert row["lines"] == 1, (slug, row)
        assert box["step"] <= 740, slug
        assert box["action"] <= 2 * 740, slug
        assert box["title"] <= 2, slug


@pytest.mark.parametrize("width", [360, 320])
def test_the_site_s_name_is_whole_in_the_phone_header(
    served_site: ServedSite, browser_page: Any, width: int
) -> None:
    """The header shows the site's (short) name uncut beside the menu, language and search
    buttons, in both languages; screen readers still hear the full name."""
    browser_page.set_viewport_size({"width": width, "height": 740})
    for page in ("index.html", "en/index.html"):
        browser_page.goto(served_site.url(page), wait_until="load")
        shown = browser_page.evaluate(
            """() => {
              const box = document.querySelector('.md-header__topic .md-ellipsis');
              const short = box.querySelector('.imvo-site-name--short');
              return {cut: box.scrollWidth > box.clientWidth,
                      visible: short.getBoundingClientRect().width > 0,
                      text: short.textContent.trim(),
                      full: box.querySelector('.imvo-site-name').textContent.trim()};
            }"""
        )
        assert shown["visible"] and not shown["cut"], (page, shown)
        lang = "en" if page.startswith("en/") else "nl"
        assert shown["text"] == Translator(lang)("site.short_name")
        assert shown["full"] == Translator(lang)("site.name")


def test_titles_are_the_strongest_headings_and_phone_text_at_least_14_pixels(
    served_site: ServedSite, browser_page: Any
) -> None:
    assert served_site.corpus is not None
    slug = sorted(served_site.corpus.covenants)[0]
    browser_page.set_viewport_size({"width": 360, "height": 740})
    browser_page.goto(served_site.url(f"{slug}.html"), wait_until="load")
    sizes = browser_page.evaluate(
        """() => ['h1', 'h2:not(.imvo-visually-hidden)', 'h3'].map(s => {
             const style = getComputedStyle(document.querySelector('.md-content ' + s));
             return [parseFloat(style.fontSize), parseInt(style.fontWeight)];
           })"""
    )
    (h1, w1), (h2, w2), (h3, w3) = sizes
    assert h1 > h2 > h3 and w1 >= w2 >= w3 >= 700
    smallest = browser_page.evaluate(
        """() => Math.min(...[...document.querySelectorAll('.md-content *')]
             .filter(e => e.offsetParent !== null && e.childNodes.length
                     && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
             .map(e => parseFloat(getComputedStyle(e).fontSize)))"""
    )
    assert smallest >= 14
    # The due-diligence cycle's labels too: 16 units of a viewBox drawn at least 0.875 wide.
    browser_page.goto(served_site.url("due-diligence.html"), wait_until="load")
    scale = browser_page.evaluate(
        "() => { const svg = document.querySelector('svg.imvo-dd');"
        " return svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; }"
    )
    assert 16 * scale >= 14


@pytest.mark.parametrize("lang_folder", ["", "en/"], ids=["dutch", "english"])
def test_search_on_a_phone_keeps_the_page_its_width_and_words_apart(
    served_site: ServedSite, chromium: Any, lang_folder: str
) -> None:
    """Chromium's Pixel 5 profile (a mobile viewport with touch, not a narrow window): the
    open search covers the screen without widening the page, and excerpts keep the words
    of separate elements apart ("Tekende Kleding en textiel", not "TekendeKleding")."""
    # Playwright's own descriptor (p.devices), from the session's Playwright behind the browser.
    device = dict(chromium._impl_obj._browser_type._playwright.devices["Pixel 5"])
    device.pop("default_browser_type", None)  # new_context takes the rest as it is
    assert device["is_mobile"] and device["has_touch"]
    context = chromium.new_context(**device)
    try:
        page = context.new_page()
        page.goto(served_site.url(f"{lang_folder}index.html"), wait_until="load")
        width = page.evaluate("() => document.documentElement.clientWidth")
        assert width == device["viewport"]["width"]
        page.tap(".imvo-search-open")
        page.wait_for_function(
            "() => document.activeElement && document.activeElement.matches('.md-search__input')"
        )
        t = Translator("en" if lang_folder else "nl")
        word = t("parties_page.did.signatory")
        type_search(page, word)
        page.wait_for_function(
            "(busy) => !busy.includes(document.querySelector('.md-search-result__meta')"
            ".textContent)",
            arg=[t("search.initial"), t("search.loading")],
        )
        page.wait_for_selector("[id^=imvo-search-text-]", state="attached")
        sizes = page.evaluate(
            "() => [document.documentElement.scrollWidth, innerWidth,"
            " Math.max(...[...document.querySelectorAll('.md-search-result__item')]"
            ".map(e => e.getBoundingClientRect().right))]"
        )
        assert sizes == [width, width, width], sizes
        teasers: list[str] = page.eval_on_selector_all(
            "[id^=imvo-search-text-]", "els => els.map(e => e.textContent)"
        )
        assert teasers
        glued = [text for text in teasers if re.search(re.escape(word) + r"[^\W\d_]", text)]
        assert glued == [], glued
    finally:
        context.close()


def test_the_home_page_search_opens_the_finder_with_and_without_javascript(
    served_site: ServedSite, chromium: Any
) -> None:
    """The organisation search above the cards is a plain form: without JavaScript it opens
    the finder with its whole A-Z list; with it, the finder filters at once on the name."""
    corpus = served_site.corpus
    assert corpus is not None
    name = next(p.name for listing in corpus.participants.values() for p in listing.participants)
    for scripts in (True, False):
        context = chromium.new_context(
            viewport={"width": 360, "height": 740}, java_script_enabled=scripts
        )
        try:
            page = context.new_page()
            page.goto(served_site.url("index.html"), wait_until="load")
            page.fill("#imvo-home-find", name)
            with page.expect_navigation(wait_until="load"):
                page.press("#imvo-home-find", "Enter")
            assert page.url.split("?")[0].endswith(".html")
            assert "q=" in page.url
            shown, total = page.evaluate(
                "() => { const all = [...document.querySelectorAll('li.imvo-org')];"
                " return [all.filter(e => !e.closest('[hidden]')).length, all.length]; }"
            )
            assert total > 1
            if scripts:
                page.wait_for_function(
                    "() => document.querySelector('li.imvo-org[hidden]') !== null"
                )
                shown = page.evaluate(
                    "() => [...document.querySelectorAll('li.imvo-org')]"
                    ".filter(e => !e.closest('[hidden]')).length"
                )
                assert 1 <= shown < total
                assert page.input_value("#imvo-find") == name
            else:
                assert shown == total
        finally:
            context.close()


LONGEST_LINE = """() => {
  // The most characters (spaces included) on one line of any block of text outside a table:
  // each text is measured in the block it flows in (the nearest ancestor that is no inline).
  const block = (node) => {
    let found = node.parentElement;
    while (found && getComputedStyle(found).display.startsWith('inline')) {
      found = found.parentElement;
    }
    return found;
  };
  const lines = new Map();  // block -> [{top, count}]
  const range = document.createRange();
  const walker = document.createTreeWalker(document.querySelector('.md-content'), 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const owner = block(node);
    if (!owner || owner.offsetParent === null || owner.closest('table')) continue;
    if (!lines.has(owner)) lines.set(owner, []);
    const found = lines.get(owner);
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      if (!box.width && !box.height) continue;
      const line = found.find((item) => Math.abs(item.top - box.top) < 8);
      if (line) line.count += 1; else found.push({top: box.top, count: 1});
    }
  }
  return Math.max(0, ...[...lines.values()].flat().map((line) => line.count));
}"""


@pytest.mark.parametrize("width", [1280, 1920])
@pytest.mark.parametrize(
    "name",
    [
        "index.html",
        "hoe-werkt-een-convenant.html",
        "begrippen.html",
        "textiel.html",
        "geldt-de-csrd-of-csddd.html",
        "en/how-it-works.html",
        "en/glossary.html",
        "en/pensioenfondsen.html",
    ],
)
def test_desktop_text_keeps_about_75_characters_a_line(
    served_site: ServedSite, browser_page: Any, name: str, width: int
) -> None:
    """On a wide screen every text outside a table keeps a reading measure (WCAG 1.4.8,
    GOV.UK): no line of more than 82 characters, and long texts fill their lines to 65."""
    browser_page.set_viewport_size({"width": width, "height": 900})
    browser_page.goto(served_site.url(name), wait_until="load")
    assert 65 <= browser_page.evaluate(LONGEST_LINE) <= 82
