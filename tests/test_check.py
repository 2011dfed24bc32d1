"""`check`: the model's errors plus the warnings an editor should see, on the right line."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from build_options import options
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from imvo.editors.check import REMINDERS, CheckResult, exit_code, report, run_check
from imvo.messages.problems import Problem

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "content"
COVENANT = "content/covenants/voorbeeld.yaml"
WHEN = date(2026, 11, 21)
AFTER_END = (
    "after_end:\n  nl: Er kwam geen nieuw convenant; klachten gaan nu naar het NCP.\n"
    "  en: No new agreement followed; complaints now go to the NCP.\n  sources: [bron-b]\n"
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the fixture content in tmp_path/content."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a file (which must be there)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def warnings(content: Path, when: date = WHEN) -> list[str]:
    """The check's problems as an editor reads them."""
    return [p.text() for p in run_check(content, content.parent, when).problems]


def test_the_fixture_has_no_warnings(content: Path) -> None:
    result = run_check(content, content.parent, WHEN)
    assert result == CheckResult([], 1)
    assert report(result, strict=True) == "1 covenant checked: no problems."


def test_a_fact_without_a_source(content: Path) -> None:
    edit(
        content / "covenants/voorbeeld.yaml",
        "  months: 36\n  sources: [bron-a]\n",
        "  months: 36\n",
    )
    assert warnings(content) == [
        f"{COVENANT}:26: warning: term: this fact has no source: add 'sources: [<id>]' "
        "with an id from 'sources'"
    ]


def test_a_party_without_a_source(content: Path) -> None:
    edit(
        content / "covenants/voorbeeld.yaml",
        "    role: facilitator\n    sources: [bron-a]\n",
        "    role: facilitator\n",
    )
    assert warnings(content) == [
        f"{COVENANT}:40: warning: second party: this fact has no source: add 'sources: [<id>]' "
        "with an id from 'sources'"
    ]


def _make_active(content: Path) -> None:
    path = content / "covenants/voorbeeld.yaml"
    edit(path, "  value: ended\n", "  value: active\n")
    edit(path, 'ended:\n  date: "2020-06"\n  sources: [bron-b]\n', "")
    # What came after the end does not fit a running covenant (check warns of that).
    edit(path, AFTER_END, "")


def test_active_after_its_term(content: Path) -> None:
    _make_active(content)
    assert warnings(content, date(2019, 9, 1)) == [
        f"{COVENANT}:11: reminder: status, value: status 'active' (running) but its term of 36 "
        "months ended in 2019-08: check the status, add 'ended', or explain it in status.note"
    ]


def test_active_after_its_term_with_an_explanation(content: Path) -> None:
    _make_active(content)
    edit(
        content / "covenants/voorbeeld.yaml",
        "  sources: [bron-a]\nsigned:",
        "  sources: [bron-a]\n  note:\n    nl: Verlengd.\n    en: Extended.\nsigned:",
    )
    assert warnings(content, date(2019, 9, 1)) == []


def test_unknown_after_its_term_has_no_warning(content: Path) -> None:
    # 'unknown' already says no source tells whether it still runs: nothing to warn about.
    path = content / "covenants/voorbeeld.yaml"
    edit(path, "  value: ended\n", '  value: unknown\n  as_of: "2019-06"\n')
    edit(path, 'ended:\n  date: "2020-06"\n  sources: [bron-b]\n', "")
    edit(path, AFTER_END, "")
    assert warnings(content, date(2019, 9, 1)) == []


def test_active_within_its_term(content: Path) -> None:
    _make_active(content)
    assert warnings(content, date(2019, 8, 31)) == []


def test_ended_in_the_future(content: Path) -> None:
    edit(content / "covenants/voorbeeld.yaml", 'date: "2020-06"', 'date: "2030-01"')
    assert warnings(content) == [
        f"{COVENANT}:11: reminder: status, value: status 'ended' (ended) but the end date "
        f"(2030-01) "
        "is in the future"
    ]


def test_active_but_signed_in_the_future(content: Path) -> None:
    _make_active(content)
    assert warnings(content, date(2016, 7, 1)) == [
        f"{COVENANT}:11: reminder: status, value: status 'active' (running) but the signing date "
        "(2016-07-04) is in the future"
    ]


