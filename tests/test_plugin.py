"""The build's mkdocs plugin: its pages reach mkdocs as finished HTML, their headings as the
theme's table of contents, and each build sees only its own pages."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
from build_options import MOMENT, options
from mkdocs.structure.files import Files
from mkdocs.utils.meta import get_data

from imvo import ROOT
from imvo.build.orchestrate import build_site
from imvo.engine.config import language_config, validated
from imvo.engine.plugin import ImvoPlugin
from imvo.engine.run import run_build
from imvo.render.renderer import Page, TocEntry
from imvo.validate import load_content

on_env = ImvoPlugin().on_env


def _titles(toc: object) -> list[tuple[int, str, str, list[str]]]:
    return [
        (item.level, item.id, item.title, [child.id for child in item.children])
        for item in toc  # type: ignore[attr-defined]
    ]


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


def _registered(tmp_path: Path, plugin: ImvoPlugin) -> Any:
    """A validated configuration of one language with the plugin registered, as run_build
    makes it."""
    (tmp_path / "docs").mkdir(parents=True, exist_ok=True)
    config = validated(language_config("nl", tmp_path / "docs", tmp_path / "s", [], None))
    config.plugins["imvo"] = plugin
    return config


def test_the_plugins_pages_reach_mkdocs_as_files_index_first(tmp_path: Path) -> None:
    plugin = ImvoPlugin(
        [Page(key=k, name=k, title=k, html=f"<h1>{k}</h1>") for k in ("zeta", "index", "alpha")]
    )
    config = _registered(tmp_path, plugin)
    files = config.plugins.on_files(Files([]), config=config)
    assert [f.src_uri for f in files] == ["index.md", "alpha.md", "zeta.md"]
    # Nothing for mkdocs to convert: the page's HTML comes from memory (on_page_content).
    assert files.get_file_from_path("alpha.md").content_string == ""


def test_two_builds_in_one_process_see_only_their_own_pages(tmp_path: Path) -> None:
    first = ImvoPlugin([Page(key="a", name="a", title="A", html="<h1>A</h1>")])
    second = ImvoPlugin([Page(key="b", name="b", title="B", html="<h1>B</h1>")])
    one, two = _registered(tmp_path / "1", first), _registered(tmp_path / "2", second)
    assert [f.src_uri for f in one.plugins.on_files(Files([]), config=one)] == ["a.md"]
    assert [f.src_uri for f in two.plugins.on_files(Files([]), config=two)] == ["b.md"]
    first.page_started("a.md")
    assert (first.page_in_progress(), second.page_in_progress()) == ("a.md", None)


def test_two_whole_builds_in_one_process_make_only_their_own_pages(tmp_path: Path) -> None:
    """run_build hands mkdocs the configuration as a dict and the pages in the plugin."""
    for run, names in enumerate((("index", "a"), ("index", "b"))):
        pages = [
            Page(key=n, name=n, title=n, html=f"<h1>{n}</h1>", meta={"title": n}) for n in names
        ]
        docs, site = tmp_path / str(run) / "docs", tmp_path / str(run) / "site"
        docs.mkdir(parents=True)
        nav = [{name: f"{name}.md"} for name in names]
        run_build(language_config("en", docs, site, nav, None), ImvoPlugin(pages), MOMENT)
        assert sorted(p.name for p in site.glob("*.html")) == sorted(
            ["404.html", *(f"{n}.html" for n in names)]
        )
    assert list(docs.iterdir()) == []  # nothing was written for mkdocs to read back


def test_pages_get_their_metadata_from_memory_and_none_from_their_text() -> None:
    plugin = ImvoPlugin(
        [Page(key="k", name="page", title="T", html="<p>title: x</p>", meta={"title": "T"})]
    )
    assert get_data("") == ("", {})  # the text mkdocs gets holds no front matter
    page = SimpleNamespace(file=SimpleNamespace(src_uri="page.md"), meta={})
    assert plugin.on_page_markdown("title: y\n", page=page) == ""
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
    build_site(
        load_content(content, tmp_path), options(site=tmp_path / "site", content=content, pdf=False)
    )
    page = (tmp_path / "site" / "en" / "voorbeeld.html").read_text(encoding="utf-8")
    # The editor's '## Summary' sits under the factsheet's summary heading, as an <h4>.
    assert re.findall(r'<h([2-6]) id="(summary[^"]*)"', page) == [
        ("2", "summary"),
        ("4", "summary_1"),
    ]
    assert re.findall(r'href="#(summary[^"]*)"', page) == ["summary", "summary_1"]
