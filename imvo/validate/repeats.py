"""Entries listed twice: a party in one covenant, an id in one list of sources, a whole item.

Each would show (and count) twice on the page, without a word from the model: a party
listed twice reads "Vakbonden (2)". Names of participants and ids of sources have their own
checks (participant_rules.py, sources.py); this module checks the rest of every file.
"""

from __future__ import annotations

import json
from typing import Any

from imvo.load import LoadedFile
from imvo.messages.problems import Problem
from imvo.model.positions import FieldPath

_OWN_CHECK = frozenset({"id", "name"})
"""Items with one of these keys have a check of their own for being listed twice."""


def repeated(loaded: LoadedFile) -> list[Problem]:
    """Every entry of a list in the file that an earlier entry of the same list repeats."""
    found: list[Problem] = []
    _walk(loaded, loaded.data, (), found)
    return found


def _walk(loaded: LoadedFile, value: Any, where: FieldPath, found: list[Problem]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _walk(loaded, inner, (*where, key), found)
    elif isinstance(value, list):
        _in_list(loaded, value, where, found)
        for index, inner in enumerate(value):
            _walk(loaded, inner, (*where, index), found)


def _in_list(loaded: LoadedFile, items: list[Any], where: FieldPath, found: list[Problem]) -> None:
    """The repeats in one list: a party id, a plain value (an id, a theme), a whole item."""
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get("party"), str):
            key, place, code = (
                f"party:{item['party']}",
                (*where, index, "party"),
                "party-listed-twice",
            )
        elif isinstance(item, str):
            key, place, code = f"value:{item}", (*where, index), "value-listed-twice"
        elif isinstance(item, dict) and not _OWN_CHECK & set(item):
            key, place, code = (
                f"item:{json.dumps(item, sort_keys=True)}",
                (*where, index),
                "item-listed-twice",
            )
        else:
            continue
        if key in seen:
            first = loaded.line_of((*where, seen[key]))
            shown = item.get("party") if isinstance(item, dict) else item
            found.append(loaded.problem(place, code, value=str(shown), line=first))
        else:
            seen[key] = index
