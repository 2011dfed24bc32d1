"""Does the CSRD or the CSDDD apply to a company? The rules of content/law.yaml, evaluated.

The decision aid's JavaScript (overrides/assets/law.js) evaluates the same rules in the
browser; this module is the same evaluation in Python, so that the tests can check both on
the same cases, and the build uses it to write the rules into the page as JSON. "More than"
is strictly more: 1,000 employees is not more than 1,000.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from imvo.model.content import Law, LawRules

INPUTS: tuple[str, ...] = (
    "employees",
    "turnover",
    "eu",
    "group_employees",
    "group_turnover",
    "parent_eu",
    "eu_turnover",
    "eu_branch_turnover",
)
"""The form's inputs, as the page's address names them; amounts in millions of euros."""


@dataclass(frozen=True)
class Company:
    """What the form asks: a company's figures, its group's, and where each is established."""

    employees: float | None = None
    turnover: float | None = None
    eu: bool | None = None
    group_employees: float | None = None
    group_turnover: float | None = None
    parent_eu: bool | None = None
    eu_turnover: float | None = None
    eu_branch_turnover: float | None = None

    @property
    def in_group(self) -> bool:
        """Whether the form was told about a group (any of its figures or its parent)."""
        return any(
            value is not None
            for value in (self.group_employees, self.group_turnover, self.parent_eu)
        )


@dataclass(frozen=True)
class Verdict:
    """The answer for one law: yes, no, uncertain, or incomplete (figures missing)."""

    answer: str
    route: str = ""
    """How: 'direct' (the company itself), 'group' (through its group), or '' for no."""
    start: str = ""
    """Which start applies: 'eu' or 'non_eu' ('' for no)."""
    missing: tuple[str, ...] = field(default=())
    """The inputs the answer still needs, in the form's order."""


CHOICES: dict[str, bool] = {
    "yes": True, "ja": True, "true": True, "1": True,
    "no": False, "nee": False, "false": False, "0": False,
}  # fmt: skip
"""How the address may say yes or no (the form writes yes and no)."""


def _over(value: float | None, threshold: float | None) -> bool | None:
    """Whether a figure is more than a threshold; None when the figure is not given."""
    if threshold is None:
        return True
    return None if value is None else value > threshold


def _all(*checks: bool | None) -> bool | None:
    """True when every check holds, False when one fails, None when it depends on a gap."""
    if any(check is False for check in checks):
        return False
    return None if any(check is None for check in checks) else True


def _needs(company: Company, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in names if getattr(company, name) is None)


def evaluate(law: Law, company: Company) -> Verdict:
    """Whether the law covers the company, directly or through its group, and from when."""
    if company.eu is None:
        return Verdict("incomplete", missing=("eu",))
    routes: list[tuple[bool | None, str, str, tuple[str, ...]]] = []
    if company.eu:
        direct = _all(
            _over(company.employees, law.eu.employees_over),
            _over(company.turnover, law.eu.turnover_over),
        )
        routes.append((direct, "direct", "eu", ("employees", "turnover")))
    non_eu_needs: tuple[str, ...] = ("eu_turnover", "eu_branch_turnover")
    non_eu = _all(
        _over(company.eu_turnover, law.non_eu.eu_turnover_over),
        _over(company.eu_branch_turnover, law.non_eu.branch_turnover_over),
    )
    if law.non_eu.branch_turnover_over is None:
        non_eu_needs = ("eu_turnover",)
    if company.in_group:
        if company.parent_eu is None:
            routes.append((None, "group", "", ("parent_eu",)))
        elif company.parent_eu:
            group = _all(
                _over(company.group_employees, law.eu.employees_over),
                _over(company.group_turnover, law.eu.turnover_over),
            )
            routes.append((group, "group", "eu", ("group_employees", "group_turnover")))
        else:
            routes.append((non_eu, "group", "non_eu", non_eu_needs))
    elif not company.eu:
        routes.append((non_eu, "direct", "non_eu", non_eu_needs))
    for result, route, start, _needed in routes:
        if result:
            return Verdict("yes", route, start)
    gaps = [needed for result, _route, _start, needed in routes if result is None]
    if gaps:
        names = {name for needed in gaps for name in _needs(company, needed)}
        return Verdict("incomplete", missing=tuple(name for name in INPUTS if name in names))
    franchise = _franchise(law, company)
    if franchise is None:
        return Verdict("no")
    if any(value is not None and value > franchise[0] for _name, value in franchise[1]):
        return Verdict("uncertain")
    open_figures = {name for name, value in franchise[1] if value is None}
    if open_figures:
        return Verdict("incomplete", missing=tuple(n for n in INPUTS if n in open_figures))
    return Verdict("no")


