"""Search: index each page's sections as mkdocs-material's search plugin does, only faster.

The plugin splits every page into sections with Python's HTMLParser, which was a quarter
of the build at 1,000 covenants. Every page reaches it through the sanitiser, whose output
is regular: lower-case tags, attribute values always in double quotes, no comments, no
script or style. `SectionParser`, a subclass of the plugin's parser, reads that regular
HTML with one regular expression and handles each tag and text with the plugin's own
statements, on plain tag names. Anything it cannot read as such goes to the stock parser
whole, so the index is the same either way; tests compare the two.
"""

from __future__ import annotations

import html
import re
from typing import Any

from material.plugins.search.plugin import Element, Parser, Section, void

_TOKEN = re.compile(
    r"""<(?P<start>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>(?:\s+[^\s"'<>/=]+(?:="[^"]*")?)*)\s*(?P<slash>/?)>"""
    r"|</(?P<end>[a-zA-Z][a-zA-Z0-9-]*)\s*>"
    r"|(?P<text>[^<]+)"
)
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:(=)"([^"]*)")?""")


_READ = frozenset({"id", "class", "data-search-exclude"})
"""The only attributes the parser looks at: headings' anchors, exclusions, permalinks."""


def _attributes(text: str) -> list[tuple[str, str | None]]:
    """The attributes the parser looks at, as HTMLParser gives them (names in lower case)."""
    lowered = text.lower()
    if "id" not in lowered and "class" not in lowered and "data-search-exclude" not in lowered:
        return []
    found = []
    for name, equals, value in _ATTRIBUTE.findall(text):
        name = name.lower()
        if name in _READ:  # a name alone has the value None, as HTMLParser gives it
            found.append((name, html.unescape(value) if equals else None))
    return found


def tokens(markup: str) -> list[tuple[str, Any]] | None:
    """The HTML as ('start', (tag, attrs)), ('end', tag) and ('text', text) tokens.

    Of a tag's attributes only those the parser looks at are kept (see _READ).

    None when some part of it is not plain sanitised HTML (a comment, a stray '<').
    """
    found: list[tuple[str, Any]] = []
    position = 0
    for match in _TOKEN.finditer(markup):
        if match.start() != position:
            return None
        position = match.end()
        if match["start"]:
            attrs = _attributes(match["attrs"])
            tag = match["start"].lower()
            found.append(("start", (tag, attrs)))
            if match["slash"]:  # <x/>: HTMLParser opens and closes it
                found.append(("end", tag))
        elif match["end"]:
            found.append(("end", match["end"].lower()))
        else:
            found.append(("text", html.unescape(match["text"])))
    return found if position == len(markup) else None


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_ALWAYS_SKIPPED = frozenset({"object", "script", "style"})


class SectionParser(Parser):  # type: ignore[misc]
    """The search plugin's parser, faster for sanitised HTML.

    The handling of tags and text below follows the plugin's Parser (mkdocs-material 9.8)
    statement by statement, with plain tag names where it compares elements by tag.
    """

    skip: set[Any]  # the stock parser's skipped elements (and tag names)

    def feed(self, data: str) -> None:
        """Split the page into sections, like the stock parser."""
        found = tokens(data)
        if found is None:
            super().feed(data)
        else:
            self._sections(found)

    def _sections(self, found: list[tuple[str, Any]]) -> None:
        context: list[Any] = self.context  # Elements, as the stock parser keeps them
        tags: list[str] = [el.tag for el in context]  # their tags, for fast comparisons
        skip: set[str] = {getattr(el, "tag", el) for el in self.skip}  # by tag
        data_list = self.data
        for kind, value in found:
            if kind == "start":
                tag, attrs = value
                attrs = dict(attrs)
                el = Element(tag, attrs)
                if tag in void:
                    continue
                context.append(el)
                tags.append(tag)
                if tag in _HEADINGS and "id" in attrs:
                    depth = len(context)
                    if tag != "h1" and not data_list:
                        self.section = Section(Element("hx"), depth)
                        data_list.append(self.section)
                    self.section = Section(el, depth)
                    if data_list:
                        self.section.id = attrs["id"]
                    data_list.append(self.section)
                if not self.section:
                    self.section = Section(Element("hx"))
                    data_list.append(self.section)
                if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
                    skip.add(tag)
                    continue
                if tag in _KEEP and skip.isdisjoint(tags):
                    self._target(tags).append(f"<{tag}>")
            elif kind == "end":
                tag = value
                if not tags or tags[-1] != tag:
                    continue
                if self.section.depth > len(context):
                    for section in reversed(data_list):
                        if section.depth <= len(context):
                            self.section.depth = float("inf")
                            self.section = section
                            break
                context.pop()
                tags.pop()
                if tag in skip:
                    if tag not in _ALWAYS_SKIPPED:
                        skip.discard(tag)
                    continue
                if tag in _KEEP and skip.isdisjoint(tags):
                    target = self._target(tags)
                    index = target.index(f"<{tag}>")
                    for i in range(index + 1, len(target)):
                        if not target[i].isspace():
                            index = len(target)
                            break
                    if len(target) > index:
                        del target[index:]
                    else:
                        target.append(f"</{tag}>")
            else:
                self._text(value, tags, skip)
        self.skip = {*(_ALWAYS_SKIPPED), *(Element(tag) for tag in skip - _ALWAYS_SKIPPED)}

    def _target(self, tags: list[str]) -> list[str]:
        """Where kept markup goes: the section's title while inside its heading, else its text."""
        section = self.section
        found: list[str] = section.title if section.el.tag in tags else section.text
        return found

    def _text(self, data: str, tags: list[str], skip: set[str]) -> None:
        if not skip.isdisjoint(tags):
            return
        if "pre" not in tags:
            data = data.replace("\n", " ") if not data.isspace() else " "
        if not self.section:
            self.section = Section(Element("hx"))
            self.data.append(self.section)
        section = self.section
        if section.el.tag in tags:
            permalink = any(
                el.tag == "a" and el.attrs.get("class") == "headerlink" for el in self.context
            )
            if not permalink:
                section.title.append(html.escape(data, quote=False))
        elif data.isspace():
            if not section.text or not section.text[-1].isspace() or "pre" in tags:
                section.text.append(data)
        else:
            section.text.append(html.escape(data, quote=False))


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
