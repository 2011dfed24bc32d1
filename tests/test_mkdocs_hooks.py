"""The mkdocs hooks: pages reach mkdocs as finished HTML, with their headings as the toc."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from mkdocs.config import load_config
from mkdocs.structure.files import Files
from mkdocs.utils.meta import get_data

from imvo.fields import TocEntry
from imvo.mkdocs_hooks import on_env, on_page_content, on_page_markdown
from imvo.render import Page
from imvo.validate import load_content
from imvo.write import ROOT, build_site, hand_over


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


def test_a_page_reaches_mkdocs_as_its_html_with_its_headings_as_the_toc() -> None:
    toc = (TocEntry(1, "a", "A"), TocEntry(2, "b", "B &amp; C"), TocEntry(2, "d", "D"))
    hand_over([Page(key="k", name="page", title="A", html='<h1 id="a">A</h1>', toc=toc)])
    page = SimpleNamespace(file=SimpleNamespace(src_uri="page.md"), toc=None, meta={})
    assert on_page_markdown("ignored", page=page) == ""
    assert on_page_content("<p>what mkdocs made of nothing</p>", page=page) == ('<h1 id="a">A</h1>')
    assert _titles(page.toc) == [(1, "a", "A", ["b", "d"])]
    assert [child.title for child in page.toc.items[0].children] == ["B &amp; C", "D"]
    other = SimpleNamespace(file=SimpleNamespace(src_uri="other.md"), toc=None)
    assert on_page_content("<p onclick='x()'>x</p>", page=other) == "<p>x</p>"
    assert other.toc is None


def test_handed_over_pages_reach_mkdocs_as_files_index_first(tmp_path: Path) -> None:
    hand_over(
        [Page(key=k, name=k, title=k, html=f"<h1>{k}</h1>") for k in ("zeta", "index", "alpha")]
    )
    (tmp_path / "docs").mkdir()
    config = load_config(
        str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "s")
    )
    files = config.plugins.on_files(Files([]), config=config)
    assert [f.src_uri for f in files] == ["index.md", "alpha.md", "zeta.md"]
    # mkdocs reads nothing: the page's HTML comes from memory (on_page_content).
    assert files.get_file_from_path("alpha.md").content_string == ""


def test_pages_get_their_metadata_from_memory_and_none_from_their_text() -> None:
    hand_over([Page(key="k", name="page", title="T", html="<p>title: x</p>", meta={"title": "T"})])
    assert get_data("") == ("", {})  # the text mkdocs gets holds no front matter
    page = SimpleNamespace(file=SimpleNamespace(src_uri="page.md"), meta={})
    assert on_page_markdown("", page=page) == ""
    assert page.meta == {"title": "T"}


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
