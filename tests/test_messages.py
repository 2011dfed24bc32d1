"""Messages to editors in Dutch and English: the catalogs agree, the Dutch wording is pinned
word for word, places are said as a reader says them, and one mistake hides no other."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from imvo.cli import main
from imvo.editors.check import run_check
from imvo.load import read_yaml
from imvo.messages import (
    CATALOGS,
    language,
    language_from_locale,
    place,
    speaking,
    template_fields,
)
from imvo.messages.problems import Problem

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"
WHEN = date(2025, 11, 21)
VOORBEELD = "covenants/voorbeeld.yaml"


def with_change(tmp_path: Path, old: str, new: str, relative: str = VOORBEELD) -> Path:
    """A copy of the fixture content with one part of one file replaced."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES, content)
    path = content / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return content


def lines(tmp_path: Path, content: Path, lang: str) -> list[str]:
    return [problem.text(lang) for problem in run_check(content, tmp_path, WHEN).problems]


def test_both_catalogs_word_every_code_with_the_same_parameters() -> None:
    assert sorted(CATALOGS["nl"]) == sorted(CATALOGS["en"])
    for code, english in CATALOGS["en"].items():
        assert template_fields(CATALOGS["nl"][code]) == template_fields(english), code


def test_no_dutch_message_is_left_in_english() -> None:
    same = [code for code in CATALOGS["en"] if CATALOGS["nl"][code] == CATALOGS["en"][code]]
    assert same == ["summary"]  # '{parts} in {files}.' reads the same in both


@pytest.mark.parametrize(
    ("field", "nl", "en"),
    [
        ("parties[1].sources[0]", "tweede partij, eerste bron", "second party, first source"),
        ("sources[2].id", "derde bron, id", "third source, id"),
        (
            "signed.disputed[0].date",
            "signed, eerste andere datum, date",
            "signed, first other date, date",
        ),
        ("goals[11]", "12e doel", "12th goal"),
        ("participants[3].name", "vierde deelnemer, name", "fourth participant, name"),
        ("(file)", "(bestand)", "(file)"),
        ("status.value", "status, value", "status, value"),
    ],
)
def test_places_are_said_as_a_reader_says_them(field: str, nl: str, en: str) -> None:
    assert place(field, "nl") == nl
    assert place(field, "en") == en


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "nl"),
        ({"LANG": "C.UTF-8"}, "nl"),
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "nl_NL.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "nl_NL.UTF-8"}, "nl"),
    ],
)
def test_the_locale_chooses_english_else_dutch(environ: dict[str, str], expected: str) -> None:
    assert language_from_locale(environ) == expected


def test_a_date_says_how_to_write_it_in_dutch(tmp_path: Path) -> None:
    content = with_change(tmp_path, 'date: "2016-07-04"', 'date: "1-7-2016"')
    assert lines(tmp_path, content, "nl") == [
        "content/covenants/voorbeeld.yaml:14: signed, date: schrijf de datum als "
        "\"2016-07-01\" (jaar-maand-dag, tussen aanhalingstekens); er staat '1-7-2016'"
    ]
    assert lines(tmp_path, content, "en") == [
        "content/covenants/voorbeeld.yaml:14: signed, date: expected a date as YYYY-MM-DD, "
        "YYYY-MM or YYYY; got '1-7-2016': write \"2016-07-01\""
    ]


def test_a_required_field_and_an_unknown_source_in_dutch(tmp_path: Path) -> None:
    content = with_change(
        tmp_path,
        "  - party: ser\n    role: facilitator\n    sources: [bron-a]\n",
        "  - party: ser\n    role: facilitator\n    sources: [bron-c]\n",
    )
    assert lines(tmp_path, content, "nl") == [
        "content/covenants/voorbeeld.yaml:42: tweede partij, eerste bron: er is geen bron met "
        "id 'bron-c' bij sources onderaan dit bestand; bedoel je 'bron-b'?"
    ]


def test_a_list_item_indented_wrongly_is_said_in_plain_words(tmp_path: Path) -> None:
    content = with_change(
        tmp_path,
        "  - party: fnv\n    role: signatory\n",
        "  - party: fnv\n   role: signatory\n",
    )
    assert lines(tmp_path, content, "nl") == [
        "content/covenants/voorbeeld.yaml:38: (bestand): 'role:' hoort precies onder 'party:' "
        "op regel 37: laat de regel met 4 spaties beginnen"
    ]
    assert "indicator" not in lines(tmp_path, content, "en")[0]


