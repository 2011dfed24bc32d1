"""Tests of imvo/validate/: model and cross-file faults of tests/bad-content/ give one clear
line each, exit code 1 and no traceback, and leave an existing site as it was; a fault only
mkdocs finds (a link to a missing page) fails the build the same way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bad_content import (
    FIXTURE,
    TABLE,
    assert_refused,
    cases,
    content_with,
    old_site,
    run,
    run_build,
    snapshot,
)

from imvo.messages.problems import ContentError
from imvo.model.content import Status
from imvo.validate import load_content


@pytest.mark.parametrize("name", cases("validate"))
def test_broken_content_is_refused_with_one_line(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused(tmp_path, name, monkeypatch, capsys)


@pytest.mark.parametrize("name", cases("validate"))
def test_load_content_raises_with_every_problem(name: str, tmp_path: Path) -> None:
    content = content_with(tmp_path, name)
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    assert [p.text() for p in raised.value.problems] == [TABLE[name]["expected"]]


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    content = content_with(tmp_path, "unknown-party.yaml")
    (content / "covenants" / "wrong-type.yaml").write_bytes(
        (Path(__file__).parent / "bad-content" / "wrong-type.yaml").read_bytes()
    )
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    assert [p.text() for p in raised.value.problems] == [
        TABLE["unknown-party.yaml"]["expected"],
        TABLE["wrong-type.yaml"]["expected"],
    ]


def test_typo_and_missing_field_elsewhere_are_both_reported(tmp_path: Path) -> None:
    content = content_with(tmp_path, "unknown-key.yaml")
    path = content / "covenants" / "unknown-key.yaml"
    text = path.read_text("utf-8").replace("sector:\n  nl: Voorbeeldsector\n", "sector:\n")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    assert [p.text() for p in raised.value.problems] == [
        "content/covenants/unknown-key.yaml:8: sector, nl: this field is required",
        "content/covenants/unknown-key.yaml:28: sumary: unknown field 'sumary'; "
        "did you mean 'summary'?",
    ]


def test_many_covenants_read_side_by_side_give_what_one_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = content_with(tmp_path, "unknown-party.yaml")
    bad = Path(__file__).parent / "bad-content"
    for name in ("wrong-type.yaml", "alias-bomb.yaml", "end-before-signing.yaml"):
        (content / "covenants" / name).write_bytes((bad / name).read_bytes())
    fixture = Path(__file__).parent / "fixtures" / "content" / "covenants" / "voorbeeld.yaml"
    for index in range(5):
        shutil.copy(fixture, content / "covenants" / f"extra-{index}.yaml")

    def problems() -> list[str]:
        with pytest.raises(ContentError) as raised:
            load_content(content, tmp_path)
        return [p.text() for p in raised.value.problems]

    alone = problems()
    monkeypatch.setattr("imvo.validate.PARALLEL_FROM", 2)
    assert problems() == alone
    assert len(alone) == 4
    (content / "covenants" / "unknown-party.yaml").unlink()
    for name in ("wrong-type.yaml", "alias-bomb.yaml", "end-before-signing.yaml"):
        (content / "covenants" / name).unlink()
    corpus = load_content(content, tmp_path)
    assert list(corpus.covenants) == [*(f"extra-{index}" for index in range(5)), "voorbeeld"]
    monkeypatch.setattr("imvo.validate.PARALLEL_FROM", 200)
    assert load_content(content, tmp_path) == corpus


@pytest.mark.parametrize("name", cases("build"))
def test_failure_inside_mkdocs_is_found_by_check_and_keeps_the_site(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content_with(tmp_path, name)
    before = old_site(tmp_path)
    checked = run(tmp_path, ["check", "--content", "content"], monkeypatch, capsys)
    # check finds what the build refuses, in the same words, before anything is built.
    assert (checked.code, checked.err.splitlines()) == (
        1,
        [TABLE[name]["expected"], "1 error in 1 file."],
    )
    built = run_build(tmp_path, monkeypatch, capsys)
    assert built.code == 1
    assert built.err.splitlines() == [
        "The site was not built (the existing site is unchanged):",
        TABLE[name]["expected"],
    ]
    assert snapshot(tmp_path / "site") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


def test_unexpected_error_is_one_line_without_debug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content_with(tmp_path, "missing-page-link.yaml")
    before = old_site(tmp_path)

    def broken(*_: object, **__: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("imvo.build.orchestrate.build_site", broken)
    built = run(tmp_path, ["build", "--no-pdf", "--content", "content"], monkeypatch, capsys)
    assert built.code == 1
    assert built.err.splitlines() == [
        "The site was not built (the existing site is unchanged): OSError: disk full",
        "Run again with --debug to see the details.",
    ]
    assert snapshot(tmp_path / "site") == before
    with pytest.raises(OSError, match="disk full"):
        run(tmp_path, ["--debug", "build", "--content", "content"], monkeypatch, capsys)


_ENDED = 'ended:\n  date: "2020-06"\n  sources: [bron-b]\n'
_STARTS = (
    'signed:\n  date: "2016-07-04"\n  sources: [bron-a]\n'
    '  disputed:\n    - date: "2016-07-05"\n      sources: [bron-b]\n'
    'in_force:\n  date: "2016-08"\n  sources: [bron-a]\n'
)


def _unknown_status(tmp_path: Path, status: str, *, drop: tuple[str, ...] = (_ENDED,)) -> Path:
    """The fixture content with the example covenant's status replaced and some facts dropped."""
    content = tmp_path / "content"
    shutil.copytree(Path(__file__).parent / "fixtures" / "content", content)
    path = content / "covenants" / "voorbeeld.yaml"
    text = path.read_text("utf-8")
    old = "status:\n  value: ended\n  sources: [bron-a]\n"
    assert old in text
    text = text.replace(old, status)
    for part in drop:
        assert part in text
        text = text.replace(part, "")
    path.write_text(text, encoding="utf-8")
    return content


