"""The limits of imvo/model/limits.py: `check` and the build refuse the same texts and pages with
the
same line, the build stops at its budget for the whole site, and the real content is far
inside every limit."""

from __future__ import annotations

import dataclasses
import os
import shutil
import time
from pathlib import Path

import pytest
from build_options import MOMENT, OPTIONS, options

from imvo import ROOT
from imvo.build import orchestrate as write
from imvo.build.orchestrate import build_site
from imvo.cli import main
from imvo.editors import check
from imvo.editors.check import run_check
from imvo.messages.problems import BuildError
from imvo.model import limits
from imvo.outputs.steps import post_steps
from imvo.render import markdown_fields as fields
from imvo.render import renderer as render
from imvo.render.renderer import Renderer
from imvo.validate import load_content

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"


def _content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    return content


def _summary(content: Path, text: str) -> None:
    """Put a text of several lines in the fixture covenant's Dutch summary (line 29: 'nl: |')."""
    covenant = content / "covenants" / "voorbeeld.yaml"
    indented = "".join(f"    {line}\n" for line in text.split("\n"))
    original = covenant.read_text("utf-8")
    changed = original.replace(
        "  nl: Een convenant om de fixture te testen.", f"  nl: |\n{indented}"
    )
    assert changed != original
    covenant.write_text(changed, "utf-8")


