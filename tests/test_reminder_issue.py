"""The one issue of date reminders: every reminder of `check` in Dutch and English, with links
to its line and its editor, and nothing else."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from imvo.cli import main
from imvo.commands.check import problems_json
from imvo.editors.check import run_check
from imvo.editors.reminder_issue import MARKER, body
from imvo.editors.reminder_issue import main as issue_main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"
SHA = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture
def report(tmp_path: Path) -> dict[str, Any]:
    """The fixture made active and last checked in 2018, checked on 1 July 2019, with one
    warning (a text in only one language) beside the reminders."""
    shutil.copytree(FIXTURES, tmp_path / "content")
    path = tmp_path / "content" / "covenants" / "voorbeeld.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  value: ended\n", "  value: active\n")
    text = text.replace('ended:\n  date: "2020-06"\n  sources: [bron-b]\n', "")
    text = text.replace('checked: "2026-11-29"', 'checked: "2018-06-30"')
    path.write_text(text, encoding="utf-8")
    result = run_check(tmp_path / "content", tmp_path, date(2019, 7, 1))
    assert result.reminders and result.warnings
    return problems_json(result, strict=False)


def test_the_issue_lists_the_reminders_only(report: dict[str, Any]) -> None:
    text = body(report, repository="org/site", sha=SHA, branch="main")
    lines = text.splitlines()
    assert lines[0] == MARKER
    view = f"https://github.com/org/site/blob/{SHA}/content/covenants/voorbeeld.yaml#L64"
    edit = "https://github.com/org/site/edit/main/content/covenants/voorbeeld.yaml#L64"
    assert (
        f"- 🔔 content/covenants/voorbeeld.yaml regel 64 ([bekijken]({view}) · "
        f"[bewerken]({edit})): checked: voor het laatst met de bronnen vergeleken op "
        "2018-06-30, meer dan een jaar geleden: controleer de feiten opnieuw en zet 'checked' "
        "op de datum van vandaag"
    ) in lines
    assert (
        f"- 🔔 content/covenants/voorbeeld.yaml line 64 ([view]({view}) · [edit]({edit})): "
        "checked: last checked against the sources on 2018-06-30, more than a year ago: check "
        "the facts again and set 'checked' to today's date"
    ) in lines
    items = [line for line in lines if line.startswith("- ")]
    reminders = [p for p in report["problems"] if p["severity"] == "reminder"]
    assert len(items) == 2 * len(reminders)  # no warning, no error: only the reminders
    assert all(line.startswith("- 🔔 ") for line in items)
    assert lines.index("### Herinneringen") < lines.index("---") < lines.index("### Reminders")


def test_without_reminders_the_issue_says_so() -> None:
    text = body({"problems": []}, repository="org/site", sha=SHA, branch="main")
    assert "Er zijn geen herinneringen." in text and "There are no reminders." in text


def test_the_real_content_two_years_on_gives_reminders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the workflow runs it: check --format json, then the issue, on the real content."""
    monkeypatch.chdir(ROOT)
    later = date.today().replace(year=date.today().year + 2, day=1)
    stamp = (later - date(1970, 1, 1)).days * 86400
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(stamp))
    assert main(["check", "--strict", "--format", "json"]) == 0
    (tmp_path / "problems.json").write_text(capsys.readouterr().out, encoding="utf-8")
    args = ["--problems", str(tmp_path / "problems.json"), "--repository", "org/site"]
    assert issue_main([*args, "--sha", SHA]) == 0
    text = capsys.readouterr().out
    report = json.loads((tmp_path / "problems.json").read_text(encoding="utf-8"))
    assert report["passed"] is True and report["errors"] == report["warnings"] == 0
    assert text.count("- 🔔 ") == 2 * len(report["problems"]) > 0


def test_a_missing_report_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = issue_main(
        ["--problems", str(tmp_path / "none.json"), "--repository", "org/site", "--sha", SHA]
    )
    assert code == 1
    assert capsys.readouterr().err.startswith(f"{tmp_path / 'none.json'}: no report of check (")


def test_many_reminders_fit_in_one_issue() -> None:
    problem = {
        "path": "content/covenants/" + "a" * 200 + ".yaml",
        "line": 14,
        "severity": "reminder",
        "place": {"nl": "checked", "en": "checked"},
        "message": {"nl": "x" * 800, "en": "y" * 800},
    }
    text = body({"problems": [problem] * 500}, repository="org/site", sha=SHA, branch="main")
    assert len(text) <= 65_536
    assert "en nog " in text and "`python build.py check` shows every one." in text
