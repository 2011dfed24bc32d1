"""README.md is a short front door and docs/ holds the rest: every link between them leads
somewhere, no page in docs/ is an orphan, and the README does not grow back."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
README_LINES = 250
"""The README stays under this many lines: the rest has a page of its own in docs/."""

FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
HEADING = re.compile(r"^#{1,6} +(.+?) *#*$", re.MULTILINE)
IMVO_PATH = re.compile(r"`(imvo/[\w./-]*)`")


def prose(text: str) -> str:
    """The text without its code blocks and code spans: a link shown as code is no link."""
    return CODE.sub("", FENCE.sub("", text))


def relative_links(page: Path) -> list[str]:
    """The targets of the page's links to files of the repository (not web addresses)."""
    targets = LINK.findall(prose(page.read_text(encoding="utf-8")))
    return [t for t in targets if not SCHEME.match(t) and not t.startswith("#")]


def target(page: Path, link: str) -> Path:
    return (page.parent / link.split("#", 1)[0]).resolve()


def anchors(page: Path) -> set[str]:
    """The anchors GitHub gives the page's headings: lower case, no punctuation but `-` and
    `_`, spaces made `-`."""
    found = set()
    for title in HEADING.findall(FENCE.sub("", page.read_text(encoding="utf-8"))):
        words = re.sub(r"[^\w\- ]", "", title.replace("`", "").lower())
        found.add(words.replace(" ", "-"))
    return found


def test_every_relative_link_of_readme_and_docs_leads_to_a_file() -> None:
    broken = [
        f"{page.relative_to(ROOT)}: {link}"
        for page in [README, *PAGES]
        for link in relative_links(page)
        if not target(page, link).exists()
    ]
    assert broken == []


def test_every_relative_md_link_to_a_heading_finds_it() -> None:
    to_headings = [
        (page, link, target(page, link))
        for page in [README, *PAGES]
        for link in relative_links(page)
        if "#" in link and target(page, link).suffix == ".md"
    ]
    assert to_headings, "README links to headings of docs/ pages"
    broken = [
        f"{page.relative_to(ROOT)}: {link}"
        for page, link, file in to_headings
        if not file.exists() or link.split("#", 1)[1] not in anchors(file)
    ]
    assert broken == []


def test_every_docs_page_is_linked_from_readme_or_the_docs_index() -> None:
    index = DOCS / "README.md"
    assert index in PAGES
    linked = {target(page, link) for page in (README, index) for link in relative_links(page)}
    assert index in {target(README, link) for link in relative_links(README)}
    orphans = [page.name for page in PAGES if page != index and page.resolve() not in linked]
    assert orphans == []


def test_every_docs_page_starts_with_a_title_and_a_sentence() -> None:
    wrong = []
    for page in PAGES:
        lines = page.read_text(encoding="utf-8").splitlines()
        if not (lines[0].startswith("# ") and lines[1] == "" and lines[2][:1].isalnum()):
            wrong.append(page.name)
    assert wrong == []


def test_readme_stays_a_front_door() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) < README_LINES


def test_readme_keeps_the_sections_others_cite() -> None:
    headings = HEADING.findall(FENCE.sub("", README.read_text(encoding="utf-8")))
    # tests/test_agreement.py cites the first, imvo/editors/pr_comment.py's messages the second.
    assert "The content model in short" in headings
    assert "Previews of pull requests" in headings


def test_every_package_path_in_readme_and_docs_exists() -> None:
    missing = [
        f"{page.relative_to(ROOT)}: {path}"
        for page in [README, *PAGES]
        for path in IMVO_PATH.findall(page.read_text(encoding="utf-8"))
        if "..." not in path and not (ROOT / path).exists()
    ]
    assert missing == []
