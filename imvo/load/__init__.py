"""Loading: read the content files into plain data, remembering the line of every value.

This module is the entry: read_yaml and read_text return a file's content or the problems
that stop it. The work is done in parts, one job each: safety.py opens only ordinary files
of bounded size and names the characters no file may hold; parse.py turns YAML text into
plain data and a line map, safely; yaml_errors.py words a YAML syntax error for an editor.
Every problem is returned as a :class:`Problem`, never raised as a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from imvo.load.parse import Plain, Recovered, Refused, parse_recovering, parse_yaml
from imvo.load.safety import (
    MAX_FILE_BYTES,
    SYMLINK_MESSAGE,
    UNPRINTABLE_RE,
    read_content,
    unprintable,
)
from imvo.load.surprises import plain_surprises, read_as, word_marks
from imvo.messages.problems import Problem
from imvo.model.positions import FieldPath, Positions, field_name

__all__ = [
    "MAX_FILE_BYTES",
    "SYMLINK_MESSAGE",
    "LoadedFile",
    "parse_bytes",
    "read_content",
    "read_text",
    "read_yaml",
]


@dataclass
class LoadedFile:
    """One content file read into plain data, with where each value was written."""

    data: Any
    positions: Positions
    """The file's name as editors see it and the line of each value by its path."""
    checked: Any = None
    """The data as its model, once validation accepted it (kept so it is not checked twice)."""
    left_out: frozenset[int] = frozenset()
    """Lines left out to read the rest of the file past a syntax error (see parse_recovering)."""
    left_out_near: frozenset[str] = frozenset()
    """The fields that held a line left out, named as problems name them."""
    said: frozenset[str] = frozenset()
    """The fields that loading already gave a problem (the model need not say it again)."""
    plain: dict[FieldPath, Plain] = field(default_factory=dict)
    """The values written without quotes, as typed (see Plain)."""

    @property
    def path(self) -> str:
        """The file as editors see it (content/covenants/banken.yaml)."""
        return self.positions.path

    @property
    def lines(self) -> dict[FieldPath, int]:
        """The line of each value by its path."""
        return self.positions.lines

    def line_of(self, where: FieldPath) -> int:
        """The line of a value; for a value that is not there, the line of its nearest parent."""
        return self.positions.line_of(where)

    def read_as(self, where: FieldPath) -> Any:
        """What YAML read a value without quotes as, where the model expected a text there
        (a yes/no value, a number, nothing): the message that says so, else None."""
        plain = self.plain.get(where)
        return read_as(plain.raw, plain.value) if plain is not None else None

    def follows(self, problem: Problem) -> bool:
        """Whether a later problem only follows from what loading said: a field it already
        named, or a field missing or empty because a line was left out past a syntax error."""
        if problem.field in self.said:
            return True
        if problem.code not in _FOLLOW_CODES:
            return False
        parent = _PARENT_RE.sub("", problem.field) or "(file)"
        return problem.field in self.left_out_near or parent in self.left_out_near

    def problem(
        self, where: FieldPath, code: str, severity: str = "error", /, **params: Any
    ) -> Problem:
        """A problem of this file at a value, on the value's line (or its nearest parent's)."""
        return Problem.of(
            self.path, self.line_of(where), field_name(where), code, severity, **params
        )


_FOLLOW_CODES = frozenset(
    {
        "required",
        "expected-group",
        "expected-list",
        "expected-text",
        "list-empty",
        "empty-group",
        "empty-text",
    }
)
"""The problems a line left out can cause in the fields around it."""
_PARENT_RE = re.compile(r"(\.[^.\[\]]+|\[\d+\])$|^[^.\[\]]+$")


def read_yaml(
    path: Path, shown: str, *, recover: bool = False
) -> tuple[LoadedFile | None, list[Problem]]:
    """Read one YAML file; return it with its line map, or the problems that stop it.

    With `recover`, a file with syntax errors or Word's characters is still read: every
    such problem is returned with the data of the rest of the file (see parse_recovering),
    and what YAML read otherwise than typed is said on its line (see imvo/load/surprises).
    """
    raw, size, problems = read_content(path, shown)
    if problems:
        return None, problems
    return parse_bytes(raw, size, shown, recover=recover)


