"""Where YAML reads something other than what an editor typed, said on the line with the fix.

Two kinds. Before parsing: characters a word processor pastes (a non-breaking space, curly
quotes) where YAML needs its own, which make a line unreadable or a value wrong; each is
named, and written as meant so that the rest of the file is still read. After parsing: a
text cut off at ' #' (the rest is read as a comment), 'no', 'on' or 'yes' read as a yes/no
value, and a number YAML reads as another one (012 is 10, 1:30 is 90).
"""

from __future__ import annotations

import re
from typing import Any

from imvo.load.parse import Plain
from imvo.messages import Msg, msg
from imvo.model.positions import FieldPath

WORD_SPACES = "\u00a0\u202f\u2007"
"""Non-breaking spaces (and their narrow and figure kin) that word processors type."""
_OPENING = "\u201c\u201e\u2018\u201a\u00ab"
_CLOSING = "\u201d\u2019\u201c\u00bb"
_SPACE = f"[ {WORD_SPACES}]"
_INDENT_RE = re.compile(rf"^( *[{WORD_SPACES}][ {WORD_SPACES}]*)(\S)")
_KEY_RE = re.compile(
    rf"^(?P<lead> *(?:-{_SPACE}+)*)(?P<key>[^\s{WORD_SPACES}#\-\"'][^:#]*?)"
    rf"(?P<colon>:)(?P<after>{_SPACE}+|$)(?P<value>.*)$"
)
_MARKS_RE = re.compile(f"[{WORD_SPACES}{_OPENING}]")
"""What every finding of word_marks starts from: a word processor's space or opening quote."""
_DASH_RE = re.compile(rf"^(?P<lead> *)-(?P<after>[{WORD_SPACES}]+)(?P<value>.*)$")
_NOT_FREE_TEXT = re.compile(
    r"\d{4}(-\d{1,2}){0,2}|\d+([.,]\d+)?|https?://\S*|www\.\S*|mailto:\S*|[a-z0-9_-]+|"
    r"(?i:yes|no|on|off|true|false|null)"
)
"""A value that is not free text (a date, a number, an address, an id, a choice): quotes
around it can only be meant as YAML's."""
_SPECIAL = re.compile(r": | #|^[-?:,\[\]{}#&*!|>'\"%@`]")
"""Something in a text that YAML reads as its own unless the text is quoted."""

Found = tuple[int, Msg]
"""A line and what to say about it."""

YES_NO_FIELDS = frozenset({"complete"})
"""The fields the content model takes as true or false (a participants file's `complete`):
a yes/no value there is what the editor meant."""


def _quoted(inner: str) -> str:
    return '"' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _curly(value: str) -> str | None:
    """The text inside Word's quotes when they are around a whole value and act as YAML's."""
    stripped = value.rstrip()
    if len(stripped) < 2 or stripped[0] not in _OPENING or stripped[-1] not in _CLOSING:
        return None
    inner = stripped[1:-1]
    if _NOT_FREE_TEXT.fullmatch(inner.strip()) or _SPECIAL.search(inner):
        return inner
    return None


def word_marks(text: str) -> tuple[str, list[Found]]:
    """Word's non-breaking spaces and curly quotes where they act as YAML: each named on its
    line, and the text as the editor meant it (so that the rest of the file is read)."""
    if not _MARKS_RE.search(text):  # most files: nothing to look for on any line
        return text, []
    out: list[str] = []
    found: list[Found] = []
    for number, line in enumerate(text.split("\n"), start=1):
        fixed = line
        indent = _INDENT_RE.match(fixed)
        if indent is not None:
            fixed = " " * len(indent[1]) + fixed[len(indent[1]) :]
            found.append((number, msg("word-space-indent")))
        dash = _DASH_RE.match(fixed)
        if dash is not None:
            fixed = f"{dash['lead']}- {dash['value']}"
            found.append((number, msg("word-space-dash")))
        key = _KEY_RE.match(fixed)
        if key is not None:
            fixed = _key_line(key, number, found) or fixed
        out.append(fixed)
    return "\n".join(out), found


def _key_line(key: re.Match[str], number: int, found: list[Found]) -> str | None:
    """A 'name: value' line with Word's spaces or quotes in its name or around its value:
    each named, and the line as meant (None when it has none)."""
    name, after, value = key["key"], key["after"], key["value"]
    before = len(found)
    clean = "".join(char for char in name if char not in WORD_SPACES).strip()
    if any(char in name for char in WORD_SPACES):
        found.append((number, msg("word-space-in-key", key=clean)))
    elif any(char in after for char in WORD_SPACES):
        found.append((number, msg("word-space-after-key", key=clean)))
    inner_key = _curly(clean)
    if inner_key is not None:
        found.append((number, msg("word-quotes-key", key=inner_key)))
        clean = inner_key
    inner = _curly(value)
    if inner is not None:
        found.append((number, msg("word-quotes", fixed=_quoted(inner))))
        value = _quoted(inner)
    if len(found) == before:
        return None
    return f"{key['lead']}{clean}:{' ' if after else ''}{value}"


_COMMENT_RE = re.compile(r"^[ \t]#(?P<rest>.*)$")
"""What follows a value without quotes: one space and a '#' (two or more spaces before a
'#' are taken for a comment meant as one, as `build.py new` writes them)."""
_CHANGED_NUMBER = re.compile(r"[+-]?(0[0-7_]+|0[xXoObB][\w]+|[\d_]+(:[0-5]?\d)+)")
"""How YAML reads a number other than as its digits say: octal (012), hex, sexagesimal
(1:30)."""


def plain_surprises(plain: dict[FieldPath, Plain], lines: list[str]) -> list[tuple[FieldPath, Msg]]:
    """Values without quotes that YAML read otherwise than typed: a text cut at ' #', a
    yes/no value, a number read as another one."""
    found: list[tuple[FieldPath, Msg]] = []
    for where, value in plain.items():
        cut = _cut_comment(value, lines)
        if cut is not None:
            found.append((where, cut))
        elif isinstance(value.value, bool) and not (where and where[-1] in YES_NO_FIELDS):
            found.append(
                (where, msg("yaml-read-as-bool", raw=value.raw, value=str(value.value).lower()))
            )
        elif isinstance(value.value, int) and _CHANGED_NUMBER.fullmatch(value.raw):
            found.append((where, msg("yaml-number-changed", raw=value.raw, value=str(value.value))))
    return found


def _cut_comment(value: Plain, lines: list[str]) -> Msg | None:
    """A text cut off at ' #': the part YAML kept and the whole line's text, quoted."""
    if not 0 < value.end_line <= len(lines):
        return None
    rest = lines[value.end_line - 1][value.end_column :]
    match = _COMMENT_RE.match(rest)
    if match is None:
        return None
    kept = " ".join(str(value.raw).split())
    whole = f"{kept} #{match['rest']}".rstrip()
    return msg("yaml-comment-cut", kept=kept, fixed=_quoted(whole))


def read_as(raw: str, value: Any) -> Msg | None:
    """For the model's 'expected text' on a value without quotes: what YAML read it as."""
    if isinstance(value, bool):
        return msg("yaml-read-as-bool", raw=raw, value=str(value).lower())
    if isinstance(value, (int, float)):
        return msg("yaml-read-as-number", raw=raw)
    if value is None and raw.strip():
        return msg("yaml-read-as-nothing", raw=raw)
    return None