def test_a_link_that_is_not_https(content: Path) -> None:
    edit(
        content / "covenants/voorbeeld.yaml",
        "url: https://example.org/a",
        "url: http://example.org/a",
    )
    assert warnings(content) == [
        f"{COVENANT}:59: warning: first source, url: the link is not https: "
        "use 'https://example.org/a' if the site has it"
    ]


def test_a_party_website_that_is_not_https(content: Path) -> None:
    edit(
        content / "parties.yaml",
        "    kind: trade_union\n",
        "    kind: trade_union\n    website: http://www.fnv.nl\n",
    )
    assert warnings(content) == [
        "content/parties.yaml:6: warning: first party, website: the link is not https: "
        "use 'https://www.fnv.nl' if the site has it"
    ]


def test_a_text_left_untranslated(content: Path) -> None:
    edit(
        content / "covenants/voorbeeld.yaml",
        "  en: An agreement to test the fixture.",
        "  en: Een convenant om de fixture te testen.",
    )
    assert warnings(content) == [
        f"{COVENANT}:29: warning: summary: the Dutch and English texts are the same; "
        "translate one of them"
    ]


def test_errors_and_warnings_together_sorted(content: Path) -> None:
    path = content / "covenants/voorbeeld.yaml"
    edit(path, "url: https://example.org/a", "url: http://example.org/a")
    edit(path, "    role: withdrawn\n", "    role: left\n")
    result = run_check(content, content.parent, WHEN)
    assert [p.text() for p in result.problems] == [
        f"{COVENANT}:44: third party, role: expected one of signatory, supporter, facilitator, "
        "withdrawn, declined; got 'left'",
        f"{COVENANT}:59: warning: first source, url: the link is not https: "
        "use 'https://example.org/a' if the site has it",
    ]
    assert report(result, strict=False) == "1 error and 1 warning in 1 file."
    assert exit_code(result, strict=False) == 1


