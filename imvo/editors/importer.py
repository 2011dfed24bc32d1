"""Bulk import of participants: a pasted list or a spreadsheet's CSV added to one covenant's
participants file, in the file's own style, with one source.

`python build.py import-participants <slug> [FILE] --source-url URL --source-title TEXT
[--source-date YYYY-MM-DD]`. The input is one name per line, or a CSV with a header row (comma
or semicolon separated) whose columns may also give the legal name, joined, left, website,
brands and group. Names are cleaned as pasted text is (imvo/participants/names.py: tidy), compared
in the
one normal form with the names already in the file and with each other, and the new entries
are inserted as text after the file's last entry: every comment, blank line, modeline, quote
and the order of what is there stay as they were. The result is checked like any
participants file before it replaces the old one; an input with a mistake changes nothing.
Nothing of the input is executed or evaluated: it is only text.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from imvo.load import SYMLINK_MESSAGE
from imvo.messages import Msg, msg
from imvo.messages.problems import Problem
from imvo.model.content import SLUG_PATTERN, ParticipantList, check_url
from imvo.model.dates import parse_partial_date
from imvo.participants.names import before, describe, invisible, key, tidy, words
from imvo.validate.files import linked_folder, raw_party_ids, read_checked
from imvo.validate.participant_rules import cross_check_participants

MAX_INPUT_BYTES = 2_000_000
"""The most an input may hold: far more than any official list (a name is about 30 bytes)."""

COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "naam", "organisatie", "organisation", "organization", "deelnemer"),
    "legal_name": (
        "legal_name",
        "legal name",
        "officiele naam",
        "statutaire naam",
        "juridische naam",
    ),
    "joined": ("joined", "aangesloten", "lid sinds", "sinds", "since", "toegetreden"),
    "left": ("left", "vertrokken", "uitgetreden", "tot", "until"),
    "website": ("website", "site", "url"),
    "brands": ("brands", "merken", "merk", "brand"),
    "group": ("group", "moederbedrijf", "groep", "concern", "parent"),
}
"""The columns a CSV may have, with the headers that name each (compared without case and
accents): English as the content model writes it, and Dutch as a spreadsheet might."""

KEY_ORDER = ("name", "legal_name", "brands", "group", "website", "joined", "left", "sources")


class ImportError_(Exception):
    """The input or the file cannot be imported: every problem, as editors' lines."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.text() for p in problems))


@dataclass
class Row:
    """One organisation from the input, cleaned, with the line it came from."""

    line: int
    values: dict[str, Any]


@dataclass
class Outcome:
    """What an import did: the names added, and each name skipped with why."""

    path: Path
    added: list[str] = field(default_factory=list)
    skipped: list[Msg] = field(default_factory=list)
    source_id: str = ""
    source_added: bool = False


# --- the input ------------------------------------------------------------------------------


