"""Check and build agree; one mistake gives one message, and did-you-mean is bounded."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from bad_content import old_site
from bad_content import run as bad_run
from bad_content import run_build as bad_run_build
from bad_content import snapshot as bad_snapshot

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "content"


# --- 8. Check and build agree --------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda covenants: shutil.rmtree(covenants), "is missing"),
        (
            lambda covenants: (shutil.rmtree(covenants), covenants.write_text("x\n")),
            "is a file, not a folder",
        ),
    ],
)
def test_a_missing_covenants_folder_is_an_error_not_an_empty_site(
    make: Any,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    make(content / "covenants")
    expected = (
        f"content/covenants:1: (folder): the folder of covenant files {message}; make it and "
        "put the covenant files in it"
    )
    before = old_site(tmp_path)
    for args in (["check"], ["build", "--no-pdf"]):
        result = bad_run(tmp_path, [*args, "--content", "content"], monkeypatch, capsys)
        assert (result.code, result.err.splitlines()) == (1, [expected, "1 error in 1 file."])
    assert bad_snapshot(tmp_path / "site") == before


@pytest.mark.parametrize(
    "date",
    ["1900-01-01", "2100-12-31", "1900", "2100-12", "2016-02-29"],
)
def test_every_date_check_accepts_builds(
    date: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    covenant = content / "covenants" / "voorbeeld.yaml"
    text = covenant.read_text("utf-8")
    for old in ('  date: "2020-06"', '  date: "2016-08"'):
        text = text.replace(old, f'  date: "{date}"')
    text = text.replace('  date: "2016-07-04"', '  date: "1900-01-01"')
    text = text.replace('- date: "2016-07-05"', '- date: "1900-01-02"')
    covenant.write_text(text, encoding="utf-8")
    checked = bad_run(tmp_path, ["check", "--content", "content"], monkeypatch, capsys)
    assert "error" not in checked.err, checked.err
    built = bad_run_build(tmp_path, monkeypatch, capsys)
    assert built.code == 0, built.err


# --- 9. One mistake, one message; a bounded did-you-mean ----------------------------------


def test_one_wrong_kind_in_parties_yaml_is_one_annotation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    for index in range(12):  # more covenants, all naming the party with the wrong kind
        shutil.copyfile(
            content / "covenants" / "voorbeeld.yaml", content / "covenants" / f"c-{index}.yaml"
        )
    parties = content / "parties.yaml"
    parties.write_text(
        parties.read_text("utf-8").replace("kind: trade_union", "kind: vakbond"), "utf-8"
    )
    github = bad_run(tmp_path, ["check", "--format", "github"], monkeypatch, capsys)
    assert github.out.splitlines() == [
        "::error file=content/parties.yaml,line=5::first party, kind: expected one of trade_union, "
        "ngo, government, sector_association, company, facilitator, knowledge_institute; got "
        "'vakbond'"
    ]
    # An id that really is unknown is still reported, with its hint, beside the cause.
    covenant = content / "covenants" / "c-0.yaml"
    covenant.write_text(covenant.read_text("utf-8").replace("party: fnv", "party: fvn"), "utf-8")
    text = bad_run(tmp_path, ["check"], monkeypatch, capsys)
    assert text.err.splitlines() == [
        "content/covenants/c-0.yaml:37: first party, party: no party 'fvn' in "
        "content/parties.yaml; did you mean 'fnv'?",
        "content/parties.yaml:5: first party, kind: expected one of trade_union, ngo, government, "
        "sector_association, company, facilitator, knowledge_institute; got 'vakbond'",
        "2 errors in 2 files.",
    ]


def test_did_you_mean_among_many_names_compares_few_and_still_finds_typos(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import difflib
    import random
    import string

    from imvo.validate import hints as validate

    rng = random.Random(3)
    names = {
        "".join(rng.choices(string.ascii_lowercase, k=rng.randint(6, 12))) for _ in range(20_000)
    }
    names |= {"fnv", "cnv-vakmensen", "mvo-nederland", "oxfam-novib"}
    compared: list[int] = []
    real = difflib.get_close_matches

    def counting(word: str, possibilities: list[str], n: int = 3) -> list[str]:
        compared.append(len(possibilities))
        return real(word, possibilities, n=n)

    monkeypatch.setattr(validate.difflib, "get_close_matches", counting)
    hints = validate.NameHints(names)
    cases = {
        "fvn": "fnv",  # two letters swapped
        "cnv-vakmense": "cnv-vakmensen",  # one too few
        "mvo-nederlandd": "mvo-nederland",  # one too many
        "oxfam-nouib": "oxfam-novib",  # one wrong
        "ncv-vakmensen": "cnv-vakmensen",  # the first two swapped
    }
    for typo, meant in cases.items():
        assert hints.closest(typo) == meant
    assert hints.closest("zzzzzzzzzzzzzzzzzzzz") is None
    assert max(compared) < 100  # not 20,000
    small = validate.NameHints({"fnv", "ser", "branche"})
    assert small.closest("brance") == "branche"
