"""The --site folder: the build never replaces what it did not make."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from build_options import options

from imvo import ROOT
from imvo.build.orchestrate import build_site
from imvo.build.target import MARKER, TargetError, check_target
from imvo.cli import main
from imvo.model.content import Corpus

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"


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
            build_site(fixture_corpus, options(site=site), post_steps=[])
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
