"""The timeline of all covenants: one bar per covenant, drawn at build time as inline SVG.

Each bar runs from the signing (or the entry into force) to the end, or to "today" for a
covenant that is still running; "today" is the date of SOURCE_DATE_EPOCH, so two builds of
the same content are identical. A date known only to the month or year is drawn as that
whole month or year (a lighter stretch at the bar's end). Status is written as text beside
each bar, and a running covenant ends in an arrow, so colour is never the only cue. A covenant
whose status is unknown (no source says whether it still runs) has a solid bar to the end of
its status.as_of, the latest source that saw it running, then an empty dashed stretch to
today and no arrow. The SVG scales with its viewBox; the same events are also given as an
ordered list (see rows()).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from markupsafe import Markup, escape

from imvo.i18n import Translator
from imvo.model import Corpus, PartialDate, Status

WIDTH = 360
"""Width of the viewBox: on a 360-pixel phone the SVG is drawn at about 90% of its size."""
MARGIN = 8
AXIS = 26
ROW = 46
BAR = 13
FONT = 14


def today() -> dt.date:
    """The build's 'today': the date of SOURCE_DATE_EPOCH, else the real date."""
    stamp = os.environ.get("SOURCE_DATE_EPOCH", "")
    if stamp.isdigit():
        return dt.datetime.fromtimestamp(int(stamp), tz=dt.UTC).date()
    return dt.date.today()


@dataclass(frozen=True)
class Row:
    """One covenant on the timeline: what its bar and its list item show."""

    slug: str
    label: str
    status: Status
    status_text: str
    start: PartialDate | None
    start_kind: str
    end: PartialDate | None
    ongoing: bool
    last_seen: PartialDate | None = None
    """For status unknown: the date of the latest source that saw the covenant running."""


def _day(parts: tuple[int, int, int]) -> dt.date:
    return dt.date(*parts)


def rows(corpus: Corpus, t: Translator) -> list[Row]:
    """Every covenant in order of its start; those not yet started come last."""
    result = []
    for slug, covenant in corpus.covenants.items():
        start_fact = covenant.signed or covenant.in_force
        start_kind = "signed" if covenant.signed else "in_force"
        status = covenant.status.value
        # Only an active covenant runs on; one that ended on an unknown date is not "ongoing".
        ongoing = start_fact is not None and covenant.ended is None and status == Status.active
        unknown = status == Status.unknown and start_fact is not None
        last_seen = covenant.status.as_of if unknown else None
        status_text = t(f"status.{status.value}")
        if last_seen is not None:
            status_text = t(
                "status.phrase.unknown", date=t.date(last_seen), on_date=t.on_date(last_seen)
            )
        result.append(
            Row(
                slug=slug,
                label=covenant.short_name.get(t.lang),
                status=status,
                status_text=status_text,
                start=start_fact.date if start_fact else None,
                start_kind=start_kind,
                end=covenant.ended.date if covenant.ended else None,
                ongoing=ongoing,
                last_seen=last_seen,
            )
        )
    return sorted(
        result,
        key=lambda r: (r.start is None, r.start.earliest() if r.start else (0, 0, 0), r.slug),
    )


def _year_step(first: int, last: int) -> int:
    span = last - first
    for step in (1, 2, 5, 10):
        if span / step <= 7:
            return step
    return 20


