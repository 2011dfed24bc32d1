"""Loading: read the content files into plain data, remembering the line of every value.

YAML is parsed safely (no tags beyond the standard ones, no anchors or aliases, so no
"billion laughs"), keys must be unique, and dates stay text so that their precision is kept.
Every problem is returned as a :class:`Problem`, never raised as a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from imvo.problems import Problem

MAX_FILE_BYTES = 1_000_000
"""A content file larger than this is refused before it is parsed."""

FieldPath = tuple[str | int, ...]


@dataclass
class LoadedFile:
    """One content file read into plain data, with the line of each value by its path."""

    path: str
    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)

    def line_of(self, where: FieldPath) -> int:
        """The line of a value; for a value that is not there, the line of its nearest parent."""
        for end in range(len(where), -1, -1):
            if where[:end] in self.lines:
                return self.lines[where[:end]]
        return 1


def field_name(where: FieldPath) -> str:
    """Write a path the way an editor reads it: parties[3].role."""
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


class _Loader(yaml.SafeLoader):
    """The safe loader, with timestamps left as text (dates keep their precision)."""


# Without this, 2016-07-04 would become a datetime.date and "2020-06" would stay text:
# keeping all dates as text lets the model read each with its own precision.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Refused(Exception):
    def __init__(self, line: int, field: str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.field = field
        self.message = message


def _compose(text: str) -> yaml.Node | None:
    """Parse the text into a node tree, refusing anchors and aliases as they are met."""
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()  # type: ignore[no-untyped-call]
            anchor = getattr(event, "anchor", None)
            if isinstance(event, yaml.AliasEvent) or anchor is not None:
                mark = event.start_mark
                raise _Refused(
                    mark.line + 1,
                    "(file)",
                    "anchors and aliases (& and *) are not allowed in content files; "
                    "write the value out in full",
                )
    finally:
        loader.dispose()
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _to_data(
    loader: _Loader, node: yaml.Node, where: FieldPath, lines: dict[FieldPath, int]
) -> Any:
    lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise _Refused(
                    key_node.start_mark.line + 1,
                    field_name(where),
                    f"a key must be a word; got {key!r}",
                )
            if key in result:
                raise _Refused(
                    key_node.start_mark.line + 1,
                    field_name((*where, key)),
                    f"duplicate key: '{key}' is already set on line {lines[(*where, key)]}",
                )
            result[key] = _to_data(loader, value_node, (*where, key), lines)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_data(loader, item, (*where, index), lines) for index, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)


_TAB_RE = re.compile(r"found character '\\t' that cannot start any token")


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "invalid YAML"
    if _TAB_RE.search(str(error)) or "\t" in problem:
        return "a tab is used for indentation; use spaces instead"
    text = problem
    if error.context:
        text = f"{problem} ({error.context})"
    return f"this is not valid YAML: {text}"


def read_yaml(path: Path, shown: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Read one YAML file; return it with its line map, or the problems that stop it."""

    def problem(line: int, field: str, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(shown, line, field, message)]

    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return problem(
            1,
            "(file)",
            f"the file is {size / 1_000_000:.1f} MB; a content file may be at most "
            f"{MAX_FILE_BYTES // 1_000_000} MB",
        )
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return problem(
            1, "(file)", "the file starts with a byte-order mark; save it as UTF-8 without BOM"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return problem(
            line,
            "(file)",
            f"the file is not UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8",
        )
    if "\x00" in text:
        return problem(1, "(file)", "the file holds a NUL character; save it as UTF-8 text")
    try:
        node = _compose(text)
        if node is None:
            return problem(1, "(file)", "the file is empty")
        lines: dict[FieldPath, int] = {}
        loader = _Loader("")
        try:
            data = _to_data(loader, node, (), lines)
        finally:
            loader.dispose()
    except _Refused as refused:
        return problem(refused.line, refused.field, refused.message)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return problem(mark.line + 1 if mark else 1, "(file)", _yaml_message(error))
    except yaml.YAMLError as error:
        return problem(1, "(file)", f"this is not valid YAML: {error}")
    except RecursionError:
        return problem(1, "(file)", "the file is nested too deeply")
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value ({data!r})"
        return problem(
            1, "(file)", f"expected a mapping of fields (key: value); the file is {kind}"
        )
    return LoadedFile(shown, data, lines), []


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Read one Markdown text file as UTF-8."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(shown, 1, "(file)", "the file is larger than 1 MB")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, "(file)", "the file is not UTF-8; save it as UTF-8")]
