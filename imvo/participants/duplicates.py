"""Look-alikes: entries in different covenants whose names look like the same organisation,
for the editors' check (compared in the one normal form of imvo/participants/names.py)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from imvo.model.content import Corpus, Participant
from imvo.participants.names import words
from imvo.participants.organisations import entries


@dataclass(frozen=True)
class Duplicate:
    """Two entries in two covenants whose names look like the same organisation."""

    slug: str
    index: int
    name: str
    other_slug: str
    other_index: int
    other_name: str


def duplicates(corpus: Corpus) -> list[Duplicate]:
    """Entries in different covenants that are likely the same organisation.

    Two entries look alike when their names (or legal names) in normal form are equal or the
    words of one occur in a row in the other, and they do not both carry an id (a party id or
    an id): the same id says they are one organisation, different ids say they are not.
    Each pair is reported once, at the later entry.
    """
    names: list[tuple[tuple[str, ...], str, int, Participant]] = []
    for slug, index, _listing, entry in entries(corpus):
        participant = entry.participant
        for text in dict.fromkeys(filter(None, (participant.name, participant.legal_name))):
            found = words(text)
            if found:
                names.append((found, slug, index, participant))
    # Each name's words, as an index: a name contains another when some run of its words is
    # that other name's words, so looking up every run of every name finds each pair in time
    # linear in the number of names (a name has a handful of words).
    by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for position, (found, *_rest) in enumerate(names):
        by_words[found].append(position)
    reported: set[tuple[str, int, str, int]] = set()
    result: list[Duplicate] = []
    for found, slug, index, participant in names:
        size = len(found)
        runs = {found[start:end] for start in range(size) for end in range(start + 1, size + 1)}
        for run in runs:
            for position in by_words.get(run, ()):
                _other, other_slug, other_index, other_participant = names[position]
                if other_slug == slug or (participant.key and other_participant.key):
                    continue
                first, second = sorted([(slug, index), (other_slug, other_index)])
                pair = (*first, *second)
                if pair in reported:
                    continue
                reported.add(pair)
                a = corpus.participants[first[0]].participants[first[1]]
                b = corpus.participants[second[0]].participants[second[1]]
                result.append(Duplicate(second[0], second[1], b.name, first[0], first[1], a.name))
    return sorted(result, key=lambda d: (d.slug, d.index, d.other_slug, d.other_index))
