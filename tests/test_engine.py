"""imvo/engine/: the one place the engine is imported from, and the properdocs switch."""

from __future__ import annotations

import ast
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from imvo import engine
from imvo.engine.config import SHARED, language_config, validated
from imvo.engine.plugin import ImvoPlugin
from imvo.engine.run import _Collect
from imvo.messages.problems import BuildError
from imvo.model.positions import Positions
from imvo.render.renderer import Page

ROOT = Path(__file__).resolve().parent.parent


def test_the_engine_is_the_one_imvo_engine_names() -> None:
    expected = os.environ.get("IMVO_ENGINE") or "mkdocs"
    assert expected == engine.NAME
    assert engine.LOGGER is logging.getLogger(engine.NAME)
    # mkdocs' own modules (and mkdocs-material's imports of them) are the engine's.
    assert sys.modules["mkdocs"].__name__ == engine.NAME
    assert engine.build.__module__ == f"{engine.NAME}.commands.build"


@pytest.mark.skipif(engine.NAME != "properdocs", reason="runs on properdocs (make test-properdocs)")
def test_on_properdocs_mkdocs_is_not_even_installed() -> None:
    """The properdocs environment has no mkdocs: every import of it goes to properdocs."""
    import mkdocs.structure.files

    assert mkdocs.structure.files.__name__ == "properdocs.structure.files"
    assert "mkdocs/" not in str(mkdocs.structure.files.__file__)


def test_our_warnings_reach_the_engine_logger() -> None:
    """The hooks write to mkdocs.imvo: on either engine the strict build must count them."""
    seen: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    handler = Collect(logging.WARNING)
    engine.LOGGER.addHandler(handler)
    try:
        logging.getLogger("mkdocs.imvo").warning("a link that leads nowhere")
    finally:
        engine.LOGGER.removeHandler(handler)
    assert seen == ["a link that leads nowhere"]


def test_an_unknown_engine_is_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import imvo.engine"],
        env={**os.environ, "IMVO_ENGINE": "hugo"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (
        1,
        "IMVO_ENGINE=hugo: the site is built with one of mkdocs, properdocs\n",
    )


def test_only_the_engine_package_imports_mkdocs() -> None:
    importers = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "imvo").rglob("*.py"))
        if re.search(r"^\s*(from|import) mkdocs\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert importers == ["imvo/engine/__init__.py"]


def test_no_module_of_the_package_keeps_state_in_a_global_statement() -> None:
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{node.lineno}"
        for path in sorted((ROOT / "imvo").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Global | ast.Nonlocal)
    ]
    assert found == []


def test_a_setting_mkdocs_refuses_is_a_problem_on_its_line_of_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    config = language_config("nl", tmp_path / "docs", tmp_path / "site", [], None)
    config["use_directory_urls"] = "sometimes"
    with pytest.raises(BuildError) as raised:
        validated(config)
    [problem] = raised.value.problems
    line = SHARED.read_text(encoding="utf-8").splitlines().index("use_directory_urls: false")
    assert (problem.path, problem.line, problem.field) == (
        "mkdocs.yml",
        line + 1,
        "use_directory_urls",
    )
    assert problem.message


def test_a_warning_of_the_engine_names_the_page_being_made_or_mkdocs_yml() -> None:
    source = Positions("content/covenants/voorbeeld.yaml")
    page = Page("voorbeeld", "voorbeeld", "Voorbeeld", "<p>x</p>", source=source)
    plugin = ImvoPlugin([page])
    collect = _Collect(plugin)
    engine.LOGGER.addHandler(collect)
    try:
        engine.LOGGER.warning("The theme could not find a template.")
        plugin.page_started("voorbeeld.md")
        logging.getLogger(f"{engine.NAME}.structure").warning("Something odd\nin two lines")
        plugin.page_finished()
    finally:
        engine.LOGGER.removeHandler(collect)
    assert [p.text("en") for p in collect.problems] == [
        "mkdocs.yml:1: (file): The theme could not find a template.",
        "content/covenants/voorbeeld.yaml:1: (file): Something odd\\nin two lines",
    ]
