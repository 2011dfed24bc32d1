"""Checking for a pull request: the model's errors plus the warnings an editor should see.

Warnings do not stop the build; ``check --strict`` turns them into failures. Hints (a date
on a weekend) only ask the editor to look twice: they never fail, not even with ``--strict``.
Each warning and hint points at the line it is about, so that on GitHub it shows as an
annotation on that line.

What depends on today's date (a term that has passed, a signing or end date still ahead, a
last check more than a year ago) is a *reminder*: shown like a warning, but it never fails
``check --strict``, so that no file that nobody changed turns a pull request red, or stops
``main`` from being published, on some later day (see REMINDERS).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from string import ascii_uppercase
from typing import Any

from imvo.build.options import BuildOptions
from imvo.load import LoadedFile
from imvo.messages import language, msg
from imvo.messages.problems import PLURAL, ContentError, Problem, summary
from imvo.model.content import ENDED_STATUSES, LANGUAGES, OLD_SOURCE_DATE, Corpus, Covenant, Status
from imvo.model.dates import PartialDate
from imvo.model.limits import BUILD_SECONDS
from imvo.model.positions import FieldPath, field_name
from imvo.participants.duplicates import duplicates
from imvo.participants.index import letter_slug
from imvo.render.link_check import CODES
from imvo.render.page_list import MOVED_PAGES, NAMED_PAGES, page_name
from imvo.validate import load_content

MIN_WORDS_IDENTICAL = 3
"""A text the same in Dutch and English is flagged from this many words: short labels
('Website', 'FNV') are often the same in both languages."""

URL_KEYS = ("url", "website")
LINK_CODES = frozenset({*CODES.values(), "text-crash"})
"""The problems the render stage finds in an editor's texts."""

REMINDERS = frozenset({"term-passed", "signed-future", "checked-old", "end-future"})
"""The rules that depend on today's date: their problems are reminders, never failures."""


@dataclass(frozen=True)
class CheckResult:
    """What `check` found: every problem, and how many covenants were read."""

    problems: list[Problem]
    covenants: int

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the build."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems an editor should look at (they fail `check --strict`)."""
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def reminders(self) -> list[Problem]:
        """What depends on today's date: shown, but never a failure."""
        return [p for p in self.problems if p.severity == "reminder"]

    @property
    def hints(self) -> list[Problem]:
        """What an editor may want to look at twice; never a failure."""
        return [p for p in self.problems if p.severity == "hint"]


def yaml_files(content: Path) -> list[Path]:
    """The content's YAML files: the registries, every covenant file, every participants file."""
    files = [
        content / name
        for name in ("parties.yaml", "glossary.yaml", "due-diligence.yaml", "law.yaml")
    ]
    for name in ("covenants", "participants"):
        folder = content / name
        if folder.is_dir():
            files += sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("."))
    return [path for path in files if path.is_file()]


def walk(data: Any, where: FieldPath = ()) -> Iterator[tuple[FieldPath, Any]]:
    """Every value in plain YAML data with its path, parents before children."""
    yield where, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from walk(value, (*where, index))


def is_text_pair(value: Any) -> bool:
    """A mapping that holds a text in languages: keys nl and/or en only."""
    return isinstance(value, dict) and bool(value) and set(value) <= {"nl", "en"}


def file_warnings(
    loaded: LoadedFile, when: date, pages: dict[str, set[str]] | None = None
) -> list[Problem]:
    """The warnings of one YAML file: untranslated texts, http links, and for a covenant
    facts without a source and a status that no longer fits the dates; with `pages`, also
    the links of its texts (see field_links)."""
    problems: list[Problem] = field_links(loaded, pages) if pages is not None else []

    def warn(where: FieldPath, code: str, **params: Any) -> None:
        severity = "reminder" if code in REMINDERS else "warning"
        problems.append(loaded.problem(where, code, severity, **params))

    for where, value in walk(loaded.data):
        if is_text_pair(value) and value.get("nl") == value.get("en"):
            text = value.get("nl")
            if isinstance(text, str) and len(text.split()) >= MIN_WORDS_IDENTICAL:
                warn(where, "same-text")
        key = where[-1] if where else None
        if key in URL_KEYS and isinstance(value, str) and value.lower().startswith("http://"):
            warn(where, "not-https", rest=value[7:])
        # `complaints:` with nothing under it reads as nothing, and the model lets an optional
        # group be left out: an editor who un-commented only its first line is told here.
        if value is None and isinstance(key, str):
            warn(where, "empty-group", name=key)
        if key == OLD_SOURCE_DATE and len(where) >= 3 and where[-3] == "sources":
            warn(where, "source-date-old")

    if isinstance(loaded.checked, Covenant):
        for where, code, params in covenant_warnings(loaded.checked, when):
            warn(where, code, **params)
        for where, code, params in date_hints(loaded.checked):
            problems.append(loaded.problem(where, code, "hint", **params))
    return problems


