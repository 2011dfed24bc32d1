"""Rendering: turn the validated content into finished HTML pages for mkdocs-material.

One Jinja2 template per page kind (templates/pages/<kind>.html.j2), StrictUndefined so that
a missing value fails the build instead of printing blank, and autoescape so that no text
from the content reaches a page as markup. Each Markdown field becomes HTML on its own
(imvo/fields.py), cleaned by the editors' allow-list; the page as a whole is cleaned by the
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
    select_autoescape,
)
from markupsafe import Markup

from imvo import ROOT, facts, law_page, news, participants
from imvo.fields import Fields, LineFinder, PageParts, TocEntry, Where, heading
from imvo.history import History
from imvo.i18n import Translator, format_months, format_number, strings
from imvo.markdown_text import (
    abbreviation_markup,
    abbreviations,
    first_sentence,
    heading_id,
    md_plain,
    theme_text,
)
from imvo.markup import number_sources, source_name, source_refs, time_phrase
from imvo.model import LANGUAGES, Corpus, PartialDate, PartyKind, Role, Status
from imvo.pages import TEXT_PAGES, page_name, site_path
from imvo.problems import Problem
from imvo.sanitize import sanitize

__all__ = ["Page", "Renderer", "TocEntry", "first_sentence", "site_path", "template_cache"]

TEMPLATES_DIR = ROOT / "templates"


TEMPLATE_CACHE_DIR = ROOT / ".cache" / "jinja"


def template_cache(folder: Path = TEMPLATE_CACHE_DIR) -> BytecodeCache | None:
    """Jinja's cache of compiled templates, for our templates and the theme's.

    Each language worker compiled the same fifty templates again, about 0.3 s each build.
    Jinja stores the compiled code with a checksum of the template's text and uses it only
    for that same text; no cache (None) where the folder cannot be written.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder)) if os.access(folder, os.W_OK) else None


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


def alternate_href(lang: str, other: str, name: str, other_name: str) -> str:
    """The relative link from a page to its counterpart in the other language."""
    here = posixpath.dirname(site_path(lang, name)) or "."
    return posixpath.relpath(site_path(other, other_name), here)


