"""The timeline: one linked bar per covenant, dates to their precision, and its text version."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from pathlib import Path

import pytest

from imvo.drawing.shapes import Rect
from imvo.drawing.timeline import layout, period, rows, svg
from imvo.model.content import Corpus, DatedFact, Status, StatusFact
from imvo.render.i18n import Translator

NOW = dt.date(2021, 3, 1)


def test_fixture_bar_links_to_its_factsheet_with_status_as_text(fixture_corpus: Corpus) -> None:
    drawing = str(svg(fixture_corpus, Translator("nl"), NOW))
    assert drawing.count('<a class="imvo-tl__row') == 1
    assert '<a class="imvo-tl__row imvo-tl__row--ended" href="voorbeeld.html">' in drawing
    assert (
        '<tspan font-weight="bold">Voorbeeld</tspan>'
        '<tspan class="imvo-tl__state"> · Afgelopen</tspan>'
    ) in drawing
    assert "<title>Voorbeeld: Afgelopen, 4 juli 2016 – juni 2020</title>" in drawing
    # An ended covenant ends in a cap, not in the arrow of a running one.
    assert 'class="imvo-tl__cap"' in drawing
    assert "imvo-tl__arrow" not in drawing


def test_month_only_end_is_drawn_as_the_whole_month(fixture_corpus: Corpus) -> None:
    # Axis 2016-01-01 .. 2022-01-01 (2192 days) over 344 units from x=8: June 2020 runs
    # from day 1613 (x=261.1) to day 1642 (x=265.7).
    drawing = str(svg(fixture_corpus, Translator("en"), NOW))
    assert re.findall(
        r'<rect class="imvo-tl__fuzzy" x="([\d.]+)" y="\d+" width="([\d.]+)"', drawing
    ) == [("261.1", "4.6")]
    # The bar itself runs from 4 July 2016 to the last day of June 2020.
    assert '<rect class="imvo-tl__bar" x="37.0" y="49" width="228.7" height="13" rx="2">' in drawing


def test_running_covenant_runs_to_today_with_an_arrow(fixture_corpus: Corpus) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"].model_copy(
        update={"ended": None, "status": StatusFact(value=Status.active)}
    )
    corpus = dataclasses.replace(fixture_corpus, covenants={"voorbeeld": covenant})
    t = Translator("nl")
    drawing = str(svg(corpus, t, NOW))
    assert 'class="imvo-tl__arrow"' in drawing
    # The status in the words of every other page ("Loopt"), not a phrase of its own.
    assert '<tspan class="imvo-tl__state"> · Loopt</tspan>' in drawing
    assert [period(row, t) for row in rows(corpus, t)] == ["4 juli 2016 – heden"]


def test_ended_covenant_without_end_date_is_not_ongoing(fixture_corpus: Corpus) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"].model_copy(update={"ended": None})
    corpus = dataclasses.replace(fixture_corpus, covenants={"voorbeeld": covenant})
    t = Translator("en")
    assert [period(row, t) for row in rows(corpus, t)] == ["4 July 2016 – unknown"]
    drawing = str(svg(corpus, t, NOW))
    assert "imvo-tl__arrow" not in drawing
    assert '<tspan class="imvo-tl__state"> · Ended</tspan>' in drawing


def test_unknown_status_bar_ends_at_as_of_then_a_dashed_stretch_to_today(
    fixture_corpus: Corpus,
) -> None:
    status = StatusFact.model_validate({"value": "unknown", "as_of": "2019-10"})
    covenant = fixture_corpus.covenants["voorbeeld"].model_copy(
        update={"ended": None, "status": status}
    )
    corpus = dataclasses.replace(fixture_corpus, covenants={"voorbeeld": covenant})
    t = Translator("nl")
    drawing = str(svg(corpus, t, NOW))
    assert '<a class="imvo-tl__row imvo-tl__row--unknown" href="voorbeeld.html">' in drawing
    assert '<tspan class="imvo-tl__state"> · Onbekend</tspan>' in drawing
    # The solid bar runs from 4 July 2016 (x=37.0) to the last day of October 2019
    # (x=227.6), the month drawn lighter; an empty dashed stretch runs on to today (x=304.0).
    assert '<rect class="imvo-tl__bar" x="37.0" y="49" width="190.6" height="13" rx="2">' in drawing
    assert '<rect class="imvo-tl__fuzzy" x="222.8" y="49" width="4.8" height="13">' in drawing
    assert (
        '<rect class="imvo-tl__unknown" x="227.6" y="49" width="76.4" height="13" fill="none" '
        'stroke-dasharray="4 3"></rect>'
    ) in drawing
    assert '<line class="imvo-tl__today" x1="304.0"' in drawing
    # Not running on, not ended: neither an arrow nor a cap.
    assert "imvo-tl__arrow" not in drawing
    assert "imvo-tl__cap" not in drawing
    assert [(period(row, t), row.status_text) for row in rows(corpus, t)] == [
        (
            "4 juli 2016 – onbekend (liep nog in oktober 2019)",
            "Status onbekend: het laatste bericht dat het liep is van oktober 2019",
        )
    ]
    english = Translator("en")
    assert [period(row, english) for row in rows(corpus, english)] == [
        "4 July 2016 – unknown (last reported running in October 2019)"
    ]


def test_covenant_without_dates_has_no_bar_and_comes_last(fixture_corpus: Corpus) -> None:
    undated = fixture_corpus.covenants["voorbeeld"].model_copy(
        update={"signed": None, "in_force": None, "ended": None}
    )
    signed_late = fixture_corpus.covenants["voorbeeld"].model_copy(
        update={"signed": DatedFact.model_validate({"date": "2018"})}
    )
    corpus = dataclasses.replace(
        fixture_corpus, covenants={"a-undated": undated, "b-late": signed_late}
    )
    t = Translator("en")
    assert [(row.slug, period(row, t)) for row in rows(corpus, t)] == [
        ("b-late", "2018 – June 2020"),
        ("a-undated", "not yet signed"),
    ]
    drawing = str(svg(corpus, t, NOW))
    assert re.findall(r'href="([^"]+)"', drawing) == ["b-late.html"]


def test_a_second_term_comes_right_after_the_first_and_says_so(fixture_corpus: Corpus) -> None:
    """A covenant that continues another is drawn and listed right after it, whatever starts
    in between, its label marked with an arrow and its title naming the first term."""
    base = fixture_corpus.covenants["voorbeeld"]

    def signed(date: str, **changes: object) -> object:
        return base.model_copy(
            update={"signed": DatedFact.model_validate({"date": date}), **changes}
        )

    second = signed("2021", ended=None, status=StatusFact(value=Status.active))
    short = base.short_name.model_copy(update={"nl": "Tweede termijn", "en": "Second term"})
    corpus = dataclasses.replace(
        fixture_corpus,
        covenants={
            "a-first": signed("2016", successor="c-second"),
            "b-between": signed("2018"),
            "c-second": second.model_copy(update={"short_name": short}),
        },
    )
    t = Translator("nl")
    assert [(row.slug, row.follows) for row in rows(corpus, t)] == [
        ("a-first", None),
        ("c-second", "Voorbeeld"),
        ("b-between", None),
    ]
    drawing = str(svg(corpus, t, NOW))
    assert re.findall(r'href="([^"]+)"', drawing) == [
        "a-first.html",
        "c-second.html",
        "b-between.html",
    ]
    assert (
        '<tspan class="imvo-tl__follows" aria-hidden="true">↳ </tspan>'
        '<tspan font-weight="bold">Tweede termijn</tspan>'
    ) in drawing
    assert "<title>Tweede termijn: Loopt, 2021 – heden; Volgt op Voorbeeld</title>" in drawing
    assert drawing.count("imvo-tl__follows") == 1


def test_a_hostile_first_term_name_reaches_the_second_terms_title_as_text(
    fixture_corpus: Corpus,
) -> None:
    """The name of the agreement a second term follows is written into the drawing's title
    from content: it is escaped there, as every other text of the drawing."""
    base = fixture_corpus.covenants["voorbeeld"]
    hostile = '"><script>alert(1)</script><svg onload=alert(2)>'
    name = base.short_name.model_copy(update={"nl": hostile, "en": hostile})
    corpus = dataclasses.replace(
        fixture_corpus,
        covenants={
            "a-first": base.model_copy(update={"successor": "b-second", "short_name": name}),
            "b-second": base.model_copy(
                update={"signed": DatedFact.model_validate({"date": "2021"})}
            ),
        },
    )
    drawing = str(svg(corpus, Translator("nl"), NOW))
    escaped = "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;svg onload=alert(2)&gt;"
    assert f"; Volgt op {escaped}</title>" in drawing
    assert "<script" not in drawing and "<svg onload" not in drawing


def test_two_covenants_that_name_each_other_as_successor_are_each_drawn_once(
    fixture_corpus: Corpus,
) -> None:
    base = fixture_corpus.covenants["voorbeeld"]
    corpus = dataclasses.replace(
        fixture_corpus,
        covenants={
            "a": base.model_copy(update={"successor": "b"}),
            "b": base.model_copy(update={"successor": "a"}),
        },
    )
    assert [row.slug for row in rows(corpus, Translator("en"))] == ["a", "b"]


@pytest.mark.parametrize(("page", "lang"), [("tijdlijn.html", "nl"), ("en/timeline.html", "en")])
def test_built_timeline_has_one_linked_bar_per_covenant_and_a_list(
    built_site: Path, corpus: Corpus, page: str, lang: str
) -> None:
    html = (built_site / page).read_text(encoding="utf-8")
    started = sorted(
        slug for slug, c in corpus.covenants.items() if c.signed is not None or c.in_force
    )
    bars = re.findall(r'<a class="imvo-tl__row imvo-tl__row--\w+" href="([^"]+)\.html">', html)
    assert sorted(bars) == started
    assert len(started) == len(corpus.covenants) - sum(
        1 for c in corpus.covenants.values() if c.signed is None and c.in_force is None
    )
    assert '<svg class="imvo-tl" viewBox="0 0 360 ' in html
    assert 'aria-labelledby="imvo-tl-title" focusable="false"><title id="imvo-tl-title">' in html
    listing = html.split('<ol class="imvo-tl-list">', 1)[1].split("</ol>", 1)[0]
    items = re.findall(r'<li><a href="([^"]+)\.html">([^<]+)</a>', listing)
    assert sorted(slug for slug, _ in items) == sorted(corpus.covenants)
    for slug, label in items:
        assert label == corpus.covenants[slug].short_name.get(lang)


def _four_covenants(fixture_corpus: Corpus) -> Corpus:
    """The fixture's covenant ended, running, of unknown status, and signed in a year only."""
    ended = fixture_corpus.covenants["voorbeeld"]
    running = ended.model_copy(update={"ended": None, "status": StatusFact(value=Status.active)})
    unknown = ended.model_copy(
        update={
            "ended": None,
            "status": StatusFact.model_validate({"value": "unknown", "as_of": "2019-10"}),
        }
    )
    yearly = ended.model_copy(update={"signed": DatedFact.model_validate({"date": "2015"})})
    covenants = {"a-ended": ended, "b-running": running, "c-unknown": unknown, "d-year": yearly}
    return dataclasses.replace(fixture_corpus, covenants=covenants)


