"""The build's own mkdocs plugin: one object per language build that owns its pages, its
progress and the problems it finds, and finishes each page before the theme wraps it.

It is registered on the validated configuration (see imvo.engine.run), not named in
mkdocs.yml: mkdocs gets the object itself, with this build's pages in it, and nothing is
shared between builds through module state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape, unescape
from typing import Any

from markdown.extensions.toc import nest_toc_tokens

from imvo.build.progress import Progress
from imvo.engine import BasePlugin, File, Files, TableOfContents, get_toc
from imvo.messages.problems import Problem
from imvo.render.i18n import Translator
from imvo.render.renderer import Page, TocEntry, template_cache
from imvo.render.sanitize import sanitize

CONFIG_FILE = "mkdocs.yml"
_TAG = re.compile(r"<[^>]*>")


def _text(name: str) -> str:
    """A heading's name (HTML text) as escaped text: no tag, no quote, entities kept as text."""
    return escape(unescape(_TAG.sub("", name)), quote=True)


"""What a problem names when it belongs to no page: the engine's settings."""


def toc_of(entries: Iterable[TocEntry]) -> TableOfContents:
    """The theme's table of contents from a page's headings, nested by level as
    Python-Markdown's toc extension nests its own.

    The theme prints both the anchor (in `href="#..."`) and the name as they are, so both are
    escaped here, whatever the content held: `name` is text as HTML (entities, no tags), and
    what reaches the theme is that text escaped once more, never a tag or a quote."""
    tokens: list[Any] = [
        {"level": e.level, "id": escape(e.id, quote=True), "name": _text(e.name)} for e in entries
    ]
    return get_toc(nest_toc_tokens(tokens))


class ImvoPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """The pages of one language build, which page is in progress, and what went wrong."""

    def __init__(
        self,
        pages: Iterable[Page] = (),
        *,
        progress: Progress | None = None,
    ) -> None:
        self.pages: dict[str, Page] = {f"{page.name}.md": page for page in pages}
        """The pages of this build by their file name for mkdocs (name.md)."""
        self.progress = progress
        """The shared-memory record the parent's slow-page watch reads, in a worker."""
        self.problems: list[Problem] = []
        """What this build's own checks found; each one fails the build."""
        self._in_progress: str | None = None

    # --- the state, for the build and for the render stage ---

    def page(self, uri: str) -> Page | None:
        """Our page behind an mkdocs file name (name.md), if this build has it."""
        return self.pages.get(uri)

    def page_started(self, uri: str) -> None:
        """This build begins a page (name.md): a page that takes too long is named."""
        self._in_progress = uri
        if self.progress is not None:
            self.progress.begin(uri)

    def page_finished(self) -> None:
        """This build is between pages."""
        self._in_progress = None
        if self.progress is not None:
            self.progress.end()

    def page_in_progress(self) -> str | None:
        """The page this build is making (name.md), if it is inside one."""
        return self._in_progress

    def source_of(self, uri: str | None) -> str:
        """The content file behind a page (name.md; the page carries it), or mkdocs.yml for
        none."""
        if uri is None:
            return CONFIG_FILE
        page = self.pages.get(uri)
        return page.source.path if page is not None and page.source is not None else uri

    def record(self, problem: Problem) -> None:
        """Note a problem; the build fails with it when mkdocs is done."""
        self.problems.append(problem)

    # --- mkdocs' events ---

    def on_env(self, env: Any, /, *, config: Any = None, files: Any = None) -> Any:
        """Give the theme `imvo_once`, a part rendered once per build and key, then reused,
        and `imvo_t`, the site's UI strings in the build's language.

        Used as {% call imvo_once(name, page, shared) %}...{% endcall %} in overrides/ for
        parts that are the same on many pages (the search form, the menu of the pages
        outside it). With a page, the part is kept per folder of the site, for its relative
        links; where `shared` is false (the 404 page, a page in the menu), it is rendered
        for that page.
        """
        store: dict[str, str] = {}

        def once(
            name: str, page: Any = None, shared: Any = True, *, caller: Callable[[], str]
        ) -> str:
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

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        """Add the pages of this build, from memory: no page is written to a file.

        In the order mkdocs gives the files of a folder (index first, then by name), which
        is the order of the sitemap and the search index.
        """
        for uri in sorted(self.pages, key=lambda uri: (uri != "index.md", uri)):
            # Empty: the page's content is HTML already (on_page_content gives it).
            files.append(File.generated(config, uri, content=""))
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Any, **_: Any) -> str:
        """Give the page its metadata (title, description, counterpart) from memory, and
        tell the build which page is being made (see PAGE_SECONDS in imvo/model/limits.py).

        Our pages come as finished HTML: mkdocs gets no Markdown to convert.
        """
        self.page_started(page.file.src_uri)
        ours = self.page(page.file.src_uri)
        if ours is None:
            return markdown
        page.meta = dict(ours.meta)
        return ""

    def on_page_content(self, html: str, /, *, page: Any, **_: Any) -> str:
        """The page's finished HTML, and its headings as the theme's table of contents.

        A page that is not ours goes through the allow-list sanitiser.
        """
        ours = self.page(page.file.src_uri) if page is not None else None
        if ours is None:
            return sanitize(html)
        page.toc = toc_of(ours.toc)
        return ours.html

    def on_post_page(self, output: str, /, *, page: Any, **_: Any) -> str:
        """The page is done: its time no longer counts (see on_page_markdown)."""
        self.page_finished()
        return output
