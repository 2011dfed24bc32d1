"""The due-diligence cycle as an inline SVG: the steps in a ring of two columns, joined by arrows.

Labels are real <text> (searchable, translatable, readable by screen readers and in print),
and each step links to its explanation further down the page (#<step id>).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

from imvo.i18n import Translator
from imvo.model import DueDiligenceStep

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


def cycle_svg(steps: Sequence[DueDiligenceStep], t: Translator) -> Markup:
    """The steps as a ring of linked boxes with arrows between them, clockwise from the top."""
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

    title_id = "imvo-dd-title"
    out = [
        f'<svg class="imvo-dd" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" aria-labelledby="{title_id}" focusable="false">',
        f'<title id="{title_id}">{escape(t("due_diligence_page.svg_title", n=count))}</title>',
        f"<desc>{escape(t('due_diligence_page.centre'))}: {escape(t('due_diligence_page.cycle'))}"
        "</desc>",
    ]
    for index in range(count if count > 1 else 0):
        (x1, y1), (x2, y2) = centre(places[index]), centre(places[(index + 1) % count])
        length = math.hypot(x2 - x1, y2 - y1)
        dx, dy = (x2 - x1) / length, (y2 - y1) / length
        # Two steps: the way there above, the way back below, so the two never overlap.
        shift = 12 if count == 2 else 0
        x1, y1, x2, y2 = x1 - dy * shift, y1 + dx * shift, x2 - dy * shift, y2 + dx * shift
        start = _edge(x1, y1, dx, dy, box_h / 2) + GAP
        stop = _edge(x2, y2, dx, dy, box_h / 2) + GAP
        ax, ay = x1 + dx * start, y1 + dy * start
        tip_x, tip_y = x2 - dx * stop, y2 - dy * stop
        base_x, base_y = tip_x - dx * HEAD, tip_y - dy * HEAD
        out.append(
            f'<path class="imvo-dd__arrow" d="M{round(ax, 1)} {round(ay, 1)} '
            f'L{round(base_x, 1)} {round(base_y, 1)}" fill="none" stroke-width="2" '
            'aria-hidden="true"></path>'
        )
        head = [
            (tip_x, tip_y),
            (base_x - dy * 5, base_y + dx * 5),
            (base_x + dy * 5, base_y - dx * 5),
        ]
        points = " ".join(f"{round(px, 1)},{round(py, 1)}" for px, py in head)
        out.append(
            f'<polygon class="imvo-dd__head" points="{points}" aria-hidden="true"></polygon>'
        )
    for index, (step, lines, place) in enumerate(zip(steps, labels, places, strict=True), 1):
        cx, cy = centre(place)
        out.append(f'<a class="imvo-dd__step" href="#{step.id}">')
        out.append(
            f'<rect x="{round(cx - BOX_W / 2, 1)}" y="{round(cy - box_h / 2, 1)}" '
            f'width="{BOX_W}" height="{box_h}" rx="8"></rect>'
        )
        first_y = cy - (len(lines) + 1) * LINE / 2 + FONT - 1
        out.append(
            f'<text x="{cx}" y="{round(first_y, 1)}" text-anchor="middle" font-size="{FONT}">'
            f'<tspan font-weight="bold">{index}</tspan>'
        )
        for number, line in enumerate(lines, start=1):
            out.append(
                f'<tspan x="{cx}" y="{round(first_y + number * LINE, 1)}">{escape(line)}</tspan>'
            )
        out.append("</text></a>")
    out.append("</svg>")
    return Markup("".join(out))
