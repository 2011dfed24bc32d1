"""Covenant rules: the checks of one covenant that need more than its own fields (sources,
party ids, the successor, dates in order, what each status needs), and the successors of
all covenants together.

A file the model refused still has its references checked, from its plain data, so that
one mistake does not hide the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from imvo.load import LoadedFile
from imvo.messages import msg
from imvo.messages.problems import Problem
from imvo.model.content import ENDED_STATUSES, Covenant, Status
from imvo.model.positions import FieldPath
from imvo.validate.hints import NameHints, closest, unknown_party
from imvo.validate.sources import defined_once, resolved, source_refs


def cross_check_covenant(
    slug: str,
    covenant: Covenant,
    loaded: LoadedFile,
    party_ids: set[str] | None,
    slugs: set[str],
    hints: NameHints | None = None,
) -> list[Problem]:
    """Checks within one covenant that need more than its own fields."""
    seen, problems = defined_once(loaded, enumerate(source.id for source in covenant.sources))
    for where, refs in source_refs(covenant):
        problems += resolved(loaded, where, refs, seen)
    if party_ids is not None:
        problems += _parties_known(covenant, loaded, party_ids, hints or NameHints(party_ids))
    problems += _successor_known(slug, covenant, loaded, slugs)
    problems += _dates_in_order(covenant, loaded)
    problems += _status_fits(covenant, loaded)
    return problems


def _parties_known(
    covenant: Covenant, loaded: LoadedFile, party_ids: set[str], hints: NameHints
) -> list[Problem]:
    """A problem for each party id that parties.yaml does not have."""
    problems: list[Problem] = []
    for index, participation in enumerate(covenant.parties):
        if participation.party not in party_ids:
            code, params = unknown_party(participation.party, hints.closest(participation.party))
            problems.append(loaded.problem(("parties", index, "party"), code, **params))
    return problems


def _successor_known(
    slug: str, covenant: Covenant, loaded: LoadedFile, slugs: set[str]
) -> list[Problem]:
    """The successor is another covenant that exists."""
    if covenant.successor is None:
        return []
    if covenant.successor == slug:
        return [loaded.problem(("successor",), "successor-self")]
    if covenant.successor not in slugs:
        return [loaded.problem(("successor",), "successor-unknown", id=covenant.successor)]
    return []


def _dates_in_order(covenant: Covenant, loaded: LoadedFile) -> list[Problem]:
    """The end comes after the start, and entry into force after signing."""
    problems: list[Problem] = []
    start = covenant.signed or covenant.in_force
    ended = covenant.ended
    if ended is not None and start is not None and ended.date.latest() < start.date.earliest():
        which = msg("which-signing" if covenant.signed else "which-in-force")
        problems.append(
            loaded.problem(
                ("ended", "date"),
                "end-before-start",
                end=str(ended.date),
                which=which,
                start=str(start.date),
            )
        )
    signed, in_force = covenant.signed, covenant.in_force
    if signed and in_force and in_force.date.latest() < signed.date.earliest():
        problems.append(
            loaded.problem(
                ("in_force", "date"),
                "in-force-before-signing",
                in_force=str(in_force.date),
                signed=str(signed.date),
            )
        )
    return problems


def _status_fits(covenant: Covenant, loaded: LoadedFile) -> list[Problem]:
    """What each status needs besides itself: an end date or none, a date, a successor."""
    problems: list[Problem] = []

    def add(code: str, **params: str) -> None:
        problems.append(loaded.problem(("status", "value"), code, **params))

    status = covenant.status.value
    if status in ENDED_STATUSES and covenant.ended is None:
        add("status-needs-end", status=status.value)
    if (
        status in (Status.active, Status.unknown, Status.in_preparation)
        and covenant.ended is not None
    ):
        add("status-no-end", status=status.value)
    if status == Status.in_preparation and covenant.signed is not None:
        add("status-prep-signed", status=status.value)
    if (
        status in (Status.active, Status.unknown)
        and covenant.signed is None
        and covenant.in_force is None
    ):
        add("status-needs-date", status=status.value)
    if status == Status.unknown and covenant.status.as_of is None:
        add("status-needs-as-of", status=status.value)
    if status == Status.succeeded and covenant.successor is None:
        add("status-needs-successor", status=status.value)
    return problems


def raw_cross_check(
    loaded: LoadedFile, party_ids: set[str] | None, slugs: set[str], found: list[Problem]
) -> list[Problem]:
    """The references of a covenant file the model refused, checked from its plain data:
    source ids, party ids and the successor (places that already have a problem are skipped)."""
    data = loaded.data
    taken = {problem.field for problem in found}
    seen, problems = defined_once(loaded, _raw_ids(data.get("sources"), "id"), taken)
    if isinstance(data.get("sources"), list):
        for where, value in _walk(data):
            if len(where) >= 2 and where[-1] == "sources" and isinstance(value, list):
                problems += resolved(loaded, where, value, seen, taken)
    if party_ids is not None:
        for index, party in _raw_ids(data.get("parties"), "party"):
            if party not in party_ids:
                code, params = unknown_party(party, closest(party, sorted(party_ids)))
                problem = loaded.problem(("parties", index, "party"), code, **params)
                problems += [] if problem.field in taken else [problem]
    successor = data.get("successor")
    if isinstance(successor, str) and successor not in slugs and "successor" not in taken:
        problems.append(loaded.problem(("successor",), "successor-unknown", id=successor))
    return problems


def _raw_ids(items: Any, key: str) -> list[tuple[int, str]]:
    """The ids under `key` of a list of groups in plain data, with their index."""
    if not isinstance(items, list):
        return []
    return [
        (index, item[key])
        for index, item in enumerate(items)
        if isinstance(item, dict) and isinstance(item.get(key), str)
    ]


def _walk(data: Any, where: FieldPath = ()) -> Iterator[tuple[FieldPath, Any]]:
    """Every value in plain data with its path."""
    yield where, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _walk(value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(value, (*where, index))


def successor_circles(
    covenants: dict[str, Covenant], lines: dict[str, int], shown: dict[str, str]
) -> list[Problem]:
    """Successors that lead back to where they started: one problem per circle.

    Reported at the circle's first covenant by name, on its 'successor' line.
    """
    problems: list[Problem] = []
    reported: set[str] = set()
    for start in sorted(covenants):
        chain = [start]
        current = covenants[start].successor
        while current in covenants and current not in chain:
            chain.append(current)
            current = covenants[current].successor
        if current != start or start in reported or len(chain) < 2:
            continue
        reported.update(chain)
        circle = " -> ".join([*chain, start])
        problems.append(
            Problem.of(shown[start], lines[start], "successor", "successor-circle", circle=circle)
        )
    return problems
