"""The text of the import's pull request: the covenant, the source and the summary, with
nothing an editor typed or pasted turned into a link, a mention or Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from imvo.editors.import_body import body, main
from imvo.editors.pr_comment import fenced


def test_the_body_names_the_file_and_the_source_and_fences_the_summary() -> None:
    text = body(
        "pensioenfondsen",
        "Toegevoegd: 2 namen\n- ABP\n- PFZW\n",
        source_url="https://www.example.org/lijst",
        source_title="Deelnemerslijst 2024",
        source_date="2024-05-01",
    )
    assert text.startswith(
        "Deelnemers geïmporteerd in `content/participants/pensioenfondsen.yaml` met "
        "`python build.py import-participants`, gestart op GitHub. Bron: Deelnemerslijst 2024 "
        "(2024-05-01), https:\u200b//www\u200b.example.org/lijst.\n\n"
    )
    assert "Participants imported into `content/participants/pensioenfondsen.yaml`" in text
    assert text.endswith("```text\nToegevoegd: 2 namen\n- ABP\n- PFZW\n```\n")


def test_nothing_typed_or_pasted_becomes_markdown() -> None:
    text = body(
        "banken",
        "- ```\n@team [x](https://evil.example) <img src=x>\n````",
        source_url="javascript:alert(1)",
        source_title="[klik](https://evil.example) @org",
    )
    assert "\\[klik\\]\\(https:\u200b//evil.example\\) @\u200borg" in text
    assert text.endswith(
        "`````text\n- ```\n@team [x](https://evil.example) <img src=x>\n````\n`````\n"
    )


def test_the_covenant_must_be_a_plain_slug() -> None:
    with pytest.raises(ValueError, match="plain slug"):
        body("../x", "", source_url="u", source_title="t")


def test_fenced_text_keeps_lines_and_shows_hidden_characters() -> None:
    assert fenced("a\tb\nc\u202ed\x1b") == "```text\na\tb\nc\\u202ed\\u001b\n```"


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = tmp_path / "summary.txt"
    summary.write_text("Toegevoegd: 1\n", encoding="utf-8")
    args = ["--covenant=goud", f"--summary={summary}", "--source-url=https://a.nl/"]
    assert main([*args, "--source-title=--help"]) == 0
    out = capsys.readouterr().out
    assert "Bron: --help, https:\u200b//a.nl/." in out and out.endswith("```\n")
