"""The path of pages that still come as Markdown; goes when render hands HTML.

Until the render stage hands every page over as finished HTML (Page.html), a page reaches
mkdocs as Markdown with its finished HTML blocks stashed apart (render.stash_html). This
module puts the blocks back, keeps the Markdown's headings clear of their anchors, makes
the table of contents again from the finished page, and turns mkdocs' warnings about the
Markdown's links into editors' lines. When render hands HTML, delete this module, its
call in plugin.ImvoPlugin.on_page_content and in run._Collect.emit, and its tests.
"""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markdown.extensions.toc import nest_toc_tokens, strip_tags, unique

from imvo.engine import TableOfContents, get_toc
from imvo.problems import Problem
from imvo.render import Page, unstash_html
from imvo.sanitize import sanitize, sanitize_text

if TYPE_CHECKING:
    from imvo.engine.plugin import ImvoPlugin

_HEADING = re.compile(r'<h([1-6])\b((?:[^>"]|"[^"]*")*)>(.*?)</h\1>', re.S)
"""A heading, its attributes (a quoted value may hold '>') and its content."""
_ID = re.compile(r'\sid="([^"]*)"')
_ROOT_ABSOLUTE = re.compile(r'\s(?:href|src)="(/(?!/)[^"]*)"')
"""A link from the root of the host, which breaks when the site lives under a sub-path."""


def markdown_page_content(html: str, ours: Page, page: Any, plugin: ImvoPlugin) -> str:
    """Put back the page's stashed HTML blocks; each block and each piece of the Markdown's
    HTML between them goes through the sanitiser on its own (see unstash_html).

    When stashed blocks hold headings, the table of contents is made again from the page's
    finished HTML, so that it lists them in their place among the Markdown headings. A
    root-absolute link in a text's own HTML is reported as mkdocs reports one in Markdown.
    """
    blocks = list(ours.blocks)
    taken = block_ids(blocks)

    def clean_text(piece: str) -> str:
        clean = heading_ids_apart(sanitize_text(piece), taken)
        for address in _ROOT_ABSOLUTE.findall(clean):
            # Raw HTML in a text, which mkdocs does not check: the same problem as its own.
            link = html_module.unescape(address)
            plugin.record(link_problem("absolute", link, plugin.source_of(page.file.src_uri)))
        return clean

    html = unstash_html(html, blocks, sanitize, clean_text)
    if any(_HEADING.search(block) for block in ours.blocks):
        page.toc = headings_toc(html)
    return html


def headings_toc(html: str) -> TableOfContents:
    """The table of contents of a page's HTML: every heading with an id, nested by level.

    What Python-Markdown's toc extension makes of Markdown headings, for headings that
    reach the page as finished HTML (stashed blocks), which that extension never sees.
    """
    tokens: list[Any] = []
    for match in _HEADING.finditer(html):
        anchor = _ID.search(match[2])
        if anchor is not None:
            name = strip_tags(match[3].strip())
            tokens.append({"level": int(match[1]), "id": anchor[1], "name": name})
    return get_toc(nest_toc_tokens(tokens))


def block_ids(blocks: list[str]) -> set[str]:
    """Every id the stashed blocks of a page use."""
    return {found for block in blocks for found in _ID.findall(block)}


def heading_ids_apart(html: str, taken: set[str]) -> str:
    """Give a heading of the Markdown another anchor when a stashed block already uses its own.

    The toc extension keeps anchors unique, but it never sees the stashed blocks: an
    editor's '## Summary' in a text would get the anchor of the factsheet's own summary
    heading. Such a heading gets a suffix (summary_1), as the toc extension would give it,
    and the new anchor joins `taken`. Run on sanitised HTML, whose every tag is closed: on
    raw HTML, thousands of unclosed '<h2 a="' made the pattern scan for minutes.
    """
    if not taken:
        return html

    def apart(match: re.Match[str]) -> str:
        anchor = _ID.search(match[2])
        if anchor is None or anchor[1] not in taken:
            return match[0]
        new = unique(anchor[1], taken)
        attrs = match[2].replace(anchor[0], f' id="{new}"', 1)
        return f"<h{match[1]}{attrs}>{match[3]}</h{match[1]}>"

    return _HEADING.sub(apart, html)


_LINK_WARNING_RE = re.compile(
    r"Doc file '(?P<page>[^']+)\.md' contains (?:a|an absolute|an unrecognized relative) "
    r"link '(?P<link>.+)'(?:, but the target (?:'[^']+' )?is not found among "
    r"documentation files|, it was left as is| that is (?P<invalid>not a valid address)"
    r"| that is (?P<elsewhere>an image from another site))\."
    r"(?: Did you mean '[^']+'\?)?"
)
"""mkdocs' (and page_links') warnings about a link in a page's Markdown: the only text of
the engine's that is read back, and only until the render stage checks links itself."""


def link_warning_problem(message: str, plugin: ImvoPlugin) -> Problem | None:
    """The editor's problem behind a warning about a link in a page's Markdown, if it is one."""
    match = _LINK_WARNING_RE.fullmatch(message.strip())
    if match is None:
        return None
    link = match["link"]
    if match["invalid"]:
        kind = "invalid"
    elif match["elsewhere"]:
        kind = "elsewhere"
    elif link.startswith(("/", "\\")):
        kind = "absolute"
    else:
        kind = "missing"
    page = f"{match['page']}.md"
    source = plugin.sources.get(match["page"])
    return link_problem(kind, link, source if source is not None else page)


def link_problem(kind: str, link: str, source: str) -> Problem:
    """The editor's line for a link in a page's Markdown: invalid, elsewhere (an image from
    another site), absolute (from the root of the host) or missing (no such page)."""
    if kind == "invalid":
        text = (
            f"the link '{link}' is not a valid address; look for a space, a bracket or a "
            "missing character in it"
        )
    elif kind == "elsewhere":
        text = (
            f"the image '{link}' cannot be shown: the site shows only its own files and loads "
            "nothing from other sites; link to the image instead: [what it shows](address)"
        )
    elif kind == "absolute":
        text = (
            f"the link '{link}' starts with '{link[0]}', which breaks when the site lives in a "
            "folder (as on GitHub Pages); link to the page by its name, such as 'overzicht.html'"
        )
    else:
        text = (
            f"the link '{link}' leads to no page of the site; link to a page that exists "
            "(such as 'overzicht.html') or to a full https:// address"
        )
    # A Markdown link, (address), or else the address as raw HTML or an escaped YAML text.
    return Problem(source, _line_with(source, f"({link}", link), "(link)", text)


def _line_with(path: str, *needles: str) -> int:
    """The first line of a file that holds the first of the texts found there, or 1."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeError):
        return 1
    for needle in needles:
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return 1
