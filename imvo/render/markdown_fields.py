"""Markdown fields to HTML, in the render stage: one Python-Markdown per language.

Editors write Markdown in many fields (a summary, a goal, a text page). Each field becomes
finished HTML here, cleaned on its own by the editors' allow-list (a tag it leaves open is
closed at its end), with the extensions mkdocs.yml names (abbreviations from the glossary,
tables, attribute lists, headings with anchors); mkdocs gets pages that are HTML already.

While a page is rendered, `PageParts` keeps what it is made of as data: every anchor used
(so that an editor's heading never takes the anchor of one of the page's own), its headings
in order (the theme's table of contents) and the problems its links have, each with the
file, line and field it was written in.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from xml.etree.ElementTree import Element

import markdown as python_markdown
import yaml
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from imvo import ROOT
from imvo.messages.problems import Problem
from imvo.messages.problems import error_in_words as words
from imvo.model.limits import MAX_TEXT_LINES, MAX_TEXT_MARKUP
from imvo.model.positions import Positions
from imvo.render.link_check import CODES, LinkCheckExtension
from imvo.render.markdown_text import abbreviation_markup, md_block, md_plain
from imvo.render.sanitize import sanitize_text

ENGINE_EXTENSIONS = ("toc", "tables", "fenced_code")
"""The extensions mkdocs always adds to the ones mkdocs.yml names (its built-ins)."""


@dataclass(frozen=True)
class TocEntry:
    """One heading of a page: its level (1-6), its anchor and its text as HTML text."""

    level: int
    id: str
    name: str


@dataclass(frozen=True)
class Where:
    """Where a field was written: the file as editors see it, the line, the field's name."""

    path: str
    line: int
    field: str = "(link)"
    source: Positions | None = None
    """The file as the loader read it, to find a link's own line in a long text."""


