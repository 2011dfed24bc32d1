"""Counts and statuses agree everywhere: overview, factsheet (both languages), its PDF, CSV, JSON.

Each is read as a reader or a program gets it: the pages with an HTML parser, by the classes
the templates write; the PDF as text (pdftotext, from poppler); the open data as CSV and JSON.
The reference is the JSON's list of parties, counted by the one rule the site states: the
signatories, supporters and facilitators take part; those that withdrew or declined do not.
"""

from __future__ import annotations

import csv
import functools
import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from typing import Any

import pytest
import yaml

from imvo.model.content import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
TAKING_PART = frozenset({"signatory", "supporter", "facilitator"})
"""The roles that count as taking part (README, "The content model in short")."""
OVERVIEW = {"nl": "overzicht.html", "en": "en/overview.html"}
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@dataclass
class Element:
    """An element of a parsed page: its tag, attributes and children (elements or text)."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def classes(self) -> list[str]:
        """The element's classes."""
        return self.attrs.get("class", "").split()

    def text(self) -> str:
        """All the text inside, with white space as a reader sees it (runs made one space)."""
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return " ".join("".join(parts).split())

    def find_all(self, tag: str, cls: str | None = None) -> list[Element]:
        """The elements inside with this tag (and class), in document order."""
        found = []
        for child in self.children:
            if isinstance(child, Element):
                if child.tag == tag and (cls is None or cls in child.classes()):
                    found.append(child)
                found.extend(child.find_all(tag, cls))
        return found

    def find(self, tag: str, cls: str | None = None) -> Element:
        """The first element inside with this tag (and class); fails if there is none."""
        found = self.find_all(tag, cls)
        assert found, f"no <{tag} class={cls}> in <{self.tag} {self.attrs}>"
        return found[0]


class _TreeBuilder(HTMLParser):
    """Builds a tree of Elements from a page (the site writes well-formed HTML)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(path: Path) -> Element:
    """A page of the site as a tree (the same text is parsed once: the trees are only read)."""
    return _tree(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=256)
def _tree(text: str) -> Element:
    """The tree of a page's text."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


@functools.cache
def ui(lang: str) -> dict[str, Any]:
    """The site's texts in one language (templates/i18n/<lang>.yaml), read once: the check
    asks for them for every factsheet. Only read, never changed."""
    texts: dict[str, Any] = yaml.safe_load(
        (ROOT / "templates" / "i18n" / f"{lang}.yaml").read_text(encoding="utf-8")
    )
    return texts


def pattern(template: str) -> re.Pattern[str]:
    """A text of the site with its {placeholders} matching anything (a date, a number)."""
    parts = re.split(r"\{\w+\}", " ".join(template.split()))
    return re.compile("(.+?)".join(map(re.escape, parts)))


def status_of(element: Element) -> str:
    """The status value a badge shows, from its class imvo-status--<value>."""
    values = [c.removeprefix("imvo-status--") for c in element.classes() if "--" in c]
    assert len(values) == 1, element.attrs
    return values[0]


@dataclass(frozen=True)
class Shown:
    """What one page or file says of one covenant: its party count and its status."""

    where: str
    parties: int | None
    status: str | None
    label: str | None = None
    """The status in words, where the page shows it."""


def from_overview(site: Path, lang: str) -> dict[str, Shown]:
    """Each covenant's row of the overview page: count, status value and its label."""
    label = ui(lang)["overview"]["parties"] + ":"
    found = {}
    for row in parse(site / OVERVIEW[lang]).find_all("tr"):
        if "data-status" not in row.attrs:
            continue
        link = row.find("td", "imvo-overview__name").find("a")
        slug = link.attrs["href"].removesuffix(".html")
        cells = [
            cell.text().removeprefix(label).strip()
            for cell in row.find_all("td")
            if cell.find_all("span", "imvo-cell-label")
            and cell.find("span", "imvo-cell-label").text() == label
        ]
        assert len(cells) == 1, f"{OVERVIEW[lang]}: {slug}: one cell '{label}'"
        badge = row.find("span", "imvo-status")
        assert status_of(badge) == row.attrs["data-status"], f"{OVERVIEW[lang]}: {slug}"
        found[slug] = Shown(
            f"{OVERVIEW[lang]}", int(cells[0]), status_of(badge), label=badge.text()
        )
    return found


@dataclass(frozen=True)
class Factsheet:
    """What a factsheet page shows: count and status, the words it shows them in, its PDF."""

    shown: Shown
    count_words: str
    """'8 op deze pagina': the count as the page words it on screen."""
    print_words: str
    """'8 genoemd': the same count as paper words it (the PDF must say it, and the same number)."""
    pdf: str
    """The PDF the page links, relative to the site root."""


