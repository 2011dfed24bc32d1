"""The decision aid in a real browser: its script gives the answers the directives' text
gives (the cases of test_applies.py, checked against the Python evaluator too), a link
reproduces an answer, axe finds nothing with the answer shown, a phone needs no sideways
scrolling, no request leaves the site, and without JavaScript the table stands alone."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from browser_fixtures import ServedSite, axe_findings
from test_applies import CASES

from imvo.model.content import Corpus
from imvo.render.applies import evaluate_all, parse_inputs

pytestmark = pytest.mark.browser

PAGES = {"nl": "geldt-de-csrd-of-csddd.html", "en": "en/does-the-csrd-or-csddd-apply.html"}


@pytest.fixture
def law_site(served_site: ServedSite) -> ServedSite:
    """The real content's site, served under a sub-path (built once for the run)."""
    return served_site


def answer(page: Any) -> tuple[str | None, str | None]:
    box = page.locator("#imvo-law-answer")
    return box.get_attribute("data-csrd"), box.get_attribute("data-csddd")


@pytest.mark.parametrize(("query", "csrd", "csrd_route", "csddd", "csddd_route"), CASES)
def test_the_script_answers_as_the_directives_and_the_python_evaluator(
    law_site: ServedSite,
    browser_page: Any,
    corpus: Corpus,
    query: dict[str, str],
    csrd: str,
    csrd_route: str,
    csddd: str,
    csddd_route: str,
) -> None:
    python = evaluate_all(corpus.law, parse_inputs(query))
    assert (python["csrd"].answer, python["csddd"].answer) == (csrd, csddd)
    browser_page.goto(law_site.url(PAGES["en"]) + "?" + urlencode(query))
    assert answer(browser_page) == (csrd, csddd)
    routes = browser_page.locator(".imvo-law-verdict .imvo-law-verdict__lead").all_inner_texts()
    expected = {"direct": "Covered: your company itself", "group": "Covered through the group"}
    for route, lead in zip((csrd_route, csddd_route), routes, strict=True):
        if route:
            assert lead.startswith(expected[route])


def test_typing_answers_at_once_and_the_link_reproduces_it(
    law_site: ServedSite, browser_page: Any
) -> None:
    page = browser_page
    page.goto(law_site.url(PAGES["nl"]))
    assert page.locator("#imvo-law-answer").is_hidden()
    page.get_by_label("Werknemers (gemiddeld over het jaar)").fill("1.001")
    page.get_by_label("Netto-omzet, in miljoenen euro").fill("450,01")
    page.locator("input[name=eu][value=yes]").check()
    assert answer(page) == ("yes", "uncertain")
    assert urlsplit(page.url).query == "employees=1001&turnover=450.01&eu=yes"
    shared = page.locator(".imvo-law-answer__share a").get_attribute("href")
    assert shared == page.url
    page.get_by_label("Netto-omzet, in miljoenen euro").fill("450")
    assert answer(page) == ("no", "uncertain")
    page.goto(shared)
    assert answer(page) == ("yes", "uncertain")
    assert page.locator("#imvo-law-turnover").input_value() == "450.01"
    assert page.locator("#imvo-law-employees").input_value() == "1001"
    text = " ".join(page.locator("#imvo-law-answer").inner_text().split())
    assert "Werknemers: 1.001 is meer dan 1.000." in text
    assert "Netto-omzet: 450,01 miljoen euro is meer dan 450 miljoen euro." in text
    assert "voor boekjaren die op of na 1 januari 2027 beginnen" in text
    assert "Stand op 26 februari 2026." in text


def test_missing_figures_give_no_answer_but_say_what_is_missing(
    law_site: ServedSite, browser_page: Any
) -> None:
    browser_page.goto(law_site.url(PAGES["en"]) + "?eu=yes&employees=2000")
    assert answer(browser_page) == (None, None)
    missing = browser_page.locator(".imvo-law-answer__missing + ul li").all_inner_texts()
    assert missing == ["Net turnover, in millions of euros"]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", [1280, 360])
def test_axe_finds_nothing_with_the_answer_shown_and_a_phone_needs_no_sideways_scroll(
    law_site: ServedSite, chromium: Any, lang: str, width: int
) -> None:
    context = chromium.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        hosts: list[str] = []
        page.on("request", lambda request: hosts.append(urlsplit(request.url).netloc))
        query = {
            "employees": "120", "turnover": "30", "eu": "yes", "group_employees": "9000",
            "group_turnover": "5000", "parent_eu": "no", "eu_turnover": "1600",
            "eu_branch_turnover": "200.01",
        }  # fmt: skip
        page.goto(law_site.url(PAGES[lang]) + "?" + urlencode(query))
        assert answer(page) == ("yes", "yes")
        assert axe_findings(page) == []
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width
        assert set(hosts) == {law_site.host}
    finally:
        context.close()


def test_without_javascript_the_table_and_steps_stand_alone(
    law_site: ServedSite, chromium: Any
) -> None:
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 800}
    )
    try:
        page = context.new_page()
        page.goto(law_site.url(PAGES["en"]) + "?employees=5000")
        assert page.locator("#imvo-law-form").is_hidden()
        rows = page.locator(".imvo-law-table tbody tr")
        assert rows.count() == 5
        csrd = " ".join(page.locator("tr[data-law=csrd][data-rule=eu]").inner_text().split())
        assert "more than 1,000 employees and more than 450 million euros in net turnover." in csrd
        non_eu = " ".join(page.locator("tr[data-law=csrd][data-rule=non_eu]").inner_text().split())
        assert "an EU subsidiary or branch with more than 200 million euros" in non_eu
        assert page.locator("ol.imvo-law-steps li").count() == 6
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


def test_a_link_written_by_hand_is_read_as_the_form_would_and_said_in_short(
    law_site: ServedSite, browser_page: Any
) -> None:
    page = browser_page
    page.goto(law_site.url(PAGES["nl"]) + "?employees=1.001&turnover=%E2%82%AC%20450,01&eu=JA")
    assert answer(page) == ("yes", "uncertain")
    assert urlsplit(page.url).query == "employees=1001&turnover=450.01&eu=yes"
    assert page.locator("#imvo-law-status").inner_text() == (
        "CSRD: Valt eronder: uw bedrijf zit zelf boven de drempels. CSDDD: Niet met deze "
        "cijfers, maar het bedrijf kan er nog onder vallen op een manier waar dit formulier "
        "niet naar vraagt."
    )
    page.get_by_role("button", name="Opnieuw beginnen").click()
    page.wait_for_function("!location.search")
    assert answer(page) == (None, None)
    assert page.locator("#imvo-law-answer").is_hidden()
