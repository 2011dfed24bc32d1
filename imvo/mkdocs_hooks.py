"""mkdocs hooks (named in mkdocs.yml): finish the HTML of every page before the theme wraps it."""

from __future__ import annotations

import html as html_module
import logging
import re
from collections.abc import Callable
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, strip_tags, unique

from imvo.engine import File, Files, TableOfContents, get_toc
from imvo.i18n import Translator
from imvo.render import Page, template_cache, unstash_html
from imvo.sanitize import sanitize, sanitize_text
from imvo.write import handed_over, page_finished, page_started

_HEADING = re.compile(r'<h([1-6])\b((?:[^>"]|"[^"]*")*)>(.*?)</h\1>', re.S)
"""A heading, its attributes (a quoted value may hold '>') and its content."""
_ID = re.compile(r'\sid="([^"]*)"')
_ROOT_ABSOLUTE = re.compile(r'\s(?:href|src)="(/(?!/)[^"]*)"')
"""A link from the root of the host, which breaks when the site lives under a sub-path."""

log = logging.getLogger("mkdocs.imvo")


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


def on_env(env: Any, config: Any = None, files: Any = None, **_: Any) -> Any:
    """Give the theme `imvo_once`, a part rendered once per build and key, then reused, and
    `imvo_t`, the site's UI strings in the build's language.

    Used as {% call imvo_once(name, page, shared) %}...{% endcall %} in overrides/ for parts
    that are the same on many pages (the search form, the menu of the pages outside it).
    With a page, the part is kept per folder of the site, for its relative links; where
    `shared` is false (the 404 page, a page in the menu), it is rendered for that page.
    """
    store: dict[str, str] = {}

    def once(name: str, page: Any = None, shared: Any = True, *, caller: Callable[[], str]) -> str:
        if not shared:
            return caller()
        key = f"{name} {page.url.rpartition('/')[0]}" if page is not None else name
        if key not in store:
            store[key] = caller()
        return store[key]

    env.globals["imvo_once"] = once
    if config is not None:  # the site's own UI strings (templates/i18n) for the overrides
        env.globals["imvo_t"] = Translator(config["theme"]["language"])
    env.bytecode_cache = template_cache()
    return env


def on_files(files: Files, config: Any = None, **_: Any) -> Files:
    """Add the pages of this build, handed over in memory by the write stage.

    In the order mkdocs gives the files of a folder (index first, then by name), which is
    the order of the sitemap and the search index.
    """
    pages = handed_over()
    for uri in sorted(pages, key=lambda uri: (uri != "index.md", uri)):
        files.append(File.generated(config, uri, content=pages[uri].markdown))
    return files


def _handed_over_page(page: Any) -> Page | None:
    """Our rendering of an mkdocs page, if the write stage handed it over."""
    return handed_over().get(page.file.src_uri) if page is not None else None


def on_page_markdown(markdown: str, page: Any = None, **_: Any) -> str:
    """Give the page its metadata (title, description, counterpart), handed over in memory.

    Also tells the build which page is being made, so that a page that takes too long
    stops the build with its name (write.PAGE_SECONDS).
    """
    if page is not None:
        page_started(page.file.src_uri)
    ours = _handed_over_page(page)
    if ours is not None:
        page.meta = dict(ours.meta)
    return markdown


def on_page_content(html: str, page: Any = None, config: Any = None, **_: Any) -> str:
    """Put back the page's stashed HTML blocks; each block and each piece of the Markdown's
    HTML between them goes through the sanitiser on its own (see unstash_html).

    When stashed blocks hold headings, the table of contents is made again from the page's
    finished HTML, so that it lists them in their place among the Markdown headings. A
    root-absolute link in a text's own HTML is reported as mkdocs reports one in Markdown.
    """
    ours = _handed_over_page(page)
    if ours is None:
        return sanitize(html)
    blocks = list(ours.blocks)
    taken = block_ids(blocks)

    def clean_text(piece: str) -> str:
        clean = heading_ids_apart(sanitize_text(piece), taken)
        for address in _ROOT_ABSOLUTE.findall(clean):
            # Raw HTML in a text, which mkdocs does not check: the same warning as its own.
            log.warning(
                "Doc file '%s' contains an absolute link '%s', it was left as is.",
                page.file.src_uri,
                html_module.unescape(address),
            )
        return clean

    html = unstash_html(html, blocks, sanitize, clean_text)
    if any(_HEADING.search(block) for block in ours.blocks):
        page.toc = headings_toc(html)
    return html


def on_post_page(output: str, page: Any = None, **_: Any) -> str:
    """The page is done: its time no longer counts (see on_page_markdown)."""
    page_finished()
    return output
