"""Validation: check every loaded file against the model, then across files.

Everything is checked before anything is written, and every problem is reported: one bad
file never hides another.
"""

from __future__ import annotations

import difflib
import multiprocessing
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from imvo.interrupt import worker_pool
from imvo.load import (
    SYMLINK_MESSAGE,
    FieldPath,
    LoadedFile,
    field_name,
    read_text,
    read_yaml,
)
from imvo.messages import CodedError, Msg, msg
from imvo.model import (
    LANGUAGES,
    SLUG_PATTERN,
    Corpus,
    CountOf,
    Covenant,
    DueDiligence,
    Glossary,
    ParticipantList,
    Party,
    PartyRegistry,
    Positions,
    Status,
)
from imvo.pages import RESERVED_NAMES, TEXT_PAGES
from imvo.problems import ContentError, Problem

RESERVED_SLUGS = RESERVED_NAMES
M = TypeVar("M", bound=BaseModel)


ENDED_STATUSES = {Status.ended, Status.ended_early, Status.succeeded}


def _relative(path: Path, root: Path) -> str:
    """The path as editors see it, relative to the root; the file itself is not followed
    (a symbolic link keeps its own name, and a link that loops raises nothing)."""
    try:
        resolved = Path(os.path.realpath(path.parent)) / path.name
        return resolved.relative_to(os.path.realpath(root)).as_posix()
    except ValueError:
        return path.as_posix()


def _model_fields(model: type[BaseModel], where: tuple[str | int, ...]) -> list[str]:
    """The field names the model allows at a path, for 'did you mean' hints."""
    current: Any = model
    for part in where:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    """The pydantic model inside list[X], X | None and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _quoted_choices(expected: str) -> str:
    return ", ".join(re.findall(r"'([^']*)'", expected))


def _message(error: Any, model: type[BaseModel]) -> Msg:
    """Turn one pydantic error into a sentence an editor understands (as a message code)."""
    kind = error["type"]
    value = error.get("input")
    where = tuple(error["loc"])
    if kind == "extra_forbidden":
        allowed = _model_fields(model, where[:-1])
        close = difflib.get_close_matches(str(where[-1]), allowed, n=1)
        if close:
            return msg("unknown-field-close", name=str(where[-1]), close=close[0])
        return msg("unknown-field", name=str(where[-1]), allowed=", ".join(allowed))
    if kind == "missing":
        return msg("required")
    if kind in ("enum", "literal_error"):
        return msg("choice", choices=_quoted_choices(error["ctx"]["expected"]), got=repr(value))
    if kind == "value_error":
        cause = error["ctx"]["error"]
        if isinstance(cause, CodedError):
            return cause.msg
        return msg("value-error", detail=str(cause))
    if kind in ("string_type", "str_type"):
        return msg("expected-text", got=_describe(value))
    if kind == "string_too_short":
        return msg("empty-text")
    if kind == "string_too_long":
        return msg("text-too-long", count=len(value), limit=error["ctx"]["max_length"])
    if kind == "string_pattern_mismatch":
        return msg("id-pattern", got=repr(value))
    if kind == "list_type":
        return msg("expected-list", got=_describe(value))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return msg("expected-group", got=_describe(value))
    if kind == "too_short":
        return msg("list-empty")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return msg("expected-number", got=_describe(value))
    if kind == "greater_than":
        return msg("number-greater", limit=error["ctx"]["gt"], got=repr(value))
    if kind == "greater_than_equal":
        return msg("number-at-least", limit=error["ctx"]["ge"], got=repr(value))
    if kind == "less_than_equal":
        return msg("number-at-most", limit=error["ctx"]["le"], got=repr(value))
    return msg("value-other", detail=error["msg"], got=_describe(value))


def _describe(value: Any) -> Msg | str:
    if isinstance(value, dict):
        return msg("value-group")
    if isinstance(value, list):
        return msg("value-list")
    if value is None:
        return msg("value-nothing")
    shown = repr(value)
    if len(shown) > 80:  # the line must stay readable: the editor has the whole text
        return msg("value-long", start=shown[:60], count=len(str(value)))
    return shown


def _union_branch_noise(loc: tuple[Any, ...]) -> bool:
    """Pydantic names the tried union branches in a path ('str', 'Text'); editors need not."""
    return any(isinstance(part, str) and part in {"str", "constrained-str", "Text"} for part in loc)


def check_model(loaded: LoadedFile, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    """Validate one file's data against a model; map each error to its line."""
    try:
        loaded.checked = model.model_validate(loaded.data)
        return loaded.checked, []
    except ValidationError as exc:
        problems: dict[tuple[int, str], Problem] = {}
        for error in exc.errors(include_url=False):
            raw_loc = tuple(error["loc"])
            loc: FieldPath = tuple(p for p in raw_loc if not _union_branch_noise((p,)))
            error = {**error, "loc": loc}
            name = field_name(loc)
            message = _message(error, model)
            problem = Problem.of(
                loaded.path, loaded.line_of(loc), name, message.code, **dict(message.params)
            )
            # A union (text or nl/en pair) reports each branch: keep the first per place.
            problems.setdefault((problem.line, name), problem)
        return None, _drop_explained_missing(list(problems.values()))


