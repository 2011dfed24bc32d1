"""Writing: the real content built into a complete bilingual site."""

from __future__ import annotations

import dataclasses
import re
import shutil
import time
from pathlib import Path

import pytest
from browser_fixtures import ServedSite
from build_options import options

from imvo import ROOT
from imvo.build import orchestrate as write
from imvo.build.orchestrate import PostStep, Timings, build_site, swap_in
from imvo.engine.config import language_config
from imvo.messages.problems import BuildError, Problem
from imvo.model.content import Corpus
from imvo.render import markdown_fields as fields
from imvo.render import renderer as render
from imvo.validate import load_content

RESOURCE = re.compile(r"<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href)=\"([^\"]+)\"")


FIXTURE_FILE = "tests/fixtures/content/covenants/voorbeeld.yaml"
"""The fixture's covenant file, as the loader names it (from the repository)."""


def test_both_languages_have_every_factsheet(built_site: Path, corpus: Corpus) -> None:
    for slug in corpus.covenants:
        assert (built_site / f"{slug}.html").is_file()
        assert (built_site / "en" / f"{slug}.html").is_file()


def test_each_language_has_its_html_lang(built_site: Path) -> None:
    assert '<html lang="nl"' in (built_site / "textiel.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (built_site / "en" / "textiel.html").read_text(encoding="utf-8")


def test_language_switch_lands_on_the_same_page(tmp_path: Path, fixture_corpus: Corpus) -> None:
    """Without a published address (`make site` with no SITE_URL) every link between the
    languages is relative: the site works from any folder."""
    site = tmp_path / "site"
    build_site(fixture_corpus, options(site=site, pdf=False))
    dutch = (site / "voorbeeld.html").read_text(encoding="utf-8")
    english = (site / "en" / "voorbeeld.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="imvo-lang__link" href="en/voorbeeld.html" hreflang="en"', dutch)
    assert re.search(r'<a class="imvo-lang__link" href="../voorbeeld.html" hreflang="nl"', english)
    overview = (site / "overzicht.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="en" href="en/overview.html">' in overview


def test_no_resource_comes_from_another_host(built_site: Path, served_site: ServedSite) -> None:
    """Every script, stylesheet, image and frame is the site's own: relative, or at the
    site's own published address (here the local server's)."""
    offenders = []
    for page in built_site.rglob("*.html"):
        for address in RESOURCE.findall(page.read_text(encoding="utf-8")):
            own = address.startswith(served_site.base_url)
            if re.match(r"^(https?:)?//", address) and not own:
                offenders.append(f"{page.relative_to(built_site)}: {address}")
    assert offenders == []


def test_no_google_fonts(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8")


def test_config_per_language(tmp_path: Path) -> None:
    config = language_config("en", tmp_path / "docs", tmp_path / "out", [], None)
    assert config["theme"]["language"] == "en"
    assert config["theme"]["font"] is False
    assert config["plugins"] == []  # not even mkdocs' own search: search is Pagefind
    assert config["site_name"] == "IRBC agreements (IMVO-convenanten)"
    assert "site_url" not in config
    with_url = language_config("en", tmp_path, tmp_path, [], "https://org.github.io/repo")
    assert with_url["site_url"] == "https://org.github.io/repo/en/"
    assert with_url["extra"]["site_root"] == "https://org.github.io/repo/"


def test_swap_replaces_the_site_whole(tmp_path: Path) -> None:
    old = tmp_path / "site"
    old.mkdir()
    (old / "stale.html").write_text("old", encoding="utf-8")
    new = tmp_path / "new"
    new.mkdir()
    (new / "index.html").write_text("new", encoding="utf-8")
    swap_in(new, old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert [p.name for p in old.iterdir()] == ["index.html"]


def test_steps_without_pages_run_beside_mkdocs_and_land_in_the_site(
    fixture_corpus: Corpus, tmp_path: Path
) -> None:
    seen: dict[str, list[str]] = {}

    def beside(corpus: Corpus, site: Path, timings: Timings) -> None:
        seen["beside"] = sorted(p.name for p in site.iterdir())
        (site / "data").mkdir()
        (site / "data" / "x.json").write_text("{}", encoding="utf-8")

    def after(corpus: Corpus, site: Path, timings: Timings) -> None:
        seen["after"] = [p.name for p in (site / "data").iterdir()]
        assert (site / "index.html").is_file()

    steps = [PostStep(after), PostStep(beside, needs_pages=False)]
    build_site(fixture_corpus, options(site=tmp_path / "site", pdf=False), post_steps=steps)
    assert seen == {"beside": [], "after": ["x.json"]}
    assert (tmp_path / "site" / "data" / "x.json").read_text(encoding="utf-8") == "{}"


def test_a_failing_step_beside_mkdocs_leaves_the_old_site(
    fixture_corpus: Corpus, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")

    def broken(corpus: Corpus, site: Path, timings: Timings) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        build_site(
            fixture_corpus, options(site=site), post_steps=[PostStep(broken, needs_pages=False)]
        )
    assert [p.name for p in site.iterdir()] == ["old.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_page_that_takes_too_long_stops_the_build_with_its_file(
    fixture_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'[a](' many times over takes Python-Markdown minutes (quadratic); the build stops.

    The limits on a text (imvo/model/limits.py) refuse this one before Markdown sees it; lifted
    here, the watch on each page is the second wall."""
    monkeypatch.setattr(fields, "MAX_TEXT_MARKUP", 10**9)
    covenant = fixture_corpus.covenants["voorbeeld"]
    summary = covenant.summary.model_copy(update={"nl": "[a](" * 20_000})
    slow = dataclasses.replace(
        fixture_corpus, covenants={"voorbeeld": covenant.model_copy(update={"summary": summary})}
    )
    monkeypatch.setattr(write, "PAGE_SECONDS", 2.0)
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(BuildError) as raised:
        build_site(slow, options(site=site, pdf=False))
    assert time.monotonic() - started < 20  # this page alone would take minutes
    # The page carries its content file as the loader named it (here the test fixture's).
    assert str(raised.value) == (
        f"{FIXTURE_FILE}:1: (text): making this page took longer than 2 s, "
        "so the build stopped; a text in this file is too long or too tangled for Markdown "
        "(such as thousands of '[' in a row): shorten or simplify it"
    )
    assert [p.name for p in site.iterdir()] == ["old.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_markdown_that_crashes_mkdocs_names_the_file(
    fixture_corpus: Corpus, tmp_path: Path
) -> None:
    """Five thousand list markers on one line run Python-Markdown out of recursion (ten
    thousand definitions in a row did too; they are over the limit of lines now)."""
    covenant = fixture_corpus.covenants["voorbeeld"]
    summary = covenant.summary.model_copy(update={"en": "1. " * 5_000})
    broken = dataclasses.replace(
        fixture_corpus, covenants={"voorbeeld": covenant.model_copy(update={"summary": summary})}
    )
    with pytest.raises(BuildError) as raised:
        build_site(broken, options(site=tmp_path / "site", pdf=False))
    # The render stage names the field's own line.
    line = fixture_corpus.positions["voorbeeld"].line_of(("summary", "en"))
    assert line > 1
    assert str(raised.value) == (
        f"{FIXTURE_FILE}:{line}: (text): Markdown could not make this text "
        "into a page (RecursionError: maximum recursion depth exceeded); look in it for an "
        "unusual link or a pattern repeated very many times"
    )
    assert not (tmp_path / "site").exists()


def test_a_failing_build_carries_its_problems_with_file_line_and_field(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "content", content)
    path = content / "covenants" / "voorbeeld.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "  nl: Een convenant om de fixture te testen.",
        "  nl: Zie [het overzicht](/overzicht.html).",
    ).replace("  en: An agreement to test the fixture.", "  en: See [nothing](nothing.html).")
    path.write_text(text, encoding="utf-8")
    corpus = load_content(content, tmp_path)
    with pytest.raises(BuildError) as raised:
        build_site(corpus, options(site=tmp_path / "site", pdf=False, content=content))
    file = "content/covenants/voorbeeld.yaml"  # as the loader names it, from its root
    assert [(p.path, p.line, p.field) for p in raised.value.problems] == [
        (file, 29, "(link)"),
        (file, 30, "(link)"),
    ]
    assert raised.value.problems[1].message == (
        "the link 'nothing.html' leads to no page of the site; link to a page that exists "
        "(such as 'overzicht.html') or to a full https:// address"
    )
    # The printable lines, sorted, are the error's text, as the command line prints it.
    assert str(raised.value) == "\n".join(p.text() for p in raised.value.problems)
    assert all(isinstance(p, Problem) for p in raised.value.problems)


def test_a_page_whose_template_takes_too_long_stops_the_build_too(
    fixture_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow_first_sentence(markdown: str) -> str:
        time.sleep(30)
        return markdown

    monkeypatch.setattr(render, "first_sentence", slow_first_sentence)
    monkeypatch.setattr(write, "PAGE_SECONDS", 1.0)
    started = time.monotonic()
    with pytest.raises(BuildError) as raised:
        build_site(fixture_corpus, options(site=tmp_path / "site", pdf=False))
    assert time.monotonic() - started < 20
    assert str(raised.value).startswith(
        f"{FIXTURE_FILE}:1: (text): making this page took longer than 1 s"
    )
