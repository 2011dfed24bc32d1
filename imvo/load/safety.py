"""File safety: open only an ordinary file, never through a link, read at most so many bytes,
and name the characters no content file may hold.

Nothing of a refused file is ever printed: its problem is one line that says why.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Any

from imvo.messages import Msg, msg
from imvo.messages.problems import Problem
from imvo.model import limits

MAX_FILE_BYTES = limits.MAX_FILE_BYTES
"""A content file larger than this is refused before it is parsed (imvo/model/limits.py)."""

SYMLINK_MESSAGE = "file-symlink"
"""The code of the message for a file that is a symbolic link."""
_KINDS = {
    stat.S_IFDIR: "kind-folder",
    stat.S_IFIFO: "kind-pipe",
    stat.S_IFCHR: "kind-device",
    stat.S_IFBLK: "kind-device",
    stat.S_IFSOCK: "kind-socket",
}

OTHER_BREAKS = "\x85\u2028\u2029"
"""Characters YAML reads as line breaks where editors' tools show none (lines would not match)."""
UNPRINTABLE_RE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
"""A character YAML refuses in a file (its printable set, YAML 1.1 section 5.1), or one of
OTHER_BREAKS."""


def unprintable(char: str, control: str) -> tuple[str, dict[str, str]]:
    """The message code and values for a character no content file may hold."""
    code = f"U+{ord(char):04X}"
    if char in OTHER_BREAKS:
        return "file-invisible-break", {"char": code}
    return control, {"char": code}


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