@pytest.mark.parametrize(
    ("status", "drop", "expected"),
    [
        (
            "status:\n  value: unknown\n  sources: [bron-a]\n",
            (_ENDED,),
            "content/covenants/voorbeeld.yaml:11: status, value: status 'unknown' (unknown) needs "
            "'as_of': the date of the latest source that saw it running",
        ),
        (
            'status:\n  value: unknown\n  sources: [bron-a]\n  as_of: "2019-10"\n',
            (),
            "content/covenants/voorbeeld.yaml:11: status, value: "
            "status 'unknown' (unknown) does not fit an end date",
        ),
        (
            'status:\n  value: unknown\n  sources: [bron-a]\n  as_of: "2019-10"\n',
            (_ENDED, _STARTS),
            "content/covenants/voorbeeld.yaml:11: status, value: "
            "status 'unknown' (unknown) needs a date: add 'signed' or 'in_force'",
        ),
    ],
)
def test_unknown_status_needs_as_of_and_a_start_but_no_end(
    status: str, drop: tuple[str, ...], expected: str, tmp_path: Path
) -> None:
    content = _unknown_status(tmp_path, status, drop=drop)
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    assert [p.text() for p in raised.value.problems] == [expected]


def test_unknown_status_with_as_of_and_a_start_loads(tmp_path: Path) -> None:
    content = _unknown_status(
        tmp_path, 'status:\n  value: unknown\n  sources: [bron-a]\n  as_of: "2019-10"\n'
    )
    corpus = load_content(content, tmp_path)
    status = corpus.covenants["voorbeeld"].status
    assert (status.value, str(status.as_of)) == (Status.unknown, "2019-10")


def test_a_folder_in_covenants_and_a_text_no_page_shows_are_reported(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    (content / "covenants" / "archief").mkdir()
    shutil.copyfile(
        content / "covenants" / "voorbeeld.yaml", content / "covenants" / "archief" / "oud.yaml"
    )
    (content / "texts" / "faq.nl.md").write_text("# Vragen\n", "utf-8")
    (content / "texts" / "faq.en.md").write_text("# Questions\n", "utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    unused = (
        "(file): no page of the site shows this text; a text is named after its page "
        "(about, accessibility, framework, how-it-works, index, now, results), "
        "then .nl.md or .en.md"
    )
    assert [p.text() for p in raised.value.problems] == [
        "content/covenants/archief:1: (folder): the build reads no folders inside covenants/; "
        "move the files in it to content/covenants",
        f"content/texts/faq.en.md:1: {unused}",
        f"content/texts/faq.nl.md:1: {unused}",
    ]


def test_a_text_too_long_is_one_short_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8").replace(
        "  nl: Een convenant om de fixture te testen.", "  nl: " + "a" * 20_001
    )
    covenant.write_text(text, "utf-8")
    parties = content / "parties.yaml"
    parties.write_text(
        parties.read_text("utf-8").replace("    name: FNV\n", f"    name: {'F' * 30_000}\n"),
        "utf-8",
    )
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    assert [p.text() for p in raised.value.problems] == [
        "content/covenants/voorbeeld.yaml:29: summary, nl: this text has 20,001 characters; "
        "a text may have at most 20,000: shorten it",
        "content/parties.yaml:3: first party, name: this text has 30,000 characters; "
        "a text may have at most 20,000: shorten it",
    ]


