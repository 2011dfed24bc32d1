"""Parsing: YAML text into plain data and the line of every value, safely.

libyaml's parser where available; no tags beyond the standard ones, no aliases (so no
"billion laughs"), no merge keys, unique keys, nesting bounded before parsing, and dates kept
as text so that their precision is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from imvo.load.safety import UNPRINTABLE_RE, unprintable
from imvo.load.yaml_errors import yaml_problem
from imvo.messages import Msg, msg
from imvo.model.positions import FieldPath, field_name

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


class Refused(Exception):
    """A file refused: the line, the field and the message that say why."""

    def __init__(self, line: int, field: str, message: str | Msg, /, **params: Any) -> None:
        self.message = message if isinstance(message, Msg) else msg(message, **params)
        super().__init__(self.message.render("en"))
        self.line = line
        self.field = field
        self.fix: list[str] | None = None
        """For a syntax error: the lines from `line` on as its message says to write them."""
        self.syntax = False
        """Whether this is a YAML syntax error (the rest of the file can still be read)."""


def _check_depth(text: str) -> None:
    """Refuse nesting so deep that parsing it would take long or overflow the stack."""
    depth = 0
    brackets = _BRACKETS_RE.sub("", text)
    for char in brackets:
        depth += 1 if char in "[{" else -1
        if depth > MAX_DEPTH:
            raise Refused(1, "(file)", "nested-too-deeply", limit=MAX_DEPTH)
    deep = _INDENT_RE.search(text)
    if deep is not None:
        line = text.count("\n", 0, deep.start()) + 1
        raise Refused(line, "(file)", "indented-too-deeply", limit=MAX_INDENT)


def _compose(text: str) -> yaml.Node | None:
    """Parse the text into a node tree (an alias is composed as the node it refers to)."""
    _check_depth(text)
    loader = _Loader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


@dataclass(frozen=True)
class Plain:
    """A value written without quotes: as typed, as YAML read it, and where it ends (the
    line from 1, the column from 0), to find what YAML read differently from what was typed."""

    raw: str
    value: Any
    end_line: int
    end_column: int


class _Builder:
    """Turns a node tree into plain data and a line map, refusing aliases as they are met.

    An alias is composed as the very node its anchor names, so a node met twice is an alias:
    refusing it stops "billion laughs" before anything is expanded.
    """

    def __init__(self) -> None:
        self.loader = _Loader("")
        self.seen: set[int] = set()
        self.lines: dict[FieldPath, int] = {}
        self.key_lines: dict[FieldPath, int] = {}
        """The line of each field's name (its value may start on a later line)."""
        self.plain: dict[FieldPath, Plain] = {}
        """Every value written without quotes, with where it ends (see Plain)."""

    def close(self) -> None:
        """Free the parser."""
        self.loader.dispose()

    def _visit(self, node: yaml.Node, line: int) -> None:
        if id(node) in self.seen:
            raise Refused(line, "(file)", _ALIAS_MESSAGE)
        self.seen.add(id(node))

    def _scalar(self, node: yaml.Node, where: FieldPath) -> Any:
        # Most values are plain text: skip the constructor machinery for those.
        if node.tag == _STR and isinstance(node, yaml.ScalarNode):
            # The file's own characters were checked; an escape ("\e", "\x07") in double
            # quotes can still make a control character, which no text may hold either.
            if node.style == '"' and (escaped := UNPRINTABLE_RE.search(node.value)):
                code, params = unprintable(escaped[0], "yaml-escaped-control-char")
                raise Refused(node.start_mark.line + 1, field_name(where), code, **params)
            return node.value
        line = node.start_mark.line + 1
        if node.tag == _MERGE:
            raise Refused(line, field_name(where), _MERGE_MESSAGE)
        if node.tag not in _PLAIN_TAGS or not isinstance(node, yaml.ScalarNode):
            raise Refused(line, field_name(where), _tag_message(node.tag))
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, LookupError, TypeError, AttributeError):
            # Only an explicit tag gets here with a value that does not fit (!!int kind).
            raise Refused(
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
                    raise Refused(key_line, field_name(where), "yaml-key-not-word", got=repr(key))
                if key in result:
                    raise Refused(
                        key_line,
                        field_name((*where, key)),
                        "yaml-duplicate-key",
                        key=key,
                        line=self.lines[(*where, key)],
                    )
                self.key_lines[(*where, key)] = key_line
                result[key] = self.data(value_node, (*where, key), key_line)
            return result
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            return [self.data(item, (*where, index), here) for index, item in enumerate(node.value)]
        value = self._scalar(node, where)
        if isinstance(node, yaml.ScalarNode) and not node.style:  # "" from libyaml
            end = node.end_mark
            self.plain[where] = Plain(node.value, value, end.line + 1, end.column)
        return value


def parse_yaml(text: str) -> tuple[dict[str, Any], dict[FieldPath, int]]:
    """The plain data of a YAML text and the line of each value, or Refused saying why not."""
    data, lines, _ = parse_plain(text)
    return data, lines


def parse_plain(text: str) -> tuple[dict[str, Any], dict[FieldPath, int], _Builder]:
    """As parse_yaml, and what the builder noted: every value written without quotes (see
    Plain) and the line of each field's name."""
    try:
        node = _compose(text)
        if node is None:
            raise Refused(1, "(file)", "file-empty")
        builder = _Builder()
        try:
            data = builder.data(node, (), 1)
        finally:
            builder.close()
    except yaml.MarkedYAMLError as error:
        line, message, fix = yaml_problem(error, text)
        refused = Refused(line, "(file)", message)
        refused.fix, refused.syntax = fix, True
        raise refused from None
    except yaml.YAMLError:
        raise Refused(1, "(file)", "yaml-other") from None
    except RecursionError:
        raise Refused(1, "(file)", "nested-too-deeply-plain") from None
    if not isinstance(data, dict):
        kind = msg("value-list") if isinstance(data, list) else msg("value-single", got=repr(data))
        raise Refused(1, "(file)", "file-not-mapping", kind=kind)
    return data, builder.lines, builder


_LEFT_OUT_CODES = frozenset({"file-empty", "file-not-mapping"})
"""What a file can only be because lines were left out past syntax errors."""

MAX_SYNTAX_ERRORS = 20
"""After this many syntax errors in one file, the rest of it is not read."""
_GENERAL_CODES = frozenset(
    {"yaml-other", "yaml-indent", "yaml-colon", "yaml-indent-deeper", "yaml-list-indent"}
)
"""Syntax messages that name no one cause (see imvo/load/yaml_errors.py)."""
MAX_TRIES = 400
"""How often a file is read again past a syntax error (each time one line is left out)."""


def _block(lines: list[str], index: int) -> range:
    """Line `index` (from 0) and the lines under it that are indented further: what is left
    out together, so that no line of it is read as belonging elsewhere."""
    text = lines[index]
    indent = len(text) - len(text.lstrip(" "))
    end = index + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip(" ")) > indent
    ):
        end += 1
    while end > index + 1 and not lines[end - 1].strip():
        end -= 1
    return range(index, end)


