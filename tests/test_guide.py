"""The editors' guide (CONTRIBUTING.md) stays true: each worked example of an error message
is run through the real checks, and must produce exactly the message the guide shows."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from imvo.editors.check import run_check

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "CONTRIBUTING.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"
WHEN = date(2025, 11, 21)
"""'Today' for the examples (the warnings about dates depend on it)."""

_STATUS_TO_ENDED = (
    "status:\n  value: ended\n  sources: [bron-a]\n"
    'signed:\n  date: "2016-07-04"\n  sources: [bron-a]\n'
    '  disputed:\n    - date: "2016-07-05"\n      sources: [bron-b]\n'
    'in_force:\n  date: "2016-08"\n  sources: [bron-a]\n'
    'ended:\n  date: "2020-06"\n  sources: [bron-b]\n'
)

PLACES: dict[str, tuple[str, str]] = {
    "unknown-field": ("covenants/voorbeeld.yaml", "term:\n  months: 36\n  sources: [bron-a]\n"),
    "wrong-choice": ("covenants/voorbeeld.yaml", "status:\n  value: ended\n  sources: [bron-a]\n"),
    "date-format": ("covenants/voorbeeld.yaml", 'signed:\n  date: "2016-07-04"\n'),
    "date-not-real": ("covenants/voorbeeld.yaml", 'in_force:\n  date: "2016-08"\n'),
    "empty-text": (
        "covenants/voorbeeld.yaml",
        "summary:\n  nl: Een convenant om de fixture te testen.\n",
    ),
    "required": (
        "covenants/voorbeeld.yaml",
        "short_name:\n  nl: Voorbeeld\n  en: Example\n"
        "sector:\n  nl: Voorbeeldsector\n  en: Example sector\n",
    ),
    "not-a-list": ("covenants/voorbeeld.yaml", "term:\n  months: 36\n  sources: [bron-a]\n"),
    "unknown-source": (
        "covenants/voorbeeld.yaml",
        "  - party: fnv\n    role: signatory\n    sources: [bron-a]\n",
    ),
    "unknown-party": (
        "covenants/voorbeeld.yaml",
        "  - party: fnv\n    role: signatory\n    sources: [bron-a]\n",
    ),
    "source-twice": ("covenants/voorbeeld.yaml", "  - id: bron-b\n    title: Bron B\n"),
    "not-a-link": ("covenants/voorbeeld.yaml", "    url: https://example.org/a\n"),
    "needs-end-date": (
        "covenants/voorbeeld.yaml",
        'in_force:\n  date: "2016-08"\n  sources: [bron-a]\n'
        'ended:\n  date: "2020-06"\n  sources: [bron-b]\n',
    ),
    "end-before-start": ("covenants/voorbeeld.yaml", 'ended:\n  date: "2020-06"\n'),
    "date-out-of-range": ("covenants/voorbeeld.yaml", 'ended:\n  date: "2020-06"\n'),
    "duplicate-key": ("covenants/voorbeeld.yaml", "term:\n  months: 36\n  sources: [bron-a]\n"),
    "not-yaml": (
        "covenants/voorbeeld.yaml",
        "summary:\n  nl: Een convenant om de fixture te testen.\n",
    ),
    "party-twice": ("parties.yaml", "  - id: ser\n"),
    "participant-twice": ("participants/voorbeeld.yaml", "  - name: 3D Textiel\n"),
    "warning-no-source": ("covenants/voorbeeld.yaml", "term:\n  months: 36\n  sources: [bron-a]\n"),
    "warning-not-https": ("covenants/voorbeeld.yaml", "    url: https://example.org/a\n"),
    "warning-same-text": (
        "covenants/voorbeeld.yaml",
        "summary:\n  nl: Een convenant om de fixture te testen.\n"
        "  en: An agreement to test the fixture.\n",
    ),
    "warning-term-passed": ("covenants/voorbeeld.yaml", _STATUS_TO_ENDED),
    "warning-as-of-before-end": (
        "covenants/voorbeeld.yaml",
        "status:\n  value: ended\n  sources: [bron-a]\n",
    ),
    "warning-empty-group": (
        "covenants/voorbeeld.yaml",
        "complaints:\n  nl: Klachten gaan naar de klachtencommissie.\n"
        "  en: Complaints go to the complaints committee.\n",
    ),
    "hint-weekend": ("covenants/voorbeeld.yaml", 'signed:\n  date: "2016-07-04"\n'),
    "warning-source-date": ("covenants/voorbeeld.yaml", "    url: https://example.org/a\n"),
    "list-indent": ("covenants/voorbeeld.yaml", "  - party: fnv\n    role: signatory\n"),
    "comment-cut": ("covenants/voorbeeld.yaml", "  - id: bron-b\n    title: Bron B\n"),
    "yes-no": ("covenants/voorbeeld.yaml", "  - id: bron-b\n    title: Bron B\n"),
    "number-as-text": ("covenants/voorbeeld.yaml", "  - id: bron-b\n    title: Bron B\n"),
    "number-changed": ("covenants/voorbeeld.yaml", "term:\n  months: 36\n  sources: [bron-a]\n"),
    "word-quotes": ("covenants/voorbeeld.yaml", 'in_force:\n  date: "2016-08"\n'),
    "word-space": (
        "covenants/voorbeeld.yaml",
        "summary:\n  nl: Een convenant om de fixture te testen.\n",
    ),
    "item-under": ("covenants/voorbeeld.yaml", "  - id: bron-b\n    title: Bron B\n"),
    "party-listed-twice": (
        "covenants/voorbeeld.yaml",
        "  - party: ser\n    role: facilitator\n    sources: [bron-a]\n",
    ),
    "link-missing": (
        "covenants/voorbeeld.yaml",
        "summary:\n  nl: Een convenant om de fixture te testen.\n",
    ),
    "word-space-in-value": ("covenants/voorbeeld.yaml", "    url: https://example.org/a\n"),
    "word-quotes-key": (
        "covenants/voorbeeld.yaml",
        "summary:\n  nl: Een convenant om de fixture te testen.\n",
    ),
    "word-space-indent": ("covenants/voorbeeld.yaml", "term:\n  months: 36\n"),
    "space-after-colon": (
        "covenants/voorbeeld.yaml",
        "summary:\n  nl: Een convenant om de fixture te testen.\n",
    ),
    "value-listed-twice": ("covenants/voorbeeld.yaml", "risks: [living_wage, child_labour]\n"),
    "item-listed-twice": (
        "covenants/voorbeeld.yaml",
        "goals:\n  - nl: Een leefbaar loon.\n    en: A living wage.\n",
    ),
}
"""For each example: the fixture file it goes into, and the part of that file it replaces."""

_EXAMPLE_RE = re.compile(
    r"<!-- example: ([a-z-]+) -->\s*```yaml\n(.*?)```[^`]*?```text\n(.*?)```"
    r"[^`]*?```text\n(.*?)```",
    re.DOTALL,
)
"""An example: what the editor wrote, what check says in Dutch, then in English."""


def guide_examples() -> dict[str, tuple[str, dict[str, list[str]]]]:
    """The guide's worked examples: id -> (the YAML an editor wrote, the lines check prints
    in Dutch and in English)."""
    text = GUIDE.read_text(encoding="utf-8")
    found: dict[str, tuple[str, dict[str, list[str]]]] = {}
    for match in _EXAMPLE_RE.finditer(text):
        shown = {"nl": match.group(3).splitlines(), "en": match.group(4).splitlines()}
        found[match.group(1)] = (match.group(2), shown)
    return found


def test_every_example_has_a_place_and_every_place_an_example() -> None:
    assert sorted(guide_examples()) == sorted(PLACES)


@pytest.mark.parametrize("name", sorted(PLACES))
def test_the_guide_shows_the_real_message(name: str, tmp_path: Path) -> None:
    written, shown = guide_examples()[name]
    relative, original = PLACES[name]
    content = tmp_path / "content"
    shutil.copytree(FIXTURES, content)
    path = content / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(original) == 1
    path.write_text(text.replace(original, written), encoding="utf-8")
    result = run_check(content, tmp_path, WHEN)
    for lang in ("nl", "en"):
        assert [problem.text(lang) for problem in result.problems] == shown[lang]


def test_the_guide_is_in_dutch_and_english() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for heading in (
        "## Nederlands",
        "### Een datum wijzigen",
        "### Een partij toevoegen",
        "### Een convenant toevoegen",
        "### Een bron toevoegen",
        "### Lokaal bekijken",
        "### Foutmeldingen lezen",
        "## English",
        "### Change a date",
        "### Add a party",
        "### Add a covenant",
        "### Add a source",
        "### Preview locally",
        "### Read the errors",
    ):
        assert f"\n{heading}\n" in text, heading


def test_the_guide_walks_an_editor_through_github_alone() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    dutch, english = text.index("## Nederlands"), text.index("## English")
    assert dutch < text.index("### Alleen op GitHub: stap voor stap") < english  # Dutch first
    assert english < text.index("### On GitHub only: step by step")
    for words in ("potlood-icoon", "Propose changes", "bericht", "voorbeeld", "github.dev"):
        assert words in text[dutch:english], words
    for words in ("pencil icon", "Propose changes", "comment", "preview", "github.dev"):
        assert words in text[english:], words


def test_the_guide_runs_check_strictly_and_its_example_covenant_does_not_exist() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert "python build.py check --strict" in text
    assert re.search(r"`python build.py check`(?! --strict)", text) is None
    assert "python build.py new kunststof" in text
    assert not (ROOT / "content" / "covenants" / "kunststof.yaml").exists()


def test_the_guide_s_reading_example_is_the_real_dutch_message() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    reading = text[text.index("### Foutmeldingen lezen") : text.index("## English")]
    line = re.search(r"```text\n(.*?)\n```", reading, re.DOTALL)
    assert line is not None
    assert line.group(1) in guide_examples()["wrong-choice"][1]["nl"]