@dataclass
class PageParts:
    """What one page is made of, collected while its template renders."""

    reserved: frozenset[str] = frozenset()
    """Anchors the page's template uses further down (known from an earlier try)."""
    taken: set[str] = field(default_factory=set)
    toc: list[TocEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    template_ids: list[str] = field(default_factory=list)
    """The anchors the template wrote, in order (an editor's heading may not take one)."""
    field_ids: list[str] = field(default_factory=list)
    """The anchors the editors' headings got, in order."""

    def take(self, base: str) -> str:
        """A free anchor for an editor's heading: `base`, or base_1, base_2 ... if it is used."""
        anchor, number = base, 0
        while anchor in self.taken or anchor in self.reserved:
            number += 1
            anchor = f"{base}_{number}"
        self.taken.add(anchor)
        return anchor

    def anchor(self, value: str) -> str:
        """An anchor the template writes (as given; the template keeps its own unique)."""
        self.template_ids.append(value)
        self.taken.add(value)
        return value

    def clashes(self) -> bool:
        """Whether an editor's heading took an anchor the template wrote after it."""
        written = set(self.template_ids)
        return any(anchor in written for anchor in self.field_ids)


def _extension_list() -> list[Any]:
    """The Markdown extensions of mkdocs.yml, in mkdocs' order (its built-ins first)."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        configured = yaml.safe_load(handle).get("markdown_extensions") or []
    names = [*ENGINE_EXTENSIONS]
    configs: dict[str, dict[str, Any]] = {}
    for item in configured:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        if name not in names:
            names.append(name)
        configs[name] = dict(config or {})
    return [(name, configs.get(name, {})) for name in names]


@cache
def markdown_extensions() -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    """mkdocs.yml's extensions with their settings, read once per process."""
    return tuple((name, tuple(config.items())) for name, config in _extension_list())


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
PLAIN_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""The only id an editor may give a heading ({#id}): a plain slug, as a file name."""


class PlainHeadings(Treeprocessor):
    """Leaves a heading nothing of its attribute list but a plain id, and notes whether it
    had more (see imvo/validate/headings.py, which refuses that in `check`).

    It runs after attr_list (8) and before toc (5): an id like `x"><script>` or a class never
    reaches the page, its table of contents or the search index, whatever passed the check.
    A plain id an editor gave takes a free anchor of the page (`parts`, when rendering a
    page), as a heading's own anchor does: `{#goals}` above the page's own "goals" becomes
    goals_1, never a second element with that id.
    """

    def __init__(self, md: python_markdown.Markdown) -> None:
        super().__init__(md)
        self.bad = False
        self.parts: PageParts | None = None

    @classmethod
    def add_to(cls, md: python_markdown.Markdown) -> PlainHeadings:
        """Register one on a Markdown instance; return it."""
        step = cls(md)
        md.treeprocessors.register(step, "imvo_plain_headings", 6)
        return step

    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.tag not in _HEADINGS or not element.attrib:
                continue
            given = element.get("id", "")
            if element.attrib.keys() != {"id"} or PLAIN_ID.fullmatch(given) is None:
                self.bad = True
                element.attrib.clear()
            elif self.parts is not None:
                element.set("id", self.parts.take(given))


_BETWEEN_FIELDS = PageParts()
"""What `Fields` holds between two conversions (Markdown calls back only during one): one
shared value rather than a new one after every field, of which a build has tens of
thousands."""


class Fields:
    """Renders Markdown fields of one language to clean HTML; each call is told the parts of
    the page it renders for (the Markdown object itself is made once per language)."""

    def __init__(self, glossary: dict[str, str], pages: set[str]) -> None:
        self._parts = _BETWEEN_FIELDS
        """The page of the field being converted (its anchors, headings and problems)."""
        configs: dict[str, dict[str, Any]] = {}
        names = []
        for name, config in markdown_extensions():
            names.append(name)
            configs[name] = dict(config)
        configs.setdefault("toc", {})["slugify"] = self._slug
        if "abbr" in configs and glossary:
            configs["abbr"]["glossary"] = glossary
        self.links = LinkCheckExtension(pages=pages, report=self._link_problem)
        self.md = python_markdown.Markdown(
            extensions=[*names, self.links], extension_configs=configs
        )
        self._plain = PlainHeadings.add_to(self.md)
        self.where: Where | None = None
        self._mark = abbreviation_markup(glossary)

    def _slug(self, text: str, separator: str) -> str:
        return self._parts.take(slugify(text, separator))

    def _link_problem(self, needle: str, kind: str) -> None:
        where = self.where
        if where is None:
            return
        # The line inside a long text, from the text the loader read: never read again.
        line = where.source.find(where.line, needle) if where.source else where.line
        extra = {"first": needle[:1]} if kind == "absolute" else {}
        found = Problem.of(where.path, line, where.field, CODES[kind], link=needle, **extra)
        self._parts.problems.append(found)

    def html(
        self,
        value: Any,
        parts: PageParts,
        where: Where | None = None,
        *,
        top: int = 1,
        inline: bool = False,
    ) -> Markup:
        """A Markdown field as finished, cleaned HTML; its headings join the page's `parts`.

        `top` is the level an editor's '#' heading gets (3 in a section under an <h2>);
        `inline` leaves off the <p> around a field of one paragraph (a list item, a step).
        """
        text = str(value).strip()
        over = too_much(text)
        if over is not None and where is not None:
            # Refused before Python-Markdown sees it: some of its work grows with the square
            # of a text's lines or brackets (imvo/model/limits.py).
            code, params = over
            parts.problems.append(Problem.of(where.path, where.line, "(text)", code, **params))
            return Markup("")
        if plain(text):  # what Python-Markdown would make of it, without its passes
            return Markup(self._mark(text) if inline else f"<p>{self._mark(text)}</p>")
        self.where, self._parts, self._plain.parts = where, parts, parts
        self.md.reset()
        try:
            converted = self.md.convert(str(md_block(value, top)))
        except (RecursionError, ValueError, IndexError) as error:
            # Python-Markdown gives up on some texts (ten thousand definitions in a row run
            # it out of recursion): one line on the field's place, not a traceback.
            if where is None:
                raise
            crash = Problem.of(where.path, where.line, "(text)", "text-crash", error=words(error))
            parts.problems.append(crash)
            return Markup("")
        finally:
            self.where, self._parts, self._plain.parts = None, _BETWEEN_FIELDS, None
        out = sanitize_text(converted).strip()
        for token in _flat(getattr(self.md, "toc_tokens", [])):
            parts.toc.append(TocEntry(token["level"], token["id"], token["name"]))
            parts.taken.add(token["id"])
            parts.field_ids.append(token["id"])
        if inline and out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
            out = out[3:-4]
        return Markup(out)

    def title(self, value: Any, parts: PageParts) -> Markup:
        """A page's title as its <h1>, with the anchor and abbreviations Markdown gives it."""
        text = str(value).strip()
        if not plain(text):
            return self.html(f"# {md_plain(text)}", parts)
        anchor = parts.take(slugify(text, "-"))
        parts.toc.append(TocEntry(1, anchor, text))
        parts.field_ids.append(anchor)
        return Markup(f'<h1 id="{anchor}">{self._mark(text)}</h1>')


def too_much(text: str) -> tuple[str, dict[str, int]] | None:
    """The message code and values when a Markdown text is over a limit of imvo/model/limits.py
    (its lines, or its '[' and '<'), else None: `check` and the build refuse it alike."""
    lines = text.count("\n") + 1
    if lines > MAX_TEXT_LINES:
        return "text-too-many-lines", {"count": lines, "limit": MAX_TEXT_LINES}
    markup = text.count("[") + text.count("<")
    if markup > MAX_TEXT_MARKUP:
        return "text-too-much-markup", {"count": markup, "limit": MAX_TEXT_MARKUP}
    return None


_PLAIN = re.compile(r"[^\W\d_][^\n*_`\[\]<>&#|\\~{}!=]*")
"""One line of words that Python-Markdown would only wrap in a paragraph: it starts with a
letter (no list, heading or code) and holds no character its syntax or its escaping reads."""


def plain(text: str) -> bool:
    """Whether a text is plain words (see _PLAIN): most fields are, and skip Markdown's work.

    The result is the same HTML as Python-Markdown's (tests compare the two on the content).
    """
    return len(text) < 5000 and not text.endswith(" ") and _PLAIN.fullmatch(text) is not None


def _flat(tokens: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Python-Markdown's nested headings, in document order."""
    found: list[dict[str, Any]] = []
    for token in tokens:
        found.append(token)
        found += _flat(token.get("children", []))
    return found


def heading(parts: PageParts, level: int, anchor: str, name: str, inner: Markup | str,
            css: str = "") -> Markup:  # fmt: skip
    """One of the template's own headings: written, and listed in the page's contents."""
    anchor = parts.anchor(anchor)
    parts.toc.append(TocEntry(level, anchor, html.escape(" ".join(name.split()), quote=False)))
    classes = f' class="{html.escape(css)}"' if css else ""
    text = inner if isinstance(inner, Markup) else Markup.escape(inner)
    return Markup(f'<h{level} id="{html.escape(anchor)}"{classes}>{text}</h{level}>')
