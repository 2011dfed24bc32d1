"""The A-Z list of organisations: the letter each is listed under, its anchor, and when the
list is one page per letter."""

from __future__ import annotations

from collections import defaultdict

from imvo.participants.names import sort_key
from imvo.participants.organisations import Organisation

SPLIT_FROM = 2000
"""From this many organisations on, the A-Z list is one page per letter: a single page of
100,000 names would be tens of megabytes, more than a phone can load."""


def letter_slug(letter: str) -> str:
    """The part of a letter's anchor or page name: 'a' for A, 'other' for '#'."""
    return "other" if letter == "#" else letter.lower()


def letter(text: str) -> str:
    """The letter a name is listed under: A-Z, or '#' for a digit or other sign."""
    first = sort_key(text)[0][:1].upper()
    return first if "A" <= first <= "Z" else "#"


def anchors(orgs: list[Organisation]) -> list[str]:
    """The anchor of each organisation, in order; two names that differ only in legal form
    or accents would share one, so the later ones get a number."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for org in orgs:
        base = org.anchor
        seen[base] += 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def by_letter(orgs: list[Organisation]) -> list[tuple[str, list[tuple[str, Organisation]]]]:
    """The organisations under their letters, each with its anchor: [('A', [(anchor, org)])]."""
    groups: dict[str, list[tuple[str, Organisation]]] = defaultdict(list)
    for anchor, org in zip(anchors(orgs), orgs, strict=True):
        first = org.order[0][:1].upper()
        groups[first if "A" <= first <= "Z" else "#"].append((anchor, org))
    return sorted(groups.items(), key=lambda item: (item[0] == "#", item[0]))
