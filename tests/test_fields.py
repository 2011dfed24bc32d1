"""Markdown fields to HTML in the render stage: cleaned one by one, headings listed, links
checked on the editor's line (imvo/render/markdown_fields.py and imvo/render/link_check.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest
from build_options import OPTIONS
from markupsafe import Markup

from imvo.messages.problems import Problem
from imvo.model.positions import Positions
from imvo.render.link_check import page_of, problem_of
from imvo.render.markdown_fields import (
    Fields,
    PageParts,
    TocEntry,
    Where,
    heading,
    markdown_extensions,
    plain,
)
from imvo.render.sanitize import sanitize_text

PAGES = {"overzicht", "tijdlijn", "banken"}


class _OnePage:
    """A language's Fields and the parts of one page they render for."""

    def __init__(self, glossary: dict[str, str] | None) -> None:
        self.fields = Fields(glossary or {}, PAGES)
        self.md = self.fields.md
        self.parts = PageParts()

    def html(self, value: Any, where: Where | None = None, **kwargs: Any) -> Markup:
        return self.fields.html(value, self.parts, where, **kwargs)

    def title(self, value: Any) -> Markup:
        return self.fields.title(value, self.parts)

    def new_page(self) -> None:
        """The next page: its own parts (also for Markdown's own anchors, made directly)."""
        self.parts = PageParts()
        self.fields._parts = self.parts


def _fields(glossary: dict[str, str] | None = None) -> _OnePage:
    return _OnePage(glossary)


def test_the_extensions_are_mkdocs_yml_s_with_mkdocs_own_first() -> None:
    names = [name for name, _config in markdown_extensions()]
    assert names[:3] == ["toc", "tables", "fenced_code"]
    assert {"abbr", "attr_list", "admonition", "def_list"} <= set(names)
    assert "imvo.page_links" not in names


def test_a_field_becomes_clean_html_with_the_glossary_marked() -> None:
    fields = _fields({"NCP": "Nationaal Contactpunt"})
    html = fields.html("Klaag bij het NCP. <script>x()</script><b onclick='y()'>nu</b>")
    assert html == (
        '<p>Klaag bij het <abbr title="Nationaal Contactpunt">NCP</abbr>. <b>nu</b></p>'
    )


def test_a_field_of_one_paragraph_can_stand_inline() -> None:
    fields = _fields()
    assert fields.html("Een *stap*.", inline=True) == "Een <em>stap</em>."
    assert fields.html("Een.\n\nTwee.", inline=True) == "<p>Een.</p>\n<p>Twee.</p>"


def test_a_tag_left_open_in_a_field_ends_with_the_field() -> None:
    fields = _fields()
    first = fields.html("See <a href='https://example.org/'>this")
    assert first == '<p>See <a href="https://example.org/">this</a></p>'
    # The parser's repair of the open <select> leaves an empty paragraph; the select goes.
    assert fields.html("A <select>hidden?") == "<p>A hidden?<p></p></p>"


def test_an_editors_headings_move_down_and_join_the_page_contents() -> None:
    fields = _fields()
    fields.parts.anchor("summary")
    html = fields.html("# Summary\n\nText.\n\n## Summary", top=3)
    assert html == '<h3 id="summary_1">Summary</h3>\n<p>Text.</p>\n<h4 id="summary_2">Summary</h4>'
    assert fields.parts.toc == [
        TocEntry(3, "summary_1", "Summary"),
        TocEntry(4, "summary_2", "Summary"),
    ]


def test_the_contents_of_a_field_match_what_markdown_itself_makes() -> None:
    text = "# A *b* & c\n\n## D `e`\n\n### F { #f }\n"
    md = markdown.Markdown(extensions=["toc", "attr_list"])
    md.convert(text)
    expected = []
    stack = list(md.toc_tokens)  # type: ignore[attr-defined]
    while stack:
        token = stack.pop(0)
        expected.append((token["level"], token["id"], token["name"]))
        stack[:0] = token["children"]
    fields = _fields()
    fields.html(text)
    assert [(e.level, e.id, e.name) for e in fields.parts.toc] == expected


