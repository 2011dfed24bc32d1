"""Words of the interface in each language, and dates written by each language's rules.

The strings live in one file per language (templates/i18n/<lang>.yaml); dates are written
with Babel: "4 juli 2016" and "4 July 2016", "juni 2020" and "June 2020".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel.dates import format_date, format_skeleton

from imvo.model.content import LANGUAGES
from imvo.model.dates import PartialDate

_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""PyYAML's safe loader in C where it is built in (it is in the pinned wheel)."""

STRINGS_DIR = Path(__file__).resolve().parents[2] / "templates" / "i18n"


class MissingString(KeyError):
    """A UI string that one language lacks: a bug in the templates or the strings files."""


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


@cache
def strings(lang: str, folder: Path = STRINGS_DIR) -> dict[str, str]:
    """All UI strings of one language, by dotted key ('status.ended')."""
    with (folder / f"{lang}.yaml").open(encoding="utf-8") as handle:
        return _flatten(yaml.load(handle, Loader=_SAFE_LOADER))


def missing_keys(folder: Path = STRINGS_DIR) -> dict[str, set[str]]:
    """For each language, the keys that another language has and it lacks."""
    keys = {lang: set(strings(lang, folder)) for lang in LANGUAGES}
    every = set().union(*keys.values())
    return {lang: every - own for lang, own in keys.items() if every - own}


class Translator:
    """The UI strings and date formats of one language, for templates."""

    def __init__(self, lang: str, folder: Path = STRINGS_DIR) -> None:
        self.lang = lang
        self._strings = strings(lang, folder)

    def __call__(self, key: str, **values: Any) -> str:
        """The string for a key, with {placeholders} filled in."""
        try:
            text = self._strings[key]
        except KeyError:
            raise MissingString(f"no UI string '{key}' for language '{self.lang}'") from None
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        """Whether the language has a string for the key."""
        return key in self._strings

    def date(self, value: PartialDate) -> str:
        """A date to its known precision: '4 juli 2016', 'juni 2020', '2020'."""
        return format_partial_date(value, self.lang)

    def on_date(self, value: PartialDate) -> str:
        """A date with the preposition it takes: 'op 4 juli 2016', 'in juni 2020'."""
        key = "date.on_day" if value.precision == "day" else "date.in_period"
        return self(key, date=self.date(value))


@cache
def format_partial_date(value: PartialDate, lang: str) -> str:
    """Write a date the way the language writes it, never showing a day or month not known."""
    if value.precision == "year":
        return str(value.year)
    if value.precision == "month":
        assert value.month is not None
        return format_skeleton("yMMMM", dt.date(value.year, value.month, 1), locale=lang)
    assert value.month is not None and value.day is not None
    return format_date(dt.date(value.year, value.month, value.day), "d MMMM y", locale=lang)


@cache
def format_months(months: int, lang: str) -> str:
    """A term in years where it is whole or half years, else in months: '5 jaar', '3,5 years'."""
    from babel.numbers import format_decimal

    if months % 6 == 0:
        years = months / 12
        number = format_decimal(years, format="#,##0.#", locale=lang)
        return Translator(lang)("term.years_one" if years == 1 else "term.years", n=number)
    return Translator(lang)("term.months", n=months)


def format_number(value: float, lang: str) -> str:
    """A number as each language writes it: '1.250' and '12,5' in Dutch, '1,250' and '12.5'
    in English."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, format="#,##0.##", locale=lang))
