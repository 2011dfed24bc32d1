"""The site's pages, declared once: their kinds, file names, titles, sources and menu places.

`SITE_PAGES` is the one list of the pages a language has, in the order they are made (the
order of the sitemap and the search index). Everything else comes from it: `page_name`, the
names a link may lead to (the render stage's link check), the menu (`menu` places), the
names a covenant may not take, and which content file is behind a page. Adding a page is one
entry here and its template `templates/pages/<kind>.html.j2` (see "Adding a page" in
docs/architecture.md).

Pages live flat in each language's folder (Dutch at the root of the site, English in en/),
so that a page and its counterpart differ only by that folder and their file name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from imvo.model.content import LANGUAGES, Corpus
from imvo.model.positions import Positions


@dataclass(frozen=True)
class SitePage:
    """One entry of the declaration: a page of the site (or, with `expand`, a set of pages)."""

    key: str
    """The page's key: what templates and code name it by (`page_name(key, lang)`)."""
    kind: str
    """Its template: templates/pages/<kind>.html.j2."""
    names: Mapping[str, str] = field(default_factory=dict)
    """Its file name (without .html) in each language; empty for the factsheets (their slug)."""
    title: str = ""
    """The key of its title in templates/i18n (a text page's title is its first heading)."""
    menu: int | None = None
    """Its place in the menu (lower first); None keeps it out of the menu."""
    source: str = ""
    """The content file behind it, as a key of `Corpus.positions` ('{lang}' is filled in)."""
    values: str = ""
    """The function in imvo/render/page_values.py `VALUES` that gives its template's own values."""
    expand: str = ""
    """For an entry that makes several pages: its function in imvo/render/page_values.py
    `EXPAND`."""
    shows_all: bool = False
    """Whether the page shows what every covenant says besides its own content file (the home
    page's list, the results): its last change is then the newest change of any file."""

    @property
    def text(self) -> bool:
        """Whether the page is an editor's text, content/texts/<key>.<lang>.md."""
        return self.source.startswith("texts/")

    def source_key(self, lang: str) -> str:
        """The key of the page's content file in `Corpus.positions` ('' for none)."""
        return self.source.replace("{lang}", lang)


def _text(
    key: str, nl: str, en: str, menu: int, kind: str = "text", shows_all: bool = False
) -> SitePage:
    """A page written by editors in content/texts/<key>.<lang>.md."""
    source = f"texts/{key}.{{lang}}"
    return SitePage(key, kind, {"nl": nl, "en": en}, menu=menu, source=source, shows_all=shows_all)


SITE_PAGES: tuple[SitePage, ...] = (
    _text("index", "index", "index", 10, kind="home", shows_all=True),
    _text("how-it-works", "hoe-werkt-een-convenant", "how-it-works", 80),
    SitePage(
        "now", "text", {"nl": "wat-geldt-nu", "en": "what-applies-now"}, menu=50,
        source="texts/now.{lang}", values="now",
    ),
    SitePage(
        "results", "results", {"nl": "werkten-de-convenanten", "en": "did-the-agreements-work"},
        menu=57, source="texts/results.{lang}", values="results", shows_all=True,
    ),
    _text("framework", "internationaal-kader", "international-framework", 90),
    _text("about", "over-deze-site", "about", 140),
    _text("accessibility", "toegankelijkheid", "accessibility", 150),
    SitePage("overview", "overview", {"nl": "overzicht", "en": "overview"}, "overview.title", 20),
    SitePage(
        "law", "law", {"nl": "geldt-de-csrd-of-csddd", "en": "does-the-csrd-or-csddd-apply"},
        "law_page.title", 55, source="law", expand="law",
    ),
    SitePage(
        "due-diligence", "due-diligence", {"nl": "due-diligence", "en": "due-diligence"},
        "due_diligence.title", 60, source="due-diligence", values="due_diligence",
    ),
    SitePage(
        "timeline", "timeline", {"nl": "tijdlijn", "en": "timeline"}, "timeline.title", 40,
        values="timeline",
    ),
    SitePage(
        "parties", "parties", {"nl": "partijen", "en": "parties"}, "parties_page.title", 70,
        values="parties",
    ),
    SitePage(
        "participants", "participants",
        {"nl": "doet-mijn-organisatie-mee", "en": "is-my-organisation-taking-part"},
        "participants.title", 30, expand="participants",
    ),
    SitePage(
        "glossary", "glossary", {"nl": "begrippen", "en": "glossary"}, "glossary.title", 100,
        source="glossary",
    ),
    SitePage(
        "data", "data", {"nl": "open-data", "en": "open-data"}, "data.title", 110, values="data"
    ),
    SitePage(
        "news", "news", {"nl": "nieuw-en-gewijzigd", "en": "whats-new"}, "history.title", 120,
        values="news",
    ),
    SitePage(
        "corrections", "corrections", {"nl": "correcties", "en": "corrections"},
        "history.corrections_title", 130, values="corrections",
    ),
    SitePage("factsheet", "factsheet", expand="factsheets"),
    SitePage("moved", "moved", title="moved.title", expand="moved"),
)  # fmt: skip
"""Every page of a language, in the order they are made."""

