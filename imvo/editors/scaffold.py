"""`python build.py new <slug>`: a new covenant file with every field, explained.

Required fields are written with empty values to fill in; optional fields are written as
comments to remove the '#' from. The explanation of each field comes from the content model,
so the file and the model cannot tell different stories.
"""

from __future__ import annotations

import re
from pathlib import Path

from imvo.messages import text
from imvo.messages.fields_nl import FIELDS_NL, STATUS_NEEDS_NL
from imvo.model.content import (
    SLUG_PATTERN,
    Covenant,
    Evaluation,
    OecdTheme,
    ResultBy,
    ResultKind,
    Risk,
    Role,
    Status,
)
from imvo.render.page_list import RESERVED_NAMES

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/covenant.schema.json"


class ScaffoldError(Exception):
    """The file cannot be written; the message says why, in one line."""


def _choices(values: list[str]) -> str:
    return ", ".join(values)


EXAMPLES: dict[str, str] = {
    "name": 'name:\n  nl: ""\n  en: ""',
    "short_name": 'short_name:\n  nl: ""\n  en: ""',
    "sector": 'sector:\n  nl: ""\n  en: ""',
    "status": (
        'status:\n  value: ""  # kies een van · one of: '
        + _choices([s.value for s in Status])
        + "\n"
        "  sources: []  # ids van 'sources' onderaan · ids from 'sources' below: [bron-id]\n"
        '  # as_of: "2025-01"  # when you checked; for unknown: latest source that saw it run\n'
        "  # note:\n  #   nl: ...\n  #   en: ..."
    ),
    "signed": (
        '# signed:\n#   date: "2018-03-20"  # "YYYY-MM-DD", or "YYYY-MM" or "YYYY" if that is all '
        "that is known\n#   sources: [ser-persbericht]\n#   disputed:  # another date that "
        'another source gives\n#     - date: "2018-03-21"\n#       sources: [krant]'
    ),
    "in_force": '# in_force:\n#   date: "2018-04"\n#   sources: [ser-persbericht]',
    "ended": '# ended:\n#   date: "2023-03-31"\n#   sources: [ser-persbericht]',
    "term": "# term:\n#   months: 60  # 5 years\n#   sources: [ser-persbericht]",
    "successor": (
        "# successor: nieuwe-sector  # de bestandsnaam zonder .yaml · the file name without .yaml"
    ),
    "tagline": "# tagline:\n#   nl: ...\n#   en: ...",
    "checked": '# checked: "2026-11-29"  # the day you checked every fact against its sources',
    "summary": 'summary:\n  nl: ""\n  en: ""',
    "goals": "# goals:\n#   - nl: ...\n#     en: ...",
    "oecd_themes": "# oecd_themes: []  # any of: " + _choices([t.value for t in OecdTheme]),
    "risks": "# risks: []  # any of: " + _choices([r.value for r in Risk]),
    "parties": (
        "# parties:\n#   - party: fnv  # the id in content/parties.yaml\n"
        "#     role: signatory  # kies een van · one of: "
        + _choices([r.value for r in Role])
        + "\n"
        '#     date: "2018-03-20"  # when it joined, left or declined, if known\n'
        "#     sources: [ser-persbericht]"
    ),
    "chairs": ("# chairs:\n#   - name: Naam Voorzitter\n#     sources: [ser-persbericht]"),
    "counts": (
        "# counts:  # a number a source gives\n#   - of: parties  # parties or participants\n"
        "#     number: 11\n#     sources: [ser-persbericht]"
    ),
    "complaints": "# complaints:\n#   nl: ...\n#   en: ...\n#   sources: [ser-persbericht]",
    "complaints_now": (
        "# complaints_now:  # where a complaint goes today, in a few words\n"
        "#   nl: Het merk of het NCP\n#   en: The brand or the NCP\n#   sources: [ser-persbericht]"
    ),
    "union_role": "# union_role:\n#   nl: ...\n#   en: ...\n#   sources: [ser-persbericht]",
    "actions": (
        "# actions:  # two or three steps for a union member or works-council member\n"
        "#   - nl: ...\n#     en: ..."
    ),
    "after_end": "# after_end:\n#   nl: ...\n#   en: ...\n#   sources: [ser-persbericht]",
    "results": (
        "# results:  # what it achieved or did not, most important for workers first\n"
        "#   - kind: monitoring  # kies een van · one of: "
        + _choices([k.value for k in ResultKind])
        + "\n#     text:\n#       nl: ...\n#       en: ...\n"
        "#     figure:  # where the source gives a number\n#       value: 48\n"
        "#       unit:\n#         nl: bedrijven met een risicoanalyse\n"
        "#         en: companies with a risk analysis\n"
        '#       as_of: "2019"\n'
        "#     by: agreement  # kies een van · one of: "
        + _choices([b.value for b in ResultBy])
        + '\n#     date: "2020-03"  # when the source said it\n'
        "#     sources: [ser-persbericht]"
    ),
    "review": (
        "# review:  # for the comparison of all covenants\n"
        "#   final_evaluation: unknown  # kies een van · one of: "
        + _choices([e.value for e in Evaluation])
        + "\n#   sources: [ser-persbericht]"
    ),
    "results_searched": (
        "# results_searched:  # only where no result was found\n"
        '#   date: "2026-12-07"\n#   searches:\n'
        "#     - nl: Gezocht naar eindevaluatie en jaarverslag (Nederlands); niets gevonden\n"
        "#       en: Searched for a final evaluation and annual report (Dutch); nothing found"
    ),
    "links": (
        "# links:\n#   - title:\n#       nl: Website van het convenant\n"
        "#       en: Website of the agreement\n#     url: https://www.imvoconvenanten.nl/"
    ),
    "sources": (
        "# sources:\n"
        "#   - id: ser-persbericht  # a short name: lowercase letters, digits, hyphens\n"
        "#     title: Title of the source, as the source writes it\n"
        "#     publisher: SER\n#     url: https://www.ser.nl/...\n"
        '#     published: "2018-03-20"  # the date the source gives; leave out if it gives none\n'
        '#     checked: "2018-04-02"  # the day you viewed it (never the publication date)'
    ),
}
"""An example of each field of a covenant, in the order of the model."""


