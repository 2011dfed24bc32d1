"""The live preview: rebuilds on change, and keeps the last good site on an error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from build_options import options

from imvo.build.preview import make_builder

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the fixture content in tmp_path/content."""
    shutil.copytree(FIXTURES, tmp_path / "content")
    return tmp_path / "content"


def test_rebuild_shows_a_change_and_keeps_the_last_good_site(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    build = make_builder(options(content=content, site=site, pdf=False), tmp_path)
    assert build() is True
    page = site / "voorbeeld.html"
    assert "Convenant Voorbeeldsector" in page.read_text(encoding="utf-8")
    assert not list(site.rglob("*.pdf"))

    path = content / "covenants" / "voorbeeld.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("nl: Convenant Voorbeeldsector", "nl: Convenant Proefsector"))
    assert build() is True
    assert "Convenant Proefsector" in page.read_text(encoding="utf-8")

    path.write_text(text.replace("  value: ended", "  value: finished"), encoding="utf-8")
    capsys.readouterr()
    assert build() is False
    assert capsys.readouterr().err == (
        "content/covenants/voorbeeld.yaml:11: status, value: expected one of "
        "in_preparation (in preparation), active (running), ended (ended), ended_early (ended "
        "early), "
        "succeeded (succeeded), unknown (unknown); got 'finished'\n"
        "1 error in 1 file. The preview shows the last good version.\n"
    )
    assert "Convenant Proefsector" in page.read_text(encoding="utf-8")


def test_serve_refuses_to_start_on_broken_content(
    content: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from imvo.build.preview import serve

    monkeypatch.chdir(content.parent)
    path = content / "covenants" / "voorbeeld.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  value: ended", "  value: finished"), encoding="utf-8")
    assert serve(options(content=Path("content")), port=0) == 1
    assert capsys.readouterr().err == (
        "content/covenants/voorbeeld.yaml:11: status, value: expected one of "
        "in_preparation (in preparation), active (running), ended (ended), ended_early (ended "
        "early), "
        "succeeded (succeeded), unknown (unknown); got 'finished'\n"
        "1 error in 1 file. The preview shows the last good version.\n"
        "Fix the problems above, then run 'python build.py serve' again.\n"
    )
