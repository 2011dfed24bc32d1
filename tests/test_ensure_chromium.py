"""scripts/ensure-chromium.sh: finds the browser (IMVO_CHROMIUM, or chromium-headless-shell,
chromium, chromium-browser, google-chrome on the PATH) and prints it, needs no root when
everything is there, adds Debian's headless shell beside a full browser where root is at hand,
and says what to install when it cannot install it."""

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
    if not all(map(shutil.which, ("java", "pdftotext", "node", "npm"))):
        pytest.fail("java, pdftotext and npm are needed here: run `make test`, which installs them")
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
        (["chromium-headless-shell", "chromium"], "chromium-headless-shell"),  # and its shell
    ],
)
def test_the_first_browser_on_the_path_is_used_without_root(
    public: Path, on_path: list[str], found: str
) -> None:
    bin_dir = fake_bin(public / "bin", *on_path, "java", "pdftotext", "node", "npm")
    # Nothing else on the PATH: no sudo, no apt-get, not even `id`; none is needed.
    result = run({"PATH": str(bin_dir)}, as_nobody=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{bin_dir / found}\n", "")


def test_the_browser_setting_comes_before_the_path(public: Path) -> None:
    bin_dir = fake_bin(public / "bin", "chromium", "java", "pdftotext", "node", "npm")
    chosen = fake_bin(public / "chosen", "chrome") / "chrome"
    result = run({"PATH": str(bin_dir), "IMVO_CHROMIUM": str(chosen)}, as_nobody=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{chosen}\n", "")


def test_browser_only_looks_for_nothing_else(public: Path) -> None:
    bin_dir = fake_bin(public / "bin", "google-chrome")  # no java, pdftotext or npm
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


def test_without_a_browser_it_installs_debians_headless_chromium(tmp_path: Path) -> None:
    bin_dir = fake_bin(tmp_path / "bin", "java", "pdftotext", "node", "npm")
    (bin_dir / "id").write_text("#!/bin/sh\necho 1000\n", encoding="utf-8")
    (bin_dir / "id").chmod(0o755)
    result = run({"PATH": str(bin_dir)})
    assert result.returncode == 1
    assert result.stderr == (
        "Missing chromium-headless-shell: install them with: "
        "sudo apt-get install -y chromium-headless-shell\n"
    )
    assert result.stdout == ""


def test_a_wrong_browser_setting_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "no-chrome"
    result = run({"PATH": os.environ["PATH"], "IMVO_CHROMIUM": str(missing)})
    assert result.returncode == 1
    assert result.stderr == (
        f"IMVO_CHROMIUM is {missing}, which is not a browser that can be run: set it to the "
        "path of Chromium or Chrome, or unset it to use the first of chromium-headless-shell, "
        "chromium, chromium-browser and google-chrome on the PATH\n"
    )


def test_without_root_or_sudo_it_says_what_to_install(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "id").write_text("#!/bin/sh\necho 1000\n", encoding="utf-8")
    (bin_dir / "id").chmod(0o755)
    # Only `id` on the PATH (a user, not root): no java, pdftotext, npm or sudo.
    result = run({"PATH": str(bin_dir), "IMVO_CHROMIUM": shutil.which("true") or "/bin/true"})
    assert result.returncode == 1
    assert result.stderr == (
        "Missing default-jre-headless poppler-utils npm: install them with: "
        "sudo apt-get install -y default-jre-headless poppler-utils npm\n"
    )


def debian(
    folder: Path,
    *,
    root: bool,
    installs: bool,
    there: tuple[str, ...] = ("chromium", "java", "pdftotext", "node", "npm"),
) -> Path:
    """A Debian stand-in: `there` on the PATH (Chromium, Java, poppler and npm, unless told),
    apt knowing the headless shell, `id` saying root or a user, and an apt-get that logs its
    call and, if `installs`, puts the shell, Java, poppler and npm on the PATH."""
    bin_dir = fake_bin(folder, *there, "apt-cache")
    (bin_dir / "env").symlink_to(shutil.which("env") or "/usr/bin/env")
    (bin_dir / "id").write_text(f"#!/bin/sh\necho {0 if root else 1000}\n", encoding="utf-8")
    chmod = shutil.which("chmod") or "/bin/chmod"
    made = [
        bin_dir / name for name in ("chromium-headless-shell", "java", "pdftotext", "node", "npm")
    ]
    install = "; ".join(f"echo '#!/bin/sh' > {path}; {chmod} 755 {path}" for path in made)
    (bin_dir / "apt-get").write_text(
        f'#!/bin/sh\necho "$@" >> {folder.parent / "apt.log"}\n'
        f'[ "$1" = install ] || exit 0\n{install if installs else "exit 1"}\n',
        encoding="utf-8",
    )
    for name in ("id", "apt-get"):
        (bin_dir / name).chmod(0o755)
    return bin_dir


def test_as_root_on_a_new_machine_the_shell_its_font_java_and_poppler_are_installed(
    tmp_path: Path,
) -> None:
    """A new Debian machine: nothing there. What the packages only recommend is left out (a
    hundred packages more); the font the PDFs are set in is asked for by name."""
    bin_dir = debian(tmp_path / "bin", root=True, installs=True, there=())
    result = run({"PATH": str(bin_dir)})
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"{bin_dir / 'chromium-headless-shell'}\n",
        "Installing chromium-headless-shell default-jre-headless poppler-utils npm from Debian "
        "...\n",
    )
    assert (tmp_path / "apt.log").read_text(encoding="utf-8") == (
        "update -qq\n"
        "install -y -qq --no-install-recommends chromium-headless-shell default-jre-headless "
        "poppler-utils npm fonts-liberation\n"
    )


def test_as_root_debians_headless_shell_is_installed_beside_chromium(tmp_path: Path) -> None:
    bin_dir = debian(tmp_path / "bin", root=True, installs=True)
    result = run({"PATH": str(bin_dir)})
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"{bin_dir / 'chromium-headless-shell'}\n",
        "Installing chromium-headless-shell from Debian (the browser tests take a third less "
        "time) ...\n",
    )
    assert (tmp_path / "apt.log").read_text(encoding="utf-8") == (
        "install -y -qq --no-install-recommends chromium-headless-shell fonts-liberation\n"
    )


