"""The CSRD/CSDDD rules evaluated in Python (imvo/render/applies.py), on every threshold edge.

The expected answers are written out from the directives' text as amended by Directive (EU)
2026/470, not from the code: CSRD (Articles 19a, 29a and 40a of Directive 2013/34/EU): more
than 1,000 employees and more than 450 million euros net turnover; a non-EU group with more
than 450 million in the EU and an EU subsidiary or branch with more than 200 million. CSDDD
(Article 2): more than 5,000 employees and more than 1,500 million worldwide; non-EU more
than 1,500 million in the EU; the franchise route (royalties the form does not ask) above
275 million net turnover. "More than" is strictly more.
"""

from __future__ import annotations

from typing import Any

import pytest

from imvo.model.content import Corpus
from imvo.render.applies import Company, evaluate_all, island, parse_inputs, read_number

# (query, CSRD answer, CSRD route, CSDDD answer, CSDDD route)
CASES: list[tuple[dict[str, str], str, str, str, str]] = [
    # An EU company on its own: the employee edge ("more than 1,000" is not 1,000).
    ({"employees": "1000", "turnover": "500", "eu": "yes"}, "no", "", "uncertain", ""),
    ({"employees": "1001", "turnover": "500", "eu": "yes"}, "yes", "direct", "uncertain", ""),
    # The turnover edge: 450 is not more than 450, 450.01 is.
    ({"employees": "2000", "turnover": "450", "eu": "yes"}, "no", "", "uncertain", ""),
    ({"employees": "2000", "turnover": "450.01", "eu": "yes"}, "yes", "direct", "uncertain", ""),
    ({"employees": "2000", "turnover": "450,01", "eu": "yes"}, "yes", "direct", "uncertain", ""),
    # Both thresholds must be exceeded.
    ({"employees": "999", "turnover": "9000", "eu": "yes"}, "no", "", "uncertain", ""),
    # Below the franchise route's turnover the CSDDD answer is a plain no.
    ({"employees": "300", "turnover": "275", "eu": "yes"}, "no", "", "no", ""),
    ({"employees": "300", "turnover": "275.01", "eu": "yes"}, "no", "", "uncertain", ""),
    # The CSDDD's edges: 5,000 employees and 1,500 million.
    ({"employees": "5000", "turnover": "2000", "eu": "yes"}, "yes", "direct", "uncertain", ""),
    ({"employees": "5001", "turnover": "1500", "eu": "yes"}, "yes", "direct", "uncertain", ""),
    ({"employees": "5001", "turnover": "1500.01", "eu": "yes"}, "yes", "direct", "yes", "direct"),
    # A subsidiary below the thresholds whose EU group is above them: covered through it.
    (
        {"employees": "120", "turnover": "30", "eu": "yes", "group_employees": "6000",
         "group_turnover": "1800", "parent_eu": "yes"},
        "yes", "group", "yes", "group",
    ),
    # A group at the CSRD's edges: not covered; its franchise route stays open for the CSDDD.
    (
        {"employees": "120", "turnover": "30", "eu": "yes", "group_employees": "1000",
         "group_turnover": "450", "parent_eu": "yes"},
        "no", "", "uncertain", "",
    ),
    (
        {"employees": "120", "turnover": "30", "eu": "yes", "group_employees": "1001",
         "group_turnover": "450.01", "parent_eu": "yes"},
        "yes", "group", "uncertain", "",
    ),
    # A non-EU group with an EU subsidiary or branch just at its threshold, and just above.
    (
        {"employees": "120", "turnover": "30", "eu": "yes", "group_employees": "9000",
         "group_turnover": "5000", "parent_eu": "no", "eu_turnover": "451",
         "eu_branch_turnover": "200"},
        "no", "", "uncertain", "",
    ),
    (
        {"employees": "120", "turnover": "30", "eu": "yes", "group_employees": "9000",
         "group_turnover": "5000", "parent_eu": "no", "eu_turnover": "451",
         "eu_branch_turnover": "200.01"},
        "yes", "group", "uncertain", "",
    ),
    # ... and its EU turnover at 450 and at 1,500 (not more), then above 1,500.
    (
        {"eu": "yes", "employees": "10", "turnover": "1", "parent_eu": "no",
         "eu_turnover": "450", "eu_branch_turnover": "300"},
        "no", "", "uncertain", "",
    ),
    (
        {"eu": "yes", "employees": "10", "turnover": "1", "parent_eu": "no",
         "eu_turnover": "1500", "eu_branch_turnover": "300"},
        "yes", "group", "uncertain", "",
    ),
    (
        {"eu": "yes", "employees": "10", "turnover": "1", "parent_eu": "no",
         "eu_turnover": "1500.01", "eu_branch_turnover": "300"},
        "yes", "group", "yes", "group",
    ),
    # A company established outside the EU, with no group: its own EU figures count.
    (
        {"eu": "no", "eu_turnover": "451", "eu_branch_turnover": "201"},
        "yes", "direct", "uncertain", "",
    ),
    ({"eu": "no", "eu_turnover": "100", "eu_branch_turnover": "50"}, "no", "", "no", ""),
    # A large EU subsidiary of a non-EU group is covered by the CSRD on its own figures.
    (
        {"employees": "1500", "turnover": "600", "eu": "yes", "group_employees": "20000",
         "group_turnover": "9000", "parent_eu": "no", "eu_turnover": "100",
         "eu_branch_turnover": "100"},
        "yes", "direct", "uncertain", "",
    ),
]  # fmt: skip


