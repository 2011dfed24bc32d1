"""Tests of imvo/render/sanitize.py: the allow-list every page's HTML passes."""

from __future__ import annotations

import pytest

from imvo.engine.plugin import ImvoPlugin
from imvo.render.sanitize import sanitize, sanitize_text


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
        ('<img src="x" onerror="alert(1)">', '<img src="x">'),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "<a>x</a>"),
        ('<a href="vbscript:msgbox(1)">x</a>', "<a>x</a>"),
        (
            '<a href="https://example.org/" onclick="x()">x</a>',
            '<a href="https://example.org/">x</a>',
        ),
        ('<a href="mailto:info@example.org">x</a>', '<a href="mailto:info@example.org">x</a>'),
        ('<a href="overzicht.html#banken">x</a>', '<a href="overzicht.html#banken">x</a>'),
        ('<iframe src="https://evil.example/"></iframe>', ""),
        ("<style>body{display:none}</style><p>x</p>", "<p>x</p>"),
        ('<div style="background:url(javascript:alert(1))">x</div>', "<div>x</div>"),
        (
            '<svg onload="alert(1)"><rect width="1"></rect></svg>',
            '<svg><rect width="1"></rect></svg>',
        ),
        ("<object data='x.swf'></object><embed src='x'>", ""),
        ("<p>x<!-- a comment --></p>", "<p>x</p>"),
        (
            '<form action="javascript:alert(1)"><button>b</button></form>',
            "<form><button>b</button></form>",
        ),
        ("<p>&lt;script&gt;</p>", "<p>&lt;script&gt;</p>"),
        ('<img src="https://tracker.example/p.gif" alt="x">', '<img alt="x">'),
        ('<img src="//tracker.example/p.gif" alt="x">', '<img alt="x">'),
        ('<img src="assets/logo.png" alt="x">', '<img src="assets/logo.png" alt="x">'),
    ],
)
def test_sanitize_keeps_text_and_drops_markup_that_runs(dirty: str, clean: str) -> None:
    assert sanitize(dirty) == clean


def test_sanitize_keeps_the_site_s_own_markup() -> None:
    html = (
        '<table data-imvo-table=""><thead><tr><th scope="col" aria-sort="none">Naam</th></tr>'
        '</thead><tbody><tr><td><abbr title="Organisatie">OESO</abbr></td></tr></tbody></table>'
    )
    assert sanitize(html) == html


def test_the_mkdocs_hook_sanitises_page_content() -> None:
    on_page_content = ImvoPlugin().on_page_content
    assert on_page_content("<p>x</p><script>alert(1)</script>", page=None) == "<p>x</p>"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>a <select><option>b</option></select></p>", "<p>a b</p>"),
        ('<form action="x"><input name="q"><button>b</button></form>', "b"),
        ('<p>a <svg><rect width="1"></rect></svg> b</p>', "<p>a  b</p>"),
        (
            '<p>a <a href="https://example.org/">b</a></p>',
            '<p>a <a href="https://example.org/">b</a></p>',
        ),
        ("<details><summary>a</summary>b</details>", "<details><summary>a</summary>b</details>"),
    ],
)
def test_sanitize_text_allows_no_forms_or_drawings_in_the_content_s_markdown(
    dirty: str, clean: str
) -> None:
    assert sanitize_text(dirty) == clean
    assert sanitize_text(sanitize(dirty)) == clean


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<h2 id='\"><script>alert(1)</script>'>Kop</h2>", "<h2>Kop</h2>"),
        ('<span id="a b">x</span>', "<span>x</span>"),
        ('<span id="a\'b">x</span>', "<span>x</span>"),
        ('<span id="a&amp;b">x</span>', "<span>x</span>"),
        ('<h2 id="waar-staat-het_1">Kop</h2>', '<h2 id="waar-staat-het_1">Kop</h2>'),
    ],
)
def test_an_id_with_markup_or_quotes_is_dropped(dirty: str, clean: str) -> None:
    # On the page it would be escaped; the search index takes a heading's id as it is.
    assert sanitize_text(dirty) == clean
    assert sanitize(dirty) == clean
