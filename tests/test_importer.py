"""Tests of imvo/editors/importer.py (build.py import-participants): a pasted list or a CSV added to
a
participants file in its own style, only the new entries in the diff, exact messages, and an
input with a mistake that changes nothing."""

from __future__ import annotations

import difflib
import io
import shutil
import sys
from pathlib import Path

import pytest
from build_options import MOMENT

from imvo.cli import main
from imvo.editors.check import run_check
from imvo.model.content import ParticipantList
from imvo.validate import load_content

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"
REAL_FILES = sorted((ROOT / "content" / "participants").glob("*.yaml"))
URL = "https://example.org/officiele-lijst"
TITLE = "Officiële lijst van deelnemers"


def _copy_real_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


def _import(
    tmp_path: Path,
    args: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stdin: bytes | None = None,
    lang: str = "nl",
) -> tuple[int, str, str]:
    monkeypatch.chdir(tmp_path)
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    capsys.readouterr()
    code = main(
        [
            "import-participants",
            *args,
            "--source-url",
            URL,
            "--source-title",
            TITLE,
            "--lang",
            lang,
        ]
    )
    out, err = capsys.readouterr()
    return code, out, err


def _errors(content: Path) -> list[str]:
    return [p.text() for p in run_check(content, content.parent, MOMENT.date()).errors]


CSV = (
    "naam;officiële naam;aangesloten\n"
    "Zwaluw Testfonds;Stichting Zwaluw Testfonds;2019-03-01\n"
    "\u201cKwartel Testbedrijf\u201d;;2020\n"
    "Merel\u00a0Testorganisatie;Merel Testorganisatie B.V.;\n"
)


@pytest.mark.parametrize("path", REAL_FILES, ids=[p.stem for p in REAL_FILES])
def test_an_import_into_every_participants_file_adds_only_the_new_entries(
    path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    content = _copy_real_content(tmp_path)
    target = content / "participants" / path.name
    before = target.read_text("utf-8")
    old = ParticipantList.model_validate(load_content(content).participants[path.stem])
    (tmp_path / "lijst.csv").write_text(CSV, "utf-8")

    code, out, err = _import(
        tmp_path, [path.stem, "lijst.csv", "--source-date", "2024-05-01"], monkeypatch, capsys
    )

    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == (
        f"3 namen toegevoegd aan content/participants/{path.stem}.yaml, met bron "
        "'officiele-lijst-van-deelnemers-2024' (nieuw in het bestand); 0 overgeslagen"
    )
    after = target.read_text("utf-8")
    old_lines, new_lines = before.splitlines(), after.splitlines()
    opcodes = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False).get_opcodes()
    # Every line that was there is there, in its order: only lines were inserted. The one
    # exception: an empty list written `participants: []` becomes the list's heading.
    inserted: list[str] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "replace":
            assert old_lines[i1:i2] == ["participants: []"], old_lines[i1:i2]
            assert new_lines[j1] == "participants:"
            inserted += new_lines[j1 + 1 : j2]
        else:
            assert tag in ("equal", "insert")
            inserted += new_lines[j1:j2] if tag == "insert" else []
    assert after.endswith("\n") and after.startswith(before.splitlines()[0])
    new = load_content(content).participants[path.stem]
    # What was inserted is exactly the new source and the three new entries.
    assert new.sources[: len(old.sources)] == old.sources
    [source] = new.sources[len(old.sources) :]
    assert (source.id, source.title, source.url, str(source.published)) == (
        "officiele-lijst-van-deelnemers-2024",
        TITLE,
        URL,
        "2024-05-01",
    )
    assert new.participants[: len(old.participants)] == old.participants
    added = new.participants[len(old.participants) :]
    assert [(p.name, p.legal_name, str(p.joined) if p.joined else None) for p in added] == [
        ("Zwaluw Testfonds", "Stichting Zwaluw Testfonds", "2019-03-01"),
        ("Kwartel Testbedrijf", None, "2020"),
        ("Merel Testorganisatie", "Merel Testorganisatie B.V.", None),
    ]
    assert all(new.sources_of(p) == [source.id] for p in added)
    unchanged = {"sources", "participants"}
    assert new.model_dump(exclude=unchanged) == old.model_dump(exclude=unchanged)
    # The source (4 lines); each entry with its source (3 x 2), two legal names and two dates.
    assert len(inserted) == 4 + 3 * 2 + 2 + 2
    assert _errors(content) == []


def _fixture(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES, content)
    return content


