"""`python build.py translations`: the texts that exist in only one language, per file.

An editor who writes a text in one language can list what is left to translate. In the YAML
files this is every text (nl/en) with one language missing, empty or the same as the other;
in content/texts/ it is every <name>.<lang>.md without its counterpart.
"""

from __future__ import annotations

from pathlib import Path

from imvo.editors.check import MIN_WORDS_IDENTICAL, is_text_pair, walk, yaml_files
from imvo.load import read_yaml
from imvo.messages import language, msg, text
from imvo.messages.problems import PLURAL, Problem
from imvo.model.content import LANGUAGES
from imvo.model.positions import field_name
from imvo.validate.files import shown_path

LANGUAGE_NAMES = {"nl": "lang-nl", "en": "lang-en"}
"""The message code of each language's name."""


def _filled(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def untranslated(content: Path, root: Path) -> list[Problem]:
    """Every text in only one language, sorted by file and line."""
    found: list[Problem] = []
    for path in yaml_files(content):
        loaded, _ = read_yaml(path, shown_path(path, root))
        if loaded is None:
            continue
        for where, value in walk(loaded.data):
            if not is_text_pair(value):
                continue
            present = [lang for lang in LANGUAGES if _filled(value.get(lang))]
            message: tuple[str, dict[str, object]] | None = None
            if len(present) == 1:
                (has,) = present
                (lacks,) = [lang for lang in LANGUAGES if lang != has]
                message = (
                    "only-in-add",
                    {
                        "has": msg(LANGUAGE_NAMES[has]),
                        "lacks": msg(LANGUAGE_NAMES[lacks]),
                        "key": lacks,
                    },
                )
            elif (
                len(present) == len(LANGUAGES)
                and value["nl"].strip() == value["en"].strip()
                and len(value["nl"].split()) >= MIN_WORDS_IDENTICAL
            ):
                message = ("same-text", {})
            if message:
                code, params = message
                found.append(
                    Problem.of(
                        loaded.path, loaded.line_of(where), field_name(where), code, **params
                    )
                )
    folder = content / "texts"
    names = {p.name for p in folder.glob("*.md")} if folder.is_dir() else set()
    for name in sorted(names):
        key, _, lang = name[: -len(".md")].rpartition(".")
        if lang not in LANGUAGES or not key:
            continue
        for other in LANGUAGES:
            if other != lang and f"{key}.{other}.md" not in names:
                shown = shown_path(folder / name, root)
                found.append(
                    Problem.of(
                        shown,
                        1,
                        "(file)",
                        "only-in-add-file",
                        has=msg(LANGUAGE_NAMES[lang]),
                        name=f"{key}.{other}.md",
                    )
                )
    return sorted(found)


def format_report(found: list[Problem]) -> str:
    """The report: one line per text, then a count line."""
    if not found:
        return text("translations-none")
    files = len({p.path for p in found})
    count = len(found)
    lines = [p.text() for p in found]
    plural = PLURAL[language()]
    lines.append(
        text(
            "translations-count",
            count=count,
            s="" if count == 1 else plural,
            files=files,
            fs="" if files == 1 else plural,
        )
    )
    return "\n".join(lines)
