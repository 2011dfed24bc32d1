"""mkdocs hooks (named in mkdocs.yml): finish the HTML of every page before the theme wraps it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from imvo.render import unstash_html
from imvo.sanitize import sanitize


def on_page_content(html: str, page: Any = None, config: Any = None, **_: Any) -> str:
    """Put back the page's stashed HTML blocks, then run it all through the sanitiser."""
    folder = (config or {}).get("extra", {}).get("imvo_blocks") if config else None
    if folder and page is not None:
        stash = Path(folder) / (page.file.src_uri.removesuffix(".md") + ".json")
        if stash.is_file():
            html = unstash_html(html, json.loads(stash.read_text(encoding="utf-8")))
    return sanitize(html)
