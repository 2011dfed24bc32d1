"""Problems found in the content, and how they are reported to editors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from imvo.messages import Msg, Params, language, msg, place


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a look) in one place of one content file."""

    path: str
    """The file, relative to the repository, with forward slashes."""
    line: int
    """The line, counting from 1."""
    field: str
    """Where in the file: 'parties[3].role', or '(file)' for the file as a whole."""
    message: str
    severity: str = "error"
    """'error' stops the build; 'warning' only with --strict; 'hint' never; 'reminder' (what
    depends on today's date) never."""
    code: str = dataclass_field(default="", compare=False)
    """The message's code in the catalogs (imvo/messages), so it can be worded per language."""
    params: Params = dataclass_field(default=(), compare=False)

    @classmethod
    def of(
        cls, path: str, line: int, where: str, code: str, severity: str = "error", /, **params: Any
    ) -> Problem:
        """A problem by its message code and parameters, worded now in the current language."""
        message = msg(code, **params)
        return cls(path, line, where, message.render(), severity, code, message.params)

    def message_in(self, lang: str | None = None) -> str:
        """The message in one language (the current one when not given)."""
        if not self.code:
            return self.message
        return Msg(self.code, self.params).render(lang)

    def text(self, lang: str | None = None) -> str:
        """The line an editor reads: path:line: field: message."""
        lang = lang or language()
        prefix = "" if self.severity == "error" else msg(f"{self.severity}-prefix").render(lang)
        where = place(self.field, lang)
        # Always one line: a line break or another control character in a file name or a
        # quoted value is shown as an escape (\\n, \\x1b), so that it cannot start a line of
        # its own (which CI would read as a command) or colour the terminal.
        return printable(f"{self.path}:{self.line}: {prefix}{where}: {self.message_in(lang)}")

    def github(self, lang: str | None = None) -> str:
        """The same problem as a GitHub Actions annotation on the right line."""
        lang = lang or language()
        # Escaped as the workflow-command syntax requires, so that no file name or message
        # can end the annotation and start a command of its own (a newline and '::error' or
        # '::stop-commands::' in a file name).
        message = escape_data(f"{place(self.field, lang)}: {self.message_in(lang)}")
        file = escape_property(self.path)
        line = escape_property(str(self.line))
        # GitHub's workflow commands know error, warning and notice; a hint or a reminder is
        # a notice.
        command = "notice" if self.severity in ("hint", "reminder") else self.severity
        return f"::{command} file={file},line={line}::{message}"

    def as_json(self) -> dict[str, Any]:
        """The problem as data for `check --format json`: its place, code and both wordings."""
        return {
            "path": self.path,
            "line": self.line,
            "field": self.field,
            "severity": self.severity,
            "code": self.code or None,
            "params": {
                key: value.render("en") if isinstance(value, Msg) else value
                for key, value in self.params
            },
            "place": {lang: place(self.field, lang) for lang in ("nl", "en")},
            "message": {lang: self.message_in(lang) for lang in ("nl", "en")},
            "text": {lang: self.text(lang) for lang in ("nl", "en")},
        }


class ContentError(Exception):
    """Raised when the content has problems; carries all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the content")
        self.problems = sorted(problems)


def counted(number: int, noun: str) -> str:
    """'1 error', '3 errors': a number with its noun, in the plural where it needs one."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


PLURAL = {"nl": "en", "en": "s"}


def counted_in(number: int, code: str, lang: str | None = None) -> str:
    """'3 errors', '3 fouten': a count worded by its catalog entry, plural where it needs one."""
    lang = lang or language()
    return msg(code, count=number, s="" if number == 1 else PLURAL[lang]).render(lang)


def summary(problems: list[Problem], lang: str | None = None) -> str:
    """The closing count line: '3 problems in 2 files.'"""
    lang = lang or language()
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    reminders = [p for p in problems if p.severity == "reminder"]
    hints = [p for p in problems if p.severity == "hint"]
    files = len({p.path for p in problems})
    parts = []
    if errors:
        parts.append(counted_in(len(errors), "summary-errors", lang))
    if warnings:
        parts.append(counted_in(len(warnings), "summary-warnings", lang))
    if hints:
        parts.append(counted_in(len(hints), "summary-hints", lang))
    if reminders:
        parts.append(counted_in(len(reminders), "summary-reminders", lang))
    last = msg("summary-and").render(lang)
    joined = last.join(parts) if len(parts) < 3 else ", ".join(parts[:-1]) + last + parts[-1]
    return msg("summary", parts=joined, files=counted_in(files, "summary-files", lang)).render(lang)


class BuildError(Exception):
    """The site could not be built: a message, or the problems that stopped it, or both.

    `str(error)` is the message and then each problem's line (path:line: field: message),
    sorted, one a line; `problems` keeps them as data (for `--format github`).
    """

    def __init__(self, message: str = "", *, problems: Iterable[Problem] = ()) -> None:
        self.problems = sorted(dict.fromkeys(problems))
        lines = [message] if message else []
        super().__init__("\n".join([*lines, *(problem.text() for problem in self.problems)]))


_CONTROL_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029"
    # and what cannot be seen or turns the line around: zero-width characters, direction
    # marks and overrides, soft hyphen, byte order mark (see imvo/participants/names.py)
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """The text with every control character and line break written as an escape."""

    def escape(match: re.Match[str]) -> str:
        char = match[0]
        if char in _NAMED:
            return _NAMED[char]
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"

    return _CONTROL_RE.sub(escape, text)


def escape_data(text: str) -> str:
    """A workflow command's message: % CR LF escaped (as @actions/core escapeData does).

    Other control characters and line separators are written as escapes (see printable),
    so that no log viewer breaks the line or colours it either.
    """
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(text)


def escape_property(text: str) -> str:
    """A workflow command's property value: also ':' and ',' (as escapeProperty does)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def error_in_words(error: BaseException) -> str:
    """'RecursionError: maximum recursion depth exceeded': an error as one printable line,
    in words that do not depend on where in the stack it happened (Python adds 'while
    calling a Python object' or 'in comparison' by the frame the limit struck in)."""
    reason = "maximum recursion depth exceeded" if isinstance(error, RecursionError) else error
    return printable(" ".join(f"{type(error).__name__}: {reason}".split()))
