"""Accessibility in a real browser: axe-core on every page, and the keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from browser_fixtures import SHARES, ServedSite, axe_findings, type_search
from node_packages import AXE, locked_version

pytestmark = pytest.mark.browser


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

# Describes the focused element: its mark, whether it shows a focus indicator, and which of
# the expected first stops (CSS selectors) it is, if any.
FOCUSED = """(first) => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  const shadow = s.boxShadow !== 'none';
  const r = el.getBoundingClientRect();
  const onscreen = r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight;
  return {mark: el.dataset.imvoFocus ?? null, html: el.outerHTML.slice(0, 120),
          indicator: outline || shadow, first: first.findIndex((sel) => el.matches(sel)),
          onscreen};
}"""

MIN_STOPS = 10
"""Every page tested has at least this many links and controls: header, menu and content. A
page with fewer (none at all, say, when the theme or the selector broke) fails the test."""

FIRST_STOPS = {
    1280: [
        "a.md-skip",
        "a.md-header__button.md-logo",
        "a.imvo-lang__link",
        "input.md-search__input",
    ],
    360: ["a.md-skip", "a.imvo-lang__link", "input.md-search__input"],
}
"""The first Tab stops, in order, by the page's width: the skip link, the home link (on a wide
screen; on a phone it is in the menu), the language switch and the search field."""


@pytest.mark.parametrize("share", range(SHARES))
def test_axe_finds_no_violation_on_any_page(
    served_site: ServedSite, page_visits: Any, share: int
) -> None:
    """Every page of both languages passes axe-core's WCAG 2.1 A/AA and best-practice rules."""
    visits = page_visits(share)
    assert list(visits) == served_site.pages()[share::SHARES] != []  # each page of the share
    found = {name: visit.violations for name, visit in visits.items() if visit.violations}
    assert found == {}


def assert_tab_order(browser_page: Any, first: list[str]) -> None:
    """Press Tab through the page: at least MIN_STOPS stops, `first` (selectors) first and in
    order, every visible link and control reached, and each with a focus indicator, on the
    screen. The round ends when the focus is back at its first stop (every stop has been
    seen), or after 40 presses more than the page has links and controls."""
    total: int = browser_page.evaluate(MARK_VISIBLE_FOCUSABLE, FOCUSABLE)
    assert total >= MIN_STOPS, f"only {total} visible links and controls on the page"
    reached: set[str] = set()
    unmarked: list[str] = []
    unseen: list[str] = []
    stops: list[tuple[int, str]] = []
    for _ in range(total + 40):
        browser_page.keyboard.press("Tab")
        focused = browser_page.evaluate(FOCUSED, first)
        if focused is None:
            continue
        if stops and focused["html"] == stops[0][1] and focused["mark"] in reached:
            break  # round the page once: from here on the stops come again
        stops.append((focused["first"], focused["html"]))
        if focused["mark"] is not None:
            reached.add(focused["mark"])
        if not focused["indicator"]:
            unmarked.append(focused["html"])
        if not focused["onscreen"]:
            # A panel may still be sliding in (the search results): look again once it is in.
            browser_page.wait_for_timeout(400)
            focused = browser_page.evaluate(FOCUSED, first)
        if focused is not None and not focused["onscreen"]:
            unseen.append(focused["html"])  # a focus nobody can see (a closed menu's link)
    assert len(reached) >= MIN_STOPS, f"Tab stopped at only {len(reached)} of them"
    assert [index for index, _ in stops[: len(first)]] == list(range(len(first))), (
        f"the first Tab stops are not {first}: {[html for _, html in stops[: len(first)]]}"
    )
    missing = [
        browser_page.evaluate(
            "(n) => document.querySelector(`[data-imvo-focus='${n}']`).outerHTML.slice(0, 120)",
            str(n),
        )
        for n in range(total)
        if str(n) not in reached
    ]
    assert (missing, unmarked, unseen) == ([], [], [])


@pytest.mark.parametrize("kind", ["index", "factsheet", "overview"])
def test_every_link_and_control_is_reached_by_tab_with_a_visible_focus(
    served_site: ServedSite, browser_page: Any, kind: str
) -> None:
    """Tab goes skip link, (home,) language, search first, then reaches every visible link and
    control, and each shows a focus indicator."""
    names = {"index": "index.html", "overview": "overzicht.html"}
    name = names.get(kind) or _a_factsheet(served_site)
    for width, height in ((1280, 900), (360, 740)):
        browser_page.set_viewport_size({"width": width, "height": height})
        browser_page.goto(served_site.url(name), wait_until="load")
        try:
            assert_tab_order(browser_page, FIRST_STOPS[width])
        except AssertionError as error:
            raise AssertionError(f"{name} at {width} pixels: {error}") from error


