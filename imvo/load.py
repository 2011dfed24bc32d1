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

from imvo.messages import Msg, msg
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
_ALIAS_MESSAGE = "yaml-alias"


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float"))
"""Besides text, mappings and lists: the kinds of value YAML reads without a tag."""
_MERGE_MESSAGE = "yaml-merge"


def _short_tag(tag: str) -> str:
    """A tag as an editor writes it: !!timestamp, !custom."""
    return tag.replace("tag:yaml.org,2002:", "!!")


def _tag_message(tag: str) -> Msg:
    return msg("yaml-tag", tag=_short_tag(tag))


class _Refused(Exception):
    def __init__(self, line: int, field: str, message: str | Msg, /, **params: Any) -> None:
        self.message = message if isinstance(message, Msg) else msg(message, **params)
        super().__init__(self.message.render("en"))
        self.line = line
        self.field = field


def _check_depth(text: str) -> None:
    """Refuse nesting so deep that parsing it would take long or overflow the stack."""
    depth = 0
    brackets = _BRACKETS_RE.sub("", text)
    for char in brackets:
        depth += 1 if char in "[{" else -1
        if depth > MAX_DEPTH:
            raise _Refused(1, "(file)", "nested-too-deeply", limit=MAX_DEPTH)
    deep = _INDENT_RE.search(text)
    if deep is not None:
        line = text.count("\n", 0, deep.start()) + 1
        raise _Refused(line, "(file)", "indented-too-deeply", limit=MAX_INDENT)


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
                code, params = _unprintable(escaped[0], "yaml-escaped-control-char")
                raise _Refused(node.start_mark.line + 1, field_name(where), code, **params)
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
                "yaml-tag-value",
                value=node.value,
                tag=_short_tag(node.tag),
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
                    raise _Refused(key_line, field_name(where), "yaml-key-not-word", got=repr(key))
                if key in result:
                    raise _Refused(
                        key_line,
                        field_name((*where, key)),
                        "yaml-duplicate-key",
                        key=key,
                        line=self.lines[(*where, key)],
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


_QUOTED_THEN_TEXT_RE = re.compile(r"""^\s*(?:-\s+)?[^\s:#]+:\s+(["'])(?:(?!\1).)*\1\s*[^\s#]""")
"""A value that starts as a quoted text and goes on after the closing quote."""


def _yaml_problem(error: yaml.MarkedYAMLError, text: str) -> tuple[int, Msg]:
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


SYMLINK_MESSAGE = "file-symlink"
"""The code of the message for a file that is a symbolic link."""
_KINDS = {
    stat.S_IFDIR: "kind-folder",
    stat.S_IFIFO: "kind-pipe",
    stat.S_IFCHR: "kind-device",
    stat.S_IFBLK: "kind-device",
    stat.S_IFSOCK: "kind-socket",
}


def _not_ordinary(mode: int) -> Msg:
    kind = _KINDS.get(stat.S_IFMT(mode), "kind-other")
    return msg("file-not-ordinary", kind=msg(kind))


def read_content(path: Path, shown: str) -> tuple[bytes | None, int, list[Problem]]:
    """Read a content file safely: its bytes and its size, or the one problem that stops it.

    Only an ordinary file is opened, never through a symbolic link (a link could publish
    /etc/passwd, a FIFO blocks, /dev/zero never ends), and at most MAX_FILE_BYTES + 1 bytes
    are read, whatever size the file claims. Nothing of a refused file is ever printed.
    """

    def refused(message: str | Msg, /, **params: Any) -> tuple[None, int, list[Problem]]:
        coded = message if isinstance(message, Msg) else msg(message, **params)
        return None, 0, [Problem.of(shown, 1, "(file)", coded.code, **dict(coded.params))]

    try:
        before = os.lstat(path)
    except OSError as error:
        return refused("file-unreadable", reason=error.strerror or str(error))
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
        return refused("file-unreadable", reason=error.strerror or str(error))
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
        return refused("file-unreadable", reason=error.strerror or str(error))
    finally:
        os.close(handle)
    raw = b"".join(chunks)
    return (None if len(raw) > MAX_FILE_BYTES else raw), max(len(raw), opened.st_size), []


def _unprintable(char: str, control: str) -> tuple[str, dict[str, str]]:
    """The message code and values for a character no content file may hold."""
    code = f"U+{ord(char):04X}"
    if char in _OTHER_BREAKS:
        return "file-invisible-break", {"char": code}
    return control, {"char": code}


def read_yaml(path: Path, shown: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Read one YAML file; return it with its line map, or the problems that stop it."""

    def problem(
        line: int, field: str, message: str | Msg, /, **params: Any
    ) -> tuple[None, list[Problem]]:
        coded = message if isinstance(message, Msg) else msg(message, **params)
        return None, [Problem.of(shown, line, field, coded.code, **dict(coded.params))]

    raw, size, problems = read_content(path, shown)
    if problems:
        return None, problems
    if raw is None:
        return problem(
            1,
            "(file)",
            "file-too-large",
            size=f"{size / 1_000_000:.1f}",
            limit=MAX_FILE_BYTES // 1_000_000,
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        return problem(1, "(file)", "file-bom")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return problem(
            line,
            "(file)",
            "file-not-utf8",
            byte=f"{raw[error.start]:02x}",
        )
    if "\x00" in text:
        return problem(1, "(file)", "file-nul")
    unprintable = _UNPRINTABLE_RE.search(text)
    if unprintable is not None:
        line = text.count("\n", 0, unprintable.start()) + 1
        code = f"U+{ord(unprintable[0]):04X}"
        if unprintable[0] in _OTHER_BREAKS:
            return problem(line, "(file)", "file-invisible-break", char=code)
        return problem(line, "(file)", "file-control-char", char=code)
    try:
        node = _compose(text)
        if node is None:
            return problem(1, "(file)", "file-empty")
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
    except yaml.YAMLError:
        return problem(1, "(file)", "yaml-other")
    except RecursionError:
        return problem(1, "(file)", "nested-too-deeply-plain")
    if not isinstance(data, dict):
        kind = msg("value-list") if isinstance(data, list) else msg("value-single", got=repr(data))
        return problem(1, "(file)", "file-not-mapping", kind=kind)
    return LoadedFile(shown, data, lines), []


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
    unprintable = _UNPRINTABLE_RE.search(text)
    if unprintable is not None:
        line = text.count("\n", 0, unprintable.start()) + 1
        code, params = _unprintable(unprintable[0], "text-control-char")
        return None, [Problem.of(shown, line, "(file)", code, **params)]
    return text, []