HEADER = [
    "# Een nieuw convenant. Vul elke \"\" in (die velden zijn VERPLICHT), haal het '#' weg voor",
    "# de andere velden die je gebruikt, en typ dan: python build.py check --strict",
    "# Een datum staat tussen aanhalingstekens. De handleiding: CONTRIBUTING.md.",
    "# A new covenant. Fill in every \"\" (they are REQUIRED), remove the '#' before the",
    "# optional fields you use, then run: python build.py check --strict",
    "# Dates go in quotes. The guide: CONTRIBUTING.md.",
]

STATUS_NEEDS = [
    "# Wat elke status verder nodig heeft · What each status needs besides itself:",
    *(f"# · {status.value} = {STATUS_NEEDS_NL[status.value]}" for status in Status),
]
"""Listed under the status, in Dutch (validate.py checks the same rules, in both languages)."""


def template() -> str:
    """The text of a new covenant file: every field of the model, in its order, explained
    in Dutch and in English."""
    lines = [SCHEMA_LINE, *HEADER]
    for name, info in Covenant.model_fields.items():
        required = "REQUIRED. " if info.is_required() else ""
        verplicht = "VERPLICHT" if info.is_required() else "mag weg"
        lines.append("")
        lines.append(f"# {name} ({verplicht}): {FIELDS_NL[f'Covenant.{name}']}")
        lines.append(f"# {name}: {required}{info.description}")
        lines.append(EXAMPLES[name])
        if name == "status":
            lines += STATUS_NEEDS
    return "\n".join(lines) + "\n"


def free_name(wanted: str, folder: Path) -> str:
    """A file name like the one asked for that can be used: lowercase letters, digits and
    hyphens, not a page of the site, and not taken ('Natuur Steen' -> 'natuur-steen')."""
    base = re.sub(r"[^a-z0-9]+", "-", _plain(wanted).lower()).strip("-") or "nieuw-convenant"
    if base in RESERVED_NAMES:
        base = f"{base}-convenant"
    name, number = base, 2
    while (folder / f"{name}.yaml").exists() or name in RESERVED_NAMES:
        name, number = f"{base}-{number}", number + 1
    return name


def _plain(text: str) -> str:
    """Letters without accents: 'tëxtiel' -> 'textiel'."""
    import unicodedata

    return "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )


def check_slug(slug: str, folder: Path) -> Path:
    """The path of a new covenant file; raise ScaffoldError if the name cannot be used."""
    if not re.fullmatch(SLUG_PATTERN, slug):  # '$' would let a final new line in
        raise ScaffoldError(text("new-bad-name", name=slug, suggest=free_name(slug, folder)))
    if slug in RESERVED_NAMES:
        raise ScaffoldError(text("new-reserved", name=slug, suggest=free_name(slug, folder)))
    path = folder / f"{slug}.yaml"
    if path.exists():
        raise ScaffoldError(
            text("new-exists", path=path.as_posix(), suggest=free_name(slug, folder))
        )
    return path


def new_covenant(content: Path, slug: str) -> Path:
    """Write content/covenants/<slug>.yaml from the template; return its path."""
    folder = content / "covenants"
    path = check_slug(slug, folder)
    folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(template())
    return path