class Renderer:
    """Renders every page of the site, one language at a time (the list: site_pages.py)."""

    def __init__(
        self,
        corpus: Corpus,
        templates: Path = TEMPLATES_DIR,
        *,
        pdf_links: bool = True,
        history: History | None = None,
        report_url: str | None = None,
        site_url: str | None = None,
        content: str = "content",
        content_dir: Path | None = None,
    ) -> None:
        self.corpus = corpus
        self.history = history or History(unavailable="not read")
        self.report_url = report_url
        """Where a reader reports a mistake: the repository's 'correct a fact' issue form."""
        self.site_url = site_url
        self.content = content
        """The content folder as editors see it, to name the file behind a problem."""
        self.content_dir = content_dir or Path(content)
        """The content folder on this machine."""
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
        self.env.filters["md"] = self._field
        self.env.filters["md_title"] = self._title
        self.env.globals.update(
            Role=Role,
            Status=Status,
            PartyKind=PartyKind,
            pdf_links=pdf_links,
            format_months=format_months,
            format_number=format_number,
            number_sources=number_sources,
            source_refs=source_refs,
            source_name=source_name,
            time_phrase=time_phrase,
            first_sentence=first_sentence,
            page_name=page_name,
            news=news,
            report_link=self.report_link,
            participants_in_order=participants.in_order,
            letter_slug=participants.letter_slug,
            coverage_of=participants.coverage,
            coverages=participants.coverages,
            law_sources=law_page.source_links,
            law_count=law_page.count,
            law_amount=law_page.amount,
            law_cannot_decide=law_page.cannot_decide,
            anchor=lambda value: self._page_parts().anchor(str(value)),
            heading=lambda *args, **kwargs: heading(self._page_parts(), *args, **kwargs),
            **{name: getattr(facts, name) for name in facts.TEMPLATE_NAMES},
        )
        self._predecessors = facts.predecessors(corpus)
        # The participants grouped into organisations A-Z, once for both languages' pages; made
        # here, before the first page is announced, because its cost grows with the number of
        # participants (about a second for 100,000 on an idle machine), not with any one text.
        self.letters = participants.by_letter(participants.organisations(corpus))
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
        self._lines = LineFinder()
        self._fields: dict[str, Fields] = {}
        self._lang = LANGUAGES[0]
        self._field_source: tuple[str, str] | None = None
        self._field_positions: Any = None

    def fields(self, lang: str, pages: set[str]) -> Fields:
        """The Markdown of one language, checking links against that language's pages."""
        self._fields[lang] = Fields(self._glossary[lang], pages, self._lines)
        return self._fields[lang]

    def _field(self, value: Any, top: int = 1, *, inline: bool = False, at: Any = None) -> Markup:
        """The `md` filter: a Markdown field as HTML; `at` is its place in the content file
        (a tuple such as ('summary', 'nl')), so that a bad link is reported on its line."""
        fields = self._fields[self._lang]
        where = None
        if self._field_source is not None and (at is not None or self._field_positions is None):
            shown, file = self._field_source
            positions = self._field_positions
            line = positions.line_of(tuple(at)) if positions is not None and at else 1
            where = Where(shown, line, file=file)
        return fields.html(value, where, top=top, inline=inline)

    def _page_parts(self) -> PageParts:
        """What the page being rendered is made of (kept by its language's Fields)."""
        return self._fields[self._lang].parts

    def _title(self, title: Any) -> Markup:
        """The `md_title` filter: the page's <h1>, as Markdown would make it of '# title'."""
        return self._fields[self._lang].title(title)

    def _source(self, key: str, lang: str) -> tuple[str, str] | None:
        """The content file behind a page: as editors see it, and on this machine."""
        if key in self.corpus.covenants:
            name = f"covenants/{key}.yaml"
        elif key in TEXT_PAGES:
            name = f"texts/{key}.{lang}.md"
        elif key in ("glossary", "due-diligence"):
            name = f"{key}.yaml"
        else:
            return None
        return f"{self.content}/{name}", str(self.content_dir / name)

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
        self._lang = lang
        self._field_positions = self.corpus.positions.get(key)
        self._field_source = self._source(key, lang)
        parts = self._render_parts(lang, key, kind, title, context, frozenset())
        if parts[1].clashes():
            parts = self._render_parts(
                lang, key, kind, title, context, frozenset(parts[1].template_ids)
            )
        body, found = parts
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
            "lastmod": self.lastmod(key, lang),
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
        )

    def _render_parts(
        self,
        lang: str,
        key: str,
        kind: str,
        title: str,
        context: dict[str, Any],
        reserved: frozenset[str],
    ) -> tuple[str, PageParts]:
        """The page's HTML, cleaned by the templates' allow-list, and what it is made of."""
        parts = self._fields[lang].parts = PageParts(reserved=reserved)
        body = self.render(
            f"pages/{kind}.html.j2",
            lang=lang,
            key=key,
            corpus=self.corpus,
            title=title,
            predecessors=self._predecessors,
            ui=self._ui[lang],
            ui_abbr=self._ui_abbr[lang],
            **context,
        )
        return sanitize(body.strip()), parts

    def lastmod(self, key: str, lang: str) -> str:
        """The day of the last change of what a page shows, from git ('' when unknown)."""
        files = self.history.files
        if key in self.corpus.covenants:
            day = self.history.of(key).last_changed
        elif key in TEXT_PAGES and key != "index":
            day = files.get(f"texts/{key}.{lang}.md")
        elif key in ("glossary", "due-diligence"):
            day = files.get(f"{key}.yaml")
        else:  # pages that show every covenant (and the home page's list of them)
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
        from imvo.site_pages import language

        return language(self, lang)

    def nav(self, lang: str, pages: list[Page]) -> list[dict[str, str]]:
        """The menu of one language (see site_pages.nav)."""
        from imvo.site_pages import nav

        return nav(pages)