def test_pasted_names_are_cleaned_and_duplicates_reported_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _fixture(tmp_path)
    pasted = (
        "\ufeffVoorbeeld Bank\n"  # there already
        "  \u201cNieuwe\u00a0Bank\u201d  \n"  # Word's quotes and a non-breaking space
        "\n"
        "Voorbeeld Bank Nederland\n"  # its words hold a name that is there
        "E\u0301be\u0300ne Mode B.V.\n"  # decomposed accents and a legal form: there already
        "Nieuwe\u200b Verzekeraar\n"  # a zero-width space from a web page is dropped
        "nieuwe bank\n"  # twice in the input
    ).encode()
    code, out, err = _import(tmp_path, ["voorbeeld", "-"], monkeypatch, capsys, stdin=pasted)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "+ Nieuwe Bank",
        "+ Nieuwe Verzekeraar",
        "- 'Voorbeeld Bank' staat al in het bestand (regel 15); overgeslagen",
        "- 'Voorbeeld Bank Nederland' lijkt op 'Voorbeeld Bank' (regel 15); overgeslagen: is het "
        "een andere organisatie, voeg de naam dan met de hand toe",
        "- '\u00c9b\u00e8ne Mode B.V.' lijkt op '\u00c9b\u00e8ne Mode' (regel 19); overgeslagen: "
        "is het een andere organisatie, voeg de naam dan met de hand toe",
        "- 'nieuwe bank' (regel 7 van de invoer) staat al op regel 2 van de invoer; overgeslagen",
        "2 namen toegevoegd aan content/participants/voorbeeld.yaml, met bron "
        "'officiele-lijst-van-deelnemers' (nieuw in het bestand); 4 overgeslagen",
    ]
    text = (content / "participants" / "voorbeeld.yaml").read_text("utf-8")
    assert text.endswith(
        "  - name: 3D Textiel\n"
        "  - name: Nieuwe Bank\n"
        "    sources: [officiele-lijst-van-deelnemers]\n"
        "  - name: Nieuwe Verzekeraar\n"
        "    sources: [officiele-lijst-van-deelnemers]\n"
    )
    assert _errors(content) == []


def test_the_summary_in_english_and_a_source_that_is_there_is_used_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _fixture(tmp_path)
    path = content / "participants" / "voorbeeld.yaml"
    path.write_text(path.read_text("utf-8").replace("https://example.org/deelnemers", URL), "utf-8")
    code, out, _ = _import(
        tmp_path, ["voorbeeld"], monkeypatch, capsys, stdin=b"Nieuwe Bank\n", lang="en"
    )
    assert code == 0
    assert out.splitlines() == [
        "+ Nieuwe Bank",
        "1 name added to content/participants/voorbeeld.yaml, with source 'lijst'; 0 skipped",
    ]
    # The file's default source is the list: the new entry needs no sources of its own.
    assert path.read_text("utf-8").endswith("  - name: 3D Textiel\n  - name: Nieuwe Bank\n")


def test_an_input_with_a_mistake_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _fixture(tmp_path)
    path = content / "participants" / "voorbeeld.yaml"
    before = path.read_bytes()
    (tmp_path / "lijst.csv").write_text(
        "name,joined,website\n"
        "Goede Naam,2019,https://example.org\n"
        "Slechte Datum,31-2-2019,\n"
        "\u202eOmgekeerd,,\n"
        ",2020,\n"
        "Geen Adres,,javascript:alert(1)\n",
        "utf-8",
    )
    code, out, err = _import(tmp_path, ["voorbeeld", "lijst.csv"], monkeypatch, capsys, lang="en")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "lijst.csv:3: joined: this value is wrong: expected a date as YYYY-MM-DD, YYYY-MM or "
        "YYYY; got '31-2-2019'",
        "lijst.csv:4: name: there is an invisible character (right-to-left override, U+202E) at "
        "the start; remove it (type this part again, do not paste it from a web page or word "
        "processor)",
        "lijst.csv:5: (file): this line has no name in the column 'name'; fill it in or remove "
        "the line",
        "lijst.csv:6: website: this value is wrong: expected a web address starting with "
        "https:// (or mailto:); got 'javascript:alert(1)'",
        "nothing imported; the file is unchanged",
    ]
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "stdin", "expected"),
    [
        (
            ["kunststof"],
            b"Een Naam\n",
            [
                "(import):1: covenant: no covenant 'kunststof' in content/covenants/; use the "
                "covenant's file name without .yaml, like 'banken'"
            ],
        ),
        (
            ["voorbeeld"],
            b"\n  \n",
            [
                "(stdin):1: (file): the input holds no names: paste one name per line, or a CSV "
                "with a column 'name' (or 'naam')"
            ],
        ),
        (
            ["voorbeeld", "--source-date", "2024-13-01"],
            b"Een Naam\n",
            [
                "(import):1: --source-date: this value is wrong: 2024-13-01 is not a real date: "
                "there is no month 13"
            ],
        ),
    ],
)
def test_wrong_options_are_one_line_each(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    stdin: bytes,
    expected: list[str],
) -> None:
    content = _fixture(tmp_path)
    before = {p: p.read_bytes() for p in content.rglob("*") if p.is_file()}
    code, out, err = _import(tmp_path, args, monkeypatch, capsys, stdin=stdin, lang="en")
    assert (code, out) == (1, "")
    assert err.splitlines() == [*expected, "nothing imported; the file is unchanged"]
    assert {p: p.read_bytes() for p in content.rglob("*") if p.is_file()} == before


