"""The new covenant's file name from the issue form: taken only when it is a plain slug, and
never anything else of the issue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from imvo.editors.issue_form import (
    IMPORT_REASONS,
    MAX_SLUG,
    REASONS,
    SLUG_LABEL,
    field,
    import_inputs,
    main,
    pull_body,
    slug,
)

FORM = """### Naam van het convenant / Name of the agreement

Convenant Kunststof

### Bestandsnaam / File name

{slug}

### Datum van ondertekening / Date of signing

_No response_

### Bronnen / Sources

https://example.org/a
"""


def test_the_file_name_is_read_from_its_field() -> None:
    assert slug(FORM.format(slug="kunststof")) == ("kunststof", "")
    assert slug(FORM.format(slug="  bouw-en-infra  ").replace("\n", "\r\n")) == (
        "bouw-en-infra",
        "",
    )
    assert field(FORM.format(slug="x"), "Datum van ondertekening / Date of signing") is None
    assert field(FORM.format(slug="x"), "Bronnen / Sources") == "https://example.org/a"


@pytest.mark.parametrize(
    "typed",
    [
        "Kunststof",
        "kunst stof",
        "kunststof; rm -rf /",
        "$(id)",
        "`id`",
        "../parties",
        "kunststof.yaml",
        "-kunststof",
        "kunststof-",
        "kunst--stof",
        "kunststöf",
        "kunststof\u200b",
        "kunststof\nimvo",
        "a" * (MAX_SLUG + 1),
        '"kunststof"',
    ],
)
def test_anything_but_a_plain_slug_is_refused(typed: str) -> None:
    assert slug(FORM.format(slug=typed)) == (None, "not-plain")


@pytest.mark.parametrize(
    "body",
    [FORM.format(slug="_No response_"), FORM.replace(f"### {SLUG_LABEL}", "### Other"), "", "x"],
)
def test_no_file_name_is_missing(body: str) -> None:
    assert slug(body) == (None, "missing")


def test_a_heading_typed_in_a_later_field_does_not_count() -> None:
    body = FORM.format(slug="kunststof") + f"\n### {SLUG_LABEL}\n\nevil\n"
    assert slug(body) == ("kunststof", "")


def test_the_command_writes_the_slug_or_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, comment = tmp_path / "slug.txt", tmp_path / "comment.md"
    args = ["slug", "--output", str(out), "--comment", str(comment)]
    monkeypatch.setenv("ISSUE_BODY", FORM.format(slug="kunststof"))
    assert main(args) == 0
    assert out.read_text(encoding="utf-8") == "kunststof" and not comment.exists()
    out.unlink()
    monkeypatch.setenv("ISSUE_BODY", FORM.format(slug="@team [x](https://evil.example)"))
    assert main(args) == 1
    assert not out.exists()
    # The reason is said without repeating what was typed.
    assert comment.read_text(encoding="utf-8") == "\n\n".join(REASONS["not-plain"]) + "\n"


def test_the_pull_requests_text_names_the_file_and_the_issue(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["pull-body", "--slug", "kunststof", "--issue", "12"]) == 0
    text = capsys.readouterr().out
    assert text == pull_body("kunststof", 12)
    assert text.startswith(
        "Het begin van `content/covenants/kunststof.yaml`, gemaakt met "
        "`python build.py new kunststof` voor issue #12."
    )
    assert "The start of `content/covenants/kunststof.yaml`" in text
    assert main(["pull-body", "--slug", "$(id)", "--issue", "12"]) == 1


IMPORT_FORM = """### Convenant / Covenant

{covenant}

### Namen / Names

Stichting Pensioenfonds ABP
PFZW
$(touch /tmp/pwned)

### Adres van de bron / Address of the source

{url}

### Titel van de bron / Title of the source

Deelnemerslijst 2024

### Publicatiedatum / Publication date

{date}
"""


def test_the_import_form_gives_the_workflows_inputs() -> None:
    body = IMPORT_FORM.format(
        covenant="pensioenfondsen", url="https://www.example.org/lijst", date="_No response_"
    )
    assert import_inputs(body) == (
        {
            "covenant": "pensioenfondsen",
            "names": "Stichting Pensioenfonds ABP\nPFZW\n$(touch /tmp/pwned)",
            "source_url": "https://www.example.org/lijst",
            "source_title": "Deelnemerslijst 2024",
            "source_date": "",
        },
        [],
    )


def test_every_unusable_field_of_the_import_form_is_named() -> None:
    body = IMPORT_FORM.format(covenant="../parties", url="javascript:alert(1)", date="1-5-2024")
    assert import_inputs(body)[1] == ["covenant", "source_url", "source_date"]


def test_the_import_command_writes_json_or_the_reasons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, comment = tmp_path / "inputs.json", tmp_path / "comment.md"
    args = ["import", "--output", str(out), "--comment", str(comment)]
    good = IMPORT_FORM.format(covenant="banken", url="https://a.nl/", date="2024-05-01")
    monkeypatch.setenv("ISSUE_BODY", good)
    assert main(args) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["source_date"] == "2024-05-01"
    out.unlink()
    monkeypatch.setenv("ISSUE_BODY", good.replace("banken", "Banken @team"))
    assert main(args) == 1 and not out.exists()
    assert comment.read_text(encoding="utf-8") == (
        f"- {IMPORT_REASONS['covenant'][0]}\n\n- {IMPORT_REASONS['covenant'][1]}\n"
    )
