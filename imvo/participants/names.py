"""Names in one normal form: the one place where the site decides when two names are the same.

Three levels, each used by the finder, the duplicate warnings, the editors' checks and the
import alike:

- `same`: the name as Unicode NFC, so that an accent typed as one character (é) or as a
  letter and a combining accent (e + ◌́) is the same name;
- `key`: `same` without case: two entries of one file with this key are one name twice;
- `words` / `normal`: no accents, no case, no legal forms (N.V., B.V., Stichting), words
  only: the form names are searched and compared in for look-alikes ("ABN AMRO Bank N.V."
  and "abn amro bank").

Names, ids and file names may not hold a character that cannot be seen: a zero-width space,
a direction override, a control character. `invisible` finds the first one and `describe`
names it in words ("zero-width space, U+200B"), so that the editor's message says which one;
the editor's file is never rewritten. `tidy` is the cleaning the import does on pasted text
(spaces and quotes from a word processor), before these rules apply.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LEGAL_FORMS: tuple[str, ...] = (
    "nv",
    "bv",
    "vof",
    "cv",
    "ua",
    "wa",
    "ba",
    "stichting",
    "vereniging",
    "cooperatie",
    "cooperatieve",
    "gmbh",
    "ag",
    "sa",
    "ltd",
    "limited",
    "plc",
    "inc",
    "llc",
    "bvba",
    "kgaa",
    "se",
)
"""Legal forms and words of them, after normalising (N.V. -> nv, Coöperatie -> cooperatie):
left out when names are compared and searched, since sources write them or not."""

_LEGAL = frozenset(LEGAL_FORMS)
_WORD_SEPARATOR = re.compile(r"[^0-9a-z]+")
# Dotted abbreviations ("N.V.", "B.V.", "U.A.") are one word: join their letters first.
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")


def same(text: str) -> str:
    """The name as Unicode NFC: composed and decomposed accents give the same string."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def key(text: str) -> str:
    """The name without case, in NFC: two names with the same key are the same name."""
    return same(text).casefold()


def plain(text: str) -> str:
    """The text without accents, in lower case."""
    if text.isascii():  # most names: no accents to take off
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=1 << 18)
def words(text: str) -> tuple[str, ...]:
    """The words of a name in normal form: no accents, lower case, no legal forms."""
    found = _DOTTED.sub(lambda match: match[0].replace(".", "") + " ", plain(text))
    return tuple(word for word in _WORD_SEPARATOR.split(found) if word and word not in _LEGAL)


def normal(text: str) -> str:
    """A name in normal form, as one string: 'ABN AMRO Bank N.V.' -> 'abn amro bank'."""
    return " ".join(words(text))


def sort_key(text: str) -> tuple[str, str]:
    """The order of an A-Z list: by the name without accents and case, legal forms kept."""
    return (" ".join(_WORD_SEPARATOR.split(plain(text))).strip(), same(text))


def contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether the words of one name occur in a row in another's ('abp' in 'pensioenfonds abp')."""
    size = len(shorter)
    if not size or size > len(longer):
        return False
    return any(longer[start : start + size] == shorter for start in range(len(longer) - size + 1))


# --- characters that cannot be seen -----------------------------------------------------

_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})
"""Control and format characters (zero-width space and joiners, direction marks and
overrides, the byte order mark, soft hyphen), private use, unassigned, line separators."""
_INVISIBLE_MORE = frozenset(
    {
        0x034F,  # combining grapheme joiner
        0x115F,  # Hangul choseong filler
        0x1160,  # Hangul jungseong filler
        0x17B4,  # Khmer vowel inherent aq
        0x17B5,  # Khmer vowel inherent aa
        0x2800,  # Braille pattern blank
        0x3164,  # Hangul filler
        0xFFA0,  # halfwidth Hangul filler
        *range(0xFE00, 0xFE10),  # variation selectors
        *range(0xE0100, 0xE01F0),  # variation selectors supplement
    }
)
"""Letters and marks that are drawn as nothing."""
_CONTROL_NAMES = {
    0x00: "null",
    0x09: "tab",
    0x0A: "new line",
    0x0B: "vertical tab",
    0x0C: "form feed",
    0x0D: "carriage return",
    0x1B: "escape",
    0x7F: "delete",
    0x85: "next line",
}
"""Unicode gives control characters no name: the common ones in words."""


def invisible(text: str) -> tuple[int, str] | None:
    """The first character of the text that cannot be seen, with its place, or None."""
    if text.isascii() and text.isprintable():
        return None
    for place, char in enumerate(text):
        if _is_invisible(char):
            return place, char
    return None


def _is_invisible(char: str) -> bool:
    return unicodedata.category(char) in _INVISIBLE_CATEGORIES or ord(char) in _INVISIBLE_MORE


def describe(char: str) -> str:
    """A character in words, with its code point: 'zero-width space, U+200B'."""
    point = ord(char)
    name = _CONTROL_NAMES.get(point) or unicodedata.name(char, "")
    if not name:
        category = unicodedata.category(char)
        name = {"Cc": "control character", "Co": "private-use character"}.get(
            category, "character without a name"
        )
    return f"{name.lower().replace('zero width', 'zero-width')}, U+{point:04X}"


def before(text: str, place: int, width: int = 30) -> str:
    """The visible text just before a place, for a message that says where ('… Bank')."""
    shown = "".join(ch for ch in text[:place] if not _is_invisible(ch))
    return shown if len(shown) <= width else "…" + shown[-width:]


# --- pasted text ----------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u00b4": "'",  # ´
        "`": "'",
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2033": '"',  # ″
    }
)
_INVISIBLE_SAFE = frozenset({0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD})
"""Characters a word processor or a spreadsheet leaves in pasted text that mean nothing in a
name (zero-width space and joiners, word joiner, byte order mark, soft hyphen): the import
drops them; any other invisible character is refused."""


def tidy(text: str) -> str:
    """Pasted text made plain: NFC, word processors' quotes straight, every kind of space one
    space, the invisible characters they leave dropped, no space or enclosing quotes at
    either end."""
    text = "".join(ch for ch in same(text) if ord(ch) not in _INVISIBLE_SAFE)
    text = _SPACES.sub(" ", text.translate(_QUOTES)).strip()
    if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()  # a name a word processor put in quotes
    return text
