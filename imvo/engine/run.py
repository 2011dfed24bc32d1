"""One mkdocs build of one language, and the problems it ends with, as data.

The engine's warnings are taken as log records while it builds: each becomes a Problem
that names the content file of the page being made, or mkdocs.yml when no page is. The
build's own checks record theirs on the plugin. mkdocs.yml sets strict, so any of them
fails the build.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime
from typing import Any

from imvo.engine import LOGGER, Abort, MkDocsException, build
from imvo.engine.config import validated
from imvo.engine.plugin import CONFIG_FILE, ImvoPlugin
from imvo.messages.problems import BuildError, Problem, error_in_words, printable

PLUGIN_NAME = "imvo"
"""The name the build's plugin is registered under, beside the plugins of mkdocs.yml."""


class _Collect(logging.Handler):
    """Every warning of the engine during one build, as a Problem."""

    def __init__(self, plugin: ImvoPlugin) -> None:
        super().__init__(logging.WARNING)
        self.plugin = plugin
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        """The problems of records below ERROR: what is left when the engine crashes (its
        own error then only says again what the crash says)."""

    def emit(self, record: logging.LogRecord) -> None:
        uri = self.plugin.page_in_progress()
        message = printable(record.getMessage())
        problem = Problem.of(
            self.plugin.source_of(uri), 1, "(file)", "engine-warning", detail=message
        )
        self.problems.append(problem)
        if record.levelno < logging.ERROR:
            self.warnings.append(problem)


def run_build(config: dict[str, Any], plugin: ImvoPlugin, built: datetime) -> None:
    """Build one language with the engine: the configuration as a dict, the pages in the
    plugin, the build's moment. Raises BuildError with the problems that stopped it."""
    # mkdocs takes the build's date (the time inside sitemap.xml.gz) only from the
    # environment: it is handed over here, from the options, for this build only.
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(built.timestamp()))
    try:
        _run(config, plugin)
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def _run(config: dict[str, Any], plugin: ImvoPlugin) -> None:
    made = validated(config)
    made.plugins[PLUGIN_NAME] = plugin  # its on_* methods join the build's events
    collect = _Collect(plugin)
    before = LOGGER.level, LOGGER.propagate
    LOGGER.addHandler(collect)
    LOGGER.setLevel(logging.INFO)
    LOGGER.propagate = False  # the build's messages are its problems, not printed lines
    try:
        build(made)
    except (Abort, MkDocsException) as error:
        # The closing "Aborted with N warnings in strict mode!" adds nothing to the warnings.
        found = [*collect.problems, *plugin.problems]
        raise BuildError(problems=found or [_stopped(plugin, error)]) from None
    except Exception as error:  # a crash inside mkdocs or an extension: one line, not a trace
        found = [*collect.warnings, *plugin.problems, _stopped(plugin, error)]
        raise BuildError(problems=found) from error
    finally:
        LOGGER.removeHandler(collect)
        LOGGER.setLevel(before[0])
        LOGGER.propagate = before[1]
    if plugin.problems or (made.strict and collect.problems):
        raise BuildError(problems=[*collect.problems, *plugin.problems])


def _stopped(plugin: ImvoPlugin, error: Exception) -> Problem:
    """The problem of a build the engine stopped: in the page it was making, if any."""
    uri = plugin.page_in_progress()
    if isinstance(error, (Abort, MkDocsException)):
        detail = printable(str(error))
        return Problem.of(plugin.source_of(uri), 1, "(file)", "engine-stopped", detail=detail)
    what = error_in_words(error)
    if uri is None:
        return Problem.of(CONFIG_FILE, 1, "(file)", "engine-crash", error=what)
    return Problem.of(plugin.source_of(uri), 1, "(text)", "engine-page-crash", error=what)
