"""The explainer texts: content/texts/<key>.<lang>.md, each key in every language, and each
text page the site has given once (no page without its text, no text without its page)."""

from __future__ import annotations

from pathlib import Path

from imvo.load import read_text
from imvo.messages.problems import Problem
from imvo.model.content import LANGUAGES
from imvo.model.positions import Positions
from imvo.render.page_list import TEXT_PAGES
from imvo.validate.files import invisible_in_name, linked_folder, shown_path
from imvo.validate.headings import text_heading_problems

Texts = dict[str, dict[str, str]]


def load_texts(folder: Path, root: Path) -> tuple[Texts, dict[str, Positions], list[Problem]]:
    """Read the explainer texts: <key>.<lang>.md, each key in every language; with each
    text's file as editors see it, by 'texts/<key>.<lang>' (see Corpus.positions)."""
    texts: Texts = {}
    positions: dict[str, Positions] = {}
    problems: list[Problem] = linked_folder(folder, root)
    if problems or not folder.is_dir():
        return texts, positions, problems
    unread: set[tuple[str, str]] = set()
    for path in sorted(folder.glob("*.md")):
        shown = shown_path(path, root)
        if (hidden := invisible_in_name(path, shown)) is not None:
            problems.append(hidden)
            continue
        key, _, lang = path.stem.rpartition(".")
        if lang not in LANGUAGES or not key:
            problems.append(Problem.of(shown, 1, "(file)", "text-bad-name"))
            continue
        text, found = read_text(path, shown)
        problems += found
        if text is not None:
            problems += text_heading_problems(text, shown)
            texts.setdefault(key, {})[lang] = text
            positions[f"texts/{key}.{lang}"] = Positions(shown, text=text)
        else:
            unread.add((key, lang))
    for key, by_lang in sorted(texts.items()):
        for lang in LANGUAGES:
            # A file that is there but could not be read has its own line already.
            if (
                lang not in by_lang and key in TEXT_PAGES and (key, lang) not in unread
            ):  # other keys: see pages_have_texts
                other = next(iter(by_lang))
                shown = shown_path(folder / f"{key}.{other}.md", root)
                problems.append(
                    Problem.of(shown, 1, "(file)", "text-no-translation", name=f"{key}.{lang}.md")
                )
    return texts, positions, problems


def pages_have_texts(folder: Path, root: Path, texts: Texts, found: list[Problem]) -> list[Problem]:
    """A problem for each text page without its text and each text without its page
    (`found`: the problems of reading the texts, whose files need no second line)."""
    problems: list[Problem] = []
    # A text file or folder that is there but was refused has its own line already.
    refused = {problem.path for problem in found}
    for key in TEXT_PAGES:
        shown_files = [shown_path(folder / f"{key}.{lang}.md", root) for lang in LANGUAGES]
        if shown_path(folder, root) in refused or refused & set(shown_files):
            continue
        if key not in texts:
            shown = shown_path(folder / f"{key}.nl.md", root)
            problems.append(Problem.of(shown, 1, "(file)", "text-missing"))
    names = ", ".join(sorted(TEXT_PAGES))
    for key in sorted(set(texts) - set(TEXT_PAGES)):
        for lang in texts[key]:
            shown = shown_path(folder / f"{key}.{lang}.md", root)
            problems.append(Problem.of(shown, 1, "(file)", "text-no-page", names=names))
    return problems
