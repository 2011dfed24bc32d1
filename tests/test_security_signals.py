"""Signals: SIGTERM and SIGHUP stop a build (and its printing of PDFs) as Ctrl-C does."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from bad_content import old_site
from bad_content import snapshot as bad_snapshot

from imvo import ROOT
from imvo.build.target import MARKER

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"


# --- 7. Signals: SIGTERM and SIGHUP stop a build as Ctrl-C does ----------------------------

SLOW_BUILD = """
import os, sys, time
sys.path.insert(0, {root!r})
from imvo.render import renderer as render
def slow(markdown):
    open(os.path.join({inside!r}, str(os.getpid())), "w").close()
    time.sleep(120)
    return markdown
render.first_sentence = slow
from imvo.cli import main
sys.exit(main(["build", "--no-pdf", "--content", "content", "--site", "site", "--lang", "en"]))
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


def _alive_after(pids: list[int], seconds: float) -> list[int]:
    """The processes still alive `seconds` from now (as soon as every one has ended: none)."""
    deadline = time.monotonic() + seconds
    while (alive := [pid for pid in pids if _alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


@pytest.mark.parametrize(
    ("signum", "to_worker"),
    [(signal.SIGTERM, False), (signal.SIGHUP, False), (signal.SIGTERM, True)],
)
def test_a_signal_stops_the_build_cleans_up_and_ends_the_workers(
    signum: int, to_worker: bool, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    import subprocess
    import sys

    shutil.copytree(FIXTURE, tmp_path / "content")
    before = old_site(tmp_path)
    (tmp_path / "site" / MARKER).write_text("made by the build\n", encoding="utf-8")
    before = bad_snapshot(tmp_path / "site")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1763683200"}
    inside = tmp_path_factory.mktemp("inside")  # each worker in the slow page leaves its pid
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_BUILD.format(root=str(ROOT), inside=str(inside))],
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
        while time.monotonic() < deadline and len(list(inside.iterdir())) < 2:
            time.sleep(0.05)
        assert len(list(inside.iterdir())) == 2, "the workers did not reach the slow page"
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
    assert _alive_after(workers, 0.5) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]
    assert bad_snapshot(tmp_path / "site") == before


PDF_BUILD = """
import os, sys
sys.path.insert(0, {root!r})
from pathlib import Path
from imvo.outputs import pdf
from imvo.build.interrupt import Interrupted
from imvo.outputs.steps import post_steps
from imvo.validate import load_content
from imvo.build.orchestrate import PostStep, build_site
from imvo.build.options import BuildOptions
from datetime import UTC, datetime
corpus = load_content(Path("content"), Path("."))
moment = datetime(2025, 11, 21, tzinfo=UTC)
built = BuildOptions(moment, site=Path("site"), pdf=False)
step = PostStep(
    lambda corpus, site, timings: pdf.make_pdfs(corpus, site, cache=Path("cache"), built=moment)
)
try:
    build_site(corpus, built, post_steps=[*post_steps(built), step])
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
    assert _alive_after(everything, 2) == []
    assert sorted(p.name for p in tmp_path.iterdir()) in (["cache", "content"], ["content"])
