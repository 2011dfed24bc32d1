"""The broken-content corpus in tests/bad-content/, shared by test_load.py and test_validate.py."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from imvo.cli import main

TESTS = Path(__file__).resolve().parent
BAD = TESTS / "bad-content"
FIXTURE = TESTS / "fixtures" / "content"
TABLE: dict[str, dict[str, str]] = yaml.safe_load((BAD / "expected.yaml").read_text("utf-8"))


@dataclass(frozen=True)
class Run:
    """What one run of build.py gave: its exit code and what it printed."""

    code: int
    out: str
    err: str


def cases(stage: str) -> list[str]:
    """The corpus files whose fault the given stage finds."""
    return [name for name, case in TABLE.items() if case["stage"] == stage]


def content_with(tmp_path: Path, name: str) -> Path:
    """A copy of the fixture content with one broken file put in; returns tmp_path/content."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    target = TABLE[name].get("target", f"covenants/{name}")
    shutil.copyfile(BAD / name, content / target)
    if "remove" in TABLE[name]:
        (content / TABLE[name]["remove"]).unlink()
    return content


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes, to prove a folder was left as it was."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def old_site(tmp_path: Path) -> dict[str, bytes]:
    """An existing site/ that a failed build must leave alone; returns its snapshot."""
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<p>the published site</p>\n", encoding="utf-8")
    (site / "en" / "index.html").write_bytes(b"<p>published</p>\n")
    return snapshot(site)


def run(
    tmp_path: Path,
    args: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Run:
    """Run build.py in-process from tmp_path (so paths print as content/...)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763683200")
    capsys.readouterr()
    code = main([*args, "--lang", "en"])  # the English wording is pinned here
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def run_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    """Build the content in tmp_path into tmp_path/site, without PDFs."""
    return run(
        tmp_path,
        ["build", "--no-pdf", "--content", "content", "--site", "site"],
        monkeypatch,
        capsys,
    )


def assert_refused(
    tmp_path: Path,
    name: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """check and build both fail with exactly the expected line, and site/ is untouched."""
    content_with(tmp_path, name)
    before = old_site(tmp_path)
    expected = TABLE[name]["expected"]

    checked = run(tmp_path, ["check", "--content", "content"], monkeypatch, capsys)
    assert checked.code == 1
    assert checked.err.splitlines()[0] == expected
    assert checked.err.splitlines()[1:] == ["1 error in 1 file."]

    built = run_build(tmp_path, monkeypatch, capsys)
    assert built.code == 1
    assert "Traceback" not in built.err
    assert expected in built.err.splitlines()
    assert snapshot(tmp_path / "site") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]
