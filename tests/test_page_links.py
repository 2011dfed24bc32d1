"""Tests of imvo/page_links.py: the content may link to pages by the names readers see."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown

from imvo.page_links import PageLinksExtension
from imvo.render import Page
from imvo.validate import load_content
from imvo.write import build_site, hand_over

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"


def test_a_link_to_a_page_of_the_build_becomes_its_markdown_file() -> None:
    hand_over([Page(key=name, name=name, title=name, markdown="") for name in ("overzicht", "a")])
    html = markdown.markdown(
        "[1](overzicht.html) [2](a.html#parties) [3](missing.html) [4](sub/a.html) "
        "[5](https://example.org/a.html) [6](a.md) [7](#a) [8](/a.html)",
        extensions=[PageLinksExtension()],
    )
    assert re.findall(r'href="([^"]*)"', html) == [
        "overzicht.md",
        "a.md#parties",
        "missing.html",
        "sub/a.html",
        "https://example.org/a.html",
        "a.md",
        "#a",
        "/a.html",
    ]


def test_a_text_links_to_another_page_by_its_name_on_the_built_site(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8").replace(
        "  en: An agreement to test the fixture.\n",
        "  en: See [the overview](overview.html) and [the parties](voorbeeld.html#parties).\n",
    )
    covenant.write_text(text, "utf-8")
    build_site(load_content(content, tmp_path), tmp_path / "site", pdf_links=False)
    page = (tmp_path / "site" / "en" / "voorbeeld.html").read_text("utf-8")
    assert (
        '<p>See <a href="overview.html">the overview</a> and '
        '<a href="voorbeeld.html#parties">the parties</a>.</p>'
    ) in page
