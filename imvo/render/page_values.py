"""The pages of one language, made from the declaration (imvo/render/page_list.py `SITE_PAGES`).

Each page is rendered by the Renderer (render.py) from its kind's template. This module
makes the declared pages in order: for each entry, its template's own values (`VALUES`, by
the entry's `values`) or, for an entry that stands for several pages, its pages (`EXPAND`:
the participants by letter when they are many, a factsheet per covenant, the old
addresses). Each page is announced to the build's slow-page watch before the work on its
values starts. The value functions get the site's content (`Site`), never the renderer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from imvo.build.options import BuildOptions
from imvo.drawing import cycle as diagram
from imvo.drawing import timeline
from imvo.history import History, news
from imvo.model.content import LANGUAGES, Corpus, PartyKind
from imvo.outputs import open_data as data
from imvo.participants.index import SPLIT_FROM, letter_slug
from imvo.participants.names import LEGAL_FORMS
from imvo.render import applies, comparison, law_page
from imvo.render import renderer as render
from imvo.render.facts import party_covenants
from imvo.render.i18n import Translator
from imvo.render.markdown_text import split_title, theme_text
from imvo.render.page_list import (
    MOVED_PAGES,
    NAMED_PAGES,
    NAV_ORDER,
    SITE_PAGES,
    SitePage,
    page_name,
)

if TYPE_CHECKING:
    from imvo.render.renderer import Page, Renderer


@dataclass(frozen=True)
class Site:
    """What the value functions of the pages may use: the content, its history, and the
    participants grouped A-Z (made once for both languages)."""

    corpus: Corpus
    history: History
    letters: list[Any]
    options: BuildOptions
    """The build's options (its day is the timeline's 'today')."""


Values = Callable[[Site, Translator], dict[str, Any]]


def _due_diligence(site: Site, t: Translator) -> dict[str, Any]:
    return {"diagram": diagram.cycle_svg(site.corpus.due_diligence.steps, t)}


def _timeline(site: Site, t: Translator) -> dict[str, Any]:
    corpus = site.corpus
    return {
        "svg": timeline.svg(corpus, t, site.options.day),
        "rows": timeline.rows(corpus, t),
        "period": timeline.period,
    }


def _parties(site: Site, t: Translator) -> dict[str, Any]:
    return {"by_party": party_covenants(site.corpus), "kinds": list(PartyKind)}


def _data(site: Site, t: Translator) -> dict[str, Any]:
    return {"data": data}


def _news(site: Site, t: Translator) -> dict[str, Any]:
    listed = news.items(site.history, site.corpus, t, news.NEWS_ENTRIES)
    return {"items": listed, "unavailable": site.history.unavailable}


def _now(site: Site, t: Translator) -> dict[str, Any]:
    # The figures and dated steps of the law come from content/law.yaml.
    _title, body = split_title(site.corpus.texts["now"][t.lang])
    parts = law_page.filled(body, site.corpus.law, t.lang)
    return {"body": parts[0], "law_steps": len(parts) > 1, "body_after": "".join(parts[1:])}


def _results(site: Site, t: Translator) -> dict[str, Any]:
    # The editors' text, then every covenant side by side.
    return {"rows": comparison.rows(site.corpus, t)}


def _corrections(site: Site, t: Translator) -> dict[str, Any]:
    listed = news.corrections(site.history, site.corpus, t)
    return {"items": listed, "unavailable": site.history.unavailable}


VALUES: dict[str, Values] = {
    "due_diligence": _due_diligence,
    "timeline": _timeline,
    "parties": _parties,
    "data": _data,
    "news": _news,
    "corrections": _corrections,
    "now": _now,
    "results": _results,
}
"""The values a page's template needs beyond the shared ones, by the name `values` gives."""


def page_names(corpus: Corpus, letters: list[Any], lang: str) -> set[str]:
    """The file names (without .html) of every page of one language: what a link may lead to."""
    names = {page.names[lang] for page in NAMED_PAGES.values()}
    names |= set(corpus.covenants) | set(MOVED_PAGES)
    if by_letter(letters):
        base = page_name("participants", lang)
        names |= {f"{base}-{letter_slug(letter)}" for letter, _ in letters}
    return names


def by_letter(letters: list[Any]) -> bool:
    """Whether "is my organisation taking part?" is a page per letter (many organisations)."""
    return sum(len(orgs) for _letter, orgs in letters) >= SPLIT_FROM


def language(r: Renderer, lang: str) -> list[Page]:
    """Every page of one language, rendered in the declared order; links are checked
    against all of them."""
    t = Translator(lang)
    site = Site(r.corpus, r.history, r.letters, r.options)
    r.fields(lang, page_names(r.corpus, r.letters, lang))
    pages: list[Page] = []
    for entry in SITE_PAGES:
        if entry.expand:
            pages += EXPAND[entry.expand](r, entry, site, lang, t, pages)
        else:
            pages.append(_one(r, entry, site, lang, t))
    return pages


