"""Model checks: one file's data against its pydantic model, each error as an editor's line.

Pydantic's errors are turned into message codes (imvo/messages) with the file's line of
the value: an unknown field with the closest allowed one, a wrong kind of value described
in words, a choice with its allowed values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from imvo.load import LoadedFile
from imvo.load.surprises import WORD_SPACES
from imvo.messages import CodedError, Msg, msg
from imvo.messages.problems import Problem
from imvo.model.content import Status
from imvo.model.positions import FieldPath, field_name
from imvo.validate.hints import closest


def _model_fields(model: type[BaseModel], where: tuple[str | int, ...]) -> list[str]:
    """The field names the model allows at a path, for 'did you mean' hints."""
    current: Any = model
    for part in where:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = inner_model(info.annotation)
    return list(getattr(current, "model_fields", {}))


def inner_model(annotation: Any) -> Any:
    """The pydantic model inside list[X], X | None and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = inner_model(arg)
        if found is not None:
            return found
    return None


def _quoted_choices(expected: str) -> str:
    return ", ".join(re.findall(r"'([^']*)'", expected))


def _unknown_field(error: Any, model: type[BaseModel]) -> Msg:
    """A field the model does not have, with the closest one it allows at that place."""
    where = tuple(error["loc"])
    allowed = _model_fields(model, where[:-1])
    close = closest(str(where[-1]), allowed)
    if close:
        return msg("unknown-field-close", name=str(where[-1]), close=close)
    return msg("unknown-field", name=str(where[-1]), allowed=", ".join(allowed))


def _value_error(error: Any) -> Msg:
    """A validator's refusal: its own message when it gave one, else pydantic's words."""
    cause = error["ctx"]["error"]
    if isinstance(cause, CodedError):
        return cause.msg
    return msg("value-error", detail=str(cause))


def _choice(error: Any) -> Msg:
    """A value not among the choices; for a status, each code with its meaning in words."""
    choices = _quoted_choices(error["ctx"]["expected"])
    code = "choice-status" if set(choices.split(", ")) == _STATUS_CODES else "choice"
    return msg(code, choices=choices, got=repr(error.get("input")))


_STATUS_CODES = {status.value for status in Status}


def _got(code: str) -> Callable[[Any], Msg]:
    """A message that describes the value the editor wrote."""
    return lambda error: msg(code, got=_describe(error.get("input")))


def _limit(code: str, bound: str) -> Callable[[Any], Msg]:
    """A message that names a number's bound and the value written."""
    return lambda error: msg(code, limit=error["ctx"][bound], got=repr(error.get("input")))


_BY_KIND: dict[str, Callable[[Any], Msg]] = {
    "missing": lambda error: msg("required"),
    "enum": lambda error: _choice(error),
    "string_type": _got("expected-text"),
    "string_too_short": lambda error: msg("empty-text"),
    "string_too_long": lambda error: msg(
        "text-too-long", count=len(error.get("input")), limit=error["ctx"]["max_length"]
    ),
    "string_pattern_mismatch": lambda error: msg("id-pattern", got=repr(error.get("input"))),
    "list_type": _got("expected-list"),
    "model_type": _got("expected-group"),
    "too_short": lambda error: msg("list-empty"),
    "int_type": _got("expected-number"),
    "bool_type": _got("expected-true-false"),
    "greater_than": _limit("number-greater", "gt"),
    "greater_than_equal": _limit("number-at-least", "ge"),
    "less_than_equal": _limit("number-at-most", "le"),
}
"""The message for each kind of pydantic error that needs nothing but the error itself."""
_SAME_AS = {
    "literal_error": "enum",
    "str_type": "string_type",
    "model_attributes_type": "model_type",
    "dict_type": "model_type",
    "int_parsing": "int_type",
    "int_from_float": "int_type",
    "bool_parsing": "bool_type",
}
"""Kinds of error that an editor makes the same way as another kind: the same message."""


def _message(error: Any, model: type[BaseModel]) -> Msg:
    """Turn one pydantic error into a sentence an editor understands (as a message code)."""
    kind = error["type"]
    if kind == "extra_forbidden":
        return _unknown_field(error, model)
    if kind == "value_error":
        return _value_error(error)
    build = _BY_KIND.get(_SAME_AS.get(kind, kind))
    if build is not None:
        return build(error)
    return msg("value-other", detail=error["msg"], got=_describe(error.get("input")))


def _describe(value: Any) -> Msg | str:
    if isinstance(value, dict):
        return msg("value-group")
    if isinstance(value, list):
        return msg("value-list")
    if value is None:
        return msg("value-nothing")
    shown = repr(value)
    if len(shown) > 80:  # the line must stay readable: the editor has the whole text
        return msg("value-long", start=shown[:60], count=len(str(value)))
    return shown


def _union_branch_noise(loc: tuple[Any, ...]) -> bool:
    """Pydantic names the tried union branches in a path ('str', 'Text'); editors need not."""
    return any(isinstance(part, str) and part in {"str", "constrained-str", "Text"} for part in loc)


_READ_AS_CODES = frozenset(
    {"expected-text", "choice", "choice-status", "id-pattern", "expected-number"}
)
"""Where the model expected a text or a choice, a value without quotes that YAML read as a
yes/no value, a number or nothing is said as such (see imvo/load/surprises.read_as)."""


def check_model(loaded: LoadedFile, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    """Validate one file's data against a model; map each error to its line."""
    try:
        loaded.checked = model.model_validate(loaded.data)
        return loaded.checked, []
    except ValidationError as exc:
        problems: dict[tuple[int, str], Problem] = {}
        for error in exc.errors(include_url=False):
            raw_loc = tuple(error["loc"])
            loc: FieldPath = tuple(p for p in raw_loc if not _union_branch_noise((p,)))
            error = {**error, "loc": loc}
            name = field_name(loc)
            message = _message(error, model)
            if message.code in _READ_AS_CODES:
                message = loaded.read_as(loc) or message
            given = error.get("input")
            if isinstance(given, str) and any(char in given for char in WORD_SPACES):
                # The value would show as '...\xa0...': an editor sees a space there.
                shown = "".join(" " if char in WORD_SPACES else char for char in given)
                message = msg("word-space-in-value", value=shown.strip())
            problem = loaded.problem(loc, message.code, **dict(message.params))
            # A union (text or nl/en pair) reports each branch: keep the first per place.
            problems.setdefault((problem.line, name), problem)
        return None, _drop_explained_missing(list(problems.values()))


def _drop_explained_missing(problems: list[Problem]) -> list[Problem]:
    """A typo in a key shows as an unknown field and a missing one: report only the typo."""
    meant = set()
    for problem in problems:
        if problem.code == "unknown-field-close":
            close = dict(problem.params)["close"]
            parent = problem.field.rpartition(".")[0]
            meant.add(f"{parent}.{close}" if parent else close)
    return [p for p in problems if not (p.code == "required" and p.field in meant)]