def _check_and_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[list[str], list[str]]:
    """The problem lines of `check` and of the build of the content in tmp_path (English)."""
    os.chdir(tmp_path)
    assert main(["check", "--lang", "en", "--content", "content"]) == 1
    checked = capsys.readouterr().err.splitlines()[:-1]
    assert main(["build", "--no-pdf", "--lang", "en", "--content", "content", "--site", "site"])
    built = capsys.readouterr().err.splitlines()[1:]
    assert not (tmp_path / "site").exists()
    return checked, built


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[]" * 9_500,  # balanced: the loader refuses brackets nested more than 64 deep
            "this text has 9500 links, images or HTML tags (each '[' and '<' counts); a text "
            "may have at most 250: take out the ones it does not need",
        ),
        (
            "<b>x</b> " * 126,
            "this text has 252 links, images or HTML tags (each '[' and '<' counts); a text may "
            "have at most 250: take out the ones it does not need",
        ),
        (
            "-\n" * 1_000 + "-",
            "this text has 1001 lines; a text may have at most 1000: shorten it, or split it over "
            "more fields or pages",
        ),
    ],
)
def test_check_and_the_build_refuse_a_text_over_a_limit_on_its_line(
    text: str,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    content = _content(tmp_path)
    _summary(content, text)
    checked, built = _check_and_build(tmp_path, capsys)
    expected = f"content/covenants/voorbeeld.yaml:29: (text): {message}"
    assert checked == [expected]
    assert built == [expected]


def test_a_text_at_the_limits_builds(tmp_path: Path) -> None:
    content = _content(tmp_path)
    _summary(content, "\n".join(["[x] tekst"] * (limits.MAX_TEXT_MARKUP // 2) + ["<br>"] * 125))
    assert limits.MAX_TEXT_MARKUP == 250 and limits.MAX_TEXT_LINES >= 250
    assert run_check(content, tmp_path, MOMENT.date()).errors == []


def test_a_text_page_over_the_limit_is_refused_on_its_first_line(tmp_path: Path) -> None:
    content = _content(tmp_path)
    about = content / "texts" / "about.en.md"
    about.write_text(about.read_text("utf-8") + "\n" + "![" * 300 + "\n", "utf-8")
    assert [p.text("en") for p in run_check(content, tmp_path, MOMENT.date()).errors] == [
        "content/texts/about.en.md:1: (text): this text has 300 links, images or HTML tags "
        "(each '[' and '<' counts); a text may have at most 250: take out the ones it does not "
        "need"
    ]


def _largest_page(content: Path, root: Path) -> int:
    corpus = load_content(content, root)
    renderer = Renderer(corpus, OPTIONS)
    return max(len(page.html) for lang in ("nl", "en") for page in renderer.language(lang))


def test_a_page_over_the_largest_size_is_refused_by_check_and_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    content = _content(tmp_path)
    limit = _largest_page(content, tmp_path) + 1_000
    monkeypatch.setattr(render, "MAX_PAGE_BYTES", limit)
    participants = content / "participants" / "voorbeeld.yaml"
    lines = [f"  - name: Organisatie {n:04d} met een heel lange naam" for n in range(400)]
    participants.write_text(participants.read_text("utf-8") + "\n".join(lines) + "\n", "utf-8")
    checked, built = _check_and_build(tmp_path, capsys)
    assert checked == built
    # The factsheet has one name in both languages (one line); the A-Z page has two.
    assert [line.split(" would be ")[0] for line in checked] == [
        "content/covenants/voorbeeld.yaml:1: (file): the page voorbeeld.html",
        "content/participants:1: (file): the page doet-mijn-organisatie-mee.html",
        "content/participants:1: (file): the page is-my-organisation-taking-part.html",
    ]
    assert checked[0].endswith(
        f"MB, more than the {limit / 1e6:.0f} MB a page may be (GitHub refuses large files, "
        "and a phone cannot open such a page): shorten the texts or the list on it"
    )


def test_the_build_stops_at_its_budget_for_the_whole_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write, "BUILD_SECONDS", 0.0)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1763683200")
    corpus = load_content(FIXTURE, ROOT)
    # One page takes seconds (Markdown is quadratic on '[a](' over and over, which the
    # limits on a text would refuse), so the pages are still being made when the watch
    # first looks, however fast the machine: the fixture's pages alone can all be made
    # before that look, and then the build would rightly pass.
    monkeypatch.setattr(fields, "MAX_TEXT_MARKUP", 10**9)
    covenant = corpus.covenants["voorbeeld"]
    summary = covenant.summary.model_copy(update={"nl": "[a](" * 5_000})
    slow = dataclasses.replace(
        corpus,
        covenants={
            **corpus.covenants,
            "voorbeeld": covenant.model_copy(update={"summary": summary}),
        },
    )
    started = time.monotonic()
    with pytest.raises(BuildError) as raised:
        build_site(slow, options(site=tmp_path / "site", pdf=False))
    assert time.monotonic() - started < 20  # stopped at once, not when the page was done
    found = raised.value.problems
    assert found and {p.code for p in found} == {"build-too-slow"}
    assert (
        found[0]
        .message_in("en")
        .startswith(
            "making the pages of the site took longer than 0 s, the limit for the whole site, so "
            "the build stopped while making "
        )
    )
    assert not (tmp_path / "site").exists()


def test_a_site_larger_than_github_pages_publishes_is_refused_and_the_old_one_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole site, PDFs, search index and data included, may be at most 1 GB: past that
    the build stops with one line on the content folder, and the site there stays as it was."""
    corpus = load_content(FIXTURE, ROOT)
    site = tmp_path / "site"
    build_site(corpus, built := options(site=site, pdf=False), post_steps=post_steps(built))
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    size = write.site_bytes(site)
    assert size == sum(len(data) for data in before.values())
    monkeypatch.setattr(write, "MAX_SITE_BYTES", size - 1)
    with pytest.raises(BuildError) as raised:
        build_site(corpus, built, post_steps=post_steps(built))
    assert [p.text("en") for p in raised.value.problems] == [
        f"content:1: (folder): the site would be {size / 1e6:.0f} MB with its PDFs, search "
        f"index and data, more than the {(size - 1) / 1e6:.0f} MB GitHub Pages publishes: "
        "shorten the longest texts and lists, or leave out what no reader needs"
    ]
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    monkeypatch.setattr(write, "MAX_SITE_BYTES", size)  # exactly the limit is allowed
    build_site(corpus, built, post_steps=post_steps(built))
    assert limits.MAX_SITE_BYTES == 1_000_000_000


def test_check_stops_at_the_same_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check, "BUILD_SECONDS", -1.0)
    content = _content(tmp_path)
    assert [p.text("en") for p in run_check(content, tmp_path, MOMENT.date()).errors] == [
        "content:1: (folder): making the pages of the site took longer than -1 s, the limit for "
        "the whole site, so the build stopped while making index; look in its texts for "
        "something repeated very many times"
    ]


def test_the_real_content_is_far_inside_every_limit(tmp_path: Path) -> None:
    corpus = load_content(ROOT / "content", ROOT)
    renderer = Renderer(corpus, OPTIONS)
    largest = max(len(page.html) for lang in ("nl", "en") for page in renderer.language(lang))
    assert renderer.problems == []
    assert largest < limits.MAX_PAGE_BYTES / 10
    texts = [text for by_lang in corpus.texts.values() for text in by_lang.values()]
    assert max(text.count("\n") + 1 for text in texts) < limits.MAX_TEXT_LINES / 3
    assert max(text.count("[") + text.count("<") for text in texts) < limits.MAX_TEXT_MARKUP / 5