def test_a_heading_in_a_quote_or_a_note_box_keeps_its_place() -> None:
    fields = _fields()
    html = fields.html('> ## A\n>\n> x\n\n!!! note "Let op"\n    ## B\n\n    y\n')
    assert html == (
        '<blockquote>\n<h2 id="a">A</h2>\n<p>x</p>\n</blockquote>\n'
        '<div class="admonition note">\n<p class="admonition-title">Let op</p>\n'
        '<h2 id="b">B</h2>\n<p>y</p>\n</div>'
    )


def test_a_template_heading_is_written_and_listed() -> None:
    parts = PageParts()
    html = heading(parts, 2, "parties", "Partijen & co", Markup("Partijen &amp; co"), "x")
    assert html == '<h2 id="parties" class="x">Partijen &amp; co</h2>'
    assert heading(parts, 3, "b", "<b>", "<b>") == '<h3 id="b">&lt;b&gt;</h3>'
    assert parts.toc == [TocEntry(2, "parties", "Partijen &amp; co"), TocEntry(3, "b", "&lt;b&gt;")]
    assert parts.template_ids == ["parties", "b"]


def test_an_editors_heading_that_takes_a_later_template_anchor_is_a_clash() -> None:
    fields = _fields()
    fields.parts.anchor("summary")
    fields.html("## Sources\n\n## Summary")
    assert not fields.parts.clashes()  # 'summary' was the template's first: 'summary_1'
    heading(fields.parts, 2, "sources", "Bronnen", "Bronnen")
    assert fields.parts.clashes()  # the editor's 'sources' came before the template's
    again = PageParts(reserved=frozenset(fields.parts.template_ids))
    assert again.take("sources") == "sources_1"
    again.anchor("sources")
    again.field_ids.append("sources_1")
    assert not again.clashes()


def test_a_page_without_a_clash_is_rendered_once(fixture_corpus: Any) -> None:
    from imvo.render.renderer import Renderer

    renderer = Renderer(fixture_corpus, OPTIONS)
    made: list[str] = []
    render = renderer.render
    renderer.render = lambda template, **context: (
        made.append(template)
        or render(  # type: ignore[method-assign]
            template, **context
        )
    )
    pages = renderer.language("nl")
    assert len(made) == len(pages)


@pytest.mark.parametrize(
    ("key", "address", "kind"),
    [
        ("href", "overzicht.html", None),
        ("href", "overzicht.html#x", None),
        ("href", "tijdlijn.md", None),
        ("href", "#boven", None),
        ("href", "https://www.ser.nl/x", None),
        ("href", "mailto:info@example.org", None),
        ("href", "nergens.html", "missing"),
        ("href", "missing.md", "missing"),
        ("href", "data/x.csv", "missing"),
        ("href", "/overzicht.html", "absolute"),
        ("href", "https://www.ser .nl/x", "invalid"),
        ("href", "\\\\evil.example/", "invalid"),
        ("src", "https://example.org/logo.png", "elsewhere"),
        ("src", "//example.org/logo.png", "elsewhere"),
    ],
)
def test_each_kind_of_link(key: str, address: str, kind: str | None) -> None:
    assert problem_of(key, address, PAGES) == kind


def test_a_link_to_a_pages_markdown_file_becomes_its_html_page() -> None:
    assert page_of("tijdlijn.md#x", PAGES) == "tijdlijn.html#x"
    assert page_of("nergens.md", PAGES) is None
    fields = _fields()
    assert fields.html("Zie [de tijdlijn](tijdlijn.md#x).") == (
        '<p>Zie <a href="tijdlijn.html#x">de tijdlijn</a>.</p>'
    )
    assert problem_of("href", "tijdlijn.md", PAGES, raw=True) == "missing"