def test_layout_gives_each_covenant_its_row_and_its_ending(fixture_corpus: Corpus) -> None:
    drawing = layout(_four_covenants(fixture_corpus), Translator("nl"), NOW)
    assert drawing is not None
    by_slug = {bar.slug: bar for bar in drawing.bars}
    ended, running = by_slug["a-ended"], by_slug["b-running"]
    unknown, yearly = by_slug["c-unknown"], by_slug["d-year"]
    assert ended.classes == "imvo-tl__row imvo-tl__row--ended"
    assert ended.cap is not None and ended.arrow is None and ended.dashed is None
    assert running.classes == "imvo-tl__row imvo-tl__row--active"
    assert running.arrow is not None and running.cap is None and running.dashed is None
    assert unknown.dashed is not None and unknown.arrow is None and unknown.cap is None
    assert unknown.dashed.x == unknown.bar.right
    # A year-only start is drawn lighter over the whole year, from the bar's own start.
    assert yearly.fuzzy[0].x == yearly.bar.x and len(yearly.fuzzy) == 2
    assert [bar.state for bar in drawing.bars] == [
        "Afgelopen",
        "Afgelopen",
        "Loopt",
        "Onbekend",
    ]


def test_bars_and_labels_stay_apart_and_inside_the_view_box(fixture_corpus: Corpus) -> None:
    drawing = layout(_four_covenants(fixture_corpus), Translator("en"), NOW)
    assert drawing is not None
    view = Rect(0, 0, drawing.width, drawing.height)
    shapes = []
    for bar in drawing.bars:
        # The row's label (a line of text above its baseline) and its bar with all that ends it.
        label = Rect(0, bar.label.y - drawing.font, drawing.width, drawing.font)
        corners = [(bar.bar.x, bar.bar.y), (bar.bar.right, bar.bar.bottom)]
        corners += [
            c for r in (*bar.fuzzy, bar.dashed) if r for c in ((r.x, r.y), (r.right, r.bottom))
        ]
        corners += list(bar.arrow or ())
        if bar.cap:
            corners += [(bar.cap.x1, bar.cap.y1), (bar.cap.x2, bar.cap.y2)]
        xs, ys = [x for x, _ in corners], [y for _, y in corners]
        extent = Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        assert all(view.contains(c) for c in corners), bar
        assert view.contains((label.x, label.y)) and view.contains((label.right, label.bottom))
        shapes.append(label)
        shapes.append(extent)
    # Top to bottom: a label, its bar, the next label, its bar, ... never touching.
    for upper, lower in itertools.pairwise(shapes):
        assert upper.bottom < lower.y, (upper, lower)
    for year in drawing.years:
        for text in year.labels:
            assert view.contains((text.x, text.y)) and view.contains(
                (text.x, text.y - drawing.axis_font)
            )
    assert view.contains((drawing.today.x1, drawing.today.y1))
    assert view.contains((drawing.today.x2, drawing.today.y2))


