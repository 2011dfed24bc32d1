"""Tests of imvo/problems.py: how a problem reads, and the count line after them."""

from __future__ import annotations

from imvo.problems import Problem, counted, parse_line, summary


def test_counted_puts_the_noun_in_the_plural_unless_there_is_one() -> None:
    assert [counted(n, "covenant") for n in (0, 1, 2)] == [
        "0 covenants",
        "1 covenant",
        "2 covenants",
    ]


def test_a_problem_reads_as_path_line_field_message() -> None:
    error = Problem("content/covenants/x.yaml", 3, "name.nl", "this text is empty")
    warning = Problem("content/covenants/x.yaml", 4, "signed", "no source", severity="warning")
    assert error.text() == "content/covenants/x.yaml:3: name.nl: this text is empty"
    assert warning.text() == "content/covenants/x.yaml:4: warning: signed: no source"
    assert (
        error.github()
        == "::error file=content/covenants/x.yaml,line=3::name.nl: this text is empty"
    )


def test_summary_counts_errors_warnings_and_files() -> None:
    one = Problem("a.yaml", 1, "f", "m")
    other = Problem("b.yaml", 2, "f", "m")
    warning = Problem("b.yaml", 3, "f", "m", severity="warning")
    assert summary([one]) == "1 error in 1 file."
    assert summary([one, other, warning]) == "2 errors and 1 warning in 2 files."
    assert summary([warning]) == "1 warning in 1 file."


def test_parse_line_reads_back_an_editors_line_and_nothing_else() -> None:
    problem = Problem("content/covenants/x.yaml", 29, "(link)", "the link '/a' starts with '/'")
    assert parse_line(problem.text()) == problem
    assert parse_line("mkdocs stopped: ValueError: x") is None
    assert parse_line("The site was not built (the existing site is unchanged):") is None
