"""Links between pages in the content's Markdown: a Python-Markdown extension mkdocs loads.

Editors see the site's pages as `overzicht.html` and `textiel.html`; mkdocs knows them as
the Markdown files `overzicht.md` and `textiel.md`, and reports a link to `overzicht.html`
as a link to a missing file. This extension turns a relative link to a page of the build
(`overzicht.html`, `textiel.html#parties`) into the link mkdocs expects (`overzicht.md`),
just before mkdocs checks every link and makes it relative again. A link to a page that is
not there is left alone, and mkdocs reports it (see write.explain).
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from imvo.write import handed_over

PRIORITY = 2
"""After Python-Markdown has made the links (inline, 20), before mkdocs checks them (0)."""


class _PageLinks(Treeprocessor):
    def run(self, root: Element) -> None:
        pages = handed_over()
        for element in root.iter("a"):
            href = element.get("href") or ""
            path, hash_sign, anchor = href.partition("#")
            if "/" in path or ":" in path or not path.endswith(".html"):
                continue
            source = f"{path.removesuffix('.html')}.md"
            if source in pages:
                element.set("href", f"{source}{hash_sign}{anchor}")


class PageLinksExtension(Extension):
    """Lets the content link to the site's pages by the names readers see (name.html)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_PageLinks(md), "imvo_page_links", PRIORITY)


def makeExtension(**kwargs: Any) -> PageLinksExtension:
    """The entry point Python-Markdown looks for when mkdocs.yml names this module."""
    return PageLinksExtension(**kwargs)