def _drop_explained_missing(problems: list[Problem]) -> list[Problem]:
    """A typo in a key shows as an unknown field and a missing one: report only the typo."""
    meant = set()
    for problem in problems:
        if problem.code == "unknown-field-close":
            close = dict(problem.params)["close"]
            parent = problem.field.rpartition(".")[0]
            meant.add(f"{parent}.{close}" if parent else close)
    return [p for p in problems if not (p.code == "required" and p.field in meant)]


def unknown_source(ref: str, known: set[str]) -> tuple[str, dict[str, str]]:
    """The message for a source id a file does not have, with the closest id it does have."""
    close = difflib.get_close_matches(ref, sorted(known), n=1)
    if close:
        return "unknown-source-close", {"id": ref, "close": close[0]}
    return "unknown-source", {"id": ref}


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


def _cross_check_covenant(
    slug: str,
    covenant: Covenant,
    loaded: LoadedFile,
    party_ids: set[str] | None,
    slugs: set[str],
    hints: NameHints | None = None,
) -> list[Problem]:
    """Checks within one covenant that need more than its own fields."""
    problems: list[Problem] = []

    def add(where: FieldPath, code: str, **params: Any) -> None:
        problems.append(
            Problem.of(loaded.path, loaded.line_of(where), field_name(where), code, **params)
        )

    source_ids = [source.id for source in covenant.sources]
    seen: set[str] = set()
    for index, source_id in enumerate(source_ids):
        if source_id in seen:
            add(("sources", index, "id"), "source-twice", id=source_id)
        seen.add(source_id)

    def check_refs(where: FieldPath, refs: list[str]) -> None:
        for index, ref in enumerate(refs):
            if ref not in seen:
                code, params = unknown_source(ref, seen)
                add((*where, index), code, **params)

    for where, refs in source_refs(covenant):
        check_refs(where, refs)

    for index, participation in enumerate(covenant.parties):
        if party_ids is not None and participation.party not in party_ids:
            hints = hints or NameHints(party_ids)
            close = hints.closest(participation.party)
            where = ("parties", index, "party")
            if close:
                add(where, "unknown-party-close", id=participation.party, close=close)
            else:
                add(where, "unknown-party", id=participation.party)

    if covenant.successor is not None:
        if covenant.successor == slug:
            add(("successor",), "successor-self")
        elif covenant.successor not in slugs:
            add(("successor",), "successor-unknown", id=covenant.successor)

    start = covenant.signed or covenant.in_force
    ended = covenant.ended
    if ended is not None and start is not None and ended.date.latest() < start.date.earliest():
        which = msg("which-signing" if covenant.signed else "which-in-force")
        add(
            ("ended", "date"),
            "end-before-start",
            end=str(ended.date),
            which=which,
            start=str(start.date),
        )
    signed, in_force = covenant.signed, covenant.in_force
    if signed and in_force and in_force.date.latest() < signed.date.earliest():
        add(
            ("in_force", "date"),
            "in-force-before-signing",
            in_force=str(in_force.date),
            signed=str(signed.date),
        )

    status = covenant.status.value
    if status in ENDED_STATUSES and covenant.ended is None:
        add(("status", "value"), "status-needs-end", status=status.value)
    if (
        status in (Status.active, Status.unknown, Status.in_preparation)
        and covenant.ended is not None
    ):
        add(("status", "value"), "status-no-end", status=status.value)
    if status == Status.in_preparation and covenant.signed is not None:
        add(("status", "value"), "status-prep-signed")
    if (
        status in (Status.active, Status.unknown)
        and covenant.signed is None
        and covenant.in_force is None
    ):
        add(("status", "value"), "status-needs-date", status=status.value)
    if status == Status.unknown and covenant.status.as_of is None:
        add(("status", "value"), "status-needs-as-of")
    if status == Status.succeeded and covenant.successor is None:
        add(("status", "value"), "status-needs-successor")
    return problems