def _franchise(law: Law, company: Company) -> tuple[float, list[tuple[str, float | None]]] | None:
    """The franchise route's turnover threshold and the turnover figures it looks at (the
    company's, its EU group's, or the EU turnover of a non-EU company or group); None for a
    law without the route. Above the threshold the answer turns on royalties the form does
    not ask, so it is uncertain; a figure not given leaves it open."""
    if law.franchise is None:
        return None
    figures: list[tuple[str, float | None]] = []
    if company.eu:
        figures.append(("turnover", company.turnover))
    if company.parent_eu:
        figures.append(("group_turnover", company.group_turnover))
    if not company.eu or company.parent_eu is False:
        figures.append(("eu_turnover", company.eu_turnover))
    return law.franchise.turnover_over, figures


def evaluate_all(rules: LawRules, company: Company) -> dict[str, Verdict]:
    """The verdict for each law, CSRD first."""
    return {key: evaluate(law, company) for key, law in rules.laws().items()}


def parse_inputs(query: dict[str, str]) -> Company:
    """A company from the page's address (employees=1200&eu=yes...); what does not read
    as a number or yes/no counts as not given, as in the browser."""
    values: dict[str, Any] = {}
    for name in INPUTS:
        raw = query.get(name, "").strip()
        if name in ("eu", "parent_eu"):
            values[name] = CHOICES.get(raw.lower())
            continue
        values[name] = read_number(raw)
    return Company(**values)


_FIGURE = re.compile(r"[0-9.,]*[0-9][0-9.,]*")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:,[0-9]{3})+")


def read_number(raw: str) -> float | None:
    """A figure as a reader writes it, read as the browser reads it (law.js). Groups of three
    digits after a separator are thousands ('1.000', '1,500', '1.000.000'); otherwise the last
    separator is the decimal one ('450,5', '450.01', '1.500,5', '1,500.5')."""
    text = re.sub(r"[\s\u00a0\u202f'\u20ac]", "", raw)
    if not _FIGURE.fullmatch(text):
        return None
    if _THOUSANDS.fullmatch(text):
        return float(re.sub(r"[.,]", "", text))
    last = max(text.rfind("."), text.rfind(","))
    if last >= 0:
        text = re.sub(r"[.,]", "", text[:last]) + "." + text[last + 1 :]
    return float(text)


def thresholds(rules: LawRules) -> dict[str, Any]:
    """The figures the browser evaluates, as plain data (amounts in millions of euros)."""
    out: dict[str, Any] = {}
    for key, law in rules.laws().items():
        out[key] = {
            "eu": {"employees_over": law.eu.employees_over, "turnover_over": law.eu.turnover_over},
            "non_eu": {
                "eu_turnover_over": law.non_eu.eu_turnover_over,
                "branch_turnover_over": law.non_eu.branch_turnover_over,
            },
            "franchise": (
                {"turnover_over": law.franchise.turnover_over} if law.franchise else None
            ),
        }
    return out


def island(data: dict[str, Any]) -> str:
    """JSON for a <script type="application/json"> element: nothing in it can end the
    element or start markup ('<', '>' and '&' written as escapes)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
