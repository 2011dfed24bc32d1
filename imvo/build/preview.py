"""`python build.py serve`: a live preview for editors.

The site is built without PDFs into a temporary folder and served on 127.0.0.1 by mkdocs'
own live-reload server, which watches content/, templates/ and overrides/, rebuilds on a
change and reloads the browser. A change that brings an error prints the problems and keeps
the last good site in place (the build swaps a new site in only when it is complete).
"""

from __future__ import annotations

import dataclasses
import logging
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from imvo import ROOT
from imvo.build.options import BuildOptions
from imvo.outputs.steps import post_steps
from imvo.messages.problems import BuildError, ContentError, summary
from imvo.validate import load_content
from imvo.build.orchestrate import build_site

WATCHED = ("templates", "overrides", "mkdocs.yml")
"""What is watched besides the content folder, relative to the repository."""

LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")
"""The only host names the preview answers to."""
REFUSED = (
    b"This preview answers only to 127.0.0.1, localhost and [::1] on its own port; "
    b"open it at one of those addresses.\n"
)


def host_allowed(host: str | None, port: int) -> bool:
    """Whether a request's Host header names this machine's preview, on its port.

    The preview listens on 127.0.0.1 only, but a web page can point a name of its own at
    127.0.0.1 (DNS rebinding) and then read the drafts through the browser as same-origin
    pages: its requests carry that name in Host, so anything else is refused.
    """
    if not host:
        return False
    host = host.strip().lower()
    names = {f"{name}:{port}" for name in LOCAL_NAMES}
    if port == 80:
        names |= set(LOCAL_NAMES)
    return host in names


def guard_hosts(app: Any, port: Callable[[], int]) -> Any:
    """A WSGI app that answers 403 to a request whose Host is not the preview's own."""

    def guarded(environ: dict[str, Any], start_response: Any) -> Any:
        if not host_allowed(environ.get("HTTP_HOST"), port()):
            start_response(
                "403 Forbidden",
                [
                    ("Content-Type", "text/plain; charset=utf-8"),
                    ("Content-Length", str(len(REFUSED))),
                ],
            )
            return [REFUSED]
        return app(environ, start_response)

    return guarded


def make_builder(options: BuildOptions, root: Path = ROOT) -> Callable[[], bool]:
    """A function that rebuilds the preview (into `options.site`); it returns False (and
    prints why) on a problem."""

    def build() -> bool:
        started = time.perf_counter()
        try:
            corpus = load_content(options.content, root)
            build_site(corpus, options, post_steps=post_steps(options))
        except ContentError as error:
            for problem in error.problems:
                print(problem.text(), file=sys.stderr)
            print(
                f"{summary(error.problems)} The preview shows the last good version.",
                file=sys.stderr,
            )
            return False
        except BuildError as error:
            print(f"The preview was not rebuilt:\n{error}", file=sys.stderr)
            return False
        print(f"Rebuilt in {time.perf_counter() - started:.1f} s.", file=sys.stderr)
        return True

    return build


def serve(options: BuildOptions, *, port: int = 8000, host: str = "127.0.0.1") -> int:
    """Build (without PDFs), serve and rebuild on change until Ctrl+C; return the exit code."""
    # Imported here so that the forked build workers start with the engine already loaded.
    from imvo.engine import LOGGER, LiveReloadServer

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    LOGGER.setLevel(logging.INFO)
    with tempfile.TemporaryDirectory(prefix="imvo-preview-") as folder:
        site = Path(folder) / "site"
        options = dataclasses.replace(options, site=site, pdf=False)
        build = make_builder(options, Path.cwd())
        if not build():
            print(
                "Fix the problems above, then run 'python build.py serve' again.", file=sys.stderr
            )
            return 1

        def rebuild() -> None:
            build()  # a failed build prints why and keeps the last good site

        server = LiveReloadServer(
            builder=rebuild,
            host=host,
            port=port,
            root=str(site),
            polling_interval=0.2,
        )
        server.set_app(guard_hosts(server.get_app(), lambda: int(server.server_address[1])))
        server.build_delay = 0.05
        server.watch(str(options.content))
        for name in WATCHED:
            if (ROOT / name).exists():
                server.watch(str(ROOT / name))
        print(f"Preview on http://{host}:{port}/ (Ctrl+C stops it)", file=sys.stderr)
        signal.signal(signal.SIGTERM, stop)  # so that the temporary folder is removed
        try:
            server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    return 0
