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


_KEY_RE = re.compile(r"^(\s*)((?:-\s+)*)([^\s\-#\"'][^:#]*?):(?:\s|$)")
"""A line that starts with a field name (after any '- '): its indent, its dashes, its name."""


def _key_column(line: str) -> tuple[int, str] | None:
    """Where a line's field name starts, and the name: (4, 'role') for '  - role: x'."""
    match = _KEY_RE.match(line)
    if match is None:
        return None
    return len(match[1]) + len(match[2]), match[3].strip()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _meaningful(lines: list[str], before: int) -> int | None:
    """The number of the last line before line `before` that holds more than a comment."""
    for number in range(before - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _shifted(lines: list[str], line: int, column: int) -> list[str]:
    """Line `line` and the lines under it (indented further) moved so that it starts at
    `column`: the block as the message says to write it."""
    own = _indent(lines[line - 1])
    block = [lines[line - 1]]
    for text in lines[line:]:
        if text.strip() and _indent(text) <= own:
            break
        block.append(text)
    shift = column - own
    if shift >= 0:
        return [" " * shift + text if text.strip() else text for text in block]
    return [text[min(-shift, _indent(text)) :] for text in block]


def _aligned(lines: list[str], line: int) -> tuple[Msg, list[str]] | None:
    """A field indented unlike the field of its group on the line above it: the message that
    names both and the block moved under the other (the one cause that applies), if so."""
    text = lines[line - 1]
    here = _key_column(text)
    above = _meaningful(lines, line)
    if here is None or above is None or text.lstrip().startswith("-"):
        return None
    other = _key_column(lines[above - 1])
    if other is None or other[0] == here[0]:
        return None
    # A field further in than the one above belongs to it only if that one has no value of
    # its own on its line; otherwise it can only be its neighbour, one or more spaces off.
    has_value = bool(lines[above - 1].split(":", 1)[1].split(" #", 1)[0].strip())
    if here[0] > other[0] and not has_value:
        return None
    if here[0] < other[0] and here[0] in _columns_above(lines, line):
        return None  # a column a group above uses: the line may well end the group
    message = msg("yaml-align", key=here[1], other=other[1], line=above, spaces=other[0])
    return message, _shifted(lines, line, other[0] - (here[0] - _indent(text)))


def _columns_above(lines: list[str], line: int) -> set[int]:
    """The columns where fields and dashes start on the lines above, back to the last line
    that starts at column 0."""
    columns: set[int] = set()
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        columns.add(_indent(text))
        found = _key_column(text)
        if found is not None:
            columns.add(found[0])
        if _indent(text) == 0:
            break
    return columns


def _owner(lines: list[str], item: int, dash: int) -> tuple[int, str] | None:
    """The field a list belongs to ('sources:'), from the line of one of its items."""
    for number in range(item - 1, 0, -1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        found = _key_column(text)
        if text.lstrip().startswith("-") or _indent(text) > dash:
            continue
        if found is None or text.split(":", 1)[1].split(" #", 1)[0].strip():
            return None
        return number, found[1]
    return None


def _list_item_home(lines: list[str], line: int) -> tuple[Msg, list[str]] | None:
    """A list item ('- id: ...') indented unlike the list it belongs to: the list above whose
    items start with the same field, and the item moved in line with them."""
    text = lines[line - 1]
    found = _key_column(text)
    if found is None or not text.lstrip().startswith("-"):
        return None
    key = found[1]
    item = re.compile(rf"^( *)-\s+{re.escape(key)}:")
    for number in range(line - 1, 0, -1):
        match = item.match(lines[number - 1])
        if match is None or len(match[1]) == _indent(text):
            continue
        dash = len(match[1])
        owner = _owner(lines, number, dash)
        if owner is None:
            return None
        message = msg("yaml-item-under", key=key, parent=owner[1], line=owner[0], spaces=dash)
        return message, _shifted(lines, line, dash)
    return None


def _colon_in_text(line: str, column: int) -> tuple[Msg, list[str]] | None:
    """'title: Jaarverslag 2024: ondertekend': a text with ': ' in it after its field name."""
    found = _key_column(line)
    if found is None:
        return None
    start, key = found
    value_at = line.index(":", start) + 1
    if column <= value_at - 1:
        return None  # the field name's own colon: not a colon inside the text
    value = line[value_at:].strip()
    if not value or value[0] in "\"'[{|>":
        return None
    quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    fixed = f"{line[:value_at]} {quoted}"
    return msg("yaml-colon-in-text", key=key, fixed=f"{key}: {quoted}"), [fixed]


_NO_SPACE_RE = re.compile(r"^(\s*(?:-\s+)*)([A-Za-z_][\w-]*):([^\s/:])")
"""A field name followed by its value without the space YAML needs ('tagline:[', 'nl:Tekst');
not an address ('https://')."""


def _no_space_after_colon(lines: list[str], line: int) -> tuple[int, Msg, list[str]] | None:
    """A field name with its value right after the ':' (no space), on the line of the error
    or the one before it: YAML reads the whole line as one word."""
    for number in (line - 1, line):
        if 0 < number <= len(lines):
            match = _NO_SPACE_RE.match(lines[number - 1])
            if match is not None:
                text = lines[number - 1]
                fixed = text[: match.end(2) + 1] + " " + text[match.end(2) + 1 :]
                return number, msg("yaml-space-after-colon", key=match[2]), [fixed]
    return None


def _misplaced(
    problem: str, lines: list[str], line: int, column: int
) -> tuple[Msg, list[str]] | None:
    """The one cause of an error of place, where it can be told: a ':' inside a text, a
    field not under the field of its group, a list item not in line with its list."""
    if not 0 < line <= len(lines):
        return None
    if "mapping values are not allowed" in problem:
        return _colon_in_text(lines[line - 1], column) or _aligned(lines, line)
    if "expected '-' indicator" in problem:
        return _aligned(lines, line) or _list_item_home(lines, line)
    if "expected key" in problem or "expected <block end>" in problem:
        if _QUOTED_THEN_TEXT_RE.match(lines[line - 1]):
            return None
        return _list_item_home(lines, line) or _aligned(lines, line)
    return None


def _colon_cause(line: str, column: int) -> Msg:
    """A ':' where YAML allows none, when no exact fix is known: the field name's own ':' on a
    line indented too far, or a ':' inside a text."""
    found = _key_column(line)
    if found is not None and line.index(":", found[0]) == column:
        return msg("yaml-indent-deeper", key=found[1])
    return msg("yaml-colon")


def yaml_problem(error: yaml.MarkedYAMLError, text: str) -> tuple[int, Msg, list[str] | None]:
    """The line and an editor's sentence for a YAML syntax error (never the parser's words),
    and the lines from there as the sentence says to write them, where it says exactly how
    (else None: the line is left out to read the rest of the file)."""
    mark = error.problem_mark or error.context_mark
    lines = text.splitlines()
    # libyaml may point past the last line (an unclosed bracket at the end of the file).
    line = min(mark.line + 1, len(lines)) if mark and lines else 1
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip(" \t-"))]
    problem = error.problem or "invalid YAML"
    context = error.context or ""
    if "\t" in indent or "'\\t'" in problem:
        return line, msg("yaml-tab"), None
    opened = _unclosed_quote(text, line)
    if opened is not None and (opened < line or "quoted scalar" in context):
        return opened, msg("yaml-quote-open"), None
    column = mark.column if mark else 0
    spaced = _no_space_after_colon(lines, line)
    if spaced is not None:
        return spaced[0], spaced[1], spaced[2]
    placed = _misplaced(problem, lines, line, column)
    if placed is not None:
        return line, placed[0], placed[1]
    if "mapping values are not allowed" in problem:
        return line, _colon_cause(source_line, column), None
    if "expected '-' indicator" in problem:
        return line, msg("yaml-list-indent"), None
    if "expected ',' or" in problem:
        opener = "{" if "flow mapping" in context else "["
        start = error.context_mark.line + 1 if error.context_mark else line
        for number in range(min(start, len(lines)), 0, -1):
            if opener in lines[number - 1]:
                start = number
                break
        return start, msg("yaml-bracket"), None
    if "expected key" in problem or "expected <block end>" in problem:
        if _QUOTED_THEN_TEXT_RE.match(source_line):
            return line, msg("yaml-quote-inside"), None
        return line, msg("yaml-indent"), None
    if "another document" in problem:
        return line, msg("yaml-document"), None
    if "escape character" in problem:
        return line, msg("yaml-escape"), None
    char = source_line[column : column + 1]
    if char and char in "@`%*&|>!" and "quoted" not in context:
        return line, msg("yaml-special-start", char=f"'{char}'"), None
    return line, msg("yaml-other"), None
