"""The due-diligence cycle as an inline SVG: the steps in a ring of two columns, joined by arrows.

Labels are real <text> (searchable, translatable, readable by screen readers and in print),
and each step links to its explanation further down the page (#<step id>).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from imvo.drawing.shapes import Point, Rect, draw
from imvo.model.content import DueDiligenceStep
from imvo.render.i18n import Translator

WIDTH = 360
"""Width of the viewBox: drawn about 330 px wide on a 360-pixel phone, so that its 16-unit
text is at least 14 px there."""
MARGIN = 4
COLUMN_GAP = 64
"""Room between the two columns of boxes for the arrows that cross from one to the other."""
ROW_GAP = 40
"""Room between two rows for the arrows that go down or up."""
BOX_W = (WIDTH - 2 * MARGIN - COLUMN_GAP) // 2
FONT = 16
LINE = 19
PADDING = 14
GAP = 5
"""The space an arrow keeps from the boxes at both its ends: boxes and arrows never touch."""
HEAD = 9
WRAP = 15
"""Characters per label line: a 144-unit box holds about 15 characters at 16 units."""


def wrap(text: str, width: int = WRAP, lines: int = 3) -> list[str]:
    """Break a label into at most `lines` lines of about `width` characters, at spaces."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1 :])]
    return out


def cells(count: int) -> list[tuple[int, int]]:
    """(row, column) of each step, clockwise round two columns from the top left.

    Along the top row, down the right column, back along the bottom row and up the left:
    a ring that fits a phone's width, where a circle of six boxes would need smaller text.
    """
    rows = max(1, math.ceil(count / 2))
    ring = [(0, 0)] + [(row, 1) for row in range(rows)]
    ring += [(row, 0) for row in range(rows - 1, 0, -1)]
    return ring[:count]


def _edge(cx: float, cy: float, dx: float, dy: float, half_h: float) -> float:
    """How far from a box's centre, along (dx, dy), the line leaves the box."""
    limits = []
    if dx:
        limits.append(BOX_W / 2 / abs(dx))
    if dy:
        limits.append(half_h / abs(dy))
    return min(limits)


@dataclass(frozen=True)
class Arrow:
    """An arrow from one step to the next: a shaft from `start` to `base`, then its head."""

    start: Point
    base: Point
    head: tuple[Point, Point, Point]
    """The tip, then the two back corners."""


@dataclass(frozen=True)
class TextLine:
    """One line of a step's label, centred on x."""

    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Step:
    """One step's box, linked to its explanation (#id), with its number and label lines."""

    id: str
    number: int
    box: Rect
    centre_x: float
    number_y: float
    lines: tuple[TextLine, ...]


@dataclass(frozen=True)
class Cycle:
    """Everything the cycle's SVG draws, in the units of its viewBox."""

    width: int
    height: int
    title: str
    desc: str
    font: int
    arrows: tuple[Arrow, ...]
    steps: tuple[Step, ...]


def _point(x: float, y: float) -> Point:
    return round(x, 1), round(y, 1)


def _arrow(
    one: tuple[float, float], other: tuple[float, float], box_h: float, shift: float
) -> Arrow:
    """The arrow from the box centred at `one` to the box centred at `other`, `GAP` from both."""
    (x1, y1), (x2, y2) = one, other
    length = math.hypot(x2 - x1, y2 - y1)
    dx, dy = (x2 - x1) / length, (y2 - y1) / length
    x1, y1, x2, y2 = x1 - dy * shift, y1 + dx * shift, x2 - dy * shift, y2 + dx * shift
    start = _edge(x1, y1, dx, dy, box_h / 2) + GAP
    stop = _edge(x2, y2, dx, dy, box_h / 2) + GAP
    tip_x, tip_y = x2 - dx * stop, y2 - dy * stop
    base_x, base_y = tip_x - dx * HEAD, tip_y - dy * HEAD
    return Arrow(
        start=_point(x1 + dx * start, y1 + dy * start),
        base=_point(base_x, base_y),
        head=(
            _point(tip_x, tip_y),
            _point(base_x - dy * 5, base_y + dx * 5),
            _point(base_x + dy * 5, base_y - dx * 5),
        ),
    )


def layout(steps: Sequence[DueDiligenceStep], t: Translator) -> Cycle:
    """The cycle's geometry: a ring of boxes, clockwise from the top left, and the arrows."""
    count = len(steps)
    lang = t.lang
    labels = [wrap(step.title.get(lang)) for step in steps]
    box_h = max([len(lines) + 1 for lines in labels] + [3]) * LINE + PADDING
    places = cells(count)
    rows = max(row for row, _ in places) + 1
    height = 2 * MARGIN + rows * box_h + (rows - 1) * ROW_GAP

    def centre(place: tuple[int, int]) -> tuple[float, float]:
        row, column = place
        x = MARGIN + BOX_W / 2 + column * (BOX_W + COLUMN_GAP)
        return x, MARGIN + box_h / 2 + row * (box_h + ROW_GAP)

    # Two steps: the way there above, the way back below, so the two never overlap.
    shift = 12 if count == 2 else 0
    arrows = tuple(
        _arrow(centre(places[index]), centre(places[(index + 1) % count]), box_h, shift)
        for index in range(count if count > 1 else 0)
    )
    boxes = []
    for number, (step, lines, place) in enumerate(zip(steps, labels, places, strict=True), 1):
        cx, cy = centre(place)
        first_y = cy - (len(lines) + 1) * LINE / 2 + FONT - 1
        box = Rect(round(cx - BOX_W / 2, 1), round(cy - box_h / 2, 1), BOX_W, box_h)
        texts = tuple(
            TextLine(cx, round(first_y + row * LINE, 1), line)
            for row, line in enumerate(lines, start=1)
        )
        boxes.append(Step(step.id, number, box, cx, round(first_y, 1), texts))
    return Cycle(
        width=WIDTH,
        height=height,
        title=t("due_diligence_page.svg_title", n=count),
        desc=f"{t('due_diligence_page.centre')}: {t('due_diligence_page.cycle')}",
        font=FONT,
        arrows=arrows,
        steps=tuple(boxes),
    )


def cycle_svg(steps: Sequence[DueDiligenceStep], t: Translator) -> Markup:
    """The steps as a ring of linked boxes with arrows between them, clockwise from the top."""
    return draw("partials/cycle.svg.j2", cycle=layout(steps, t))
