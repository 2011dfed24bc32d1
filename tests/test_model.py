"""The content model: dates with their precision, bilingual texts, URLs, unknown keys."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from imvo.model.content import ENDED_STATUSES, Covenant, Status, Text, check_url
from imvo.model.dates import PartialDate, parse_partial_date


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2016-07-04", PartialDate(2016, 7, 4), "day"),
        ("2020-06", PartialDate(2020, 6), "month"),
        ("2019", PartialDate(2019), "year"),
        (2019, PartialDate(2019), "year"),
    ],
)
def test_dates_keep_their_precision(text: str | int, expected: PartialDate, precision: str) -> None:
    date = parse_partial_date(text)
    assert date == expected
    assert date.precision == precision
    assert date.iso() == str(text)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2016-13-45", "2016-13-45 is not a real date: there is no month 13"),
        ("2021-02-29", "2021-02-29 is not a real date: month 2 has 28 days"),
        (
            "4 juli 2016",
            "expected a date as YYYY-MM-DD, YYYY-MM or YYYY; got '4 juli 2016': "
            'write "2016-07-04"',
        ),
        ("juli 2016x", "expected a date as YYYY-MM-DD, YYYY-MM or YYYY; got 'juli 2016x'"),
        (
            201607,
            "expected a date as YYYY-MM-DD, YYYY-MM or YYYY; got 201607 (write the date in quotes)",
        ),
        (True, "expected a date as YYYY-MM-DD, YYYY-MM or YYYY; got True"),
        (
            2016.07,
            "expected a date as YYYY-MM-DD, YYYY-MM or YYYY; got 2016.07 "
            "(write the date in quotes)",
        ),
    ],
)
def test_impossible_dates_are_refused(value: object, message: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_partial_date(value)
    assert str(error.value) == message


def test_partial_dates_span_their_period() -> None:
    assert PartialDate(2020, 6).earliest() == (2020, 6, 1)
    assert PartialDate(2020, 6).latest() == (2020, 6, 30)
    assert PartialDate(2020).latest() == (2020, 12, 31)
    assert PartialDate(2024, 2).latest() == (2024, 2, 29)


def test_text_needs_both_languages() -> None:
    with pytest.raises(ValidationError) as error:
        Text.model_validate({"nl": "Hallo"})
    assert [(e["loc"], e["type"]) for e in error.value.errors()] == [(("en",), "missing")]
    assert Text(nl="Hallo", en="Hello").get("en") == "Hello"


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.org", "www.ser.nl"]
)
def test_only_web_and_mail_addresses_are_accepted(url: str) -> None:
    with pytest.raises(ValueError) as error:
        check_url(url)
    assert str(error.value) == (
        f"expected a web address starting with https:// (or mailto:); got {url!r}"
    )


def test_web_and_mail_addresses_pass() -> None:
    assert check_url("https://www.ser.nl/nl") == "https://www.ser.nl/nl"
    assert check_url("mailto:info@example.org") == "mailto:info@example.org"


def test_unknown_keys_are_errors() -> None:
    data = {
        "name": {"nl": "a", "en": "b"},
        "short_name": {"nl": "a", "en": "b"},
        "sector": {"nl": "a", "en": "b"},
        "status": {"value": "active"},
        "summary": {"nl": "a", "en": "b"},
        "sigend": {"date": "2016"},
    }
    with pytest.raises(ValidationError) as error:
        Covenant.model_validate(data)
    assert [(e["loc"], e["type"]) for e in error.value.errors()] == [
        (("sigend",), "extra_forbidden")
    ]


def test_the_ended_statuses_have_one_home() -> None:
    assert {Status.ended, Status.ended_early, Status.succeeded} == ENDED_STATUSES
    for status in Status:
        assert status.has_ended == (status in ENDED_STATUSES)


def test_a_source_keeps_its_publication_and_viewed_dates_apart() -> None:
    from imvo.model.content import Source

    source = Source.model_validate(
        {"id": "ser", "title": "Nieuws", "published": "2023-05-12", "checked": "2026-12-07"}
    )
    assert source.published == PartialDate(2023, 5, 12)
    assert source.checked == PartialDate(2026, 12, 7)
    assert Source.model_validate({"id": "ser", "title": "Nieuws"}).published is None


def test_a_source_date_under_its_old_name_is_read_as_published() -> None:
    from imvo.model.content import Source

    source = Source.model_validate({"id": "ser", "title": "Nieuws", "date": "2016-07"})
    assert source.published == PartialDate(2016, 7)
    assert source.checked is None
    with pytest.raises(ValidationError, match="date\n  Extra inputs are not permitted"):
        Source.model_validate(
            {"id": "ser", "title": "Nieuws", "date": "2016-07", "published": "2016-08"}
        )