def load_content(
    content: Path, root: Path | None = None, file_check: FileCheck | None = None
) -> Corpus:
    """Load and validate all content; raise ContentError with every problem found.

    `file_check` is run on every YAML file that could be read, where it was read, and its
    problems are reported with the rest (check uses it for warnings). Covenant files are
    read by two processes side by side from PARALLEL_FROM files on.
    """
    root = root if root is not None else content.parent
    problems: list[Problem] = []

    if not content.is_dir():
        raise ContentError([Problem.of(_relative(content, root), 1, "(folder)", "folder-missing")])

    parties_file = content / "parties.yaml"
    registry, found = _load_model_file(parties_file, PartyRegistry, root, file_check)
    # One wrong field in parties.yaml stops the registry, but its ids are still as written:
    # covenants are checked against those, so that one mistake gives one message, not one
    # "no party" for every covenant of every party in it.
    raw_ids = _raw_party_ids(parties_file, root) if registry is None else None
    problems += found
    parties: dict[str, Party] = {}
    if registry is not None:
        model, loaded = registry
        for index, party in enumerate(model.parties):
            if party.id in parties:
                where: FieldPath = ("parties", index, "id")
                problems.append(
                    Problem.of(
                        loaded.path,
                        loaded.line_of(where),
                        field_name(where),
                        "party-twice",
                        id=party.id,
                    )
                )
            parties[party.id] = party
    glossary, found = _load_model_file(content / "glossary.yaml", Glossary, root, file_check)
    problems += found
    due_diligence, found = _load_model_file(
        content / "due-diligence.yaml", DueDiligence, root, file_check
    )
    problems += found

    covenant_dir = content / "covenants"
    linked = _linked_folder(covenant_dir, root)
    problems += linked
    if not linked and not covenant_dir.is_dir():
        # Without it the build would publish a site with no covenants and call it a success.
        code = "covenants-not-a-folder" if os.path.lexists(covenant_dir) else "covenants-missing"
        problems.append(Problem.of(_relative(covenant_dir, root), 1, "(folder)", code))
    files = sorted(covenant_dir.glob("*")) if covenant_dir.is_dir() and not linked else []
    seen_slugs: dict[str, str] = {}
    for path in files:
        shown = _relative(path, root)
        if path.name.startswith("."):
            continue
        if path.is_symlink():
            problems.append(Problem.of(shown, 1, "(file)", SYMLINK_MESSAGE))
            continue
        if path.is_dir():
            problems.append(Problem.of(shown, 1, "(folder)", "folder-in-covenants"))
            continue
        if path.suffix != ".yaml":
            problems.append(Problem.of(shown, 1, "(file)", "covenant-not-yaml"))
            continue
        slug = path.stem
        if not re.match(SLUG_PATTERN, slug):
            problems.append(Problem.of(shown, 1, "(file)", "covenant-bad-name", name=slug))
            continue
        if slug in RESERVED_SLUGS:
            problems.append(Problem.of(shown, 1, "(file)", "covenant-reserved-name", name=slug))
            continue
        if slug.lower() in seen_slugs:
            problems.append(
                Problem.of(
                    shown, 1, "(file)", "covenant-name-twice", name=slug, other=seen_slugs[slug]
                )
            )
            continue
        seen_slugs[slug] = shown

    # Without a readable parties.yaml (its own line says why) no party id can be checked:
    # reporting every covenant's parties as unknown would bury that one cause.
    known = set(parties) if registry is not None else raw_ids
    hints = NameHints(known) if known is not None else None
    job = _CovenantJob(known, set(seen_slugs), file_check, hints)
    covenants: dict[str, Covenant] = {}
    successor_lines: dict[str, int] = {}
    positions: dict[str, Positions] = {}
    for read in _load_covenants(job, covenant_dir, seen_slugs):
        problems += read.problems
        if read.covenant is not None:
            covenants[read.slug] = read.covenant
            successor_lines[read.slug] = read.successor_line
            if read.positions is not None:
                positions[read.slug] = read.positions
    problems += _successor_circles(covenants, successor_lines, seen_slugs)

    # Without a readable covenants folder (its own line says why) no participants file can be
    # matched to its covenant: reporting each one as unmatched would bury that one cause.
    readable = covenant_dir.is_dir() and not linked
    participants, participant_lines, found = load_participants(
        content / "participants",
        root,
        set(seen_slugs) if readable else None,
        set(parties),
        file_check,
    )
    problems += found

    texts, found = load_texts(content / "texts", root)
    problems += found

    # A text file or folder that is there but was refused has its own line already.
    refused = {problem.path for problem in found}
    for key in TEXT_PAGES:
        shown_files = [
            _relative(content / "texts" / f"{key}.{lang}.md", root) for lang in LANGUAGES
        ]
        if _relative(content / "texts", root) in refused or refused & set(shown_files):
            continue
        if key not in texts:
            shown = _relative(content / "texts" / f"{key}.nl.md", root)
            problems.append(Problem.of(shown, 1, "(file)", "text-missing"))
    names = ", ".join(sorted(TEXT_PAGES))
    for key in sorted(set(texts) - set(TEXT_PAGES)):
        for lang in texts[key]:
            shown = _relative(content / "texts" / f"{key}.{lang}.md", root)
            problems.append(Problem.of(shown, 1, "(file)", "text-no-page", names=names))

    if problems or glossary is None or due_diligence is None:
        raise ContentError(problems)
    return Corpus(
        covenants=dict(sorted(covenants.items())),
        parties=parties,
        texts=texts,
        glossary=glossary[0],
        due_diligence=due_diligence[0],
        participants=participants,
        participant_lines=participant_lines,
        positions={
            **dict(sorted(positions.items())),
            "glossary": Positions(glossary[1].path, glossary[1].lines),
            "due-diligence": Positions(due_diligence[1].path, due_diligence[1].lines),
        },
    )