def test_a_bad_link_is_reported_on_the_line_the_editor_wrote_it(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    text = (
        "summary:\n  nl: |\n    Eerst.\n\n    Zie [hier](/overzicht.html).\n"
        "  en: Also <a href='nergens.html'>there</a> and ![logo](https://example.org/l.png)\n"
    )
    # The line comes from the text the loader read, not from the file: it is not read again
    # (there is no file here at all, and a second read would skip the loader's checks).
    source = Positions(str(path), {("summary",): 1}, text)
    fields = _fields()
    fields.html("Eerst.\n\nZie [hier](/overzicht.html).", Where(str(path), 2, source=source))
    fields.html(
        "Also <a href='nergens.html'>there</a> and ![logo](https://example.org/l.png)",
        Where(str(path), 6, source=source),
    )
    assert not path.exists()
    assert fields.parts.problems == [
        Problem(
            str(path), 5, "(link)",
            "the link '/overzicht.html' starts with '/', which breaks when the site lives in a "
            "folder (as on GitHub Pages); link to the page by its name, such as 'overzicht.html'",
        ),
        Problem(
            str(path), 6, "(link)",
            "the image 'https://example.org/l.png' cannot be shown: the site shows only its own "
            "files and loads nothing from other sites; link to the image instead: "
            "[what it shows](address)",
        ),
        Problem(
            str(path), 6, "(link)",
            "the link 'nergens.html' leads to no page of the site; link to a page that exists "
            "(such as 'overzicht.html') or to a full https:// address",
        ),
    ]  # fmt: skip


def _texts(value: Any) -> list[str]:
    """Every text in a piece of content."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _texts(item)]
    return []


def test_plain_words_skip_markdown_and_come_out_as_markdown_makes_them(corpus: Any) -> None:
    from imvo.render.markdown_text import abbreviations, md_plain
    from imvo.render.sanitize import sanitize

    glossary = abbreviations(corpus, "nl") | abbreviations(corpus, "en")
    fast, slow = _fields(glossary), _fields(glossary)
    texts = [t for c in corpus.covenants.values() for t in _texts(c.model_dump(mode="json"))]
    texts += ["OR en NCP", "Een 'citaat' en \"aanhalingstekens\", 50% (ca.) / of: meer?"]
    plain_ones = [text.strip() for text in texts if plain(text.strip())]
    assert len(plain_ones) > 100  # most fields are plain words
    for text in plain_ones:
        slow.md.reset()
        expected = sanitize_text(slow.md.convert(text)).strip()
        assert sanitize(fast.html(text)) == sanitize(expected), text
        assert sanitize(fast.html(text, inline=True)) == sanitize(expected[3:-4]), text
        slow.md.reset()
        slow.new_page()
        title = sanitize_text(slow.md.convert(f"# {md_plain(text)}")).strip()
        fast.new_page()
        assert sanitize(fast.title(text)) == sanitize(title), text
        token = slow.md.toc_tokens[0]  # type: ignore[attr-defined]
        assert fast.parts.toc == [TocEntry(1, token["id"], token["name"])], text


@pytest.mark.parametrize(
    "text",
    ["- a list", "1. first", "# heading", "a *b*", "a_b_c", "x <b>", "R&D", "[a](b)", "a\nb",
     "`code`", "a | b", "{: .x}", "!image", "ends with two spaces  ", "2016 was", "= x"],
)  # fmt: skip
def test_text_with_any_markdown_goes_through_markdown(text: str) -> None:
    assert not plain(text)


def test_an_editor_s_own_heading_id_takes_a_free_anchor_of_the_page() -> None:
    fields = Fields({}, set())
    parts = PageParts(reserved=frozenset({"goals"}))
    html = fields.html("## Doelen {#goals}\n\n## Meer {#meer}\n\n## Nog meer {#meer}", parts)
    assert html == (
        '<h2 id="goals_1">Doelen</h2>\n<h2 id="meer">Meer</h2>\n<h2 id="meer_1">Nog meer</h2>'
    )
    assert [entry.id for entry in parts.toc] == ["goals_1", "meer", "meer_1"]


def test_a_heading_with_more_than_a_plain_id_keeps_only_its_text() -> None:
    parts = PageParts()
    html = Fields({}, set()).html('## Privacy {#x"><script>alert(1)</script> .evil}', parts)
    assert html == '<h2 id="privacy">Privacy</h2>'
    assert [(entry.id, entry.name) for entry in parts.toc] == [("privacy", "Privacy")]
