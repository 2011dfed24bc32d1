"""Symbolic links and special files under content/: refused in one line, never read."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from bad_content import old_site
from bad_content import run as bad_run
from bad_content import run_build as bad_run_build
from bad_content import snapshot as bad_snapshot

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"


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
