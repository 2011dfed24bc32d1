"""Parsing: YAML text into plain data and the line of every value, safely.

libyaml's parser where available; no tags beyond the standard ones, no aliases (so no
"billion laughs"), no merge keys, unique keys, nesting bounded before parsing, and dates kept
as text so that their precision is kept.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from imvo.load.safety import UNPRINTABLE_RE, unprintable
from imvo.load.yaml_errors import yaml_problem
from imvo.messages import Msg, msg
from imvo.model import FieldPath, field_name

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
                result[key] = self.data(value_node, (*where, key), key_line)
            return result
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            return [self.data(item, (*where, index), here) for index, item in enumerate(node.value)]
        return self._scalar(node, where)


def parse_yaml(text: str) -> tuple[dict[str, Any], dict[FieldPath, int]]:
    """The plain data of a YAML text and the line of each value, or Refused saying why not."""
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
        line, message = yaml_problem(error, text)
        raise Refused(line, "(file)", message) from None
    except yaml.YAMLError:
        raise Refused(1, "(file)", "yaml-other") from None
    except RecursionError:
        raise Refused(1, "(file)", "nested-too-deeply-plain") from None
    if not isinstance(data, dict):
        kind = msg("value-list") if isinstance(data, list) else msg("value-single", got=repr(data))
        raise Refused(1, "(file)", "file-not-mapping", kind=kind)
    return data, builder.lines
