"""The build's mkdocs plugin: its pages, finished HTML and headings; and the path of pages
that still come as Markdown (stashed blocks put back, the table of contents from finished
headings), which goes when render hands HTML."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
from mkdocs.structure.files import Files
from mkdocs.utils.meta import get_data

from imvo import ROOT
from imvo.engine.config import language_config, validated
from imvo.engine.markdown_path import block_ids, heading_ids_apart, headings_toc
from imvo.engine.plugin import ImvoPlugin
from imvo.engine.run import run_build
from imvo.render import Page, TocEntry
from imvo.validate import load_content
from imvo.write import build_site

on_env = ImvoPlugin().on_env


def _titles(toc: object) -> list[tuple[int, str, str, list[str]]]:
    return [
        (item.level, item.id, item.title, [child.id for child in item.children])
        for item in toc  # type: ignore[attr-defined]
    ]


def test_toc_from_html_headings_matches_what_markdown_makes() -> None:
    source = (
        "# Titel\n\n## Thema's & risico's { #themes }\n\n### Vakbonden\n\n## Bronnen { #sources }\n"
    )
    md = markdown.Markdown(extensions=["toc", "attr_list"])
    html = md.convert(source)
    from_markdown = [(t["level"], t["id"], t["name"]) for t in md.toc_tokens]  # type: ignore[attr-defined]
    toc = headings_toc(html)
    assert [(level, id_, title) for level, id_, title, _ in _titles(toc)] == from_markdown
    assert _titles(toc)[0][3] == ["themes", "sources"]
    assert [child.id for child in toc.items[0].children[0].children] == ["vakbonden"]


def test_toc_leaves_out_headings_without_an_id_and_strips_their_markup() -> None:
    html = '<h2>No anchor</h2><h2 title="x>y" id="a">A <abbr title="x">OR</abbr>-lid</h2>'
    assert _titles(headings_toc(html)) == [(2, "a", "A OR-lid", [])]


def test_imvo_once_renders_a_part_once_per_key_and_build() -> None:
    calls: list[str] = []

    def part(text: str) -> Callable[[], str]:
        return lambda: calls.append(text) or text

    once = on_env(SimpleNamespace(globals={})).globals["imvo_once"]
    assert [once("a", caller=part("A")), once("a", caller=part("B"))] == ["A", "A"]
    assert once("b", caller=part("B")) == "B"
    assert calls == ["A", "B"]
    fresh = on_env(SimpleNamespace(globals={})).globals["imvo_once"]
    assert fresh("a", caller=part("C")) == "C"


def test_imvo_once_keeps_a_part_per_folder_and_renders_it_each_time_when_not_shared() -> None:
    once = on_env(SimpleNamespace(globals={})).globals["imvo_once"]
    here, there = SimpleNamespace(url="a.html"), SimpleNamespace(url="en/b.html")
    assert once("nav", here, True, caller=lambda: "root") == "root"
    assert once("nav", SimpleNamespace(url="c.html"), True, caller=lambda: "other") == "root"
    assert once("nav", there, True, caller=lambda: "en") == "en"
    assert once("nav", here, None, caller=lambda: "own") == "own"
    assert once("nav", here, True, caller=lambda: "again") == "root"


_PLUGIN = ImvoPlugin()


def _handed(markdown: str, *blocks: str) -> SimpleNamespace:
    """Give the plugin one page with its stashed blocks; return it as mkdocs would pass it."""
    _PLUGIN.pages = ImvoPlugin(
        [Page(key="k", name="page", title="A", markdown=markdown, blocks=blocks)]
    ).pages
    return SimpleNamespace(file=SimpleNamespace(src_uri="page.md"), toc=None)


on_page_content = _PLUGIN.on_page_content


def test_stashed_blocks_go_back_sanitised_and_their_headings_reach_the_toc() -> None:
    page = _handed("# A\n\n<!--imvo-block-0-->\n", '<h2 id="b">B</h2><p onclick="x()">text</p>')
    html = on_page_content('<h1 id="a">A</h1>\n<!--imvo-block-0-->', page=page)
    assert html == '<h1 id="a">A</h1>\n<h2 id="b">B</h2><p>text</p>'
    assert _titles(page.toc) == [(1, "a", "A", ["b"])]
    other = SimpleNamespace(file=SimpleNamespace(src_uri="other.md"), toc=None)
    assert on_page_content("<p onclick='x()'>x</p>", page=other) == "<p>x</p>"
    assert other.toc is None


def _registered(tmp_path: Path, plugin: ImvoPlugin) -> Any:
    """A validated configuration of one language with the plugin registered, as run_build
    makes it."""
    (tmp_path / "docs").mkdir(parents=True, exist_ok=True)
    config = validated(language_config("nl", tmp_path / "docs", tmp_path / "s", [], None))
    config.plugins["imvo"] = plugin
    return config


def test_the_plugins_pages_reach_mkdocs_as_files_index_first(tmp_path: Path) -> None:
    plugin = ImvoPlugin(
        [Page(key=k, name=k, title=k, markdown=f"# {k}\n") for k in ("zeta", "index", "alpha")]
    )
    config = _registered(tmp_path, plugin)
    files = config.plugins.on_files(Files([]), config=config)
    assert [f.src_uri for f in files] == ["index.md", "alpha.md", "zeta.md"]
    assert files.get_file_from_path("alpha.md").content_string == "# alpha\n"


def test_two_builds_in_one_process_see_only_their_own_pages(tmp_path: Path) -> None:
    first = ImvoPlugin([Page(key="a", name="a", title="A", markdown="# A\n")])
    second = ImvoPlugin([Page(key="b", name="b", title="B", markdown="# B\n")])
    one, two = _registered(tmp_path / "1", first), _registered(tmp_path / "2", second)
    assert [f.src_uri for f in one.plugins.on_files(Files([]), config=one)] == ["a.md"]
    assert [f.src_uri for f in two.plugins.on_files(Files([]), config=two)] == ["b.md"]
    first.page_started("a.md")
    assert (first.page_in_progress(), second.page_in_progress()) == ("a.md", None)


def test_two_whole_builds_in_one_process_make_only_their_own_pages(tmp_path: Path) -> None:
    """run_build hands mkdocs the configuration as a dict and the pages in the plugin."""
    for run, names in enumerate((("index", "a"), ("index", "b"))):
        pages = [
            Page(key=n, name=n, title=n, markdown=f"# {n}\n", meta={"title": n}) for n in names
        ]
        docs, site = tmp_path / str(run) / "docs", tmp_path / str(run) / "site"
        docs.mkdir(parents=True)
        nav = [{name: f"{name}.md"} for name in names]
        run_build(language_config("en", docs, site, nav, None), ImvoPlugin(pages))
        assert sorted(p.name for p in site.glob("*.html")) == sorted(
            ["404.html", *(f"{n}.html" for n in names)]
        )
    assert list(docs.iterdir()) == []  # nothing was written for mkdocs to read back


def test_pages_get_their_metadata_from_memory_and_none_from_their_text() -> None:
    markdown = "\nLet op: deze regel is tekst, geen metadata.\n"
    plugin = ImvoPlugin(
        [Page(key="k", name="page", title="T", markdown=markdown, meta={"title": "T"})]
    )
    assert get_data(markdown) == ("Let op: deze regel is tekst, geen metadata.\n", {})
    page = SimpleNamespace(file=SimpleNamespace(src_uri="page.md"), meta={})
    assert plugin.on_page_markdown(markdown, page=page) == markdown
    assert page.meta == {"title": "T"}
    assert plugin.page_in_progress() == "page.md"


def test_a_page_that_comes_as_html_gets_no_markdown_work_and_keeps_its_headings() -> None:
    html = '<h1 id="t">T</h1><h2 id="a">A &amp; B</h2><h3 id="c">C</h3><h2 id="d">D</h2>'
    headings = (
        TocEntry(1, "t", "T"),
        TocEntry(2, "a", "A &amp; B"),
        TocEntry(3, "c", "C"),
        TocEntry(2, "d", "D"),
    )
    plugin = ImvoPlugin(
        [
            Page(
                key="k",
                name="p",
                title="T",
                markdown="",
                meta={"title": "T"},
                html=html,
                toc=headings,
            )
        ]
    )
    page = SimpleNamespace(file=SimpleNamespace(src_uri="p.md"), meta={}, toc=None)
    assert plugin.on_page_markdown("# ignored\n", page=page) == ""
    assert page.meta == {"title": "T"}
    assert plugin.on_page_content("", page=page) == html  # as it came, not sanitised again
    assert _titles(page.toc) == [(1, "t", "T", ["a", "d"])]
    assert _titles(page.toc.items[0].children) == [
        (2, "a", "A &amp; B", ["c"]),
        (2, "d", "D", []),
    ]
    # The same nesting Python-Markdown's toc extension gives the same headings.
    md = markdown.Markdown(extensions=["toc", "attr_list"])
    md.convert("# T\n\n## A &amp; B { #a }\n\n### C\n\n## D\n")
    assert md.toc_tokens[0]["children"][0]["children"][0]["id"] == "c"  # type: ignore[attr-defined]


def test_a_markdown_heading_keeps_clear_of_the_anchors_of_stashed_blocks() -> None:
    blocks = ['<h2 id="summary">Samenvatting</h2>', '<h2 id="summary_1">x</h2>']
    html = '<h2 id="summary">Summary</h2>\n<h3 class="x" id="goals">Goals</h3>'
    taken = block_ids(blocks)
    assert heading_ids_apart(html, taken) == (
        '<h2 id="summary_2">Summary</h2>\n<h3 class="x" id="goals">Goals</h3>'
    )
    assert taken == {"summary", "summary_1", "summary_2"}
    assert heading_ids_apart(html, block_ids(["<p>no anchors</p>"])) == html


def test_a_heading_in_an_editors_text_gets_its_own_anchor_on_the_built_page(
    tmp_path: Path,
) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "content", content)
    path = content / "covenants" / "voorbeeld.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  en: An agreement to test the fixture.\n",
        "  en: |\n    An agreement to test the fixture.\n\n    ## Summary\n\n    More.\n",
    )
    path.write_text(text, encoding="utf-8")
    build_site(load_content(content, tmp_path), tmp_path / "site", pdf_links=False)
    page = (tmp_path / "site" / "en" / "voorbeeld.html").read_text(encoding="utf-8")
    # The editor's '## Summary' sits under the factsheet's summary heading, as an <h4>.
    assert re.findall(r'<h([2-6]) id="(summary[^"]*)"', page) == [
        ("2", "summary"),
        ("4", "summary_1"),
    ]
    assert re.findall(r'href="#(summary[^"]*)"', page) == ["summary", "summary_1"]


def test_a_tag_left_open_in_a_text_stays_in_its_own_piece() -> None:
    page = _handed(
        "<!--imvo-block-0-->\n\nSee <a href='https://example.org/'>this\n\n"
        "<!--imvo-block-1-->\n\nA <select>hidden?\n\n<!--imvo-block-2-->\n",
        *('<h2 id="a">A</h2>', '<h2 id="b">B</h2>', '<h2 id="c">C</h2>'),
    )
    html = on_page_content(
        '<!--imvo-block-0-->\n<p>See <a href="https://example.org/">this</p>\n'
        "<!--imvo-block-1-->\n<p>A <select>hidden?</p>\n<!--imvo-block-2-->",
        page=page,
    )
    assert html == (
        '<h2 id="a">A</h2>\n<p>See <a href="https://example.org/">this</a></p>\n'
        # The parser's repair of the open <select> leaves an empty paragraph; the select
        # itself goes, and the heading after it is outside it.
        '<h2 id="b">B</h2>\n<p>A hidden?<p></p></p>\n<h2 id="c">C</h2>'
    )


def test_a_heading_in_a_quote_or_a_note_box_keeps_its_place() -> None:
    page = _handed("# T\n")
    html = (
        '<blockquote>\n<h2 id="a">A</h2>\n<p>x</p>\n</blockquote>\n'
        '<div class="admonition note">\n<p class="admonition-title">Let op</p>\n'
        '<h2 id="b">B</h2>\n<p>y</p>\n</div>'
    )
    assert on_page_content(html, page=page) == html
