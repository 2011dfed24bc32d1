"""scripts/ensure-chromium.sh: uses the browser IMVO_CHROMIUM names, needs no root when
everything is there, and says what to install when it cannot install it."""

from __future__ import annotations

import os
import shutil
import subprocess
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
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_a_wrong_browser_setting_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "no-chrome"
    result = run({"PATH": os.environ["PATH"], "IMVO_CHROMIUM": str(missing)})
    assert result.returncode == 1
    assert result.stderr == (
        f"IMVO_CHROMIUM is {missing}, which is not a browser that can be run: set it to the "
        "path of Chromium or Chrome, or unset it to use /usr/bin/chromium\n"
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
