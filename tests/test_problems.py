"""Tests of imvo/messages/problems.py: how a problem reads, and the count line after them."""

from __future__ import annotations

import pickle

from imvo.messages.problems import BuildError, Problem, counted, summary


def test_counted_puts_the_noun_in_the_plural_unless_there_is_one() -> None:
    assert [counted(n, "covenant") for n in (0, 1, 2)] == [
        "0 covenants",
        "1 covenant",
        "2 covenants",
    ]


def test_a_problem_reads_as_path_line_field_message() -> None:
    error = Problem("content/covenants/x.yaml", 3, "name.nl", "this text is empty")
    warning = Problem("content/covenants/x.yaml", 4, "signed", "no source", severity="warning")
    assert error.text() == "content/covenants/x.yaml:3: name, nl: this text is empty"
    assert warning.text() == "content/covenants/x.yaml:4: warning: signed: no source"
    assert (
        error.github()
        == "::error file=content/covenants/x.yaml,line=3::name, nl: this text is empty"
    )


def test_a_reminder_reads_as_one_and_is_a_notice_on_github() -> None:
    reminder = Problem("content/covenants/x.yaml", 14, "checked", "old", severity="reminder")
    assert reminder.text("nl") == "content/covenants/x.yaml:14: herinnering: checked: old"
    assert reminder.text("en") == "content/covenants/x.yaml:14: reminder: checked: old"
    assert reminder.github("en") == "::notice file=content/covenants/x.yaml,line=14::checked: old"
    warning = Problem("a.yaml", 1, "f", "m", severity="warning")
    assert summary([warning, reminder], "nl") == "1 waarschuwing en 1 herinnering in 2 bestanden."
    assert summary([reminder, reminder], "en") == "2 reminders in 1 file."


def test_summary_counts_errors_warnings_and_files() -> None:
    one = Problem("a.yaml", 1, "f", "m")
    other = Problem("b.yaml", 2, "f", "m")
    warning = Problem("b.yaml", 3, "f", "m", severity="warning")
    assert summary([one]) == "1 error in 1 file."
    assert summary([one, other, warning]) == "2 errors and 1 warning in 2 files."
    assert summary([warning]) == "1 warning in 1 file."


def test_a_build_error_carries_its_problems_sorted_and_prints_them_one_a_line() -> None:
    late = Problem("b.yaml", 2, "(link)", "two")
    early = Problem("a.yaml", 9, "(text)", "one\nline")
    error = BuildError(problems=[late, early, late])
    assert error.problems == [early, late]
    assert str(error) == "a.yaml:9: (text): one\\nline\nb.yaml:2: (link): two"
    assert str(BuildError("search: Pagefind could not start")) == (
        "search: Pagefind could not start"
    )
    # From a worker process to the parent: pickled, problems and all.
    again = pickle.loads(pickle.dumps(error))
    assert (again.problems, str(again)) == (error.problems, str(error))


def test_every_problem_the_package_makes_has_a_message_code() -> None:
    """A problem made as free text cannot be worded in the editor's language: each one is
    made by Problem.of, with a code of the catalogs."""
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "imvo"
    free = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Problem"
            ):
                free.append(f"{path.relative_to(package.parent).as_posix()}:{node.lineno}")
    assert free == []


def test_a_hint_reads_as_a_hint_and_is_a_notice_on_github() -> None:
    hint = Problem("content/covenants/x.yaml", 5, "signed.date", "a Sunday", severity="hint")
    assert hint.text("en") == "content/covenants/x.yaml:5: hint: signed, date: a Sunday"
    assert hint.text("nl") == "content/covenants/x.yaml:5: aanwijzing: signed, date: a Sunday"
    assert (
        hint.github("en") == "::notice file=content/covenants/x.yaml,line=5::signed, date: a Sunday"
    )


def test_summary_counts_hints_apart_in_both_languages() -> None:
    error = Problem("a.yaml", 1, "f", "m")
    hint = Problem("b.yaml", 2, "f", "m", severity="hint")
    other_hint = Problem("b.yaml", 3, "f", "m", severity="hint")
    assert summary([hint]) == "1 hint in 1 file."
    assert summary([error, hint, other_hint], "nl") == "1 fout en 2 aanwijzingen in 2 bestanden."