@pytest.mark.parametrize(
    "text",
    [
        "parties:\n  - party: fnv\n   role: x\n",
        "sources: [a, b\nx: 1\n",
        'nl: "Hallo" wereld\n',
        "nl: @fnv\n",
        "nl: `x`\n",
        "%x\nnl: a\n",
        "nl: *x\n",
        "nl: &\n",
        "nl: |x\n  a\n",
        "a:\n  nl x\n  en: y\n",
        "nl: {a\n",
        "nl: a]\nx: [\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n- b\n",
        'nl: "a\\q"\n',
        'nl: "abc\n',
        "a:\n\tb: 1\n",
        ": x\n",
    ],
)
def test_no_yaml_error_shows_the_parser_s_words(text: str, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    loaded, problems = read_yaml(path, "a.yaml")
    assert loaded is None and len(problems) == 1
    for lang in ("nl", "en"):
        line = problems[0].text(lang)
        for word in ("expected", "while", "scanning", "parsing", "indicator", "token"):
            assert f" {word} " not in line.replace("'- '", ""), line
        assert "\n" not in line


def test_one_mistake_does_not_hide_the_references(tmp_path: Path) -> None:
    content = with_change(
        tmp_path,
        '  date: "2016-07-04"\n  sources: [bron-a]\n',
        '  date: "1-7-2016"\n  sources: [bron-x]\n',
    )
    path = content / VOORBEELD
    text = path.read_text(encoding="utf-8").replace("  - party: fnv\n", "  - party: fvn\n")
    path.write_text(text.replace("sector:\n  nl: Voorbeeldsector\n  en: Example sector\n", ""))
    assert lines(tmp_path, content, "en") == [
        "content/covenants/voorbeeld.yaml:1: sector: this field is required",
        "content/covenants/voorbeeld.yaml:11: signed, date: expected a date as YYYY-MM-DD, "
        "YYYY-MM or YYYY; got '1-7-2016': write \"2016-07-01\"",
        "content/covenants/voorbeeld.yaml:12: signed, first source: no source with id 'bron-x' in "
        "this file's sources; did you mean 'bron-b'?",
        "content/covenants/voorbeeld.yaml:34: first party, party: no party 'fvn' in "
        "content/parties.yaml; did you mean 'fnv'?",
    ]


def test_party_ids_are_checked_when_parties_yaml_has_a_mistake(tmp_path: Path) -> None:
    content = with_change(
        tmp_path, "  - id: ser\n", "  - id: ser\n    colour: blue\n", "parties.yaml"
    )
    path = content / VOORBEELD
    path.write_text(
        path.read_text(encoding="utf-8").replace("  - party: fnv\n", "  - party: fvn\n")
    )
    fields = [(p.path, p.field) for p in run_check(content, tmp_path, WHEN).problems]
    assert ("content/covenants/voorbeeld.yaml", "parties[0].party") in fields


def test_contradictions_are_warned_about(tmp_path: Path) -> None:
    content = with_change(
        tmp_path,
        "status:\n  value: ended\n  sources: [bron-a]\n",
        'status:\n  value: ended\n  sources: [bron-a]\n  as_of: "2019-05"\n  note:\n'
        "    nl: Of het convenant nog loopt, weten wij niet.\n"
        "    en: Whether the agreement is still running, we do not know.\n",
    )
    assert lines(tmp_path, content, "en") == [
        "content/covenants/voorbeeld.yaml:13: warning: status, as_of: status 'ended' (ended) "
        "checked on "
        "2019-05, before the end (2020-06): set 'as_of' to the date you checked, or remove it",
        "content/covenants/voorbeeld.yaml:15: warning: status, note: status 'ended' (ended) but "
        "the "
        "status note says the covenant may still run ('nog loopt', 'weten wij niet', "
        "'still running'); change the note, or the status",
    ]
    assert lines(tmp_path, content, "nl")[0] == (
        "content/covenants/voorbeeld.yaml:13: waarschuwing: status, as_of: status 'ended' "
        "(afgelopen) "
        "gecontroleerd op 2019-05, vóór het einde (2020-06): zet 'as_of' op de datum waarop je "
        "het controleerde, of haal het weg"
    )


def test_after_end_on_a_running_covenant_is_warned_about(tmp_path: Path) -> None:
    content = with_change(
        tmp_path,
        "status:\n  value: ended\n",
        "status:\n  value: active\n",
    )
    path = content / VOORBEELD
    text = path.read_text(encoding="utf-8")
    text = text.replace('ended:\n  date: "2020-06"\n  sources: [bron-b]\n', "")
    # The fixture says what came after its end: with a running status, that contradicts.
    assert "after_end:\n" in text
    path.write_text(text, encoding="utf-8")
    found = [p for p in run_check(content, tmp_path, WHEN).problems if p.field == "after_end"]
    assert [p.text("en") for p in found] == [
        "content/covenants/voorbeeld.yaml:91: warning: after_end: 'after_end' describes what came "
        "after the end, but the status is 'active' (running): remove 'after_end', or change the "
        "status"
    ]


def test_an_empty_group_is_warned_about(tmp_path: Path) -> None:
    content = with_change(
        tmp_path,
        "complaints:\n  nl: Klachten gaan naar de klachtencommissie.\n"
        "  en: Complaints go to the complaints committee.\n",
        "complaints:\n",
    )
    assert lines(tmp_path, content, "nl") == [
        "content/covenants/voorbeeld.yaml:47: waarschuwing: complaints: 'complaints' is leeg: "
        "schrijf de regels eronder, of zet er een '#' voor"
    ]


def test_check_speaks_dutch_by_default_and_english_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = with_change(tmp_path, "url: https://example.org/a", "url: http://example.org/a")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    before = language()
    assert main(["check", "--content", str(content.relative_to(tmp_path))]) == 0
    assert capsys.readouterr().err == (
        "content/covenants/voorbeeld.yaml:59: waarschuwing: eerste bron, url: de link is niet "
        "https: schrijf 'https://example.org/a' als de site dat heeft\n"
        "1 waarschuwing in 1 bestand.\n"
    )
    assert language() == before
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main(["check", "--strict", "--content", "content"]) == 1
    assert capsys.readouterr().err.endswith("1 warning in 1 file; warnings fail with --strict.\n")
    assert main(["check", "--content", "content", "--lang", "nl", "--format", "github"]) == 0
    assert capsys.readouterr().out == (
        "::warning file=content/covenants/voorbeeld.yaml,line=59::eerste bron, url: de link is "
        "niet https: schrijf 'https://example.org/a' als de site dat heeft\n"
    )


def test_check_format_json_gives_every_problem_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with_change(tmp_path, "  - party: fnv\n", "  - party: fvn\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--strict", "--format", "json"]) == 1
    out = capsys.readouterr().out
    report = json.loads(out)
    assert report["errors"] == 1 and report["warnings"] == 0 and report["passed"] is False
    assert report["summary"] == {"nl": "1 fout in 1 bestand.", "en": "1 error in 1 file."}
    (problem,) = report["problems"]
    assert problem["path"] == "content/covenants/voorbeeld.yaml"
    assert problem["line"] == 37
    assert problem["code"] == "unknown-party-close"
    assert problem["params"] == {"close": "fnv", "id": "fvn"}
    assert problem["text"]["nl"] == (
        "content/covenants/voorbeeld.yaml:37: eerste partij, party: er is geen partij 'fvn' in "
        "content/parties.yaml; bedoel je 'fnv'?"
    )
    assert problem["message"]["en"] == "no party 'fvn' in content/parties.yaml; did you mean 'fnv'?"


