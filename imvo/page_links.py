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
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from imvo.sanitize import leaves_the_site
from imvo.write import handed_over, page_in_progress

log = logging.getLogger("mkdocs.imvo")
"""A warning here fails the strict build like mkdocs' own, and reaches the editor's line."""

PRIORITY = 2
"""After Python-Markdown has made the links (inline, 20), before mkdocs checks them (0)."""


def _invalid(address: str) -> bool:
    """An address no browser could follow as written: one with a space or a backslash in it
    (browsers read '\\\\host' as '//host'), or unreadable."""
    if any(char.isspace() or char == "\\" for char in address):
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


class _RawLinks(HTMLParser):
    """The links (a href) and images (img src) in the raw HTML an editor wrote."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        key = {"a": "href", "img": "src"}.get(tag)
        for name, value in attrs:
            if name == key and value is not None:
                self.found.append((key, value))


def _check_raw_html(blocks: list[str], pages: dict[str, object], page: str) -> None:
    """Check the links of an editor's raw HTML as mkdocs and this module check Markdown's."""
    parser = _RawLinks()
    for block in blocks:
        parser.feed(str(block))
    parser.close()
    for key, address in parser.found:
        if key == "src" and (_from_elsewhere(address) or leaves_the_site(address)):
            log.warning(
                "Doc file '%s' contains a link '%s' that is an image from another site.",
                page,
                address,
            )
        elif _invalid(address):
            log.warning(
                "Doc file '%s' contains a link '%s' that is not a valid address.", page, address
            )
        elif key == "href" and not _from_elsewhere(address) and not address.startswith("/"):
            path = address.partition("#")[0].partition("?")[0]
            missing = not path.endswith(".html") or f"{path[: -len('.html')]}.md" not in pages
            if path and missing:
                log.warning(
                    "Doc file '%s' contains a link '%s', but the target is not found among "
                    "documentation files.",
                    page,
                    address,
                )


class _PageLinks(Treeprocessor):
    def run(self, root: Element) -> None:
        pages = handed_over()
        page = page_in_progress() or "(page)"
        raw = [block for block in self.md.htmlStash.rawHtmlBlocks if isinstance(block, str)]
        _check_raw_html(raw, dict(pages), page)
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
