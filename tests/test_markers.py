"""The marks select what they name: `browser` exactly the tests that start Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import BROWSER_FIXTURES, SITE_FIXTURES

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"

COLLECTOR = """\
import json, os

DESELECTED = []


def describe(item):
    return {"id": item.nodeid, "fixtures": sorted(getattr(item, "fixturenames", ())),
            "marks": sorted({mark.name for mark in item.iter_markers()})}


def pytest_deselected(items):
    DESELECTED.extend(describe(item) for item in items)


def pytest_collection_finish(session):
    found = {"selected": [describe(item) for item in session.items], "deselected": DESELECTED}
    with open(os.environ["IMVO_COLLECTED"], "w", encoding="utf-8") as handle:
        json.dump(found, handle)
"""
"""A pytest plugin that writes each test's fixtures and marks, selected by -m or not."""


def collect(tmp_path: Path, *args: str) -> dict[str, list[dict[str, Any]]]:
    """What `pytest --collect-only <args>` selects and deselects, with fixtures and marks."""
    (tmp_path / "imvo_collector.py").write_text(COLLECTOR, encoding="utf-8")
    output = tmp_path / "collected.json"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "IMVO_COLLECTED": str(output),
    }
    subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "imvo_collector", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=True,
        timeout=300,
    )
    found: dict[str, list[dict[str, Any]]] = json.loads(output.read_text(encoding="utf-8"))
    return found


def test_the_browser_mark_selects_exactly_the_tests_that_start_chromium(tmp_path: Path) -> None:
    found = collect(tmp_path, "-m", "not browser")
    not_browser = {t["id"] for t in found["selected"]}
    everything = found["selected"] + found["deselected"]
    uses = {t["id"] for t in everything if BROWSER_FIXTURES & set(t["fixtures"])}
    marked = {t["id"] for t in everything if "browser" in t["marks"]}
    # A test is marked browser if and only if it uses a fixture that starts Chromium.
    assert sorted(marked - uses) == []
    assert sorted(uses - marked) == []
    # And `-m "not browser"` selects by those marks: everything else, nothing that needs one.
    assert not_browser == {t["id"] for t in everything} - uses
    # Tests that build the whole site print its PDFs with Chromium; the rest need nothing.
    assert any(name.startswith("tests/test_data.py::") for name in uses)
    assert any(name.startswith("tests/test_accessibility.py::") for name in uses)
    assert any(name.startswith("tests/test_workflows.py::") for name in not_browser)
    slow = {t["id"] for t in everything if "slow" in t["marks"]}
    assert slow == {t["id"] for t in everything if SITE_FIXTURES & set(t["fixtures"])}
    assert slow <= uses


UNMARKED_LAUNCH = """\
import os

import pytest
from playwright.sync_api import sync_playwright


def launch():
    with sync_playwright() as playwright:
        playwright.chromium.launch(executable_path="/nonexistent/chromium")


def test_unmarked():
    launch()


def test_unmarked_hands_no_browser_to_another_process():
    assert os.environ["IMVO_CHROMIUM"] == "/not-marked-browser/chromium"


@pytest.mark.browser
def test_marked():
    with pytest.raises(Exception) as error:
        launch()
    assert "not marked browser" not in str(error.value)
"""
"""Two tests that start a browser (one that is not there): one marked browser, one not."""


def test_a_test_that_starts_chromium_without_the_mark_fails(tmp_path: Path) -> None:
    """The guard in conftest.py: an unmarked test that starts Chromium fails and says why, and
    a build it starts in another process finds no browser."""
    (tmp_path / "test_launch.py").write_text(UNMARKED_LAUNCH, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), str(ROOT)])}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "conftest",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(tmp_path),
            str(tmp_path / "test_launch.py"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 failed, 2 passed" in result.stdout
    assert (
        "RuntimeError: test_launch.py::test_unmarked starts Chromium but is not marked browser"
        in result.stdout
    )