WEEKEND = {5: "weekday-saturday", 6: "weekday-sunday"}
"""The days of the week (Monday is 0) on which an agreement is rarely signed, started or
ended, with the message code of their name."""


def date_hints(covenant: Covenant) -> Found:
    """A hint for a signing, in-force or end date on a Saturday or Sunday that no note explains:
    17 June 2017 for 19 June is an easy slip, and the editor should look twice."""
    found: Found = []
    for name, fact in covenant.dated_facts():
        day = fact.date
        if day.precision != "day" or fact.note is not None:
            continue
        weekday = date(*day.earliest()).weekday()
        if weekday in WEEKEND:
            params = {"date": str(day), "day": msg(WEEKEND[weekday])}
            found.append(((name, "date"), "weekend-date", params))
    return found


Found = list[tuple[FieldPath, str, dict[str, Any]]]
"""Warnings by field: where, the message code and its parameters."""

STILL_RUNNING_WORDS = (
    "nog loopt",
    "loopt nog",
    "weten wij niet",
    "weten we niet",
    "nog van kracht",
    "still running",
    "still runs",
    "may still",
    "might still",
    "still in force",
)
"""Words in a status note that say the covenant may still run: wrong beside an ended status."""


def covenant_warnings(covenant: Covenant, when: date) -> Found:
    """Facts without a source, and a status that contradicts the dates or notes, by field."""
    found: Found = []
    no_source = "no-source"
    if not covenant.status.sources:
        found.append((("status",), no_source, {}))
    for name, fact in covenant.dated_facts():
        if not fact.sources:
            found.append(((name,), no_source, {}))
    if covenant.term is not None and not covenant.term.sources:
        found.append((("term",), no_source, {}))
    for index, participation in enumerate(covenant.parties):
        if not participation.sources:
            found.append((("parties", index), no_source, {}))

    status = covenant.status.value
    today_tuple = (when.year, when.month, when.day)
    start = covenant.in_force or covenant.signed
    # A status note means an editor has looked and explained why it still stands.
    explained = covenant.status.note is not None
    if (
        status == Status.active
        and start is not None
        and covenant.term is not None
        and not explained
    ):
        year, month, _ = start.date.earliest()
        months = year * 12 + month - 1 + covenant.term.months
        end = PartialDate(months // 12, months % 12 + 1)
        if end.latest() < today_tuple:
            found.append(
                (
                    ("status", "value"),
                    "term-passed",
                    {"months": covenant.term.months, "end": str(end), "status": status.value},
                )
            )
    signed = covenant.signed
    if status == Status.active and signed is not None and signed.date.earliest() > today_tuple:
        found.append(
            (
                ("status", "value"),
                "signed-future",
                {"date": str(signed.date), "status": status.value},
            )
        )
    checked = covenant.checked
    if status not in ENDED_STATUSES and checked is not None:
        year_ago = (when.year - 1, when.month, when.day)
        if checked.latest() < year_ago:
            found.append((("checked",), "checked-old", {"date": str(checked)}))
    ended = covenant.ended
    if status in ENDED_STATUSES and ended is not None and ended.date.earliest() > today_tuple:
        found.append(
            (("status", "value"), "end-future", {"status": status.value, "date": str(ended.date)})
        )
    found += _contradictions(covenant)
    return found


def _contradictions(covenant: Covenant) -> Found:
    """A status that its own dates, 'as_of', notes or 'after_end' contradict."""
    found: Found = []
    status = covenant.status
    ended = covenant.ended
    as_of = status.as_of
    if (
        status.value in ENDED_STATUSES
        and ended is not None
        and as_of is not None
        and as_of.latest() < ended.date.earliest()
    ):
        found.append(
            (
                ("status", "as_of"),
                "as-of-before-end",
                {"status": status.value.value, "as_of": str(as_of), "end": str(ended.date)},
            )
        )
    if status.value in ENDED_STATUSES and status.note is not None:
        note = " ".join(text.lower() for text in (status.note.get("nl"), status.note.get("en")))
        words = [word for word in STILL_RUNNING_WORDS if word in note]
        if words:
            found.append(
                (
                    ("status", "note"),
                    "ended-note-running",
                    {"status": status.value.value, "words": ", ".join(f"'{w}'" for w in words)},
                )
            )
    if status.value not in ENDED_STATUSES and covenant.after_end is not None:
        found.append((("after_end",), "running-after-end", {"status": status.value.value}))
    return found


def duplicate_warnings(corpus: Corpus, content: Path, root: Path) -> list[Problem]:
    """A warning for each participant that looks like one in another covenant (no shared id)."""
    found = []
    for dup in duplicates(corpus):
        where: FieldPath = ("participants", dup.index)
        other = _shown(content / "participants" / f"{dup.other_slug}.yaml", root)
        other_line = corpus.participant_lines[dup.other_slug][dup.other_index]
        path = _shown(content / "participants" / f"{dup.slug}.yaml", root)
        line = corpus.participant_lines[dup.slug][dup.index]
        found.append(
            Problem.of(
                path,
                line,
                field_name(where),
                "possible-duplicate",
                "warning",
                name=dup.name,
                other_name=dup.other_name,
                other=f"{other}:{other_line}",
            )
        )
    return found


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def render_problems(corpus: Corpus, options: BuildOptions, root: Path) -> list[Problem]:
    """What the build's render stage finds in the content: every page of both languages is
    made in memory (nothing written, no mkdocs), and its links, images and Markdown checked
    as the build checks them (imvo/render/markdown_fields.py, imvo/render/link_check.py), on the
    editor's line."""
    from imvo.render.renderer import Renderer  # the render stage: only once the content is valid

    renderer = Renderer(corpus, options)  # each page names its file as the loader did
    deadline = time.monotonic() + BUILD_SECONDS
    shown = _shown(options.content, root)

    def in_time(uri: str) -> None:
        # The build's budget for the pages of the whole site, checked as each page begins
        # (one page is bounded by the limits on its texts and size).
        if time.monotonic() > deadline:
            raise _OverBudget(uri)

    renderer.on_page = in_time
    try:
        for lang in LANGUAGES:
            renderer.language(lang)
    except _OverBudget as over:
        name = over.args[0].removesuffix(".md")
        seconds = f"{BUILD_SECONDS:.0f}"
        stop = Problem.of(shown, 1, "(folder)", "build-too-slow", seconds=seconds, page=name)
        return [*renderer.problems, stop]
    return renderer.problems


class _OverBudget(Exception):
    """Check's rendering went past the build's budget (its argument: the next page)."""


def run_check(content: Path, root: Path, when: date) -> CheckResult:
    """Every error of the model and cross-file checks, every problem the build's render stage
    would find, and every warning (dates compared with `when`, the day of the check), sorted."""
    # The render stage as a build with these options makes it (no PDFs: their links only).
    built = datetime(when.year, when.month, when.day, tzinfo=UTC)
    options = BuildOptions(built, content=content, pdf=False)
    pages = {lang: possible_pages(content, lang) for lang in LANGUAGES}
    problems: list[Problem] = []
    covenants = 0
    try:
        corpus = load_content(content, root, partial(file_warnings, when=when, pages=pages))
    except ContentError as error:
        problems += error.problems
        if any(problem.severity == "error" for problem in problems):
            # The build would stop here: the links of the files it could read are checked
            # field by field (file_warnings) and in the text pages, so that one run names
            # them with the rest.
            problems += text_links(content, root, pages)
            return CheckResult(sorted(set(problems)), covenants)
        # Only warnings and reminders: they stop nothing, so the checks that need the whole
        # content (duplicates, the render stage, which checks the links as the build does)
        # still run; a date reminder, present on every later day, must never hide a problem.
        problems = [problem for problem in problems if problem.code not in LINK_CODES]
        try:
            corpus = load_content(content, root)
        except ContentError as again:
            return CheckResult(sorted(set(problems + again.problems)), covenants)
    covenants = len(corpus.covenants)
    problems += duplicate_warnings(corpus, content, root)
    problems += render_problems(corpus, options, root)
    return CheckResult(sorted(set(problems)), covenants)


def possible_pages(content: Path, lang: str) -> set[str]:
    """The pages a link in one language may lead to, known from the content's files alone
    (for a file the build will not render: it has errors): every page of the site, a
    factsheet per covenant file, and a participants page per letter."""
    names = {page.names[lang] for page in NAMED_PAGES.values()} | set(MOVED_PAGES)
    folder = content / "covenants"
    if folder.is_dir() and not folder.is_symlink():
        names |= {path.stem for path in folder.glob("*.yaml")}
    base = page_name("participants", lang)
    names |= {f"{base}-{letter_slug(letter)}" for letter in [*ascii_uppercase, "#"]}
    return names


_MAY_LINK_RE = re.compile(r"\]\(|\]\s*\[|\]:|<\s*(a|img)\b", re.IGNORECASE)
"""A text that may hold a link or an image (Markdown's or HTML's)."""


def text_links(content: Path, root: Path, pages: dict[str, set[str]]) -> list[Problem]:
    """The links and images of the text pages (content/texts/), checked as the render stage
    checks them, for a content the build will not render (see field_links)."""
    from imvo.render.markdown_fields import Fields, PageParts, Where
    from imvo.validate import load_texts

    texts, positions, _ = load_texts(content / "texts", root)
    found: list[Problem] = []
    for key, by_lang in texts.items():
        for lang, text in by_lang.items():
            source = positions.get(f"texts/{key}.{lang}")
            if lang not in pages or source is None or not _MAY_LINK_RE.search(text):
                continue
            parts = PageParts()
            Fields({}, pages[lang]).html(text, parts, Where(source.path, 1, source=source))
            found += parts.problems
    return found


def field_links(loaded: LoadedFile, pages: dict[str, set[str]]) -> list[Problem]:
    """The links and images of one YAML file's texts, checked as the render stage checks
    them, against the pages of each text's language (both for a text in no language)."""
    from imvo.render.markdown_fields import Fields, PageParts, Where  # the render stage's Markdown

    found: list[Problem] = []
    fields = {lang: Fields({}, pages[lang]) for lang in LANGUAGES}
    for where, value in walk(loaded.data):
        if not isinstance(value, str) or not _MAY_LINK_RE.search(value):
            continue
        langs = [where[-1]] if where and where[-1] in LANGUAGES else list(LANGUAGES)
        place = Where(loaded.path, loaded.line_of(where), source=loaded.positions)
        for lang in langs:
            parts = PageParts()
            fields[lang].html(value, parts, place)
            found += parts.problems
    return found


def report(result: CheckResult, *, strict: bool) -> str:
    """The closing line of `check`: what was found, and whether it passes."""
    if not result.problems:
        number = result.covenants
        return msg(
            "checked-none", count=number, s="" if number == 1 else PLURAL[language()]
        ).render()
    if result.reminders and not result.errors and not result.warnings:
        number = result.covenants
        return msg(
            "checked-reminders",
            count=number,
            s="" if number == 1 else PLURAL[language()],
            reminders=summary(result.problems).removesuffix("."),
        ).render()
    line = summary(result.problems)
    if not result.errors and result.warnings and strict:
        return msg("strict-fails", line=line.removesuffix(".")).render()
    return line


def exit_code(result: CheckResult, *, strict: bool) -> int:
    """1 when there are errors, or warnings with --strict; else 0 (reminders never fail)."""
    return 1 if result.errors or (strict and result.warnings) else 0