def test_a_file_in_another_style_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _fixture(tmp_path)
    path = content / "participants" / "voorbeeld.yaml"
    styled = (
        "# vim: set ft=yaml:\r\n"
        "sources:\r\n"
        "- id: lijst\r\n"
        "  title: 'Lijst'\r\n"
        "participants:\r\n"
        "- name: 'Eerste'\r\n"
        "  joined: '2016'\r\n"
        "  sources:\r\n"
        "    - lijst\r\n"
        "\r\n"
        "# the end\r\n"
    )
    path.write_bytes(styled.encode())
    csv_text = "name,joined\nTweede: met dubbele punt,2017-05\n"
    code, _out, err = _import(
        tmp_path, ["voorbeeld", "-"], monkeypatch, capsys, stdin=csv_text.encode()
    )
    assert (code, err) == (0, "")
    assert path.read_bytes().decode() == (
        "# vim: set ft=yaml:\r\n"
        "sources:\r\n"
        "- id: lijst\r\n"
        "  title: 'Lijst'\r\n"
        "- id: officiele-lijst-van-deelnemers\r\n"
        "  title: 'Officiële lijst van deelnemers'\r\n"
        f"  url: {URL}\r\n"
        "participants:\r\n"
        "- name: 'Eerste'\r\n"
        "  joined: '2016'\r\n"
        "  sources:\r\n"
        "    - lijst\r\n"
        "- name: 'Tweede: met dubbele punt'\r\n"
        "  joined: '2017-05'\r\n"
        "  sources:\r\n"
        "    - officiele-lijst-van-deelnemers\r\n"
        "\r\n"
        "# the end\r\n"
    )
    assert _errors(content) == []


def test_a_covenant_without_a_participants_file_gets_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _fixture(tmp_path)
    (content / "participants" / "voorbeeld.yaml").unlink()
    code, _out, err = _import(tmp_path, ["voorbeeld"], monkeypatch, capsys, stdin=b"Een\nTwee\n")
    assert (code, err) == (0, "")
    assert (content / "participants" / "voorbeeld.yaml").read_text("utf-8") == (
        "# yaml-language-server: $schema=../../schema/participants.schema.json\n"
        "sources:\n"
        "  - id: officiele-lijst-van-deelnemers\n"
        "    title: Officiële lijst van deelnemers\n"
        f"    url: {URL}\n"
        "participants:\n"
        "  - name: Een\n"
        "    sources: [officiele-lijst-van-deelnemers]\n"
        "  - name: Twee\n"
        "    sources: [officiele-lijst-van-deelnemers]\n"
    )
    assert _errors(content) == []


def test_nothing_new_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _fixture(tmp_path)
    path = content / "participants" / "voorbeeld.yaml"
    before = path.read_bytes()
    code, out, _ = _import(
        tmp_path, ["voorbeeld"], monkeypatch, capsys, stdin=b"3d textiel\n", lang="en"
    )
    assert code == 0
    assert out.splitlines()[-1] == (
        "nothing added to content/participants/voorbeeld.yaml: every name was there already or "
        "looks like one that is; 1 skipped"
    )
    assert path.read_bytes() == before


def test_a_new_source_id_is_whole_words_and_free() -> None:
    from imvo.editors.importer import source_id_for

    title = "RI Agreement signed, implementation starts now"
    assert source_id_for(title, None, set()) == "ri-agreement-signed-implementation"
    assert source_id_for(title, "2018-12", {"ri-agreement-signed-implementation-2018"}) == (
        "ri-agreement-signed-implementation-2018-2"
    )
    assert source_id_for("«»", None, set()) == "bron"


def test_a_short_name_inside_a_longer_one_is_a_near_duplicate_both_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fixture(tmp_path)
    pasted = b"Textiel\nPensioenfonds ABP\nABP\n"
    code, out, _ = _import(tmp_path, ["voorbeeld"], monkeypatch, capsys, stdin=pasted, lang="en")
    assert code == 0
    assert out.splitlines() == [
        "+ Pensioenfonds ABP",
        "- 'Textiel' looks like '3D Textiel' (line 23); skipped: if it is another organisation, "
        "add it by hand",
        "- 'ABP' (line 3 of the input) looks like 'Pensioenfonds ABP' (line 2 of the input); "
        "skipped: if it is another organisation, add it by hand",
        "1 name added to content/participants/voorbeeld.yaml, with source "
        "'officiele-lijst-van-deelnemers' (new in the file); 2 skipped",
    ]


def test_a_participants_file_that_is_a_link_is_neither_read_nor_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _fixture(tmp_path)
    outside = tmp_path / "elders.yaml"
    path = content / "participants" / "voorbeeld.yaml"
    path.rename(outside)
    path.symlink_to(outside)
    before = outside.read_bytes()
    code, out, err = _import(
        tmp_path, ["voorbeeld"], monkeypatch, capsys, stdin=b"Een\n", lang="en"
    )
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "content/participants/voorbeeld.yaml:1: (file): this is a symbolic link; the build reads "
        "only ordinary files inside the content folder, so that a link cannot publish a file from "
        "elsewhere: put the file itself here",
        "nothing imported; the file is unchanged",
    ]
    assert outside.read_bytes() == before and path.is_symlink()
