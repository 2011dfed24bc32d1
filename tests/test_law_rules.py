"""content/law.yaml's checks beyond the model (imvo/validate/law_rules.py): sources, ids,
the order of steps, and the figures a text quotes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from imvo.messages.problems import ContentError
from imvo.validate import load_content

FIXTURES = Path(__file__).parent / "fixtures" / "content"


def broken(tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES, content)
    path = content / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    return [f"{p.text()} | {p.message_in('nl')}" for p in raised.value.problems]


def test_a_source_the_file_does_not_have(tmp_path: Path) -> None:
    found = broken(tmp_path, "law.yaml", "sources: [pwc-csrd]", "sources: [pwc]")
    assert len(found) == 1
    assert found[0].startswith("content/law.yaml:")
    assert "csrd, third step, first source" in found[0]


def test_a_dutch_id_twice(tmp_path: Path) -> None:
    found = broken(tmp_path, "law.yaml", "  - id: csrd-bill\n", "  - id: csrd-decree\n")
    assert [line.split(": ", 1)[1] for line in found] == [
        "second item, id: id 'csrd-decree' is used twice under dutch; give one of them "
        "another id | "
        "id 'csrd-decree' staat twee keer bij dutch; geef een van de twee een andere id"
    ]


def test_steps_out_of_date_order(tmp_path: Path) -> None:
    found = broken(tmp_path, "law.yaml", 'date: "2023-01-05"', 'date: "2022-01-05"')
    assert [line.split(": ", 1)[1] for line in found] == [
        "csrd, third step, date: this step (2022-01-05) comes after a step with a later date "
        "(2022-12-16); put the steps in order of date | deze stap (2022-01-05) staat na een stap "
        "met een latere datum (2022-12-16); zet de stappen op volgorde van datum"
    ]


def test_a_text_quoting_a_figure_the_file_has_not(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES, content)
    text = content / "texts" / "about.en.md"
    text.write_text(
        text.read_text(encoding="utf-8") + "\nMore than {{law.csrd.eu.workers}} employees.\n",
        encoding="utf-8",
    )
    lines = text.read_text(encoding="utf-8").count("\n")
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    assert [p.text() for p in raised.value.problems] == [
        f"content/texts/about.en.md:{lines}: (text): '{{{{law.csrd.eu.workers}}}}' is no figure "
        "of content/law.yaml; use one listed in CONTRIBUTING.md, such as "
        "{{law.csrd.eu.employees}}"
    ]
