"""History from git: changes described from the data, dated by the first-parent commits."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from imvo.cli import main
from imvo.history import Change, History, compare, project, read_history
from imvo.model.content import HiddenChange, HistorySettings

BASE = """\
name:
  nl: Convenant Voorbeeld
  en: Example Agreement
status:
  value: active
  sources: [a]
signed:
  date: "2016-07-04"
  sources: [a]
summary:
  nl: Een samenvatting.
  en: A summary.
parties:
  - party: fnv
    role: signatory
"""

PARTIES = """\
parties:
  - id: fnv
    name: FNV
    kind: trade_union
"""


class Repo:
    """A throwaway git repository whose commits have fixed dates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.day = 0
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        stamp = f"{1_700_000_000 + self.day * 86_400} +0000"
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Editor",
            "GIT_AUTHOR_EMAIL": "editor@example.org",
            "GIT_COMMITTER_NAME": "Editor",
            "GIT_COMMITTER_EMAIL": "editor@example.org",
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
        }
        return subprocess.run(
            ["git", "-C", str(self.root), *args],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def commit(self, files: dict[str, str | None], day: int) -> str:
        self.day = day
        for name, text in files.items():
            path = self.root / name
            if text is None:
                path.unlink()
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", f"day {day}")
        return self.git("rev-parse", "HEAD").strip()


def day(n: int) -> date:
    return date.fromtimestamp(1_700_000_000 + n * 86_400)


COV = "content/covenants/voorbeeld.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    (tmp_path / "repo").mkdir()
    made = Repo(tmp_path / "repo")
    made.commit({COV: BASE, "content/parties.yaml": PARTIES}, 0)
    return made


def kinds(history: History) -> list[tuple[str, str, str | None, str | None, bool]]:
    return [(c.kind, c.subject, c.old, c.new, c.corrected) for c in history.of("voorbeeld").changes]


def test_a_new_file_is_published_on_its_commit_day(repo: Repo) -> None:
    history = read_history(repo.root / "content")
    assert history.unavailable is None
    assert history.of("voorbeeld").last_changed == day(0)
    assert kinds(history) == [("published", "", None, None, False)]


def test_status_end_date_and_party_are_described_from_the_data(repo: Repo) -> None:
    text = (
        BASE.replace("value: active", "value: ended")
        .replace("summary:", 'ended:\n  date: "2020-06"\n  sources: [a]\nsummary:')
        .replace(
            "    role: signatory\n", "    role: signatory\n  - party: cnv\n    role: supporter\n"
        )
    )
    repo.commit({COV: text}, 3)
    history = read_history(repo.root / "content")
    assert history.of("voorbeeld").last_changed == day(3)
    assert kinds(history)[:3] == [
        ("status", "status", "active", "ended", False),
        ("date_added", "ended", None, "2020-06", False),
        ("party_added", "cnv", None, "supporter", False),
    ]


def test_a_fact_given_another_value_is_a_correction(repo: Repo) -> None:
    repo.commit({COV: BASE.replace("2016-07-04", "2016-07-05")}, 2)
    assert kinds(read_history(repo.root / "content"))[0] == (
        "date_changed",
        "signed",
        "2016-07-04",
        "2016-07-05",
        True,
    )


def test_comments_and_layout_make_no_entry_and_no_new_date(repo: Repo) -> None:
    repo.commit({COV: "# a comment\n" + BASE.replace("sources: [a]", "sources:\n    - a")}, 5)
    history = read_history(repo.root / "content")
    assert history.of("voorbeeld").last_changed == day(0)
    assert kinds(history) == [("published", "", None, None, False)]


def test_a_text_edit_is_summarised(repo: Repo) -> None:
    repo.commit({COV: BASE.replace("A summary.", "A shorter summary.")}, 1)
    assert kinds(read_history(repo.root / "content"))[0] == (
        "text_edited",
        "summary",
        None,
        None,
        False,
    )


def test_a_party_renamed_in_the_registry_changes_the_page(repo: Repo) -> None:
    repo.commit({"content/parties.yaml": PARTIES.replace("name: FNV", "name: FNV Bondgenoten")}, 4)
    history = read_history(repo.root / "content")
    assert history.of("voorbeeld").last_changed == day(4)
    assert kinds(history)[0] == ("party_renamed", "fnv", "FNV", "FNV Bondgenoten", False)


def test_an_unreadable_old_version_is_passed_over(repo: Repo) -> None:
    repo.commit({COV: "name: [unclosed\n"}, 1)
    repo.commit({COV: BASE.replace("value: active", "value: ended")}, 2)
    assert kinds(read_history(repo.root / "content"))[0] == (
        "status",
        "status",
        "active",
        "ended",
        False,
    )


def test_editors_can_leave_a_wrong_entry_out(repo: Repo) -> None:
    sha = repo.commit({COV: BASE.replace("value: active", "value: unknown")}, 2)
    repo.commit({"content/history.yaml": f"hide:\n  - commit: {sha[:8]}\n"}, 3)
    assert kinds(read_history(repo.root / "content")) == [("published", "", None, None, False)]


def test_only_the_first_parent_line_counts(repo: Repo) -> None:
    repo.git("checkout", "-q", "-b", "edit")
    repo.commit({COV: BASE.replace("value: active", "value: ended")}, 2)
    repo.git("checkout", "-q", "main")
    repo.day = 6
    repo.git("merge", "-q", "--no-ff", "-m", "merge", "edit")
    history = read_history(repo.root / "content")
    # The change reached the published branch with the merge, on day 6.
    assert history.of("voorbeeld").last_changed == day(6)
    assert kinds(history)[0] == ("status", "status", "active", "ended", False)


def test_without_git_or_in_a_shallow_clone_there_is_no_history(repo: Repo, tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    assert read_history(export) == History(unavailable="no git")
    repo.commit({COV: BASE.replace("value: active", "value: ended")}, 2)
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(shallow)], check=True
    )
    assert read_history(shallow / "content") == History(unavailable="shallow clone")


