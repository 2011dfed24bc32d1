"""scripts/ensure-chromium.sh: finds the browser (IMVO_CHROMIUM, or chromium, chromium-browser,
google-chrome on the PATH) and prints it, needs no root when everything is there, and says
what to install when it cannot install it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "ensure-chromium.sh"
BASH = shutil.which("bash") or "/bin/bash"


def run(env: dict[str, str], *, as_nobody: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the script with exactly this environment (and as a user without root, if asked)."""
    command = [BASH, str(SCRIPT)]
    if as_nobody and os.geteuid() == 0:
        command = [
            shutil.which("runuser") or "/usr/sbin/runuser",
            "-u",
            "nobody",
            "--",
            "/usr/bin/env",
            "-i",
            *map("=".join, env.items()),
            *command,
        ]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)


def test_a_browser_that_is_there_needs_no_root_and_no_install() -> None:
    if not (shutil.which("java") and shutil.which("pdftotext")):
        pytest.fail("java and pdftotext are needed here: run `make test`, which installs them")
    # Any program that runs stands in for the browser: the script only looks for it.
    browser = shutil.which("true") or "/bin/true"
    env = {"PATH": os.environ["PATH"], "IMVO_CHROMIUM": str(browser)}
    result = run(env, as_nobody=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{browser}\n", "")


@pytest.fixture
def public(tmp_path: Path) -> Iterator[Path]:
    """A folder that the user `nobody` can read too (pytest's own are root's alone)."""
    with tempfile.TemporaryDirectory(prefix="ensure-chromium-") as name:
        folder = Path(name)
        folder.chmod(0o755)
        yield folder


def fake_bin(folder: Path, *names: str) -> Path:
    """A folder of programs that do nothing, standing in for browsers, Java and poppler."""
    folder.mkdir()
    for name in names:
        (folder / name).write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    return folder


@pytest.mark.parametrize(
    ("on_path", "found"),
    [
        (["google-chrome"], "google-chrome"),  # GitHub's runners: Google Chrome ...
        (["chromium-browser", "google-chrome"], "chromium-browser"),  # ... and Chromium
        (["chromium", "chromium-browser", "google-chrome"], "chromium"),  # Debian's package
    ],
)
def test_the_first_browser_on_the_path_is_used_without_root(
    public: Path, on_path: list[str], found: str
) -> None:
    bin_dir = fake_bin(public / "bin", *on_path, "java", "pdftotext")
    # Nothing else on the PATH: no sudo, no apt-get, not even `id`; none is needed.
    result = run({"PATH": str(bin_dir)}, as_nobody=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{bin_dir / found}\n", "")


def test_the_browser_setting_comes_before_the_path(public: Path) -> None:
    bin_dir = fake_bin(public / "bin", "chromium", "java", "pdftotext")
    chosen = fake_bin(public / "chosen", "chrome") / "chrome"
    result = run({"PATH": str(bin_dir), "IMVO_CHROMIUM": str(chosen)}, as_nobody=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{chosen}\n", "")


def test_browser_only_looks_for_nothing_else(public: Path) -> None:
    bin_dir = fake_bin(public / "bin", "google-chrome")  # no java, no pdftotext
    result = run({"PATH": str(bin_dir)}, as_nobody=True)
    assert result.returncode == 1  # without --browser-only, Java and poppler are missing
    result = subprocess.run(
        [BASH, str(SCRIPT), "--browser-only"],
        env={"PATH": str(bin_dir)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"{bin_dir / 'google-chrome'}\n",
        "",
    )


def test_without_a_browser_it_installs_debians_chromium(tmp_path: Path) -> None:
    bin_dir = fake_bin(tmp_path / "bin", "java", "pdftotext")
    (bin_dir / "id").write_text("#!/bin/sh\necho 1000\n", encoding="utf-8")
    (bin_dir / "id").chmod(0o755)
    result = run({"PATH": str(bin_dir)})
    assert result.returncode == 1
    assert result.stderr == (
        "Missing chromium: install them with: sudo apt-get install -y chromium\n"
    )
    assert result.stdout == ""


def test_a_wrong_browser_setting_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "no-chrome"
    result = run({"PATH": os.environ["PATH"], "IMVO_CHROMIUM": str(missing)})
    assert result.returncode == 1
    assert result.stderr == (
        f"IMVO_CHROMIUM is {missing}, which is not a browser that can be run: set it to the "
        "path of Chromium or Chrome, or unset it to use the first of chromium, chromium-browser "
        "and google-chrome on the PATH\n"
    )


def test_without_root_or_sudo_it_says_what_to_install(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "id").write_text("#!/bin/sh\necho 1000\n", encoding="utf-8")
    (bin_dir / "id").chmod(0o755)
    # Only `id` on the PATH (a user, not root): no java, no pdftotext and no sudo.
    result = run({"PATH": str(bin_dir), "IMVO_CHROMIUM": shutil.which("true") or "/bin/true"})
    assert result.returncode == 1
    assert result.stderr == (
        "Missing default-jre-headless poppler-utils: install them with: "
        "sudo apt-get install -y default-jre-headless poppler-utils\n"
    )
