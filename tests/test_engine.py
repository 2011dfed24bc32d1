"""imvo/engine.py: the one place the engine is imported from, and the properdocs switch."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from imvo import engine

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


def test_only_the_engine_module_imports_mkdocs() -> None:
    importers = [
        path.name
        for path in sorted((ROOT / "imvo").glob("*.py"))
        if re.search(r"^\s*(from|import) mkdocs\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert importers == ["engine.py"]