NAMED_PAGES: dict[str, SitePage] = {page.key: page for page in SITE_PAGES if page.names}
"""The pages with a name of their own in each language, by key (not the factsheets)."""

TEXT_PAGES: dict[str, Mapping[str, str]] = {
    page.key: page.names for page in SITE_PAGES if page.text
}
"""Explainer pages written in content/texts/<key>.<lang>.md, by key."""

NAV_ORDER: tuple[str, ...] = tuple(
    page.key
    for page in sorted(
        (page for page in SITE_PAGES if page.menu is not None), key=lambda page: page.menu or 0
    )
)
"""The keys of the menu's pages, in the menu's order."""


class Moved(NamedTuple):
    """Where the content of an old address now lives."""

    target: str
    """The key of the page that holds it now (a text or generated page, or a covenant slug)."""
    anchors: dict[str, str]
    """The heading on that page, by language (its id, without '#')."""


MOVED_PAGES: dict[str, Moved] = {
    # The agriculture and horticulture agreement was never concluded: its history is on
    # the how-it-works page now. Its factsheet was at land-en-tuinbouw.html in both languages.
    "land-en-tuinbouw": Moved(
        "how-it-works", {"nl": "land-en-tuinbouw", "en": "agriculture-and-horticulture"}
    ),
}
"""Old file names (the same in both languages) that now point readers to a new place.

The build writes a small page at each old name, with a link to the new place and no
redirect, so that links and bookmarks keep working; search engines are told not to index it.
"""


def page_name(key: str, lang: str) -> str:
    """The file name (without .md/.html) of a declared page in one language (else the key)."""
    page = NAMED_PAGES.get(key)
    return page.names[lang] if page else key


def has_page(key: str) -> bool:
    """Whether the site has a declared page with this key."""
    return key in NAMED_PAGES


def shows_all(key: str) -> bool:
    """Whether a page shows more than its own content file (a page without one always does)."""
    page = NAMED_PAGES.get(key)
    return page is None or page.shows_all or not page.source


def source_key(key: str, lang: str, slugs: Mapping[str, object]) -> str:
    """The key in `Corpus.positions` of the content file behind a page ('' for none): a
    covenant's file for a factsheet (`slugs`: the covenants), else the declaration's."""
    if key in slugs:
        return key
    page = NAMED_PAGES.get(key)
    return page.source_key(lang) if page else ""


def source_of(corpus: Corpus, key: str, lang: str) -> Positions | None:
    """The content file behind a page, as the loader read it (None for a page made from
    all the content, such as the overview)."""
    return corpus.positions.get(source_key(key, lang, corpus.covenants))


def key_of(name: str, lang: str) -> str:
    """The key of a page by its file name in one language (a factsheet's is its slug)."""
    return next((page.key for page in NAMED_PAGES.values() if page.names[lang] == name), name)


RESERVED_NAMES = frozenset(
    {name for page in NAMED_PAGES.values() for name in page.names.values()}
    | {"search", "pagefind", "assets", "en", "nl", "pdf", "404", "sitemap", "data", "feed"}
    | set(MOVED_PAGES)
)
"""Names a covenant slug may not take, because pages or folders of the site use them."""


def site_path(lang: str, name: str) -> str:
    """Where a page lands in the built site: Dutch at the root, English under en/."""
    return f"{name}.html" if lang == LANGUAGES[0] else f"{lang}/{name}.html"
