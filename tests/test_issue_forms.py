"""The issue forms for readers who do not edit YAML: valid, and bilingual."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from imvo.editors.issue_form import IMPORT_LABELS, SLUG_LABEL

ROOT = Path(__file__).resolve().parent.parent
FORMS = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))


def _check_jsonschema() -> str:
    found = Path(sys.executable).parent / "check-jsonschema"
    path = str(found) if found.exists() else shutil.which("check-jsonschema")
    assert path, "check-jsonschema is not installed: pip install -r requirements-dev.txt"
    return path


def test_there_are_forms_to_correct_a_fact_and_propose_an_agreement() -> None:
    assert [form.name for form in FORMS] == [
        "config.yml",
        "deelnemers-importeren.yml",
        "feit-corrigeren.yml",
        "nieuw-convenant.yml",
    ]


def _labels(name: str) -> dict[str, str]:
    data = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))
    return {item["id"]: item["attributes"]["label"] for item in data["body"] if "id" in item}


def test_the_workflows_read_the_fields_the_forms_have() -> None:
    """The form reader finds a field by its label: the forms and the reader agree."""
    assert _labels("nieuw-convenant.yml")["slug"] == SLUG_LABEL
    assert _labels("deelnemers-importeren.yml") == IMPORT_LABELS


def test_each_form_has_the_label_its_workflow_starts_on() -> None:
    for form, workflow in (
        ("nieuw-convenant.yml", "new-covenant.yml"),
        ("deelnemers-importeren.yml", "import-participants-issue.yml"),
    ):
        data = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE" / form).read_text("utf-8"))
        (label,) = data["labels"]
        text = (ROOT / ".github/workflows" / workflow).read_text(encoding="utf-8")
        assert f"github.event.label.name == '{label}'" in text


@pytest.mark.parametrize("form", [f for f in FORMS if f.name != "config.yml"], ids=str)
def test_each_form_is_valid_for_github(form: Path) -> None:
    result = subprocess.run(
        [_check_jsonschema(), "--builtin-schema", "vendor.github-issue-forms", str(form)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("form", [f for f in FORMS if f.name != "config.yml"], ids=str)
def test_every_label_is_in_dutch_and_english(form: Path) -> None:
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    texts = [data["name"]] + [
        item["attributes"]["label"] for item in data["body"] if item["type"] != "markdown"
    ]
    assert all(" / " in text for text in texts), json.dumps(texts, ensure_ascii=False)


def test_the_correction_form_takes_the_page_from_the_link() -> None:
    # The factsheet's "report an error" link fills in the field with id 'page'.
    data = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/feit-corrigeren.yml").read_text())
    ids = [item.get("id") for item in data["body"]]
    assert ids == [None, "page", "wrong", "right", "source"]
