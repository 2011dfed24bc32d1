"""Messages to editors as data: a code and its parameters, worded by one catalog per language.

A problem keeps its code and parameters, so the same problem can be shown in Dutch (the
default for editors) and in English: ``check --lang en``, or a locale (LC_ALL, LC_MESSAGES,
LANG) that starts with ``en``. The catalogs are ``imvo/messages/nl.py`` and ``en.py``; a test
checks that both word every code with the same parameters.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from typing import Any

from imvo.messages import en, nl

LANGS = ("nl", "en")
CATALOGS: dict[str, dict[str, str]] = {"nl": nl.MESSAGES, "en": en.MESSAGES}
Params = tuple[tuple[str, Any], ...]

_LANGUAGE: ContextVar[str] = ContextVar("imvo_message_language", default="en")
"""The language of messages made now. The library speaks English unless told otherwise (the
tests of the English wording rely on that); the command line speaks the editor's language
for as long as it runs (see `speaking`)."""


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Make messages in this language ('nl' or 'en') inside the block; the language before
    it comes back when the block ends, also when it ends with an exception."""
    if lang not in CATALOGS:
        raise ValueError(f"no messages in {lang!r}; choose one of {', '.join(LANGS)}")
    token = _LANGUAGE.set(lang)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def language() -> str:
    """The language messages are made in now."""
    return _LANGUAGE.get()


def language_from_locale(environ: dict[str, str] | None = None) -> str:
    """'en' when the locale asks for English (LC_ALL, LC_MESSAGES, LANG, the first set one,
    starts with 'en'), else 'nl': editors read Dutch by default."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "nl"
    return "nl"


@dataclass(frozen=True)
class Msg:
    """One message as data: its code and its parameters (a parameter may be a Msg itself)."""

    code: str
    params: Params = ()

    def render(self, lang: str | None = None) -> str:
        """The message worded in one language (the current one when not given)."""
        lang = lang or language()
        template = CATALOGS[lang][self.code]
        values = {
            key: value.render(lang) if isinstance(value, Msg) else value
            for key, value in self.params
        }
        for name in template_fields(template) - set(values):
            if name in DERIVED:
                values[name] = DERIVED[name](values, lang)
        return template.format(**values)

    def get(self, key: str, default: Any = None) -> Any:
        """One parameter's value."""
        return dict(self.params).get(key, default)


@cache
def _status_words(lang: str) -> dict[str, str]:
    """The status words the pages use (templates/i18n, the status words' one home), by
    status code, as they read inside a sentence: 'loopt', 'afgelopen'."""
    from imvo.render.i18n import strings  # the pages' words; read once per language

    words = strings(lang)
    found = {}
    for key, word in words.items():
        code = key.removeprefix("status.")
        if key.startswith("status.") and "." not in code and "{" not in word:
            found[code] = word[:1].lower() + word[1:]
    return found


def _status_choices(values: dict[str, Any], lang: str) -> str:
    """Every status code with its meaning: 'in_preparation (in voorbereiding), active (loopt)'."""
    words = _status_words(lang)
    codes = [code.strip() for code in str(values.get("choices", "")).split(",") if code.strip()]
    return ", ".join(f"{code} ({words[code]})" if code in words else code for code in codes)


DERIVED: dict[str, Callable[[dict[str, Any], str], str]] = {
    "status_words": lambda values, lang: _status_words(lang).get(str(values.get("status")), ""),
    "status_choices": _status_choices,
}
"""Values a catalog entry may use that are worded from a parameter in its language: the
meaning of a status code in the pages' own words."""


def msg(code: str, /, **params: Any) -> Msg:
    """A message by its code, with its parameters."""
    if code not in CATALOGS["en"]:
        raise KeyError(f"no message with code {code!r}")
    return Msg(code, tuple(sorted(params.items())))


def text(code: str, /, **params: Any) -> str:
    """A message worded in the current language."""
    return msg(code, **params).render()


class CodedError(ValueError):
    """A ValueError the model raises with a message code, so it can be worded per language."""

    def __init__(self, code: str, **params: Any) -> None:
        self.msg = msg(code, **params)
        super().__init__(self.msg.render("en"))


def template_fields(template: str) -> set[str]:
    """The parameter names a catalog entry uses."""
    return {name.split(".")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


_ORDINALS = {
    "nl": [
        "eerste", "tweede", "derde", "vierde", "vijfde",
        "zesde", "zevende", "achtste", "negende", "tiende",
    ],
    "en": [
        "first", "second", "third", "fourth", "fifth",
        "sixth", "seventh", "eighth", "ninth", "tenth",
    ],
}  # fmt: skip

_ITEM_NOUNS = {
    "nl": {
        "parties": "partij",
        "sources": "bron",
        "disputed": "andere datum",
        "goals": "doel",
        "actions": "stap",
        "links": "link",
        "chairs": "voorzitter",
        "counts": "aantal",
        "oecd_themes": "thema",
        "risks": "risico",
        "terms": "begrip",
        "steps": "stap",
        "covenants": "convenant",
        "participants": "deelnemer",
        "results": "resultaat",
        "searches": "zoekopdracht",
    },
    "en": {
        "parties": "party",
        "sources": "source",
        "disputed": "other date",
        "goals": "goal",
        "actions": "step",
        "links": "link",
        "chairs": "chair",
        "counts": "count",
        "oecd_themes": "theme",
        "risks": "risk",
        "terms": "term",
        "steps": "step",
        "covenants": "covenant",
        "participants": "participant",
        "results": "result",
        "searches": "search",
    },
}
_ITEM_FALLBACK = {"nl": "onderdeel", "en": "item"}
_WHOLE = {
    "nl": {
        "(file)": "(bestand)",
        "(folder)": "(map)",
        "(link)": "(link)",
        "(history)": "(geschiedenis)",
    },
    "en": {},
}
_PART_RE = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def ordinal(number: int, lang: str) -> str:
    """'tweede', 'second' for 2; '12e', '12th' from 11 on."""
    if 1 <= number <= len(_ORDINALS[lang]):
        return _ORDINALS[lang][number - 1]
    if lang == "nl":
        return f"{number}e"
    endings = {1: "st", 2: "nd", 3: "rd"}
    suffix = "th" if 10 <= number % 100 <= 20 else endings.get(number % 10, "th")
    return f"{number}{suffix}"


def place(field: str, lang: str | None = None) -> str:
    """A field path as a reader says it: 'parties[1].sources[0]' -> 'tweede partij, eerste
    bron', 'second party, first source': counting from 1 and naming the item of each list."""
    lang = lang or language()
    if not field or field.startswith("("):
        return _WHOLE[lang].get(field, field)
    parts: list[str] = []
    last_key = ""
    for key, index in _PART_RE.findall(field):
        if index:
            noun = _ITEM_NOUNS[lang].get(last_key, _ITEM_FALLBACK[lang])
            if parts and parts[-1] == last_key:
                parts.pop()
            parts.append(f"{ordinal(int(index) + 1, lang)} {noun}")
        else:
            last_key = key
            parts.append(key)
    return ", ".join(parts)
