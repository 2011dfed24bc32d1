"""The timeline of all covenants: one bar per covenant, drawn at build time as inline SVG.

Each bar runs from the signing (or the entry into force) to the end, or to "today" for a
covenant that is still running; "today" is the build's day (BuildOptions.day, from
SOURCE_DATE_EPOCH), so two builds of the same content are identical. A date known only to
the month or year is drawn as that whole month or year (a lighter stretch at the bar's end).
Status is written as text beside each bar, and a running covenant ends in an arrow, so
colour is never the only cue. A covenant whose status is unknown (no source says whether it
still runs) has a solid bar to the end of its status.as_of, the latest source that saw it
running, then an empty dashed stretch to today and no arrow. The SVG scales with its
viewBox; the same events are also given as an ordered list (see rows()).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from imvo.drawing.shapes import Line, Point, Rect, draw
from imvo.model.content import Corpus, Status
from imvo.model.dates import PartialDate
from imvo.render.i18n import Translator

WIDTH = 360
"""Width of the viewBox: on a 360-pixel phone the SVG is drawn at about 90% of its size."""
MARGIN = 8
AXIS = 26
ROW = 46
BAR = 13
FONT = 14


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
    follows: str | None = None
    """The short name of the covenant this one continues, when that one is on the timeline
    too: its row then comes right after that one's."""


def _day(parts: tuple[int, int, int]) -> dt.date:
    return dt.date(*parts)


def rows(corpus: Corpus, t: Translator) -> list[Row]:
    """Every covenant in order of its start, a covenant that continues another right after
    it (a first term and its second read as one story); those not yet started come last."""
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
    ordered = sorted(
        result,
        key=lambda r: (r.start is None, r.start.earliest() if r.start else (0, 0, 0), r.slug),
    )
    return _chains(corpus, ordered, t)


def _chains(corpus: Corpus, ordered: list[Row], t: Translator) -> list[Row]:
    """The rows with each started successor moved to right after the row it continues, and
    marked with the name of that one."""
    started = {row.slug for row in ordered if row.start is not None}
    by_slug = {row.slug: row for row in ordered}
    after: dict[str, str] = {}  # predecessor -> successor, both started
    for slug in (row.slug for row in ordered if row.start is not None):  # in order: reproducible
        successor = corpus.covenants[slug].successor
        if successor not in started or successor in after.values():
            continue
        ahead = successor  # no circle (the check refuses one; a row is never lost to it)
        while ahead in after and ahead != slug:
            ahead = after[ahead]
        if ahead != slug:
            after[slug] = successor
    moved = set(after.values())
    result: list[Row] = []
    for row in ordered:
        if row.slug in moved:
            continue
        result.append(row)
        slug = row.slug
        while slug in after:
            follows = corpus.covenants[slug].short_name.get(t.lang)
            slug = after[slug]
            result.append(dataclasses.replace(by_slug[slug], follows=follows))
    return result


def _year_step(first: int, last: int) -> int:
    span = last - first
    for step in (1, 2, 5, 10):
        if span / step <= 7:
            return step
    return 20


@dataclass(frozen=True)
class Label:
    """A text at a point: x and y of its baseline's start."""

    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Year:
    """One year on the axis: its grid line, and its number at the top and the bottom if written."""

    line: Line
    labels: tuple[Label, ...]


@dataclass(frozen=True)
class Bar:
    """One covenant's row: its label, its bar and how the bar ends, linked to its factsheet."""

    slug: str
    classes: str
    label: Label
    state: str
    when: str
    bar: Rect
    follows: str | None
    """The short name of the covenant this one continues (its row is right above)."""
    fuzzy: tuple[Rect, ...]
    """The stretches of a date known only to the month or the year, drawn lighter."""
    dashed: Rect | None = None
    """Status unknown: the empty stretch from the last report that it ran to today."""
    arrow: tuple[Point, Point, Point] | None = None
    """Still running: an arrow past today."""
    cap: Line | None = None
    """Ended: a short upright stroke at the end."""


@dataclass(frozen=True)
class Timeline:
    """Everything the timeline's SVG draws, in the units of its viewBox."""

    width: int
    height: int
    title: str
    desc: str
    font: int
    axis_font: int
    years: tuple[Year, ...]
    today: Line
    bars: tuple[Bar, ...]
    follows: str
    """The words before the name of the covenant a bar continues ("Volgt op")."""


@dataclass(frozen=True)
class _Scale:
    """Days to x: 1 January of `first` at the left margin, 1 January of `last` at the right."""

    first: int
    last: int

    def x(self, day: dt.date) -> float:
        """The x of a day on the axis, to a tenth of a unit."""
        origin = dt.date(self.first, 1, 1).toordinal()
        days = dt.date(self.last, 1, 1).toordinal() - origin
        return round(MARGIN + (day.toordinal() - origin) / days * (WIDTH - 2 * MARGIN), 1)


