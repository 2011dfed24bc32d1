"""`python build.py translations`: the texts that exist in only one language, per file.

An editor who writes a text in one language can list what is left to translate. In the YAML
files this is every text (nl/en) with one language missing, empty or the same as the other;
in content/texts/ it is every <name>.<lang>.md without its counterpart.
"""

from __future__ import annotations

from pathlib import Path

from imvo.check import MIN_WORDS_IDENTICAL, is_text_pair, walk, yaml_files
from imvo.load import field_name, read_yaml
from imvo.model import LANGUAGES
from imvo.problems import Problem
from imvo.validate import _relative

LANGUAGE_NAMES = {"nl": "Dutch", "en": "English"}


def _filled(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def untranslated(content: Path, root: Path) -> list[Problem]:
    """Every text in only one language, sorted by file and line."""
    found: list[Problem] = []
    for path in yaml_files(content):
        loaded, _ = read_yaml(path, _relative(path, root))
        if loaded is None:
            continue
        for where, value in walk(loaded.data):
            if not is_text_pair(value):
                continue
            present = [lang for lang in LANGUAGES if _filled(value.get(lang))]
            message = None
            if len(present) == 1:
                (has,) = present
                (lacks,) = [lang for lang in LANGUAGES if lang != has]
                message = (
                    f"only in {LANGUAGE_NAMES[has]}: add the {LANGUAGE_NAMES[lacks]} ({lacks})"
                )
            elif (
                len(present) == len(LANGUAGES)
                and value["nl"].strip() == value["en"].strip()
                and len(value["nl"].split()) >= MIN_WORDS_IDENTICAL
            ):
                message = "the Dutch and English texts are the same; translate one of them"
            if message:
                found.append(
                    Problem(loaded.path, loaded.line_of(where), field_name(where), message)
                )
    folder = content / "texts"
    names = {p.name for p in folder.glob("*.md")} if folder.is_dir() else set()
    for name in sorted(names):
        key, _, lang = name[: -len(".md")].rpartition(".")
        if lang not in LANGUAGES or not key:
            continue
        for other in LANGUAGES:
            if other != lang and f"{key}.{other}.md" not in names:
                shown = _relative(folder / name, root)
                found.append(
                    Problem(
                        shown,
                        1,
                        "(file)",
                        f"only in {LANGUAGE_NAMES[lang]}: add {key}.{other}.md",
                    )
                )
    return sorted(found)


def format_report(found: list[Problem]) -> str:
    """The report: one line per text, then a count line."""
    if not found:
        return "Every text is in both languages."
    files = len({p.path for p in found})
    count = len(found)
    lines = [p.text() for p in found]
    lines.append(
        f"{count} text{'s' if count != 1 else ''} to translate in "
        f"{files} file{'s' if files != 1 else ''}."
    )
    return "\n".join(lines)
