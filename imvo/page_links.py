"""Links between pages in the content's Markdown: a Python-Markdown extension mkdocs loads.

Editors see the site's pages as `overzicht.html` and `textiel.html`; mkdocs knows them as
the Markdown files `overzicht.md` and `textiel.md`, and reports a link to `overzicht.html`
as a link to a missing file. This extension turns a relative link to a page of the build
(`overzicht.html`, `textiel.html#parties`) into the link mkdocs expects (`overzicht.md`),
just before mkdocs checks every link and makes it relative again. A link to a page that is
not there is left alone, and mkdocs reports it (see write.explain). An address that is no
address at all (`https://www.c- [ ] x.nl`, which made mkdocs itself stop, or one with a
space in it) is reported the same way, and so is an image from another site, which the
site would not load (it makes no request to any other host).
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from imvo.write import handed_over, page_in_progress

log = logging.getLogger("mkdocs.imvo")
"""A warning here fails the strict build like mkdocs' own, and reaches the editor's line."""

PRIORITY = 2
"""After Python-Markdown has made the links (inline, 20), before mkdocs checks them (0)."""


def _invalid(address: str) -> bool:
    """An address no browser could follow: one with a space in it, or unreadable."""
    if any(char.isspace() for char in address):
        return True
    try:
        urlsplit(address)
    except ValueError:
        return True
    return False


def _from_elsewhere(address: str) -> bool:
    """An address on another host (https://, //): the site never loads one of those."""
    parts = urlsplit(address)
    return bool(parts.scheme or parts.netloc)


class _PageLinks(Treeprocessor):
    def run(self, root: Element) -> None:
        pages = handed_over()
        page = page_in_progress() or "(page)"
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(str(element.tag))
            if key is not None and _invalid(element.get(key) or ""):
                log.warning(
                    "Doc file '%s' contains a link '%s' that is not a valid address.",
                    page,
                    element.get(key),
                )
                element.set(key, "#")  # mkdocs would stop on it; the warning fails the build
            elif key == "src" and _from_elsewhere(element.get(key) or ""):
                log.warning(
                    "Doc file '%s' contains a link '%s' that is an image from another site.",
                    page,
                    element.get(key),
                )
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
