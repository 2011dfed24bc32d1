"""Markdown text: the small helpers that prepare text for Markdown and read it back as plain
text (an escaped title, an editor's headings moved down a level, a first sentence, the
glossary's abbreviations)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from markdown.extensions.toc import slugify
from markupsafe import Markup

from imvo.model.content import Corpus

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def md_plain(value: Any) -> Markup:
    """Escape a plain-text value for a Markdown line: HTML first, then Markdown syntax.

    Quotes stay as they are: they are harmless in text, and escaped they would end up in
    the heading's anchor ("nieuw-34bijzonder34").
    """
    text = html.escape(str(value), quote=False)
    return Markup(_MD_SPECIAL.sub(r"\\\1", text))


def theme_text(value: str) -> str:
    """Text for mkdocs-material, which prints titles unescaped: no tag can open or close.

    Only < > and " are replaced ('&' stays, so the theme's own escaping of aria-labels does
    not show '&amp;' for a title like 'Banken & verzekeraars')."""
    return value.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def heading_id(text: str) -> str:
    """The anchor Python-Markdown's toc extension would give a heading with this text."""
    return slugify(text, "-")


_ATX_HEADING = re.compile(r"^#{1,6}")


_FENCE = re.compile(r"^\s*(```|~~~)[^`]*$")


def md_block(value: Any, top: int = 1) -> Markup:
    """A Markdown field from the content, as Markdown; the hook sanitises its HTML.

    `top` is the level an editor's '#' heading gets: a field that sits in a section under
    an <h2> passes 3, so that its headings stay below the page's own (one <h1> a page).
    """
    text = str(value).strip()
    if top > 1 and "#" in text:
        fenced = False
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if _FENCE.match(line):
                fenced = not fenced
            elif not fenced:
                lines[index] = _ATX_HEADING.sub(
                    lambda hashes: "#" * min(6, len(hashes[0]) + top - 1), line
                )
        text = "\n".join(lines)
    return Markup(text)


def abbreviations(corpus: Corpus, lang: str) -> dict[str, str]:
    """The glossary's abbreviations in one language with what they stand for (OESO: ...).

    The abbr extension explains them wherever they appear in Markdown; the renderer marks
    them the same way in the UI strings the templates write as HTML (`ui_abbr`).
    """
    found = {}
    for entry in corpus.glossary.entries:
        if entry.abbreviation is not None:
            found[entry.abbreviation.get(lang)] = " ".join(entry.term.get(lang).split())
    return found


def abbreviation_markup(glossary: dict[str, str]) -> Callable[[str], Markup]:
    """A function that escapes a text and marks each known abbreviation in it with <abbr>.

    The same words as the abbr extension's: whole words, the longest first.
    """
    if not glossary:
        return lambda text: Markup(html.escape(text))
    keys = sorted(glossary, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(key) for key in keys) + r")\b")

    def mark(text: str) -> Markup:
        out, last = [], 0
        for match in pattern.finditer(text):
            out.append(html.escape(text[last : match.start()]))
            title = html.escape(glossary[match[0]])
            out.append(f'<abbr title="{title}">{html.escape(match[0])}</abbr>')
            last = match.end()
        out.append(html.escape(text[last:]))
        return Markup("".join(out))

    return mark


def split_title(markdown: str) -> tuple[str, str]:
    """Take the '# Title' line off a text; return the title and the rest."""
    lines = markdown.strip().splitlines()
    if lines and lines[0].startswith("# "):
        return lines[0][2:].strip(), "\n".join(lines[1:]).strip() + "\n"
    return "", markdown


def first_sentence(markdown: str) -> str:
    """The first sentence of a text, without Markdown, for the page's meta description."""
    # Only the start counts, and no pattern may scan ahead from every '<' or '[' of a long
    # text: on 100,000 '[' in a row that took 50 s.
    plain = re.sub(r"<[^<>]*>", "", markdown[:3000])  # raw HTML: keep only its text
    plain = re.sub(r"\[([^\[\]]*)\]\([^()]*\)", r"\1", plain)  # a link: keep its text
    plain = re.sub(r"[*_`#>\[\]]", "", plain).strip()
    match = re.match(r"(.+?[.!?])(\s|$)", plain, re.S)
    sentence = match.group(1) if match else plain
    return " ".join(sentence.split())[:300]