def _read_checked(
    path: Path, shown: str, model: type[M], file_check: FileCheck | None
) -> tuple[M | None, LoadedFile | None, list[Problem]]:
    """Read one YAML file and check it against its model and with `file_check`."""
    loaded, problems = read_yaml(path, shown)
    if loaded is None:
        return None, None, problems
    value, problems = check_model(loaded, model)
    if file_check is not None:
        problems += file_check(loaded)
    return value, loaded, problems


def _successor_circles(
    covenants: dict[str, Covenant], lines: dict[str, int], shown: dict[str, str]
) -> list[Problem]:
    """Successors that lead back to where they started: one problem per circle.

    Reported at the circle's first covenant by name, on its 'successor' line.
    """
    problems: list[Problem] = []
    reported: set[str] = set()
    for start in sorted(covenants):
        chain = [start]
        current = covenants[start].successor
        while current in covenants and current not in chain:
            chain.append(current)
            current = covenants[current].successor
        if current != start or start in reported or len(chain) < 2:
            continue
        reported.update(chain)
        circle = " -> ".join([*chain, start])
        problems.append(
            Problem.of(shown[start], lines[start], "successor", "successor-circle", circle=circle)
        )
    return problems


def _linked_folder(folder: Path, root: Path) -> list[Problem]:
    """A folder of the content that is a symbolic link, as a problem: it is not read."""
    if not folder.is_symlink():
        return []
    return [Problem.of(_relative(folder, root), 1, "(folder)", "folder-symlink")]


def _raw_party_ids(path: Path, root: Path) -> set[str] | None:
    """The ids parties.yaml gives, as written, when the file reads but fails the model."""
    loaded, problems = read_yaml(path, _relative(path, root)) if path.is_file() else (None, [])
    if loaded is None or problems or not isinstance(loaded.data.get("parties"), list):
        return None
    return {
        entry["id"]
        for entry in loaded.data["parties"]
        if isinstance(entry, dict) and isinstance(entry.get("id"), str)
    }


def _deletions(name: str) -> set[str]:
    """The name and every name one letter shorter that it gives."""
    return {name} | {name[:index] + name[index + 1 :] for index in range(len(name))}


