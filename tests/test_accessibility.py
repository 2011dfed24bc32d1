"""Accessibility in a real browser: axe-core on every page, and the keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_fixtures import ServedSite

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
"""WCAG 2.1 A and AA plus axe's best practices; no rule is switched off."""

FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), "
    "select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])"
)

# Marks each focusable element that is visible on screen with data-imvo-focus=<n>; returns n.
MARK_VISIBLE_FOCUSABLE = """(selector) => {
  let n = 0;
  for (const el of document.querySelectorAll(selector)) {
    const r = el.getBoundingClientRect();
    const visible = el.checkVisibility({visibilityProperty: true, opacityProperty: true})
      && r.width > 0 && r.height > 0 && !el.closest('[inert], [aria-hidden=true]');
    if (visible) { el.dataset.imvoFocus = String(n++); }
  }
  return n;
}"""

# Describes the focused element: its mark and whether it shows a focus indicator.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  const shadow = s.boxShadow !== 'none';
  return {mark: el.dataset.imvoFocus ?? null, html: el.outerHTML.slice(0, 120),
          indicator: outline || shadow};
}"""


def test_axe_finds_no_violation_on_any_page(served_site: ServedSite, browser_page: Any) -> None:
    """Every page of both languages passes axe-core's WCAG 2.1 A/AA and best-practice rules."""
    axe = Axe()
    pages = served_site.pages()
    assert "index.html" in pages and "en/index.html" in pages
    found: dict[str, list[str]] = {}
    for name in pages:
        browser_page.goto(served_site.url(name), wait_until="load")
        results = axe.run(browser_page, options=AXE_OPTIONS)
        for violation in results.response["violations"]:
            targets = [", ".join(node["target"]) for node in violation["nodes"]][:3]
            found.setdefault(name, []).append(f"{violation['id']}: {targets}")
    assert found == {}


def _tab_through(browser_page: Any) -> tuple[int, set[str], list[str]]:
    """Press Tab through the page; return the visible focusables, those reached, and the
    focused elements that showed no focus indicator."""
    total: int = browser_page.evaluate(MARK_VISIBLE_FOCUSABLE, FOCUSABLE)
    reached: set[str] = set()
    unmarked: list[str] = []
    for _ in range(total + 40):
        browser_page.keyboard.press("Tab")
        focused = browser_page.evaluate(FOCUSED)
        if focused is None:
            continue
        if focused["mark"] is not None:
            reached.add(focused["mark"])
        if not focused["indicator"]:
            unmarked.append(focused["html"])
    return total, reached, unmarked


@pytest.mark.parametrize("kind", ["index", "factsheet", "overview"])
def test_every_link_and_control_is_reached_by_tab_with_a_visible_focus(
    served_site: ServedSite, browser_page: Any, kind: str
) -> None:
    """Tab reaches every visible link and control, and each shows a focus indicator."""
    names = {"index": "index.html", "overview": "overzicht.html"}
    name = names.get(kind) or _a_factsheet(served_site)
    for viewport in ({"width": 1280, "height": 900}, {"width": 360, "height": 740}):
        browser_page.set_viewport_size(viewport)
        browser_page.goto(served_site.url(name), wait_until="load")
        total, reached, unmarked = _tab_through(browser_page)
        missing = [
            browser_page.evaluate(
                "(n) => document.querySelector(`[data-imvo-focus='${n}']`).outerHTML.slice(0, 120)",
                str(n),
            )
            for n in range(total)
            if str(n) not in reached
        ]
        assert (viewport["width"], missing, unmarked) == (viewport["width"], [], [])


def _a_factsheet(served_site: ServedSite) -> str:
    """The first factsheet of the Dutch site (a page with a PDF link)."""
    for name in served_site.pages():
        if "/" not in name and 'class="imvo-pdf"' in (served_site.root / name).read_text("utf-8"):
            return name
    raise AssertionError("no factsheet in the built site")


def test_language_switch_works_by_keyboard(served_site: ServedSite, browser_page: Any) -> None:
    """Tab to the language switch and press Enter: the same factsheet in English opens."""
    name = _a_factsheet(served_site)
    browser_page.goto(served_site.url(name), wait_until="load")
    for _ in range(60):
        browser_page.keyboard.press("Tab")
        if browser_page.evaluate("() => document.activeElement.matches('.imvo-lang__link')"):
            break
    else:
        raise AssertionError("Tab never reached the language switch")
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    assert browser_page.url == served_site.url(f"en/{name}")
    assert browser_page.evaluate("() => document.documentElement.lang") == "en"


@pytest.mark.parametrize("folder", ["", "en/"], ids=["dutch", "english"])
def test_search_works_by_keyboard(served_site: ServedSite, browser_page: Any, folder: str) -> None:
    """Tab to the search field, type, arrow down to the first result and press Enter;
    Escape closes the results and leaves the focus in the field."""
    browser_page.goto(served_site.url(f"{folder}index.html"), wait_until="load")
    for _ in range(60):
        browser_page.keyboard.press("Tab")
        if browser_page.evaluate("() => document.activeElement.matches('.md-search__input')"):
            break
    else:
        raise AssertionError("Tab never reached the search field")
    browser_page.keyboard.type("convenant" if not folder else "agreement")
    browser_page.wait_for_selector(".md-search-result__item a")
    browser_page.keyboard.press("Escape")
    assert browser_page.evaluate("() => document.activeElement.matches('.md-search__input')")
    assert browser_page.evaluate("() => !document.getElementById('__search').checked")
    browser_page.keyboard.press("ArrowDown")
    assert browser_page.evaluate("() => document.activeElement.matches('.md-search-result__link')")
    target = browser_page.evaluate("() => document.activeElement.href")
    assert target.startswith(served_site.url(folder))
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    assert browser_page.url.split("#")[0] == target.split("#")[0]


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("folder", ["", "en/"], ids=["dutch", "english"])
def test_axe_finds_no_violation_with_search_results_open(
    served_site: ServedSite, browser_page: Any, folder: str, width: int
) -> None:
    """The search field and its results pass axe in both languages, wide and on a phone."""
    browser_page.set_viewport_size({"width": width, "height": 800})
    browser_page.goto(served_site.url(f"{folder}index.html"), wait_until="load")
    browser_page.focus(".md-search__input")
    browser_page.keyboard.type("convenant" if not folder else "agreement")
    browser_page.wait_for_selector(".md-search-result__item a")
    results = Axe().run(browser_page, options=AXE_OPTIONS)
    found = [
        f"{violation['id']}: {[node['target'] for node in violation['nodes']][:3]}"
        for violation in results.response["violations"]
    ]
    assert found == []


def test_more_search_results_by_keyboard(served_site: ServedSite, browser_page: Any) -> None:
    """Past the first ten results a button shows the next ones and moves the focus to them."""
    browser_page.goto(served_site.url("index.html"), wait_until="load")
    browser_page.focus(".md-search__input")
    browser_page.keyboard.type("convenant")
    browser_page.wait_for_selector(".imvo-search-more:not([hidden])")
    assert browser_page.locator(".md-search-result__item").count() == 10
    for _ in range(11):
        browser_page.keyboard.press("ArrowDown")
    assert browser_page.evaluate("() => document.activeElement.matches('.imvo-search-more')")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_function(
        "() => document.activeElement.id === '' && document.activeElement.matches("
        "'.md-search-result__item:nth-child(11) a')"
    )
    assert browser_page.locator(".md-search-result__item").count() > 10
