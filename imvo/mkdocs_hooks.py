"""mkdocs hooks (named in mkdocs.yml): finish the HTML of every page before the theme wraps it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, strip_tags
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import TableOfContents, get_toc

from imvo.render import unstash_html
from imvo.sanitize import sanitize
from imvo.search import index_page

_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\sid="([^"]*)"')


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


def on_env(env: Any, config: Any = None, files: Any = None, **_: Any) -> Any:
    """A fresh store, per build, for theme parts that are the same on many pages."""
    env.globals["imvo_shared"] = {}
    return env


def on_page_content(html: str, page: Any = None, config: Any = None, **_: Any) -> str:
    """Put back the page's stashed HTML blocks, then run it all through the sanitiser.

    When stashed blocks hold headings, the table of contents is made again from the page's
    finished HTML, so that it lists them in their place among the Markdown headings.
    """
    folder = (config or {}).get("extra", {}).get("imvo_blocks") if config else None
    if folder and page is not None:
        stash = Path(folder) / (page.file.src_uri.removesuffix(".md") + ".json")
        if stash.is_file():
            blocks = json.loads(stash.read_text(encoding="utf-8"))
            html = sanitize(unstash_html(html, blocks))
            if any(_HEADING.search(block) for block in blocks):
                page.toc = headings_toc(html)
            return html
    return sanitize(html)


@event_priority(50)  # before the search plugin's own on_page_context
def on_page_context(context: Any, page: Any = None, config: Any = None, **_: Any) -> Any:
    """Index the page for search with the faster parser, and tell the plugin it is done.

    The plugin still removes the data-search-* attributes from the page afterwards.
    """
    plugin = config.plugins.get("material/search") if config is not None else None
    if plugin is not None and plugin.config.enabled and index_page(plugin, page):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return context
