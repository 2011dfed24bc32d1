"""Drawing the diagrams: shapes as plain data, turned into SVG by templates/partials/*.svg.j2.

The timeline and the due-diligence cycle compute their geometry in Python (timeline.py,
diagram.py) as frozen dataclasses of the shapes below; a template only writes those numbers
and texts out, so the geometry can be tested as data and the markup read as markup. The
templates autoescape every text: a name from the content never reaches the SVG as markup.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

Point = tuple[float, float]
"""x and y in the units of a viewBox."""


@dataclass(frozen=True)
class Rect:
    """A rectangle in the units of a viewBox."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        """The x of the rectangle's right edge."""
        return self.x + self.width

    @property
    def bottom(self) -> float:
        """The y of the rectangle's bottom edge."""
        return self.y + self.height

    def contains(self, point: Point, margin: float = 0) -> bool:
        """Whether the point lies inside the rectangle grown by `margin` on every side."""
        px, py = point
        return (
            self.x - margin <= px <= self.right + margin
            and self.y - margin <= py <= self.bottom + margin
        )

    def overlaps(self, other: Rect) -> bool:
        """Whether the two rectangles share any point, edges included."""
        return not (
            self.right < other.x
            or other.right < self.x
            or self.bottom < other.y
            or other.bottom < self.y
        )


@dataclass(frozen=True)
class Line:
    """A straight line from (x1, y1) to (x2, y2)."""

    x1: float
    y1: float
    x2: float
    y2: float


@functools.cache
def _environment() -> Environment:
    # Imported here, not at the top: imvo.render.renderer imports the diagram modules, which import
    # this.
    from imvo.render.renderer import TEMPLATES_DIR, template_cache

    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        undefined=StrictUndefined,
        autoescape=True,
        # Block tags on lines of their own leave nothing behind; each line of markup ends in
        # {# -#}, so the SVG comes out as one line (in Markdown a blank line would end it).
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        bytecode_cache=template_cache(),
    )


def draw(template: str, **context: Any) -> Markup:
    """Render one SVG partial (a name under templates/) with the given shapes."""
    return Markup(_environment().get_template(template).render(**context))
