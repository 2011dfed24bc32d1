"""Rendering: turn the validated content into the Markdown pages mkdocs-material builds.

One Jinja2 template per page kind (templates/pages/<kind>.md.j2), StrictUndefined so that
a missing value fails the build instead of printing blank, and autoescape so that no text
from the content reaches a page as markup. Markdown fields are passed through for mkdocs to
render; the mkdocs hook sanitises every page's HTML with an allow-list afterwards.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import markdown as python_markdown
from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from markdown.extensions.toc import slugify
from markupsafe import Markup

from imvo import data, diagram, news, participants, timeline
from imvo.history import History
from imvo.i18n import Translator, format_months, strings
from imvo.model import (
    LANGUAGES,
    Corpus,
    CountOf,
    Covenant,
    PartialDate,
    Party,
    PartyKind,
    Role,
    Source,
    Status,
)
from imvo.pages import GENERATED_PAGES, MOVED_PAGES, NAV_ORDER, TEXT_PAGES, page_name
from imvo.sanitize import sanitize_text

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE_CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "jinja"


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


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def md_plain(value: Any) -> Markup:
    """Escape a plain-text value for a Markdown line: HTML first, then Markdown syntax.

    Quotes stay as they are: they are harmless in text, and escaped they would end up in
    the heading's anchor ("nieuw-34bijzonder34").
    """
    text = html.escape(str(value), quote=False)
    return Markup(_MD_SPECIAL.sub(r"\\\1", text))


def theme_text(value: str) -> str:
    """Text for mkdocs-material, which prints titles unescaped: no tag can open or close.

    Only < > and " are replaced ('&' stays, so the theme's own escaping of aria-labels does
    not show '&amp;' for a title like 'Banken & verzekeraars')."""
    return value.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def heading_id(text: str) -> str:
    """The anchor Python-Markdown's toc extension would give a heading with this text."""
    return slugify(text, "-")


TEXT_START, TEXT_END = "\x02", "\x03"
"""Around each editor's text in a page's Markdown (md_block), until stash_html takes them
out: control characters that no content file may hold (load refuses them), so an editor
cannot write one."""


_ATX_HEADING = re.compile(r"^#{1,6}")
_FENCE = re.compile(r"^\s*(```|~~~)[^`]*$")


def md_block(value: Any, top: int = 1) -> Markup:
    """A Markdown field from the content, as Markdown; the hook sanitises its HTML.

    `top` is the level an editor's '#' heading gets: a field that sits in a section under
    an <h2> passes 3, so that its headings stay below the page's own (one <h1> a page).
    """
    text = str(value).strip()
    if top > 1 and "#" in text:
        fenced = False
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if _FENCE.match(line):
                fenced = not fenced
            elif not fenced:
                lines[index] = _ATX_HEADING.sub(
                    lambda hashes: "#" * min(6, len(hashes[0]) + top - 1), line
                )
        text = "\n".join(lines)
    return Markup(text)


def editor_block(value: Any, top: int = 1) -> Markup:
    """md_block, marked as an editor's text for stash_html (the templates' `md_block`)."""
    # No content can hold these two characters (load refuses control characters).
    text = str(md_block(value, top)).replace(TEXT_START, "").replace(TEXT_END, "")
    return Markup(f"{TEXT_START}{text}{TEXT_END}")


def abbreviations(corpus: Corpus, lang: str) -> dict[str, str]:
    """The glossary's abbreviations in one language with what they stand for (OESO: ...).

    The abbr extension explains them wherever they appear in Markdown; the renderer marks
    them the same way in the UI strings the templates write as HTML (`ui_abbr`).
    """
    found = {}
    for entry in corpus.glossary.entries:
        if entry.abbreviation is not None:
            found[entry.abbreviation.get(lang)] = " ".join(entry.term.get(lang).split())
    return found