def test_svg_is_one_line_and_escapes_the_content_text(fixture_corpus: Corpus) -> None:
    covenant = fixture_corpus.covenants["voorbeeld"]
    odd = covenant.model_copy(
        update={"short_name": covenant.short_name.model_copy(update={"en": "<b>A&B \"'</b>"})}
    )
    corpus = dataclasses.replace(fixture_corpus, covenants={"voorbeeld": odd})
    drawing = str(svg(corpus, Translator("en"), NOW))
    assert drawing.startswith('<svg class="imvo-tl" viewBox=') and drawing.endswith("</svg>")
    assert "\n" not in drawing
    assert "<b>" not in drawing and "A&B" not in drawing
    escaped = "&lt;b&gt;A&amp;B &#34;&#39;&lt;/b&gt;"
    assert f'<tspan font-weight="bold">{escaped}</tspan>' in drawing
    assert f"<title>{escaped}: Ended, 4 July 2016 – June 2020</title>" in drawing


def test_no_started_covenant_no_drawing(fixture_corpus: Corpus) -> None:
    undated = fixture_corpus.covenants["voorbeeld"].model_copy(
        update={"signed": None, "in_force": None, "ended": None}
    )
    corpus = dataclasses.replace(fixture_corpus, covenants={"voorbeeld": undated})
    assert layout(corpus, Translator("nl"), NOW) is None
    assert svg(corpus, Translator("nl"), NOW) == ""


def test_every_bar_keeps_three_to_one_against_the_page_also_where_it_is_lighter() -> None:
    """WCAG 1.4.11: each status colour of the bars, and the lighter stretch where only the
    month or year is known (white laid over it), keeps 3:1 against the white page."""
    css = (Path(__file__).resolve().parent.parent / "overrides/assets/pages.css").read_text()
    colours = dict(re.findall(r"--imvo-([a-z-]+): #([0-9a-f]{6});", css))
    fuzzy = re.search(r"\.imvo-tl__fuzzy \{[^}]*opacity: ([0-9.]+);", css)
    assert fuzzy is not None
    veil = float(fuzzy[1])

    def luminance(rgb: tuple[float, ...]) -> float:
        def channel(value: float) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(value) for value in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    statuses = ["active", "ended", "ended-early", "succeeded", "preparation", "unknown"]
    for name in statuses:
        rgb = tuple(int(colours[name][i : i + 2], 16) for i in (0, 2, 4))
        for shade in (rgb, tuple(c * (1 - veil) + 255 * veil for c in rgb)):
            contrast = 1.05 / (luminance(shade) + 0.05)
            assert contrast >= 3, (name, shade, round(contrast, 2))
