"""Loading: read the content files into plain data, remembering the line of every value.

This module is the entry: read_yaml and read_text return a file's content or the problems
that stop it. The work is done in parts, one job each: safety.py opens only ordinary files
of bounded size and names the characters no file may hold; parse.py turns YAML text into
plain data and a line map, safely; yaml_errors.py words a YAML syntax error for an editor.
Every problem is returned as a :class:`Problem`, never raised as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from imvo.load.parse import Refused, parse_yaml
from imvo.load.safety import (
    MAX_FILE_BYTES,
    SYMLINK_MESSAGE,
    UNPRINTABLE_RE,
    read_content,
    unprintable,
)
from imvo.model import FieldPath, Positions, field_name
from imvo.problems import Problem

__all__ = [
    "MAX_FILE_BYTES",
    "SYMLINK_MESSAGE",
    "FieldPath",
    "LoadedFile",
    "field_name",
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

    def problem(
        self, where: FieldPath, code: str, severity: str = "error", /, **params: Any
    ) -> Problem:
        """A problem of this file at a value, on the value's line (or its nearest parent's)."""
        return Problem.of(
            self.path, self.line_of(where), field_name(where), code, severity, **params
        )


def read_yaml(path: Path, shown: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Read one YAML file; return it with its line map, or the problems that stop it."""
    raw, size, problems = read_content(path, shown)
    if problems:
        return None, problems
    return parse_bytes(raw, size, shown)


def parse_bytes(
    raw: bytes | None, size: int, shown: str
) -> tuple[LoadedFile | None, list[Problem]]:
    """Parse the bytes of a YAML file read from elsewhere (None: more than MAX_FILE_BYTES,
    `size` of them) with every limit of read_yaml: an old version of a file from git is
    read as carefully as the file itself."""
    try:
        text = _yaml_text(raw, size)
        data, lines = parse_yaml(text)
    except Refused as refused:
        coded = refused.message
        return None, [
            Problem.of(shown, refused.line, refused.field, coded.code, **dict(coded.params))
        ]
    return LoadedFile(data, Positions(shown, lines, text)), []


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