def from_factsheet(site: Path, lang: str, slug: str) -> Factsheet:
    """The factsheet's status (in its summary list) and its 'Parties' fact, read from the page."""
    name = f"{slug}.html" if lang == "nl" else f"{lang}/{slug}.html"
    texts = ui(lang)["factsheet"]
    page = parse(site / name)
    badge = page.find("dl", "imvo-summary").find("span", "imvo-status")
    facts = [
        div
        for div in page.find("dl", "imvo-facts").find_all("div")
        if div.find_all("dt") and div.find("dt").text() == texts["parties_count"]
    ]
    assert len(facts) == 1, f"{name}: one fact '{texts['parties_count']}'"
    words = next(a for a in facts[0].find_all("a") if a.attrs.get("href") == "#parties").text()
    match = pattern(texts["parties_named"]).fullmatch(words)
    assert match, f"{name}: {words!r} is not {texts['parties_named']!r}"
    printed = next(s for s in facts[0].find_all("span") if "imvo-print-only" in s.classes()).text()
    assert pattern(texts["parties_named_print"]).fullmatch(printed), f"{name}: {printed!r}"
    link = page.find("p", "imvo-pdf").find("a").attrs["href"]
    pdf = normpath(f"{Path(name).parent.as_posix()}/{link}")
    shown = Shown(name, int(match[1]), status_of(badge), label=badge.text())
    return Factsheet(shown, words, printed, pdf)


def pdf_text(path: Path) -> str:
    """The text of a PDF as pdftotext reads it, white space made single spaces."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return " ".join(result.stdout.split())


def from_open_data(site: Path) -> tuple[dict[str, Shown], dict[str, Shown], dict[str, Any]]:
    """Each covenant in covenants.csv and covenants.json, and the CSV rows themselves."""
    with (site / "data" / "covenants.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["slug"]: row for row in csv.DictReader(handle)}
    in_csv = {
        slug: Shown("data/covenants.csv", int(row["parties"]), row["status"])
        for slug, row in rows.items()
    }
    data = json.loads((site / "data" / "covenants.json").read_text(encoding="utf-8"))
    in_json = {
        c["slug"]: Shown(
            "data/covenants.json",
            sum(1 for p in c["parties"] if p["role"] in TAKING_PART),
            c["status"]["value"],
        )
        for c in data["covenants"]
    }
    return in_csv, in_json, rows


def status_phrases(lang: str, status: str) -> list[re.Pattern[str]]:
    """The ways a factsheet may word a status (templates/i18n: status.phrase.*)."""
    texts = ui(lang)["status"]
    phrases = texts["phrase"]
    found = [phrases[status]] if status in phrases else []
    if status == "active":
        found.append(phrases["active_nodate"])
    found.append(texts[status])  # no date known: the status alone
    return [pattern(phrase) for phrase in found]


def disagreements(site: Path, *, with_pdfs: bool = True) -> list[str]:
    """Every place where a page or file of the built site disagrees with the open data's JSON."""
    in_csv, in_json, rows = from_open_data(site)
    problems = []
    if sorted(in_csv) != sorted(in_json):
        problems.append(f"CSV has {sorted(in_csv)}, JSON has {sorted(in_json)}")
    for lang in LANGUAGES:
        overview = from_overview(site, lang)
        if sorted(overview) != sorted(in_json):
            problems.append(f"{OVERVIEW[lang]} lists {sorted(overview)}, JSON {sorted(in_json)}")
        label = ui(lang)["status"]
        for slug, reference in sorted(in_json.items()):
            factsheet = from_factsheet(site, lang, slug)
            shown = [in_csv.get(slug), overview.get(slug), factsheet.shown]
            for other in (s for s in shown if s is not None):
                if (other.parties, other.status) != (reference.parties, reference.status):
                    problems.append(
                        f"{slug}: {other.where} shows {other.parties} parties, status "
                        f"{other.status}; {reference.where} {reference.parties}, "
                        f"{reference.status}"
                    )
            if slug in overview and overview[slug].label != label[reference.status]:
                problems.append(
                    f"{slug}: {OVERVIEW[lang]} words status {reference.status} as "
                    f"{overview[slug].label!r}, not {label[reference.status]!r}"
                )
            words = factsheet.shown.label or ""
            if not any(p.fullmatch(words) for p in status_phrases(lang, reference.status)):
                problems.append(
                    f"{slug}: {factsheet.shown.where} words status {reference.status} as {words!r}"
                )
            if factsheet.pdf != rows.get(slug, {}).get(f"pdf_{lang}"):
                problems.append(f"{slug}: {factsheet.shown.where} links {factsheet.pdf}")
            if not factsheet.print_words.startswith(f"{factsheet.shown.parties} "):
                problems.append(
                    f"{slug}: {factsheet.shown.where} says {factsheet.print_words!r} on paper, "
                    f"{factsheet.count_words!r} on screen"
                )
            if with_pdfs:
                text = pdf_text(site / factsheet.pdf)
                for what in (factsheet.print_words, words):
                    if " ".join(what.split()) not in text:
                        problems.append(f"{slug}: {factsheet.pdf} does not say {what!r}")
    return problems