def test_warnings_are_the_same_when_covenants_are_read_side_by_side(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = content / "covenants/voorbeeld.yaml"
    edit(path, "url: https://example.org/a", "url: http://example.org/a")
    shutil.copy(path, content / "covenants/tweede.yaml")
    alone = run_check(content, content.parent, WHEN)
    monkeypatch.setattr("imvo.validate.PARALLEL_FROM", 2)
    assert run_check(content, content.parent, WHEN) == alone
    assert [p.path for p in alone.problems] == [
        "content/covenants/tweede.yaml",
        "content/covenants/voorbeeld.yaml",
    ]


def test_strict_fails_on_warnings_only() -> None:
    warning = Problem("a.yaml", 3, "url", "the link is not https", "warning")
    result = CheckResult([warning], 1)
    assert exit_code(result, strict=False) == 0
    assert exit_code(result, strict=True) == 1
    assert report(result, strict=False) == "1 warning in 1 file."
    assert report(result, strict=True) == "1 warning in 1 file; warnings fail with --strict."


def test_a_reminder_never_fails_strict() -> None:
    reminder = Problem("a.yaml", 3, "checked", "last checked long ago", "reminder")
    result = CheckResult([reminder], 1)
    assert result.warnings == [] and result.reminders == [reminder]
    assert exit_code(result, strict=True) == 0
    assert report(result, strict=True) == (
        "1 covenant checked: no problems, but 1 reminder in 1 file (a reminder depends on "
        "today's date and never fails the check)."
    )
    warning = Problem("a.yaml", 4, "url", "the link is not https", "warning")
    both = CheckResult([reminder, warning], 1)
    assert exit_code(both, strict=True) == 1
    assert report(both, strict=True) == (
        "1 warning and 1 reminder in 1 file; warnings fail with --strict."
    )


@pytest.mark.parametrize("years", [1, 2, 10])
def test_the_real_content_passes_strict_on_any_later_day(years: int) -> None:
    """The time bomb: from a year after the last 'checked' date, content nobody changed
    must not fail `check --strict` (run on the repository's own content)."""
    root = Path(__file__).resolve().parent.parent
    today = date.today()  # the real day: the content must pass on every day after it
    later = today.replace(year=today.year + years, day=1)
    result = run_check(root / "content", root, later)
    assert result.errors == [] and result.warnings == []
    assert exit_code(result, strict=True) == 0
    if years >= 2:
        assert result.reminders  # every 'checked' date of a running covenant is old by then
        assert {p.code for p in result.reminders} <= REMINDERS


def test_only_reminders_depend_on_the_date() -> None:
    """On the real content, the errors and warnings are the same on any day, from long before
    the first signing to long after every term: what changes with the date is a reminder."""
    root = Path(__file__).resolve().parent.parent

    def failing(when: date) -> list[Problem]:
        result = run_check(root / "content", root, when)
        return result.errors + result.warnings

    now = failing(date.today())
    for when in (date(1990, 1, 1), date(2060, 12, 31)):
        assert failing(when) == now
    assert run_check(root / "content", root, date(1990, 1, 1)).reminders  # signed "later"


def test_a_reminder_hides_no_other_problem(content: Path) -> None:
    """An old 'checked' date (a reminder, there on every later day) and a broken link:
    the link is still found, as the build would find it."""
    path = content / "covenants/voorbeeld.yaml"
    _make_active(content)
    edit(path, 'checked: "2026-11-29"', 'checked: "2018-06-30"')
    text = path.read_text(encoding="utf-8")
    summary = text.index("summary:")
    nl = text.index("nl:", summary) + len("nl:")
    path.write_text(text[:nl] + " Zie [de pagina](geen-pagina.html)." + text[nl:], encoding="utf-8")
    result = run_check(content, content.parent, date(2019, 7, 1))
    assert [p.code for p in result.reminders] == ["checked-old"]
    assert "link-missing" in [p.code for p in result.errors]


# An editor's slip, at random: the check must answer with lines, never a traceback.
_FILES = sorted(path.relative_to(FIXTURES).as_posix() for path in FIXTURES.rglob("*.yaml"))
_TOKENS = (
    *("", " ", "  ", "\t", "- ", ": ", "? ", "#", "|", ">", '"', "'", "[", "]", "{", "}"),
    *("&a ", "*a", "<<: ", "!!int ", "!!float ", "!!bool ", "!!timestamp ", "!x ", "!!str "),
    *("~", "null", "true", "12", "-1", ".nan", "0x1F", "é", "\u2028", "\x07", "---", "..."),
    *("2016-13-45", '"2020-02-30"', '"2020-06"', '"2016"', "2016-07-04", "[]", "{}"),
    *("bron-a", "bron-b", "fnv", "ser", "ended", "active", "voorbeeld", "javascript:x"),
)
_EDITS = st.tuples(
    st.sampled_from(("delete", "copy", "insert", "value", "indent", "swap", "cut")),
    st.integers(0, 1000),
    st.integers(0, 1000),
    st.sampled_from(_TOKENS),
)


def _edit(text: str, edits: list[tuple[str, int, int, str]]) -> str:
    """Apply an editor's slips to a file: lines lost, copied, moved, cut or typed into."""
    lines = text.split("\n")
    for kind, first, second, token in edits:
        i, j = first % len(lines), second % len(lines)
        at = second % (len(lines[i]) + 1)
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "copy":
            lines.insert(i, lines[j])
        elif kind == "insert":
            lines[i] = lines[i][:at] + token + lines[i][at:]
        elif kind == "value" and ":" in lines[i]:
            lines[i] = lines[i].partition(":")[0] + ": " + token
        elif kind == "indent":
            lines[i] = " " * (second % 7) + lines[i].lstrip()
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "cut":
            lines[i] = lines[i][:at] + lines[i][at + first % 9 :]
    return "\n".join(lines)


@example(file="covenants/voorbeeld.yaml", edits=[("value", 25, 0, "!!int ")])
@example(file="parties.yaml", edits=[("value", 3, 0, "!!timestamp ")])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file=st.sampled_from(_FILES), edits=st.lists(_EDITS, min_size=1, max_size=4))
def test_no_slip_in_a_file_makes_the_check_crash(
    file: str, edits: list[tuple[str, int, int, str]]
) -> None:
    with tempfile.TemporaryDirectory() as temp:
        content = Path(temp) / "content"
        shutil.copytree(FIXTURES, content)
        path = content / file
        text = _edit(path.read_text("utf-8"), edits)
        path.write_text(text, "utf-8")
        result = run_check(content, content.parent, WHEN)  # raises nothing
        for problem in result.problems:
            assert problem.path.startswith("content/") and problem.path.endswith(".yaml")
            lines = (Path(temp) / problem.path).read_text("utf-8").count("\n") + 1
            assert 1 <= problem.line <= lines, problem.text()
            assert problem.field and problem.message, problem.text()
            assert "\n" not in problem.text()
            assert "Traceback" not in problem.message


