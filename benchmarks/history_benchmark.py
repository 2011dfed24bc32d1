"""Benchmark of reading the history: a generated repository of N covenant files and C commits.

    python benchmarks/history_benchmark.py [--files 1000] [--commits 300]

Each commit changes a few covenant files the way editors do (a status, an end date, a text, a
party) and now and then a party's name in parties.yaml. It prints the seconds `read_history`
takes cold (no cache) and warm (projections cached by blob hash), and how many changes it
found, so that reading git stays cheap as the content and its history grow.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from benchmark import generate  # noqa: E402

from imvo.history import read_history  # noqa: E402


def git(repo: Path, *args: str, day: int = 0) -> None:
    """Run git in the generated repository with a fixed author and date."""
    stamp = f"{1_700_000_000 + day * 3_600} +0000"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
    }
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


EDITS = (
    ("  value: ended\n", '  value: unknown\n  as_of: "2024-01"\n'),
    ('date: "2024-06"', 'date: "2024-07"'),
    ("An agreement to test the fixture.", "An agreement to test the fixture, edited."),
    ("    role: facilitator\n", "    role: supporter\n"),
)


def make_repository(repo: Path, files: int, commits: int) -> None:
    """A git repository with `files` covenant files and `commits` further commits."""
    generate(files, repo / "content")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "content")
    chooser = random.Random(42)
    paths = sorted((repo / "content" / "covenants").glob("*.yaml"))
    for number in range(1, commits + 1):
        for path in chooser.sample(paths, 4):
            text = path.read_text("utf-8")
            old, new = chooser.choice(EDITS)
            path.write_text(text.replace(old, new, 1) if old in text else text + "\n", "utf-8")
        if number % 30 == 0:
            parties = repo / "content" / "parties.yaml"
            parties.write_text(
                parties.read_text("utf-8").replace("name: FNV\n", f"name: FNV {number}\n", 1)
                if "name: FNV\n" in parties.read_text("utf-8")
                else parties.read_text("utf-8").replace(
                    f"name: FNV {number - 30}\n", f"name: FNV {number}\n", 1
                ),
                "utf-8",
            )
        git(repo, "commit", "-q", "-am", f"edit {number}", day=number)


def main(argv: list[str] | None = None) -> int:
    """Generate the repository, then time reading its history cold and warm."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=300)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder) / "repo"
        started = time.perf_counter()
        make_repository(repo, args.files, args.commits)
        made = time.perf_counter() - started
        cache = Path(folder) / "history.json"
        started = time.perf_counter()
        cold = read_history(repo / "content", cache)
        cold_s = time.perf_counter() - started
        started = time.perf_counter()
        warm = read_history(repo / "content", cache)
        warm_s = time.perf_counter() - started
        assert warm == cold, "the cache must give the same history"
        changes = sum(len(h.changes) for h in cold.covenants.values())
        print(
            f"history: {args.files} files, {args.commits} commits (made in {made:.1f} s): "
            f"cold {cold_s:.2f} s, warm {warm_s:.2f} s, {changes} changes, "
            f"cache {cache.stat().st_size / 1e6:.1f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
