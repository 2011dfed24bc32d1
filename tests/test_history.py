"""History from git: changes described from the data, dated by the first-parent commits."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from imvo.history import Change, History, compare, project, read_history

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
