"""Shared fixtures: the real content built once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import imvo.engine  # noqa: F401  (the engine IMVO_ENGINE names, before a test imports mkdocs)
from imvo.model import Corpus
from imvo.outputs import post_steps
from imvo.validate import load_content
from imvo.write import build_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

pytest_plugins = ["browser_fixtures"]
"""The browser tests' fixtures: the site served under a sub-path, and Chromium."""


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The real content of content/, validated."""
    return load_content(ROOT / "content", ROOT)


@pytest.fixture(scope="session")
def fixture_corpus() -> Corpus:
    """The small, valid content set in tests/fixtures/content."""
    return load_content(FIXTURES / "content", ROOT)


@pytest.fixture(scope="session")
def built_site(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built into a temporary folder (with PDFs and data), once per session."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1763683200")
    site = tmp_path_factory.mktemp("built") / "site"
    build_site(corpus, site, post_steps=post_steps(pdf=True))
    return site
