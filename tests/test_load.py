"""Tests of imvo/load/: every broken file of tests/bad-content/ found by the loader gives
one clear line, exit code 1, no traceback, and leaves an existing site as it was."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from bad_content import (
    BAD,
    FIXTURE,
    TABLE,
    assert_refused,
    cases,
    content_with,
    old_site,
    run,
    run_build,
    snapshot,
)

from imvo.load import MAX_FILE_BYTES, field_name, read_yaml
from imvo.model import Positions

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", cases("load"))
def test_broken_file_is_refused_with_one_line(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused(tmp_path, name, monkeypatch, capsys)


@pytest.mark.parametrize("name", cases("load"))
def test_read_yaml_gives_the_problem_without_data(name: str) -> None:
    loaded, problems = read_yaml(BAD / name, f"content/covenants/{name}")
    assert loaded is None
    assert [p.text() for p in problems] == [TABLE[name]["expected"]]


def test_valid_file_has_the_line_of_every_value() -> None:
    loaded, problems = read_yaml(FIXTURE / "covenants" / "voorbeeld.yaml", "voorbeeld.yaml")
    assert problems == []
    assert loaded is not None
    assert loaded.data["signed"]["date"] == "2016-07-04"
    assert loaded.lines[("signed", "date")] == 14
    assert loaded.lines[("parties", 2, "date")] == 45
    assert loaded.line_of(("parties", 2, "note")) == 43
    assert loaded.line_of(("nothing", "here")) == 1


def test_loaded_file_keeps_its_lines_as_the_models_positions() -> None:
    # One implementation of "the line of a value": the loader's lines are the Positions that
    # travel with the content (Corpus.positions), not a copy with its own lookup.
    loaded, _ = read_yaml(FIXTURE / "covenants" / "voorbeeld.yaml", "voorbeeld.yaml")
    assert loaded is not None
    assert isinstance(loaded.positions, Positions)
    assert loaded.positions.path == loaded.path == "voorbeeld.yaml"
    for where in [("signed", "date"), ("parties", 2, "note"), ("nothing", "here"), ()]:
        assert loaded.line_of(where) == loaded.positions.line_of(where)
    problem = loaded.problem(("parties", 2, "note"), "required")
    assert problem.text("en") == "voorbeeld.yaml:43: parties[2].note: this field is required"


def test_field_name_reads_like_the_file() -> None:
    assert field_name(("parties", 3, "role")) == "parties[3].role"
    assert field_name(()) == "(file)"


@pytest.mark.parametrize("name", ["alias-bomb.yaml", "deep-nesting.yaml"])
def test_bombs_are_refused_fast_and_small(name: str) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    loaded, problems = read_yaml(BAD / name, name)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert loaded is None
    assert len(problems) == 1
    assert seconds < 1.0
    assert peak < 20_000_000


def test_bigger_alias_bomb_is_refused_fast(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["' + "x" * 1000 + '"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 40)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    loaded, problems = read_yaml(path, "bomb.yaml")
    assert time.perf_counter() - started < 1.0
    assert loaded is None
    assert [p.text() for p in problems] == [
        "bomb.yaml:2: (file): anchors and aliases (& and *) are not allowed in content files; "
        "write the value out in full"
    ]


def test_deep_block_indentation_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("".join(" " * i + f"k{i}:\n" for i in range(300)) + " " * 300 + "x: 1\n")
    loaded, problems = read_yaml(path, "deep.yaml")
    assert loaded is None
    assert [p.text() for p in problems] == [
        "deep.yaml:202: (file): the line is indented too deeply (more than 200)"
    ]


def huge_file(tmp_path: Path) -> Path:
    """A covenant file of 10 MB: the fixture covenant with a summary padded out."""
    text = (FIXTURE / "covenants" / "voorbeeld.yaml").read_text("utf-8")
    padding = "  nl: " + "Een heel lang verhaal. " * 450_000 + "\n"
    path = tmp_path / "content" / "covenants" / "huge.yaml"
    path.write_text(text.replace("  nl: Een convenant om de fixture te testen.\n", padding))
    assert path.stat().st_size > 10_000_000
    return path


def test_huge_file_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(FIXTURE, tmp_path / "content")
    path = huge_file(tmp_path)
    size = path.stat().st_size
    before = old_site(tmp_path)
    expected = (
        f"content/covenants/huge.yaml:1: (file): the file is {size / 1_000_000:.1f} MB; "
        f"a content file may be at most {MAX_FILE_BYTES // 1_000_000} MB"
    )
    started = time.perf_counter()
    checked = run(tmp_path, ["check", "--content", "content"], monkeypatch, capsys)
    assert time.perf_counter() - started < 5
    assert checked.code == 1
    assert checked.err.splitlines() == [expected, "1 error in 1 file."]
    built = run_build(tmp_path, monkeypatch, capsys)
    assert built.code == 1
    assert built.err.splitlines()[0] == expected
    assert snapshot(tmp_path / "site") == before


def test_real_process_exits_1_without_traceback(tmp_path: Path) -> None:
    content_with(tmp_path, "unclosed-quote.yaml")
    before = old_site(tmp_path)
    for command in (["check"], ["build", "--no-pdf"]):
        result = subprocess.run(
            [
                sys.executable,
                str(ROOT / "build.py"),
                *command,
                "--content",
                "content",
                "--lang",
                "en",
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            env={
                "PYTHONPATH": str(ROOT),
                "PATH": "/usr/bin:/bin",
                "SOURCE_DATE_EPOCH": "1763683200",
            },
        )
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.splitlines() == [
            TABLE["unclosed-quote.yaml"]["expected"],
            "1 error in 1 file.",
        ]
    assert snapshot(tmp_path / "site") == before