def test_a_problem_without_a_code_keeps_its_words() -> None:
    problem = Problem("a.yaml", 3, "goals[0]", "only in Dutch: add the English (en)")
    assert problem.text("en") == "a.yaml:3: first goal: only in Dutch: add the English (en)"
    assert problem.text("nl") == "a.yaml:3: eerste doel: only in Dutch: add the English (en)"


def test_the_library_speaks_english_unless_told() -> None:
    assert language() == "en"
    with speaking("nl"):
        assert Problem.of("a.yaml", 1, "(file)", "file-empty").message == "het bestand is leeg"
    assert language() == "en"


def test_the_language_comes_back_when_an_exception_ends_the_block() -> None:
    with pytest.raises(RuntimeError, match="stopped"), speaking("nl"):
        assert language() == "nl"
        with speaking("en"):
            assert Problem.of("a.yaml", 1, "(file)", "file-empty").message == "the file is empty"
        assert language() == "nl"
        raise RuntimeError("stopped")
    assert language() == "en"
    with pytest.raises(ValueError, match="no messages in 'de'"), speaking("de"):
        pass  # pragma: no cover
    assert language() == "en"


def test_a_command_that_fails_leaves_the_language_as_it_found_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(args: object) -> int:
        assert language() == "nl"
        raise RuntimeError("disk full")

    monkeypatch.setattr("imvo.cli.cmd_check", broken)
    with pytest.raises(RuntimeError, match="disk full"):  # --debug lets it through
        main(["--debug", "check", "--lang", "nl"])
    assert language() == "en"
