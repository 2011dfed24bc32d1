"""Tests of imvo/load/: every broken file of tests/bad-content/ found by the loader gives
one clear line, exit code 1, no traceback, and leaves an existing site as it was."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from bad_content import (
    BAD,
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

from imvo.load import MAX_FILE_BYTES, read_yaml
from imvo.model.positions import Positions, field_name

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", cases("load"))
def test_broken_file_is_refused_with_one_line(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused(tmp_path, name, monkeypatch, capsys)


@pytest.mark.parametrize("name", cases("load"))
def test_read_yaml_gives_the_problem_without_data(name: str) -> None:
    loaded, problems = read_yaml(BAD / name, f"content/covenants/{name}")
    assert loaded is None
    assert [p.text() for p in problems] == [TABLE[name]["expected"]]


def test_valid_file_has_the_line_of_every_value() -> None:
    loaded, problems = read_yaml(FIXTURE / "covenants" / "voorbeeld.yaml", "voorbeeld.yaml")
    assert problems == []
    assert loaded is not None
    assert loaded.data["signed"]["date"] == "2016-07-04"
    assert loaded.lines[("signed", "date")] == 14
    assert loaded.lines[("parties", 2, "date")] == 45
    assert loaded.line_of(("parties", 2, "note")) == 43
    assert loaded.line_of(("nothing", "here")) == 1


def test_loaded_file_keeps_its_lines_as_the_models_positions() -> None:
    # One implementation of "the line of a value": the loader's lines are the Positions that
    # travel with the content (Corpus.positions), not a copy with its own lookup.
    loaded, _ = read_yaml(FIXTURE / "covenants" / "voorbeeld.yaml", "voorbeeld.yaml")
    assert loaded is not None
    assert isinstance(loaded.positions, Positions)
    assert loaded.positions.path == loaded.path == "voorbeeld.yaml"
    for where in [("signed", "date"), ("parties", 2, "note"), ("nothing", "here"), ()]:
        assert loaded.line_of(where) == loaded.positions.line_of(where)
    problem = loaded.problem(("parties", 2, "note"), "required")
    assert problem.text("en") == "voorbeeld.yaml:43: third party, note: this field is required"


def test_field_name_reads_like_the_file() -> None:
    assert field_name(("parties", 3, "role")) == "parties[3].role"
    assert field_name(()) == "(file)"


@pytest.mark.parametrize("name", ["alias-bomb.yaml", "deep-nesting.yaml"])
def test_bombs_are_refused_fast_and_small(name: str) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    loaded, problems = read_yaml(BAD / name, name)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert loaded is None
    assert len(problems) == 1
    assert seconds < 1.0
    assert peak < 20_000_000


def test_bigger_alias_bomb_is_refused_fast(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["' + "x" * 1000 + '"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 40)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    loaded, problems = read_yaml(path, "bomb.yaml")
    assert time.perf_counter() - started < 1.0
    assert loaded is None
    assert [p.text() for p in problems] == [
        "bomb.yaml:2: (file): anchors and aliases (& and *) are not allowed in content files; "
        "write the value out in full"
    ]


def test_deep_block_indentation_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("".join(" " * i + f"k{i}:\n" for i in range(300)) + " " * 300 + "x: 1\n")
    loaded, problems = read_yaml(path, "deep.yaml")
    assert loaded is None
    assert [p.text() for p in problems] == [
        "deep.yaml:202: (file): the line is indented too deeply (more than 200)"
    ]


def huge_file(tmp_path: Path) -> Path:
    """A covenant file of 10 MB: the fixture covenant with a summary padded out."""
    text = (FIXTURE / "covenants" / "voorbeeld.yaml").read_text("utf-8")
    padding = "  nl: " + "Een heel lang verhaal. " * 450_000 + "\n"
    path = tmp_path / "content" / "covenants" / "huge.yaml"
    path.write_text(text.replace("  nl: Een convenant om de fixture te testen.\n", padding))
    assert path.stat().st_size > 10_000_000
    return path


def test_huge_file_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(FIXTURE, tmp_path / "content")
    path = huge_file(tmp_path)
    size = path.stat().st_size
    before = old_site(tmp_path)
    expected = (
        f"content/covenants/huge.yaml:1: (file): the file is {size / 1_000_000:.1f} MB; "
        f"a content file may be at most {MAX_FILE_BYTES // 1_000_000} MB"
    )
    started = time.perf_counter()
    checked = run(tmp_path, ["check", "--content", "content"], monkeypatch, capsys)
    assert time.perf_counter() - started < 5
    assert checked.code == 1
    assert checked.err.splitlines() == [expected, "1 error in 1 file."]
    built = run_build(tmp_path, monkeypatch, capsys)
    assert built.code == 1
    assert built.err.splitlines()[0] == expected
    assert snapshot(tmp_path / "site") == before


def test_real_process_exits_1_without_traceback(tmp_path: Path) -> None:
    content_with(tmp_path, "unclosed-quote.yaml")
    before = old_site(tmp_path)
    for command in (["check"], ["build", "--no-pdf"]):
        result = subprocess.run(
            [
                sys.executable,
                str(ROOT / "build.py"),
                *command,
                "--content",
                "content",
                "--lang",
                "en",
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            env={
                "PYTHONPATH": str(ROOT),
                "PATH": "/usr/bin:/bin",
                "SOURCE_DATE_EPOCH": "1763683200",
            },
        )
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.splitlines() == [
            TABLE["unclosed-quote.yaml"]["expected"],
            "1 error in 1 file.",
        ]
    assert snapshot(tmp_path / "site") == before


# --- what YAML reads otherwise than typed, and reading past a syntax error -----------------


def _checked(tmp_path: Path, old: str, new: str) -> list[str]:
    """What check says, in Dutch, after one change to the fixture covenant."""
    from datetime import date

    from imvo.editors.check import run_check

    root = tmp_path / f"try-{len(list(tmp_path.iterdir()))}"
    content = root / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "covenants" / "voorbeeld.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return [p.text("nl") for p in run_check(content, root, date(2026, 11, 30)).problems]


COVENANT = "content/covenants/voorbeeld.yaml"


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            "    title: Bron B\n",
            "    title: Testconvenant #2 ondertekend\n",
            f"{COVENANT}:61: tweede bron, title: YAML leest alles vanaf ' #' als opmerking, dus "
            "hier staat alleen 'Testconvenant'; zet de hele tekst tussen aanhalingstekens: "
            '"Testconvenant #2 ondertekend"',
        ),
        (
            "    title: Bron B\n",
            "    title: No\n",
            f"{COVENANT}:61: tweede bron, title: YAML leest No zonder aanhalingstekens als "
            'ja/nee-waarde (false), niet als tekst; zet het tussen aanhalingstekens: "No"',
        ),
        (
            "  - name: Jan Voorbeeld\n",
            "  - name: on\n",
            f"{COVENANT}:69: eerste voorzitter, name: YAML leest on zonder aanhalingstekens als "
            'ja/nee-waarde (true), niet als tekst; zet het tussen aanhalingstekens: "on"',
        ),
        (
            "    title: Bron B\n",
            "    title: 2024\n",
            f"{COVENANT}:61: tweede bron, title: YAML leest 2024 zonder aanhalingstekens als "
            'getal, niet als tekst; zet het tussen aanhalingstekens: "2024"',
        ),
        (
            "  months: 36\n",
            "  months: 036\n",
            f"{COVENANT}:26: term, months: YAML leest 036 als het getal 30; schrijf het getal "
            "zonder nul ervoor en zonder ':', zoals je het bedoelt",
        ),
        (
            '  date: "2016-08"\n',
            "  date: \u201c2016-08\u201d\n",
            f"{COVENANT}:20: in_force, date: Word-aanhalingstekens zijn voor YAML gewone "
            'letters: typ rechte aanhalingstekens: "2016-08"',
        ),
        (
            "  months: 36\n",
            "\u00a0\u00a0months: 36\n",
            f"{COVENANT}:26: term, months: deze regel springt in met vaste spaties (uit Word of "
            "een andere tekstverwerker); YAML ziet die niet als spaties: typ gewone spaties",
        ),
        (
            "    title: Bron B\n",
            "    title\u00a0: Bron B\n",
            f"{COVENANT}:61: tweede bron, title: in de veldnaam 'title' staat een vaste spatie "
            "(uit Word of een andere tekstverwerker); haal hem weg",
        ),
        (
            "  - id: bron-b\n",
            "  -\u00a0id: bron-b\n",
            f"{COVENANT}:60: tweede bron, id: na de '-' staat een vaste spatie (uit Word of een "
            "andere tekstverwerker); YAML ziet die niet als spatie: typ een gewone spatie",
        ),
    ],
)
def test_what_yaml_reads_otherwise_than_typed_is_said_on_its_line(
    tmp_path: Path, old: str, new: str, said: str
) -> None:
    assert _checked(tmp_path, old, new) == [said]


def test_a_comment_meant_as_one_and_quotes_in_a_text_are_left_alone(tmp_path: Path) -> None:
    assert _checked(tmp_path, "  months: 36\n", "  months: 36  # vijf jaar was gepland\n") == []
    quoted = "  nl: \u201cEerlijk werk\u201d, zei de voorzitter.\n"
    assert _checked(tmp_path, "  - nl: Een leefbaar loon.\n", "  - " + quoted.lstrip()) == []


def test_check_reads_on_after_syntax_errors_and_names_each_with_its_one_cause(
    tmp_path: Path,
) -> None:
    said = _checked(
        tmp_path,
        "  - id: bron-b\n    title: Bron B\n",
        "  - id: bron-b\n    title: Bron B: het verslag\n- id: bron-c\n  title: Bron C\n",
    )
    fixed = _checked(tmp_path, "    title: Bron B\n", '    title: "Bron B: het verslag"\n')
    assert fixed == []
    assert said == [
        f"{COVENANT}:61: (bestand): de tekst na 'title:' bevat een ':' en staat niet tussen "
        "aanhalingstekens; zet de hele tekst tussen aanhalingstekens: "
        'title: "Bron B: het verslag"',
        f"{COVENANT}:62: (bestand): deze '- id:' hoort onder 'sources:' op regel 55: laat de "
        "regel met 2 spaties beginnen, zoals de andere onderdelen daar",
    ]
    # The rest of the file is still checked: a mistake further down is named in the same run.
    later = _checked(
        tmp_path,
        "  - id: bron-b\n    title: Bron B\n",
        "  - id: bron-b\n    title: Bron B: het verslag\n    url: www.example.org\n",
    )
    assert later == [
        f"{COVENANT}:61: (bestand): de tekst na 'title:' bevat een ':' en staat niet tussen "
        "aanhalingstekens; zet de hele tekst tussen aanhalingstekens: "
        'title: "Bron B: het verslag"',
        f"{COVENANT}:62: tweede bron, url: schrijf een webadres dat met https:// begint, zoals "
        "'https://www.ser.nl/...' (of mailto:); er staat 'www.example.org'",
    ]


def test_one_mistake_in_the_syntax_is_one_message_not_one_a_line(tmp_path: Path) -> None:
    no_space = _checked(
        tmp_path, "  nl: Een convenant om de fixture te testen.\n", "  nl:Een convenant.\n"
    )
    assert no_space == [
        f"{COVENANT}:29: (bestand): na 'nl:' hoort een spatie; typ een spatie na de ':'"
    ]
    unclosed = _checked(tmp_path, "name:\n  nl: Convenant", 'name:\n  nl: "Convenant')
    assert unclosed == [
        f"{COVENANT}:2: (bestand): het aanhalingsteken op deze regel wordt niet gesloten; sluit "
        "de tekst af met hetzelfde aanhalingsteken"
    ]


def test_a_word_space_inside_a_value_is_named_never_shown_as_an_escape(tmp_path: Path) -> None:
    said = _checked(
        tmp_path, "    url: https://example.org/a\n", "    url: https://example.org/a\u00a0\n"
    )
    assert said == [
        f"{COVENANT}:59: eerste bron, url: in 'https://example.org/a' staat een vaste spatie "
        "(uit Word of een andere tekstverwerker) waar die niet hoort; haal hem weg of typ een "
        "gewone spatie"
    ]
    assert "\\xa0" not in said[0]
