"""`new <slug>`: a covenant file with every field, that passes `check` once filled in."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from imvo.editors.check import run_check
from imvo.editors.scaffold import EXAMPLES, SCHEMA_LINE, ScaffoldError, new_covenant, template
from imvo.model.content import Covenant

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the fixture content in tmp_path/content."""
    shutil.copytree(FIXTURES, tmp_path / "content")
    return tmp_path / "content"


def fill(text: str) -> str:
    """Fill in the required values the way an editor would."""
    text = text.replace('value: ""', "value: in_preparation")
    text = text.replace('nl: ""', "nl: Een Nederlandse tekst")
    return text.replace('en: ""', "en: An English text")


def uncomment(text: str) -> str:
    """Use every optional field too: remove the '#' before each example."""
    lines = []
    for line in text.splitlines():
        match = re.match(r"^(\s*)# (\s*[a-z_]+:|\s*- )(.*)$", line)
        if match and not re.match(r"^# [a-z_]+: (REQUIRED\. )?[A-Z]", line):
            lines.append(match.group(1) + match.group(2) + match.group(3))
        elif not line.startswith("#"):
            lines.append(line)
    return "\n".join(lines) + "\n"


def test_the_template_names_every_field_of_the_model() -> None:
    assert list(EXAMPLES) == list(Covenant.model_fields)
    text = template()
    assert text.splitlines()[0] == SCHEMA_LINE
    for name, info in Covenant.model_fields.items():
        assert f"# {name}: " in text
        assert str(info.description) in text


def test_a_new_file_fails_check_until_filled(content: Path) -> None:
    path = new_covenant(content, "proef")
    result = run_check(content, content.parent, date(2026, 11, 21))
    assert [p.text() for p in result.problems] == [
        "content/covenants/proef.yaml:12: name, nl: this text is empty",
        "content/covenants/proef.yaml:13: name, en: this text is empty",
        "content/covenants/proef.yaml:18: short_name, nl: this text is empty",
        "content/covenants/proef.yaml:19: short_name, en: this text is empty",
        "content/covenants/proef.yaml:24: sector, nl: this text is empty",
        "content/covenants/proef.yaml:25: sector, en: this text is empty",
        "content/covenants/proef.yaml:30: status, value: expected one of "
        "in_preparation (in preparation), active (running), ended (ended), ended_early (ended "
        "early), "
        "succeeded (succeeded), unknown (unknown); got ''",
        "content/covenants/proef.yaml:88: summary, nl: this text is empty",
        "content/covenants/proef.yaml:89: summary, en: this text is empty",
    ]
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_check(content, content.parent, date(2026, 11, 21))
    assert result.errors == []
    assert [p.text() for p in result.warnings] == [
        "content/covenants/proef.yaml:30: warning: status: this fact has no source: "
        "add 'sources: [<id>]' with an id from 'sources'"
    ]


def test_every_optional_example_is_valid(content: Path) -> None:
    path = new_covenant(content, "proef")
    text = uncomment(fill(path.read_text(encoding="utf-8")))
    text = text.replace("successor: nieuwe-sector", "successor: voorbeeld")
    text = text.replace("sources: []  # ids", "sources: [ser-persbericht]  # ids")
    text = text.replace("value: in_preparation", "value: succeeded")
    text = text.replace("krant]", "ser-persbericht]")
    path.write_text(text, encoding="utf-8")
    result = run_check(content, content.parent, date(2026, 11, 21))
    assert [p.text() for p in result.problems] == []
    assert "oecd_themes: []" in text and '  date: "2023-03-31"' in text


def test_refuses_an_existing_slug(content: Path) -> None:
    with pytest.raises(ScaffoldError) as error:
        new_covenant(content, "voorbeeld")
    assert str(error.value) == (
        f"{(content / 'covenants' / 'voorbeeld.yaml').as_posix()} already exists: "
        "edit it, or choose another name; 'voorbeeld-2' is free"
    )


@pytest.mark.parametrize(
    ("slug", "free"),
    [
        ("Textiel", "textiel"),
        ("tex tiel", "tex-tiel"),
        ("-textiel", "textiel"),
        ("textiel-", "textiel"),
        ("tëxtiel", "textiel"),
        ("", "nieuw-convenant"),
        ("Voorbeeld", "voorbeeld-2"),
        ("kunststof\n", "kunststof"),  # a new line at the end is no part of a slug
    ],
)
def test_refuses_an_invalid_slug_and_suggests_a_free_name(
    content: Path, slug: str, free: str
) -> None:
    with pytest.raises(ScaffoldError) as error:
        new_covenant(content, slug)
    assert str(error.value) == (
        f"'{slug}' cannot be a file name: use lowercase letters, digits and hyphens; "
        f"'{free}' is free"
    )
    assert sorted(p.name for p in (content / "covenants").iterdir()) == ["voorbeeld.yaml"]


@pytest.mark.parametrize("slug", ["overzicht", "en", "assets"])
def test_refuses_a_reserved_name(content: Path, slug: str) -> None:
    with pytest.raises(ScaffoldError) as error:
        new_covenant(content, slug)
    assert str(error.value) == (
        f"'{slug}' is the name of a page or folder of the site; '{slug}-convenant' is free"
    )


def test_the_template_explains_in_dutch_what_each_status_needs() -> None:
    text = template()
    assert "# status (VERPLICHT): Hoe het convenant ervoor staat." in text
    assert "# · succeeded = opgevolgd door een nieuw convenant: 'ended' en 'successor'" in text
    assert "python build.py check --strict" in text
    for name in Covenant.model_fields:
        assert f"# {name} (" in text
