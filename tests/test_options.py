"""The build's options (imvo/build/options.py): made once by the command, from its arguments and
what the environment says; nothing below the command reads the environment for them."""

from __future__ import annotations

import ast
import dataclasses
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from imvo.build.options import BuildOptions, build_moment, from_command, moment
from imvo.outputs.pdf import pdf_date

ROOT = Path(__file__).resolve().parent.parent


def test_the_moment_of_source_date_epoch() -> None:
    assert moment("1763683200") == datetime(2025, 11, 21, tzinfo=UTC)
    assert moment("0") == datetime(1970, 1, 1, tzinfo=UTC)
    for unusable in ("", "soon", "-1", "1.5", "999999999999"):  # the last: year 33658
        assert moment(unusable) is None, unusable


def test_without_source_date_epoch_the_last_commit_dates_the_build() -> None:
    stamp = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    assert build_moment({"SOURCE_DATE_EPOCH": "1763683200"}).date() == date(2025, 11, 21)
    assert build_moment({}) == datetime.fromtimestamp(int(stamp), UTC)
    assert build_moment({"SOURCE_DATE_EPOCH": "soon"}) == datetime.fromtimestamp(int(stamp), UTC)


def test_without_git_or_for_check_the_clock_dates_it(tmp_path: Path) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    assert before <= build_moment({}, tmp_path) <= datetime.now(UTC)  # no repository there
    assert before <= build_moment({}, commit=False) <= datetime.now(UTC)


def test_the_command_reads_the_environment_once() -> None:
    environ = {
        "SOURCE_DATE_EPOCH": "1763683200",
        "SITE_URL": "https://org.github.io/repo/",
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "org/repo",
    }
    made = from_command(lang="en", content=Path("c"), site=Path("s"), pdf=False, environ=environ)
    assert made == BuildOptions(
        built=datetime(2025, 11, 21, tzinfo=UTC),
        content=Path("c"),
        site=Path("s"),
        site_url="https://org.github.io/repo/",
        report_url="https://github.com/org/repo/issues/new",
        pdf=False,
        lang="en",
    )
    assert made.day == date(2025, 11, 21)
    given = from_command(
        lang="nl", site_url="https://a.example/", report="https://a.example/new", environ=environ
    )
    assert (given.site_url, given.report_url) == ("https://a.example/", "https://a.example/new")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.pdf = True  # type: ignore[misc]


def test_a_pdf_is_dated_with_the_builds_moment() -> None:
    assert pdf_date(datetime(2025, 11, 21, tzinfo=UTC)) == b"D:20251121000000+00'00'"


def _reads(path: Path) -> set[str]:
    """The environment variables a module reads by name (os.environ.get / [] / getenv)."""
    names = {"SOURCE_DATE_EPOCH", "SITE_URL", "REPORT_URL", "GITHUB_REPOSITORY"}
    return {
        node.value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in names
    }


def test_only_the_options_read_the_builds_settings_from_the_environment() -> None:
    readers = {
        path.relative_to(ROOT).as_posix() for path in (ROOT / "imvo").rglob("*.py") if _reads(path)
    }
    # engine/run.py hands the moment to mkdocs, which takes it from the environment only.
    assert readers == {"imvo/build/options.py", "imvo/engine/run.py"}