def verdicts(corpus: Corpus, query: dict[str, str]) -> tuple[str, str, str, str]:
    found = evaluate_all(corpus.law, parse_inputs(query))
    return (found["csrd"].answer, found["csrd"].route, found["csddd"].answer, found["csddd"].route)


@pytest.mark.parametrize(("query", "csrd", "csrd_route", "csddd", "csddd_route"), CASES)
def test_every_edge_and_combination(
    corpus: Corpus, query: dict[str, str], csrd: str, csrd_route: str, csddd: str, csddd_route: str
) -> None:
    assert verdicts(corpus, query) == (csrd, csrd_route, csddd, csddd_route)


def test_the_start_follows_the_route(corpus: Corpus) -> None:
    eu = evaluate_all(
        corpus.law, parse_inputs({"employees": "6000", "turnover": "2000", "eu": "yes"})
    )
    assert (eu["csrd"].start, eu["csddd"].start) == ("eu", "eu")
    non_eu = evaluate_all(
        corpus.law, parse_inputs({"eu": "no", "eu_turnover": "2000", "eu_branch_turnover": "300"})
    )
    assert (non_eu["csrd"].start, non_eu["csddd"].start) == ("non_eu", "non_eu")


def test_missing_figures_are_named_not_guessed(corpus: Corpus) -> None:
    assert evaluate_all(corpus.law, Company())["csrd"].missing == ("eu",)
    found = evaluate_all(corpus.law, parse_inputs({"eu": "yes", "employees": "2000"}))
    assert (found["csrd"].answer, found["csrd"].missing) == ("incomplete", ("turnover",))
    group = evaluate_all(
        corpus.law,
        parse_inputs({"eu": "yes", "employees": "5", "turnover": "1", "group_employees": "9000"}),
    )
    assert group["csrd"].missing == ("parent_eu",)


def test_yes_and_no_in_either_language_and_any_case() -> None:
    assert parse_inputs({"eu": "Ja", "parent_eu": "NO"}) == Company(eu=True, parent_eu=False)
    assert parse_inputs({"eu": "nee", "parent_eu": "yes"}) == Company(eu=False, parent_eu=True)


def test_what_is_not_a_number_or_yes_no_counts_as_not_given() -> None:
    company = parse_inputs({"employees": "veel", "turnover": "-5", "eu": "wel", "parent_eu": "no"})
    assert company == Company(parent_eu=False)


def test_the_json_island_cannot_end_its_script_element() -> None:
    text = island({"title": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert text == (
        '{"title":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e '
        '\\u0026 more"}'
    )


def test_a_changed_threshold_changes_the_answer(corpus: Corpus) -> None:
    rules = corpus.law.model_copy(
        update={
            "csrd": corpus.law.csrd.model_copy(
                update={"eu": corpus.law.csrd.eu.model_copy(update={"employees_over": 250})}
            )
        }
    )
    query: dict[str, Any] = {"employees": "300", "turnover": "500", "eu": "yes"}
    assert evaluate_all(corpus.law, parse_inputs(query))["csrd"].answer == "no"
    assert evaluate_all(rules, parse_inputs(query))["csrd"].answer == "yes"


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("450", 450.0), ("450,01", 450.01), ("450.01", 450.01), ("1.000", 1000.0),
        ("1,000", 1000.0), ("1.000.000", 1000000.0), ("1.500,5", 1500.5), ("1,500.5", 1500.5),
        ("1 500", 1500.0), ("1000.5", 1000.5), (",5", 0.5), ("", None), ("12a", None),
        ("-5", None), (",", None), ("\u20ac 450,5", 450.5),
    ],
)  # fmt: skip
def test_figures_are_read_as_readers_write_them(written: str, value: float | None) -> None:
    assert read_number(written) == value
