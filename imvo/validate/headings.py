"""Headings in editors' Markdown: an attribute list may give a heading a plain id, nothing else.

Python-Markdown's attr_list extension (mkdocs.yml) reads `## Title {#id}` and
`## Title {: #id .class key=value }` at the end of a heading. The id becomes the heading's
anchor and goes into the theme's table of contents and the search index, a class or any other
attribute onto the heading itself. So a heading may carry one plain id (lower-case letters,
digits and hyphens, as a file name), and the build and `check` refuse anything else: the same
parser decides what is a heading, so headings in lists, quotes or underlined with === count.
(The render stage strips whatever else a heading got all the same: `PlainHeadings`.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import markdown as python_markdown

from imvo.load import LoadedFile
from imvo.messages.problems import Problem
from imvo.model.positions import FieldPath, field_name
from imvo.render.markdown_fields import PLAIN_ID, PlainHeadings, markdown_extensions, too_much

CODE = "heading-attributes"

_ATTR_END = re.compile(r"\{:?([^}\n]*)\}[ \t#]*$")
"""An attribute list at the end of a line, as attr_list reads one (trailing '#'s aside)."""
_PLAIN_ID = re.compile(rf"[ \t]*#{PLAIN_ID.pattern}[ \t]*")
"""The only attribute list a heading may have: one id that is a plain slug."""
_HEADING_LINE = re.compile(r"^[ \t>*+\-0-9.)]*#")
_SETEXT = re.compile(r"^[ ]{0,3}(=+|-+)[ \t]*$")


@cache
def _parser() -> tuple[python_markdown.Markdown, PlainHeadings]:
    """A Python-Markdown with the build's extensions (mkdocs.yml's), made once per process,
    and the step that notes the headings' attributes (attr_list runs at 8, toc at 5)."""
    extensions = markdown_extensions()
    parser = python_markdown.Markdown(
        extensions=[name for name, _ in extensions],
        extension_configs={name: dict(config) for name, config in extensions},
    )
    return parser, PlainHeadings.add_to(parser)


def _has_bad_heading(text: str) -> bool:
    """Whether Python-Markdown gives any heading of the text more than a plain id."""
    parser, noted = _parser()
    parser.reset()
    noted.bad = False
    try:
        parser.convert(text)
    except (RecursionError, ValueError, IndexError):
        return False  # the render stage reports a text Markdown gives up on, on its line
    return noted.bad


def bad_heading_lines(text: str) -> list[tuple[int, str]]:
    """For each heading with more than a plain id: its line in the text (from 0) and its
    attribute list as written. Empty for a text without one."""
    if "{" not in text or too_much(text) is not None or not _has_bad_heading(text):
        return []  # a text over the limits is refused, unread, by the render stage
    lines = text.split("\n")
    found: list[tuple[int, str]] = []
    candidates: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        match = _ATTR_END.search(line)
        if match is None or _PLAIN_ID.fullmatch(match[1]):
            continue
        written = match[0].rstrip(" \t#")
        candidates.append((index, written))
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _HEADING_LINE.match(line) or _SETEXT.match(following):
            found.append((index, written))
    return found or candidates[:1] or [(0, "{}")]


def _strings(data: Any, where: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every text value of plain YAML data that could hold an attribute list, with its path."""
    if isinstance(data, str):
        if "{" in data:
            yield where, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*where, index))


def file_heading_problems(loaded: LoadedFile) -> list[Problem]:
    """A problem for each heading in a YAML file's texts that has more than a plain id, on
    its line (a text of several lines is a block: its first line follows the key's)."""
    problems = []
    for where, value in _strings(loaded.data):
        for index, written in bad_heading_lines(value):
            line = loaded.line_of(where) + (index + 1 if "\n" in value.strip("\n") else 0)
            problems.append(Problem.of(loaded.path, line, field_name(where), CODE, attrs=written))
    return problems


def text_heading_problems(text: str, shown: str) -> list[Problem]:
    """A problem for each heading of a text page (Markdown file) with more than a plain id."""
    return [
        Problem.of(shown, index + 1, "(text)", CODE, attrs=written)
        for index, written in bad_heading_lines(text)
    ]