def abbreviation_markup(glossary: dict[str, str]) -> Callable[[str], Markup]:
    """A function that escapes a text and marks each known abbreviation in it with <abbr>.

    The same words as the abbr extension's: whole words, the longest first.
    """
    if not glossary:
        return lambda text: Markup(html.escape(text))
    keys = sorted(glossary, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(key) for key in keys) + r")\b")

    def mark(text: str) -> Markup:
        out, last = [], 0
        for match in pattern.finditer(text):
            out.append(html.escape(text[last : match.start()]))
            title = html.escape(glossary[match[0]])
            out.append(f'<abbr title="{title}">{html.escape(match[0])}</abbr>')
            last = match.end()
        out.append(html.escape(text[last:]))
        return Markup("".join(out))

    return mark


@dataclass(frozen=True)
class TocEntry:
    """One heading of a page: its level (1-6), its anchor and its text (plain)."""

    level: int
    id: str
    name: str


@dataclass(frozen=True)
class Page:
    """One page of one language, ready for mkdocs: its file name and its Markdown."""

    key: str
    name: str
    title: str
    markdown: str
    in_nav: bool = True
    blocks: tuple[str, ...] = ()
    """Finished HTML blocks taken out of the Markdown (see stash_html)."""
    meta: dict[str, str] = field(default_factory=dict)
    """The page's metadata for mkdocs and the theme (title, description, counterpart)."""
    html: str | None = None
    """The page's finished, sanitised content as HTML: mkdocs does no Markdown work on it."""
    toc: tuple[TocEntry, ...] = ()
    """The headings of `html`, in order, for the theme's table of contents."""


