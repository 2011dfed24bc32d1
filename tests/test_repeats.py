"""Tests of imvo/validate/repeats.py: an entry listed twice is said on its line, not shown
and counted twice."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from imvo.editors.check import run_check

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"
COVENANT = "content/covenants/voorbeeld.yaml"


def _checked(tmp_path: Path, old: str, new: str) -> list[str]:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES, content)
    path = content / "covenants" / "voorbeeld.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return [p.text("nl") for p in run_check(content, tmp_path, date(2026, 11, 30)).problems]


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            "  - party: ser\n",
            "  - party: fnv\n    role: signatory\n    sources: [bron-a]\n  - party: ser\n",
            f"{COVENANT}:40: tweede partij, party: partij 'fnv' staat al op regel 37; noem elke "
            "partij één keer, met één rol",
        ),
        (
            "risks: [living_wage, child_labour]\n",
            "risks: [living_wage, child_labour, living_wage]\n",
            f"{COVENANT}:35: derde risico: 'living_wage' staat al eerder in deze lijst "
            "(regel 35); haal hem hier weg",
        ),
        (
            "  - nl: Een leefbaar loon.\n    en: A living wage.\n",
            "  - nl: Een leefbaar loon.\n    en: A living wage.\n"
            "  - nl: Een leefbaar loon.\n    en: A living wage.\n",
            f"{COVENANT}:34: tweede doel: dit onderdeel staat precies zo al op regel 32; haal een "
            "van de twee weg",
        ),
    ],
)
def test_an_entry_listed_twice_is_said_on_its_line(
    tmp_path: Path, old: str, new: str, said: str
) -> None:
    assert _checked(tmp_path, old, new) == [said]