class NameHints:
    """'Did you mean' for a name among many, with a bounded search.

    difflib compares a name with every candidate: 300 unknown ids among 10,000 parties
    took `check` 42 s. Up to FULL_SEARCH names every one is compared, as before. Among more,
    only the names that share a one-letter deletion with the unknown name are compared
    (found in an index: a letter too many, too few, wrong or two letters swapped), so
    each look-up costs the same whatever the number of names. Each name is looked up once.
    """

    FULL_SEARCH = 1000

    def __init__(self, names: set[str]) -> None:
        self.names = sorted(names)
        self._index: dict[str, list[str]] | None = None
        self.found: dict[str, str | None] = {}

    def _candidates(self, name: str) -> list[str]:
        if len(self.names) <= self.FULL_SEARCH:
            return self.names
        if self._index is None:  # made on the first unknown name only
            self._index = defaultdict(list)
            for known in self.names:
                for shorter in _deletions(known):
                    self._index[shorter].append(known)
        index = self._index
        return sorted({known for shorter in _deletions(name) for known in index.get(shorter, ())})

    def closest(self, name: str) -> str | None:
        """The known name closest to `name`, if one is close enough."""
        if name not in self.found:
            close = difflib.get_close_matches(name, self._candidates(name), n=1)
            self.found[name] = close[0] if close else None
        return self.found[name]


def _load_model_file(
    path: Path, model: type[M], root: Path, file_check: FileCheck | None
) -> tuple[tuple[M, LoadedFile] | None, list[Problem]]:
    """Load one required YAML file and check it against its model."""
    shown = _relative(path, root)
    if not os.path.lexists(path):  # a link or a special file is read_yaml's to refuse
        return None, [Problem.of(shown, 1, "(file)", "file-missing")]
    value, loaded, problems = _read_checked(path, shown, model, file_check)
    return (None if value is None or loaded is None else (value, loaded)), problems


FileCheck = Callable[[LoadedFile], list[Problem]]
"""More checks of one file that was read (check's warnings), run where it was read."""

PARALLEL_FROM = 200
"""From this many covenant files on they are read by two processes: at 1,000 covenants
this took reading and checking them from about 1.1 s to about 0.6 s."""


@dataclass(frozen=True)
class _CovenantJob:
    """What reading a covenant file needs to know of the others."""

    party_ids: set[str] | None
    """None when parties.yaml could not be read: then party ids are not checked."""
    slugs: set[str]
    file_check: FileCheck | None
    hints: NameHints | None = None
    """Did-you-mean for unknown party ids."""


class _CovenantRead(NamedTuple):
    """One covenant file as read and checked (the line map stays in the process that read it)."""

    slug: str
    covenant: Covenant | None
    problems: list[Problem]
    successor_line: int = 1
    """The line of its 'successor', for the check of all successors together."""
    positions: Positions | None = None
    """Where each value of the file was written (see Corpus.positions)."""


def _load_covenant(job: _CovenantJob, path: Path, shown: str, slug: str) -> _CovenantRead:
    """Read one covenant file, check it against the model and against the other files."""
    covenant, loaded, problems = _read_checked(path, shown, Covenant, job.file_check)
    if covenant is None and loaded is not None:
        # One mistake must not hide the next: the references of a file the model refused
        # are still checked, from the plain data, where they can be read.
        problems += _raw_cross_check(loaded, job.party_ids, job.slugs, problems)
    if covenant is None or loaded is None:
        return _CovenantRead(slug, covenant, problems)
    problems += _cross_check_covenant(slug, covenant, loaded, job.party_ids, job.slugs, job.hints)
    positions = Positions(loaded.path, loaded.lines)
    return _CovenantRead(slug, covenant, problems, loaded.line_of(("successor",)), positions)


def _raw_ids(items: Any, key: str) -> list[tuple[int, str]]:
    """The ids under `key` of a list of groups in plain data, with their index."""
    if not isinstance(items, list):
        return []
    return [
        (index, item[key])
        for index, item in enumerate(items)
        if isinstance(item, dict) and isinstance(item.get(key), str)
    ]


