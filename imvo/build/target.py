"""Where the site may go: the build replaces its --site folder whole, so it checks it first.

A build swaps the finished site in place of the folder it is given. Given the repository,
the content or a home folder, that would delete work; so the target is resolved (symlinks,
'..') and refused, with one line and before anything is written, when it holds or is inside
what must never be replaced. A folder is replaced only when it is missing, empty, or made
by this build: every site it builds carries the marker file MARKER. A site built before the
marker existed is recognised by the files that only this build writes together.
"""

from __future__ import annotations

import os
import pwd
import shlex
from pathlib import Path

from imvo import ROOT
from imvo.messages.problems import BuildError, printable

MARKER = ".imvo-site"
"""The file that marks a folder as a site this build made (and may therefore replace)."""

MARKER_TEXT = (
    "This folder was made by 'python build.py build' of the IMVO covenants site.\n"
    "The next build replaces the whole folder: do not keep anything else in it.\n"
)

LEGACY_FILES = (
    "index.html",
    "sitemap.xml",
    "en/index.html",
    "en/sitemap.xml",
    "data/covenants.json",
    "data/covenants.csv",
)
"""Files that, all together with one set of SEARCH_FILES, only this build writes: a site
from before the marker."""

SEARCH_FILES = (
    ("pagefind/pagefind-entry.json", "en/pagefind/pagefind-entry.json"),
    ("search/search_index.json", "en/search/search_index.json"),
)
"""Each language's search index, as the build writes it now (Pagefind) and as it wrote it
before (the theme's search): a site from before the marker has one set or the other."""

_WORK = (".yaml", ".yml", ".md", ".py", ".toml", ".txt", ".cfg", ".ini", ".git")
"""Endings a built site never holds: a folder with any of them is someone's work."""

_ADVICE = (
    "the build replaces the whole --site folder, so give it a folder of its own, such as 'site'"
)


class TargetError(BuildError):
    """The --site folder may not be replaced; the message is one line that says why."""


def _resolved(path: Path) -> Path:
    """The absolute path with symlinks and '..' resolved, as far as it exists."""
    return Path(os.path.realpath(path.expanduser()))


def _within(inner: Path, outer: Path) -> bool:
    """Whether inner is outer or lies inside it (both resolved)."""
    return inner == outer or outer in inner.parents


def _repositories(*starts: Path) -> list[Path]:
    """The project root and every folder with a .git above the given folders."""
    found = [_resolved(ROOT)]
    for start in starts:
        for folder in (start, *start.parents):
            if (folder / ".git").exists():
                found.append(folder)
                break
    return list(dict.fromkeys(found))


def _homes() -> list[Path]:
    """The user's home folder, as $HOME says and as the password database says."""
    homes = []
    for home in (os.environ.get("HOME"), _passwd_home()):
        if home and Path(home).is_absolute():
            homes.append(_resolved(Path(home)))
    return list(dict.fromkeys(homes))


def _passwd_home() -> str | None:
    try:
        return pwd.getpwuid(os.getuid()).pw_dir
    except (KeyError, OSError):
        return None


def _shown(path: Path) -> str:
    return printable(path.as_posix() if str(path) else ".")


def check_target(site: Path, *, content: Path, cwd: Path | None = None) -> Path:
    """The resolved site folder, or TargetError if the build must not replace it.

    This checks where the folder is; whether an existing folder may be replaced is
    `check_replaceable`, asked again right before the swap.
    """
    given = _shown(site)
    try:
        target = _resolved(site)
        content_dir = _resolved(content)
        working = _resolved(cwd or Path.cwd())
    except (OSError, RuntimeError, ValueError):
        raise TargetError(
            f"--site {given}: this path cannot be resolved (a symlink loop?); "
            "give the build a plain folder, such as 'site'"
        ) from None
    if target != Path(os.path.abspath(site)):
        given = f"{given} ({_shown(target)})"  # where a symlink or '..' leads
    why = (
        _overlaps_content(target, content_dir, content)
        or _holds_work(target, working, content_dir)
        or _not_a_folder(target)
    )
    if why is not None:
        raise TargetError(f"--site {given}: {why}; {_ADVICE}")
    return target


def _overlaps_content(target: Path, content_dir: Path, content: Path) -> str | None:
    """Why the target may not be replaced when it is, holds or is inside the content."""
    if target == content_dir:
        return f"this is the content folder ({_shown(content)})"
    if _within(content_dir, target):
        return f"this folder holds the content folder ({_shown(content)})"
    if _within(target, content_dir):
        return f"this folder is inside the content folder ({_shown(content)})"
    return None


def _holds_work(target: Path, working: Path, content_dir: Path) -> str | None:
    """Why the target may not be replaced when it is in a .git folder, or is or holds a
    repository, the working directory or the home folder."""
    if ".git" in target.parts:
        return "this folder is inside a repository's .git folder"
    for repository in _repositories(working, content_dir):
        if _within(repository, target):
            what = "is" if repository == target else "folder holds"
            return f"this {what} the repository ({_shown(repository)})"
    if _within(working, target):
        what = "is" if working == target else "folder holds"
        return f"this {what} the working directory ({_shown(working)})"
    for home in _homes():
        if _within(home, target):
            what = "is" if home == target else "folder holds"
            return f"this {what} your home folder ({_shown(home)})"
    return None


def _not_a_folder(target: Path) -> str | None:
    """Why the target cannot be a folder: a dangling link, a file, or a file on its way."""
    if target.is_symlink():
        return "this is a symlink that leads nowhere (a loop, or a missing target)"
    if target.exists() and not target.is_dir():
        return "this is a file, not a folder"
    for parent in target.parents:
        if parent.exists() and not parent.is_dir():
            return f"{_shown(parent)} is a file, not a folder"
    return None


def made_by_build(folder: Path) -> bool:
    """Whether a folder is a site this build made: with the marker, or an old complete site."""
    marker = folder / MARKER
    if marker.is_file() and not marker.is_symlink():
        return True
    if not all((folder / name).is_file() for name in LEGACY_FILES):
        return False
    if not any(all((folder / name).is_file() for name in names) for names in SEARCH_FILES):
        return False
    # All the build's files are there; make sure nothing else that looks like work is.
    for path in folder.rglob("*"):
        if path.is_symlink() or path.name.endswith(_WORK) or path.name in {"content", ".git"}:
            return False
    return True


def check_replaceable(site: Path, target: Path) -> None:
    """Refuse (TargetError) to replace a folder that is not empty and not made by the build."""
    if not target.exists():
        return
    is_folder = target.is_dir() and not target.is_symlink()
    if is_folder and (not any(target.iterdir()) or made_by_build(target)):
        return
    command = printable(f"rm -rf -- {shlex.quote(str(target))}")
    raise TargetError(
        f"--site {_shown(site)}: this folder is not empty and was not made by this build (it "
        f"has no {MARKER} file); give the build a new or empty folder, or, if it only holds "
        f"an old copy of the site, remove it first with: {command}"
    )


def mark(site: Path) -> None:
    """Write the marker into a site the build made."""
    (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
