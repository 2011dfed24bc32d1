"""Small pieces of markup the templates share: a fact's sources control and a date in words."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from imvo.model.content import Covenant, Source
from imvo.model.dates import PartialDate
from imvo.render.i18n import Translator


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


def rows_sources(covenant: Covenant, t: Translator, rows: Any) -> Markup:
    """One sources control for a list of facts (the factsheet's summary list): closed, one
    short line ("Bronnen van deze gegevens"); opened, each fact's label and its sources by
    name, linked. The facts' own lines stay free of controls."""
    by_id = {source.id: source for source in covenant.sources}
    items = []
    for label, ids in rows:
        named = []
        for source_id in dict.fromkeys(ids):
            source = by_id.get(source_id)
            if source is None:
                continue
            name = html.escape(source_name(source))
            named.append(
                f'<a href="{html.escape(source.url)}">{name}</a>'
                if source.url
                else f"<cite>{name}</cite>"
            )
        if named:
            items.append(f"<li><strong>{html.escape(label)}:</strong> {'; '.join(named)}</li>")
    if not items:
        return Markup("")
    return Markup(
        '<details class="imvo-src imvo-summary__sources">'
        f"<summary>{html.escape(t('factsheet.row_sources'))}</summary>"
        f"<ul>{''.join(items)}</ul></details>"
    )