def test_a_long_value_is_shortened_in_a_message(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8").replace("  months: 36", "  months: " + "x" * 100)
    covenant.write_text(text, "utf-8")
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    assert [p.text() for p in raised.value.problems] == [
        "content/covenants/voorbeeld.yaml:26: term, months: expected a whole number; got "
        f"'{'x' * 59}... (100 characters)"
    ]


def _with_covenants(tmp_path: Path, successors: dict[str, str | None]) -> Path:
    """The fixture content with one covenant per name, each followed by the one given."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    template = (content / "covenants" / "voorbeeld.yaml").read_text("utf-8")
    for slug, successor in successors.items():
        text = template + (f"successor: {successor}\n" if successor else "")
        (content / "covenants" / f"{slug}.yaml").write_text(text, "utf-8")
    return content


def test_successors_that_go_round_in_a_circle_are_one_problem(tmp_path: Path) -> None:
    content = _with_covenants(
        tmp_path,
        {"voorbeeld": "tweede", "tweede": "derde", "derde": "voorbeeld", "vierde": "tweede"},
    )
    # The successor is the line after the fixture's last line.
    line = len((FIXTURE / "covenants" / "voorbeeld.yaml").read_text("utf-8").splitlines()) + 1
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    assert [p.text() for p in raised.value.problems] == [
        f"content/covenants/derde.yaml:{line}: successor: the successors go round in a circle "
        "(derde -> voorbeeld -> tweede -> derde); a covenant cannot follow itself"
    ]


def test_a_source_id_in_any_field_with_sources_is_checked(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "covenants/voorbeeld.yaml"
    # Without the fixture's own newer facts, which this test writes with wrong sources.
    text = path.read_text(encoding="utf-8").split("# The newer facts", 1)[0]
    extra = (
        "chairs:\n  - name: Voorzitter\n    sources: [nergens]\n"
        "counts:\n  - of: parties\n    number: 11\n    sources: [bron-a, onbekend]\n"
        "after_end:\n  nl: Daarna kwam niets.\n  en: Nothing came after it.\n"
        "  sources: [zoekgeraakt]\n"
    )
    path.write_text(text.replace("summary:", extra + "summary:", 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content, tmp_path)
    assert [p.text() for p in caught.value.problems] == [
        "content/covenants/voorbeeld.yaml:30: first chair, first source: no source with id "
        "'nergens' in this file's sources",
        "content/covenants/voorbeeld.yaml:34: first count, second source: no source with id "
        "'onbekend' in this file's sources",
        "content/covenants/voorbeeld.yaml:38: after_end, first source: no source with id "
        "'zoekgeraakt' in this file's sources",
    ]


# --- one mistake in the registry or a file name is one message ------------------------------


def _participant_parties(tmp_path: Path) -> Path:
    """The fixture with participants that are also parties (fnv and ser) in its file."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "participants" / "voorbeeld.yaml"
    text = path.read_text("utf-8")
    text += "  - name: FNV\n    party: fnv\n  - name: SER\n    party: ser\n"
    path.write_text(text, encoding="utf-8")
    return content


def _problems(content: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_content(content, content.parent)
    return [p.text() for p in raised.value.problems]


def test_a_wrong_kind_in_the_registry_is_one_message_not_one_per_reference(
    tmp_path: Path,
) -> None:
    content = _participant_parties(tmp_path)
    registry = content / "parties.yaml"
    registry.write_text(
        registry.read_text("utf-8").replace("kind: trade_union", "kind: trade-union", 1), "utf-8"
    )
    assert _problems(content) == [
        "content/parties.yaml:5: first party, kind: expected one of trade_union, ngo, government, "
        "sector_association, company, facilitator, knowledge_institute; got 'trade-union'"
    ]


def test_a_registry_that_is_no_yaml_or_missing_is_one_message(tmp_path: Path) -> None:
    content = _participant_parties(tmp_path)
    registry = content / "parties.yaml"
    registry.write_text(registry.read_text("utf-8") + "x: [\n", "utf-8")
    assert _problems(content) == [
        "content/parties.yaml:17: (file): this line cannot be read as YAML; check the "
        "indentation (spaces only, fields of one group in line), the ':' after each field name, "
        "and that texts with ':', '#' or quotes are in quotes"
    ]
    registry.unlink()
    assert _problems(content) == ["content/parties.yaml:1: (file): this file is missing"]


def test_a_party_id_twice_is_one_message(tmp_path: Path) -> None:
    content = _participant_parties(tmp_path)
    registry = content / "parties.yaml"
    registry.write_text(
        registry.read_text("utf-8") + "  - id: fnv\n    name: FNV\n    kind: trade_union\n",
        "utf-8",
    )
    assert _problems(content) == [
        "content/parties.yaml:17: fourth party, id: party id 'fnv' is used twice"
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("voorbeeld.yml", "covenant files end in .yaml; rename the file"),
        (
            "Voorbeeld.yaml",
            "the file name 'Voorbeeld' is not a valid slug: use lowercase letters, digits and "
            "hyphens (like 'banken.yaml')",
        ),
    ],
)
def test_a_covenant_file_refused_for_its_name_is_one_message(
    tmp_path: Path, name: str, message: str
) -> None:
    content = _participant_parties(tmp_path)
    (content / "covenants" / "voorbeeld.yaml").rename(content / "covenants" / name)
    assert _problems(content) == [f"content/covenants/{name}:1: (file): {message}"]


# --- content/history.yaml is content like any other ----------------------------------------


def _with_history(tmp_path: Path, text: str | None = None) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    if text is not None:
        (content / "history.yaml").write_text(text, encoding="utf-8")
    return content


def test_history_yaml_is_read_into_the_corpus(tmp_path: Path) -> None:
    content = _with_history(tmp_path, "hide:\n  - commit: 1a2b3c4\n    covenant: voorbeeld\n")
    hidden = load_content(content, tmp_path).history.hide
    assert [(entry.commit, entry.covenant) for entry in hidden] == [("1a2b3c4", "voorbeeld")]
    assert load_content(_with_history(tmp_path / "none"), tmp_path).history.hide == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "hide:\n  - commit: 1a2b\n",
            "content/history.yaml:2: first item, commit: expected a commit as GitHub shows it",
        ),
        (
            "hide:\n  - commit: 1a2b3c4\n    covenent: goud\n",
            "content/history.yaml:3: first item, covenent: unknown field",
        ),
        (
            "hide: &a\n  - commit: 1a2b3c4\nmore: *a\n",
            "content/history.yaml:3: (file): anchors and aliases (& and *) are not allowed in "
            "content files; write the value out in full",
        ),
        ("hide: [unclosed\n", "content/history.yaml:1: (file): "),
    ],
)
def test_a_wrong_history_yaml_is_refused_never_read_as_empty(
    text: str, expected: str, tmp_path: Path
) -> None:
    with pytest.raises(ContentError) as raised:
        load_content(_with_history(tmp_path, text), tmp_path)
    assert [p.text("en")[: len(expected)] for p in raised.value.problems] == [expected]


def test_a_history_yaml_that_is_a_link_is_refused_and_never_read(tmp_path: Path) -> None:
    content = _with_history(tmp_path)
    (content / "history.yaml").symlink_to("/etc/passwd")
    with pytest.raises(ContentError) as raised:
        load_content(content, tmp_path)
    assert [p.text("en") for p in raised.value.problems] == [
        "content/history.yaml:1: (file): this is a symbolic link; the build reads only ordinary "
        "files inside the content folder, so that a link cannot publish a file from elsewhere: "
        "put the file itself here"
    ]


@pytest.mark.parametrize("written", ["FNV", "Fnv"])
def test_a_party_id_the_model_refuses_still_counts_for_its_references(
    tmp_path: Path, written: str
) -> None:
    content = _participant_parties(tmp_path)
    registry = content / "parties.yaml"
    registry.write_text(
        registry.read_text("utf-8").replace("id: fnv", f"id: {written}", 1), "utf-8"
    )
    assert _problems(content) == [
        "content/parties.yaml:2: first party, id: expected lowercase letters, digits and "
        f"hyphens (like 'fnv' or 'save-the-children'); got '{written}'"
    ]
