"""The site engine in one place: MkDocs 1.x, or properdocs, its maintained fork.

Every name the build takes from the engine is imported here, and every reading of what the
engine says or makes is in this package, so that a change of engine or fork touches only
it (see docs/engine-plan.md): `config` (mkdocs.yml and the settings of each
language, handed over as a dict), `plugin` (the pages and progress of one build), and `run`
(one build, its problems as data). Pages reach it as finished HTML (imvo/render/renderer.py), so
the engine converts no Markdown of ours. IMVO_ENGINE chooses:

- `mkdocs` (the default): MkDocs 1.6, no longer maintained;
- `properdocs`: the maintained continuation of MkDocs 1.x. Its `replacement` module makes
  every later `import mkdocs.…` (ours and mkdocs-material's) load `properdocs.…`, and its
  own messages go to the `properdocs` logger. The `mkdocs` logger, which Python-Markdown
  extensions of ours write to (`mkdocs.imvo`), is hung under it, so that the build collects
  their warnings too.

Import this module before anything that imports mkdocs (mkdocs-material does).
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

ENGINES = ("mkdocs", "properdocs")
NAME = os.environ.get("IMVO_ENGINE") or ENGINES[0]
"""The engine of this process."""
if NAME not in ENGINES:
    raise SystemExit(f"IMVO_ENGINE={NAME}: the site is built with one of {', '.join(ENGINES)}")
if NAME == "properdocs":
    import properdocs.replacement  # noqa: F401  (must come before any import of mkdocs)

    logging.getLogger("mkdocs").parent = logging.getLogger("properdocs")

LOGGER = logging.getLogger(NAME)
"""The engine's own logger: every warning of a build reaches it, ours included."""

# The names the build uses, under their mkdocs names (properdocs answers to them too).
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import Abort, MkDocsException  # noqa: E402
from mkdocs.plugins import BasePlugin, event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.toc import TableOfContents, get_toc  # noqa: E402

if TYPE_CHECKING:  # imported when first used, by __getattr__ below
    from mkdocs.livereload import LiveReloadServer

__all__ = [
    "ENGINES",
    "LOGGER",
    "NAME",
    "Abort",
    "BasePlugin",
    "File",
    "Files",
    "LiveReloadServer",
    "MkDocsConfig",
    "MkDocsException",
    "TableOfContents",
    "build",
    "event_priority",
    "get_toc",
]


def __getattr__(name: str) -> Any:
    """LiveReloadServer, for the live preview only: it loads watchdog, which a build never needs."""
    if name == "LiveReloadServer":
        from mkdocs.livereload import LiveReloadServer

        return LiveReloadServer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
