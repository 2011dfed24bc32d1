"""The pages of one language: which there are, in which order, and the menu.

Each page is rendered by the Renderer (render.py) from its kind's template; this module
says which pages a language has (the texts, the generated pages, a factsheet per covenant,
the participants by letter when they are many, the old addresses) and announces each to
the build's slow-page watch before the work on it starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from imvo import (
    applies,
    comparison,
    data,
    diagram,
    law_page,
    news,
    participants,
    render,
    timeline,
)
from imvo.facts import party_covenants
from imvo.i18n import Translator
from imvo.markdown_text import split_title, theme_text
from imvo.model import LANGUAGES, PartyKind
from imvo.pages import GENERATED_PAGES, MOVED_PAGES, NAV_ORDER, TEXT_PAGES, page_name

if TYPE_CHECKING:
    from imvo.render import Page, Renderer


def page_names(r: Renderer, lang: str) -> set[str]:
    """The file names (without .html) of every page of one language: what a link may lead to."""
    names = {page_name(key, lang) for key in (*TEXT_PAGES, *GENERATED_PAGES)}
    names |= set(r.corpus.covenants) | set(MOVED_PAGES)
    if by_letter(r.letters):
        base = page_name("participants", lang)
        names |= {f"{base}-{participants.letter_slug(letter)}" for letter, _ in r.letters}
    return names


def by_letter(letters: list[Any]) -> bool:
    """Whether "is my organisation taking part?" is a page per letter (many organisations)."""
    return sum(len(orgs) for _letter, orgs in letters) >= participants.SPLIT_FROM


def language(r: Renderer, lang: str) -> list[Page]:
    """Every page of one language, rendered in order; links are checked against all of them."""
    t = Translator(lang)
    r.fields(lang, page_names(r, lang))
    pages: list[Page] = []
    for key in TEXT_PAGES:
        text = r.corpus.texts[key][lang]
        title, body = split_title(text)
        if key == "results":  # the editors' text, then every covenant side by side
            rows = comparison.rows(r.corpus, t)
            pages.append(r.page(lang, key, "results", title, t=t, body=body, rows=rows))
            continue
        kind = "home" if key == "index" else "text"
        if key == "now":
            # The figures and dated steps of the law come from content/law.yaml.
            parts = law_page.filled(body, r.corpus.law, lang)
            pages.append(
                r.page(
                    lang, key, kind, title, t=t, body=parts[0], law_steps=len(parts) > 1,
                    body_after="".join(parts[1:]),
                )
            )  # fmt: skip
            continue
        pages.append(r.page(lang, key, kind, title, t=t, body=body))
    pages.append(r.page(lang, "overview", "overview", t("overview.title"), t=t))
    pages.append(law(r, lang, t))
    # Pages whose arguments take work are announced before it (see on_page).
    r.on_page(f"{page_name('due-diligence', lang)}.md")
    steps = r.corpus.due_diligence.steps
    pages.append(
        r.page(
            lang, "due-diligence", "due-diligence", t("due_diligence.title"), t=t,
            diagram=diagram.cycle_svg(steps, t),
        )
    )  # fmt: skip
    r.on_page(f"{page_name('timeline', lang)}.md")
    pages.append(
        r.page(
            lang, "timeline", "timeline", t("timeline.title"), t=t,
            svg=timeline.svg(r.corpus, t), rows=timeline.rows(r.corpus, t),
            period=timeline.period,
        )
    )  # fmt: skip
    r.on_page(f"{page_name('parties', lang)}.md")
    pages.append(
        r.page(
            lang, "parties", "parties", t("parties_page.title"), t=t,
            by_party=party_covenants(r.corpus), kinds=list(PartyKind),
        )
    )  # fmt: skip
    pages += participant_pages(r, lang, t)
    pages.append(r.page(lang, "glossary", "glossary", t("glossary.title"), t=t))
    pages.append(r.page(lang, "data", "data", t("data.title"), t=t, data=data))
    r.on_page(f"{page_name('news', lang)}.md")
    listed = news.items(r.history, r.corpus, t, news.NEWS_ENTRIES)
    pages.append(
        r.page(
            lang, "news", "news", t("history.title"), t=t,
            items=listed, unavailable=r.history.unavailable,
        )
    )  # fmt: skip
    pages.append(
        r.page(
            lang, "corrections", "corrections", t("history.corrections_title"), t=t,
            items=news.corrections(r.history, r.corpus, t),
            unavailable=r.history.unavailable,
        )
    )  # fmt: skip
    for slug, covenant in r.corpus.covenants.items():
        r.on_page(f"{slug}.md")
        pages.append(
            r.page(
                lang,
                slug,
                "factsheet",
                covenant.name.get(lang),
                in_nav=False,
                t=t,
                c=covenant,
                slug=slug,
                name=slug,
                other_name=slug,
                description=render.first_sentence(covenant.summary.get(lang)),
                history=r.history.of(slug),
            )
        )
    pages += moved(r, lang, t, {page.key: page for page in pages})
    return pages


def law(r: Renderer, lang: str, t: Translator) -> Page:
    """ "Does the CSRD or CSDDD apply to our company?": the form, the table, the rules as JSON."""
    page = r.page(lang, "law", "law", t("law_page.title"), t=t)
    # The script reads the rules from the page (main.html writes them into a JSON element):
    # the figures live in content/law.yaml only.
    page.meta["law_rules"] = applies.island(law_page.page_data(r.corpus.law, lang))
    return page


def moved(r: Renderer, lang: str, t: Translator, by_key: dict[str, Page]) -> list[Page]:
    """The pages at old addresses: a link to where their content is now, not indexed."""
    pages = []
    for old, moved in MOVED_PAGES.items():
        target = by_key[moved.target]
        anchor = moved.anchors.get(lang)
        page = r.page(
            lang, old, "moved", t("moved.title"), in_nav=False, t=t, name=old,
            other_name=old, href=f"{target.name}.html" + (f"#{anchor}" if anchor else ""),
            target_title=target.title,
        )  # fmt: skip
        # A plain page, not a redirect: no meta refresh, and search engines and the
        # site's own search leave it out (Pagefind: the template's data-pagefind-ignore).
        page.meta["robots"] = "noindex"
        page.meta["search"] = {"exclude": True}
        pages.append(page)
    return pages


def participant_pages(r: Renderer, lang: str, t: Translator) -> list[Page]:
    """'Is my organisation taking part?': one page, or an index and a page per letter."""
    name = page_name("participants", lang)
    r.on_page(f"{name}.md")
    letters = r.letters
    common: dict[str, Any] = {"t": t, "legal_forms": " ".join(participants.LEGAL_FORMS)}
    title = t("participants.title")
    common["cited_slugs"] = {
        entry.slug for _letter, orgs in letters for _anchor, org in orgs for entry in org.entries
    }
    if not by_letter(letters):
        page = r.page(
            lang,
            "participants",
            "participants",
            title,
            mode="all",
            letters=letters,
            shown=letters,
            **common,
        )
        return [page]
    pages = [
        r.page(
            lang,
            "participants",
            "participants",
            title,
            mode="index",
            letters=letters,
            shown=[],
            **{**common, "cited_slugs": set()},
        )
    ]
    other = next(code for code in LANGUAGES if code != lang)
    for letter, orgs in letters:
        suffix = participants.letter_slug(letter)
        shown = t("participants.other_letter") if letter == "#" else letter
        r.on_page(f"{name}-{suffix}.md")
        common["cited_slugs"] = {entry.slug for _anchor, org in orgs for entry in org.entries}
        pages.append(
            r.page(
                lang,
                f"participants-{suffix}",
                "participants",
                f"{title} {shown}",
                in_nav=False,
                mode="letter",
                letters=letters,
                shown=[(letter, orgs)],
                name=f"{name}-{suffix}",
                other_name=f"{page_name('participants', other)}-{suffix}",
                **common,
            )
        )
    return pages


def nav(pages: list[Page]) -> list[dict[str, str]]:
    """The menu of one language: the pages in NAV_ORDER that exist, then any others."""
    by_key = {page.key: page for page in pages if page.in_nav}
    order = [key for key in NAV_ORDER if key in by_key]
    order += sorted(key for key in by_key if key not in order)
    # The theme prints menu titles unescaped: escape them here.
    return [{theme_text(by_key[key].title): f"{by_key[key].name}.md"} for key in order]
