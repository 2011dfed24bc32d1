"""The content folder's files: paths as editors see them, folders that are links, one YAML
file read and checked against its model, and which files of a folder may be read at all
(a covenant file's name is its slug)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from imvo.load import SYMLINK_MESSAGE, LoadedFile, read_yaml
from imvo.messages.problems import Problem
from imvo.model.content import SLUG_PATTERN
from imvo.participants.names import before, describe, invisible
from imvo.render.page_list import RESERVED_NAMES
from imvo.validate.headings import file_heading_problems
from imvo.validate.hints import closest
from imvo.validate.models import check_model
from imvo.validate.repeats import repeated

RESERVED_SLUGS = RESERVED_NAMES
M = TypeVar("M", bound=BaseModel)

FileCheck = Callable[[LoadedFile], list[Problem]]
"""More checks of one file that was read (check's warnings), run where it was read."""


def shown_path(path: Path, root: Path) -> str:
    """The path as editors see it, relative to the root; the file itself is not followed
    (a symbolic link keeps its own name, and a link that loops raises nothing)."""
    try:
        resolved = Path(os.path.realpath(path.parent)) / path.name
        return resolved.relative_to(os.path.realpath(root)).as_posix()
    except ValueError:
        return path.as_posix()


def linked_folder(folder: Path, root: Path) -> list[Problem]:
    """A folder of the content that is a symbolic link, as a problem: it is not read."""
    if not folder.is_symlink():
        return []
    return [Problem.of(shown_path(folder, root), 1, "(folder)", "folder-symlink")]


def read_checked(
    path: Path, shown: str, model: type[M], file_check: FileCheck | None
) -> tuple[M | None, LoadedFile | None, list[Problem]]:
    """Read one YAML file and check it against its model and with `file_check`."""
    loaded, problems = read_yaml(path, shown, recover=True)
    if loaded is None:
        return None, None, problems
    value, found = check_model(loaded, model)
    found += file_heading_problems(loaded)
    found += repeated(loaded)
    if file_check is not None:
        found += file_check(loaded)
    if any(problem.severity == "error" for problem in problems):
        # Read past a syntax error or with a value YAML read otherwise than typed: the
        # rest is checked, but what was read is not what the editor meant to publish.
        value = None
    return value, loaded, problems + [p for p in found if not loaded.follows(p)]


def load_model_file(
    path: Path, model: type[M], root: Path, file_check: FileCheck | None
) -> tuple[tuple[M, LoadedFile] | None, list[Problem]]:
    """Load one required YAML file and check it against its model."""
    shown = shown_path(path, root)
    if not os.path.lexists(path):  # a link or a special file is read_yaml's to refuse
        return None, [Problem.of(shown, 1, "(file)", "file-missing")]
    value, loaded, problems = read_checked(path, shown, model, file_check)
    return (None if value is None or loaded is None else (value, loaded)), problems


def invisible_in_name(path: Path, shown: str) -> Problem | None:
    """A file whose name holds a character that cannot be seen (a new line at its end, a
    zero-width space), as a problem: such a name must not become a page's address."""
    found = invisible(path.name)
    if found is None:
        return None
    place, char = found
    shown_before = before(path.name, place)
    if not shown_before:
        return Problem.of(shown, 1, "(file)", "file-invisible-char-start", char=describe(char))
    return Problem.of(
        shown, 1, "(file)", "file-invisible-char", char=describe(char), before=shown_before
    )


def raw_party_ids(path: Path, root: Path) -> set[str] | None:
    """The ids parties.yaml gives, as written and as slugs, when the file reads but fails the
    model."""
    loaded, problems = read_yaml(path, shown_path(path, root)) if path.is_file() else (None, [])
    if loaded is None or problems or not isinstance(loaded.data.get("parties"), list):
        return None
    ids: set[str] = set()
    for entry in loaded.data["parties"]:
        if isinstance(entry, dict) and isinstance(entry.get("id"), (str, int)):
            written = str(entry["id"])
            # An id the model refused ('Tata Steel', 'FNV') is still the party the references
            # mean: its slug form counts too, so that the one mistake is one message.
            ids |= {written, re.sub(r"[^a-z0-9]+", "-", written.lower()).strip("-")}
    return ids


def covenant_files(
    folder: Path, root: Path
) -> tuple[bool, dict[str, str], frozenset[str], list[Problem]]:
    """The covenant files that may be read: whether the folder could be read, each file as
    editors see it by slug, the names of the files refused (their stems in lower case, so that
    a participants file of that name is not reported a second time), and a problem for the
    folder or for each file refused."""
    problems = linked_folder(folder, root)
    linked = bool(problems)
    if not linked and not folder.is_dir():
        # Without it the build would publish a site with no covenants and call it a success.
        code = "covenants-not-a-folder" if os.path.lexists(folder) else "covenants-missing"
        problems.append(Problem.of(shown_path(folder, root), 1, "(folder)", code))
    readable = folder.is_dir() and not linked
    seen_slugs: dict[str, str] = {}
    refused_names: set[str] = set()
    for path in sorted(folder.glob("*")) if readable else []:
        if path.name.startswith("."):
            continue
        shown = shown_path(path, root)
        refused = _covenant_file_refused(path, shown, seen_slugs)
        if refused is not None:
            problems.append(refused)
            refused_names.add(path.name.split(".", 1)[0].strip().lower())
        else:
            seen_slugs[path.stem] = shown
    return readable, seen_slugs, frozenset(refused_names), problems


def _covenant_file_refused(path: Path, shown: str, seen_slugs: dict[str, str]) -> Problem | None:
    """Why a file in the covenants folder is not read as a covenant, if it is not."""
    if path.is_symlink():
        return Problem.of(shown, 1, "(file)", SYMLINK_MESSAGE)
    if (hidden := invisible_in_name(path, shown)) is not None:
        return hidden
    if path.is_dir():
        return Problem.of(shown, 1, "(folder)", "folder-in-covenants")
    if path.suffix != ".yaml":
        return Problem.of(shown, 1, "(file)", "covenant-not-yaml")
    slug = path.stem
    if not re.fullmatch(SLUG_PATTERN, slug):  # fullmatch: '$' would let a final new line in
        return Problem.of(shown, 1, "(file)", "covenant-bad-name", name=slug)
    if slug in RESERVED_SLUGS:
        return Problem.of(shown, 1, "(file)", "covenant-reserved-name", name=slug)
    if slug.lower() in seen_slugs:
        return Problem.of(
            shown, 1, "(file)", "covenant-name-twice", name=slug, other=seen_slugs[slug]
        )
    return None


def participant_files(
    folder: Path, root: Path, slugs: set[str] | None, refused: frozenset[str] = frozenset()
) -> tuple[list[tuple[Path, str, str]], list[Problem]]:
    """The participants files that may be read, as (path, shown, slug), and a problem for
    each file refused: not a YAML file, or (when slugs is given) named after no covenant
    (unless a covenant file of that name is there but was refused: its own line says why)."""
    items: list[tuple[Path, str, str]] = []
    problems: list[Problem] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        shown = shown_path(path, root)
        if (hidden := invisible_in_name(path, shown)) is not None:
            problems.append(hidden)
            continue
        if path.is_dir() or path.suffix != ".yaml":
            problems.append(Problem.of(shown, 1, "(file)", "participants-file-name"))
            continue
        slug = path.stem
        if slugs is not None and slug not in slugs and slug.lower() not in refused:
            close = closest(slug, sorted(slugs))
            if close:
                problem = Problem.of(
                    shown, 1, "(file)", "participants-no-covenant-close", id=slug, close=close
                )
            else:
                problem = Problem.of(shown, 1, "(file)", "participants-no-covenant", id=slug)
            problems.append(problem)
            continue
        items.append((path, shown, slug))
    return items, problems
