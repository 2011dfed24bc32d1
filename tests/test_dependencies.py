"""The locked dependencies: every package pinned with its hashes, the locks agree with their
.in files and with each other, and make's environment follows the locks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCKS = {
    "requirements.txt": "requirements.in",
    "requirements-dev.txt": "requirements-dev.in",
    "requirements-properdocs.txt": "requirements-properdocs.in",
}
LEFT_OUT = {"requirements-properdocs.txt": {"mkdocs"}}
"""Left out of a lock on purpose: properdocs answers to mkdocs' imports instead."""
_ENTRY = re.compile(
    r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:\s*\\\n\s*--hash=sha256:[0-9a-f]{64})+)", re.M
)


def locked(name: str) -> dict[str, str]:
    """A lock file's packages and their versions (names normalised)."""
    text = (ROOT / name).read_text(encoding="utf-8")
    return {canonicalize_name(match[1]): match[2] for match in _ENTRY.finditer(text)}


def direct(name: str) -> list[Requirement]:
    """The requirements an .in file names, with those of the files it includes (-r)."""
    found = []
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r "):
            found += direct(line[3:])
        elif line and not line.startswith("-"):
            found.append(Requirement(line))
    return found


@pytest.mark.parametrize("lock", list(LOCKS))
def test_every_package_is_pinned_with_hashes(lock: str) -> None:
    text = (ROOT / lock).read_text(encoding="utf-8")
    entries = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert len(entries) == len(locked(lock)) >= 30
    assert not re.search(r"^-e |^--index-url|^--extra-index-url|file://", text, re.M)


@pytest.mark.parametrize(("lock", "source"), list(LOCKS.items()))
def test_every_direct_dependency_is_locked_at_a_version_it_allows(lock: str, source: str) -> None:
    versions = locked(lock)
    for requirement in direct(source):
        name = canonicalize_name(requirement.name)
        if name in LEFT_OUT.get(lock, set()):
            continue
        assert name in versions, f"{source}: {requirement} is not in {lock}"
        assert requirement.specifier.contains(versions[name], prereleases=True), (
            f"{lock}: {name}=={versions[name]} does not satisfy {requirement}"
        )


def test_the_locks_agree_on_every_shared_package() -> None:
    build, dev, properdocs = (locked(lock) for lock in LOCKS)
    assert {name: dev.get(name) for name in build} == build
    del dev["mkdocs"], dev["mkdocs-get-deps"]
    del properdocs["properdocs"]
    assert {name: dev.get(name) for name in properdocs} == properdocs
    assert set(dev) - set(properdocs) <= {"ghp-import", "mergedeep"}


def test_the_properdocs_lock_leaves_mkdocs_out() -> None:
    versions = locked("requirements-properdocs.txt")
    assert "properdocs" in versions
    assert "mkdocs" not in versions
    assert "mkdocs-material" in versions


def test_make_reinstalls_when_a_lock_changes() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\n$(STAMP): requirements.txt requirements-dev.txt requirements-uv.txt\n" in makefile
    assert "\n$(PROPERDOCS_STAMP): requirements-properdocs.txt requirements-uv.txt\n" in makefile
    # Each command brings its environment up to date (beside the browser) before it runs.
    recipes = dict(re.findall(r"^([a-z-]+):\n\t@\$\(call set_up,(\$\([A-Z_]+\))", makefile, re.M))
    assert recipes == {
        "site": "$(STAMP)",
        "test": "$(STAMP)",
        "test-properdocs": "$(PROPERDOCS_STAMP)",
    }
    assert (
        "\t{ $(MAKE) --question $(1) || $(MAKE) --no-print-directory $(1); }; venv=$$?;" in makefile
    )


def test_uv_is_locked_alone_with_a_hash_for_each_of_its_files() -> None:
    """The lock pip installs uv from (the Makefile) holds uv alone, at one version, with the
    hashes of its files: a wheel for each platform and the source."""
    text = (ROOT / "requirements-uv.txt").read_text(encoding="utf-8")
    assert list(locked("requirements-uv.txt")) == ["uv"]
    assert [str(requirement) for requirement in direct("requirements-uv.in")] == ["uv"]
    hashes = re.findall(r"--hash=sha256:[0-9a-f]{64}", text)
    assert len(hashes) == len(set(hashes)) >= 10
    assert not re.search(r"^-e |^--index-url|^--extra-index-url|file://", text, re.M)


def test_make_keeps_what_python_compiles_in_the_cache_folder() -> None:
    """Every command make runs writes Python's compiled files to .cache/pycache, also where the
    machine asks Python not to write them: a test run starts Python some 40 times."""
    result = subprocess.run(
        [
            shutil.which("make") or "make",
            "--no-print-directory",
            "-C",
            str(ROOT),
            "--eval",
            'show-env: ; @echo "$${PYTHONPYCACHEPREFIX}|$${PYTHONDONTWRITEBYTECODE-unset}"',
            "show-env",
        ],
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (0, f"{ROOT / '.cache' / 'pycache'}|unset\n")
