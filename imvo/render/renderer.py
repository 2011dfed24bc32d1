"""Rendering: turn the validated content into finished HTML pages for mkdocs-material.

One Jinja2 template per page kind (templates/pages/<kind>.html.j2), StrictUndefined so that
a missing value fails the build instead of printing blank, and autoescape so that no text
from the content reaches a page as markup. Each Markdown field becomes HTML on its own
(imvo/render/markdown_fields.py), cleaned by the editors' allow-list; the page as a whole is cleaned
by the
templates' allow-list. A page leaves here as HTML with its headings and its problems listed
as data: mkdocs adds only the theme around it. Which pages a language has is site_pages.py.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
    select_autoescape,
)
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markupsafe import Markup

from imvo import ROOT
from imvo.build.options import BuildOptions
from imvo.history import History, news
from imvo.messages.problems import Problem
from imvo.model.content import LANGUAGES, Corpus, PartyKind, Role, Status
from imvo.model.dates import PartialDate
from imvo.model.limits import MAX_PAGE_BYTES
from imvo.model.positions import Positions
from imvo.participants.coverage import coverage, coverages
from imvo.participants.index import by_letter, letter_slug
from imvo.participants.organisations import in_order, organisations
from imvo.render import facts, law_page
from imvo.render.i18n import Translator, format_months, format_number, strings
from imvo.render.markdown_fields import Fields, PageParts, TocEntry, Where, heading
from imvo.render.markdown_text import (
    abbreviation_markup,
    abbreviations,
    first_sentence,
    heading_id,
    md_plain,
    theme_text,
)
from imvo.render.page_list import page_name, shows_all, site_path, source_of
from imvo.render.sanitize import sanitize
from imvo.render.snippets import number_sources, rows_sources, source_name, source_refs, time_phrase

__all__ = [
    "Page",
    "PageContext",
    "Renderer",
    "TocEntry",
    "first_sentence",
    "site_path",
    "template_cache",
]

TEMPLATES_DIR = ROOT / "templates"


TEMPLATE_CACHE_DIR = ROOT / ".cache" / "jinja"


class _CompiledTemplates(FileSystemBytecodeCache):
    """Compiled templates on disk, by the template and by how the environment's filters and
    tests take their arguments: Jinja writes that into the compiled code (a filter that
    became `pass_context` needs the template compiled again, though its text is the same)."""

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        """The cache entry of one template in this environment."""
        passes = sorted(
            f"{kind}:{key}:{getattr(function, 'jinja_pass_arg', '')}"
            for kind, functions in (("filter", environment.filters), ("test", environment.tests))
            for key, function in functions.items()
        )
        key = self.get_cache_key("\0".join([name, *passes]), filename)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


def template_cache(folder: Path = TEMPLATE_CACHE_DIR) -> BytecodeCache | None:
    """Jinja's cache of compiled templates, for our templates and the theme's.

    Each language worker compiled the same fifty templates again, about 0.3 s each build.
    Jinja stores the compiled code with a checksum of the template's text and uses it only
    for that same text and the same filters; no cache (None) where the folder cannot be
    written.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _CompiledTemplates(str(folder)) if os.access(folder, os.W_OK) else None


@dataclass(frozen=True)
class Page:
    """One page of one language, ready for mkdocs: its file name and its finished HTML."""

    key: str
    name: str
    title: str
    html: str
    """The page's content, finished and cleaned: mkdocs does no Markdown work on it."""
    toc: tuple[TocEntry, ...] = ()
    """The headings of `html`, in order, for the theme's table of contents."""
    in_nav: bool = True
    meta: dict[str, Any] = field(default_factory=dict)
    """The page's metadata for mkdocs and the theme (title, description, counterpart)."""
    source: Positions | None = None
    """The content file behind the page as the loader read it (None for a page made from
    all the content): what a problem on the page names."""


@dataclass
class PageContext:
    """The page being rendered, handed to its template as `page`: its language, key and
    content file, and what it is made of so far. The template's filters and functions that
    write Markdown, headings and anchors work on this value (nothing of it stays behind in
    the renderer between pages)."""

    lang: str
    key: str
    source: Positions | None
    fields: Fields
    """The Markdown of the page's language (made once per language, shared by its pages)."""
    parts: PageParts = field(default_factory=PageParts)

    def md(self, value: Any, top: int = 1, *, inline: bool = False, at: Any = None) -> Markup:
        """A Markdown field as HTML; `at` is its place in the content file (a tuple such as
        ('summary', 'nl')), so that a bad link is reported on its line."""
        where = None
        source = self.source
        if source is not None and (at is not None or not source.lines):
            line = source.line_of(tuple(at)) if source.lines and at else 1
            where = Where(source.path, line, source=source)
        return self.fields.html(value, self.parts, where, top=top, inline=inline)

    def title(self, title: Any) -> Markup:
        """The page's <h1>, as Markdown would make it of '# title'."""
        return self.fields.title(title, self.parts)


