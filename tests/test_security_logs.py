"""Annotations and logs: a file name or a value cannot start a command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bad_content import run as bad_run

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"


# --- 5. Annotations and logs: a file name or a value cannot start a command --------------


def test_annotation_escapes_file_line_and_message() -> None:
    from imvo.messages.problems import Problem

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
