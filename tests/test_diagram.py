"""The due-diligence cycle: one linked box per step, labels as real text, both languages."""

from __future__ import annotations

import re
from pathlib import Path

from imvo.diagram import cycle_svg, wrap
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