def _raw_cross_check(
    loaded: LoadedFile, party_ids: set[str] | None, slugs: set[str], found: list[Problem]
) -> list[Problem]:
    """The references of a covenant file the model refused, checked from its plain data:
    source ids, party ids and the successor (places that already have a problem are skipped)."""
    data = loaded.data
    taken = {problem.field for problem in found}
    problems: list[Problem] = []

    def add(where: FieldPath, code: str, **params: Any) -> None:
        name = field_name(where)
        if name not in taken:
            problems.append(Problem.of(loaded.path, loaded.line_of(where), name, code, **params))

    seen: set[str] = set()
    for index, source_id in _raw_ids(data.get("sources"), "id"):
        if source_id in seen:
            add(("sources", index, "id"), "source-twice", id=source_id)
        seen.add(source_id)
    if isinstance(data.get("sources"), list):
        for where, value in _walk(data):
            if len(where) < 2 or where[-1] != "sources" or not isinstance(value, list):
                continue
            for index, ref in enumerate(value):
                if isinstance(ref, str) and ref not in seen:
                    code, params = unknown_source(ref, seen)
                    add((*where, index), code, **params)
    if party_ids is not None:
        for index, party in _raw_ids(data.get("parties"), "party"):
            if party not in party_ids:
                close = difflib.get_close_matches(party, sorted(party_ids), n=1)
                where = ("parties", index, "party")
                if close:
                    add(where, "unknown-party-close", id=party, close=close[0])
                else:
                    add(where, "unknown-party", id=party)
    successor = data.get("successor")
    if isinstance(successor, str) and successor not in slugs:
        add(("successor",), "successor-unknown", id=successor)
    return problems


def _walk(data: Any, where: FieldPath = ()) -> Iterator[tuple[FieldPath, Any]]:
    """Every value in plain data with its path."""
    yield where, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, (*where, index))


def _load_chunk(job: _CovenantJob, items: list[tuple[Path, str, str]]) -> list[_CovenantRead]:
    return [_load_covenant(job, path, shown, slug) for path, shown, slug in items]


def _load_covenants(
    job: _CovenantJob, folder: Path, shown_by_slug: dict[str, str]
) -> list[_CovenantRead]:
    """Every covenant file read and checked, in slug order; side by side when there are many."""
    items = [
        (folder / f"{slug}.yaml", shown, slug) for slug, shown in sorted(shown_by_slug.items())
    ]
    return _in_parallel(_load_chunk, job, items)


def load_texts(folder: Path, root: Path) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """Read the explainer texts: <key>.<lang>.md, each key in every language."""
    texts: dict[str, dict[str, str]] = {}
    problems: list[Problem] = _linked_folder(folder, root)
    if problems or not folder.is_dir():
        return texts, problems
    unread: set[tuple[str, str]] = set()
    for path in sorted(folder.glob("*.md")):
        shown = _relative(path, root)
        key, _, lang = path.stem.rpartition(".")
        if lang not in LANGUAGES or not key:
            problems.append(Problem.of(shown, 1, "(file)", "text-bad-name"))
            continue
        text, found = read_text(path, shown)
        problems += found
        if text is not None:
            texts.setdefault(key, {})[lang] = text
        else:
            unread.add((key, lang))
    for key, by_lang in sorted(texts.items()):
        for lang in LANGUAGES:
            # A file that is there but could not be read has its own line already.
            if (
                lang not in by_lang and key in TEXT_PAGES and (key, lang) not in unread
            ):  # other keys: see load_content
                other = next(iter(by_lang))
                shown = _relative(folder / f"{key}.{other}.md", root)
                problems.append(
                    Problem.of(shown, 1, "(file)", "text-no-translation", name=f"{key}.{lang}.md")
                )
    return texts, problems


def load_participants(
    folder: Path,
    root: Path,
    slugs: set[str] | None,
    party_ids: set[str],
    file_check: FileCheck | None = None,
) -> tuple[dict[str, ParticipantList], dict[str, tuple[int, ...]], list[Problem]]:
    """Read content/participants/<slug>.yaml, one optional file per covenant, and check each.

    Returns the lists by slug, the line of each entry by slug, and every problem. Slugs is
    None when the covenants folder could not be read: then no file is matched to a covenant,
    but each is still checked on its own.
    """
    found: dict[str, ParticipantList] = {}
    lines: dict[str, tuple[int, ...]] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return found, lines, problems
    items: list[tuple[Path, str, str]] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        shown = _relative(path, root)
        if path.is_dir() or path.suffix != ".yaml":
            problems.append(Problem.of(shown, 1, "(file)", "participants-file-name"))
            continue
        slug = path.stem
        if slugs is not None and slug not in slugs:
            close = difflib.get_close_matches(slug, sorted(slugs), n=1)
            if close:
                problem = Problem.of(
                    shown, 1, "(file)", "participants-no-covenant-close", id=slug, close=close[0]
                )
            else:
                problem = Problem.of(shown, 1, "(file)", "participants-no-covenant", id=slug)
            problems.append(problem)
            continue
        items.append((path, shown, slug))
    job = _ParticipantsJob(party_ids, file_check)
    for slug, value, entry_lines, file_problems in _in_parallel(_participant_chunk, job, items):
        problems += file_problems
        if value is not None:
            found[slug] = value
            lines[slug] = entry_lines
    return found, lines, problems


