"""Dates and status words in each language's own way, and complete string files."""

from __future__ import annotations

import pytest

from imvo.model.dates import PartialDate
from imvo.render.i18n import Translator, format_months, format_partial_date, missing_keys


@pytest.mark.parametrize(
    ("date", "lang", "expected"),
    [
        (PartialDate(2016, 7, 4), "nl", "4 juli 2016"),
        (PartialDate(2016, 7, 4), "en", "4 July 2016"),
        (PartialDate(2020, 6), "nl", "juni 2020"),
        (PartialDate(2020, 6), "en", "June 2020"),
        (PartialDate(2019), "nl", "2019"),
        (PartialDate(2019), "en", "2019"),
    ],
)
def test_dates_are_written_the_way_each_language_writes_them(
    date: PartialDate, lang: str, expected: str
) -> None:
    assert format_partial_date(date, lang) == expected


@pytest.mark.parametrize(
    ("date", "lang", "expected"),
    [
        (PartialDate(2016, 7, 4), "nl", "op 4 juli 2016"),
        (PartialDate(2016, 7, 4), "en", "on 4 July 2016"),
        (PartialDate(2020, 6), "nl", "in juni 2020"),
        (PartialDate(2020, 6), "en", "in June 2020"),
    ],
)
def test_dates_take_the_right_preposition(date: PartialDate, lang: str, expected: str) -> None:
    assert Translator(lang).on_date(date) == expected


@pytest.mark.parametrize(
    ("months", "lang", "expected"),
    [
        (36, "nl", "3 jaar"),
        (66, "nl", "5,5 jaar"),
        (66, "en", "5.5 years"),
        (12, "en", "1 year"),
        (40, "en", "40 months"),
    ],
)
def test_terms(months: int, lang: str, expected: str) -> None:
    assert format_months(months, lang) == expected


def test_every_string_exists_in_both_languages() -> None:
    assert missing_keys() == {}


def test_a_missing_string_names_its_key() -> None:
    with pytest.raises(KeyError) as error:
        Translator("en")("no.such.key")
    assert error.value.args[0] == "no UI string 'no.such.key' for language 'en'"
