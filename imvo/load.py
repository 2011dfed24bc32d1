"""Loading: read the content files into plain data, remembering the line of every value.

YAML is parsed safely with libyaml where available (no tags beyond the standard ones, no
aliases, so no "billion laughs"; nesting is bounded before parsing), keys must be unique, and
dates stay text so that their precision is kept.
Every problem is returned as a :class:`Problem`, never raised as a traceback.
"""

from __future__ import annotations

import errno
import os
import re
import stat
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
    checked: Any = None
    """The data as its model, once validation accepted it (kept so it is not checked twice)."""

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


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (about 20 times faster), else the pure-Python one."""


class _Loader(_BaseLoader):  # type: ignore[misc]
    """The safe loader, with timestamps left as text (dates keep their precision)."""


# Without this, 2016-07-04 would become a datetime.date and "2020-06" would stay text:
# keeping all dates as text lets the model read each with its own precision.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

MAX_DEPTH = 64
"""Brackets ([ {) may nest at most this deep: deeper nesting is refused before parsing."""
MAX_INDENT = 200
"""Block nesting is bounded by indentation: a line may start with at most this many spaces
and dashes. Together the two limits keep parsing linear and far from the recursion limit."""

_BRACKETS_RE = re.compile(r"[^\[\]{}]+")
_INDENT_RE = re.compile(rf"^[ \-]{{{MAX_INDENT + 1},}}", re.MULTILINE)
_ALIAS_MESSAGE = (
    "anchors and aliases (& and *) are not allowed in content files; write the value out in full"
)


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float"))
"""Besides text, mappings and lists: the kinds of value YAML reads without a tag."""
_MERGE_MESSAGE = "merge keys (<<) are not allowed in content files; write the fields out in full"


def _short_tag(tag: str) -> str:
    """A tag as an editor writes it: !!timestamp, !custom."""
    return tag.replace("tag:yaml.org,2002:", "!!")


def _tag_message(tag: str) -> str:
    return (
        f"the tag {_short_tag(tag)} is not allowed in content files; "
        "write the value without the tag"
    )


class _Refused(Exception):
    def __init__(self, line: int, field: str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.field = field
        self.message = message


def _check_depth(text: str) -> None:
    """Refuse nesting so deep that parsing it would take long or overflow the stack."""
    depth = 0
    brackets = _BRACKETS_RE.sub("", text)
    for char in brackets:
        depth += 1 if char in "[{" else -1
        if depth > MAX_DEPTH:
            raise _Refused(1, "(file)", f"the file is nested too deeply (more than {MAX_DEPTH})")
    deep = _INDENT_RE.search(text)
    if deep is not None:
        line = text.count("\n", 0, deep.start()) + 1
        raise _Refused(line, "(file)", f"the line is indented too deeply (more than {MAX_INDENT})")


def _compose(text: str) -> yaml.Node | None:
    """Parse the text into a node tree (an alias is composed as the node it refers to)."""
    _check_depth(text)
    loader = _Loader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


class _Builder:
    """Turns a node tree into plain data and a line map, refusing aliases as they are met.

    An alias is composed as the very node its anchor names, so a node met twice is an alias:
    refusing it stops "billion laughs" before anything is expanded.
    """

    def __init__(self) -> None:
        self.loader = _Loader("")
        self.seen: set[int] = set()
        self.lines: dict[FieldPath, int] = {}

    def close(self) -> None:
        """Free the parser."""
        self.loader.dispose()

    def _visit(self, node: yaml.Node, line: int) -> None:
        if id(node) in self.seen:
            raise _Refused(line, "(file)", _ALIAS_MESSAGE)
        self.seen.add(id(node))

    def _scalar(self, node: yaml.Node, where: FieldPath) -> Any:
        # Most values are plain text: skip the constructor machinery for those.
        if node.tag == _STR and isinstance(node, yaml.ScalarNode):
            # The file's own characters were checked; an escape ("\e", "\x07") in double
            # quotes can still make a control character, which no text may hold either.
            if node.style == '"' and (escaped := _UNPRINTABLE_RE.search(node.value)):
                message = _unprintable_message(escaped[0]).replace(
                    "the line holds", "the text holds"
                )
                raise _Refused(node.start_mark.line + 1, field_name(where), message)
            return node.value
        line = node.start_mark.line + 1
        if node.tag == _MERGE:
            raise _Refused(line, field_name(where), _MERGE_MESSAGE)
        if node.tag not in _PLAIN_TAGS or not isinstance(node, yaml.ScalarNode):
            raise _Refused(line, field_name(where), _tag_message(node.tag))
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, LookupError, TypeError, AttributeError):
            # Only an explicit tag gets here with a value that does not fit (!!int kind).
            raise _Refused(
                line,
                field_name(where),
                f"'{node.value}' cannot be read as {_short_tag(node.tag)}; "
                "write the value without the tag",
            ) from None

    def data(self, node: yaml.Node, where: FieldPath, line: int) -> Any:
        """The value of one node, recording its line and the lines of everything inside."""
        self._visit(node, line)
        here = node.start_mark.line + 1
        self.lines[where] = here
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                self._visit(key_node, key_line)
                key = self._scalar(key_node, where)
                if not isinstance(key, str):
                    raise _Refused(
                        key_line, field_name(where), f"a key must be a word; got {key!r}"
                    )
                if key in result:
                    raise _Refused(
                        key_line,
                        field_name((*where, key)),
                        f"duplicate key: '{key}' is already set on line "
                        f"{self.lines[(*where, key)]}",
                    )
                result[key] = self.data(value_node, (*where, key), key_line)
            return result
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            return [self.data(item, (*where, index), here) for index, item in enumerate(node.value)]
        return self._scalar(node, where)


_OTHER_BREAKS = "\x85\u2028\u2029"
"""Characters YAML reads as line breaks where editors' tools show none (lines would not match)."""
_UNPRINTABLE_RE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
"""A character YAML refuses in a file (its printable set, YAML 1.1 section 5.1), or one of
_OTHER_BREAKS."""

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


def _yaml_problem(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """The line and an editor's sentence for a YAML syntax error."""
    mark = error.problem_mark or error.context_mark
    lines = text.splitlines()
    # libyaml may point past the last line (an unclosed bracket at the end of the file).
    line = min(mark.line + 1, len(lines)) if mark and lines else 1
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip(" \t-"))]
    problem = error.problem or "invalid YAML"
    if "\t" in indent or "'\\t'" in problem:
        return line, "a tab is used for indentation; use spaces instead"
    opened = _unclosed_quote(text, line)
    if opened is not None and opened < line:
        return opened, (
            "the quote opened on this line is not closed; end the text with the same quote mark"
        )
    if "mapping values are not allowed" in problem:
        return line, (
            "this line is indented further than the line above allows, or holds a ':' "
            "in a text without quotes; check the indentation or put the text in quotes"
        )
    if "expected key" in problem or "expected <block end>" in problem:
        return line, (
            "this line's indentation does not fit the lines above it; "
            "line up fields of one group with spaces"
        )
    text_problem = f"{problem} ({error.context})" if error.context else problem
    return line, f"this is not valid YAML: {text_problem}"


SYMLINK_MESSAGE = (
    "this is a symbolic link; the build reads only ordinary files inside the content folder, "
    "so that a link cannot publish a file from elsewhere: put the file itself here"
)
_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def _not_ordinary(mode: int) -> str:
    kind = _KINDS.get(stat.S_IFMT(mode), "not an ordinary file")
    return f"this is {kind}, not an ordinary file; the build reads only ordinary text files"


def read_content(path: Path, shown: str) -> tuple[bytes | None, int, list[Problem]]:
    """Read a content file safely: its bytes and its size, or the one problem that stops it.

    Only an ordinary file is opened, never through a symbolic link (a link could publish
    /etc/passwd, a FIFO blocks, /dev/zero never ends), and at most MAX_FILE_BYTES + 1 bytes
    are read, whatever size the file claims. Nothing of a refused file is ever printed.
    """

    def refused(message: str) -> tuple[None, int, list[Problem]]:
        return None, 0, [Problem(shown, 1, "(file)", message)]

    try:
        before = os.lstat(path)
    except OSError as error:
        return refused(f"the file cannot be read ({error.strerror or error})")
    if stat.S_ISLNK(before.st_mode):
        return refused(SYMLINK_MESSAGE)
    if not stat.S_ISREG(before.st_mode):
        return refused(_not_ordinary(before.st_mode))
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:  # replaced by a link since lstat
            return refused(SYMLINK_MESSAGE)
        return refused(f"the file cannot be read ({error.strerror or error})")
    try:
        opened = os.fstat(handle)
        if not stat.S_ISREG(opened.st_mode):
            return refused(_not_ordinary(opened.st_mode))
        if opened.st_size > MAX_FILE_BYTES:
            return None, opened.st_size, []
        chunks = []
        left = MAX_FILE_BYTES + 1
        while left > 0:
            chunk = os.read(handle, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        return refused(f"the file cannot be read ({error.strerror or error})")
    finally:
        os.close(handle)
    raw = b"".join(chunks)
    return (None if len(raw) > MAX_FILE_BYTES else raw), max(len(raw), opened.st_size), []


def _unprintable_message(char: str, language: str = "") -> str:
    """What to tell an editor about a character no content file may hold."""
    code = f"U+{ord(char):04X}"
    if char in _OTHER_BREAKS:
        return (
            f"the line holds an invisible line break ({code}), often pasted from a web "
            "page or a word processor; delete it or type a space instead"
        )
    if language:
        return (
            f"the line holds a control character ({code}) that {language} does not allow; delete it"
        )
    return f"the line holds a control character ({code}); delete it"


def read_yaml(path: Path, shown: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Read one YAML file; return it with its line map, or the problems that stop it."""

    def problem(line: int, field: str, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(shown, line, field, message)]

    raw, size, problems = read_content(path, shown)
    if problems:
        return None, problems
    if raw is None:
        return problem(
            1,
            "(file)",
            f"the file is {size / 1_000_000:.1f} MB; a content file may be at most "
            f"{MAX_FILE_BYTES // 1_000_000} MB",
        )
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
    unprintable = _UNPRINTABLE_RE.search(text)
    if unprintable is not None:
        line = text.count("\n", 0, unprintable.start()) + 1
        return problem(line, "(file)", _unprintable_message(unprintable[0], "YAML"))
    try:
        node = _compose(text)
        if node is None:
            return problem(1, "(file)", "the file is empty")
        builder = _Builder()
        try:
            data = builder.data(node, (), 1)
        finally:
            builder.close()
        lines = builder.lines
    except _Refused as refused:
        return problem(refused.line, refused.field, refused.message)
    except yaml.MarkedYAMLError as error:
        line, message = _yaml_problem(error, text)
        return problem(line, "(file)", message)
    except yaml.YAMLError as error:
        return problem(1, "(file)", f"this is not valid YAML: {' '.join(str(error).split())}")
    except RecursionError:
        return problem(1, "(file)", "the file is nested too deeply")
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value ({data!r})"
        return problem(
            1, "(file)", f"expected a mapping of fields (key: value); the file is {kind}"
        )
    return LoadedFile(shown, data, lines), []


def read_text(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """Read one Markdown text file as UTF-8 (an ordinary file only, see read_content)."""
    raw, _, problems = read_content(path, shown)
    if problems:
        return None, problems
    if raw is None:
        return None, [Problem(shown, 1, "(file)", "the file is larger than 1 MB")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, "(file)", "the file is not UTF-8; save it as UTF-8")]
    # The same characters as in YAML files: ESC or BEL could colour or ring a terminal that
    # shows the log, and none of them means anything on a page.
    unprintable = _UNPRINTABLE_RE.search(text)
    if unprintable is not None:
        line = text.count("\n", 0, unprintable.start()) + 1
        return None, [Problem(shown, line, "(file)", _unprintable_message(unprintable[0]))]
    return text, []