def test_a_running_covenant_last_checked_over_a_year_ago(content: Path) -> None:
    path = content / "covenants/voorbeeld.yaml"
    _make_active(content)
    edit(path, 'checked: "2026-11-29"', 'checked: "2018-06-30"')
    assert warnings(content, date(2019, 7, 1)) == [
        f"{COVENANT}:64: reminder: checked: last checked against the sources on 2018-06-30, "
        "more than a year ago: check the facts again and set 'checked' to today's date"
    ]
    assert warnings(content, date(2019, 6, 30)) == []


def test_an_ended_covenant_checked_long_ago_has_no_warning(content: Path) -> None:
    edit(content / "covenants/voorbeeld.yaml", 'checked: "2026-11-29"', 'checked: "2018-06-30"')
    assert warnings(content) == []


def _sign_on_a_sunday(content: Path) -> None:
    edit(
        content / "covenants/voorbeeld.yaml",
        'signed:\n  date: "2016-07-04"',
        'signed:\n  date: "2016-07-03"',
    )


def test_a_signing_on_a_sunday_gives_a_hint(content: Path) -> None:
    _sign_on_a_sunday(content)
    assert warnings(content) == [
        f"{COVENANT}:14: hint: signed, date: 2016-07-03 is a Sunday: check that the date is "
        "right, and if it is, say so in a 'note' on this date"
    ]


def test_the_weekend_hint_in_dutch(content: Path) -> None:
    edit(
        content / "covenants/voorbeeld.yaml",
        'ended:\n  date: "2020-06"',
        'ended:\n  date: "2020-06-27"',
    )
    (problem,) = run_check(content, content.parent, WHEN).problems
    assert problem.text("nl") == (
        f"{COVENANT}:23: aanwijzing: ended, date: 2020-06-27 is een zaterdag: kijk of de datum "
        "klopt; klopt hij, zet dat dan in een 'note' bij deze datum"
    )


def test_a_note_on_the_date_silences_the_weekend_hint(content: Path) -> None:
    _sign_on_a_sunday(content)
    edit(
        content / "covenants/voorbeeld.yaml",
        '    - date: "2016-07-05"\n      sources: [bron-b]\n',
        '    - date: "2016-07-05"\n      sources: [bron-b]\n'
        "  note:\n    nl: Gecontroleerd, het was een zondag.\n    en: Checked, it was a Sunday.\n",
    )
    assert warnings(content) == []


def test_a_weekend_month_or_a_weekday_gives_no_hint(content: Path) -> None:
    # June 2020 is known to the month only; 4 July 2016 (the fixture's signing) was a Monday.
    assert run_check(content, content.parent, WHEN).problems == []


def test_a_weekend_hint_never_fails_strict(content: Path) -> None:
    _sign_on_a_sunday(content)
    result = run_check(content, content.parent, WHEN)
    assert [p.severity for p in result.problems] == ["hint"]
    assert result.warnings == []
    assert exit_code(result, strict=True) == 0
    assert report(result, strict=True) == "1 hint in 1 file."


def test_hints_are_counted_apart_from_warnings() -> None:
    warning = Problem("a.yaml", 3, "url", "the link is not https", "warning")
    hint = Problem("a.yaml", 5, "signed.date", "a Sunday", "hint")
    error = Problem("b.yaml", 1, "name", "missing", "error")
    result = CheckResult([warning, hint, error], 2)
    assert exit_code(CheckResult([hint], 1), strict=True) == 0
    assert exit_code(CheckResult([warning, hint], 1), strict=True) == 1
    assert report(result, strict=True) == "1 error, 1 warning and 1 hint in 2 files."
    assert report(CheckResult([warning, hint], 1), strict=True) == (
        "1 warning and 1 hint in 1 file; warnings fail with --strict."
    )