def _one(r: Renderer, entry: SitePage, site: Site, lang: str, t: Translator) -> Page:
    """One declared page: its title, and the values its template needs."""
    values: dict[str, Any] = {}
    if entry.text:
        title, body = split_title(site.corpus.texts[entry.key][lang])
        values = {"body": body, **(VALUES[entry.values](site, t) if entry.values else {})}
        return r.page(lang, entry.key, entry.kind, title, t=t, **values)
    if entry.values:
        r.on_page(f"{entry.names[lang]}.md")  # announced before the work on its values
        values = VALUES[entry.values](site, t)
    return r.page(lang, entry.key, entry.kind, t(entry.title), t=t, **values)


Expand = Callable[["Renderer", SitePage, Site, str, Translator, list["Page"]], list["Page"]]


def factsheets(
    r: Renderer, entry: SitePage, site: Site, lang: str, t: Translator, made: list[Page]
) -> list[Page]:
    """A factsheet per covenant, named by its slug in both languages."""
    pages = []
    for slug, covenant in site.corpus.covenants.items():
        r.on_page(f"{slug}.md")
        pages.append(
            r.page(
                lang,
                slug,
                entry.kind,
                covenant.name.get(lang),
                in_nav=False,
                t=t,
                c=covenant,
                slug=slug,
                name=slug,
                other_name=slug,
                description=render.first_sentence(covenant.summary.get(lang)),
                history=site.history.of(slug),
            )
        )
    return pages


def law(
    r: Renderer, entry: SitePage, site: Site, lang: str, t: Translator, made: list[Page]
) -> list[Page]:
    """ "Does the CSRD or CSDDD apply to our company?": the form, the table, the rules as JSON."""
    page = r.page(lang, entry.key, entry.kind, t(entry.title), t=t)
    # The script reads the rules from the page (main.html writes them into a JSON element):
    # the figures live in content/law.yaml only.
    page.meta["law_rules"] = applies.island(law_page.page_data(site.corpus.law, lang))
    return [page]


def moved(
    r: Renderer, entry: SitePage, site: Site, lang: str, t: Translator, made: list[Page]
) -> list[Page]:
    """The pages at old addresses: a link to where their content is now, not indexed."""
    by_key = {page.key: page for page in made}
    pages = []
    for old, moved in MOVED_PAGES.items():
        target = by_key[moved.target]
        anchor = moved.anchors.get(lang)
        page = r.page(
            lang, old, entry.kind, t(entry.title), in_nav=False, t=t, name=old,
            other_name=old, href=f"{target.name}.html" + (f"#{anchor}" if anchor else ""),
            target_title=target.title,
        )  # fmt: skip
        # A plain page, not a redirect: no meta refresh, and search engines and the
        # site's own search leave it out (Pagefind: the template's data-pagefind-ignore).
        page.meta["robots"] = "noindex"
        page.meta["search"] = {"exclude": True}
        pages.append(page)
    return pages


def participant_pages(
    r: Renderer, entry: SitePage, site: Site, lang: str, t: Translator, made: list[Page]
) -> list[Page]:
    """'Is my organisation taking part?': one page, or an index and a page per letter."""
    key, kind = entry.key, entry.kind
    name = page_name(key, lang)
    r.on_page(f"{name}.md")
    letters = site.letters
    common: dict[str, Any] = {"t": t, "legal_forms": " ".join(LEGAL_FORMS)}
    title = t(entry.title)
    common["cited_slugs"] = {
        item.slug for _letter, orgs in letters for _anchor, org in orgs for item in org.entries
    }
    if not by_letter(letters):
        page = r.page(lang, key, kind, title, mode="all", letters=letters, shown=letters, **common)
        return [page]
    pages = [
        r.page(
            lang,
            key,
            kind,
            title,
            mode="index",
            letters=letters,
            shown=[],
            **{**common, "cited_slugs": set()},
        )
    ]
    other = next(code for code in LANGUAGES if code != lang)
    for letter, orgs in letters:
        suffix = letter_slug(letter)
        shown = t("participants.other_letter") if letter == "#" else letter
        r.on_page(f"{name}-{suffix}.md")
        common["cited_slugs"] = {item.slug for _anchor, org in orgs for item in org.entries}
        pages.append(
            r.page(
                lang,
                f"{key}-{suffix}",
                kind,
                f"{title} {shown}",
                in_nav=False,
                mode="letter",
                letters=letters,
                shown=[(letter, orgs)],
                name=f"{name}-{suffix}",
                other_name=f"{page_name(key, other)}-{suffix}",
                **common,
            )
        )
    return pages


EXPAND: dict[str, Expand] = {
    "participants": participant_pages,
    "factsheets": factsheets,
    "moved": moved,
    "law": law,
}
"""The entries that stand for several pages, by the name `expand` gives."""


def nav(pages: list[Page]) -> list[dict[str, str]]:
    """The menu of one language: the declared menu pages that exist, in their menu order."""
    by_key = {page.key: page for page in pages if page.in_nav}
    order = [key for key in NAV_ORDER if key in by_key]
    order += sorted(key for key in by_key if key not in order)
    # The theme prints menu titles unescaped: escape them here.
    return [{theme_text(by_key[key].title): f"{by_key[key].name}.md"} for key in order]
