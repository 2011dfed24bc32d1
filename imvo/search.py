"""Search: index each page's sections as mkdocs-material's search plugin does, only faster.

The plugin splits every page into sections with Python's HTMLParser, which was a quarter
of the build at 1,000 covenants. Every page reaches it through the sanitiser, whose output
is regular: lower-case tags, attribute values always in double quotes, no comments, no
script or style. `SectionParser` keeps the plugin's own handling of each tag and text (it
is a subclass of the plugin's parser) and only replaces the tokeniser with one regular
expression over that regular HTML. Anything it cannot read as such goes to the stock
parser whole, so the index is the same either way; a test compares the two.
"""

from __future__ import annotations

import html
import re
from typing import Any

from material.plugins.search.plugin import Parser

_TOKEN = re.compile(
    r"""<(?P<start>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>(?:\s+[^\s"'<>/=]+(?:="[^"]*")?)*)\s*(?P<slash>/?)>"""
    r"|</(?P<end>[a-zA-Z][a-zA-Z0-9-]*)\s*>"
    r"|(?P<text>[^<]+)"
)
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:="([^"]*)")?""")


def tokens(markup: str) -> list[tuple[str, Any]] | None:
    """The HTML as ('start', (tag, attrs)), ('end', tag) and ('text', text) tokens.

    None when some part of it is not plain sanitised HTML (a comment, a stray '<').
    """
    found: list[tuple[str, Any]] = []
    position = 0
    for match in _TOKEN.finditer(markup):
        if match.start() != position:
            return None
        position = match.end()
        if match["start"]:
            attrs = [
                (name.lower(), None if value is None else html.unescape(value))
                for name, value in _ATTRIBUTE.findall(match["attrs"])
            ]
            tag = match["start"].lower()
            found.append(("start", (tag, attrs)))
            if match["slash"]:  # <x/>: HTMLParser opens and closes it
                found.append(("end", tag))
        elif match["end"]:
            found.append(("end", match["end"].lower()))
        else:
            found.append(("text", html.unescape(match["text"])))
    return found if position == len(markup) else None


class SectionParser(Parser):  # type: ignore[misc]
    """The search plugin's parser with a faster tokeniser for sanitised HTML."""

    def feed(self, data: str) -> None:
        """Split the page into sections, like the stock parser, token by token."""
        found = tokens(data)
        if found is None:
            super().feed(data)
            return
        for kind, value in found:
            if kind == "start":
                self.handle_starttag(*value)
            elif kind == "end":
                self.handle_endtag(value)
            else:
                self.handle_data(value)


def index_page(plugin: Any, page: Any) -> bool:
    """Add a page's sections to the plugin's index as the plugin would; False if it skips it."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return False
    parser = SectionParser()
    parser.feed(page.content)
    parser.close()
    index = plugin.search_index
    for section in parser.data:
        if not section.is_excluded():
            index.create_entry_for_section(section, page.toc, page.url, page)
    return True