def svg(corpus: Corpus, t: Translator, now: dt.date | None = None) -> Markup:
    """The timeline as one inline <svg>: an axis of years, one linked bar per covenant."""
    now = now or today()
    drawn = [row for row in rows(corpus, t) if row.start is not None]
    if not drawn:
        return Markup("")
    first = min(_day(r.start.earliest()) for r in drawn if r.start).year
    last_end = max(
        [_day(r.end.latest()) for r in drawn if r.end]
        + [_day(r.last_seen.latest()) for r in drawn if r.last_seen]
        + [now],
    )
    last = last_end.year + 1
    origin = dt.date(first, 1, 1).toordinal()
    days = dt.date(last, 1, 1).toordinal() - origin
    plot = WIDTH - 2 * MARGIN

    def x(day: dt.date) -> float:
        return round(MARGIN + (day.toordinal() - origin) / days * plot, 1)

    height = AXIS + ROW * len(drawn) + AXIS
    title_id = "imvo-tl-title"
    out = [
        f'<svg class="imvo-tl" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" aria-labelledby="{title_id}" focusable="false">',
        f'<title id="{title_id}">{escape(t("timeline.svg_title"))}</title>',
        f"<desc>{escape(t('timeline.svg_desc'))}</desc>",
        '<g class="imvo-tl__axis" aria-hidden="true">',
    ]
    step = _year_step(first, last)
    for year in range(first, last + 1):
        xx = x(dt.date(year, 1, 1))
        out.append(
            f'<line class="imvo-tl__grid" x1="{xx}" x2="{xx}" y1="{AXIS - 6}" '
            f'y2="{height - AXIS + 6}"></line>'
        )
        if (year - first) % step == 0 and year < last:
            for y in (AXIS - 10, height - 8):
                out.append(f'<text x="{xx + 2}" y="{y}" font-size="{FONT - 1}">{year}</text>')
    now_x = x(now)
    out.append(
        f'<line class="imvo-tl__today" x1="{now_x}" x2="{now_x}" y1="{AXIS - 6}" '
        f'y2="{height - AXIS + 6}" stroke-dasharray="3 3"></line>'
    )
    out.append("</g>")
    for index, row in enumerate(drawn):
        assert row.start is not None
        top = AXIS + index * ROW
        start = _day(row.start.earliest())
        if row.end:
            end = _day(row.end.latest())
        elif row.last_seen:
            end = max(_day(row.last_seen.latest()), start)
        else:
            end = now
        x1, x2 = x(start), max(x(end), x(start) + 2)
        if row.ongoing:
            state = t("status.active")  # the status word of every page, not a phrase of its own
        elif row.status == Status.unknown:
            state = t("status.unknown")
        else:
            state = row.status_text
        when = period(row, t)
        out.append(
            f'<a class="imvo-tl__row imvo-tl__row--{row.status.value}" href="{row.slug}.html">'
            f"<title>{escape(row.label)}: {escape(state)}, {escape(when)}</title>"
        )
        out.append(
            f'<text class="imvo-tl__label" x="{MARGIN}" y="{top + FONT + 2}" '
            f'font-size="{FONT}"><tspan font-weight="bold">{escape(row.label)}</tspan>'
            f'<tspan class="imvo-tl__state"> · {escape(state)}</tspan></text>'
        )
        bar_y = top + FONT + 9
        out.append(
            f'<rect class="imvo-tl__bar" x="{x1}" y="{bar_y}" width="{round(x2 - x1, 1)}" '
            f'height="{BAR}" rx="2"></rect>'
        )
        for date in (row.start, row.end or row.last_seen):
            if date is not None and date.precision != "day":
                f1, f2 = x(_day(date.earliest())), x(_day(date.latest()))
                out.append(
                    f'<rect class="imvo-tl__fuzzy" x="{f1}" y="{bar_y}" '
                    f'width="{max(round(f2 - f1, 1), 1)}" height="{BAR}"></rect>'
                )
        if row.last_seen is not None:
            # Unknown whether it runs on: an empty dashed stretch to today, no arrow, no cap.
            if x(now) > x2:
                out.append(
                    f'<rect class="imvo-tl__unknown" x="{x2}" y="{bar_y}" '
                    f'width="{round(x(now) - x2, 1)}" height="{BAR}" fill="none" '
                    f'stroke-dasharray="4 3"></rect>'
                )
        elif row.ongoing:
            # An arrow past today: the covenant runs on.
            tip = min(x2 + 9, WIDTH - 1)
            out.append(
                f'<polygon class="imvo-tl__arrow" points="{x2},{bar_y - 3} {tip},'
                f'{bar_y + BAR / 2} {x2},{bar_y + BAR + 3}"></polygon>'
            )
        else:
            out.append(
                f'<line class="imvo-tl__cap" x1="{x2}" x2="{x2}" y1="{bar_y - 3}" '
                f'y2="{bar_y + BAR + 3}" stroke-width="2"></line>'
            )
        out.append("</a>")
    out.append("</svg>")
    return Markup("".join(out))


def period(row: Row, t: Translator) -> str:
    """The row's period as text: 'juli 2016 – december 2021', 'juli 2016 – heden' or
    'november 2014 – onbekend (liep nog in oktober 2017)'."""
    if row.start is None:
        return t("timeline.not_started")
    if row.end is not None:
        end = t.date(row.end)
    elif row.last_seen is not None:
        end = t(
            "timeline_unknown.period", date=t.date(row.last_seen), on_date=t.on_date(row.last_seen)
        )
    else:
        end = t("timeline.ongoing") if row.ongoing else t("factsheet.unknown")
    return f"{t.date(row.start)} – {end}"