def test_a_source_date_under_its_old_name_is_a_warning(content: Path) -> None:
    edit(
        content / "covenants/voorbeeld.yaml",
        "    url: https://example.org/a\n",
        '    url: https://example.org/a\n    date: "2016-07-04"\n',
    )
    lines = warnings(content)
    assert lines == [
        f"{COVENANT}:60: warning: first source, date: 'date' does not say whether this is the day "
        "the source was published or the day it was viewed: write 'published' (the date the "
        "source itself gives) or 'checked' (the day you viewed it)"
    ]


# --- what the build's render stage finds, check finds too ----------------------------------

RENDER_CASES = {
    "link-missing": (
        "  nl: Zie [textiel](textile.html).",
        "content/covenants/voorbeeld.yaml:29: (link): de link 'textile.html' leidt naar geen "
        "enkele pagina van de site; link naar een pagina die bestaat (zoals 'overzicht.html') "
        "of naar een volledig https://-adres",
    ),
    "link-absolute": (
        "  nl: Zie [het overzicht](/overzicht.html).",
        "content/covenants/voorbeeld.yaml:29: (link): de link '/overzicht.html' begint met "
        "'/', en dat werkt niet als de site in een map staat (zoals op GitHub Pages); link "
        "naar de pagina met alleen haar naam, zoals 'overzicht.html'",
    ),
    "link-invalid": (
        "  nl: Zie [over ons](<over deze.html>).",
        "content/covenants/voorbeeld.yaml:29: (link): de link 'over deze.html' is geen geldig "
        "adres; kijk of er een spatie, een haakje of een ander teken in staat of ontbreekt",
    ),
    "image-elsewhere": (
        "  nl: Een foto ![fabriek](https://example.org/f.png).",
        "content/covenants/voorbeeld.yaml:29: (link): de afbeelding 'https://example.org/f.png' "
        "kan niet worden getoond: de site toont alleen eigen bestanden en laadt niets van "
        "andere sites; link dan naar de afbeelding: [wat erop staat](adres)",
    ),
    "text-crash": (
        "\n" + "1. " * 5_000 + "\n",
        "content/texts/about.nl.md:1: (text): Markdown kon van deze tekst geen pagina maken "
        "(RecursionError: maximum recursion depth exceeded); zoek in de tekst naar een "
        "ongewone link of iets wat heel vaak achter elkaar herhaald wordt",
    ),
}
"""Each kind of problem the build's render stage reports about an editor's text (the codes of
imvo/render/link_check.py and the Markdown that cannot be read), made in the summary, and check's
line."""


def test_every_kind_of_render_problem_has_a_case() -> None:
    from imvo.render.link_check import CODES

    assert sorted(RENDER_CASES) == sorted({*CODES.values(), "text-crash"})


@pytest.mark.parametrize("code", sorted(RENDER_CASES))
def test_check_finds_what_the_build_would_refuse(content: Path, code: str) -> None:
    from imvo.render.renderer import Renderer
    from imvo.validate import load_content

    written, line = RENDER_CASES[code]
    if code == "text-crash":  # longer than a YAML text may be: a text page
        with (content / "texts" / "about.nl.md").open("a", encoding="utf-8") as page:
            page.write(written)
    else:
        edit(
            content / "covenants" / "voorbeeld.yaml",
            "  nl: Een convenant om de fixture te testen.",
            written,
        )
    # The build's render stage refuses it ...
    renderer = Renderer(load_content(content, content.parent), options(pdf=False))
    for lang in ("nl", "en"):
        renderer.language(lang)
    assert [p.code for p in renderer.problems] == [code]
    # ... and check says so, on the same line, where it said "no problems" before.
    result = run_check(content, content.parent, WHEN)
    assert [(p.code, p.text("nl")) for p in result.problems] == [(code, line)]
    assert result.problems == renderer.problems
    assert exit_code(result, strict=False) == 1


# --- the twelve mistakes of issue 25, made together: one run names them all ----------------

REAL_CONTENT = Path(__file__).resolve().parent.parent / "content"
TEXTIEL = "covenants/textiel.yaml"
PENSION_FUNDS = "participants/pensioenfondsen.yaml"
NBSP, OPEN, CLOSE = "\u00a0", "\u201c", "\u201d"


def _without_summary_en(text: str) -> str:
    start = text.index("  en: >-\n", text.index("\nsummary:"))
    return text[:start] + text[text.index("\ngoals:", start) + 1 :]