def read_input(raw: bytes, shown: str) -> list[Row]:
    """The organisations of a pasted list or a CSV, cleaned; ImportError_ on any mistake."""
    if len(raw) > MAX_INPUT_BYTES:
        raise ImportError_([_problem(shown, 1, "import-too-large", limit=MAX_INPUT_BYTES)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # a spreadsheet saved on Windows
    lines = text.splitlines()
    header = _header(lines[0]) if lines else None
    rows = _csv_rows(text, header, shown) if header else _plain_rows(lines)
    problems: list[Problem] = []
    for row in rows:
        problems += _row_problems(row, shown)
    if problems:
        raise ImportError_(problems)
    if not rows:
        raise ImportError_([_problem(shown, 1, "import-no-names")])
    return rows


def _fold(text: str) -> str:
    return " ".join(words(text.replace("_", " "))) if text else ""


_HEADERS = {_fold(name): column for column, names in COLUMNS.items() for name in names}


def _header(line: str) -> tuple[str, list[str | None]] | None:
    """The separator and each column's field, when the first line is a CSV header that names
    the name column; None for a plain list of names."""
    for separator in (";", ",", "\t"):
        if separator not in line:
            continue
        cells = next(csv.reader([line], delimiter=separator))
        fields = [_HEADERS.get(_fold(tidy(cell))) for cell in cells]
        if "name" in fields:
            return separator, fields
    if _HEADERS.get(_fold(tidy(line))) == "name":
        return "\n", ["name"]  # a one-column CSV: its header is the only cell
    return None


def _plain_rows(lines: list[str]) -> list[Row]:
    rows = []
    for number, line in enumerate(lines, start=1):
        name = tidy(line)
        if name:
            rows.append(Row(number, {"name": name}))
    return rows


def _csv_rows(text: str, header: tuple[str, list[str | None]], shown: str) -> list[Row]:
    separator, fields = header
    if separator == "\n":
        return _plain_rows(text.splitlines()[1:])  # the names start on line 2
    rows = []
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    next(reader)
    for cells in reader:
        values: dict[str, Any] = {}
        for column, cell in zip(fields, cells, strict=False):
            value = tidy(cell)
            if column is None or not value:
                continue
            if column == "brands":
                values[column] = [tidy(b) for b in re.split(r"[;|]", value) if tidy(b)]
            else:
                values[column] = value
        if values:
            rows.append(Row(reader.line_num, values))
    return rows


def _row_problems(row: Row, shown: str) -> list[Problem]:
    problems = []
    if "name" not in row.values:
        problems.append(_problem(shown, row.line, "import-no-name"))
    for column, value in row.values.items():
        texts = value if isinstance(value, list) else [value]
        for text in texts:
            found = invisible(text)
            if found is not None:
                place, char = found
                problems.append(
                    _problem(
                        shown,
                        row.line,
                        "invisible-char" if place else "invisible-char-start",
                        field=column,
                        char=describe(char),
                        before=before(text, place),
                    )
                )
        if column in ("joined", "left"):
            try:
                parse_partial_date(value)
            except ValueError as error:
                detail = getattr(error, "msg", None) or msg("value-error", detail=str(error))
                problems.append(_problem(shown, row.line, "import-value", field=column, why=detail))
        if column == "website":
            try:
                check_url(value)
            except ValueError as error:
                detail = getattr(error, "msg", None) or msg("value-error", detail=str(error))
                problems.append(_problem(shown, row.line, "import-value", field=column, why=detail))
    return problems


def _problem(shown: str, line: int, code: str, field: str = "(file)", **params: Any) -> Problem:
    """A problem on a line of the input (the field is its column, where there is one)."""
    if code == "invisible-char-start":
        params.pop("before", None)
    return Problem.of(shown, line, field, code, **params)


# --- the participants file ------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """How a participants file writes its entries, read from the entries it has."""

    indent: str = "  "
    """The spaces before '- ' of an entry."""
    quote: str = '"'
    """The quote it puts around a date (and around a name that needs one)."""
    flow_sources: bool = True
    """sources: [a] (True) or a list of lines (False)."""
    quote_all: bool = False
    """Whether it puts every name in quotes, needed or not."""
    order: tuple[str, ...] = KEY_ORDER
    newline: str = "\n"


def _style(text: str) -> Style:
    newline = "\r\n" if "\r\n" in text else "\n"
    indent = "  "
    if match := re.search(r"^participants:[ \t]*\r?\n(?:[ \t]*(?:#.*)?\r?\n)*( *)- ", text, re.M):
        indent = match[1]
    quotes = re.findall(r"^\s+(?:joined|left|left_by|date|published|checked): *(['\"])", text, re.M)
    quote = "'" if quotes and quotes.count("'") > quotes.count('"') else '"'
    block = re.search(r"^\s+sources:[ \t]*\r?\n\s+- ", text, re.M)
    flow = re.search(r"^\s+sources: *\[", text, re.M)
    seen: list[str] = []
    for name in re.findall(r"^ *(?:- )?([a-z_]+):", text.split("\nparticipants:", 1)[-1], re.M):
        if name in KEY_ORDER and name not in seen:
            seen.append(name)
    order = tuple(seen) + tuple(k for k in KEY_ORDER if k not in seen)
    names = re.findall(r"^\s*-?\s*(?:name|title|legal_name): *(\S)", text, re.M)
    quoted = sum(1 for first in names if first in "'\"")
    return Style(indent, quote, not (block and not flow), quoted * 2 > len(names), order, newline)


def _text(value: str, style: Style) -> str:
    """A name or title as the file writes them: in quotes where it quotes them all."""
    if style.quote_all:
        return _quoted(value, style.quote)
    return _scalar(value, style.quote)


def _quoted(value: str, quote: str) -> str:
    if quote == "'" and "\\" not in value:
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _scalar(value: str, quote: str) -> str:
    """A value written so that YAML reads it back as exactly this text."""
    try:
        plain_ok = yaml.safe_load(value) == value and "#" not in value and ": " not in value
    except yaml.YAMLError:
        plain_ok = False
    if plain_ok and value == value.strip() and not value.startswith(("'", '"', "&", "*", "!")):
        return value
    return _quoted(value, quote)


def _entry(values: dict[str, Any], source_id: str | None, style: Style) -> list[str]:
    """The lines of one new entry."""
    inner = style.indent + "  "
    items = dict(values)
    if source_id is not None:
        items["sources"] = [source_id]
    lines: list[str] = []
    for name in style.order:
        if name not in items:
            continue
        value = items[name]
        prefix = f"{style.indent}- " if not lines else inner
        if isinstance(value, list):
            if style.flow_sources or name != "sources":
                shown = ", ".join(_scalar(v, style.quote) for v in value)
                lines.append(f"{prefix}{name}: [{shown}]")
            else:
                lines.append(f"{prefix}{name}:")
                lines += [f"{inner}  - {_scalar(v, style.quote)}" for v in value]
        elif name in ("joined", "left"):
            lines.append(f"{prefix}{name}: {style.quote}{value}{style.quote}")
        elif name == "website":
            lines.append(f"{prefix}{name}: {_scalar(value, style.quote)}")
        else:
            lines.append(f"{prefix}{name}: {_text(value, style)}")
    return lines


def _top_level(lines: list[str]) -> list[tuple[int, str]]:
    """The top-level keys of the file with their line index."""
    found = []
    for index, line in enumerate(lines):
        if match := re.match(r"^([A-Za-z_][A-Za-z0-9_]*):", line):
            found.append((index, match[1]))
    return found


def _block_end(lines: list[str], start: int, keys: list[tuple[int, str]]) -> int:
    """Where the block of the key at `start` ends: before the next top-level key and the
    blank lines and comments that lead up to it (they belong to that key)."""
    following = [index for index, _ in keys if index > start]
    end = following[0] if following else len(lines)
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    return end


def _add_block(lines: list[str], name: str, body: list[str]) -> None:
    """Put `body` at the end of the top-level block `name` (or a new block), in place."""
    keys = _top_level(lines)
    where = {key_name: index for index, key_name in keys}
    if name in where:
        start = where[name]
        if re.match(rf"^{name}: *\[ *\] *(#.*)?$", lines[start]):  # `participants: []`
            lines[start] = f"{name}:"
        end = _block_end(lines, start, keys)
        lines[end:end] = body
    else:
        at = where.get("participants", len(lines)) if name == "sources" else len(lines)
        lines[at:at] = [f"{name}:", *body]


def _insert(text: str, source: list[str] | None, entries: list[str], style: Style) -> str:
    """The file with a new source after its last source, and the entries after its last
    entry, as text: nothing that is there changes."""
    lines = text.splitlines()
    ending = text[len(text.rstrip("\r\n")) :] or style.newline
    if source:
        _add_block(lines, "sources", source)
    _add_block(lines, "participants", entries)
    return style.newline.join(lines) + (ending if ending.strip("\r\n") == "" else style.newline)


# --- the import -----------------------------------------------------------------------------


def source_id_for(title: str, date: str | None, taken: set[str]) -> str:
    """A new source id from the title (and year): lower case words joined by hyphens."""
    parts: list[str] = []
    for word in words(title):  # whole words, up to about 40 characters
        if parts and len("-".join([*parts, word])) > 40:
            break
        parts.append(word[:40])
    base = "-".join(parts) or "bron"
    if date:
        base = f"{base}-{date[:4]}"
    candidate, number = base, 2
    while candidate in taken or not re.fullmatch(SLUG_PATTERN, candidate):
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def import_participants(
    content: Path,
    slug: str,
    raw: bytes,
    shown_input: str,
    *,
    source_url: str,
    source_title: str,
    source_date: str | None = None,
) -> Outcome:
    """Add the organisations of the input to content/participants/<slug>.yaml; return what
    was added and skipped. ImportError_ (and no change to any file) on any mistake."""
    root = content.parent
    shown_file = f"{content.name}/participants/{slug}.yaml"
    options = _check_options(slug, content, source_url, source_title, source_date)
    if options:
        raise ImportError_(options)
    rows = read_input(raw, shown_input)
    linked = linked_folder(content / "participants", root)
    if linked:
        raise ImportError_(linked)
    path = content / "participants" / f"{slug}.yaml"
    if path.is_symlink() or (path.exists() and not path.is_file()):
        # The checks refuse such a file too: the import neither reads nor writes through it.
        raise ImportError_([Problem.of(shown_file, 1, "(file)", SYMLINK_MESSAGE)])
    existing = path.read_bytes().decode("utf-8-sig") if path.is_file() else _new_file()
    listing, problems = _parse(existing, path, shown_file, root)
    if listing is None:
        raise ImportError_(problems)
    outcome = Outcome(path)
    style = _style(existing)

    same_url = next((s for s in listing.sources if s.url == source_url), None)
    source_lines: list[str] | None = None
    if same_url is not None:
        outcome.source_id = same_url.id
    else:
        outcome.source_id = source_id_for(
            source_title, source_date, {s.id for s in listing.sources}
        )
        outcome.source_added = True
        source_lines = _source_lines(
            outcome.source_id, source_url, source_title, source_date, style
        )
    per_entry = None if listing.default_sources == [outcome.source_id] else outcome.source_id

    known = _known_names(listing, existing)
    entries: list[str] = []
    for row in rows:
        name = row.values["name"]
        reason = _why_skip(row, known)
        if reason is not None:
            outcome.skipped.append(reason)
            continue
        known.add(name, -row.line)
        entries += _entry(row.values, per_entry, style)
        outcome.added.append(name)
    if not outcome.added:
        return outcome
    new_text = _insert(existing, source_lines, entries, style)
    _, problems = _parse(new_text, path, shown_file, root)
    if problems:
        raise ImportError_(problems)
    _write(path, new_text)
    return outcome


def _check_options(
    slug: str, content: Path, url: str, title: str, date: str | None
) -> list[Problem]:
    problems = []
    shown = "(import)"
    if (
        not re.fullmatch(SLUG_PATTERN, slug)
        or not (content / "covenants" / f"{slug}.yaml").is_file()
    ):
        problems.append(Problem.of(shown, 1, "covenant", "import-no-covenant", slug=slug))
    try:
        check_url(url)
    except ValueError:
        problems.append(Problem.of(shown, 1, "--source-url", "url", got=repr(url)))
    if not tidy(title):
        problems.append(Problem.of(shown, 1, "--source-title", "empty-text"))
    if date is not None:
        try:
            parse_partial_date(date)
        except ValueError as error:
            detail = getattr(error, "msg", None) or msg("value-error", detail=str(error))
            problems.append(Problem.of(shown, 1, "--source-date", "import-value", why=detail))
    return problems


def _new_file() -> str:
    return (
        "# yaml-language-server: $schema=../../schema/participants.schema.json\nparticipants: []\n"
    )


def _parse(
    text: str, path: Path, shown: str, root: Path
) -> tuple[ParticipantList | None, list[Problem]]:
    """The text read and checked as the participants file would be (model and file rules)."""
    with tempfile.TemporaryDirectory(prefix="imvo-import-") as folder:
        candidate = Path(folder) / path.name
        candidate.write_bytes(text.encode("utf-8"))
        value, loaded, problems = read_checked(candidate, shown, ParticipantList, None)
        if value is None or loaded is None:
            return None, problems
        registry = path.parent.parent / "parties.yaml"
        party_ids = raw_party_ids(registry, root) if registry.is_file() else None
        problems += cross_check_participants(value, loaded, party_ids)
        errors = [p for p in problems if p.severity == "error"]
        return value, errors


def _source_lines(sid: str, url: str, title: str, date: str | None, style: Style) -> list[str]:
    inner = style.indent + "  "
    lines = [
        f"{style.indent}- id: {sid}",
        f"{inner}title: {_text(tidy(title), style)}",
        f"{inner}url: {_scalar(url, style.quote)}",
    ]
    if date:
        lines.append(f"{inner}published: {style.quote}{date}{style.quote}")
    return lines


class Known:
    """The names in the file and those added so far, indexed so that each new name is
    compared with all of them in time that does not grow with their number: by key (the same
    name), by words, and by every run of words (one name's words in a row in another's).
    A line below 0 is a line of the input."""

    def __init__(self) -> None:
        self.order = 0
        self.by_key: dict[str, tuple[int, str, int]] = {}
        self.by_words: dict[tuple[str, ...], tuple[int, str, int]] = {}
        self.runs: dict[tuple[str, ...], tuple[int, str, int]] = {}

    def add(self, name: str, line: int) -> None:
        """Remember a name and where it is."""
        self.order += 1
        item = (self.order, name, line)
        self.by_key.setdefault(key(name), item)
        found = words(name)
        if found:
            self.by_words.setdefault(found, item)
            for run in _runs(found):
                self.runs.setdefault(run, item)

    def same(self, name: str) -> tuple[str, int] | None:
        """The name already known that is this one (case and accents' form aside)."""
        item = self.by_key.get(key(name))
        return (item[1], item[2]) if item else None

    def like(self, name: str) -> tuple[str, int] | None:
        """The first known name whose words are this one's, hold them in a row, or are held
        in a row in this one's ('ABP' and 'Pensioenfonds ABP')."""
        own = words(name)
        if not own:
            return None
        found = [self.runs.get(own)]  # this name inside a known one (or equal to it)
        found += [self.by_words.get(run) for run in _runs(own)]  # a known one inside this
        items = [item for item in found if item is not None]
        if not items:
            return None
        _order, other, line = min(items)
        return other, line


def _runs(found: tuple[str, ...]) -> set[tuple[str, ...]]:
    size = len(found)
    return {found[start:end] for start in range(size) for end in range(start + 1, size + 1)}


def _known_names(listing: ParticipantList, text: str) -> Known:
    lines = text.splitlines()
    starts = [i + 1 for i, line in enumerate(lines) if re.match(r"^\s*- +name:", line)]
    known = Known()
    for index, participant in enumerate(listing.participants):
        line = starts[index] if index < len(starts) else 0
        for name in filter(None, (participant.name, participant.legal_name)):
            known.add(name, line)
    return known


def _why_skip(row: Row, known: Known) -> Msg | None:
    name = row.values["name"]
    same = known.same(name)
    if same is not None:
        if same[1] < 0:
            return msg("import-twice-in-input", name=name, line=row.line, first=-same[1])
        return msg("import-already", name=name, line=same[1])
    like = known.like(name)
    if like is not None:
        other, line = like
        if line < 0:
            return msg("import-like-input", name=name, line=row.line, other=other, first=-line)
        return msg("import-like", name=name, other=other, line=line)
    return None


def _write(path: Path, text: str) -> None:
    """Replace the file in one step: a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
