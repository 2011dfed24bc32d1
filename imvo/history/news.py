"""News from the history: changes in words in each language, and the Atom feeds.

The history (imvo/history/) says what changed as data; this module says it as a reader
reads it ("Status: loopt → afgelopen", "Einddatum toegevoegd: 5 juli 2023"), with the
interface's own words for statuses, roles and fields, and party names from the registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.etree import ElementTree as ET

from imvo.history import Change, History
from imvo.model.content import Corpus
from imvo.model.dates import PartialDate, parse_partial_date
from imvo.render.i18n import Translator
from imvo.render.page_list import page_name

FEED_NAME = "feed.xml"
FEED_ENTRIES = 50
NEWS_ENTRIES = 100
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class NewsItem:
    """The changes of one commit to one covenant, in words, as the news page lists them."""

    slug: str
    day: date
    commit: str
    lines: tuple[str, ...]
    corrected: bool


def _date_text(value: str | None, t: Translator) -> str:
    if value is None:
        return ""
    try:
        return t.date(parse_partial_date(value))
    except ValueError:
        return value  # an old version's value that is no date today: shown as written


def _party(party_id: str, corpus: Corpus, lang: str) -> str:
    party = corpus.parties.get(party_id)
    return party.name_in(lang) if party is not None else party_id


def _label(t: Translator, group: str, value: str | None) -> str:
    key = f"{group}.{value}"
    return t(key) if value is not None and t.has(key) else (value or "")


def describe(change: Change, corpus: Corpus, t: Translator) -> str:
    """One change as a line a reader understands, in the translator's language."""
    lang = t.lang
    kind = change.kind
    if kind in ("date_added", "date_changed", "date_removed"):
        field = t(f"history.field.{change.subject}")
        return t(
            f"history.{kind}",
            field=field,
            old=_date_text(change.old, t),
            new=_date_text(change.new, t),
        )
    if kind == "status":
        return t(
            "history.status",
            old=_label(t, "status", change.old).lower(),
            new=_label(t, "status", change.new).lower(),
        )
    if kind == "term":
        key = "history.term_changed" if change.old is not None else "history.term_added"
        return t(key, old=change.old or "", new=change.new or "")
    if kind in ("party_added", "party_removed", "role_changed"):
        return t(
            f"history.{kind}",
            party=_party(change.subject, corpus, lang),
            old=_label(t, "role", change.old).lower(),
            new=_label(t, "role", change.new).lower(),
        )
    if kind == "party_renamed":
        return t("history.party_renamed", old=change.old or "", new=change.new or "")
    if kind == "text_edited":
        fields = [t(f"history.field.{name}") for name in change.subject.split(",") if name]
        return t("history.text_edited", fields=", ".join(fields))
    return t("history.published")


def items(history: History, corpus: Corpus, t: Translator, limit: int) -> list[NewsItem]:
    """The newest changes across the covenants that are on the site, grouped per commit."""
    grouped: dict[tuple[str, str], list[Change]] = {}
    for slug, change in history.recent(limit * 20):
        if slug in corpus.covenants:
            grouped.setdefault((slug, change.commit), []).append(change)
    found = [
        NewsItem(
            slug,
            changes[0].day,
            commit,
            tuple(describe(change, corpus, t) for change in changes),
            any(change.corrected for change in changes),
        )
        for (slug, commit), changes in grouped.items()
    ]
    found.sort(key=lambda item: (item.day, item.commit, item.slug), reverse=True)
    return found[:limit]


def corrections(history: History, corpus: Corpus, t: Translator) -> list[NewsItem]:
    """Every correction: a fact that had a value and was given another one."""
    return [item for item in items(history, corpus, t, 10_000) if item.corrected]


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(
    history: History, corpus: Corpus, t: Translator, site_url: str, fallback: PartialDate
) -> str:
    """The Atom feed of one language (RFC 4287): absolute ids and links under `site_url`.

    `fallback` dates an empty feed (no history): a date from the build, never the clock.
    """
    lang = t.lang
    base = site_url.rstrip("/") + "/" + ("" if lang == "nl" else f"{lang}/")
    news = items(history, corpus, t, FEED_ENTRIES)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    sub(feed, "id", base + FEED_NAME)
    sub(feed, "title", t("history.feed_title"))
    sub(feed, "subtitle", t("site.description"))
    newest = news[0].day if news else date(*fallback.earliest())
    sub(feed, "updated", _stamp(newest))
    sub(feed, "link", rel="self", type="application/atom+xml", href=base + FEED_NAME)
    sub(feed, "link", rel="alternate", type="text/html", href=base + "index.html")
    author = sub(feed, "author")
    sub(author, "name", t("site.name"))
    for item in news:
        covenant = corpus.covenants[item.slug]
        page = f"{base}{item.slug}.html"
        entry = sub(feed, "entry")
        sub(entry, "id", f"{page}#{item.commit[:12]}")
        title = covenant.short_name.get(lang)
        if item.corrected:
            title = f"{title}: {t('history.corrected')}"
        sub(entry, "title", title)
        sub(entry, "updated", _stamp(item.day))
        sub(entry, "link", rel="alternate", type="text/html", href=page)
        sub(entry, "summary", "; ".join(item.lines))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"


def news_page_name(lang: str) -> str:
    """The file name of the news page, for links from other modules."""
    return page_name("news", lang)