TWELVE: list[tuple[str, str, str]] = [
    # (1) a date as the Dutch write it
    (
        TEXTIEL,
        '  date: "2016-07-04"\n  sources: [ser-kalender',
        "  date: 1-7-2016\n  sources: [ser-kalender",
    ),
    # (2) a party id mistyped
    (TEXTIEL, "  - party: fnv\n", "  - party: fvn\n"),
    # (3) a source id never added to `sources`
    (
        TEXTIEL,
        "  - party: modint\n    role: signatory\n    sources: [imvo-textiel-organisatie]\n",
        "  - party: modint\n    role: signatory\n"
        "    sources: [imvo-textiel-organisatie, ser-jaarverslag-2024]\n",
    ),
    # (4) summary.en deleted (see _without_summary_en)
    (TEXTIEL, "", ""),
    # (5) one space too many before `role:`
    (TEXTIEL, "  - party: vgt\n    role: signatory\n", "  - party: vgt\n     role: signatory\n"),
    # (6) a tab as indentation
    (TEXTIEL, "term:\n  months:", "term:\n\tmonths:"),
    # (7) an address without https://
    (
        TEXTIEL,
        "    url: https://www.ser.nl/nl/actueel/Kalender/convenant-duurzame-kleding-textiel\n",
        "    url: www.ser.nl/nl/actueel/Kalender/convenant-duurzame-kleding-textiel\n",
    ),
    # (8) `- name: ABP` twice in the pension funds' participants
    (PENSION_FUNDS, "  - name: PMT\n", "  - name: ABP\n    sources: [abp-2018]\n  - name: PMT\n"),
    # (9) a status in Dutch
    (TEXTIEL, "  value: ended\n", "  value: lopend\n"),
    # (10) a link to the English name of a page in a Dutch text
    (
        TEXTIEL,
        "    merk zelf of naar het Nationaal Contactpunt (NCP).\n",
        "    merk zelf of naar het Nationaal Contactpunt (NCP). Zie [textiel](textile.html).\n",
    ),
    # (11) a paste from Word: curly quotes around a date and a key, a non-breaking space
    (TEXTIEL, 'checked: "2026-11-29"\n', f"checked: {OPEN}2026-11-29{CLOSE}\n"),
    (
        TEXTIEL,
        "      nl: De SER voerde het secretariaat.\n      en: The SER ran the secretariat.\n",
        f"      nl:{NBSP}De SER voerde het secretariaat.\n"
        f"      {OPEN}en{CLOSE}: The SER ran the secretariat.\n",
    ),
    # (12) a ':' in a text without quotes
    (
        TEXTIEL,
        "  - id: groenhuis-textiel\n",
        "  - id: jaarverslag-2024\n    title: Jaarverslag 2024: testconvenant ondertekend\n"
        "  - id: groenhuis-textiel\n",
    ),
]
"""Issue 25's twelve mistakes, as an editor makes them in a copy of the real content (the
eleventh, a paste from Word, in two places of the file)."""


def _make(content: Path, mistakes: list[tuple[str, str, str]]) -> None:
    for relative, old, new in mistakes:
        path = content / relative
        text = path.read_text(encoding="utf-8")
        if not old:
            text = _without_summary_en(text)
        else:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")


def _line(content: Path, relative: str, marker: str) -> int:
    """The line of the edited file that holds `marker` (the mistake's own text)."""
    text = (content / relative).read_text(encoding="utf-8")
    assert text.count(marker) == 1, marker
    return text[: text.index(marker)].count("\n") + 1


