"""The due-diligence cycle as an inline SVG: the steps in a ring, joined by arrows.

Labels are real <text> (searchable, translatable, readable by screen readers and in print),
and each step links to its explanation further down the page (#<step id>).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

from imvo.i18n import Translator
from imvo.model import DueDiligenceStep

SIZE = 400
RADIUS = 134
BOX_W = 138
BOX_H = 68
FONT = 15
LINE = 17
WRAP = 15
"""Characters per label line: a 138-unit box holds about 15 characters at 15 units."""


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


def _point(angle: float, radius: float = RADIUS) -> tuple[float, float]:
    return (
        round(SIZE / 2 + radius * math.cos(angle), 1),
        round(SIZE / 2 + radius * math.sin(angle), 1),
    )


def _leave(angle: float, direction: int) -> float:
    """The angle at which the ring leaves the box centred at `angle` (plus a small gap)."""
    cx, cy = _point(angle)
    step = direction * 0.01
    current = angle
    for _ in range(300):
        current += step
        px, py = _point(current)
        if abs(px - cx) > BOX_W / 2 + 4 or abs(py - cy) > BOX_H / 2 + 4:
            break
    return current


def cycle_svg(steps: Sequence[DueDiligenceStep], t: Translator) -> Markup:
    """The steps as a ring of linked boxes with arrows between them, clockwise from the top."""
    count = len(steps)
    lang = t.lang
    title_id = "imvo-dd-title"
    out = [
        f'<svg class="imvo-dd" viewBox="0 0 {SIZE} {SIZE}" width="{SIZE}" height="{SIZE}" '
        f'aria-labelledby="{title_id}" focusable="false">',
        f'<title id="{title_id}">{escape(t("due_diligence_page.svg_title", n=count))}</title>',
        f'<text class="imvo-dd__centre" x="{SIZE / 2}" y="{SIZE / 2 - 4}" '
        f'text-anchor="middle" font-size="{FONT + 3}" font-weight="bold">'
        f"{escape(t('due_diligence_page.centre'))}</text>",
        f'<text class="imvo-dd__centre" x="{SIZE / 2}" y="{SIZE / 2 + 16}" '
        f'text-anchor="middle" font-size="{FONT}">{escape(t("due_diligence_page.cycle"))}</text>',
    ]
    angles = [-math.pi / 2 + 2 * math.pi * index / count for index in range(count)]
    # Arrows first, so the boxes lie on top of their ends.
    for index in range(count):
        following = angles[(index + 1) % count] + (2 * math.pi if index + 1 == count else 0)
        begin = _leave(angles[index], 1)
        end = _leave(following, -1) - 0.04
        (x1, y1), (x2, y2) = _point(begin), _point(end)
        out.append(
            f'<path class="imvo-dd__arrow" d="M{x1} {y1} A{RADIUS} {RADIUS} 0 0 1 {x2} {y2}" '
            f'fill="none" stroke-width="2" aria-hidden="true"></path>'
        )
        # Arrowhead: a triangle pointing along the circle (clockwise tangent).
        tangent = end + math.pi / 2
        tip = (x2 + 7 * math.cos(tangent), y2 + 7 * math.sin(tangent))
        left = (x2 + 5 * math.cos(end), y2 + 5 * math.sin(end))
        right = (x2 - 5 * math.cos(end), y2 - 5 * math.sin(end))
        points = " ".join(f"{round(px, 1)},{round(py, 1)}" for px, py in (tip, left, right))
        out.append(
            f'<polygon class="imvo-dd__head" points="{points}" aria-hidden="true"></polygon>'
        )
    for index, (step, angle) in enumerate(zip(steps, angles, strict=True), start=1):
        cx, cy = _point(angle)
        lines = wrap(step.title.get(lang))
        out.append(f'<a class="imvo-dd__step" href="#{step.id}">')
        out.append(
            f'<rect x="{round(cx - BOX_W / 2, 1)}" y="{round(cy - BOX_H / 2, 1)}" '
            f'width="{BOX_W}" height="{BOX_H}" rx="8"></rect>'
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
