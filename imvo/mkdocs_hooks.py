"""mkdocs hooks (named in mkdocs.yml): finish the HTML of every page before the theme wraps it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from markdown.extensions.toc import nest_toc_tokens

from imvo.engine import File, Files, get_toc
from imvo.i18n import Translator
from imvo.render import Page, template_cache
from imvo.sanitize import sanitize
from imvo.write import handed_over, page_finished, page_started

log = logging.getLogger("mkdocs.imvo")


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
        files.append(File.generated(config, uri, content=""))
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
        return ""  # the page is HTML already: no Markdown work
    return markdown


def on_page_content(html: str, page: Any = None, config: Any = None, **_: Any) -> str:
    """Our pages come finished from the render stage: their HTML and their headings."""
    ours = _handed_over_page(page)
    if ours is None:
        return sanitize(html)
    page.toc = get_toc(
        nest_toc_tokens([{"level": e.level, "id": e.id, "name": e.name} for e in ours.toc])
    )
    return ours.html


def on_post_page(output: str, page: Any = None, **_: Any) -> str:
    """The page is done: its time no longer counts (see on_page_markdown)."""
    page_finished()
    return output