@pass_context
def _md(context: Context, value: Any, top: int = 1, *, inline: bool = False,
        at: Any = None) -> Markup:  # fmt: skip
    """The `md` filter: a Markdown field of the page being rendered, as HTML."""
    page: PageContext = context["page"]
    return page.md(value, top, inline=inline, at=at)


@pass_context
def _md_title(context: Context, title: Any) -> Markup:
    """The `md_title` filter: the page's <h1>."""
    page: PageContext = context["page"]
    return page.title(title)


@pass_context
def _heading(context: Context, *args: Any, **kwargs: Any) -> Markup:
    """One of the template's own headings, listed in the page's contents (fields.heading)."""
    page: PageContext = context["page"]
    return heading(page.parts, *args, **kwargs)


@pass_context
def _anchor(context: Context, value: Any) -> str:
    """An anchor the template writes, kept so that no editor's heading takes it."""
    page: PageContext = context["page"]
    return page.parts.anchor(str(value))


def alternate_href(lang: str, other: str, name: str, other_name: str) -> str:
    """The relative link from a page to its counterpart in the other language."""
    here = posixpath.dirname(site_path(lang, name)) or "."
    return posixpath.relpath(site_path(other, other_name), here)


class Renderer:
    """Renders every page of the site, one language at a time (the list: site_pages.py)."""

    def __init__(
        self,
        corpus: Corpus,
        options: BuildOptions,
        templates: Path = TEMPLATES_DIR,
        *,
        history: History | None = None,
    ) -> None:
        self.corpus = corpus
        self.options = options
        self.history = history or History(unavailable="not read")
        self.report_url = options.report_url
        """Where a reader reports a mistake: the repository's 'correct a fact' issue form."""
        self.site_url = site_url = options.site_url
        # The Atom feed needs absolute addresses and the history (outputs.post_steps writes
        # it only then): the pages link it in their head exactly when it exists.
        self.feed = bool(site_url) and history is not None
        self.problems: list[Problem] = []
        """The problems found while rendering (links in the content), for the build to stop."""
        self.env = Environment(
            loader=FileSystemLoader(templates),
            undefined=StrictUndefined,
            autoescape=select_autoescape(default=True, default_for_string=True),
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # no check of each template's file on every page
            bytecode_cache=template_cache(),
        )
        self.env.filters["md_plain"] = md_plain
        self.env.filters["heading_id"] = heading_id
        self.env.filters["partial_date"] = lambda day: PartialDate(day.year, day.month, day.day)
        self.env.filters["md"] = _md
        self.env.filters["md_title"] = _md_title
        self.env.globals.update(
            Role=Role,
            Status=Status,
            PartyKind=PartyKind,
            pdf_links=options.pdf,
            format_months=format_months,
            format_number=format_number,
            number_sources=number_sources,
            source_refs=source_refs,
            rows_sources=rows_sources,
            source_name=source_name,
            time_phrase=time_phrase,
            first_sentence=first_sentence,
            page_name=page_name,
            news=news,
            report_link=self.report_link,
            participants_in_order=in_order,
            letter_slug=letter_slug,
            coverage_of=coverage,
            coverages=coverages,
            law_sources=law_page.source_links,
            law_count=law_page.count,
            law_amount=law_page.amount,
            law_cannot_decide=law_page.cannot_decide,
            anchor=_anchor,
            heading=_heading,
            **{name: getattr(facts, name) for name in facts.TEMPLATE_NAMES},
        )
        self._predecessors = facts.predecessors(corpus)
        # The participants grouped into organisations A-Z, once for both languages' pages; made
        # here, before the first page is announced, because its cost grows with the number of
        # participants (about a second for 100,000 on an idle machine), not with any one text.
        self.letters = by_letter(organisations(corpus))
        self.on_page: Callable[[str], None] = lambda name: None
        """Told the file name of each page before it is rendered (the build's slow-page watch)."""
        # The UI strings as a mapping too ({{ ui['factsheet.signed'] }}), plain and with
        # abbreviations marked: looked up, not called, on the pages made by the thousand.
        self._ui = {lang: strings(lang) for lang in LANGUAGES}
        self._ui_abbr: dict[str, dict[str, Markup]] = {}
        self._glossary = {lang: abbreviations(corpus, lang) for lang in LANGUAGES}
        for lang in LANGUAGES:
            mark = abbreviation_markup(self._glossary[lang])
            self._ui_abbr[lang] = {key: mark(text) for key, text in self._ui[lang].items()}
        self._fields: dict[str, Fields] = {}

    def fields(self, lang: str, pages: set[str]) -> Fields:
        """The Markdown of one language, checking links against that language's pages."""
        self._fields[lang] = Fields(self._glossary[lang], pages)
        return self._fields[lang]

    def render(self, template: str, **context: Any) -> str:
        """Render one template with the shared context."""
        return self.env.get_template(template).render(**context)

    def page(
        self, lang: str, key: str, kind: str, title: str, in_nav: bool = True, **context: Any
    ) -> Page:
        """Render one page of a kind, with its metadata and language switch.

        An editor's heading takes an anchor no other heading of the page has; where it took
        one that the template writes further down, the page is made once more, with the
        template's anchors known from the start.
        """
        t: Translator = context["t"]
        other = next(code for code in LANGUAGES if code != lang)
        name = context.pop("name", None) or page_name(key, lang)
        other_name = context.pop("other_name", None) or page_name(key, other)
        self.on_page(f"{name}.md")
        source = source_of(self.corpus, key, lang)
        page = PageContext(lang, key, source, self._fields[lang])
        body = self._render_parts(page, kind, title, context, name)
        if page.parts.clashes():
            reserved = frozenset(page.parts.template_ids)
            page = PageContext(lang, key, source, page.fields, PageParts(reserved=reserved))
            body = self._render_parts(page, kind, title, context, name)
        found = page.parts
        self.problems += found.problems
        meta = {
            # mkdocs-material prints page.title and page.meta unescaped: escape them here.
            "title": theme_text(title),
            "description": theme_text(context.get("description") or t("site.description")),
            "alternate": alternate_href(lang, other, name, other_name),
            "alternate_lang": other,
            "here": site_path(lang, name),
            "there": site_path(other, other_name),
            "page_key": key,
            "lastmod": self.lastmod(key, source),
        }
        if self.feed:
            meta["feed"] = news.FEED_NAME
        return Page(
            key=key,
            name=name,
            title=title,
            html=body,
            toc=tuple(found.toc),
            in_nav=in_nav,
            meta=meta,
            source=source,
        )

    def _render_parts(
        self, page: PageContext, kind: str, title: str, context: dict[str, Any], name: str
    ) -> str:
        """The page's HTML, cleaned by the templates' allow-list (`page.parts`: what it is
        made of; `name`: its file name, for a page too large)."""
        lang = page.lang
        body = self.render(
            f"pages/{kind}.html.j2",
            page=page,
            lang=lang,
            key=page.key,
            corpus=self.corpus,
            title=title,
            predecessors=self._predecessors,
            ui=self._ui[lang],
            ui_abbr=self._ui_abbr[lang],
            **context,
        )
        if len(body) > MAX_PAGE_BYTES:
            # Refused before the allow-list and the theme spend time on it (imvo/model/limits.py).
            page.parts.problems.append(self._too_large(page, name, len(body)))
            return ""
        return sanitize(body.strip())

    def _too_large(self, page: PageContext, name: str, size: int) -> Problem:
        """The problem of a page over MAX_PAGE_BYTES, on the content file behind it (for the
        participants pages, the participants folder; else the content folder)."""
        if page.source is not None:
            path = page.source.path
        else:
            files = [self.corpus.positions[slug].path for slug in self.corpus.covenants
                     if slug in self.corpus.positions]  # fmt: skip
            folder = posixpath.dirname(posixpath.dirname(files[0])) if files else "content"
            path = f"{folder}/participants" if page.key.startswith("participants") else folder
        return Problem.of(
            path, 1, "(file)", "page-too-large",
            page=f"{name}.html", size=f"{size / 1_000_000:.0f}",
            limit=f"{MAX_PAGE_BYTES / 1_000_000:.0f}",
        )  # fmt: skip

    def lastmod(self, key: str, source: Positions | None) -> str:
        """The day of the last change of what a page shows, from git ('' when unknown): a
        factsheet's covenant, the one content file behind a page that shows only that
        (`shows_all` in imvo/render/page_list.py), else the newest change of any file."""
        files = self.history.files
        if key in self.corpus.covenants:
            day = self.history.of(key).last_changed
        elif source is not None and source.in_content and not shows_all(key):
            day = files.get(source.in_content)
        else:
            day = max(files.values(), default=None)
        return day.isoformat() if day is not None else ""

    def report_link(self, slug: str, lang: str, title: str) -> str:
        """Where a reader reports a mistake on a factsheet: the repository's 'correct a fact'
        form with the page's published address and title filled in when the build knows the
        repository, else the corrections page, which says how to report one."""
        if not self.report_url:
            return f"{page_name('corrections', lang)}.html#report"
        here = site_path(lang, slug)
        page = f"{self.site_url.rstrip('/')}/{here}" if self.site_url else here
        title = f"Correctie / Correction: {title}"
        query = urlencode({"template": "feit-corrigeren.yml", "title": title, "page": page})
        return f"{self.report_url}?{query}"

    def language(self, lang: str) -> list[Page]:
        """Every page of one language (see site_pages.language)."""
        from imvo.render.page_values import language

        return language(self, lang)

    def nav(self, lang: str, pages: list[Page]) -> list[dict[str, str]]:
        """The menu of one language (see site_pages.nav)."""
        from imvo.render.page_values import nav

        return nav(pages)
