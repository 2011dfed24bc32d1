"""The due-diligence cycle: one linked box per step, labels as real text, both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from imvo.diagram import cells, cycle_svg, wrap
from imvo.i18n import Translator
from imvo.model import Corpus


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
