"""The due-diligence cycle: one linked box per step, labels as real text, both languages."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from imvo.drawing.cycle import cells, cycle_svg, layout, wrap
from imvo.drawing.shapes import Rect
from imvo.model.content import Corpus, DueDiligenceStep
from imvo.render.i18n import Translator


def test_wrap_breaks_at_spaces_into_at_most_three_lines() -> None:
    assert wrap("Communiceren en herstel bieden") == ["Communiceren en", "herstel bieden"]
    assert wrap("Beleid") == ["Beleid"]
    assert wrap("a b c d e f", width=1) == ["a", "b", "c d e f"]


def test_fixture_steps_are_linked_boxes_with_text_labels(fixture_corpus: Corpus) -> None:
    steps = fixture_corpus.due_diligence.steps
    dutch = str(cycle_svg(steps, Translator("nl")))
    english = str(cycle_svg(steps, Translator("en")))
    assert re.findall(r'<a class="imvo-dd__step" href="#([^"]+)">', dutch) == [
        "policy",
        "risk-analysis",
    ]
    assert re.findall(r'<tspan x="[\d.]+" y="[\d.]+">([^<]+)</tspan>', dutch) == [
        "Beleidsbepaling",
        "Risicoanalyse",
    ]
    assert re.findall(r'<tspan x="[\d.]+" y="[\d.]+">([^<]+)</tspan>', english) == [
        "Policy",
        "Risk analysis",
    ]
    assert (
        '<title id="imvo-dd-title">De 2 stappen van due diligence, als een kringloop</title>'
        in dutch
    )
    assert '<title id="imvo-dd-title">The 2 steps of due diligence, as a cycle</title>' in english
    assert dutch.count('class="imvo-dd__arrow"') == 2
    assert dutch.count('class="imvo-dd__head"') == 2


def test_built_page_has_the_cycle_and_every_step_expanded(built_site: Path, corpus: Corpus) -> None:
    steps = corpus.due_diligence.steps
    for page, lang in (("due-diligence.html", "nl"), ("en/due-diligence.html", "en")):
        html = (built_site / page).read_text(encoding="utf-8")
        assert re.findall(r'<a class="imvo-dd__step" href="#([^"]+)">', html) == [
            step.id for step in steps
        ]
        for step in steps:
            assert f'id="{step.id}"' in html
        heading = Translator(lang)("due_diligence_page.what_you_can_do")
        assert html.count(f"<strong>{heading}</strong>") == len(steps)


def _boxes_and_arrow_points(svg: str) -> tuple[list[tuple[float, ...]], list[tuple[float, float]]]:
    boxes = [
        tuple(float(v) for v in found)
        for found in re.findall(
            r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"', svg
        )
    ]
    points: list[tuple[float, float]] = []
    for path in re.findall(
        r'class="imvo-dd__arrow" d="M([\d.]+) ([\d.]+) L([\d.]+) ([\d.]+)"', svg
    ):
        x1, y1, x2, y2 = (float(v) for v in path)
        points += [(x1 + (x2 - x1) * k / 10, y1 + (y2 - y1) * k / 10) for k in range(11)]
    for head in re.findall(r'class="imvo-dd__head" points="([^"]+)"', svg):
        points += [tuple(float(v) for v in pair.split(",")) for pair in head.split()]  # type: ignore[misc]
    return boxes, points


@pytest.mark.parametrize("count", [1, 2, 3, 5, 6, 7])
def test_boxes_and_arrows_never_touch(fixture_corpus: Corpus, count: int) -> None:
    step = fixture_corpus.due_diligence.steps[0]
    steps = [step.model_copy(update={"id": f"s{n}"}) for n in range(count)]
    svg = str(cycle_svg(steps, Translator("nl")))
    boxes, points = _boxes_and_arrow_points(svg)
    assert len(boxes) == count
    assert svg.count('class="imvo-dd__arrow"') == (count if count > 1 else 0)
    for x, y, width, height in boxes:
        for px, py in points:
            outside = px < x - 2 or px > x + width + 2 or py < y - 2 or py > y + height + 2
            assert outside, ((x, y, width, height), (px, py))
    # Two columns of boxes side by side never overlap either.
    for i, (x1, y1, w1, h1) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1 :]:
            assert x1 + w1 < x2 or x2 + w2 < x1 or y1 + h1 < y2 or y2 + h2 < y1


def test_six_steps_make_a_ring_of_two_columns() -> None:
    assert cells(6) == [(0, 0), (0, 1), (1, 1), (2, 1), (2, 0), (1, 0)]
    assert cells(2) == [(0, 0), (0, 1)]
    assert cells(1) == [(0, 0)]


def _steps(fixture_corpus: Corpus, count: int) -> list[DueDiligenceStep]:
    step = fixture_corpus.due_diligence.steps[0]
    return [step.model_copy(update={"id": f"s{n}"}) for n in range(count)]


@pytest.mark.parametrize("count", [1, 2, 3, 5, 6, 7])
def test_layout_keeps_boxes_apart_and_arrows_outside_them(
    fixture_corpus: Corpus, count: int
) -> None:
    cycle = layout(_steps(fixture_corpus, count), Translator("nl"))
    boxes = [step.box for step in cycle.steps]
    view = Rect(0, 0, cycle.width, cycle.height)
    assert len(boxes) == count and len(cycle.arrows) == (count if count > 1 else 0)
    for one, other in itertools.combinations(boxes, 2):
        assert not one.overlaps(other), (one, other)
    for box in boxes:
        assert view.contains((box.x, box.y)) and view.contains((box.right, box.bottom))
    for arrow in cycle.arrows:
        # The shaft from its start to the head's base, every tenth of the way, and the head.
        (x1, y1), (x2, y2) = arrow.start, arrow.base
        shaft = [(x1 + (x2 - x1) * k / 10, y1 + (y2 - y1) * k / 10) for k in range(11)]
        for point in shaft + list(arrow.head):
            assert view.contains(point)
            assert not any(box.contains(point, margin=2) for box in boxes), (arrow, point)


def test_layout_numbers_the_steps_and_keeps_their_text_in_their_box(
    fixture_corpus: Corpus,
) -> None:
    cycle = layout(fixture_corpus.due_diligence.steps, Translator("en"))
    assert [(step.id, step.number) for step in cycle.steps] == [
        ("policy", 1),
        ("risk-analysis", 2),
    ]
    assert [[line.text for line in step.lines] for step in cycle.steps] == [
        ["Policy"],
        ["Risk analysis"],
    ]
    for step in cycle.steps:
        for y in [step.number_y] + [line.y for line in step.lines]:
            # A line's baseline, and the top of its letters a font size above it.
            assert step.box.contains((step.centre_x, y))
            assert step.box.contains((step.centre_x, y - cycle.font))


def test_cycle_is_one_line_and_escapes_the_content_text(fixture_corpus: Corpus) -> None:
    step = fixture_corpus.due_diligence.steps[0]
    odd = step.model_copy(update={"title": step.title.model_copy(update={"nl": "<i>A&B \"'</i>"})})
    drawing = str(cycle_svg([odd], Translator("nl")))
    assert drawing.startswith('<svg class="imvo-dd" viewBox=') and drawing.endswith("</svg>")
    assert "\n" not in drawing
    assert "<i>" not in drawing and "A&B" not in drawing
    assert '">&lt;i&gt;A&amp;B &#34;&#39;&lt;/i&gt;</tspan>' in drawing