def parse_bytes(
    raw: bytes | None, size: int, shown: str, *, recover: bool = False
) -> tuple[LoadedFile | None, list[Problem]]:
    """Parse the bytes of a YAML file read from elsewhere (None: more than MAX_FILE_BYTES,
    `size` of them) with every limit of read_yaml: an old version of a file from git is
    read as carefully as the file itself."""
    try:
        text = _yaml_text(raw, size)
        if not recover:
            data, lines = parse_yaml(text)
            return LoadedFile(data, Positions(shown, lines, text)), []
    except Refused as refused:
        return None, [_refused(shown, refused)]
    return _recovered(shown, text)


def _refused(shown: str, refused: Refused) -> Problem:
    coded = refused.message
    return Problem.of(shown, refused.line, refused.field, coded.code, **dict(coded.params))


def _recovered(shown: str, typed: str) -> tuple[LoadedFile | None, list[Problem]]:
    """A YAML text read past its syntax errors and Word's characters, with every problem."""
    text, word = word_marks(typed)
    read = parse_recovering(text)
    # A line with Word's characters is named for those: what else YAML then finds on it
    # (its indentation one off) is the same mistake.
    worded = {line for line, _ in word}
    problems = [_refused(shown, r) for r in read.refused if not (r.syntax and r.line in worded)]
    if read.data is None:
        words = [Problem.of(shown, n, "(file)", m.code, **dict(m.params)) for n, m in word]
        return None, problems + words
    on_line = _on_line(read)
    for number, message in word:
        here = on_line.get(number)
        name = field_name(here) if here else "(file)"
        problems.append(Problem.of(shown, number, name, message.code, **dict(message.params)))
    for where, message in plain_surprises(read.plain, read.text.split("\n")):
        line = read.lines.get(where, 1)
        name = field_name(where)
        problems.append(Problem.of(shown, line, name, message.code, **dict(message.params)))
    loaded = LoadedFile(
        read.data,
        Positions(shown, read.lines, typed),
        left_out=read.left_out,
        left_out_near=_holders(text.split("\n"), read),
        said=frozenset(p.field for p in problems if p.field != "(file)"),
        plain=read.plain,
    )
    return loaded, problems


def _yaml_text(raw: bytes | None, size: int) -> str:
    """The text of a YAML file that was read, or Refused: too large, a byte-order mark, not
    UTF-8, or a character no content file may hold."""
    if raw is None:
        raise Refused(
            1,
            "(file)",
            "file-too-large",
            size=f"{size / 1_000_000:.1f}",
            limit=MAX_FILE_BYTES // 1_000_000,
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raise Refused(1, "(file)", "file-bom")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise Refused(line, "(file)", "file-not-utf8", byte=f"{raw[error.start]:02x}") from None
    if "\x00" in text:
        raise Refused(1, "(file)", "file-nul")
    found = UNPRINTABLE_RE.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        code, params = unprintable(found[0], "file-control-char")
        raise Refused(line, "(file)", code, **params)
    return text


def _on_line(read: Recovered) -> dict[int, FieldPath]:
    """The deepest field named or given a value on each line."""
    by_line: dict[int, FieldPath] = {}
    for where, line in [*read.lines.items(), *read.key_lines.items()]:
        if len(where) >= len(by_line.get(line, ())):
            by_line[line] = where
    return by_line


def _holders(lines: list[str], read: Recovered) -> frozenset[str]:
    """The fields that held the lines left out: for each, the field named on the nearest line
    above it that is indented less, and that field's parents (the file for a line at the edge)."""
    by_line = _on_line(read)
    near: set[str] = set()
    for number in read.left_out:
        indent = len(lines[number - 1]) - len(lines[number - 1].lstrip())
        holder: FieldPath = ()
        for above in range(number - 1, 0, -1):
            text = lines[above - 1]
            if (
                text.strip()
                and not text.lstrip().startswith("#")
                and len(text) - len(text.lstrip()) < indent
                and above in by_line
            ):
                holder = by_line[above]
                break
        near |= {field_name(holder[:end]) for end in range(len(holder) + 1)}
    return frozenset(near)


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Read one Markdown text file as UTF-8 (an ordinary file only, see read_content)."""
    raw, _, problems = read_content(path, shown)
    if problems:
        return None, problems
    if raw is None:
        return None, [Problem.of(shown, 1, "(file)", "text-too-large")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem.of(shown, line, "(file)", "text-not-utf8")]
    # The same characters as in YAML files: ESC or BEL could colour or ring a terminal that
    # shows the log, and none of them means anything on a page.
    found = UNPRINTABLE_RE.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        code, params = unprintable(found[0], "text-control-char")
        return None, [Problem.of(shown, line, "(file)", code, **params)]
    return text, []
