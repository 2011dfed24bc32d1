"""Build the run's shared site in the background: `python tests/build_shared_site.py <folder>
<port>`, started by the first test worker that collects a test needing it
(tests/browser_fixtures.py). It builds under the same lock as the `served_site` fixture, so a
worker that needs the site first waits for it, or builds it itself when this has not begun."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]

from browser_fixtures import ROOT, SharedServer, shared_corpus_folder, shared_site  # noqa: E402

from imvo.validate import load_content  # noqa: E402


def main(folder: str, port: str) -> int:
    """Load the content the tests use and build the shared site (if no one has yet)."""
    content = shared_corpus_folder()
    shared_site(SharedServer(Path(folder), int(port)), load_content(content, ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