def test_the_cache_gives_the_same_history(repo: Repo, tmp_path: Path) -> None:
    repo.commit({COV: BASE.replace("value: active", "value: ended")}, 2)
    cache = tmp_path / "cache" / "history.json"
    first = read_history(repo.root / "content", cache)
    assert cache.is_file()
    assert read_history(repo.root / "content", cache) == first


def test_compare_of_equal_versions_is_empty() -> None:
    projection = project(BASE)
    assert projection is not None
    assert compare(projection, projection, "abc", day(0)) == []
    assert compare(None, projection, "abc", day(0)) == [Change("abc", day(0), "published")]


def test_each_content_file_has_the_day_of_its_last_change(repo: Repo) -> None:
    repo.commit({"content/texts/about.nl.md": "# Over\n"}, 2)
    repo.commit({"content/texts/about.nl.md": "# Over deze site\n", "README.md": "x"}, 4)
    assert read_history(repo.root / "content").files == {
        "covenants/voorbeeld.yaml": day(0),
        "parties.yaml": day(0),
        "texts/about.nl.md": day(4),
    }


def test_a_content_folder_deeper_in_the_repository(tmp_path: Path) -> None:
    made = Repo(tmp_path)
    made.commit({"site-src/content/covenants/voorbeeld.yaml": BASE}, 1)
    history = read_history(tmp_path / "site-src" / "content")
    assert history.of("voorbeeld").last_changed == day(1)


# --- No old version can stop or exhaust a build -------------------------------------------

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}]\n"
    for i in range(9)
)
"""About 1 kB that a YAML loader which expands aliases makes into 9^10 values."""


def texts(history: History, lang: str = "en") -> list[str]:
    return [warning.text(lang) for warning in history.warnings]


def test_an_old_version_with_a_number_for_a_list_is_read_as_far_as_it_goes(repo: Repo) -> None:
    numbers = BASE.replace("parties:\n  - party: fnv\n    role: signatory\n", "parties: 1\n")
    repo.commit({COV: numbers, "content/parties.yaml": "parties: 1\n"}, 1)
    repo.commit({COV: BASE.replace("value: active", "value: ended")}, 2)
    history = read_history(repo.root / "content")
    assert history.warnings == ()
    assert kinds(history)[0] == ("status", "status", "active", "ended", False)
    assert ("party_added", "fnv", None, "signatory", False) in kinds(history)


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("1: x\n" + BASE, 1, "a key must be a word; got 1"),
        (
            ALIAS_BOMB,
            2,
            "anchors and aliases (& and *) are not allowed in content files; "
            "write the value out in full",
        ),
        (
            "name: [" * 70 + "\n",
            1,
            "the file is nested too deeply (more than 64)",
        ),
        ("name: a\nname: b\n", 2, "duplicate key: 'name' is already set on line 1"),
    ],
)
def test_an_old_version_the_loader_refuses_is_passed_over_with_one_warning(
    repo: Repo, text: str, line: int, reason: str
) -> None:
    sha = repo.commit({COV: text}, 1)
    repo.commit({COV: BASE.replace("value: active", "value: ended")}, 2)
    history = read_history(repo.root / "content")
    assert kinds(history)[0] == ("status", "status", "active", "ended", False)
    assert len(history.warnings) == 1
    warning = history.warnings[0]
    assert (warning.path, warning.line, warning.severity) == (COV, line, "warning")
    assert warning.message_in("en") == (
        f"the version of this file in commit {sha[:12]} cannot be read and is left out of the "
        f"site's history: {reason}"
    )


def test_an_old_version_over_the_size_limit_is_never_read(repo: Repo) -> None:
    sha = repo.commit({COV: BASE + "# " + "x" * 1_100_000 + "\n"}, 1)
    history = read_history(repo.root / "content")
    assert texts(history, "nl") == [
        f"{COV}:1: waarschuwing: (bestand): de versie van dit bestand in commit {sha[:12]} is "
        "niet te lezen en telt niet mee in de geschiedenis van de site: het bestand is 1.1 MB; "
        "een bestand mag hoogstens 1 MB zijn: maak het kleiner"
    ]