def _follows(error: Refused, refused: list[Refused], left_out: set[int]) -> bool:
    """Whether a syntax error only follows from the one before it: the same kind of mistake
    on the line right after the lines left out for it (an open bracket or quote, a block
    indented wrongly, reads as a mistake on every line after it)."""
    if not refused or not error.syntax or error.fix is not None:
        return False
    if error.message.code in _GENERAL_CODES:
        # A message that cannot name the cause is said once a file: after an open bracket
        # or quote, every later line can read as broken; the next run shows any other.
        return any(earlier.message.code == error.message.code for earlier in refused)
    last = refused[-1]
    return (
        last.syntax
        and error.message.code == last.message.code
        and (error.line - 1 in left_out or error.line - 2 in left_out)
    )


@dataclass
class Recovered:
    """A file read past its syntax errors: the data of what could be read, and why not all."""

    data: dict[str, Any] | None
    """None when not even the rest of the file could be read."""
    lines: dict[FieldPath, int]
    plain: dict[FieldPath, Plain]
    refused: list[Refused]
    """Each syntax error (and a last refusal that stopped the reading, if any)."""
    left_out: frozenset[int]
    """The lines left out to read the rest (a syntax error no fix was sure of)."""
    text: str = ""
    """The text as it was read in the end (with the fixes and the lines left out)."""
    key_lines: dict[FieldPath, int] = field(default_factory=dict)
    """The line of each field's name."""


def parse_recovering(text: str) -> Recovered:
    """Parse a YAML text past its syntax errors: each one is noted, and its line written as
    its message says (where that is exact) or left out, and the text read again, so that one
    run names every syntax error and the rest of the file is still checked."""
    lines = text.split("\n")
    refused: list[Refused] = []
    left_out: set[int] = set()
    fixed = range(0)
    for _ in range(MAX_TRIES):
        try:
            data, where, builder = parse_plain("\n".join(lines))
        except Refused as error:
            index = error.line - 1
            if index in fixed or (fixed and fixed.stop <= index < fixed.stop + 2):
                # The lines written as the last message said still do not fit where they
                # stand: that message stays the one; the lines are left out instead.
                for number in _block(lines, fixed.start):
                    lines[number] = ""
                    left_out.add(number + 1)
                fixed = range(0)
                continue
            if refused and error.message.code in _LEFT_OUT_CODES:
                break  # what is left once the broken lines are out: nothing more to say
            if not _follows(error, refused, left_out):
                refused.append(error)
            if len(refused) > MAX_SYNTAX_ERRORS:
                break
            if not error.syntax or not 0 <= index < len(lines):
                refused.append(error) if error not in refused else None
                break
            fixed = range(0)
            if error.fix is not None and error.fix != lines[index : index + len(error.fix)]:
                lines[index : index + len(error.fix)] = error.fix
                fixed = range(index, index + len(error.fix))
            elif lines[index].strip():
                for number in _block(lines, index):
                    lines[number] = ""
                    left_out.add(number + 1)
            else:
                break
            continue
        return Recovered(
            data,
            where,
            builder.plain,
            refused,
            frozenset(left_out),
            "\n".join(lines),
            builder.key_lines,
        )
    return Recovered(None, {}, {}, refused, frozenset(left_out))
