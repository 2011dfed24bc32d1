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
from imvo.model import (
    LANGUAGES,
    SLUG_PATTERN,
    Corpus,
    Covenant,
    DueDiligence,
    Glossary,
    Party,
    PartyRegistry,
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


def _message(error: Any, model: type[BaseModel]) -> str:
    """Turn one pydantic error into a sentence an editor understands."""
    kind = error["type"]
    value = error.get("input")
    where = tuple(error["loc"])
    if kind == "extra_forbidden":
        allowed = _model_fields(model, where[:-1])
        close = difflib.get_close_matches(str(where[-1]), allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; allowed here: {', '.join(allowed)}"
        return f"unknown field '{where[-1]}'{hint}"
    if kind == "missing":
        return "this field is required"
    if kind in ("enum", "literal_error"):
        return f"expected one of {_quoted_choices(error['ctx']['expected'])}; got {value!r}"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind in ("string_type", "str_type"):
        return f"expected text; got {_describe(value)}"
    if kind == "string_too_short":
        return "this text is empty"
    if kind == "string_too_long":
        return (
            f"this text has {len(value):,} characters; a text may have at most "
            f"{error['ctx']['max_length']:,}: shorten it"
        )
    if kind == "string_pattern_mismatch":
        return (
            f"expected lowercase letters, digits and hyphens (like 'fnv' or 'save-the-children'); "
            f"got {value!r}"
        )
    if kind == "list_type":
        return f"expected a list (lines starting with '- '); got {_describe(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a group of fields (key: value); got {_describe(value)}"
    if kind == "too_short":
        return "this list needs at least one entry"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number; got {_describe(value)}"
    if kind in ("greater_than", "less_than_equal"):
        return f"{error['msg'].lower()}; got {value!r}"
    return f"{error['msg']}; got {_describe(value)}"


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    shown = repr(value)
    if len(shown) > 80:  # the line must stay readable: the editor has the whole text
        return f"{shown[:60]}... ({len(str(value)):,} characters)"
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
            problem = Problem(loaded.path, loaded.line_of(loc), name, _message(error, model))
            # A union (text or nl/en pair) reports each branch: keep the first per place.
            problems.setdefault((problem.line, name), problem)
        return None, _drop_explained_missing(list(problems.values()))


_DID_YOU_MEAN_RE = re.compile(r"^unknown field '[^']*'; did you mean '([^']*)'\?$")


def _drop_explained_missing(problems: list[Problem]) -> list[Problem]:
    """A typo in a key shows as an unknown field and a missing one: report only the typo."""
    meant = set()
    for problem in problems:
        match = _DID_YOU_MEAN_RE.match(problem.message)
        if match:
            parent = problem.field.rpartition(".")[0]
            meant.add(f"{parent}.{match.group(1)}" if parent else match.group(1))
    return [p for p in problems if not (p.message == "this field is required" and p.field in meant)]


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

    def add(where: FieldPath, message: str) -> None:
        problems.append(Problem(loaded.path, loaded.line_of(where), field_name(where), message))

    source_ids = [source.id for source in covenant.sources]
    seen: set[str] = set()
    for index, source_id in enumerate(source_ids):
        if source_id in seen:
            add(("sources", index, "id"), f"source id '{source_id}' is used twice")
        seen.add(source_id)

    def check_refs(where: FieldPath, refs: list[str]) -> None:
        for index, ref in enumerate(refs):
            if ref not in seen:
                close = difflib.get_close_matches(ref, sorted(seen), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                add((*where, index), f"no source with id '{ref}' in this file's sources{hint}")

    for where, refs in source_refs(covenant):
        check_refs(where, refs)

    for index, participation in enumerate(covenant.parties):
        if party_ids is not None and participation.party not in party_ids:
            hints = hints or NameHints(party_ids)
            close = hints.closest(participation.party)
            hint = f"; did you mean '{close}'?" if close else ""
            add(
                ("parties", index, "party"),
                f"no party '{participation.party}' in content/parties.yaml{hint}",
            )

    if covenant.successor is not None:
        if covenant.successor == slug:
            add(("successor",), "a covenant cannot succeed itself")
        elif covenant.successor not in slugs:
            add(("successor",), f"no covenant '{covenant.successor}' in content/covenants/")

    start = covenant.signed or covenant.in_force
    ended = covenant.ended
    if ended is not None and start is not None and ended.date.latest() < start.date.earliest():
        which = "signing" if covenant.signed else "entry into force"
        add(("ended", "date"), f"the end ({ended.date}) is before the {which} ({start.date})")
    signed, in_force = covenant.signed, covenant.in_force
    if signed and in_force and in_force.date.latest() < signed.date.earliest():
        add(
            ("in_force", "date"),
            f"entry into force ({in_force.date}) is before the signing ({signed.date})",
        )

    status = covenant.status.value
    if status in ENDED_STATUSES and covenant.ended is None:
        add(("status", "value"), f"status '{status.value}' needs an end date: add 'ended'")
    if (
        status in (Status.active, Status.unknown, Status.in_preparation)
        and covenant.ended is not None
    ):
        add(("status", "value"), f"status '{status.value}' does not fit an end date")
    if status == Status.in_preparation and covenant.signed is not None:
        add(("status", "value"), "status 'in_preparation' does not fit a signing date")
    if (
        status in (Status.active, Status.unknown)
        and covenant.signed is None
        and covenant.in_force is None
    ):
        add(
            ("status", "value"),
            f"status '{status.value}' needs a date: add 'signed' or 'in_force'",
        )
    if status == Status.unknown and covenant.status.as_of is None:
        add(
            ("status", "value"),
            "status 'unknown' needs 'as_of': the date of the latest source that saw it running",
        )
    if status == Status.succeeded and covenant.successor is None:
        add(("status", "value"), "status 'succeeded' needs a 'successor'")
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
        raise ContentError([Problem(_relative(content, root), 1, "(folder)", "no such folder")])

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
                    Problem(
                        loaded.path,
                        loaded.line_of(where),
                        field_name(where),
                        f"party id '{party.id}' is used twice",
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
        what = "is a file, not a folder" if os.path.lexists(covenant_dir) else "is missing"
        message = f"the folder of covenant files {what}; make it and put the covenant files in it"
        problems.append(Problem(_relative(covenant_dir, root), 1, "(folder)", message))
    files = sorted(covenant_dir.glob("*")) if covenant_dir.is_dir() and not linked else []
    seen_slugs: dict[str, str] = {}
    for path in files:
        shown = _relative(path, root)
        if path.name.startswith("."):
            continue
        if path.is_symlink():
            problems.append(Problem(shown, 1, "(file)", SYMLINK_MESSAGE))
            continue
        if path.is_dir():
            problems.append(
                Problem(
                    shown,
                    1,
                    "(folder)",
                    "the build reads no folders inside covenants/; move the files in it "
                    "to content/covenants",
                )
            )
            continue
        if path.suffix != ".yaml":
            problems.append(
                Problem(shown, 1, "(file)", "covenant files end in .yaml; rename the file")
            )
            continue
        slug = path.stem
        if not re.match(SLUG_PATTERN, slug):
            problems.append(
                Problem(
                    shown,
                    1,
                    "(file)",
                    f"the file name '{slug}' is not a valid slug: use lowercase letters, digits "
                    "and hyphens (like 'banken.yaml')",
                )
            )
            continue
        if slug in RESERVED_SLUGS:
            problems.append(
                Problem(
                    shown,
                    1,
                    "(file)",
                    f"the slug '{slug}' is already used by a page or folder of the site; "
                    "rename the file",
                )
            )
            continue
        if slug.lower() in seen_slugs:
            problems.append(
                Problem(shown, 1, "(file)", f"slug '{slug}' is also used by {seen_slugs[slug]}")
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
    for read in _load_covenants(job, covenant_dir, seen_slugs):
        problems += read.problems
        if read.covenant is not None:
            covenants[read.slug] = read.covenant
            successor_lines[read.slug] = read.successor_line
    problems += _successor_circles(covenants, successor_lines, seen_slugs)

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
            problems.append(Problem(shown, 1, "(file)", "this text is missing"))
    names = ", ".join(sorted(TEXT_PAGES))
    for key in sorted(set(texts) - set(TEXT_PAGES)):
        for lang in texts[key]:
            shown = _relative(content / "texts" / f"{key}.{lang}.md", root)
            message = (
                f"no page of the site shows this text; a text is named after its page "
                f"({names}), then .nl.md or .en.md"
            )
            problems.append(Problem(shown, 1, "(file)", message))

    if problems or glossary is None or due_diligence is None:
        raise ContentError(problems)
    return Corpus(
        covenants=dict(sorted(covenants.items())),
        parties=parties,
        texts=texts,
        glossary=glossary[0],
        due_diligence=due_diligence[0],
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
        message = f"the successors go round in a circle ({circle}); a covenant cannot follow itself"
        problems.append(Problem(shown[start], lines[start], "successor", message))
    return problems


def _linked_folder(folder: Path, root: Path) -> list[Problem]:
    """A folder of the content that is a symbolic link, as a problem: it is not read."""
    if not folder.is_symlink():
        return []
    message = (
        "this folder is a symbolic link; the build reads only folders inside the content "
        "folder, so that a link cannot publish files from elsewhere: put the folder itself here"
    )
    return [Problem(_relative(folder, root), 1, "(folder)", message)]


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
        return None, [Problem(shown, 1, "(file)", "this file is missing")]
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


def _load_covenant(job: _CovenantJob, path: Path, shown: str, slug: str) -> _CovenantRead:
    """Read one covenant file, check it against the model and against the other files."""
    covenant, loaded, problems = _read_checked(path, shown, Covenant, job.file_check)
    if covenant is None or loaded is None:
        return _CovenantRead(slug, covenant, problems)
    problems += _cross_check_covenant(slug, covenant, loaded, job.party_ids, job.slugs, job.hints)
    return _CovenantRead(slug, covenant, problems, loaded.line_of(("successor",)))


def _load_chunk(job: _CovenantJob, items: list[tuple[Path, str, str]]) -> list[_CovenantRead]:
    return [_load_covenant(job, path, shown, slug) for path, shown, slug in items]


def _load_covenants(
    job: _CovenantJob, folder: Path, shown_by_slug: dict[str, str]
) -> list[_CovenantRead]:
    """Every covenant file read and checked, in slug order; side by side when there are many."""
    items = [
        (folder / f"{slug}.yaml", shown, slug) for slug, shown in sorted(shown_by_slug.items())
    ]
    workers = min(2, os.cpu_count() or 1)
    if len(items) < PARALLEL_FROM or workers < 2:
        return _load_chunk(job, items)
    size = -(-len(items) // (2 * workers))  # a few chunks each, so that neither waits long
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")
    with worker_pool(workers, context) as pool:
        return [
            result for done in pool.map(_load_chunk, [job] * len(chunks), chunks) for result in done
        ]


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
            problems.append(
                Problem(shown, 1, "(file)", "name text files <name>.nl.md and <name>.en.md")
            )
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
                    Problem(shown, 1, "(file)", f"the text has no translation: add {key}.{lang}.md")
                )
    return texts, problems