_STASHED_TAGS = frozenset(
    {"p", "div", "dl", "ol", "ul", "table", "form", "figure", "section", "nav", "svg"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)
_OPENING_TAG = re.compile(r"<([a-z][a-z0-9]*)\b")
_PARAGRAPHS = re.compile(r"(\n{2,})")


def placeholder(index: int) -> str:
    """The comment that stands in the Markdown where a stashed HTML block goes back."""
    return f"<!--imvo-block-{index}-->"


_PLACEHOLDER = re.compile(r"<!--imvo-block-(\d+)-->")


def _is_html_block(part: str) -> bool:
    """Whether a paragraph is one finished HTML element: a block tag that it closes itself."""
    match = _OPENING_TAG.match(part)
    return (
        match is not None
        and match.group(1) in _STASHED_TAGS
        and part.rstrip().endswith(f"</{match.group(1)}>")
    )


def _editor_spans(markdown: str) -> tuple[str, list[tuple[int, int]]]:
    """The Markdown without the marks around the editors' texts, and where those texts lie."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start = None
    for piece in re.split(f"([{TEXT_START}{TEXT_END}])", markdown):
        if piece == TEXT_START:
            start = length if start is None else start
        elif piece == TEXT_END:
            if start is not None:
                spans.append((start, length))
            start = None
        else:
            out.append(piece)
            length += len(piece)
    if start is not None:
        spans.append((start, length))
    return "".join(out), spans


def stash_html(markdown: str) -> tuple[str, tuple[str, ...]]:
    """Take the finished HTML blocks out of a page's Markdown, leaving numbered placeholders.

    The templates write most of a page as HTML; Python-Markdown would only copy it through,
    after parsing it tag by tag, and it spends about as much again on every block it meets.
    A paragraph is stashed when it starts with a block-level tag (a heading too) and closes
    that tag itself, outside fenced code; paragraphs in a row go into one block, behind one
    placeholder. The mkdocs hook puts them back, sanitising each block and each piece of
    Markdown HTML between them on its own (see unstash_html).

    The editors' texts arrive marked (md_block): a paragraph that holds any part of one is
    never stashed, whatever its shape, so an editor's `<form>` or `<svg>` is cleaned with
    the editors' allow-list, not the templates'.
    """
    # A placeholder typed into a text is shown as text, never taken for one of ours.
    markdown = markdown.replace("<!--imvo-block-", "&lt;!--imvo-block-")
    markdown, spans = _editor_spans(markdown)
    parts = _PARAGRAPHS.split(markdown)
    paragraphs, blanks = parts[0::2], [*parts[1::2], ""]
    starts = []
    offset = 0
    for paragraph, blank in zip(paragraphs, blanks, strict=True):
        starts.append(offset)
        offset += len(paragraph) + len(blank)

    def ours(index: int) -> bool:
        """A paragraph the templates wrote whole: a finished block with no editor's text."""
        if not _is_html_block(paragraphs[index]):
            return False
        start, end = starts[index], starts[index] + len(paragraphs[index])
        return not any(a < end and start < b for a, b in spans)

    out: list[str] = []
    blocks: list[str] = []
    fenced = False
    index = 0
    while index < len(paragraphs):
        if not fenced and ours(index):
            end = index
            while end + 1 < len(paragraphs) and ours(end + 1):
                end += 1
            run = zip(paragraphs[index:end], blanks[index:end], strict=True)
            block = "".join(p + b for p, b in run) + paragraphs[end]
            blocks.append(block.rstrip())
            out.append(placeholder(len(blocks) - 1) + block[len(block.rstrip()) :] + blanks[end])
            index = end + 1
            continue
        out.append(paragraphs[index] + blanks[index])
        if paragraphs[index].count("```") % 2:
            fenced = not fenced
        index += 1
    return "".join(out), tuple(blocks)


def unstash_html(
    html: str,
    blocks: list[str],
    clean_block: Callable[[str], str] = str,
    clean_text: Callable[[str], str] = str,
) -> str:
    """Put stashed HTML blocks back in the place of their placeholders.

    Each block and each piece of HTML between them is cleaned on its own (the hook passes
    the sanitisers): a tag an editor's text leaves open, such as <a>, <details> or <script>,
    is closed at the end of its piece and cannot take in the rest of the page. (A text page
    is one piece: cutting it at its headings would also cut a heading out of a quote or a
    note box that holds it.)
    """
    pieces = _PLACEHOLDER.split(html)
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            out.append(clean_block(blocks[int(piece)]))
            continue
        body = piece.rstrip()  # the blank lines after an open tag stay outside it
        out.append(clean_text(body) + piece[len(body) :] if body else piece)
    return "".join(out)


def site_path(lang: str, name: str) -> str:
    """Where a page lands in the built site: Dutch at the root, English under en/."""
    return f"{name}.html" if lang == LANGUAGES[0] else f"{lang}/{name}.html"


def alternate_href(lang: str, other: str, name: str, other_name: str) -> str:
    """The relative link from a page to its counterpart in the other language."""
    here = posixpath.dirname(site_path(lang, name)) or "."
    return posixpath.relpath(site_path(other, other_name), here)


def number_sources(covenant: Covenant) -> dict[str, int]:
    """Source ids numbered in the order the covenant lists them, from 1."""
    return {source.id: index for index, source in enumerate(covenant.sources, start=1)}


def source_name(source: Source) -> str:
    """A source as a reader names it: 'SER: Convenant Duurzame Kleding & Textiel'."""
    return f"{source.publisher}: {source.title}" if source.publisher else source.title


def source_refs(covenant: Covenant, t: Translator) -> Callable[[Any], Markup]:
    """A function that gives the one sources control of a fact, by the fact's source ids.

    On screen the control is a <details> that names the sources ("2 bronnen", opened: each
    source by name, linked to it): one tab stop per fact instead of a marker per source.
    In print, where a <details> cannot be opened, the fact carries the sources' numbers
    in the numbered list at the end instead ([1, 3]).
    """
    numbers = number_sources(covenant)

    def control(ids: Any) -> Markup:
        wanted = sorted({numbers[source] for source in ids if source in numbers})
        if not wanted:
            return Markup("")
        items = []
        for number in wanted:
            source = covenant.sources[number - 1]
            name = html.escape(source_name(source))
            if source.url:
                items.append(f'<li><a href="{html.escape(source.url)}">{name}</a></li>')
            else:
                items.append(f"<li><cite>{name}</cite></li>")
        key = "factsheet.sources_one" if len(wanted) == 1 else "factsheet.sources_n"
        numbered = ", ".join(str(number) for number in wanted)
        return Markup(
            f'<details class="imvo-src"><summary>{html.escape(t(key, n=len(wanted)))}</summary>'
            f"<ul>{''.join(items)}</ul></details>"
            f'<span class="imvo-src-print">[{numbered}]</span>'
        )

    return control


def time_phrase(t: Translator, value: PartialDate) -> Markup:
    """'op <time>4 juli 2016</time>' / 'in <time>June 2020</time>': a date with its
    preposition, the date itself marked up for machines."""
    key = "date.on_day" if value.precision == "day" else "date.in_period"
    stamp = f'<time datetime="{value.iso()}">{html.escape(t.date(value))}</time>'
    return Markup(html.escape(t(key, date="\x00")).replace("\x00", stamp))


SIGNING_ROLES = frozenset({Role.signatory, Role.supporter, Role.facilitator})
"""The roles of the parties that count as taking part: not those that withdrew or declined."""


def party_count(covenant: Covenant) -> int:
    """How many parties the site names as taking part: the one count of every page and file.

    The overview, the factsheet (and so its PDF) and the CSV all show this number.
    """
    return sum(1 for participation in covenant.parties if participation.role in SIGNING_ROLES)


def counts_of(covenant: Covenant, of: str) -> list[Any]:
    """The numbers that sources give for the covenant's parties or participants."""
    return [count for count in covenant.counts if count.of == CountOf(of)]


def counts_up_front(covenant: Covenant, of: str) -> list[Any]:
    """The counts of a kind that the key facts show: the newest, all of them when they share
    that date (sources that disagree stand side by side), all when none is dated.

    The earlier ones go to the notes below the action box: the key facts stay short enough
    that the action box is on a phone's first two screens, and no number is left out.
    """
    counts = counts_of(covenant, of)
    dated = [count.as_of.latest() for count in counts if count.as_of is not None]
    if len(counts) <= 1 or not dated:
        return counts
    newest = max(dated)
    return [count for count in counts if count.as_of is not None and count.as_of.latest() == newest]


def count_phrase(covenant: Covenant, count: Any, t: Translator) -> str:
    """'11 volgens SER (juli 2016)': a number with the source that gives it, named short."""
    first = next(source for source in covenant.sources if source.id == count.sources[0])
    text = t("factsheet.count_by", n=count.number, source=first.publisher or first.title)
    return f"{text} ({t.date(count.as_of)})" if count.as_of else text


def years(covenant: Covenant, t: Translator) -> str:
    """'2016–2021', 'sinds 2023' / 'since 2023' or '': the years an agreement ran."""
    start = covenant.signed or covenant.in_force
    if start is None:
        return ""
    if covenant.ended is None:
        return t("home.since", year=start.date.year)
    if covenant.ended.date.year == start.date.year:
        return str(start.date.year)
    return f"{start.date.year}–{covenant.ended.date.year}"


def unions(covenant: Covenant, parties: dict[str, Party]) -> list[Party]:
    """The trade unions that take part (signatory, supporter), in the file's order."""
    return [
        parties[p.party]
        for p in covenant.parties
        if p.role in SIGNING_ROLES and parties[p.party].kind == PartyKind.trade_union
    ]


_MARKDOWN = python_markdown.Markdown(extensions=["abbr", "attr_list"])


def md_html(value: Any, top: int = 3, inline: bool = False) -> Markup:
    """A short Markdown field as finished, cleaned HTML, for a box the template draws itself.

    The box around the "what you can do" steps is one HTML block, which Python-Markdown
    would not look inside; so its fields become HTML here, cleaned by the same allow-list
    as the content's Markdown (no forms, no drawings, a tag left open ends with the field).
    No blank line is left inside, so that the block stays one block (see stash_html).
    """
    _MARKDOWN.reset()
    out = sanitize_text(_MARKDOWN.convert(str(md_block(value, top)))).strip()
    if inline and out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return Markup(re.sub(r"\n(?=\n)", "&#10;", out))


def facilitators(covenant: Covenant, parties: dict[str, Party]) -> list[Party]:
    """The parties that facilitated the covenant (the SER, for most)."""
    return [parties[p.party] for p in covenant.parties if p.role == Role.facilitator]


def status_phrase(covenant: Covenant, t: Translator) -> str:
    """'Afgelopen in juni 2020' / 'Ended June 2020': the status with its date."""
    status = covenant.status.value
    if status in (Status.ended, Status.ended_early, Status.succeeded) and covenant.ended:
        date = covenant.ended.date
        return t(f"status.phrase.{status.value}", date=t.date(date), on_date=t.on_date(date))
    if status == Status.active:
        start = covenant.in_force or covenant.signed
        if start is None:
            return t("status.phrase.active_nodate")
        return t("status.phrase.active", date=t.date(start.date), on_date=t.on_date(start.date))
    if status == Status.unknown:
        # Unknown: no source says whether it still runs; as_of is the latest that saw it run.
        seen = covenant.status.as_of
        if seen is None:
            return t("status.unknown")
        return t("status.phrase.unknown", date=t.date(seen), on_date=t.on_date(seen))
    return t(f"status.phrase.{status.value}")


@dataclass(frozen=True)
class Milestone:
    """One dated event in a covenant's life, for its factsheet and the timeline."""

    date: PartialDate
    text: str
    sources: tuple[str, ...]


def milestones(covenant: Covenant, corpus: Corpus, t: Translator) -> list[Milestone]:
    """The covenant's dated events in order: signed, in force, parties leaving, end."""
    events: list[Milestone] = []
    for name, fact in covenant.dated_facts():
        events.append(Milestone(fact.date, t(f"factsheet.milestone.{name}"), tuple(fact.sources)))
    for participation in covenant.parties:
        if participation.date is None:
            continue
        party = corpus.parties[participation.party].name_in(t.lang)
        kind = {Role.withdrawn: "withdrawn", Role.declined: "declined"}.get(
            participation.role, "joined"
        )
        text = t(f"factsheet.milestone.{kind}", party=party)
        events.append(Milestone(participation.date, text, tuple(participation.sources)))
    if covenant.successor and covenant.ended:
        successor = corpus.covenants[covenant.successor].short_name.get(t.lang)
        events.append(
            Milestone(
                covenant.ended.date,
                t("factsheet.milestone.successor", name=successor),
                tuple(covenant.ended.sources),
            )
        )
    return sorted(events, key=lambda event: event.date.earliest())


def has_page(key: str) -> bool:
    """Whether the site has a page with this key (pages other helpers add may be missing)."""
    return key in TEXT_PAGES or key in GENERATED_PAGES


def parties_by_kind(
    covenant: Covenant, parties: dict[str, Party]
) -> list[tuple[PartyKind, list[tuple[Party, Any]]]]:
    """The covenant's parties grouped by kind, in the order of the PartyKind list."""
    groups: dict[PartyKind, list[tuple[Party, Any]]] = defaultdict(list)
    for participation in covenant.parties:
        party = parties[participation.party]
        groups[party.kind].append((party, participation))
    return [(kind, groups[kind]) for kind in PartyKind if kind in groups]


def party_covenants(corpus: Corpus) -> dict[str, list[tuple[str, Any]]]:
    """For each party id, the covenants it took part in (slug, participation), by signing date."""
    found: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for slug in by_signing(corpus):
        for participation in corpus.covenants[slug].parties:
            found[participation.party].append((slug, participation))
    return found


def by_signing(corpus: Corpus) -> list[str]:
    """The covenants' slugs in order of signing (or entry into force); undated ones last."""

    def key(slug: str) -> tuple[bool, tuple[int, int, int], str]:
        covenant = corpus.covenants[slug]
        start = covenant.signed or covenant.in_force
        return (start is None, start.date.earliest() if start else (0, 0, 0), slug)

    return sorted(corpus.covenants, key=key)


def roles_of(entries: list[tuple[str, Any]]) -> list[tuple[Role, list[tuple[str, Any]]]]:
    """A party's covenants grouped by its role in them, in the order of the Role list."""
    groups: dict[Role, list[tuple[str, Any]]] = defaultdict(list)
    for slug, participation in entries:
        groups[participation.role].append((slug, participation))
    return [(role, groups[role]) for role in Role if role in groups]


def cards_by_sector(corpus: Corpus, lang: str) -> list[tuple[str, list[str]]]:
    """The covenants grouped by sector (sectors in alphabetical order), each by signing date."""
    groups: dict[str, list[str]] = defaultdict(list)
    for slug in by_signing(corpus):
        groups[corpus.covenants[slug].sector.get(lang)].append(slug)
    return sorted(groups.items(), key=lambda item: item[0].casefold())


def predecessors(corpus: Corpus) -> dict[str, list[str]]:
    """For each covenant that follows others, the slugs of those before it, by slug."""
    found: dict[str, list[str]] = defaultdict(list)
    for slug in sorted(corpus.covenants):
        successor = corpus.covenants[slug].successor
        if successor:
            found[successor].append(slug)
    return dict(found)


class Renderer:
    """Renders every page of the site, one language at a time."""

    def __init__(
        self,
        corpus: Corpus,
        templates: Path = TEMPLATES_DIR,
        *,
        pdf_links: bool = True,
        history: History | None = None,
        report_url: str | None = None,
        site_url: str | None = None,
    ) -> None:
        self.corpus = corpus
        self.history = history or History(unavailable="not read")
        self.report_url = report_url
        """Where a reader reports a mistake: the repository's 'correct a fact' issue form."""
        self.site_url = site_url
        # The Atom feed needs absolute addresses and the history (outputs.post_steps writes
        # it only then): the pages link it in their head exactly when it exists.
        self.feed = bool(site_url) and history is not None
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
        self.env.filters["md_block"] = editor_block
        self.env.filters["heading_id"] = heading_id
        self.env.filters["partial_date"] = lambda day: PartialDate(day.year, day.month, day.day)
        self.env.filters["md_html"] = md_html
        self.env.globals.update(
            Role=Role,
            Status=Status,
            pdf_links=pdf_links,
            format_months=format_months,
            status_phrase=status_phrase,
            number_sources=number_sources,
            source_refs=source_refs,
            source_name=source_name,
            time_phrase=time_phrase,
            party_count=party_count,
            counts_of=counts_of,
            counts_up_front=counts_up_front,
            count_phrase=count_phrase,
            years=years,
            unions=unions,
            first_sentence=first_sentence,
            has_page=has_page,
            by_signing=by_signing,
            roles_of=roles_of,
            cards_by_sector=cards_by_sector,
            PartyKind=PartyKind,
            facilitators=facilitators,
            parties_by_kind=parties_by_kind,
            milestones=milestones,
            page_name=page_name,
            news=news,
            report_link=self.report_link,
            participants_in_order=participants.in_order,
            letter_slug=participants.letter_slug,
        )
        self._predecessors = predecessors(corpus)
        # The participants grouped into organisations A-Z, once for both languages' pages; made
        # here, before the first page is announced, because its cost grows with the number of
        # participants (about a second for 100,000 on an idle machine), not with any one text.
        self._letters = participants.by_letter(participants.organisations(corpus))
        self.on_page: Callable[[str], None] = lambda name: None
        """Told the file name of each page before it is rendered (the build's slow-page watch)."""
        # The UI strings as a mapping too ({{ ui['factsheet.signed'] }}), plain and with
        # abbreviations marked: looked up, not called, on the pages made by the thousand.
        self._ui = {lang: strings(lang) for lang in LANGUAGES}
        self._ui_abbr: dict[str, dict[str, Markup]] = {}
        for lang in LANGUAGES:
            mark = abbreviation_markup(abbreviations(corpus, lang))
            self._ui_abbr[lang] = {key: mark(text) for key, text in self._ui[lang].items()}

    def render(self, template: str, **context: Any) -> str:
        """Render one template with the shared context."""
        return self.env.get_template(template).render(**context)

    def page(
        self, lang: str, key: str, kind: str, title: str, in_nav: bool = True, **context: Any
    ) -> Page:
        """Render one page of a kind, with its metadata and language switch."""
        t: Translator = context["t"]
        other = next(code for code in LANGUAGES if code != lang)
        name = context.pop("name", None) or page_name(key, lang)
        other_name = context.pop("other_name", None) or page_name(key, other)
        self.on_page(f"{name}.md")
        body = self.render(
            f"pages/{kind}.md.j2",
            lang=lang,
            key=key,
            corpus=self.corpus,
            title=title,
            predecessors=self._predecessors,
            ui=self._ui[lang],
            ui_abbr=self._ui_abbr[lang],
            **context,
        )
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
        body, blocks = stash_html(body)
        # The metadata reaches mkdocs through the hooks, not as front matter (which mkdocs
        # parses with the pure-Python YAML loader); the blank first line tells mkdocs that
        # the page has no metadata of its own, whatever its first line says.
        return Page(
            key=key,
            name=name,
            title=title,
            markdown="\n" + body,
            in_nav=in_nav,
            blocks=blocks,
            meta=meta,
        )

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
        """Every page of one language."""
        t = Translator(lang)
        pages: list[Page] = []
        for key in TEXT_PAGES:
            text = self.corpus.texts[key][lang]
            title, body = split_title(text)
            kind = "home" if key == "index" else "text"
            pages.append(self.page(lang, key, kind, title, t=t, body=body))
        pages.append(self.page(lang, "overview", "overview", t("overview.title"), t=t))
        # Pages whose arguments take work are announced before it (see on_page).
        self.on_page(f"{page_name('due-diligence', lang)}.md")
        steps = self.corpus.due_diligence.steps
        pages.append(
            self.page(
                lang, "due-diligence", "due-diligence", t("due_diligence.title"), t=t,
                diagram=diagram.cycle_svg(steps, t),
            )
        )  # fmt: skip
        self.on_page(f"{page_name('timeline', lang)}.md")
        pages.append(
            self.page(
                lang, "timeline", "timeline", t("timeline.title"), t=t,
                svg=timeline.svg(self.corpus, t), rows=timeline.rows(self.corpus, t),
                period=timeline.period,
            )
        )  # fmt: skip
        self.on_page(f"{page_name('parties', lang)}.md")
        pages.append(
            self.page(
                lang, "parties", "parties", t("parties_page.title"), t=t,
                by_party=party_covenants(self.corpus), kinds=list(PartyKind),
            )
        )  # fmt: skip
        pages += self.participant_pages(lang, t)
        pages.append(self.page(lang, "glossary", "glossary", t("glossary.title"), t=t))
        pages.append(self.page(lang, "data", "data", t("data.title"), t=t, data=data))
        self.on_page(f"{page_name('news', lang)}.md")
        listed = news.items(self.history, self.corpus, t, news.NEWS_ENTRIES)
        pages.append(
            self.page(
                lang, "news", "news", t("history.title"), t=t,
                items=listed, unavailable=self.history.unavailable,
            )
        )  # fmt: skip
        pages.append(
            self.page(
                lang, "corrections", "corrections", t("history.corrections_title"), t=t,
                items=news.corrections(self.history, self.corpus, t),
                unavailable=self.history.unavailable,
            )
        )  # fmt: skip
        for slug, covenant in self.corpus.covenants.items():
            self.on_page(f"{slug}.md")
            pages.append(
                self.page(
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
                    description=first_sentence(covenant.summary.get(lang)),
                    history=self.history.of(slug),
                )
            )
        pages += self.moved(lang, t, {page.key: page for page in pages})
        return pages

    def moved(self, lang: str, t: Translator, by_key: dict[str, Page]) -> list[Page]:
        """The pages at old addresses: a link to where their content is now, not indexed."""
        pages = []
        for old, moved in MOVED_PAGES.items():
            target = by_key[moved.target]
            anchor = moved.anchors.get(lang)
            page = self.page(
                lang, old, "moved", t("moved.title"), in_nav=False, t=t, name=old,
                other_name=old, href=f"{target.name}.html" + (f"#{anchor}" if anchor else ""),
                target_title=target.title,
            )  # fmt: skip
            # A plain page, not a redirect: no meta refresh, and search engines and the
            # site's own search leave it out (Pagefind: the template's data-pagefind-ignore).
            page.meta["robots"] = "noindex"
            page.meta["search"] = {"exclude": True}  # type: ignore[assignment]
            pages.append(page)
        return pages

    def participant_pages(self, lang: str, t: Translator) -> list[Page]:
        """'Is my organisation taking part?': one page, or an index and a page per letter."""
        name = page_name("participants", lang)
        self.on_page(f"{name}.md")
        letters = self._letters
        common: dict[str, Any] = {"t": t, "legal_forms": " ".join(participants.LEGAL_FORMS)}
        title = t("participants.title")
        count = sum(len(orgs) for _letter, orgs in letters)
        common["cited_slugs"] = {
            entry.slug
            for _letter, orgs in letters
            for _anchor, org in orgs
            for entry in org.entries
        }
        if count < participants.SPLIT_FROM:
            page = self.page(
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
            self.page(
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
            self.on_page(f"{name}-{suffix}.md")
            common["cited_slugs"] = {entry.slug for _anchor, org in orgs for entry in org.entries}
            pages.append(
                self.page(
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

    def nav(self, lang: str, pages: list[Page]) -> list[dict[str, str]]:
        """The menu of one language: the pages in NAV_ORDER that exist, then any others."""
        by_key = {page.key: page for page in pages if page.in_nav}
        order = [key for key in NAV_ORDER if key in by_key]
        order += sorted(key for key in by_key if key not in order)
        # The theme prints menu titles unescaped: escape them here.
        return [{theme_text(by_key[key].title): f"{by_key[key].name}.md"} for key in order]


def split_title(markdown: str) -> tuple[str, str]:
    """Take the '# Title' line off a text; return the title and the rest."""
    lines = markdown.strip().splitlines()
    if lines and lines[0].startswith("# "):
        return lines[0][2:].strip(), "\n".join(lines[1:]).strip() + "\n"
    return "", markdown


def first_sentence(markdown: str) -> str:
    """The first sentence of a text, without Markdown, for the page's meta description."""
    # Only the start counts, and no pattern may scan ahead from every '<' or '[' of a long
    # text: on 100,000 '[' in a row that took 50 s.
    plain = re.sub(r"<[^<>]*>", "", markdown[:3000])  # raw HTML: keep only its text
    plain = re.sub(r"\[([^\[\]]*)\]\([^()]*\)", r"\1", plain)  # a link: keep its text
    plain = re.sub(r"[*_`#>\[\]]", "", plain).strip()
    match = re.match(r"(.+?[.!?])(\s|$)", plain, re.S)
    sentence = match.group(1) if match else plain
    return " ".join(sentence.split())[:300]