_SKIP = '<a class="md-skip" href="#main">Skip</a>'
_LINKS = "".join(f'<a href="#l{n}">Link {n}</a> ' for n in range(MIN_STOPS))
_SEARCH = '<input class="md-search__input" aria-label="Search">'
_PAGE = "<!doctype html><html lang=en><title>T</title><style>:focus{{outline:2px solid}}</style>{}"
"""A small page around a body, with a visible focus as the site has."""


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("<main><h1>Nothing</h1><p>Nothing here takes the focus.</p></main>", "only 0 visible"),
        (f'<main id="main"><h1>Links</h1>{_LINKS}</main>', "the first Tab stops are not"),
        (f"{_SEARCH}{_SKIP}<main id=main>{_LINKS}</main>", "the first Tab stops are not"),
        (
            f"{_SKIP}{_SEARCH}<main id=main>{_LINKS}<button style=outline:none>B</button></main>",
            "outline:none",
        ),
    ],
    ids=["nothing-focusable", "no-skip-link", "search-before-skip-link", "no-focus-indicator"],
)
def test_the_tab_order_check_fails_on_a_bad_page(browser_page: Any, body: str, reason: str) -> None:
    """The check above can fail: with nothing to focus, stops in the wrong order, or a control
    that shows no focus."""
    browser_page.set_content(_PAGE.format(body))
    with pytest.raises(AssertionError, match=reason):
        assert_tab_order(browser_page, ["a.md-skip", "input.md-search__input"])


def test_the_tab_order_check_passes_a_good_page(browser_page: Any) -> None:
    """The same check on a small page that is right: the failures above are for their reason."""
    browser_page.set_content(_PAGE.format(f"{_SKIP}{_SEARCH}<main id=main>{_LINKS}</main>"))
    assert_tab_order(browser_page, ["a.md-skip", "input.md-search__input"])


def test_axe_is_the_locked_version_and_finds_what_it_checks(browser_page: Any) -> None:
    """The axe the tests run is the one tests/axe/package-lock.json names, with the rules of
    AXE_OPTIONS: pale text and an image without a text alternative are found, each once;
    a page that is right has nothing."""
    good = "<main><h1>Fine</h1><p>Dark text on white.</p></main>"
    browser_page.set_content(_PAGE.format(good))
    assert axe_findings(browser_page) == []
    assert browser_page.evaluate("axe.version") == locked_version(AXE, "axe-core")
    bad = (
        '<main><h1>Pale</h1><p style="color:#aaa">Grey on white: 2.3 to 1.</p>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20"></main>'
    )
    browser_page.set_content(_PAGE.format(bad))
    assert axe_findings(browser_page) == ["color-contrast: ['p']", "image-alt: ['img']"]


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
    type_search(browser_page, "convenant" if not folder else "agreement")
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
    """The search field and its results pass axe in both languages, wide and on a phone; each
    result's link is named, as Chromium tells a screen reader, by all it shows: its title and
    then the words found."""
    browser_page.set_viewport_size({"width": width, "height": 800})
    browser_page.goto(served_site.url(f"{folder}index.html"), wait_until="load")
    browser_page.focus(".md-search__input")
    type_search(browser_page, "convenant" if not folder else "agreement")
    browser_page.wait_for_selector(".md-search-result__item a")
    assert axe_findings(browser_page) == []
    shown = browser_page.eval_on_selector_all(
        ".md-search-result__link",
        """(links) => links.map((link) => [...link.querySelectorAll("p")]
             .map((p) => p.textContent.trim()).join(" ").replace(/\\s+/g, " "))""",
    )
    assert len(shown) == 10
    assert chromium_names(browser_page, ".md-search-result__link") == shown


def chromium_names(page: Any, selector: str) -> list[str]:
    """The accessible name Chromium gives each element `selector` finds: what a screen reader
    is told (axe and Playwright work names out by their own rules)."""
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        found = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})
        names = []
        for node in found["nodeIds"]:
            tree = cdp.send(
                "Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False}
            )
            names.append(tree["nodes"][0].get("name", {}).get("value", ""))
        return names
    finally:
        cdp.detach()


def test_more_search_results_by_keyboard(served_site: ServedSite, browser_page: Any) -> None:
    """Past the first ten results a button shows the next ones and moves the focus to them."""
    browser_page.goto(served_site.url("index.html"), wait_until="load")
    browser_page.focus(".md-search__input")
    type_search(browser_page, "convenant")
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