def test_the_twelve_mistakes_of_the_issue_take_one_run_and_a_clean_one(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(REAL_CONTENT, content)
    when = date(2026, 12, 7)
    clean = run_check(content, tmp_path, when).problems
    _make(content, TWELVE)
    at = partial(_line, content, TEXTIEL)
    parties = (content / TEXTIEL).read_text(encoding="utf-8").split("\nchairs:")[0]
    ser = parties.count("  - party:")  # the SER is the last party
    covenant = f"content/{TEXTIEL}"
    funds = (content / PENSION_FUNDS).read_text(encoding="utf-8").split("\n")
    abp = [number for number, line in enumerate(funds, start=1) if line == "  - name: ABP"]
    expected = [
        f"{covenant}:{at('checked: ' + OPEN)}: checked: Word-aanhalingstekens zijn voor YAML "
        'gewone letters: typ rechte aanhalingstekens: "2026-11-29"',
        f"{covenant}:{at('value: lopend')}: status, value: kies een van: "
        "in_preparation (in voorbereiding), active (loopt), ended (afgelopen), ended_early (vroeg "
        "gestopt), succeeded (opgevolgd), unknown (onbekend); er staat 'lopend'",
        f'{covenant}:{at("1-7-2016")}: signed, date: schrijf de datum als "2016-07-01" '
        "(jaar-maand-dag, tussen aanhalingstekens); er staat '1-7-2016'",
        f"{covenant}:{at(chr(9))}: (bestand): deze regel springt in met een tab; gebruik spaties",
        f"{covenant}:{at('summary:') + 1}: summary, en: dit veld is verplicht: vul het in",
        f"{covenant}:{at('     role:')}: (bestand): 'role:' hoort precies onder 'party:' op "
        f"regel {at('party: vgt')}: laat de regel met 4 spaties beginnen",
        f"{covenant}:{at('ser-jaarverslag-2024')}: tweede partij, tweede bron: er is geen bron "
        "met id 'ser-jaarverslag-2024' bij sources onderaan dit bestand; bedoel je "
        "'jaarverslag-2024'?",
        f"{covenant}:{at('party: fvn')}: vierde partij, party: er is geen partij 'fvn' in "
        "content/parties.yaml; bedoel je 'fnv'?",
        f"{covenant}:{at(NBSP)}: {ser}e partij, note, nl: na 'nl:' staat een vaste spatie (uit "
        "Word of een andere tekstverwerker); YAML ziet die niet als spatie: typ een gewone "
        "spatie",
        f"{covenant}:{at(OPEN + 'en')}: {ser}e partij, note, en: Word-aanhalingstekens om de "
        "veldnaam 'en': haal ze weg",
        f"{covenant}:{at('textile.html')}: (link): de link 'textile.html' leidt naar geen "
        "enkele pagina van de site; link naar een pagina die bestaat (zoals 'overzicht.html') "
        "of naar een volledig https://-adres",
        f"{covenant}:{at('url: www.ser.nl')}: eerste bron, url: schrijf een webadres dat met "
        "https:// begint, zoals 'https://www.ser.nl/...' (of mailto:); er staat "
        "'www.ser.nl/nl/actueel/Kalender/convenant-duurzame-kleding-textiel'",
        f"{covenant}:{at('Jaarverslag 2024:')}: (bestand): de tekst na 'title:' bevat een ':' "
        "en staat niet tussen aanhalingstekens; zet de hele tekst tussen aanhalingstekens: "
        'title: "Jaarverslag 2024: testconvenant ondertekend"',
        f"content/{PENSION_FUNDS}:{abp[1]}: derde deelnemer, name: 'ABP' staat al op regel "
        f"{abp[0]}; noem elke deelnemer één keer",
    ]
    first = run_check(content, tmp_path, when).problems
    assert [p.text("nl") for p in first if p not in clean] == expected
    # Run 2: each of the twelve was named on its line in run 1, so each is fixed as its line
    # says (and nothing else): that is the content as it was, and check passes.
    shutil.rmtree(content)
    shutil.copytree(REAL_CONTENT, content)
    assert run_check(content, tmp_path, when).problems == clean
    assert not [p for p in clean if p.severity == "error"]


def test_a_link_in_a_text_page_is_named_with_the_errors_of_another_file(content: Path) -> None:
    edit(content / "covenants" / "voorbeeld.yaml", "  value: ended\n", "  value: lopend\n")
    page = content / "texts" / "about.nl.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nZie [textiel](textile.html).\n", encoding="utf-8"
    )
    line = page.read_text(encoding="utf-8").count("\n")
    found = [p.text("nl") for p in run_check(content, content.parent, WHEN).problems]
    assert (
        f"content/texts/about.nl.md:{line}: (link): de link 'textile.html' leidt naar geen "
        "enkele pagina van de site; link naar een pagina die bestaat (zoals 'overzicht.html') "
        "of naar een volledig https://-adres" in found
    )
    assert len(found) == 2
