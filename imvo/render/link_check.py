"""The links in an editor's Markdown, checked while the field becomes HTML
(imvo/render/markdown_fields.py).

Editors link to the site's pages by the names readers see (`overzicht.html`,
`textiel.html#parties`) and to other sites by full addresses. A link to a page the build
does not make, a link from the root of the host (`/overzicht.html`, which breaks when the
site lives under a sub-path), an address no browser could follow (a space or a backslash in
it) and an image from another site (the site loads nothing from other hosts) are each
reported as a problem on the editor's line; the build then stops before it writes anything.
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from imvo.render.sanitize import leaves_the_site

PRIORITY = 2
"""After Python-Markdown has made the links (inline, 20) and the anchors (toc, 5)."""

Report = Callable[[str, str], None]
"""Told the link as written and what is wrong with it (a key of CODES)."""


def invalid(address: str) -> bool:
    """An address no browser could follow as written: one with a space or a backslash in it
    (browsers read '\\\\host' as '//host'), or unreadable."""
    if any(char.isspace() or char == "\\" for char in address):
        return True
    try:
        urlsplit(address)
    except ValueError:
        return True
    return False


def from_elsewhere(address: str) -> bool:
    """An address on another host (https://, //): the site never loads one of those."""
    parts = urlsplit(address)
    return bool(parts.scheme or parts.netloc)


CODES = {
    "missing": "link-missing",
    "absolute": "link-absolute",
    "invalid": "link-invalid",
    "elsewhere": "image-elsewhere",
}
"""The message code of each kind of wrong link (imvo/messages)."""


def page_of(address: str, pages: set[str]) -> str | None:
    """The page a relative link names by its Markdown file (`tijdlijn.md#x`), if it is one.

    Editors may link a page by the name readers see (`tijdlijn.html`) or by the name of its
    Markdown file, as mkdocs lets them; the second becomes the first here, as mkdocs did."""
    path, hash_sign, anchor = address.partition("#")
    if "/" in path or ":" in path or "?" in path or not path.endswith(".md"):
        return None
    name = path.removesuffix(".md")
    return f"{name}.html{hash_sign}{anchor}" if name in pages else None


def problem_of(key: str, address: str, pages: set[str], raw: bool = False) -> str | None:
    """What is wrong with a link (key 'href') or an image (key 'src'), if anything.

    A Markdown link may name a page by its Markdown file (see page_of); raw HTML may not."""
    if key == "src" and (from_elsewhere(address) or leaves_the_site(address)):
        return "elsewhere"
    if invalid(address):
        return "invalid"
    if from_elsewhere(address):
        return None
    if address.startswith(("/", "\\")):
        return "absolute"
    if not raw and key == "href" and page_of(address, pages) is not None:
        return None
    if raw and key == "src":
        return None  # as before the render stage checked links: raw images are not looked up
    path = address.partition("#")[0].partition("?")[0]
    if path and (not path.endswith(".html") or path.removesuffix(".html") not in pages):
        return "missing"
    return None


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


class _LinkCheck(Treeprocessor):
    def __init__(self, md: Markdown, pages: set[str], report: Report) -> None:
        super().__init__(md)
        self.pages = pages
        self.report = report

    def run(self, root: Element) -> None:
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(str(element.tag))
            address = element.get(key) if key is not None else None
            if key is None or address is None:
                continue
            kind = problem_of(key, address, self.pages)
            if kind is not None:
                self.report(address, kind)
            elif key == "href" and (page := page_of(address, self.pages)) is not None:
                element.set("href", page)
        raw = _RawLinks()
        for block in self.md.htmlStash.rawHtmlBlocks:
            raw.feed(str(block))
        raw.close()
        for key, address in raw.found:
            kind = problem_of(key, address, self.pages, raw=True)
            if kind is not None:
                self.report(address, kind)


class LinkCheckExtension(Extension):
    """Checks the links of each field against the pages of the build."""

    def __init__(self, pages: set[str], report: Report, **kwargs: Any) -> None:
        self.pages = pages
        self.report = report
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_LinkCheck(md, self.pages, self.report), "imvo_links", PRIORITY)
