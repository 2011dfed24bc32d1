"""mkdocs hooks (named in mkdocs.yml): sanitise the HTML of every page before the theme wraps it."""

from __future__ import annotations

from typing import Any

from imvo.sanitize import sanitize


def on_page_content(html: str, **_: Any) -> str:
    """Run each page's content through the allow-list sanitiser."""
    return sanitize(html)
