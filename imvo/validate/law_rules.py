"""The checks on content/law.yaml beyond its model: sources, Dutch instruments, dates."""

from __future__ import annotations

from pathlib import Path

from imvo.load import LoadedFile
from imvo.messages.problems import Problem
from imvo.model.content import LANGUAGES, LawRules
from imvo.render.law_page import quoted, unknown_placeholders
from imvo.validate.files import shown_path
from imvo.validate.sources import defined_once, resolved, source_refs


def law_problems(rules: LawRules, loaded: LoadedFile) -> list[Problem]:
    """Every source id given once and every reference resolved; each Dutch id given once;
    a law's steps in the order of their dates."""
    seen, problems = defined_once(loaded, enumerate(source.id for source in rules.sources))
    for where, refs in source_refs(rules):
        problems += resolved(loaded, where, refs, seen)
    ids: set[str] = set()
    for index, instrument in enumerate(rules.dutch):
        if instrument.id in ids:
            problems.append(
                loaded.problem(("dutch", index, "id"), "law-id-twice", id=instrument.id)
            )
        ids.add(instrument.id)
    for key, law in rules.laws().items():
        for index in range(1, len(law.steps)):
            before, step = law.steps[index - 1], law.steps[index]
            if step.date.earliest() < before.date.earliest():
                problems.append(
                    loaded.problem(
                        (key, "steps", index, "date"),
                        "law-steps-order",
                        date=step.date.iso(),
                        before=before.date.iso(),
                    )
                )
    return problems


def placeholder_problems(
    texts: dict[str, dict[str, str]], rules: LawRules, folder: Path, root: Path
) -> list[Problem]:
    """A line for each {{law.…}} in a text that names no figure of the rules file."""
    names = set(quoted(rules, LANGUAGES[0]))
    problems = []
    for key in sorted(texts):
        for lang, text in texts[key].items():
            shown = shown_path(folder / f"{key}.{lang}.md", root)
            for line, name in unknown_placeholders(text, names):
                problems.append(Problem.of(shown, line, "(text)", "law-placeholder", name=name))
    return problems