def _years(scale: _Scale, height: int) -> tuple[Year, ...]:
    """A grid line for every year; its number every `step` years, above and below."""
    step = _year_step(scale.first, scale.last)
    years = []
    for year in range(scale.first, scale.last + 1):
        xx = scale.x(dt.date(year, 1, 1))
        written = (year - scale.first) % step == 0 and year < scale.last
        labels = tuple(Label(xx + 2, y, str(year)) for y in (AXIS - 10, height - 8) if written)
        years.append(Year(Line(xx, AXIS - 6, xx, height - AXIS + 6), labels))
    return tuple(years)


def _state(row: Row, t: Translator) -> str:
    """The status beside a bar, in the words of every other page."""
    if row.ongoing:
        return t("status.active")  # the status word of every page, not a phrase of its own
    if row.status == Status.unknown:
        return t("status.unknown")
    return row.status_text


def _fuzzy(date: PartialDate, bar_y: int, scale: _Scale) -> Rect:
    """The whole month or year of a date known only to that, at least a unit wide."""
    x1, x2 = scale.x(_day(date.earliest())), scale.x(_day(date.latest()))
    return Rect(x1, bar_y, max(round(x2 - x1, 1), 1), BAR)


def _bar(row: Row, index: int, scale: _Scale, now: dt.date, t: Translator) -> Bar:
    """The geometry of one covenant's row; its index counts from the top."""
    assert row.start is not None
    top = AXIS + index * ROW
    start = _day(row.start.earliest())
    if row.end:
        end = _day(row.end.latest())
    elif row.last_seen:
        end = max(_day(row.last_seen.latest()), start)
    else:
        end = now
    x = scale.x
    x1, x2 = x(start), max(x(end), x(start) + 2)
    bar_y = top + FONT + 9
    fuzzy = tuple(
        _fuzzy(date, bar_y, scale)
        for date in (row.start, row.end or row.last_seen)
        if date is not None and date.precision != "day"
    )
    bar = Bar(
        slug=row.slug,
        classes=f"imvo-tl__row imvo-tl__row--{row.status.value}",
        label=Label(MARGIN, top + FONT + 2, row.label),
        state=_state(row, t),
        when=period(row, t),
        bar=Rect(x1, bar_y, round(x2 - x1, 1), BAR),
        follows=row.follows,
        fuzzy=fuzzy,
    )
    if row.last_seen is not None:
        # Unknown whether it runs on: an empty dashed stretch to today, no arrow, no cap.
        dashed = Rect(x2, bar_y, round(x(now) - x2, 1), BAR) if x(now) > x2 else None
        return dataclasses.replace(bar, dashed=dashed)
    if row.ongoing:
        # An arrow past today: the covenant runs on.
        tip = min(x2 + 9, WIDTH - 1)
        arrow = ((x2, bar_y - 3), (tip, bar_y + BAR / 2), (x2, bar_y + BAR + 3))
        return dataclasses.replace(bar, arrow=arrow)
    return dataclasses.replace(bar, cap=Line(x2, bar_y - 3, x2, bar_y + BAR + 3))


def layout(corpus: Corpus, t: Translator, now: dt.date) -> Timeline | None:
    """The timeline's geometry: an axis of years and one bar per started covenant, or None."""
    drawn = [row for row in rows(corpus, t) if row.start is not None]
    if not drawn:
        return None
    first = min(_day(r.start.earliest()) for r in drawn if r.start).year
    last_end = max(
        [_day(r.end.latest()) for r in drawn if r.end]
        + [_day(r.last_seen.latest()) for r in drawn if r.last_seen]
        + [now],
    )
    scale = _Scale(first, last_end.year + 1)
    height = AXIS + ROW * len(drawn) + AXIS
    now_x = scale.x(now)
    return Timeline(
        width=WIDTH,
        height=height,
        title=t("timeline.svg_title"),
        desc=t("timeline.svg_desc"),
        font=FONT,
        axis_font=FONT - 1,
        years=_years(scale, height),
        today=Line(now_x, AXIS - 6, now_x, height - AXIS + 6),
        bars=tuple(_bar(row, index, scale, now, t) for index, row in enumerate(drawn)),
        follows=t("timeline.follows"),
    )


def svg(corpus: Corpus, t: Translator, now: dt.date) -> Markup:
    """The timeline as one inline <svg>: an axis of years, one linked bar per covenant."""
    drawing = layout(corpus, t, now)
    if drawing is None:
        return Markup("")
    return draw("partials/timeline.svg.j2", tl=drawing)


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
