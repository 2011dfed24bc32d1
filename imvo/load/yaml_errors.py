"""YAML syntax errors in an editor's words: the line to look at and what to do there.

The parser's own wording never reaches an editor: each kind of mistake (a tab, an unclosed
quote, a colon in a text without quotes, a bracket left open...) has its own sentence.
"""

from __future__ import annotations

import re

import yaml

from imvo.messages import Msg, msg

_QUOTE_START_RE = re.compile(r"""^\s*(?:-\s+)*(?:[^\s"'#][^:#]*:\s+)?(["'])(.*)$""")


def _unclosed_quote(text: str, upto: int) -> int | None:
    """The first line (up to line `upto`) that opens a quoted value and does not close it."""
    for number, line in enumerate(text.splitlines()[:upto], start=1):
        match = _QUOTE_START_RE.match(line)
        if match is None:
            continue
        quote, rest = match.groups()
        if quote == '"':
            closed = re.search(r'(?<!\\)"', rest) is not None
        else:
            closed = re.search(r"'(?!')", rest.replace("''", "")) is not None
        if not closed:
            return number
    return None


_QUOTED_THEN_TEXT_RE = re.compile(r"""^\s*(?:-\s+)?[^\s:#]+:\s+(["'])(?:(?!\1).)*\1\s*[^\s#]""")
"""A value that starts as a quoted text and goes on after the closing quote."""


def yaml_problem(error: yaml.MarkedYAMLError, text: str) -> tuple[int, Msg]:
    """The line and an editor's sentence for a YAML syntax error (never the parser's words)."""
    mark = error.problem_mark or error.context_mark
    lines = text.splitlines()
    # libyaml may point past the last line (an unclosed bracket at the end of the file).
    line = min(mark.line + 1, len(lines)) if mark and lines else 1
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip(" \t-"))]
    problem = error.problem or "invalid YAML"
    context = error.context or ""
    if "\t" in indent or "'\\t'" in problem:
        return line, msg("yaml-tab")
    opened = _unclosed_quote(text, line)
    if opened is not None and (opened < line or "quoted scalar" in context):
        return opened, msg("yaml-quote-open")
    if "mapping values are not allowed" in problem:
        return line, msg("yaml-colon")
    if "expected '-' indicator" in problem:
        return line, msg("yaml-list-indent")
    if "expected ',' or" in problem:
        opener = "{" if "flow mapping" in context else "["
        start = error.context_mark.line + 1 if error.context_mark else line
        for number in range(min(start, len(lines)), 0, -1):
            if opener in lines[number - 1]:
                start = number
                break
        return start, msg("yaml-bracket")
    if "expected key" in problem or "expected <block end>" in problem:
        if _QUOTED_THEN_TEXT_RE.match(source_line):
            return line, msg("yaml-quote-inside")
        return line, msg("yaml-indent")
    if "another document" in problem:
        return line, msg("yaml-document")
    if "escape character" in problem:
        return line, msg("yaml-escape")
    column = mark.column if mark else 0
    char = source_line[column : column + 1]
    if char and char in "@`%*&|>!" and "quoted" not in context:
        return line, msg("yaml-special-start", char=f"'{char}'")
    return line, msg("yaml-other")
