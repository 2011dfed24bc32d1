"""Dates with their precision: a date known to the day, the month or the year only, read
from the content with an editor's message when it is not one, and the JSON Schema form."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import PlainSerializer, WithJsonSchema
from pydantic.functional_validators import BeforeValidator

from imvo.messages import CodedError

_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
"""Used with fullmatch: ASCII digits only ('２０１６' is no date), nothing after the date."""
YEARS = (1900, 2100)
"""The years a date may have: the covenants began in 2014; a year far outside is a typo,
and year 0 or 9999 would break the date arithmetic of the timeline."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, to the month or to the year only ("2020-06" is June 2020)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """'day', 'month' or 'year': how much of the date is known."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """The date as written in the content: YYYY, YYYY-MM or YYYY-MM-DD."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def earliest(self) -> tuple[int, int, int]:
        """The first day the date can mean, for ordering and drawing."""
        return (self.year, self.month or 1, self.day or 1)

    def latest(self) -> tuple[int, int, int]:
        """The last day the date can mean, for ordering and drawing."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return (self.year, month, day)

    def __str__(self) -> str:
        return self.iso()


_DMY_RE = re.compile(r"^\s*(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})\s*$")
_YMD_RE = re.compile(r"^\s*(\d{4})[-/. ](\d{1,2})(?:[-/. ](\d{1,2}))?\s*$")
_MY_RE = re.compile(r"^\s*(\d{1,2})[-/. ](\d{4})\s*$")

_MONTHS = [
    "jan", "feb", "maa", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
]  # fmt: skip
_NAMED_RE = re.compile(r"^\s*(?:(\d{1,2})\s+)?([a-zA-Z]{3,})\.?\s+(\d{4})\s*$")


def _month_name(word: str) -> bool:
    return word.lower()[:3] in _MONTHS


def suggest_date(value: Any) -> str | None:
    """The editor's date written the way the content wants it ('1-7-2016' -> '2016-07-01')."""
    text = str(value)
    if match := _DMY_RE.match(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _YMD_RE.match(text):
        year, month = int(match[1]), int(match[2])
        day = int(match[3]) if match[3] else 0
    elif match := _MY_RE.match(text):
        month, year, day = int(match[1]), int(match[2]), 0
    elif (match := _NAMED_RE.match(text)) and _month_name(match[2]):
        day = int(match[1]) if match[1] else 0
        month = _MONTHS.index(match[2].lower()[:3]) % 12 + 1
        year = int(match[3])
    else:
        return None
    if not 1 <= month <= 12 or (day and day > calendar.monthrange(year, month)[1]):
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _date_error(value: Any) -> CodedError:
    """The message for a value that is not a date, with the date rewritten where it can be."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return CodedError("date-format-quotes", got=repr(value))
    suggestion = suggest_date(value)
    if suggestion is not None and suggestion != str(value):
        return CodedError("date-format-suggest", got=repr(value), suggest=suggestion)
    return CodedError("date-format", got=repr(value))


def parse_partial_date(value: Any) -> PartialDate:
    """Read a date from the content; raise ValueError with an editor's message if it is not one."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, float):
        raise _date_error(value)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _date_error(value)
    text = str(value)
    match = _DATE_RE.fullmatch(text)
    if match is None:
        raise _date_error(value)
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if not YEARS[0] <= year <= YEARS[1]:
        raise CodedError("date-year-range", date=text, low=YEARS[0], high=YEARS[1])
    if month is not None and not 1 <= month <= 12:
        raise CodedError("date-no-month", date=text, month=month)
    if day is not None and month is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise CodedError("date-month-days", date=text, month=month, days=last)
    return PartialDate(year, month, day)


DateValue = Annotated[
    PartialDate,
    BeforeValidator(parse_partial_date),
    PlainSerializer(lambda d: d.iso(), return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "description": "A date: YYYY-MM-DD, or YYYY-MM when only the month is known, "
            "or YYYY when only the year is known. Write it in quotes.",
        }
    ),
]
