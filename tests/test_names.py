"""Tests of imvo/participants/names.py: the one normal form of names (NFC, case, accents, legal
forms),
the characters that cannot be seen, and the cleaning of pasted text."""

from __future__ import annotations

import unicodedata

import pytest

from imvo.participants import names

COMPOSED = "\u00c9b\u00e8ne Mode"  # É and è as one character each
DECOMPOSED = "E\u0301be\u0300ne Mode"  # E and e with a combining accent


def test_composed_and_decomposed_accents_are_the_same_name() -> None:
    assert COMPOSED != DECOMPOSED
    assert names.same(COMPOSED) == names.same(DECOMPOSED) == COMPOSED
    assert names.key(DECOMPOSED) == names.key(COMPOSED.upper()) == "\u00e9b\u00e8ne mode"
    assert names.normal(DECOMPOSED) == names.normal(COMPOSED) == "ebene mode"
    assert names.sort_key(DECOMPOSED) == names.sort_key(COMPOSED)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Stichting Pensioenfonds ABP", ("pensioenfonds", "abp")),
        ("Co\u00f6peratieve Rabobank U.A.", ("rabobank",)),
        ("ABN\u00a0AMRO Bank N.V.", ("abn", "amro", "bank")),
    ],
)
def test_words_leave_out_case_accents_and_legal_forms(name: str, expected: tuple[str, ...]) -> None:
    assert names.words(name) == expected


def test_the_words_of_one_name_in_a_row_in_another() -> None:
    abp = names.words("ABP")
    assert names.contains(names.words("Pensioenfonds ABP"), abp)
    assert not names.contains(names.words("ABP Pensioenfonds Zorg"), names.words("ABP Zorg"))
    assert not names.contains(abp, names.words("Pensioenfonds ABP"))
    assert not names.contains(abp, ())


@pytest.mark.parametrize(
    ("text", "place", "described"),
    [
        ("ABN\u200bAMRO", 3, "zero-width space, U+200B"),
        ("\u202eABN", 0, "right-to-left override, U+202E"),
        ("ABN\u2066", 3, "left-to-right isolate, U+2066"),
        ("Bank\n", 4, "new line, U+000A"),
        ("Bank\t2", 4, "tab, U+0009"),
        ("Ba\u00adnk", 2, "soft hyphen, U+00AD"),
        ("\ufeffBank", 0, "zero-width no-break space, U+FEFF"),
        ("Bank\u3164", 4, "hangul filler, U+3164"),
        ("Bank\u2028", 4, "line separator, U+2028"),
        ("Bank\x85", 4, "next line, U+0085"),
        ("Bank\x01", 4, "control character, U+0001"),
    ],
)
def test_a_character_that_cannot_be_seen_is_found_and_named(
    text: str, place: int, described: str
) -> None:
    found = names.invisible(text)
    assert found is not None
    assert found[0] == place
    assert names.describe(found[1]) == described


@pytest.mark.parametrize(
    "text", ["ABN AMRO", COMPOSED, DECOMPOSED, "ABN\u00a0AMRO", "Zeeman & Co", "\u0130stanbul"]
)
def test_visible_names_pass(text: str) -> None:
    assert names.invisible(text) is None


def test_the_text_before_a_place_leaves_out_what_cannot_be_seen() -> None:
    assert names.before("A\u200bB\u200bC", 3) == "AB"
    assert names.before("x" * 40, 40) == "\u2026" + "x" * 30


def test_pasted_text_is_made_plain_quotes_spaces_and_all() -> None:
    pasted = "\ufeff  \u201cDe\u00a0Volksbank\u201d\u2002N.V.\u200b \u2018s-Hertogenbosch\u2019\t"
    assert names.tidy(pasted) == "\"De Volksbank\" N.V. 's-Hertogenbosch'"
    assert names.tidy("\u201cBpfBOUW\u201d") == "BpfBOUW"
    assert names.tidy(DECOMPOSED) == COMPOSED
    assert unicodedata.is_normalized("NFC", names.tidy(DECOMPOSED))


def test_tidy_keeps_an_override_for_the_check_to_refuse() -> None:
    assert names.invisible(names.tidy("ABN\u202eAMRO")) == (3, "\u202e")
