"""Participants rules: the checks of one participants file that need more than its own
fields (sources resolved, party ids known, names unique, dates in order, every entry
sourced)."""

from __future__ import annotations

from imvo.load import LoadedFile
from imvo.messages.problems import Problem
from imvo.model.content import CountOf, Participant, ParticipantList
from imvo.model.positions import FieldPath
from imvo.participants.names import key as names_key
from imvo.validate.hints import closest, unknown_party, unknown_source
from imvo.validate.sources import defined_once, resolved


def cross_check_participants(
    value: ParticipantList, loaded: LoadedFile, party_ids: set[str] | None
) -> list[Problem]:
    """Sources and party ids resolved, names unique, dates in order, every entry sourced."""
    seen, problems = defined_once(loaded, enumerate(source.id for source in value.sources))
    # The two places of a participants file that hold source ids, looked up directly: the
    # generic walk (source_refs) costs more than the rest of the checks on long lists.
    problems += resolved(loaded, ("default_sources",), value.default_sources, seen)
    if value.official_list is not None and value.official_list not in seen:
        code, params = unknown_source(value.official_list, seen)
        problems.append(loaded.problem(("official_list",), code, **params))
    elif value.official_list is None and value.complete:
        problems.append(loaded.problem(("complete",), "participants-complete-no-list"))
    for index, count in enumerate(value.counts):
        problems += resolved(loaded, ("counts", index, "sources"), count.sources, seen)
    for index, participant in enumerate(value.participants):
        if participant.sources:
            problems += resolved(
                loaded, ("participants", index, "sources"), participant.sources, seen
            )
    for index, count in enumerate(value.counts):
        if count.of != CountOf.participants:
            problems.append(loaded.problem(("counts", index, "of"), "participants-count-of"))
    names: dict[str, int] = {}
    for index, participant in enumerate(value.participants):
        problems += _entry_problems(
            value, participant, ("participants", index), loaded, party_ids, names
        )
    return problems


def _entry_problems(
    value: ParticipantList,
    participant: Participant,
    where: FieldPath,
    loaded: LoadedFile,
    party_ids: set[str] | None,
    names: dict[str, int],
) -> list[Problem]:
    """The checks of one entry: its party known, its name not given before (`names`, the
    line of each name so far, grows), left after joined, and at least one source."""
    problems: list[Problem] = []
    if (
        participant.party is not None
        and party_ids is not None
        and participant.party not in party_ids
    ):
        code, params = unknown_party(
            participant.party, closest(participant.party, sorted(party_ids))
        )
        problems.append(loaded.problem((*where, "party"), code, **params))
    key = names_key(participant.name)  # NFC, no case: é and e + ◌́ are one name
    if key in names:
        problems.append(
            loaded.problem(
                (*where, "name"), "participant-twice", name=participant.name, line=names[key]
            )
        )
    else:
        names[key] = loaded.line_of((*where, "name"))
    joined = participant.joined
    for name in ("left", "left_by"):
        left = getattr(participant, name)
        if joined is not None and left is not None and left.latest() < joined.earliest():
            problems.append(
                loaded.problem(
                    (*where, name),
                    "participant-left-before-joined",
                    field=name,
                    left=str(left),
                    joined=str(joined),
                )
            )
    if participant.left is not None and participant.left_by is not None:
        problems.append(loaded.problem((*where, "left_by"), "participant-left-and-left-by"))
    if not value.sources_of(participant):
        problems.append(loaded.problem(where, "participant-no-source"))
    return problems