def test_a_shell_that_does_not_install_leaves_the_browser_that_is_there(tmp_path: Path) -> None:
    bin_dir = debian(tmp_path / "bin", root=True, installs=False)
    result = run({"PATH": str(bin_dir)})
    assert (result.returncode, result.stdout) == (0, f"{bin_dir / 'chromium'}\n")
    assert result.stderr.splitlines()[-1] == (
        f"chromium-headless-shell could not be installed: {bin_dir / 'chromium'} is used"
    )


def test_without_root_the_browser_that_is_there_is_used_and_nothing_installed(
    tmp_path: Path,
) -> None:
    bin_dir = debian(tmp_path / "bin", root=False, installs=True)  # no sudo on the PATH
    result = run({"PATH": str(bin_dir)})
    assert (result.returncode, result.stdout, result.stderr) == (0, f"{bin_dir / 'chromium'}\n", "")
    assert not (tmp_path / "apt.log").exists()


def make_site(tmp_path: Path, browser: str, *, installed: bool) -> subprocess.CompletedProcess[str]:
    """`make site` with the environment's stamp and Python in `tmp_path`: the stamp newer than
    every lock (nothing to install) or missing (and a Python that fails to make the environment),
    and a Python that notes the browser it was handed and its arguments in `ran`."""
    stamp = tmp_path / "installed"
    if installed:
        stamp.touch()
    python = tmp_path / "python"
    python.write_text(f'#!/bin/sh\necho "$IMVO_CHROMIUM $*" > {tmp_path / "ran"}\n', "utf-8")
    python.chmod(0o755)
    overrides = [f"STAMP={stamp}", f"PY={python}", "PYTHON=false", f"VENV={tmp_path / 'venv'}"]
    return subprocess.run(
        [
            shutil.which("make") or "make",
            "--no-print-directory",
            "-C",
            str(ROOT),
            "site",
            *overrides,
        ],
        env={**os.environ, "IMVO_CHROMIUM": browser},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_make_site_hands_the_build_the_browser_found_beside_the_environment(
    tmp_path: Path,
) -> None:
    browser = shutil.which("true") or "/bin/true"
    result = make_site(tmp_path, browser, installed=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert (tmp_path / "ran").read_text(encoding="utf-8") == f"{browser} build.py build\n"


def test_make_site_stops_before_the_build_without_a_browser_or_an_environment(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "no-chrome"
    result = make_site(tmp_path, str(missing), installed=True)
    assert result.returncode == 2  # make's own code for a recipe that failed
    assert result.stderr.startswith(f"IMVO_CHROMIUM is {missing}, which is not a browser")
    assert not (tmp_path / "ran").exists()
    # The environment cannot be made (its Python fails): the browser is there, no build runs.
    new = tmp_path / "new"
    new.mkdir()
    result = make_site(new, shutil.which("true") or "/bin/true", installed=False)
    assert result.returncode == 2
    assert not (new / "ran").exists()
    assert not (new / "installed").exists()
