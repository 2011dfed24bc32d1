"""The law in words: amounts and numbers as each language writes them, the figures the
"what applies now" page quotes from content/law.yaml, and the rows of the rules table."""

from __future__ import annotations

import re
from typing import Any

from babel.numbers import format_decimal

from imvo.model.content import Law, LawRules
from imvo.render.i18n import Translator

PLACEHOLDER = re.compile(r"\{\{\s*law\.([a-z_.]+)\s*\}\}")
"""How a text quotes the rules file: {{law.csrd.eu.employees}}."""
STEPS = "steps"
"""The placeholder that stands for the table of dated steps: {{law.steps}}."""


def count(value: float, lang: str) -> str:
    """A number of employees as the language writes it: '1.000', '1,000'."""
    return format_decimal(value, format="#,##0.##", locale=lang)


def amount(millions: float, lang: str) -> str:
    """An amount given in millions of euros, in words: '450 miljoen euro', '1.5 billion euros'."""
    t = Translator(lang)
    if millions >= 1000:
        return t("law.billions", n=format_decimal(millions / 1000, format="#,##0.###", locale=lang))
    return t("law.millions", n=format_decimal(millions, format="#,##0.##", locale=lang))


def quoted(rules: LawRules, lang: str) -> dict[str, str]:
    """Every figure and date a text may quote, by its placeholder name."""
    t = Translator(lang)
    values: dict[str, str] = {"checked": t.date(rules.checked)}
    for key, law in rules.laws().items():
        values[f"{key}.eu.employees"] = count(law.eu.employees_over, lang)
        values[f"{key}.eu.turnover"] = amount(law.eu.turnover_over, lang)
        values[f"{key}.eu.as_of"] = t.date(law.eu.as_of)
        values[f"{key}.non_eu.eu_turnover"] = amount(law.non_eu.eu_turnover_over, lang)
        if law.non_eu.branch_turnover_over is not None:
            values[f"{key}.non_eu.branch_turnover"] = amount(law.non_eu.branch_turnover_over, lang)
        values[f"{key}.start.eu"] = law.start_eu.text.get(lang)
        values[f"{key}.start.eu_date"] = t.date(law.start_eu.date)
        values[f"{key}.start.non_eu"] = law.start_non_eu.text.get(lang)
        values[f"{key}.start.non_eu_date"] = t.date(law.start_non_eu.date)
        if law.franchise is not None:
            values[f"{key}.franchise.royalties"] = amount(law.franchise.royalties_over, lang)
            values[f"{key}.franchise.turnover"] = amount(law.franchise.turnover_over, lang)
    return values


def unknown_placeholders(text: str, names: set[str]) -> list[tuple[int, str]]:
    """The placeholders a text uses that the rules file has no value for, with their line."""
    found = []
    for match in PLACEHOLDER.finditer(text):
        if match[1] not in names and match[1] != STEPS:
            found.append((text.count("\n", 0, match.start()) + 1, match[1]))
    return found


def filled(text: str, rules: LawRules, lang: str) -> list[str]:
    """A text with its figures filled in from the rules file, cut where the table of dated
    steps goes ({{law.steps}}): one part, or the parts before and after the table."""
    values = quoted(rules, lang)
    parts = re.split(r"\{\{\s*law\.steps\s*\}\}", text)
    return [PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), part) for part in parts]


def cannot_decide(law: Law, lang: str) -> list[str]:
    """What the decision aid cannot decide for a law, with the franchise figures filled in."""
    texts = [text.get(lang) for text in law.cannot_decide]
    if law.franchise is None:
        return texts
    royalties = amount(law.franchise.royalties_over, lang)
    turnover = amount(law.franchise.turnover_over, lang)
    return [
        text.replace("{royalties}", royalties).replace("{turnover}", turnover) for text in texts
    ]


def source_links(rules: LawRules) -> dict[str, Any]:
    """The rules file's sources by id."""
    return {source.id: source for source in rules.sources}


def _source_data(rules: LawRules, ids: list[str], t: Translator) -> list[dict[str, str]]:
    by_id = source_links(rules)
    out = []
    for source_id in ids:
        source = by_id[source_id]
        out.append(
            {
                "title": source.title,
                "url": source.url or "",
                "date": t.date(source.published) if source.published else "",
            }
        )
    return out


def page_data(rules: LawRules, lang: str) -> dict[str, Any]:
    """What the decision aid's script needs, in the page's language: the thresholds to
    evaluate and every text it shows (the JSON island the build writes into the page)."""
    from imvo.render.applies import thresholds

    t = Translator(lang)
    laws: dict[str, Any] = {}
    for key, law in rules.laws().items():
        laws[key] = {
            "name": law.name.get(lang),
            "directive": law.directive.get(lang),
            "duty": law.duty.get(lang),
            "through_group": law.through_group.get(lang),
            "cannot_decide": cannot_decide(law, lang),
            "rules": {
                "eu": {
                    "article": law.eu.article.get(lang),
                    "as_of": t.date(law.eu.as_of),
                    "sources": _source_data(rules, law.eu.sources, t),
                    "employees": count(law.eu.employees_over, lang),
                    "turnover": amount(law.eu.turnover_over, lang),
                },
                "non_eu": {
                    "article": law.non_eu.article.get(lang),
                    "as_of": t.date(law.non_eu.as_of),
                    "sources": _source_data(rules, law.non_eu.sources, t),
                    "eu_turnover": amount(law.non_eu.eu_turnover_over, lang),
                    "branch_turnover": (
                        amount(law.non_eu.branch_turnover_over, lang)
                        if law.non_eu.branch_turnover_over is not None
                        else ""
                    ),
                },
            },
            "start": {
                which: {
                    "text": start.text.get(lang),
                    "article": start.article.get(lang),
                    "as_of": t.date(start.as_of),
                    "sources": _source_data(rules, start.sources, t),
                }
                for which, start in (("eu", law.start_eu), ("non_eu", law.start_non_eu))
            },
            "dutch": [
                {
                    "name": item.name.get(lang),
                    "state": item.state.get(lang),
                    "as_of": t.date(item.as_of),
                    "sources": _source_data(rules, item.sources, t),
                }
                for item in rules.dutch
                if item.law == key
            ],
        }
    text = {key[3:]: t(f"law_page.{key}") for key in JS_STRINGS}
    return {"thresholds": thresholds(rules), "laws": laws, "lang": lang, "text": text}


JS_STRINGS: tuple[str, ...] = (
    "js_yes_direct", "js_yes_group", "js_no", "js_uncertain", "js_incomplete", "js_from",
    "js_decided", "js_rule", "js_sources", "js_as_of", "js_cannot", "js_dutch", "js_share",
    "js_more", "js_not_more", "js_employees", "js_turnover", "js_group_employees",
    "js_group_turnover", "js_eu_turnover", "js_eu_branch_turnover", "js_eu", "js_parent_eu",
    "js_million", "js_billion",
)  # fmt: skip
"""The UI strings the script shows (law_page.js_* in templates/i18n), without their prefix."""
