"""Where each value of a content file was written: the loader's lines, kept with the content so
that every later stage can name the file, the line and the field of a problem."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

FieldPath = tuple[str | int, ...]
"""Where a value sits in a content file: ("parties", 3, "role")."""


def field_name(where: FieldPath) -> str:
    """Write a path the way an editor reads it: parties[3].role."""
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


@dataclass(frozen=True)
class Positions:
    """Where each value of one content file was written: the loader's lines, kept with the
    content so that a later stage (render's link check) can name the file, line and field."""

    path: str
    """The file as editors see it (content/covenants/banken.yaml)."""
    lines: dict[FieldPath, int] = field(default_factory=dict)
    text: str = ""
    """The file's text as the loader read it (to find a line inside a long text)."""
    in_content: str = ""
    """The file's path inside the content folder (texts/about.nl.md), as the site's history
    names it; set when the content is loaded as a whole ('' for a file read on its own)."""

    def line_of(self, where: FieldPath) -> int:
        """The line of a value; for a value that is not there, the line of its nearest parent."""
        for end in range(len(where), -1, -1):
            if where[:end] in self.lines:
                return self.lines[where[:end]]
        return 1

    def find(self, start: int, needle: str) -> int:
        """The first line from `start` on that holds `needle` as written (in Markdown, as
        itself or HTML-escaped), else `start`: where a link sits inside a long text."""
        lines = self.text.splitlines()
        for candidate in (f"({needle}", needle, html.escape(needle)):
            for number in range(max(start, 1), len(lines) + 1):
                if candidate in lines[number - 1]:
                    return number
        return start