def _redate(repo: Repo, stamp: str) -> str:
    """Give the last commit a committer date git itself would refuse to write."""
    text = repo.git("cat-file", "commit", "HEAD")
    lines = [
        line.rsplit(" ", 2)[0] + f" {stamp} +0000" if line.startswith("committer ") else line
        for line in text.split("\n")
    ]
    made = subprocess.run(
        ["git", "-C", str(repo.root), "hash-object", "-t", "commit", "-w", "--literally",
         "--stdin"],
        input="\n".join(lines), capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    repo.git("update-ref", "refs/heads/main", made)
    return made


@pytest.mark.parametrize("stamp", ["253402300800", "-62167219200", "99999999999999999999"])
def test_a_commit_date_python_cannot_represent_is_left_out_with_one_warning(
    repo: Repo, stamp: str
) -> None:
    repo.commit({COV: BASE.replace("value: active", "value: ended")}, 2)
    sha = _redate(repo, stamp)
    repo.commit({COV: BASE.replace("value: active", "value: unknown")}, 3)
    history = read_history(repo.root / "content")
    # The odd commit makes no entry and moves no date; the next one compares with its version.
    assert kinds(history)[:1] == [("status", "status", "ended", "unknown", False)]
    assert history.of("voorbeeld").last_changed == day(3)
    assert texts(history) == [
        f"content:1: warning: (history): commit {sha[:12]} has a date that cannot be right "
        "(before the year 1 or after 9999); its changes are left out of the site's history"
    ]


def test_an_unreadable_version_is_told_again_from_the_cache(repo: Repo, tmp_path: Path) -> None:
    repo.commit({COV: "1: x\n"}, 1)
    cache = tmp_path / "history.json"
    first = read_history(repo.root / "content", cache)
    assert len(first.warnings) == 1
    assert read_history(repo.root / "content", cache) == first


def test_a_wrong_history_yaml_is_an_error_never_an_empty_list(repo: Repo) -> None:
    sha = repo.commit({COV: BASE.replace("value: active", "value: ended")}, 2)
    repo.commit({"content/history.yaml": f"hide:\n  - commit: {sha[:8]}\n    covenent: x\n"}, 3)
    history = read_history(repo.root / "content")
    assert [(w.path, w.line, w.field, w.severity) for w in history.warnings] == [
        ("content/history.yaml", 3, "hide[0].covenent", "error")
    ]


def test_settings_given_by_the_build_are_used(repo: Repo) -> None:
    sha = repo.commit({COV: BASE.replace("value: active", "value: ended")}, 2)
    hidden = HistorySettings(hide=[HiddenChange(commit=sha[:7], covenant="voorbeeld")])
    assert kinds(read_history(repo.root / "content", settings=hidden)) == [
        ("published", "", None, None, False)
    ]


def test_a_build_from_a_history_of_bad_versions_builds_and_says_what_it_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture = Path(__file__).resolve().parent / "fixtures" / "content"
    shutil.copytree(fixture, tmp_path / "repo" / "content")
    made = Repo(tmp_path / "repo")
    made.commit({}, 0)
    covenant = "content/covenants/voorbeeld.yaml"
    good = (made.root / covenant).read_text("utf-8")
    bomb = made.commit({covenant: ALIAS_BOMB, "content/parties.yaml": "1: x\n"}, 1)
    renamed = good.replace("Convenant Voorbeeldsector", "Convenant Voorbeeld")
    parties = (fixture / "parties.yaml").read_text("utf-8")
    made.commit({covenant: renamed, "content/parties.yaml": parties}, 2)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763683200")
    site = tmp_path / "site"
    assert main(["build", "--no-pdf", "--lang", "en", "--content", str(made.root / "content"),
                 "--site", str(site)]) == 0  # fmt: skip
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if "cannot be read" in line] == [
        f"{covenant}:2: warning: (file): the version of this file in commit {bomb[:12]} cannot "
        "be read and is left out of the site's history: anchors and aliases (& and *) are not "
        "allowed in content files; write the value out in full",
        f"content/parties.yaml:1: warning: (file): the version of this file in commit "
        f"{bomb[:12]} cannot be read and is left out of the site's history: a key must be a "
        "word; got 1",
    ]
    assert (site / "voorbeeld.html").is_file()


@pytest.mark.parametrize(
    "entry",
    [
        {"projection": {"digest": 1, "status": None, "dates": {}, "term": None,
                        "parties": 5, "texts": {}}},
        {"projection": None, "unread": {"line": 1, "field": "(file)",
                                        "reason": {"msg": "no-such-code", "params": {}}}},
        {"projection": {"digest": "x"}},
        "not an entry",
    ],
)  # fmt: skip
def test_a_damaged_cache_entry_is_read_again_from_git(
    repo: Repo, tmp_path: Path, entry: object
) -> None:
    cache = tmp_path / "history.json"
    first = read_history(repo.root / "content", cache)
    data = json.loads(cache.read_text("utf-8"))
    data["blobs"] = {blob: entry for blob in data["blobs"]}
    cache.write_text(json.dumps(data), "utf-8")
    assert read_history(repo.root / "content", cache) == first
