"""The translation report: which texts exist in only one language, per file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from imvo.editors.translations import format_report, untranslated
from imvo.messages.problems import Problem

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"
COVENANT = "content/covenants/voorbeeld.yaml"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the fixture content in tmp_path/content."""
    shutil.copytree(FIXTURES, tmp_path / "content")
    return tmp_path / "content"


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a file (which must be there)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def report(content: Path) -> list[str]:
    """The report's lines for the content."""
    return [p.text() for p in untranslated(content, content.parent)]


def test_the_fixture_is_fully_translated(content: Path) -> None:
    assert untranslated(content, content.parent) == []
    assert format_report([]) == "Every text is in both languages."


def test_english_missing(content: Path) -> None:
    edit(content / "covenants/voorbeeld.yaml", "  en: An agreement to test the fixture.\n", "")
    assert report(content) == [f"{COVENANT}:29: summary: only in Dutch: add the English (en)"]


def test_dutch_empty(content: Path) -> None:
    edit(content / "covenants/voorbeeld.yaml", "  - nl: Een leefbaar loon.", '  - nl: ""')
    assert report(content) == [f"{COVENANT}:32: first goal: only in English: add the Dutch (nl)"]


def test_same_in_both_languages(content: Path) -> None:
    edit(
        content / "covenants/voorbeeld.yaml",
        "  en: An agreement to test the fixture.",
        "  en: Een convenant om de fixture te testen.",
    )
    assert report(content) == [
        f"{COVENANT}:29: summary: the Dutch and English texts are the same; translate one of them"
    ]


def test_a_short_label_may_be_the_same(content: Path) -> None:
    text = (content / "covenants/voorbeeld.yaml").read_text(encoding="utf-8")
    assert "      nl: Website\n      en: Website\n" in text
    assert report(content) == []


def test_registries_are_reported_too(content: Path) -> None:
    edit(content / "parties.yaml", "      en: Example Sector Association\n", "")
    assert report(content) == [
        "content/parties.yaml:14: third party, name: only in Dutch: add the English (en)"
    ]


def test_a_text_page_without_its_counterpart(content: Path) -> None:
    (content / "texts/about.nl.md").unlink()
    (content / "texts/framework.en.md").unlink()
    assert report(content) == [
        "content/texts/about.en.md:1: (file): only in English: add about.nl.md",
        "content/texts/framework.nl.md:1: (file): only in Dutch: add framework.en.md",
    ]


def test_the_report_counts_texts_and_files() -> None:
    found = [
        Problem("a.yaml", 3, "summary", "only in Dutch: add the English (en)"),
        Problem("a.yaml", 9, "goals[0]", "only in Dutch: add the English (en)"),
        Problem("b.md", 1, "(file)", "only in Dutch: add b.en.md"),
    ]
    assert format_report(found) == (
        "a.yaml:3: summary: only in Dutch: add the English (en)\n"
        "a.yaml:9: first goal: only in Dutch: add the English (en)\n"
        "b.md:1: (file): only in Dutch: add b.en.md\n"
        "3 texts to translate in 2 files."
    )
