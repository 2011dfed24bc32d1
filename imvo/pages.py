"""The site's pages: their kinds, their file names in each language, their order in the menu.

Pages live flat in each language's folder (Dutch at the root of the site, English in en/),
so that a page and its counterpart differ only by that folder and their file name.
"""

from __future__ import annotations

from typing import NamedTuple

from imvo.model import LANGUAGES

TEXT_PAGES: dict[str, dict[str, str]] = {
    "index": {"nl": "index", "en": "index"},
    "how-it-works": {"nl": "hoe-werkt-een-convenant", "en": "how-it-works"},
    "now": {"nl": "wat-geldt-nu", "en": "what-applies-now"},
    "results": {"nl": "werkten-de-convenanten", "en": "did-the-agreements-work"},
    "framework": {"nl": "internationaal-kader", "en": "international-framework"},
    "about": {"nl": "over-deze-site", "en": "about"},
    "accessibility": {"nl": "toegankelijkheid", "en": "accessibility"},
}
"""Explainer pages written in content/texts/<key>.<lang>.md, by key."""

GENERATED_PAGES: dict[str, dict[str, str]] = {
    "overview": {"nl": "overzicht", "en": "overview"},
    "participants": {"nl": "doet-mijn-organisatie-mee", "en": "is-my-organisation-taking-part"},
    "law": {"nl": "geldt-de-csrd-of-csddd", "en": "does-the-csrd-or-csddd-apply"},
    "timeline": {"nl": "tijdlijn", "en": "timeline"},
    "parties": {"nl": "partijen", "en": "parties"},
    "due-diligence": {"nl": "due-diligence", "en": "due-diligence"},
    "glossary": {"nl": "begrippen", "en": "glossary"},
    "data": {"nl": "open-data", "en": "open-data"},
    "news": {"nl": "nieuw-en-gewijzigd", "en": "whats-new"},
    "corrections": {"nl": "correcties", "en": "corrections"},
}
"""Pages the build writes from the content, by key."""

NAV_ORDER: tuple[str, ...] = (
    "index",
    "overview",
    "participants",
    "timeline",
    "now",
    "law",
    "results",
    "due-diligence",
    "parties",
    "how-it-works",
    "framework",
    "glossary",
    "data",
    "news",
    "corrections",
    "about",
    "accessibility",
)


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
    """The file name (without .md/.html) of a text or generated page in one language."""
    names = TEXT_PAGES.get(key) or GENERATED_PAGES.get(key)
    return names[lang] if names else key


RESERVED_NAMES = frozenset(
    {name for names in (*TEXT_PAGES.values(), *GENERATED_PAGES.values()) for name in names.values()}
    | {"search", "pagefind", "assets", "en", "nl", "pdf", "404", "sitemap", "data", "feed"}
    | set(MOVED_PAGES)
)
"""Names a covenant slug may not take, because pages or folders of the site use them."""


def site_path(lang: str, name: str) -> str:
    """Where a page lands in the built site: Dutch at the root, English under en/."""
    return f"{name}.html" if lang == LANGUAGES[0] else f"{lang}/{name}.html"
