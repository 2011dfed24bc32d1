"""The mkdocs configuration of each language: mkdocs.yml with the language's own settings,
handed to the engine as a dict and validated there (no configuration file is written)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from imvo import ROOT
from imvo.engine import MkDocsConfig
from imvo.messages.problems import BuildError, Problem, printable
from imvo.model.content import LANGUAGES
from imvo.render.i18n import Translator

SHARED = ROOT / "mkdocs.yml"
"""The settings both languages share (theme, extensions, validation)."""


def shared_config(path: Path = SHARED) -> dict[str, Any]:
    """mkdocs.yml as a dict."""
    with path.open(encoding="utf-8") as handle:
        config: dict[str, Any] = yaml.safe_load(handle)
    return config


def language_config(
    lang: str,
    docs_dir: Path,
    site_dir: Path,
    nav: list[dict[str, str]],
    site_url: str | None,
) -> dict[str, Any]:
    """The mkdocs configuration of one language, from the shared mkdocs.yml (the pages come
    as HTML, so mkdocs' own Markdown pass has nothing of ours to read; the render stage uses
    mkdocs.yml's extensions and the glossary for every field, imvo/render/markdown_fields.py)."""
    config = shared_config()
    t = Translator(lang)
    other = next(code for code in LANGUAGES if code != lang)
    config["site_name"] = t("site.name")
    config["site_description"] = t("site.description")
    config["copyright"] = t("site.copyright")
    config["docs_dir"] = str(docs_dir)
    config["site_dir"] = str(site_dir)
    config["nav"] = nav
    config["not_in_nav"] = "/*.md\n"
    config["theme"]["language"] = lang
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    extra = config.setdefault("extra", {})
    root = site_url.rstrip("/") + "/" if site_url else None
    if root:
        config["site_url"] = root if lang == LANGUAGES[0] else f"{root}{lang}/"
    extra["site_root"] = root or ""
    extra["alternate"] = [{"name": t("site.other_language"), "lang": other, "link": "."}]
    extra["other_language"] = t("site.other_language")
    extra["short_site_name"] = t("site.short_name")
    extra["switch_label"] = t("site.switch_label")
    extra["feed_title"] = t("history.feed_title")
    return config


def validated(config: dict[str, Any], source: Path = SHARED) -> MkDocsConfig:
    """The engine's configuration made from the dict, as mkdocs.config.load_config makes it
    from a file; raises BuildError with a Problem per setting it refuses or warns about.

    mkdocs.yml sets strict, so a warning stops the build as an error does. `source` names
    the file an editor would fix (relative paths in it are read from its folder).
    """
    made = MkDocsConfig(config_file_path=str(source))
    made.load_dict(config)
    errors, warnings = made.validate()
    if errors or (warnings and made.strict):
        lines = _top_level_lines(source)
        path = _shown(source)
        raise BuildError(
            problems=[
                Problem.of(
                    path,
                    lines.get(name.partition(".")[0], 1),
                    name,
                    "engine-setting",
                    detail=printable(str(text)),
                )
                for name, text in [*errors, *warnings]
            ]
        )
    return made


def _shown(path: Path) -> str:
    """A file as an editor sees it: relative to the repository where it is inside it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def _top_level_lines(path: Path) -> dict[str, int]:
    """The line of each top-level setting of a YAML file (1 for all when it cannot be read)."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, yaml.YAMLError):
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
