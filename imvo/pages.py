"""The site's pages: their kinds, their file names in each language, their order in the menu.

Pages live flat in each language's folder (Dutch at the root of the site, English in en/),
so that a page and its counterpart differ only by that folder and their file name.
"""

from __future__ import annotations

TEXT_PAGES: dict[str, dict[str, str]] = {
    "index": {"nl": "index", "en": "index"},
    "how-it-works": {"nl": "hoe-werkt-een-convenant", "en": "how-it-works"},
    "framework": {"nl": "internationaal-kader", "en": "international-framework"},
    "about": {"nl": "over-deze-site", "en": "about"},
    "accessibility": {"nl": "toegankelijkheid", "en": "accessibility"},
}
"""Explainer pages written in content/texts/<key>.<lang>.md, by key."""

GENERATED_PAGES: dict[str, dict[str, str]] = {
    "overview": {"nl": "overzicht", "en": "overview"},
    "timeline": {"nl": "tijdlijn", "en": "timeline"},
    "parties": {"nl": "partijen", "en": "parties"},
    "due-diligence": {"nl": "due-diligence", "en": "due-diligence"},
    "glossary": {"nl": "begrippen", "en": "glossary"},
    "data": {"nl": "open-data", "en": "open-data"},
}
"""Pages the build writes from the content, by key."""

NAV_ORDER: tuple[str, ...] = (
    "index",
    "overview",
    "timeline",
    "due-diligence",
    "parties",
    "how-it-works",
    "framework",
    "glossary",
    "data",
    "about",
    "accessibility",
)


def page_name(key: str, lang: str) -> str:
    """The file name (without .md/.html) of a text or generated page in one language."""
    names = TEXT_PAGES.get(key) or GENERATED_PAGES.get(key)
    return names[lang] if names else key


RESERVED_NAMES = frozenset(
    {name for names in (*TEXT_PAGES.values(), *GENERATED_PAGES.values()) for name in names.values()}
    | {"search", "pagefind", "assets", "en", "nl", "pdf", "404", "sitemap", "data"}
)
"""Names a covenant slug may not take, because pages or folders of the site use them."""
