"""Source rules, the same for every file: each source id given once, each reference to a
source resolved to one of the file's own sources."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel

from imvo.load import LoadedFile
from imvo.messages.problems import Problem
from imvo.model.positions import FieldPath
from imvo.validate.hints import unknown_source


def source_refs(node: BaseModel, where: FieldPath = ()) -> Iterator[tuple[FieldPath, list[str]]]:
    """Every list of source ids in a content object, with its field path.

    Any field named ``sources`` that holds ids (not the file's own list of sources) counts,
    so a new field with sources is checked without a line here.
    """
    for name in type(node).model_fields:
        value = getattr(node, name)
        if name == "sources" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            yield (*where, name), value
        elif isinstance(value, BaseModel):
            yield from source_refs(value, (*where, name))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from source_refs(item, (*where, name, index))


def defined_once(
    loaded: LoadedFile, ids: Iterable[tuple[int, str]], taken: set[str] | None = None
) -> tuple[set[str], list[Problem]]:
    """The file's source ids (index, id), and a problem for each id given a second time."""
    seen: set[str] = set()
    problems: list[Problem] = []
    for index, source_id in ids:
        if source_id in seen:
            problems += _at(loaded, ("sources", index, "id"), taken, "source-twice", id=source_id)
        seen.add(source_id)
    return seen, problems


def resolved(
    loaded: LoadedFile,
    where: FieldPath,
    refs: Iterable[object],
    seen: set[str],
    taken: set[str] | None = None,
) -> list[Problem]:
    """A problem for each reference under `where` to a source the file does not have."""
    problems: list[Problem] = []
    for index, ref in enumerate(refs):
        if isinstance(ref, str) and ref not in seen:
            code, params = unknown_source(ref, seen)
            problems += _at(loaded, (*where, index), taken, code, **params)
    return problems


def _at(
    loaded: LoadedFile, where: FieldPath, taken: set[str] | None, code: str, **params: str
) -> list[Problem]:
    """The problem at a place, unless that place already has one (`taken`, by field name)."""
    problem = loaded.problem(where, code, **params)
    return [] if taken is not None and problem.field in taken else [problem]
