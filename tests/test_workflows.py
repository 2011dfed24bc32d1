"""The GitHub Actions workflows: valid, linted, least permissions, and doing what they say."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
YAMLLINT_CONFIG = (
    "{extends: default, rules: {truthy: {check-keys: false}, document-start: disable, "
    "line-length: {max: 100}}}"
)


def tool(name: str) -> str:
    """A command-line tool installed beside this Python (from requirements-dev.txt)."""
    found = Path(sys.executable).parent / name
    path = str(found) if found.exists() else shutil.which(name)
    assert path, f"{name} is not installed: pip install -r requirements-dev.txt"
    return path


def load(name: str) -> dict[Any, Any]:
    """A workflow as data ('on' stays the key 'on')."""
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    data: dict[Any, Any] = yaml.load(text, Loader=yaml.BaseLoader)
    return data


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    """A job's steps."""
    result: list[dict[str, Any]] = job["steps"]
    return result


def test_both_workflows_exist() -> None:
    assert [path.name for path in FILES] == [
        "pages.yml",
        "pr-comment.yml",
        "pr-preview-remove.yml",
        "pr.yml",
    ]


def test_workflows_match_the_github_schema() -> None:
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, FILES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stdout.strip()) == (0, "ok -- validation done")


def test_workflows_pass_yamllint() -> None:
    result = subprocess.run(
        [tool("yamllint"), "-f", "parsable", "-d", YAMLLINT_CONFIG, str(WORKFLOWS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stdout) == (0, "")


@pytest.mark.parametrize("name", ["pr.yml", "pages.yml"])
def test_pinned_python_with_a_pip_cache(name: str) -> None:
    for job in load(name)["jobs"].values():
        for step in steps(job):
            if step.get("uses", "").startswith("actions/setup-python@"):
                assert step["with"]["python-version"] == "3.11"
                assert step["with"]["cache"] == "pip"


def test_pull_request_checks_strictly_as_annotations_tests_builds_and_uploads() -> None:
    workflow = load("pr.yml")
    assert list(workflow["on"]) == ["pull_request"]
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    runs = [step.get("run", "") for step in steps(job)]
    assert "python build.py check --strict --format github" in runs
    assert "python -m pytest" in runs
    assert "python build.py build --site site --format github" in runs
    upload = [s for s in steps(job) if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload[0]["with"]["path"] == "site/"


def test_pages_least_permissions_and_sub_path() -> None:
    workflow = load("pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    uses = [step.get("uses", "").split("@")[0] for step in steps(build)]
    assert "actions/configure-pages" in uses
    assert "actions/upload-pages-artifact" in uses
    assert [s["uses"].split("@")[0] for s in steps(deploy)] == ["actions/deploy-pages"]
    configure = next(s for s in steps(build) if s.get("uses", "").startswith("actions/configure"))
    built = next(s for s in steps(build) if s.get("run", "").startswith("python build.py build"))
    expected = "${{ steps." + configure["id"] + ".outputs.base_url }}"
    assert built["env"]["SITE_URL"] == expected


def test_every_action_is_pinned_to_a_version() -> None:
    for path in FILES:
        for job in load(path.name)["jobs"].values():
            for step in steps(job):
                if "uses" in step:
                    # a version tag, or a full commit (tests/test_pr_comment.py checks those)
                    assert re.search(r"@(v|[0-9a-f]{40}$)", step["uses"]), step["uses"]
