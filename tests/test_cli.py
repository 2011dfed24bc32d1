"""The editors' commands, end to end: exact exit codes and exact messages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from imvo.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"
COVENANT = "content/covenants/voorbeeld.yaml"
HTTP_WARNING = (
    f"{COVENANT}:59: warning: first source, url: the link is not https: "
    "use 'https://example.org/a' if the site has it"
)
ROLE_ERROR = (
    f"{COVENANT}:44: third party, role: expected one of signatory, supporter, facilitator, "
    "withdrawn, declined; got 'left'"
)


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture content at ./content, with a fixed 'today'."""
    shutil.copytree(FIXTURES, tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763683200")
    return tmp_path / "content"


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a file (which must be there)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run build.py with args; return exit code, stdout and stderr."""
    code = main([*args, "--lang", "en"])  # the English wording is pinned here
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def with_warning(content: Path) -> None:
    edit(
        content / "covenants/voorbeeld.yaml",
        "url: https://example.org/a",
        "url: http://example.org/a",
    )


def with_error(content: Path) -> None:
    edit(content / "covenants/voorbeeld.yaml", "    role: withdrawn\n", "    role: left\n")


def test_check_clean(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check") == (0, "", "1 covenant checked: no problems.\n")
    assert run(capsys, "check", "--strict", "--format", "github") == (
        0,
        "",
        "1 covenant checked: no problems.\n",
    )


def test_check_warning(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_warning(content)
    assert run(capsys, "check") == (0, "", f"{HTTP_WARNING}\n1 warning in 1 file.\n")


def test_check_warning_strict(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_warning(content)
    assert run(capsys, "check", "--strict") == (
        1,
        "",
        f"{HTTP_WARNING}\n1 warning in 1 file; warnings fail with --strict.\n",
    )


def test_check_warning_github(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_warning(content)
    annotation = (
        f"::warning file={COVENANT},line=59::first source, url: the link is not https: "
        "use 'https://example.org/a' if the site has it\n"
    )
    assert run(capsys, "check", "--format", "github") == (0, annotation, "1 warning in 1 file.\n")
    assert run(capsys, "check", "--format", "github", "--strict") == (
        1,
        annotation,
        "1 warning in 1 file; warnings fail with --strict.\n",
    )


def test_check_error_and_warning(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_warning(content)
    with_error(content)
    assert run(capsys, "check") == (
        1,
        "",
        f"{ROLE_ERROR}\n{HTTP_WARNING}\n1 error and 1 warning in 1 file.\n",
    )


def test_check_error_github(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_error(content)
    assert run(capsys, "check", "--format", "github", "--strict") == (
        1,
        f"::error file={COVENANT},line=44::third party, role: expected one of signatory, "
        "supporter, facilitator, withdrawn, declined; got 'left'\n",
        "1 error in 1 file.\n",
    )


def test_new(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "new", "natuursteen") == (
        0,
        "",
        "Wrote content/covenants/natuursteen.yaml: fill in the values marked REQUIRED, "
        "then run 'python build.py check --strict'.\n",
    )
    assert (content / "covenants/natuursteen.yaml").is_file()


def test_new_refuses_an_existing_slug(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (content / "covenants/voorbeeld.yaml").read_text(encoding="utf-8")
    assert run(capsys, "new", "voorbeeld") == (
        1,
        "",
        "content/covenants/voorbeeld.yaml already exists: edit it, or choose another name; "
        "'voorbeeld-2' is free\n",
    )
    assert (content / "covenants/voorbeeld.yaml").read_text(encoding="utf-8") == before


def test_new_refuses_an_invalid_slug(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "new", "Natuur Steen") == (
        1,
        "",
        "'Natuur Steen' cannot be a file name: use lowercase letters, digits and hyphens; "
        "'natuur-steen' is free\n",
    )
    assert run(capsys, "new", "overzicht") == (
        1,
        "",
        "'overzicht' is the name of a page or folder of the site; 'overzicht-convenant' is free\n",
    )
    assert sorted(p.name for p in (content / "covenants").iterdir()) == ["voorbeeld.yaml"]


def test_translations_complete(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "translations") == (0, "Every text is in both languages.\n", "")


def test_translations_report(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(content / "covenants/voorbeeld.yaml", "  en: An agreement to test the fixture.\n", "")
    (content / "texts/about.en.md").unlink()
    assert run(capsys, "translations") == (
        0,
        f"{COVENANT}:29: summary: only in Dutch: add the English (en)\n"
        "content/texts/about.nl.md:1: (file): only in Dutch: add about.en.md\n"
        "2 texts to translate in 2 files.\n",
        "",
    )


def test_a_word_that_is_no_command_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["bogus"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "build.py: error: argument command: invalid choice: 'bogus' "
        "(choose from 'build', 'check', 'new', 'translations', 'schema', "
        "'import-participants', 'serve')"
    )


def test_build_says_what_it_built(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "build", "--no-pdf")
    assert (code, out) == (0, "")
    # The content is a copy outside any git repository, like a release tarball: said once.
    history, built = err.splitlines()
    assert history == (
        "History: the content is not in a git repository (a copy or a release archive), so the "
        "pages show no 'last changed' dates and no changes."
    )
    assert re.fullmatch(r"Built 1 covenant in 2 languages into site in \d+\.\d s\.", built), err
    assert (content.parent / "site" / "voorbeeld.html").is_file()
    assert (content.parent / "site" / "en" / "voorbeeld.html").is_file()


def test_every_problem_of_a_failed_build_is_one_line_sorted_and_one_annotation(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        content / "covenants/voorbeeld.yaml",
        "  en: An agreement to test the fixture.",
        "  en: See [nothing](nothing.html).",
    )
    edit(
        content / "covenants/voorbeeld.yaml",
        "  nl: Een convenant om de fixture te testen.",
        "  nl: Zie [het overzicht](/overzicht.html).",
    )
    code, out, err = run(capsys, "build", "--no-pdf", "--format", "github")
    absolute = (
        "(link): the link '/overzicht.html' starts with '/', which breaks when the site lives "
        "in a folder (as on GitHub Pages); link to the page by its name, such as 'overzicht.html'"
    )
    missing = (
        "(link): the link 'nothing.html' leads to no page of the site; link to a page that "
        "exists (such as 'overzicht.html') or to a full https:// address"
    )
    assert code == 1
    assert out.splitlines() == [
        f"::error file={COVENANT},line=29::{absolute}",
        f"::error file={COVENANT},line=30::{missing}",
    ]
    assert out.endswith("\n")
    assert err == (
        "The site was not built (the existing site is unchanged):\n"
        f"{COVENANT}:29: {absolute}\n{COVENANT}:30: {missing}\n"
    )


def test_build_errors_become_annotations_with_format_github(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        content / "covenants/voorbeeld.yaml",
        "  nl: Een convenant om de fixture te testen.",
        "  nl: Zie [het overzicht](/overzicht.html).",
    )
    code, out, err = run(capsys, "build", "--no-pdf", "--format", "github")
    message = (
        "(link): the link '/overzicht.html' starts with '/', which breaks when the site lives "
        "in a folder (as on GitHub Pages); link to the page by its name, such as 'overzicht.html'"
    )
    assert code == 1
    assert out == f"::error file={COVENANT},line=29::{message}\n"
    assert err == (
        f"The site was not built (the existing site is unchanged):\n{COVENANT}:29: {message}\n"
    )


@pytest.mark.parametrize("stamp", ["253402300800", "99999999999999999999"])
def test_a_last_commit_dated_past_year_9999_does_not_stop_the_build(
    stamp: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git takes such a date in a commit; the build's day then comes from the clock."""
    import subprocess

    from imvo.build.options import build_moment

    def git(*args: str, text: str | None = None) -> str:
        run = subprocess.run(
            ["git", "-C", str(tmp_path), "-c", "user.name=E", "-c", "user.email=e@example.org",
             *args], input=text, capture_output=True, text=True, check=True,
        )  # fmt: skip
        return run.stdout

    git("init", "-q", "-b", "main")
    git("commit", "-q", "--allow-empty", "-m", "first")
    lines = [
        " ".join([*line.split(" ")[:-2], stamp, "+0000"]) if line.startswith("committer ") else line
        for line in git("cat-file", "commit", "HEAD").split("\n")
    ]
    made = git("hash-object", "-t", "commit", "-w", "--literally", "--stdin", text="\n".join(lines))
    git("update-ref", "refs/heads/main", made.strip())
    assert git("log", "-1", "--format=%ct").strip() == stamp
    assert build_moment({}, tmp_path).year < 9999  # the last commit's date is no date here


# --- build's own lines and --help follow the editor's language ------------------------------


def _without_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def test_help_is_in_dutch_by_default_and_in_english_when_asked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _without_locale(monkeypatch)
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    dutch = capsys.readouterr().out
    assert dutch.startswith("gebruik: build.py check [-h]")
    assert "  --strict              laat de controle ook falen op waarschuwingen\n" in dutch
    assert "  -h, --help            toon deze hulp en stop\n" in dutch
    assert "\nopties:\n" in dutch
    with pytest.raises(SystemExit):
        main(["check", "--help", "--lang", "en"])
    english = capsys.readouterr().out
    assert english.startswith("usage: build.py check [-h]")
    assert "  --strict              fail on warnings too\n" in english
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert capsys.readouterr().out.startswith("usage: build.py [-h] [--debug]")


def test_both_languages_have_every_help_text() -> None:
    from imvo.messages.cli_help import HELP

    assert sorted(HELP["nl"]) == sorted(HELP["en"])
    assert [key for key in HELP["en"] if HELP["nl"][key] == HELP["en"][key]] == []


def test_a_build_that_fails_says_so_in_the_editors_language(
    content: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _without_locale(monkeypatch)
    edit(
        content / "covenants/voorbeeld.yaml",
        "  nl: Een convenant om de fixture te testen.",
        "  nl: Zie [textiel](textile.html).",
    )
    code = main(["build", "--no-pdf", "--site", "site"])
    lines = capsys.readouterr().err.splitlines()
    assert (code, lines[0]) == (
        1,
        "De site is niet gemaakt (de bestaande site is niet veranderd):",
    )
    assert lines[1].startswith("content/covenants/voorbeeld.yaml:29: (link): de link ")