@pytest.fixture(scope="module")
def pdftotext() -> None:
    """pdftotext, from poppler: make test installs it (scripts/ensure-chromium.sh)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: run `make test`, or apt-get install poppler-utils")


def test_overview_factsheets_pdfs_and_open_data_agree(built_site: Path, pdftotext: None) -> None:
    """Every count and status agrees in every place and language that shows it."""
    if not any((built_site / "pdf").glob("*.pdf")):
        pytest.skip("the session's build printed no PDFs: the PDFs cannot be compared")
    assert disagreements(built_site) == []


def test_withdrawn_parties_are_not_counted(built_site: Path) -> None:
    """The gold agreement names a party that withdrew (IUCN NL): no place counts it."""
    data = json.loads((built_site / "data" / "covenants.json").read_text(encoding="utf-8"))
    (gold,) = [c for c in data["covenants"] if c["slug"] == "goud"]
    roles = [p["role"] for p in gold["parties"]]
    assert "withdrawn" in roles
    taking_part = sum(1 for role in roles if role in TAKING_PART)
    assert taking_part < len(roles)
    for lang in LANGUAGES:
        assert from_overview(built_site, lang)["goud"].parties == taking_part
        assert from_factsheet(built_site, lang, "goud").shown.parties == taking_part


def _copy(site: Path, folder: Path) -> Path:
    """The pages and files the agreement reads, copied so that one can be spoiled."""
    copy = folder / "site"
    shutil.copytree(
        site, copy, ignore=shutil.ignore_patterns("pagefind", "assets", "*.pdf", "*.xml*")
    )
    return copy


def _replace(path: Path, old: str, new: str, *, after: str = "") -> None:
    """Replace the first `old` after the text `after` (which occurs once) in a file."""
    text = path.read_text(encoding="utf-8-sig" if path.suffix == ".csv" else "utf-8")
    if after:
        assert text.count(after) == 1, after
    start = text.index(after)
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")


def test_the_check_finds_each_kind_of_disagreement(built_site: Path, tmp_path: Path) -> None:
    """Proof that the agreement test can fail: the known bug (the overview counting withdrawn
    parties), a CSV status, an English factsheet's count and an overview label spoiled."""
    site = _copy(built_site, tmp_path)
    assert disagreements(site, with_pdfs=False) == []
    gold = json.loads((site / "data" / "covenants.json").read_text(encoding="utf-8"))
    (covenant,) = [c for c in gold["covenants"] if c["slug"] == "goud"]
    everyone, counted = len(covenant["parties"]), from_overview(site, "nl")["goud"].parties
    # The overview counting `c.parties|length`, as it once did, and a wrong status label.
    row = '<td class="imvo-overview__name"><a href="goud.html">'
    _replace(site / "overzicht.html", "Afgelopen</span>", "Loopt</span>", after=row)
    _replace(
        site / "overzicht.html",
        f"Partijen: </span>{counted}</td>",
        f"Partijen: </span>{everyone}</td>",
        after=row,
    )
    _replace(site / "data" / "covenants.csv", "\nbanken,", "\nbanken-x,")
    metaal = from_factsheet(site, "en", "metaal")
    _replace(
        site / "en" / "metaal.html",
        f'<a href="#parties">{metaal.count_words}</a>',
        f'<a href="#parties">{metaal.shown.parties + 1} on this page</a>',
        after='<dl class="imvo-facts"',
    )
    found = disagreements(site, with_pdfs=False)
    assert (
        f"metaal: en/metaal.html says '{metaal.print_words}' on paper, "
        f"'{metaal.shown.parties + 1} on this page' on screen"
    ) in found
    assert (
        f"goud: overzicht.html shows {everyone} parties, status ended; data/covenants.json "
        f"{counted}, ended"
    ) in found
    assert "goud: overzicht.html words status ended as 'Loopt', not 'Afgelopen'" in found
    assert any(problem.startswith("CSV has ") for problem in found)
    assert (
        f"metaal: en/metaal.html shows {metaal.shown.parties + 1} parties, status "
        f"{metaal.shown.status}; data/covenants.json {metaal.shown.parties}, "
        f"{metaal.shown.status}"
    ) in found