@dataclass(frozen=True)
class _ParticipantsJob:
    """What reading a participants file needs to know of the others."""

    party_ids: set[str]
    file_check: FileCheck | None


_ParticipantsRead = tuple[str, ParticipantList | None, tuple[int, ...], list[Problem]]


def _participant_chunk(
    job: _ParticipantsJob, items: list[tuple[Path, str, str]]
) -> list[_ParticipantsRead]:
    """Read and check some participants files: (slug, list, line of each entry, problems)."""
    out: list[_ParticipantsRead] = []
    for path, shown, slug in items:
        value, loaded, problems = _read_checked(path, shown, ParticipantList, job.file_check)
        if value is None or loaded is None:
            out.append((slug, None, (), problems))
            continue
        problems += _cross_check_participants(value, loaded, job.party_ids)
        entry_lines = tuple(
            loaded.line_of(("participants", index)) for index in range(len(value.participants))
        )
        out.append((slug, value, entry_lines, problems))
    return out


J = TypeVar("J")
R = TypeVar("R")


def _in_parallel(
    work: Callable[[J, list[tuple[Path, str, str]]], list[R]],
    job: J,
    items: list[tuple[Path, str, str]],
) -> list[R]:
    """Run `work` over the files, by two processes side by side from PARALLEL_FROM files on."""
    workers = min(2, os.cpu_count() or 1)
    if len(items) < PARALLEL_FROM or workers < 2:
        return work(job, items)
    size = -(-len(items) // (2 * workers))  # a few chunks each, so that neither waits long
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")
    with worker_pool(workers, context) as pool:
        return [result for done in pool.map(work, [job] * len(chunks), chunks) for result in done]


def _cross_check_participants(
    value: ParticipantList, loaded: LoadedFile, party_ids: set[str]
) -> list[Problem]:
    """Sources and party ids resolved, names unique, dates in order, every entry sourced."""
    problems: list[Problem] = []

    def add(where: FieldPath, code: str, **params: Any) -> None:
        problems.append(
            Problem.of(loaded.path, loaded.line_of(where), field_name(where), code, **params)
        )

    seen: set[str] = set()
    for index, source in enumerate(value.sources):
        if source.id in seen:
            add(("sources", index, "id"), "source-twice", id=source.id)
        seen.add(source.id)

    def check_refs(where: FieldPath, refs: list[str]) -> None:
        for index, ref in enumerate(refs):
            if ref not in seen:
                code, params = unknown_source(ref, seen)
                add((*where, index), code, **params)

    # The two places of a participants file that hold source ids, looked up directly: the
    # generic walk (source_refs) costs more than the rest of the checks on long lists.
    check_refs(("default_sources",), value.default_sources)
    for index, count in enumerate(value.counts):
        check_refs(("counts", index, "sources"), count.sources)
    for index, participant in enumerate(value.participants):
        if participant.sources:
            check_refs(("participants", index, "sources"), participant.sources)
    for index, count in enumerate(value.counts):
        if count.of != CountOf.participants:
            add(("counts", index, "of"), "participants-count-of")

    names: dict[str, int] = {}
    for index, participant in enumerate(value.participants):
        where: FieldPath = ("participants", index)
        if participant.party is not None and participant.party not in party_ids:
            close = difflib.get_close_matches(participant.party, sorted(party_ids), n=1)
            if close:
                add((*where, "party"), "unknown-party-close", id=participant.party, close=close[0])
            else:
                add((*where, "party"), "unknown-party", id=participant.party)
        key = participant.name.casefold()
        if key in names:
            add((*where, "name"), "participant-twice", name=participant.name, line=names[key])
        else:
            names[key] = loaded.line_of((*where, "name"))
        joined = participant.joined
        for name in ("left", "left_by"):
            left = getattr(participant, name)
            if joined is not None and left is not None and left.latest() < joined.earliest():
                add(
                    (*where, name),
                    "participant-left-before-joined",
                    field=name,
                    left=str(left),
                    joined=str(joined),
                )
        if participant.left is not None and participant.left_by is not None:
            add((*where, "left_by"), "participant-left-and-left-by")
        if not value.sources_of(participant):
            add(where, "participant-no-source")
    return problems
